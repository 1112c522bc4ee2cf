"""Hostile or mistaken input: each ends in seconds, either imported or with a clear Chinese message (exit 1),
and whatever the file's name or text holds, the YAML reads back exactly as meant."""

from __future__ import annotations

import io
import os
import re
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from generator.cli import main
from generator.content.yamlsource import parse_yaml
from generator.importer import ImportFailure, ImportOptions, import_file, read_source
from generator.importer.emit import Draft, data, emit, keyword, scalar, text_value
from generator.importer.metadata import Metadata
from generator.importer.pipeline import self_check
from generator.importer.structure import Node
from generator.problems import Problem

from .conftest import anchors, run_import

HOSTILE = [
    "a\nid: evil",
    "a\rissued: 1999",
    "a\u2028title: x",
    "a\u0085b",
    "a\u2029c",
    "key: value",
    "# not a comment",
    'say "hi"',
    "it's",
    "- item",
    "* star",
    "& anchor",
    "! tag",
    "% directive",
    "@at",
    "`tick`",
    "\ttab",
    "back\\slash",
    "{a: 1}",
    "[1, 2]",
    "|",
    ">",
    "yes",
    "null",
    "~",
    "0x1F",
    "1e3",
    "",
    " lead",
    "trail ",
    "\ufeffbom",
    "bell\x07",
    "del\x7f",
    "😀𠀀",
    "---",
    "...",
]


def timed(action, seconds: float = 20):
    """Run ``action`` in a thread: a hang fails the test instead of stalling the run."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = action()
        except BaseException as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    outcome["elapsed"] = time.monotonic() - started
    return outcome


# --- reading --------------------------------------------------------------------------------------


def test_fifo_device_and_folder_are_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path, message in ((fifo, "不是普通文件"), (Path("/dev/zero"), "不是普通文件"), (tmp_path, "文件夹")):
        outcome = timed(lambda p=path: read_source(p), 10)
        assert isinstance(outcome.get("error"), ImportFailure), outcome
        assert message in str(outcome["error"])


def test_fifo_at_the_command_line(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert timed(lambda: main(["import", str(fifo)]), 10)["value"] == 1
    assert capsys.readouterr().err.strip() == (
        f"{fifo}: 这不是普通文件（而是管道、设备或套接字），不能导入：请给出 .txt、.docx 或 .html 文件"
    )


def _numbered_list_docx(path: Path, start: str, fmt: str) -> Path:
    document = docx.Document()
    document.add_paragraph("某校制度")
    for text in ("第一项。", "第二项。"):
        document.add_paragraph(text, style="List Number")
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        level.find(qn("w:start")).set(qn("w:val"), start)
        level.find(qn("w:numFmt")).set(qn("w:val"), fmt)
    document.save(str(path))
    return path


@pytest.mark.parametrize("fmt", ["upperLetter", "upperRoman", "chineseCounting", "decimal"])
def test_list_numbering_starting_at_two_billion(tmp_path, fmt):
    path = _numbered_list_docx(tmp_path / "big.docx", "2000000000", fmt)
    outcome = timed(lambda: read_source(path), 20)
    assert "error" not in outcome and outcome["elapsed"] < 10
    assert [line.text for line in outcome["value"].lines] == ["某校制度", "2000000000.第一项。", "2000000001.第二项。"]


def test_damaged_list_start_is_ignored(tmp_path):
    path = _numbered_list_docx(tmp_path / "bad.docx", "abc", "decimal")
    assert [line.text for line in read_source(path).lines] == ["某校制度", "1.第一项。", "2.第二项。"]


def _zip_docx(path: Path, document_xml_size: int) -> Path:
    """A real .docx whose document.xml is padded with spaces up to ``document_xml_size`` bytes (packs tiny)."""
    source = io.BytesIO()
    docx.Document().save(source)
    with (
        zipfile.ZipFile(io.BytesIO(source.getvalue())) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in original.infolist():
            content = original.read(item.filename)
            if item.filename == "word/document.xml":
                content = content + b" " * (document_xml_size - len(content))
            bomb.writestr(item.filename, content)
    return path


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = _zip_docx(tmp_path / "bomb.docx", 60 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    outcome = timed(lambda: read_source(path), 20)
    assert isinstance(outcome.get("error"), ImportFailure) and outcome["elapsed"] < 5
    assert "word/document.xml" in str(outcome["error"]) and "压缩炸弹" in str(outcome["error"])


def test_high_ratio_part_is_refused(tmp_path):
    path = _zip_docx(tmp_path / "ratio.docx", 20 * 1024 * 1024)
    with pytest.raises(ImportFailure, match="压缩比异常"):
        read_source(path)


def test_a_million_empty_paragraphs(tmp_path):
    source = io.BytesIO()
    docx.Document().save(source)
    path = tmp_path / "empty-paragraphs.docx"
    with (
        zipfile.ZipFile(io.BytesIO(source.getvalue())) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed,
    ):
        for item in original.infolist():
            content = original.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 1_000_000)
            packed.writestr(item.filename, content)
    outcome = timed(lambda: read_source(path), 60)
    assert isinstance(outcome.get("error"), ImportFailure), outcome
    assert "段落太多" in str(outcome["error"]) and outcome["elapsed"] < 30


def test_not_a_zip(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 but not really a zip")
    with pytest.raises(ImportFailure, match=r"不是有效的 \.docx"):
        read_source(path)


def test_too_much_text_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("某县方案\n" + "加强党风廉政建设。\n" * 130_000, encoding="utf-8")
    with pytest.raises(ImportFailure, match="文字内容太长（超过 100 万字）"):
        read_source(path)


# --- long texts are imported in linear time ---------------------------------------------------------

SENTENCE = "加强党风廉政建设，落实主体责任，完善制度机制。"


@pytest.mark.parametrize("shape", ["one-line", "broken-lines", "many-items", "same-number", "keys"])
def test_long_text_is_linear(tmp_path, shape):
    size = 400_000  # bytes; before the fix each shape took minutes at this size
    if shape == "one-line":  # a numbered document flattened onto one line
        body = "一、总则。" + SENTENCE * (size // len(SENTENCE.encode()))
    elif shape == "broken-lines":  # running text cut into short lines, all joined back
        body = "\n".join(["加强党风廉政建设，落实主体责任"] * (size // 46))
    elif shape == "many-items":  # hundreds of siblings, one without a heading
        body = "\n".join(f"{n}.任务{n}。{SENTENCE * 3}（责任单位：各学校）" for n in range(1, size // 250))
    elif shape == "same-number":  # every provision numbered 一: each needs its own anchor
        body = "\n".join(["一、总则（责任单位：A，时限：2024年）"] * 15_000)
    else:  # a paragraph full of field keys
        body = "一、总则\n" + "做好工作。责任单位：" * (size // 30)
    path = tmp_path / "long.txt"
    path.write_text("某县方案\n" + body, encoding="utf-8")
    outcome = timed(lambda: run_import(path, policy_id="long-text"), 60)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["value"].problems == []
    assert outcome["elapsed"] < 30, outcome["elapsed"]


def test_more_provisions_than_a_policy_file_may_hold(import_text):
    with pytest.raises(
        ImportFailure, match=r"^导入结果太大（25000 个条款），超过单个政策文件的上限：请把原文拆成几个文件分别导入$"
    ):
        import_text("\n".join(["某县方案"] + ["一、总则（责任单位：A，时限：2024年）"] * 25_000))


# --- numbers of any size ----------------------------------------------------------------------------


def test_articles_past_999(import_text, validates):
    result = import_text("\n".join(["某县规定"] + [f"第{n}条 第{n}项内容。" for n in range(1, 1003)]))
    validates(result)
    found = anchors(result)
    assert len(found) == 1002
    assert (found["999"]["number"], found["1000"]["number"], found["1002"]["text"]) == (
        "第999条",
        "第1000条",
        "第1002项内容。",
    )


def test_chinese_numbers_with_thousands_and_ten_thousands(import_text, validates):
    result = import_text("""
        某县规定
        第一千条 甲。
        第一千零一条 乙。
        第一万零一条 丙。
        """)
    validates(result)
    found = anchors(result)
    assert list(found) == ["1000", "1001", "10001"]
    assert found["10001"] == {
        "number": "第一万零一条",
        "text": "丙。",
        "anchor": "10001",
    }  # 万 needs an explicit anchor


def test_bare_big_numbers_only_where_the_list_leads_up_to_them(import_text, validates):
    lines = [f"{n}. 内容{n}。" for n in range(1, 1002)] + ["2020、2021年连续两年表现良好。"]
    result = import_text("\n".join(["某县清单"] + lines))
    validates(result)
    found = anchors(result)
    assert len(found) == 1001
    assert (found["1001"]["title"], found["1001"]["text"]) == ("内容1001", "2020、2021年连续两年表现良好。")


# --- the output file ----------------------------------------------------------------------------------


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("某县规定\n一、总则。\n某县教育局\n2024年1月2日\n", encoding="utf-8")
    return path


def test_output_into_a_folder(tmp_path, small, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["import", str(small), "-o", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder}: 无法写入：这是一个文件夹，请给出 YAML 文件名（如 policies/xxx.yml）" in err
    assert "Traceback" not in err and list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "target, message",
    [
        ("small.txt/policy.yml", "无法写入：路径中有一级不是文件夹"),
        ("/proc/qinglian-test/policy.yml", "无法写入："),
    ],
)
def test_output_where_nothing_can_be_written(tmp_path, small, capsys, target, message):
    out = tmp_path / target if not target.startswith("/") else Path(target)
    assert main(["import", str(small), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out}: {message}" in err and "Traceback" not in err
    reason = err.split(f"{out}: 无法写入：", 1)[1].splitlines()[0]
    assert reason and not re.search(r"[A-Za-z]", reason), reason  # Chinese, not strerror


def test_output_to_a_fifo_does_not_block(tmp_path, small, capsys):
    fifo = tmp_path / "out.yml"
    os.mkfifo(fifo)
    assert timed(lambda: main(["import", str(small), "-o", str(fifo)]), 10)["value"] == 1
    assert "无法写入：这不是普通文件（而是管道、设备或套接字）" in capsys.readouterr().err


def test_output_replaces_a_file_whole(tmp_path, small, capsys):
    out = tmp_path / "policy.yml"
    out.write_text("old", encoding="utf-8")
    assert main(["import", str(small), "-o", str(out), "--id", "small"]) == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["id"] == "small"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".qinglian")] == []


# --- YAML that reads back exactly ----------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_scalar_reads_back_exactly(value):
    text = f"value: {scalar(value)}\n"
    assert "\n" not in text[:-1] and "\r" not in text and "\u2028" not in text and "\x85" not in text
    assert yaml.safe_load(text) == {"value": value}
    doc, problems = parse_yaml(text, Path("x.yml"))
    assert problems == [] and doc.data == {"value": value}


def test_hostile_values_everywhere_read_back_as_written():
    node = Node(
        "cn",
        HOSTILE[0],
        1,
        "",
        title=HOSTILE[2],
        text="\n".join(HOSTILE),
        responsible=HOSTILE[3:9],
        deadline=HOSTILE[9],
    )
    child = Node("arabic", "1", 1, "", title="\n".join(HOSTILE[10:]), text=HOSTILE[16])
    node.children.append(child)
    node.notes.append("note\nid: evil\u2028issued: 1999")
    meta = Metadata(
        title=HOSTILE[5],
        issuers=HOSTILE[:4],
        issued=HOSTILE[6],
        doc_number=HOSTILE[7],
        level=HOSTILE[8],
        based_on=HOSTILE,
        source_note="\n".join(HOSTILE),
        notes={"title": "guess\rid: evil", "issuers": "\u2028level: school"},
    )
    draft = Draft(
        "hostile-values",
        meta,
        "\n".join(reversed(HOSTILE)),
        [node],
        header="a\u2028b: c\n#x\ry: z",
        id_note="\x85id: x",
    )
    text = emit(draft)
    doc, problems = parse_yaml(text, Path("hostile.yml"))
    assert problems == []
    assert doc.data == data(draft)
    assert yaml.safe_load(text) == data(draft)


def test_fixed_words_stay_plain_everything_else_is_quoted():
    assert [keyword(v) for v in ("county", "in_force", "yes", "null", "a: b", "County")] == [
        "county",
        "in_force",
        '"yes"',
        '"null"',
        '"a: b"',
        '"County"',
    ]


def test_self_check_catches_values_that_do_not_read_back():
    meant = {"id": "x", "title": "标题"}
    problems = self_check('id: "x"\ntitle: "标题"\nissued: "1999"\n', "x.yml", meant)
    assert problems == [Problem.in_file(Path("x.yml"), "读回的 YAML 与导入的内容不一致（issued），导入结果不可用")]
    assert [str(p) for p in problems] == ["x.yml: 读回的 YAML 与导入的内容不一致（issued），导入结果不可用"]


def test_self_check_locates_what_validate_would_report():
    problems = self_check('id: "x"\ntitle: "标题"\nissued: "1999"\nprovisions: []\n', "x.yml")
    assert problems and all(p.file == Path("x.yml") and p.line >= 1 for p in problems)
    assert str(problems[0]) == problems[0].format() and problems[0].format().startswith("x.yml:")


NAMES = [
    "evil\nissued: 1999-01-01.txt",
    "evil\rstatus: repealed.txt",
    "evil\u2028level: school.txt",
    "evil\u0085x.txt",
    "key: value # note.txt",
    "\"quoted\" 'single'.txt",
    "- dash.txt",
    "* star.txt",
    "& amp.txt",
    "! bang.txt",
    "% pct.txt",
    "@ at.txt",
    "tab\there.txt",
    "|pipe.txt",
    "  spaces  .txt",
]


@pytest.mark.parametrize("name", NAMES)
def test_hostile_file_names(tmp_path, name, validates):
    path = tmp_path / name
    path.write_text("某县规定\n一、总则。\n某县教育局\n2024年1月2日\n", encoding="utf-8")
    result = import_file(path, ImportOptions(policy_id="hostile-name", fallback_year=2024))
    validates(result)
    policy = yaml.safe_load(result.yaml_text)
    assert policy["source"]["note"] == text_value(f"由 qinglian import 从“{name}”导入。")
    assert set(policy) == {"id", "title", "issuers", "issued", "level", "source", "provisions"}
    assert (policy["id"], policy["issued"], policy["level"]) == ("hostile-name", "2024-01-02", "county")
    header = result.yaml_text.split("\nid: ", 1)[0].split("\n")
    assert all(line.startswith("# ") for line in header)


def test_file_name_that_is_not_utf8(tmp_path, validates):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/\xff\xfe-policy.txt"))
    path.write_text("某县规定\n一、总则。\n某县教育局\n2024年1月2日\n", encoding="utf-8")
    result = import_file(path, ImportOptions(policy_id="odd-name", fallback_year=2024))
    validates(result)
    assert "\ufffd\ufffd-policy.txt" in yaml.safe_load(result.yaml_text)["source"]["note"]
    result.yaml_text.encode("utf-8")


# --- a document that is no policy ---------------------------------------------------------------------

COMMENTARY = """
浅谈清廉学校建设的几点思考
清廉学校建设是全面从严治党向基层延伸的重要举措，也是办好人民满意教育的内在要求。
笔者认为，学校应当把清廉文化融入日常教育教学，让廉洁理念入脑入心。
教师是学生成长的引路人，更要以身作则，守住底线。
"""


def test_commentary_gets_a_warning(tmp_path, capsys):
    path = tmp_path / "commentary.txt"
    path.write_text(COMMENTARY.strip(), encoding="utf-8")
    assert main(["import", str(path), "--id", "commentary"]) == 0
    err = capsys.readouterr().err
    warning = (
        "警告：这份文件不像政策文件——找不到发文机关和发文日期，也没有条款编号"
        "（可能是网页评论、新闻或解读文章）。仍已按段落导入，请确认确实要把它作为政策收录。"
    )
    assert warning in err.splitlines()
    result = run_import(path, policy_id="commentary")
    assert result.notices[0] == warning and result.problems == []
    assert warning in result.yaml_text


@pytest.mark.parametrize(
    "text",
    [
        "某县规定\n一、总则。\n二、附则。",  # numbered
        "某县教育局关于做好暑期工作的通知\n各学校：\n请做好暑期安全工作。\n某县教育局\n2024年7月1日",  # issuer and date
    ],
)
def test_policies_get_no_warning(import_text, text):
    assert not any(n.startswith("警告") for n in import_text(text).notices)


def test_web_commentary_with_publishing_lines_gets_the_warning(import_text):
    result = import_text("""
        首页 > 评论 > 正文
        让清廉之风吹遍校园
        来源：某某教育网  发布时间：2023-05-06  浏览次数：120
        清廉学校建设不是一句口号，而是实实在在的行动。
        每一位教师都应当从自身做起，拒绝有偿补课，拒收礼品礼金。
        """)
    assert result.notices[0].startswith("警告：这份文件不像政策文件")
