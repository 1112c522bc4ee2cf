"""Paragraphs of a .docx (python-docx), with Word's automatic list numbers written out, and tables.

A 责任分工表 (columns such as 序号 / 工作任务 / 具体措施 / 牵头单位 / 完成时限) becomes one provision
per row with its fields taken from their columns; any other table is kept as lines of text.

Word keeps "一、" or "1." of an automatic list outside the paragraph text, in the numbering
definitions; without them the document's structure would be lost, so the label Word would
show is rebuilt from numFmt/lvlText and put in front of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from generator.content.numerals import circled, int_to_chinese, int_to_chinese_digits
from generator.importer.chars import fold
from generator.importer.lines import TableRow


def _letters(value: int) -> str:
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    result = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            result += letters
            value -= number
    return result


# Word counts lists up to 32767; a label beyond that is a crafted file, written as digits (a 2,000,000,000-letter
# "AAAA…" or a string of two million "M"s would take minutes and gigabytes).
_LARGEST_SPELLED = 32767


def format_number(value: int, fmt: str) -> str:
    if not 0 < value <= _LARGEST_SPELLED:
        return "" if fmt in ("bullet", "none") else str(value)
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographTraditional",
        "japaneseCounting",
        "taiwaneseCounting",
        "koreanCounting",
    ):
        return int_to_chinese(value)  # as Word's chineseCounting writes them
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return int_to_chinese_digits(value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return circled(value)
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


def _int(value: str | None, default: int) -> int:
    """An integer attribute of the numbering part; a damaged one counts as missing."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


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
            levels[_int(lvl.get(qn("w:ilvl")), 0)] = _Level(
                start=_int(start.get(qn("w:val")), 1) if start is not None else 1,
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
            ilvl = _int(override.get(qn("w:ilvl")), 0)
            if start is not None and ilvl in levels:
                levels[ilvl].start = _int(start.get(qn("w:val")), 1)
        numbering.levels[num.get(qn("w:numId"))] = levels
    return numbering


def _own_num_pr(p_pr) -> tuple[str, int] | None:
    """A pPr's list as (numId, ilvl), or None (numId 0, "no list", is treated as saying nothing, as before)."""
    num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    if num_id is None:
        return None
    if num_id.get(qn("w:val")) == "0":
        return None
    return num_id.get(qn("w:val")), _int(ilvl.get(qn("w:val")), 0) if ilvl is not None else 0


_STYLE_DEPTH = 20  # a style based on a style … deeper than any template; also ends a crafted cycle


def _num_pr(paragraph, styles: dict[str | None, tuple[str, int] | None]) -> tuple[str, int] | None:
    """The list a paragraph belongs to, directly or through its style.

    Styles are resolved once per style id: python-docx looks a paragraph's style up by scanning
    every style of the document, which made long documents take minutes.
    """
    p_pr = paragraph._p.pPr
    direct = _own_num_pr(p_pr)
    if direct:
        return direct
    style_id = p_pr.style if p_pr is not None else None
    if style_id not in styles:
        found = None
        style = paragraph.style
        for _ in range(_STYLE_DEPTH):
            if style is None:
                break
            found = _own_num_pr(style.element.pPr)
            if found:
                break
            style = style.base_style
        styles[style_id] = found or None
    return styles[style_id]


# --- tables ------------------------------------------------------------------------------------

_MAX_COLUMNS = 64  # wider than any real table; also bounds a crafted gridSpan of two billion
_ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(序号|编号|序|号|项次|序次)$")),
    (
        "responsible",
        re.compile(r"(责任|牵头|配合|协同|协办|参与|主责|负责|承办|实施|落实)(单位|部门|处室|股室|科室|主体|科股室)"),
    ),
    ("deadline", re.compile(r"时限|完成时间|时间节点|时间安排|完成期限|办结时间|截止时间|截止日期|进度安排|^时间$")),
    ("text", re.compile(r"措施|内容|要求|举措|做法|标准|具体|目标")),
    ("title", re.compile(r"任务|事项|项目|重点工作|工作$|^工作|名称")),
]


def column_role(header: str) -> str | None:
    """What a column of a task table holds, from its header cell: number, title, text, responsible, deadline."""
    folded = fold(re.sub(r"\s", "", header))
    if not folded or len(folded) > 16:
        return None
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(folded):
            return role
    return None


def _grid(table: Table) -> list[list[tuple[int, str] | None]]:
    """The table as rows of layout-grid cells, (cell identity, text); merged cells repeat their entry.

    Walked by hand rather than through python-docx's ``row.cells``, which expands a gridSpan cell
    by cell and follows vertical merges recursively (a crafted file makes either run for hours).
    """
    rows: list[list[tuple[int, str] | None]] = []
    above: list[tuple[int, str] | None] = []
    serial = 0  # a cell's identity: lxml proxies are short-lived, so id() of one could be reused
    for tr in table._tbl.tr_lst:
        row: list[tuple[int, str] | None] = [None] * min(_int(_grid_before(tr), 0), _MAX_COLUMNS)
        for tc in tr.tc_lst:
            if len(row) >= _MAX_COLUMNS:
                break
            span = max(1, min(_int(_span_of(tc), 1), _MAX_COLUMNS - len(row)))
            if _continues_above(tc):
                entry = above[len(row)] if len(row) < len(above) else None
            else:
                serial += 1
                entry = (serial, "\n".join(p.text for p in _Cell(tc, table).paragraphs).strip())
            row += [entry] * span
        rows.append(row)
        above = row
    return rows


def _grid_before(tr) -> str | None:
    pr = tr.find(qn("w:trPr"))
    node = pr.find(qn("w:gridBefore")) if pr is not None else None
    return node.get(qn("w:val")) if node is not None else None


def _span_of(tc) -> str | None:
    pr = tc.find(qn("w:tcPr"))
    node = pr.find(qn("w:gridSpan")) if pr is not None else None
    return node.get(qn("w:val")) if node is not None else None


def _continues_above(tc) -> bool:
    pr = tc.find(qn("w:tcPr"))
    node = pr.find(qn("w:vMerge")) if pr is not None else None
    return node is not None and node.get(qn("w:val"), "continue") == "continue"


def _distinct(row: list[tuple[int, str] | None]) -> list[tuple[int, tuple[int, str]]]:
    """Each cell once (a merged cell spans several grid columns), with the first column it covers."""
    seen: set[int] = set()
    out = []
    for column, entry in enumerate(row):
        if entry is not None and entry[0] not in seen:
            seen.add(entry[0])
            out.append((column, entry))
    return out


def _flat(row: list[tuple[int, str] | None]) -> str:
    return "  ".join(text.replace("\n", " ") for _, (_, text) in _distinct(row) if text)


def _header_roles(row: list[tuple[int, str] | None]) -> dict[int, str] | None:
    """Column → role, if ``row`` is the header of a task table (a task column and a unit or time column)."""
    roles = {column: column_role(text) for column, (_, text) in _distinct(row)}
    found = set(roles.values())
    if ({"title", "text"} & found) and ({"responsible", "deadline"} & found):
        return {column: role for column, role in roles.items() if role}
    return None


def _names(text: str) -> list[str]:
    return [name for name in re.split(r"[、，,；;\s\u3000]+", text) if name]


def _task_row(row, roles: dict[int, str], headers: dict[int, str], position: int) -> TableRow:
    values: dict[str, list[str]] = {"number": [], "title": [], "text": [], "responsible": [], "deadline": []}
    for column, (_, text) in _distinct(row):
        if not text:
            continue
        role = roles.get(column)
        if role is None:
            values["text"].append(f"{headers[column]}：{text}" if headers.get(column) else text)
        else:
            values[role].append(text)
    title_cells, text_cells = values["title"], values["text"]
    if len(title_cells) > 1 or not text_cells:  # the only task column: its text, heading and all
        text_cells, title_cells = title_cells + text_cells, []
    responsible: list[str] = []
    for cell in values["responsible"]:
        responsible += [name for name in _names(cell) if name not in responsible]
    return TableRow(
        number=" ".join(values["number"]) or None,
        title=" ".join(title_cells[0].split()) if title_cells else None,
        paragraphs=tuple(p.strip() for cell in text_cells for p in cell.split("\n") if p.strip()),
        responsible=tuple(responsible),
        deadline=" ".join(" ".join(values["deadline"]).split()) or None,
        position=position,
    )


def _merged_heading(row: list[tuple[int, str] | None]) -> bool:
    """The only filled cell of the row spans several columns: a heading such as 一、思想建设 inside the table."""
    filled = [entry for entry in row if entry is not None and entry[1]]
    return len({entry[0] for entry in filled}) == 1 and len(filled) > 1


def table_lines(table: Table) -> list[tuple[str, TableRow | None]]:
    """A task table (序号 / 任务 / 责任单位 / 时限) as one provision per row; any other table as lines of text."""
    grid = _grid(table)
    roles, header_at = None, -1
    for index, row in enumerate(grid[:2]):  # a title row may stand above the header
        roles = _header_roles(row)
        if roles:
            header_at = index
            break
    if roles is None:
        return [(text, None) for text in map(_flat, grid) if text]
    headers = {column: re.sub(r"\s", "", text) for column, (_, text) in _distinct(grid[header_at])}
    header_text = _flat(grid[header_at])
    out: list[tuple[str, TableRow | None]] = [(text, None) for text in map(_flat, grid[:header_at]) if text]
    position = 0
    for row in grid[header_at:]:
        text = _flat(row)
        cells = _distinct(row)
        if not text:
            continue
        if text == header_text:  # the header, also where Word repeats it on every page
            out.append((text, TableRow(header=True)))
        elif len(cells) == 1 or _merged_heading(row):
            out.append((text, None))  # one cell across the table: a section heading inside it
        else:
            position += 1
            out.append((text, _task_row(row, roles, headers, position)))
    return out


class TooLong(Exception):
    """The document's text passed the importer's limit (args: the paragraph count, if that was the limit)."""


def docx_lines(source: Path | IO[bytes], limit: int | None = None) -> list[tuple[str, TableRow | None]]:
    """Body paragraphs and table rows in document order; rows of a task table carry their fields."""
    document = docx.Document(source if not isinstance(source, Path) else str(source))
    numbering = _read_numbering(document)
    lines: list[tuple[str, TableRow | None]] = []
    styles: dict[str | None, tuple[str, int] | None] = {}
    size = 0
    for count, block in enumerate(document.iter_inner_content()):
        if limit is not None and count > limit // 10:  # empty paragraphs cost time too, though they hold no text
            raise TooLong(count)
        if isinstance(block, Table):
            found = table_lines(block)
        else:
            text = block.text
            number = _num_pr(block, styles)
            if number and text.strip():
                text = numbering.label(*number) + text
            found = [(piece, None) for piece in text.replace("\t", " ").split("\n")]
        lines += found
        size += sum(len(text) for text, _ in found)
        if limit is not None and size > limit:
            raise TooLong
    return lines
