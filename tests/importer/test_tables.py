"""Word tables: a 责任分工表 (序号 / 任务 / 措施 / 责任单位 / 时限) becomes provisions with their fields,
in document order; any other table stays text."""

from __future__ import annotations

import time
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.importer import read_source
from generator.importer.wordfile import column_role

from .conftest import anchors, data, run_import


def add_table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def test_task_table_becomes_provisions(tmp_path, validates):
    document = docx.Document()
    for text in (
        "某县清廉学校建设工作方案",
        "为推进清廉学校建设，制定本方案。",
        "一、总体要求",
        "坚持问题导向。",
        "二、任务分工",
    ):
        document.add_paragraph(text)
    add_table(
        document,
        [
            ["序号", "工作任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
            ["1", "加强思想教育", "开展专题学习。\n每月一次集中学习。", "机关党委", "各学校", "2024年6月底前"],
            ["2", "完善制度建设", "修订经费管理办法。（2024年底前）", "计财股", "", "长期坚持"],
            ["3", "开展警示教育", "组织观看警示片。", "纪检组、督导办", "各学校", ""],
        ],
    )
    document.add_paragraph("三、保障措施")
    document.add_paragraph("加强组织领导，落实责任。")
    result = run_import(save(document, tmp_path / "plan.docx"), policy_id="task-plan")
    validates(result)
    found = anchors(result)
    assert list(found) == ["1", "2", "2.1", "2.2", "2.3", "3"]
    assert found["2.1"] == {
        "number": "1",
        "title": "加强思想教育",
        "text": "开展专题学习。\n\n每月一次集中学习。",
        "responsible": ["机关党委", "各学校"],
        "deadline": "2024年6月底前",
    }
    # The column's time limit stands; a bracket in the text is not a second one to lose.
    assert found["2.2"]["deadline"] == "长期坚持" and found["2.2"]["responsible"] == ["计财股"]
    assert found["2.3"]["responsible"] == ["纪检组", "督导办", "各学校"] and "deadline" not in found["2.3"]
    assert found["3"]["text"] == "加强组织领导，落实责任。"
    assert "工作任务" not in result.yaml_text and "牵头单位" not in result.yaml_text
    assert any(d.reason == "表格的表头" for d in result.dropped)
    assert result.provision_count == 6


def test_table_without_numbers_merged_cells_and_repeated_header(tmp_path, validates):
    document = docx.Document()
    document.add_paragraph("某校师德师风建设责任分工")
    table = add_table(
        document,
        [
            ["重点任务", "责任部门", "时限"],
            ["一、师德教育", "", ""],
            ["组织全体教师学习十项准则。", "", "2024年3月"],
            ["开展师德承诺签名活动。", "", "2024年4月"],
            ["重点任务", "责任部门", "时限"],
            ["二、监督检查", "", ""],
            ["设立举报信箱。", "校办公室", "长期"],
        ],
    )
    merged = table.cell(2, 1).merge(table.cell(3, 1))  # one unit for both tasks (vertical merge)
    merged.text = "德育处"
    for row in (1, 5):  # a section heading across the whole table
        heading = table.cell(row, 0).merge(table.cell(row, 2))
        heading.text = "一、师德教育" if row == 1 else "二、监督检查"
    result = run_import(save(document, tmp_path / "duty.docx"), policy_id="duty-table")
    validates(result)
    found = anchors(result)
    assert list(found) == ["1", "1.1", "1.2", "2", "2.1"]
    assert found["1"]["title"] == "师德教育"
    assert (found["1.1"]["text"], found["1.1"]["responsible"], found["1.1"]["deadline"]) == (
        "组织全体教师学习十项准则。",
        ["德育处"],
        "2024年3月",
    )
    assert found["1.2"]["responsible"] == ["德育处"]
    assert (found["2.1"]["responsible"], found["2.1"]["deadline"]) == (["校办公室"], "长期")
    assert "重点任务" not in result.yaml_text


def test_plain_table_stays_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("某校课程安排")
    add_table(document, [["星期", "课程"], ["周一", "语文"]])
    lines = [line.text for line in read_source(save(document, tmp_path / "plain.docx")).lines]
    assert lines == ["某校课程安排", "星期  课程", "周一  语文"]
    assert all(line.row is None for line in read_source(tmp_path / "plain.docx").lines)


def test_column_roles():
    assert [
        column_role(h)
        for h in (
            "序号",
            "工作任务",
            "具体措施",
            "牵头单位",
            "配合 单位",
            "完成时限",
            "时间节点",
            "责任部门",
            "任务内容",
            "备注",
        )
    ] == ["number", "title", "text", "responsible", "responsible", "deadline", "deadline", "responsible", "text", None]


def test_crafted_span_does_not_hang(tmp_path):
    document = docx.Document()
    document.add_paragraph("某县方案")
    table = add_table(document, [["序号", "任务", "责任单位"], ["1", "开展自查。", "各学校"]])
    tc_pr = table.cell(1, 1)._tc.get_or_add_tcPr()
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "2000000000")
    tc_pr.append(span)
    started = time.monotonic()
    result = run_import(save(document, tmp_path / "span.docx"), policy_id="span")
    assert time.monotonic() - started < 10
    assert data(result)["provisions"][0]["text"] == "开展自查。"
