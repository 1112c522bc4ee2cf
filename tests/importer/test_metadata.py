"""Title, issuers, issue date, 文号 and addressees from hand-made documents."""

from __future__ import annotations

import pytest

from generator.importer.patterns import find_date, find_doc_number

from .conftest import anchors, data

NOTICE = """
XX县教育局文件
县教发〔2021〕12号
XX县教育局关于印发《XX县清廉学校建设实施方案》的通知
各学区、局属学校：
现将《XX县清廉学校建设实施方案》印发给你们，请认真贯彻执行。
XX县教育局　　XX县纪委监委驻教育局纪检监察组
2021年9月24日
XX县清廉学校建设实施方案
为推进清廉学校建设，根据《宜昌市清廉学校建设实施方案》，制定本方案。
一、指导思想
坚持以人民为中心。
二、工作目标
打造清廉教育。
"""


@pytest.mark.parametrize(
    "text, date",
    [
        ("2021年9月24日", "2021-09-24"),
        ("2021-09-24", "2021-09-24"),
        ("2021.9.24", "2021-09-24"),
        ("2021/9/24", "2021-09-24"),
        ("二〇二一年九月二十四日", "2021-09-24"),
        ("二○二二年十二月三十一日", "2022-12-31"),
        ("发布时间：2017-08-29 14:57:00", "2017-08-29"),
        ("2021年2月30日", None),
        ("2021年9月", None),
    ],
)
def test_date_formats(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "教师〔2018〕16号",
        "教师[2018]16号",
        "教师（2018）16号",
        "教师(2018)16号",
        "教师【2018】第16号",
        "教师［2018］ 16 号",
    ],
)
def test_doc_number_brackets(text):
    assert find_doc_number(text) == "教师〔2018〕16号"


def test_notice_before_the_title(import_text, validates):
    result = import_text(NOTICE)
    validates(result)
    meta = data(result)
    assert meta["title"] == "XX县清廉学校建设实施方案"
    assert meta["doc_number"] == "县教发〔2021〕12号"
    assert meta["issuers"] == ["XX县教育局", "XX县纪委监委驻教育局纪检监察组"]
    assert meta["issued"] == "2021-09-24"
    assert meta["based_on"] == ["宜昌市清廉学校建设实施方案"]
    assert meta["level"] == "county"
    assert meta["preamble"].split("\n\n") == [
        "XX县教育局关于印发《XX县清廉学校建设实施方案》的通知",
        "各学区、局属学校：",
        "现将《XX县清廉学校建设实施方案》印发给你们，请认真贯彻执行。",
        "XX县教育局　XX县纪委监委驻教育局纪检监察组",
        "2021年9月24日",
        "为推进清廉学校建设，根据《宜昌市清廉学校建设实施方案》，制定本方案。",
    ]
    assert result.draft.meta.addressees == ["各学区", "局属学校"]
    assert list(anchors(result)) == ["1", "2"]
    assert "县教发" not in meta["preamble"] and "XX县教育局文件" not in result.yaml_text.split("title:")[1]


@pytest.mark.parametrize(
    "line, issued",
    [
        ("发布时间：2021-09-24 浏览次数：123", "2021-09-24"),
        ("发布日期:2021.9.24", "2021-09-24"),
        ("发布时间：2021年9月24日", "2021-09-24"),
    ],
)
def test_issue_date_from_a_publishing_line(import_text, line, issued):
    result = import_text(f"""
        关于加强师德师风建设的意见
        {line}
        一、总体要求
        坚持立德树人。
        """)
    assert data(result)["issued"] == issued
    assert "发布时间" in result.draft.meta.notes["issued"]
    assert "浏览" not in result.yaml_text and "发布日期" not in result.yaml_text


@pytest.mark.parametrize(
    "signature, issued",
    [
        ("XX县教育局\n2021年9月24日", "2021-09-24"),
        ("XX县教育局\n二〇二一年九月二十四日", "2021-09-24"),
        ("XX县教育局\n2021-09-24", "2021-09-24"),
        ("XX县教育局\n2021.9.24", "2021-09-24"),
    ],
)
def test_issue_date_and_issuer_from_the_signature(import_text, signature, issued):
    result = import_text("关于加强师德师风建设的意见\n一、总体要求\n坚持立德树人。\n" + signature)
    meta = data(result)
    assert (meta["issuers"], meta["issued"]) == (["XX县教育局"], issued)
    assert anchors(result)["1"]["text"] == "坚持立德树人。"


def test_issuers_from_the_title_and_the_source_line(import_text):
    result = import_text("""
        教育部 国家发展改革委关于规范校外培训的意见
        一、总体要求
        坚持育人为本。
        """)
    assert data(result)["issuers"] == ["教育部", "国家发展改革委"]
    assert data(result)["level"] == "national"
    assert "关于" in result.draft.meta.notes["issuers"]
    result = import_text("""
        清廉学校建设实施意见
        来源：XX市教育局 发布者：管理员 发布时间：2022-01-05
        一、总体要求
        坚持育人为本。
        """)
    meta = data(result)
    assert (meta["issuers"], meta["issued"], meta["level"]) == (["XX市教育局"], "2022-01-05", "municipal")
    assert "来源" in result.draft.meta.notes["issuers"]
    assert "管理员" not in result.yaml_text


def test_doc_number_line_after_the_title(import_text):
    result = import_text("""
        新时代中小学教师职业行为十项准则
        教师[2018]16号
        一、坚定政治方向。坚持以习近平新时代中国特色社会主义思想为指导。
        """)
    meta = data(result)
    assert meta["doc_number"] == "教师〔2018〕16号"
    assert meta["issued"] == "2018" and "文号" in result.draft.meta.notes["issued"]
    assert "preamble" not in meta


def test_title_with_trial_subtitle_and_year_prefix(import_text):
    result = import_text("""
        2022XX学校教师考核办法
        （试行）
        一、总则
        为规范考核，制定本办法。
        """)
    meta = data(result)
    assert meta["title"] == "XX学校教师考核办法（试行）"
    assert meta["issued"] == "2022" and meta["level"] == "school"
    assert "年份" in result.draft.meta.notes["title"]


def test_missing_issuer_and_date_are_placeholders_marked_for_checking(import_text, validates):
    result = import_text("""
        教师行为规范
        一、爱国守法。
        二、爱岗敬业。
        """)
    validates(result)
    meta = data(result)
    assert meta["issuers"] == ["待填写"] and meta["issued"] == "2024"
    assert "# 请核对：未找到发文机关，请填写\nissuers:" in result.yaml_text
    assert "# 请核对：原文没有日期" in result.yaml_text
