"""The four official seeds against the careful hand transcription in course/policies (see course/SOURCES.md)."""

from __future__ import annotations

import pytest
import yaml

from .conftest import HAND, anchors, data, flatten, run_import, seed_file

FIELDS = ("number", "title", "text", "responsible", "deadline")


def hand(policy_id: str) -> dict:
    return yaml.safe_load((HAND / f"{policy_id}.yml").read_text(encoding="utf-8"))


def tree(provisions: list[dict]) -> dict[str, dict]:
    return {a: {k: p.get(k) for k in FIELDS} for a, p in flatten(provisions).items()}


@pytest.fixture(scope="module")
def seed000():
    return run_import(seed_file("000"), policy_id="changyang-qinglian-school-2021")


@pytest.fixture(scope="module")
def seed001():
    return run_import(seed_file("001"), policy_id="xx-county-paid-tutoring-gifts-2021", simplified=True)


@pytest.fixture(scope="module")
def seed001_traditional():
    return run_import(seed_file("001"), policy_id="xx-county-paid-tutoring-gifts-2021")


@pytest.fixture(scope="module")
def seed003():
    return run_import(seed_file("003"), policy_id="dongchang-school-party-building-2017")


@pytest.fixture(scope="module")
def seed004():
    return run_import(seed_file("004"), policy_id="xx-district-work-style-2017")


@pytest.mark.parametrize("name", ["seed000", "seed001", "seed001_traditional", "seed003", "seed004"])
def test_every_seed_validates(name, request, validates):
    validates(request.getfixturevalue(name))


# --- 000: 18 measures across 三（一）…（四）, each with its 责任单位; a 印发通知 before the title ---------


def test_000_tree_equals_hand_transcription(seed000):
    expected = hand("changyang-qinglian-school-2021")
    assert tree(data(seed000)["provisions"]) == tree(expected["provisions"])


def test_000_eighteen_measures_each_with_responsible(seed000):
    found = anchors(seed000)
    assert len(found) == 30
    measures = {a: p for a, p in found.items() if a.count(".") == 2}
    assert sorted(int(a.split(".")[2]) for a in measures) == list(range(1, 19))
    assert all(p["responsible"] for p in measures.values())
    assert sum(1 for p in found.values() if p.get("responsible")) == 18
    assert found["3.1.3"]["responsible"] == ["县教育局办公室", "教育股", "教师股", "督导办", "各学校"]
    assert found["3.4.18"]["title"] == "优化学生服务"
    assert found["3.4.18"]["responsible"] == ["县教育局教育股", "资助中心", "各学校"]
    assert "责任单位" not in seed000.yaml_text
    assert not any(p.get("deadline") for p in found.values())


def test_000_metadata_and_notice_in_preamble(seed000):
    ours, expected = data(seed000), hand("changyang-qinglian-school-2021")
    for key in ("title", "issuers", "issued", "based_on", "preamble"):
        assert ours[key] == expected[key], key
    assert ours["preamble"].startswith("县纪委机关 县教育局党组关于印发《长阳土家族自治县清廉学校建设实施方案》的通知")
    assert "各学区、集团、局属学校党组织：" in ours["preamble"]
    assert seed000.draft.meta.addressees == ["各学区", "集团", "局属学校党组织"]
    assert not any("各学区、集团" in (p.get("text") or "") for p in anchors(seed000).values())
    assert "issuers" not in seed000.draft.meta.notes and "issued" not in seed000.draft.meta.notes


def test_000_junk_is_dropped_and_reported(seed000):
    reasons = {d.line.no: d.reason for d in seed000.dropped}
    assert reasons == {
        2: "发布信息",
        3: "与后文重复",
        85: "网址",
        86: "分享、打印等页面按钮",
        87: "网站声明",
        88: "分享、打印等页面按钮",
    }
    for junk in ("栏目", "zcbk.cn", "二维码", "侦策百科", "执行。中"):
        assert junk not in seed000.yaml_text


# --- 001: traditional characters with pinyin, time limits, numbering that lost its line break ----------


def test_001_simplified_tree_equals_hand_transcription(seed001):
    expected = hand("xx-county-paid-tutoring-gifts-2021")
    assert tree(data(seed001)["provisions"]) == tree(expected["provisions"])
    ours = data(seed001)
    for key in ("title", "issuers", "issued", "based_on", "preamble"):
        assert ours[key] == expected[key], key


def test_001_deadlines(seed001):
    found = anchors(seed001)
    assert len(found) == 11
    assert {a: p["deadline"] for a, p in found.items() if p.get("deadline")} == {
        "3.2": "2022年3月底前完成",
        "3.3": "2021年7月至2022年3月",
        "3.4": "2021年7月至2022年3月",
    }
    assert found["4.2"]["title"] == "压实责任，提高实效性"  # （二） was run on after 。 in the source
    assert found["4.3"]["title"] == "完善机制，建立长效性"


def test_001_guesses_are_marked(seed001):
    notes = seed001.draft.meta.notes
    assert {"title", "issuers", "issued"} <= notes.keys()
    assert seed001.yaml_text.count("# 请核对：") >= 5
    assert '# 请核对：只知道标题前的年份\nissued: "2021"' in seed001.yaml_text


def test_001_traditional_stays_as_written_without_pinyin(seed001_traditional, seed001):
    text = seed001_traditional.yaml_text
    assert "關于開展中小學有償補課" in text and "(guān)" not in text and "guī" not in text
    assert (
        data(seed001_traditional)["title"]
        == "XX縣教科局關于開展中小學有償補課和教師違規收受禮品禮金問題專項整治工作方案"
    )
    assert data(seed001_traditional)["issuers"] == ["XX縣教科局"]
    assert any("--simplified" in n for n in seed001_traditional.notices)
    assert set(anchors(seed001_traditional)) == set(anchors(seed001))
    assert "????" not in text and "組長：XXX（教科局黨組書記、局長）" in text


# --- 003: web page with breadcrumb and footer, words broken across lines, （1）–（8） ---------------------


def test_003_tree_equals_hand_transcription(seed003):
    expected = hand("dongchang-school-party-building-2017")
    assert tree(data(seed003)["provisions"]) == tree(expected["provisions"])
    found = anchors(seed003)
    assert len(found) == 37
    assert [a for a in found if a.startswith("2.1.1.")] == [f"2.1.1.{i}" for i in range(1, 9)]
    assert "确保正确的办学方向，全面推进素质教育" in found["2.1.1.1"]["text"]
    assert found["2.2.5"]["text"].startswith("健全沟通协调机制，学校党组织要发挥")
    assert found["3.3"]["text"].endswith("本实施意见适用于全区各级各类公办小学、幼儿园（含民办幼儿园）。")


def test_003_metadata(seed003):
    ours, expected = data(seed003), hand("dongchang-school-party-building-2017")
    assert ours["title"] == expected["title"]
    assert ours["issued"] == "2017-08-29"  # the page's 发布时间, marked as such
    assert "发布时间" in seed003.draft.meta.notes["issued"]
    assert ours["issuers"] == ["东昌区"]  # a guess from the title; the hand transcription names 东昌区教育局党委
    assert "issuers" in seed003.draft.meta.notes
    assert ours["based_on"] == expected["based_on"]
    # The one repair the importer does not make: the cited 文号 missing its 〔 〕.
    assert ours["preamble"] == expected["preamble"].replace("〔2016〕", "2016")


def test_003_junk_never_reaches_the_output(seed003):
    for junk in ("您现在的位置", "管理员", "版权归属", "ICP", "公网安备", "技术支持", "邮政编码", "正文"):
        assert junk not in seed003.yaml_text, junk
    assert {d.reason for d in seed003.dropped} == {"面包屑导航", "发布信息", "页脚及其后的内容"}


# --- 004: one flattened line, unnumbered sub-headings, the title printed three times -------------------


def test_004_structure_equals_hand_transcription(seed004):
    ours, expected = anchors(seed004), flatten(hand("xx-district-work-style-2017")["provisions"])
    assert len(ours) == 31
    assert {a: p.get("number") for a, p in ours.items()} == {a: p.get("number") for a, p in expected.items()}
    assert {a for a, p in ours.items() if p.get("title")} == {a for a, p in expected.items() if p.get("title")}
    assert [ours[a]["title"] for a in ("1.1", "1.2", "1.3", "3.1", "3.2", "3.3", "3.4")] == [
        "指导思想",
        "聚焦问题",
        "主要目标",
        "加强组织领导",
        "坚持正确导向",
        "营造浓厚气氛",
        "建立长效机制",
    ]
    assert ours["2.1"]["title"] == "强素质，提升干部能力"
    assert ours["3.4"]["number"] == "（四）"
    assert ours["3.4"]["text"].endswith("各学校、幼儿园参照本方案，结合学校实际制定具体实施方案，积极开展作风整顿。")


def test_004_metadata(seed004):
    ours, expected = data(seed004), hand("xx-district-work-style-2017")
    for key in ("title", "preamble", "based_on"):
        assert ours[key] == expected[key], key
    assert ours["issuers"] == ["区教科局"] and "issuers" in seed004.draft.meta.notes
    assert "issued" in seed004.draft.meta.notes  # no date in the text: any year is a guess


def test_004_junk_is_dropped(seed004):
    dropped = {d.line.text for d in seed004.dropped}
    assert {
        "分享",
        "下载文档",
        "温馨提示：",
        "网站客服：3074922707",
        "此文档下载收益归作者所有",
        "你可能关注的文档",
    } <= dropped
    for junk in ("汇文网", "下载", "客服", ".docx", "收起", "展开", "〞", "2023 XX"):
        assert junk not in seed004.yaml_text, junk
    assert sum(1 for d in seed004.dropped if d.reason == "重复的标题") == 2
