"""Paragraphs of a .docx (python-docx), with Word's automatic list numbers written out.

Word keeps "一、" or "1." of an automatic list outside the paragraph text, in the numbering
definitions; without them the document's structure would be lost, so the label Word would
show is rebuilt from numFmt/lvlText and put in front of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting writes them)."""
    if value < 10:
        return _CN_DIGITS[value]
    if value < 20:
        return "十" + (_CN_DIGITS[value % 10] if value % 10 else "")
    if value < 100:
        return _CN_DIGITS[value // 10] + "十" + (_CN_DIGITS[value % 10] if value % 10 else "")
    if value >= 1000:
        return str(value)
    hundreds, rest = divmod(value, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + _CN_DIGITS[rest]
    else:
        tail = ("一" if rest < 20 else "") + chinese_numeral(rest)  # 一百一十二
    return _CN_DIGITS[hundreds] + "百" + tail


def _letters(value: int) -> str:
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    result = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            result += letters
            value -= number
    return result


def format_number(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
               "japaneseCounting", "taiwaneseCounting", "koreanCounting"):
        return chinese_numeral(value)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(value))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[value - 1] if 1 <= value <= 20 else str(value)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord("０") + int(d)) for d in str(value))
    if fmt == "upperLetter":
        return _letters(value)
    if fmt == "lowerLetter":
        return _letters(value).lower()
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    """Word's list definitions and the running counters of each list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            current = counters.get(index, levels.get(index, _Level()).start)
            return format_number(current, levels.get(index, level).fmt)

        return re.sub(r"%([1-9])", value, level.text)


def _read_numbering(document) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    abstract: dict[str, dict[int, _Level]] = {}
    for node in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in node.findall(qn("w:lvl")):
            start, fmt, text = lvl.find(qn("w:start")), lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText"))
            levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
                start=int(start.get(qn("w:val"))) if start is not None else 1,
                fmt=fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text=text.get(qn("w:val")) if text is not None else "",
            )
        abstract[node.get(qn("w:abstractNumId"))] = levels
    for num in root.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        levels = {k: _Level(v.start, v.fmt, v.text) for k, v in abstract.get(ref.get(qn("w:val")), {}).items()}
        for override in num.findall(qn("w:lvlOverride")):
            start = override.find(qn("w:startOverride"))
            ilvl = int(override.get(qn("w:ilvl"), "0"))
            if start is not None and ilvl in levels:
                levels[ilvl].start = int(start.get(qn("w:val")))
        numbering.levels[num.get(qn("w:numId"))] = levels
    return numbering


def _num_pr(paragraph) -> tuple[str, int] | None:
    """The list a paragraph belongs to, directly or through its style."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for p_pr in candidates:
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is not None and num_id.get(qn("w:val")) != "0":
            return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return None


def docx_lines(path: Path) -> list[str]:
    """Body paragraphs and table rows in document order."""
    document = docx.Document(str(path))
    numbering = _read_numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    if cell.text.strip() and (not cells or cells[-1] != cell.text.strip()):
                        cells.append(cell.text.strip())  # merged cells repeat their text
                if cells:
                    lines.append("  ".join(cells))
            continue
        text = block.text
        found = _num_pr(block)
        if found and text.strip():
            text = numbering.label(*found) + text
        lines += text.replace("\t", " ").split("\n")
    return lines
