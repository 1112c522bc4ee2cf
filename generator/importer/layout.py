"""The parts of a document: what stands before the title, the title, a covering 印发通知, the
preamble, the numbered body and the 落款 (signature and date) at its end."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer import numbering
from generator.importer.chars import fold
from generator.importer.lines import Dropped, Line
from generator.importer.patterns import is_date_line, is_doc_number_line, is_org_line, is_title_like, notice_inner_title

_SUBTITLE = re.compile(r"^（[^（）]{1,30}）$")
_SUBTITLE_WORDS = re.compile(r"试行|暂行|修订|修正|草案|征求意见稿|送审稿")
_MASTHEAD = re.compile(r"^\S.{1,40}文件$")
_CLOSING_EXTRA = re.compile(r"^（?此件|^抄送|^抄报|^印发|.+印发$|^（?(联系人|联系电话)")
_YEAR_PREFIX = re.compile(r"^((?:19|20)\d{2})(?![\d年\-./．])(?=\S)")
_TITLE_SPLIT = re.compile(r"[ \u3000]+")


@dataclass
class Layout:
    title: str = ""
    title_notes: list[str] = field(default_factory=list)
    head: list[Line] = field(default_factory=list)  # before the title: masthead, 文号
    notice: list[Line] = field(default_factory=list)  # a 印发通知 printed before the real title
    preamble: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)  # 落款 after the last provision
    doc_number_lines: list[Line] = field(default_factory=list)
    year_prefix: str | None = None  # a year glued before the title by whoever posted it (2021XX县…)
    dropped: list[Dropped] = field(default_factory=list)


def _numbered(line: Line) -> numbering.Numbered | None:
    if line.row is not None:  # a row of a task table is a provision, numbered or not
        found = numbering.parse_label(line.row.number or "")
        return found or numbering.Numbered("table", "", line.row.position, "")
    return numbering.parse(line.text, fold(line.text))


def _first_provision(lines: list[Line], start: int) -> int | None:
    found = [(i, _numbered(lines[i])) for i in range(start, len(lines))]
    numbered = [i for i, number in found if number and not number.needs_context]
    first_ones = [i for i, number in found if number and not number.needs_context and number.value == 1]
    if first_ones:
        return first_ones[0]
    return numbered[0] if numbered else None


def _title_span(lines: list[Line], index: int, end: int) -> int:
    """How many lines the title at ``index`` takes: 1, or 2 when Word split a long title."""
    text = lines[index].text
    if is_title_like(text):
        return 1
    folded = fold(text)
    if index + 1 < end and len(text) <= 60 and ("关于" in folded or folded.count("《") > folded.count("》")):
        if not any(c in text for c in "，。；") and is_title_like(text + lines[index + 1].text):
            return 2
    return 0


def _plain(text: str) -> str:
    return re.sub(r"[\s《》〈〉<>“”\"]", "", fold(text))


def _dedupe_title(title: str, notes: list[str], dropped: list[str]) -> str:
    """A title printed several times on one line (some sharing sites do) is kept once."""
    parts = [p for p in _TITLE_SPLIT.split(title) if p]
    if len(parts) >= 2 and all(len(p) >= 8 for p in parts) and sum(is_title_like(p) for p in parts) >= 2:
        first = _plain(parts[0])
        if all(_plain(p) in first or first in _plain(p) for p in parts[1:]):
            dropped += parts[1:]
            notes.append(f"标题在原文中重复出现 {len(parts)} 次，只保留第一次")
            return parts[0]
    return title


def _strip_year_prefix(layout: Layout, title: str) -> str:
    match = _YEAR_PREFIX.match(title)
    if match and len(title) > 10:
        layout.year_prefix = match.group(1)
        layout.title_notes.append(f"已去掉标题前的年份“{match.group(1)}”（疑为转载者所加）")
        return title[match.end() :].lstrip()
    return title


def _find_title(lines: list[Line], end: int) -> tuple[int, int] | None:
    for index in range(end):
        if _MASTHEAD.match(fold(lines[index].text)) or is_doc_number_line(lines[index].text):
            continue
        span = _title_span(lines, index, end)
        if span:
            return index, span
    return None


def _split_closing(body: list[Line]) -> tuple[list[Line], list[Line], list[Dropped]]:
    """The 落款 after the last provision: signing bodies, the date, 此件公开发布, 抄送 …"""
    numbered = [i for i, line in enumerate(body) if _numbered(line)]
    last_numbered = numbered[-1] if numbered else -1
    for date_index in range(len(body) - 1, last_numbered, -1):
        if not is_date_line(body[date_index].text):
            continue
        after = body[date_index + 1 :]
        if len(after) > 5:
            return body, [], []
        start = date_index
        while start - 1 > last_numbered and is_org_line(body[start - 1].text):
            start -= 1
        extra = [line for line in after if _CLOSING_EXTRA.search(fold(line.text))]
        junk = [Dropped(line, "落款后的无关内容") for line in after if line not in extra]
        return body[:start], body[start : date_index + 1] + extra, junk
    return body, [], []


def _place_title(layout: Layout, lines: list[Line], search_end: int) -> tuple[int, int]:
    """Set the title; return where the lines before it end and where the text after it starts."""
    found = _find_title(lines, search_end)
    if found is None:
        candidates = [i for i in range(search_end) if len(lines[i].text) <= 60 and "。" not in lines[i].text]
        layout.title_notes.append("未找到像标题的行" + ("，取了第一行短文字" if candidates else "，请填写标题"))
        if not candidates:
            layout.title = "未命名政策"
            return 0, 0
        found = candidates[0], 1
    index, span = found
    title_text = "".join(line.text for line in lines[index : index + span])
    title_end = index + span
    inner = notice_inner_title(title_text)
    if inner:  # 关于印发《X》的通知 followed by X itself: the notice is the preamble, X the title
        for j in range(title_end, search_end):
            if _plain(lines[j].text) == _plain(inner):
                layout.notice = lines[index:j]
                title_text, title_end = lines[j].text, j + 1
                break
    repeated: list[str] = []
    title_text = _dedupe_title(title_text, layout.title_notes, repeated)
    layout.dropped += [Dropped(Line(lines[index].no, r), "重复的标题") for r in repeated]
    layout.title = _strip_year_prefix(layout, title_text)
    return index, title_end


def _sort_head(layout: Layout, head: list[Line]) -> None:
    for line in head:
        if is_doc_number_line(line.text) or _MASTHEAD.match(fold(line.text)):
            layout.head.append(line)
        else:
            layout.dropped.append(Dropped(line, "标题前的网页内容"))


def _sort_preamble(layout: Layout, between: list[Line]) -> None:
    for position, line in enumerate(between):
        if position == 0 and _SUBTITLE.match(line.text) and _SUBTITLE_WORDS.search(fold(line.text)):
            layout.title += line.text  # （试行）
        elif is_doc_number_line(line.text):
            layout.doc_number_lines.append(line)
        else:
            layout.preamble.append(line)


def locate(lines: list[Line]) -> Layout:
    layout = Layout()
    first = _first_provision(lines, 0)
    head_end, title_end = _place_title(layout, lines, first if first is not None else min(len(lines), 30))
    _sort_head(layout, lines[:head_end])
    first = _first_provision(lines, title_end)
    _sort_preamble(layout, lines[title_end:first] if first is not None else [])
    layout.doc_number_lines += [line for line in layout.notice + layout.head if is_doc_number_line(line.text)]
    layout.notice = [line for line in layout.notice if not is_doc_number_line(line.text)]
    layout.body, layout.closing, junk = _split_closing(lines[first:] if first is not None else lines[title_end:])
    layout.dropped += junk
    return layout
