"""Reading .txt (UTF-8, GBK/GB18030), .docx (python-docx) and saved .html; clear failures for bad input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from generator.importer import ImportFailure, read_source

from .conftest import anchors, data, run_import
from .test_metadata import NOTICE
from .test_structure import PLAN


def same_yaml(a, b) -> bool:
    """Two imports agree apart from the file name in the header and source note."""
    return a.yaml_text.replace(a.source.name, "FILE") == b.yaml_text.replace(b.source.name, "FILE")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig"])
def test_encodings(import_text, encoding):
    utf8 = import_text(NOTICE)
    other = import_text(NOTICE, encoding=encoding)
    assert same_yaml(utf8, other)
    expected = {"gbk": "GB18030/GBK", "gb18030": "GB18030/GBK", "utf-8-sig": "UTF-8"}[encoding]
    assert other.source.encoding == expected
    assert data(other)["title"] == "XX县清廉学校建设实施方案"


def test_gbk_notice_is_reported(import_text):
    result = import_text(PLAN, encoding="gbk")
    assert any("GB18030/GBK" in n for n in result.notices)


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.mark.parametrize("text", [PLAN, NOTICE], ids=["plan", "notice"])
def test_docx_imports_the_same_as_its_text(tmp_path, import_text, text):
    lines = textwrap.dedent(text).strip("\n").splitlines()
    from_docx = run_import(write_docx(tmp_path / "policy.docx", lines), policy_id="imported-policy")
    from_text = import_text(text)
    assert from_docx.source.kind == "docx"
    assert same_yaml(from_docx, from_text)


def test_docx_automatic_numbering_is_written_out(tmp_path, validates):
    document = docx.Document()
    document.add_paragraph("某校教师考核办法")
    for heading, items in (("考核内容", ["师德表现。", "教学质量。"]), ("考核程序", ["个人述职。"])):
        document.add_paragraph(heading, style="List Number 2")
        for item in items:
            document.add_paragraph(item, style="List Number")
    # Word's Chinese list format: make List Number 2 print 一、 二、 (chineseCounting, "%1、").
    numbering = document.part.numbering_part.element
    num_id = document.styles["List Number 2"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    abstract_id = next(
        n.find(qn("w:abstractNumId")).get(qn("w:val"))
        for n in numbering.findall(qn("w:num"))
        if n.get(qn("w:numId")) == num_id
    )
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
    level.find(qn("w:lvlText")).set(qn("w:val"), "%1、")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert [line.text for line in read_source(path).lines] == [
        "某校教师考核办法",
        "一、考核内容",
        "1.师德表现。",
        "2.教学质量。",
        "二、考核程序",
        "3.个人述职。",
    ]
    result = run_import(path, policy_id="teacher-review")
    validates(result)
    assert list(anchors(result)) == ["1", "1.1", "1.2", "2", "2.3"]


def test_docx_table_rows_become_lines(tmp_path):
    document = docx.Document()
    document.add_paragraph("工作任务清单")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "任务", "责任单位"
    table.cell(1, 0).text, table.cell(1, 1).text = "开展自查", "各学校"
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert [line.text for line in read_source(path).lines] == ["工作任务清单", "任务  责任单位", "开展自查  各学校"]


SAVED_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于加强师德师风建设的意见_XX县教育局</title>
<style>.nav { color: red }</style><script>var share = "分享到微信";</script></head>
<body>
<nav><ul><li>首页</li><li>机构概况</li><li>政务公开</li></ul></nav>
<div class="crumb">您现在的位置：首页 &gt;&gt; 政策文件 &gt;&gt; 正文</div>
<h1>关于加强师德师风建设的意见</h1>
<div class="info">发布时间：2021-09-24 &nbsp; 浏览次数：88</div>
<div class="content">
<p>各学校：</p>
<p>&nbsp;&nbsp;为加强师德师风建设，提出如下意见。</p>
<p>一、总体要求</p>
<p>坚持立德树人，<br>把师德师风作为第一标准。</p>
<p>二、主要措施</p>
<p>(一)加强教育。开展专题学习。（责任单位：教育股、各学校）</p>
<p>(二)严格监督。畅通举报渠道。</p>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div>上一篇：<a>关于做好开学工作的通知</a></div>
<footer>版权所有 XX县教育局 鄂ICP备05000000号</footer>
</body></html>
"""


def test_saved_html_page(tmp_path, validates):
    path = tmp_path / "page.html"
    path.write_bytes(SAVED_PAGE.encode("gb2312"))
    result = run_import(path, policy_id="teacher-ethics-2021")
    validates(result)
    meta = data(result)
    assert meta["title"] == "关于加强师德师风建设的意见"
    assert meta["issued"] == "2021-09-24"
    assert meta["preamble"] == "各学校：\n\n为加强师德师风建设，提出如下意见。"
    found = anchors(result)
    assert list(found) == ["1", "2", "2.1", "2.2"]
    assert found["1"]["text"] == "坚持立德树人，把师德师风作为第一标准。"  # <br> inside a sentence is joined back
    assert found["2.1"]["responsible"] == ["教育股", "各学校"]
    for junk in (
        "首页",
        "机构概况",
        "您现在的位置",
        "浏览次数",
        "分享",
        "微博",
        "上一篇",
        "版权所有",
        "ICP",
        "color",
        "var",
    ):
        assert junk not in result.yaml_text, junk


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "文件是空的"),
        ("blank.txt", b" \n\n\t\n", "文件是空的"),
        ("binary.txt", b"\x00\x01\x02PK\x00", "不是文本文件"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
        ("scan.pdf", b"%PDF-1.4", "PDF"),
        ("broken.docx", b"not a zip file at all", "无法读取 Word 文件"),
        ("junk.html", b"<html><body><script>x()</script></body></html>", "没有文字内容"),
    ],
)
def test_bad_input_fails_with_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailure, match=message):
        run_import(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImportFailure, match="文件不存在"):
        run_import(tmp_path / "nowhere.txt")
    with pytest.raises(ImportFailure, match="文件夹"):
        run_import(tmp_path)


def test_only_junk_is_no_document(import_text):
    with pytest.raises(ImportFailure, match="没有找到正文"):
        import_text("分享\n下载文档\n版权所有：某网站")
