"""责任单位 and time limits taken off the end of a provision."""

from __future__ import annotations

import pytest

from generator.importer.fields import extract, title_deadline

from .conftest import anchors


@pytest.mark.parametrize(
    "text, rest, responsible",
    [
        (
            "落实责任。（责任单位：县教育局党组、机关党委、各学校）",
            "落实责任。",
            ["县教育局党组", "机关党委", "各学校"],
        ),
        ("落实责任（牵头单位：教育股；配合单位：督导办、各学校）。", "落实责任。", ["教育股", "督导办", "各学校"]),
        ("落实责任。（责任部门：办公室，人事股）", "落实责任。", ["办公室", "人事股"]),
        ("落实责任。\n\n责任单位：教育股、各学校", "落实责任。", ["教育股", "各学校"]),
        ("由县教育局（责任单位：教育股）统筹，各学校落实。", "由县教育局（责任单位：教育股）统筹，各学校落实。", []),
    ],
)
def test_responsible(text, rest, responsible):
    found = extract(text)
    assert (found.text, found.responsible) == (rest, responsible)


@pytest.mark.parametrize(
    "text, rest, deadline",
    [
        ("推动十项准则落地生效（2022年3月底前完成）", "推动十项准则落地生效", "2022年3月底前完成"),
        ("坚持失责必问。（2021年7月至2022年3月）", "坚持失责必问。", "2021年7月至2022年3月"),
        ("完成自查（2021年12月31日前）。", "完成自查。", "2021年12月31日前"),
        ("长期坚持。（完成时限：长期坚持）", "长期坚持。", "长期坚持"),
        ("做好工作（责任单位：教育股；完成时限：2022年底前）。", "做好工作。", "2022年底前"),
        ("适用于公办小学、幼儿园（含民办幼儿园）。", "适用于公办小学、幼儿园（含民办幼儿园）。", None),
        ("依照《处理办法（2018年修订）》处理。", "依照《处理办法（2018年修订）》处理。", None),
        ("依据有关文件处理（2018年修订）", "依据有关文件处理（2018年修订）", None),
    ],
)
def test_deadline(text, rest, deadline):
    found = extract(text)
    assert (found.text, found.deadline) == (rest, deadline)


def test_heading_ending_in_a_time_limit():
    assert title_deadline("宣传发动阶段（2022年4月至5月）") == ("宣传发动阶段", "2022年4月至5月")
    assert title_deadline("建设清明政风") == ("建设清明政风", None)
    assert title_deadline("完善制度（试行）") == ("完善制度（试行）", None)


def test_fields_in_a_document(import_text, validates):
    result = import_text("""
        某县清廉学校建设工作方案
        一、实施步骤
        （一）宣传发动阶段(2022年4月至5月)
        1.召开动员大会。全面部署工作。(责任单位:县教育局办公室、各学校)
        2.开展宣传活动。营造良好氛围（2022年5月底前完成）
        （二）整改落实阶段（2022年6月至12月）
        3.建立问题台账。逐项整改销号。（牵头单位：督导办；完成时限：2022年12月底）
        """)
    validates(result)
    found = anchors(result)
    assert found["1.1"]["deadline"] == "2022年4月至5月" and found["1.1"]["title"] == "宣传发动阶段"
    assert found["1.1.1"]["responsible"] == ["县教育局办公室", "各学校"]
    assert found["1.1.1"]["text"] == "全面部署工作。"
    assert found["1.1.2"]["deadline"] == "2022年5月底前完成" and found["1.1.2"]["text"] == "营造良好氛围"
    assert found["1.2"]["deadline"] == "2022年6月至12月"
    assert found["1.2.3"]["responsible"] == ["督导办"] and found["1.2.3"]["deadline"] == "2022年12月底"
    assert "责任单位" not in result.yaml_text and "牵头单位" not in result.yaml_text


@pytest.mark.parametrize(
    "text, rest, responsible, deadline",
    [
        ("落实责任。（责任单位：各学校，完成时限：2024年5月底前）", "落实责任。", ["各学校"], "2024年5月底前"),
        ("落实责任（责任单位：A、B 时限：2024年6月）。", "落实责任。", ["A", "B"], "2024年6月"),
        ("做好工作。（牵头单位：X；配合单位：Y；完成时间：2024年底）", "做好工作。", ["X", "Y"], "2024年底"),
        (
            "做好工作。(牵头单位:教育股;配合单位:督导办,各学校;完成时限:长期坚持)",
            "做好工作。",
            ["教育股", "督导办", "各学校"],
            "长期坚持",
        ),
        ("做好工作。（完成时限：2024年6月底前、责任部门：办公室）", "做好工作。", ["办公室"], "2024年6月底前"),
        (
            "做好工作。（责任单位：教育股 配合单位：各学校 完成时间：每学期）",
            "做好工作。",
            ["教育股", "各学校"],
            "每学期",
        ),
        ("做好工作。【责任单位：教育股；时限：2024年底】", "做好工作。", ["教育股"], "2024年底"),
        ("做好工作。责任单位：教育股；完成时限：2024年底。", "做好工作。", ["教育股"], "2024年底"),
        ("做好工作。\n\n牵头单位：教育股  完成时限：2024年9月", "做好工作。", ["教育股"], "2024年9月"),
        # The same words inside a sentence, or a paragraph that is a sentence, stay text.
        ("明确责任单位：县教育局负责统筹。", "明确责任单位：县教育局负责统筹。", [], None),
        ("责任单位：县教育局负责统筹，各学校具体落实。", "责任单位：县教育局负责统筹，各学校具体落实。", [], None),
    ],
)
def test_combined_brackets(text, rest, responsible, deadline):
    found = extract(text)
    assert (found.text, found.responsible, found.deadline) == (rest, responsible, deadline)


def test_combined_fields_in_a_document(import_text, validates):
    result = import_text("""
        某县清廉学校建设工作方案
        一、重点任务
        1.召开动员大会（牵头单位：县教育局办公室；配合单位：各学校；完成时间：2024年3月底）
        2.开展自查自纠。各校对照清单逐项自查。（责任单位：各学校，完成时限：2024年5月底前）
        3.建立台账。逐项整改销号。(责任单位:督导办、纪检组 时限:2024年6月)
        """)
    validates(result)
    found = anchors(result)
    assert found["1.1"]["title"] == "召开动员大会"
    assert (found["1.1"]["responsible"], found["1.1"]["deadline"]) == (["县教育局办公室", "各学校"], "2024年3月底")
    assert (found["1.2"]["text"], found["1.2"]["responsible"], found["1.2"]["deadline"]) == (
        "各校对照清单逐项自查。",
        ["各学校"],
        "2024年5月底前",
    )
    assert (found["1.3"]["responsible"], found["1.3"]["deadline"]) == (["督导办", "纪检组"], "2024年6月")
    for key in ("责任单位", "牵头单位", "配合单位", "完成时限", "完成时间", "时限"):
        assert key not in result.yaml_text.split("provisions:", 1)[1], key
