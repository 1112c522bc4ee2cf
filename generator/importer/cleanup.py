"""Repair the text itself: whitespace, pinyin annotations, half-width punctuation, broken paragraphs.

Copied web text mixes half-width ``, : ; ( )`` into Chinese sentences; the content model's
texts are Chinese, so punctuation is made full-width where a Chinese character stands beside
it, and left alone between digits or Latin letters (times 14:57, numbers 1,000, URLs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from generator.importer import numbering
from generator.importer.chars import CJK_PUNCT, SENTENCE_END, fold, is_cjk, is_han, printable, to_simplified
from generator.importer.lines import Line, TableRow
from generator.importer.patterns import ends_with_doc_type, is_date_line, is_title_like

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\t]")
# A flattened document (one huge line, paragraphs separated by runs of spaces).
_PARAGRAPH_GAP = re.compile(r" {3,}")
_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})[)）]")
_LOST_MARKS = re.compile(r"\?{2,}")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_PAREN_PAIR = re.compile(r"[(（]([^()（）]*)[)）]")
_QUOTES = {"〝": "“", "〞": "”"}
_CONTINUES_AFTER = "，、“《（—"


@dataclass
class Repairs:
    """What the clean-up changed, for the report."""

    punctuation: int = 0
    pinyin: int = 0
    lost_marks: int = 0
    quotes: int = 0
    split_lines: int = 0
    joined: list[int] = field(default_factory=list)  # source line numbers that were joined to the previous
    simplified: int = 0


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _full_width_marks(text: str, repairs: Repairs) -> str:
    chars = list(text)
    for i, char in enumerate(chars):
        if char not in _HALF_TO_FULL:
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if char in ":," and before.isdigit() and after.isdigit():
            continue  # 14:57, 1,000
        if is_cjk(before) or is_cjk(after):
            chars[i] = _HALF_TO_FULL[char]
            repairs.punctuation += 1
    return "".join(chars)


def _full_width_brackets(text: str, repairs: Repairs) -> str:
    def replace(match: re.Match[str]) -> str:
        whole, inner = match.group(0), match.group(1)
        before, after = _neighbour(text, match.start(), -1), _neighbour(text, match.end() - 1, 1)
        if any(is_han(c) for c in inner) or is_cjk(before) or is_cjk(after):
            fixed = f"（{inner}）"
            repairs.punctuation += sum(1 for a, b in zip(whole, fixed, strict=False) if a != b)
            return fixed
        return whole

    return _PAREN_PAIR.sub(replace, text)


def _tidy_spaces(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if before in CJK_PUNCT or after in CJK_PUNCT:
            return ""  # a stray space beside full-width punctuation
        if (is_han(before) or is_han(after)) and len(match.group(0)) >= 2:
            return "\u3000"  # a wide gap between names (joint issuers) stays visible
        return " "

    return re.sub(r" +", replace, text).strip()


def _strip_pinyin(text: str, repairs: Repairs) -> str:
    def replace(match: re.Match[str]) -> str:
        if not _TONE_MARKS & set(match.group(1).lower()):
            return match.group(0)
        repairs.pinyin += 1
        return ""

    return _PINYIN.sub(replace, text)


def clean_text(text: str, repairs: Repairs, simplified: bool = False) -> str:
    """One paragraph: annotations out, punctuation full-width in Chinese context, spaces tidied."""
    text = _strip_pinyin(text, repairs)
    if simplified:
        converted = to_simplified(text)
        repairs.simplified += sum(1 for a, b in zip(text, converted, strict=False) if a != b)
        text = converted
    text, lost = _LOST_MARKS.subn("", text)  # ???? stand for characters lost in an encoding round-trip
    repairs.lost_marks += lost
    for odd, proper in _QUOTES.items():
        repairs.quotes += text.count(odd)
        text = text.replace(odd, proper)
    text = _full_width_brackets(text, repairs)
    text = _full_width_marks(text, repairs)
    return _tidy_spaces(text)


def _raw_segments(text: str, repairs: Repairs) -> list[str]:
    # "\u3000" is the Chinese indent and gap: two spaces so a single one between names still shows as a gap.
    text = _SPACES.sub(" ", printable(text)).replace("\u3000", "  ")
    if len(text) >= 200 and len(_PARAGRAPH_GAP.findall(text.strip())) >= 2:
        parts = [p for p in _PARAGRAPH_GAP.split(text) if p.strip()]
        repairs.split_lines += len(parts) - 1
        return parts
    return [text]


def _clean_row(row: TableRow, repairs: Repairs, simplified: bool) -> TableRow:
    def clean(text: str | None) -> str:
        return clean_text(_SPACES.sub(" ", printable(text or "")).replace("\u3000", " "), repairs, simplified)

    return replace(
        row,
        number=clean(row.number) or None,
        title=clean(row.title) or None,
        paragraphs=tuple(p for p in map(clean, row.paragraphs) if p),
        responsible=tuple(n for n in map(clean, row.responsible) if n),
        deadline=clean(row.deadline) or None,
    )


def normalise(raw: list[Line], simplified: bool = False) -> tuple[list[Line], Repairs]:
    """Clean every paragraph; split flattened documents; drop empty lines."""
    repairs = Repairs()
    out: list[Line] = []
    for line in raw:
        if line.row is not None:
            row = _clean_row(line.row, repairs, simplified)
            out.append(
                Line(line.no, clean_text(_SPACES.sub(" ", printable(line.text)), repairs, simplified) or " ", row)
            )
            continue
        for segment in _raw_segments(line.text, repairs):
            text = clean_text(segment, repairs, simplified)
            if text:
                out.append(Line(line.no, text))
    return out, repairs


_WINDOW = 300  # far more than any heading, title or number is long: checks look at a bounded part of a paragraph


def _has_clause_marks(text: str) -> bool:
    return any(c in text for c in "，。、；：")


def _is_running_text(text: str) -> bool:
    return len(text) >= 15 and _has_clause_marks(text)


def continues(previous: str, following: str) -> bool:
    """Whether ``following`` is the rest of ``previous``, cut by a stray line break (确保正确的办学 / 方向)."""
    return _continues(_Paragraph(Line(0, previous)), following)


def _short_heading(head: str) -> bool:
    heading = numbering.parse(head, fold(head))
    # 一、强化思想引领，筑牢信仰根基: a numbered heading, its text starts below
    return heading is not None and len(heading.rest) <= 25 and not any(c in heading.rest for c in SENTENCE_END)


class _Paragraph:
    """A paragraph being joined from several lines, kept as parts (joining strings one by one is quadratic).

    Every check looks only at its beginning, its end and its length, so each join costs the same.
    """

    def __init__(self, line: Line) -> None:
        self.no = line.no
        self.row = line.row
        self.parts = [line.text]
        self.length = len(line.text)
        self.head = line.text[:_WINDOW]
        self.tail = line.text[-_WINDOW:]
        self.marks = _has_clause_marks(line.text)
        self._heading: bool | None = None

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        if len(self.head) < _WINDOW:
            self.head = (self.head + text)[:_WINDOW]
            self._heading = None
        self.tail = (self.tail + text)[-_WINDOW:]
        self.marks = self.marks or _has_clause_marks(text)

    @property
    def running(self) -> bool:
        return self.length >= 15 and self.marks

    @property
    def short_heading(self) -> bool:
        if self._heading is None:
            self._heading = _short_heading(self.head)
        return self._heading

    def line(self) -> Line:
        return Line(self.no, "".join(self.parts), self.row)


def _continues(previous: _Paragraph, following: str) -> bool:
    if not previous.length or not following:
        return False
    last = previous.tail[-1]
    if last not in "，、" and not previous.running:  # a trailing comma says "to be continued" on its own
        return False
    if last in SENTENCE_END or not (is_han(last) or last.isalnum() or last in _CONTINUES_AFTER):
        return False
    if previous.length <= _WINDOW and is_title_like(previous.head):
        return False
    if ends_with_doc_type(previous.tail) or is_date_line(following[:_WINDOW]) or previous.short_heading:
        return False
    return numbering.parse(following[:_WINDOW], fold(following[:_WINDOW])) is None


def join_broken(lines: list[Line], repairs: Repairs) -> list[Line]:
    out: list[_Paragraph] = []
    for line in lines:
        last = out[-1] if out else None
        if last and last.row is None and line.row is None and _continues(last, line.text):
            last.add(line.text)
            repairs.joined.append(line.no)
        else:
            out.append(_Paragraph(line))
    return [paragraph.line() for paragraph in out]
