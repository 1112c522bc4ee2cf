"""The provision tree from hand-made documents: every numbering style and bracket width, continued
numbering, skipped levels, headings on the same line, unnumbered paragraphs and headings."""

from __future__ import annotations

from .conftest import anchors, data

PLAN = """
XX县教育局关于开展清廉学校建设的实施方案
为推进清廉学校建设，制定本方案。
一、总体要求
以习近平新时代中国特色社会主义思想为指导。
二、主要任务
(一)建设清明政风（2022年4月至5月）
1.压实主体责任。加强党组建设。（责任单位：县教育局党组、各学校）
2、加强思想教育。深化学习。
这是第2条的补充段落。
(二)建设清净校风
3．全面加强党建。研究制定意见。
（1）第一项要求，要抓好落实。
(2)第二项要求。
①细则一，逐项落实。
②细则二，按时完成。
4.坚持正确理念。
三、保障措施
加强领导，落实责任。
XX县教育局
2022年3月1日
"""


def test_full_hierarchy(import_text, validates):
    result = import_text(PLAN)
    validates(result)
    found = anchors(result)
    assert list(found) == [
        "1",
        "2",
        "2.1",
        "2.1.1",
        "2.1.2",
        "2.2",
        "2.2.3",
        "2.2.3.1",
        "2.2.3.2",
        "2.2.3.2.1",
        "2.2.3.2.2",
        "2.2.4",
        "3",
    ]
    assert [found[a]["number"] for a in ("1", "2.1", "2.1.1", "2.2.3.1", "2.2.3.2", "2.2.3.2.1")] == [
        "一",
        "（一）",
        "1",
        "（1）",
        "（2）",
        "①",
    ]


def test_heading_and_text_on_one_line(import_text):
    found = anchors(import_text(PLAN))
    assert found["2.1.1"]["title"] == "压实主体责任"
    assert found["2.1.1"]["text"] == "加强党组建设。"
    assert found["1"] == {"number": "一", "title": "总体要求", "text": "以习近平新时代中国特色社会主义思想为指导。"}
    assert found["2.2.3.1"]["text"] == "第一项要求，要抓好落实。" and "title" not in found["2.2.3.1"]


def test_unnumbered_paragraph_belongs_to_the_provision_before(import_text):
    result = import_text(PLAN)
    found = anchors(result)
    assert found["2.1.2"]["text"] == "深化学习。\n\n这是第2条的补充段落。"
    assert data(result)["preamble"] == "为推进清廉学校建设，制定本方案。"


def test_fields_and_signature(import_text):
    result = import_text(PLAN)
    found = anchors(result)
    assert found["2.1.1"]["responsible"] == ["县教育局党组", "各学校"]
    assert found["2.1"] == {
        "number": "（一）",
        "title": "建设清明政风",
        "deadline": "2022年4月至5月",
        "provisions": found["2.1"]["provisions"],
    }
    assert found["3"]["text"] == "加强领导，落实责任。"  # the 落款 is not part of the last provision
    meta = data(result)
    assert meta["issuers"] == ["XX县教育局"] and meta["issued"] == "2022-03-01"
    assert "issuers" not in result.draft.meta.notes and "issued" not in result.draft.meta.notes


def test_numbering_continues_across_sections(import_text, validates):
    result = import_text("""
        某校师德建设方案
        一、重点任务
        （一）政风
        1.第一项。
        2.第二项。
        （二）校风
        3.第三项。
        4.第四项。
        （三）教风
        5.第五项。
        二、工作要求
        1.加强领导。
        """)
    validates(result)
    assert list(anchors(result)) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.3", "1.2.4", "1.3", "1.3.5", "2", "2.1"]


def test_chapters_and_articles(import_text, validates):
    result = import_text("""
        某某学校教师廉洁从教规定
        第一章 总则
        第一条 为规范教师行为，制定本规定。
        第二条 本规定适用于全体教师。
        第二章　行为规范
        第三条　教师应当遵守以下规定：
        （一）不得组织有偿补课；
        （二）不得收受礼品礼金。
        第四条 违反本规定的，依规处理。
        """)
    validates(result)
    found = anchors(result)
    assert list(found) == ["1", "1.1", "1.2", "2", "2.3", "2.3.1", "2.3.2", "2.4"]
    assert found["1"]["number"] == "第一章" and found["1"]["title"] == "总则"
    assert found["2.3"] == {
        "number": "第三条",
        "text": "教师应当遵守以下规定：",
        "provisions": found["2.3"]["provisions"],
    }
    assert found["2.3.1"] == {"number": "（一）", "text": "不得组织有偿补课；"}


def test_level_skipped(import_text):
    found = anchors(
        import_text("""
        关于加强管理的通知
        一、主要任务
        1.第一项任务。
        2.第二项任务。
        二、保障
        （一）加强领导。
        """)
    )
    assert list(found) == ["1", "1.1", "1.2", "2", "2.1"]


def test_unnumbered_headings_and_a_numbered_fourth(import_text, validates):
    result = import_text("""
        某区作风整顿实施方案
        一、目标要求
        指导思想
        全面贯彻党的教育方针，坚持问题导向，推动全区教育事业发展。
        主要目标
        1.提升素质能力。干部素质明显提升。
        2.提高发展成效。教育质量明显提高。
        二、工作要求
        加强组织领导
        成立领导小组，局长任组长，其他班子成员为副组长。
        营造浓厚氛围
        加大宣传报道力度，树立先进典型。
        （三）建立长效机制
        建立一批简明易行、管用有效的制度。
        """)
    validates(result)
    found = anchors(result)
    assert list(found) == ["1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1", "2.2", "2.3"]
    assert [found[a].get("title") for a in ("1.1", "1.2", "2.1", "2.2", "2.3")] == [
        "指导思想",
        "主要目标",
        "加强组织领导",
        "营造浓厚氛围",
        "建立长效机制",
    ]
    assert "number" not in found["1.1"] and found["2.3"]["number"] == "（三）"
    assert "# 请核对：原文此处是无编号的小标题" in result.yaml_text


def test_numbering_that_lost_its_line_break_is_split(import_text):
    found = anchors(
        import_text("""
        工作方案
        一、工作要求
        (一)提高站位，把握重要性。
        各学校要高度重视。(二)压实责任，提高实效性。
        各学校要强化责任。
        """)
    )
    assert found["1.1"] == {"number": "（一）", "title": "提高站位，把握重要性", "text": "各学校要高度重视。"}
    assert found["1.2"] == {"number": "（二）", "title": "压实责任，提高实效性", "text": "各学校要强化责任。"}


def test_a_sentence_with_a_number_inside_is_not_split(import_text):
    found = anchors(
        import_text("""
        工作方案
        一、目标
        1.提升质量。全年投入。2.5亿元用于改善条件。
        """)
    )
    assert list(found) == ["1", "1.1"]
    assert "2.5亿元" in found["1.1"]["text"]


def test_restarted_numbering_gets_distinct_anchors(import_text, validates):
    result = import_text("""
        工作方案
        一、任务
        1.第一项。
        2.第二项。
        1.又从一开始的一项。
        """)
    validates(result)
    found = anchors(result)
    assert list(found) == ["1", "1.1", "1.2", "1.1-2"]
    assert "# 请核对：编号与前文重复" in result.yaml_text


def test_document_without_numbers_keeps_every_paragraph(import_text, validates):
    result = import_text("""
        关于做好暑期安全工作的通知
        各学校：
        暑假将至，请各校做好学生安全教育。
        请于7月1日前报送工作总结。
        """)
    validates(result)
    provisions = data(result)["provisions"]
    assert [p["text"] for p in provisions] == ["暑假将至，请各校做好学生安全教育。", "请于7月1日前报送工作总结。"]
    assert data(result)["preamble"] == "各学校："


def test_half_width_punctuation_becomes_full_width_in_chinese_only(import_text):
    found = anchors(
        import_text("""
        工作方案
        一、要求
        1.加强领导.坚持问题导向,落实责任;时间:2021年9月24日 14:57,投入1,000元(含配套资金)。
        """)
    )
    text = found["1.1"]["text"]
    assert "坚持问题导向，落实责任；时间：2021年9月24日 14:57，投入1,000元（含配套资金）。" in text
