"""Read a policy document into paragraphs: .txt (UTF-8 or GB18030/GBK), .docx and saved .html pages."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .htmltext import declared_charset, html_lines
from .lines import Line

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
DOCX_SUFFIXES = {".docx"}


class ImportFailure(Exception):
    """Input the importer cannot use; the message is for the author, in Chinese."""


@dataclass(frozen=True)
class Source:
    name: str  # file name, for the YAML's source note
    kind: str  # "txt" | "docx" | "html"
    encoding: str | None
    lines: list[Line]


def decode_text(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: a BOM if present, else UTF-8, else GB18030 (a superset of GBK and GB2312)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
            except UnicodeDecodeError:
                break
    if b"\x00" in raw[:4096]:
        raise ImportFailure("这不是文本文件（含有二进制内容）：请另存为 .txt、.docx 或 .html 后再导入")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "GB18030/GBK"
    except UnicodeDecodeError:
        raise ImportFailure("无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）：请在编辑器中以 UTF-8 另存后再导入") from None


def _numbered(texts: list[str]) -> list[Line]:
    return [Line(no, text) for no, text in enumerate(texts, start=1)]


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFailure("文件不存在") from None
    except IsADirectoryError:
        raise ImportFailure("这是一个文件夹，请给出要导入的文件") from None
    except OSError as exc:
        raise ImportFailure(f"无法读取文件：{exc.strerror or exc}") from None


def _read_docx(path: Path) -> list[str]:
    from .wordfile import docx_lines  # python-docx is loaded only for Word files

    try:
        return docx_lines(path)
    except Exception as exc:  # python-docx and lxml raise many kinds; for the author they all mean "unreadable"
        raise ImportFailure(f"无法读取 Word 文件（文件可能已损坏，或其实是旧版 .doc）：{type(exc).__name__}") from None


def _read_html(raw: bytes) -> tuple[list[str], str]:
    declared = declared_charset(raw)
    if declared:
        try:
            return html_lines(raw.decode(codecs.lookup(declared).name)), declared.upper()
        except (LookupError, UnicodeDecodeError):
            pass
    text, encoding = decode_text(raw)
    return html_lines(text), encoding


def read_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps"):
        raise ImportFailure("不支持旧版 Word（.doc/.wps）文件：请在 Word 或 WPS 中另存为 .docx 后再导入")
    if suffix == ".pdf":
        raise ImportFailure("不能直接导入 PDF：请先把 PDF 转成文字（另存为 .txt），再导入该 .txt 文件")
    raw = _read_bytes(path)
    if not raw.strip():
        raise ImportFailure("文件是空的")
    if suffix in DOCX_SUFFIXES:
        texts, kind, encoding = _read_docx(path), "docx", None
    elif suffix in HTML_SUFFIXES:
        texts, encoding = _read_html(raw)
        kind = "html"
    else:
        text, encoding = decode_text(raw)
        if suffix not in TEXT_SUFFIXES and text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
            texts, kind = html_lines(text), "html"
        else:
            texts, kind = text.splitlines(), "txt"
    if not any(t.strip() for t in texts):
        raise ImportFailure("文件中没有文字内容")
    return Source(path.name, kind, encoding, _numbered(texts))
