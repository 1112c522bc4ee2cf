"""The provision tree, from numbered paragraphs.

Levels are not fixed in advance: each numbering style opens a level below the current one the
first time it appears, and a style already open closes everything under it. That follows the
usual 一、→（一）→1.→（1）→① order, also when a level is skipped (三、 directly followed by 1.)
and when items 1–18 run on across several （一）…（四）.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from generator.content.numerals import anchor_value, auto_anchor
from generator.importer import fields, numbering
from generator.importer.chars import SENTENCE_END, fold, is_han
from generator.importer.lines import Line, TableRow

HEADING = "heading"  # an unnumbered sub-heading (指导思想 / 聚焦问题): a level of its own
_TITLE_STOPS = "。！？"
_OPENERS, _CLOSERS = "（“《〈【‘「", "）”》〉】’」"


@dataclass
class Node:
    style: str
    number: str | None
    value: int | None
    lead: str  # what follows the number on its own line: a heading, text, or both
    line_no: int = 0
    paragraphs: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    title: str | None = None
    text: str | None = None
    responsible: list[str] = field(default_factory=list)
    deadline: str | None = None
    anchor: str | None = None
    notes: list[str] = field(default_factory=list)
    table_row: bool = False  # came from a row of a task table (its fields come from the columns)


@dataclass
class Tree:
    roots: list[Node] = field(default_factory=list)
    leading: list[Line] = field(default_factory=list)  # unnumbered paragraphs before the first provision
    notes: list[str] = field(default_factory=list)


def _parse(text: str) -> numbering.Numbered | None:
    return numbering.parse(text, fold(text))


def first_sentence(text: str) -> tuple[str, str]:
    """Split after the first 。！？ that is not inside brackets or quotes."""
    depth = 0
    for index, char in enumerate(text):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif char in _TITLE_STOPS and depth == 0:
            return text[: index + 1], text[index + 1 :].strip()
    return text, ""


def _closes(text: str | None) -> bool:
    """Whether a paragraph ends so that a heading may follow it."""
    if text is None:
        return False
    numbered = _parse(text)
    if numbered is not None and not any(c in numbered.rest for c in SENTENCE_END):
        return True  # a numbered heading line: 一、目标要求
    return bool(text) and text[-1] in SENTENCE_END


def _is_heading(text: str, previous: str | None, following: str | None) -> bool:
    """An unnumbered sub-heading: short, no sentence punctuation, after a closed paragraph, before text."""
    if not 2 <= len(text) <= 20 or not is_han(text[-1]) or any(c in text for c in "。；：！？:;"):
        return False
    if fold(text).startswith("附件") or following is None:
        return False
    return _closes(previous) and (_parse(following) is not None or len(following) > 20 or following[-1] in SENTENCE_END)


_SENTENCE_STOP = re.compile(f"[{SENTENCE_END}]")
_NUMBER_WINDOW = (
    200  # a number and what must follow it fit in far less: parse a bounded slice, not the rest of the line
)


def split_inline(text: str, stack: list[Node], start: int = 0) -> tuple[str, str | None]:
    """A line that runs on into the next number (…行动自觉。（二）压实责任…): split before that number.

    Only the number that comes next at an open level counts, so a 1. inside a sentence stays put.
    """
    end = split_point(text, stack, start)
    if end is None:
        return text[start:], None
    rest = end
    while rest < len(text) and text[rest] == " ":
        rest += 1
    return text[start:end], text[rest:]


def split_point(text: str, stack: list[Node], start: int = 0) -> int | None:
    """Where the first paragraph of ``text[start:]`` ends if the next number follows on the same line."""
    expected = {(node.style, (node.value or 0) + 1) for node in stack if node.style in numbering.INLINE_STYLES}
    if not expected:
        return None
    index = start
    while True:
        stop = _SENTENCE_STOP.search(text, index, len(text) - 1)
        if stop is None:
            return None
        found_at = stop.start()
        after = found_at + 1
        while after < len(text) and text[after] == " ":
            after += 1
        window = text[after : after + _NUMBER_WINDOW]
        found = numbering.parse(window, fold(window))
        if found and (found.style, found.value) in expected:
            return found_at + 1
        index = found_at + 1


class _Builder:
    def __init__(self) -> None:
        self.tree = Tree()
        self.stack: list[Node] = []

    def _siblings(self, depth: int) -> list[Node]:
        return self.stack[depth - 1].children if depth else self.tree.roots

    def place(self, node: Node) -> None:
        styles = [n.style for n in self.stack]
        if node.style in styles:
            del self.stack[styles.index(node.style) :]
        elif node.style != HEADING and HEADING in styles:
            depth = styles.index(HEADING)
            # Unnumbered headings followed by （四）: the headings were （一）–（三） with their numbers lost.
            if node.value and node.value > 1 and len(self._siblings(depth)) == node.value - 1:
                del self.stack[depth:]
                node.notes.append("前面同级的小标题没有编号，本条按原文编号排在它们之后")
        self._siblings(len(self.stack)).append(node)
        self.stack.append(node)

    def _continues_list(self, numbered: numbering.Numbered) -> bool:
        return any(node.style == numbered.style and node.value == numbered.value - 1 for node in self.stack)

    def _row(self, line: Line, row: TableRow) -> None:
        found = numbering.parse_label(row.number) if row.number else None
        if found is not None:
            node = Node(found.style, found.printed, found.value, "", line.no)
        else:
            node = Node("table", None, None, "", line.no)
            if row.number:
                node.notes.append(f"表格中的序号“{row.number[:20]}”不是可识别的编号，已按位置编号")
        paragraphs = list(row.paragraphs)
        node.lead = row.title or (paragraphs.pop(0) if paragraphs else "")
        node.paragraphs = paragraphs
        node.responsible = list(row.responsible)
        node.deadline = row.deadline
        node.table_row = True
        self.place(node)

    def _leave_table(self) -> Node | None:
        """Close the rows of a table before the text that follows it; the last row, if any was open."""
        last = None
        while self.stack and self.stack[-1].table_row:
            last = self.stack.pop()
        return last

    def build(self, body: list[Line]) -> Tree:
        # (line, offset): a long line that runs on through many numbers is walked, never copied tail by tail.
        queue = deque((line, 0) for line in body)
        previous: str | None = None
        while queue:
            line, start = queue.popleft()
            if line.row is not None:
                self._row(line, line.row)
                previous = line.text
                continue
            last_row = self._leave_table()
            end = split_point(line.text, self.stack, start)
            if end is None:
                text = line.text[start:] if start else line.text
            else:
                text = line.text[start:end]
                rest = end
                while rest < len(line.text) and line.text[rest] == " ":
                    rest += 1
                queue.appendleft((line, rest))
                self.tree.notes.append(f"第 {line.no} 行：原文缺少换行，已在编号“{line.text[rest : rest + 4]}”前拆分")
            following = (queue[0][0].text[queue[0][1] : queue[0][1] + _NUMBER_WINDOW]) if queue else None
            numbered = _parse(text)
            if numbered is not None and numbered.needs_context and not self._continues_list(numbered):
                numbered = None
            if numbered is not None:
                self.place(Node(numbered.style, numbered.printed, numbered.value, numbered.rest, line.no))
            elif self.stack and _is_heading(text, previous, following):
                node = Node(HEADING, None, None, text, line.no)
                node.notes.append("原文此处是无编号的小标题，已作为下一级条款（不写 number）")
                self.place(node)
            elif self.stack:
                if last_row is not None:
                    self.stack[-1].notes.append(f"表格后的第 {line.no} 段已并入本条正文（原文在表格之后）")
                self.stack[-1].paragraphs.append(text)
            elif last_row is not None:
                self.stack.append(last_row)  # nothing encloses the table: the text stays with its last row
                last_row.paragraphs.append(text)
            else:
                self.tree.leading.append(Line(line.no, text))
            previous = text
        return self.tree


def _split_lead(node: Node) -> None:
    """Heading and text of a numbered paragraph: 1.压实主体责任。加强… → title 压实主体责任, text 加强…"""
    lead = node.lead.strip()
    title, text = None, lead
    has_more = bool(node.children or node.paragraphs)
    if node.style == HEADING:
        title, text = lead, ""
    elif lead:
        first, rest = first_sentence(lead)
        bare = first.rstrip(_TITLE_STOPS)
        if first == lead and bare == lead:  # no full stop at all
            if len(lead) <= 40 and lead[-1] not in "：；，、:;,":  # 应当遵守以下规定： introduces, it does not head
                title, text = lead, ""
        elif not rest:  # one sentence
            if has_more and len(bare) <= 40:
                title, text = bare, ""
        elif len(bare) <= 30 and "，" not in bare:
            title, text = bare, rest
        colon = lead.find("：")
        if (
            title is None
            and 0 < colon <= 12
            and colon < len(bare) - 1
            and not any(c in lead[:colon] for c in "，、（“")
        ):
            title, text = lead[:colon], lead[colon + 1 :].strip()  # 1.工作目标：到2022年……
    node.title = title
    node.text = "\n\n".join(p for p in [text] + node.paragraphs if p) or None


def _sibling_titles(nodes: list[Node]) -> None:
    """In a list where every other item has a heading, an untitled item's first sentence is its heading too."""
    numbered = [n for n in nodes if n.style != HEADING]
    untitled = [n for n in numbered if not n.title]
    # Only a lone untitled item has all its siblings titled (counted once: a long list must stay linear).
    if len(numbered) < 2 or len(untitled) != 1:
        return
    node = untitled[0]
    if not node.text:
        return
    first, rest = first_sentence(node.text)
    if rest and len(first) <= 45:
        node.title, node.text = first.rstrip(_TITLE_STOPS), rest
        node.notes.append("标题按同级条款的格式推断")


def _heading_only(text: str) -> bool:
    return (
        len(text) <= 40
        and "\n" not in text
        and not any(c in text for c in SENTENCE_END + "，：:")
        and text[-1] not in "、"
    )


def _fields(node: Node) -> None:
    # Fields a table gave in their own columns stand; the text may still end in a bracket of its own.
    if node.text:
        found = fields.extract(node.text)
        cut = found.text != node.text.rstrip()
        node.text = found.text or None
        node.responsible = node.responsible or found.responsible
        node.deadline = node.deadline or found.deadline
        if cut and not node.title and node.text and _heading_only(node.text):
            node.title, node.text = node.text, None  # 1.召开动员大会（牵头单位：…）: the bracket hid a heading
    if node.title:
        found = fields.extract_title(node.title)
        node.title = found.text or node.title
        node.responsible = node.responsible or found.responsible
        node.deadline = node.deadline or found.deadline
    if not node.title and not node.text:
        node.title = "（无标题）"
        node.notes.append("原文此处只有编号，没有文字")


def finish(nodes: list[Node]) -> None:
    for node in nodes:
        finish(node.children)
        _split_lead(node)
    _sibling_titles(nodes)
    for node in nodes:
        _fields(node)


def assign_anchors(nodes: list[Node]) -> None:
    """Anchors as the content model derives them; where its derivation would differ (a repeated anchor, a
    number it cannot read such as 第一万零一条), the provision gets an explicit, distinct anchor."""
    used: set[str] = set()
    next_suffix: dict[str, int] = {}

    def walk(items: list[Node], path: list[int], model_path: list[int]) -> None:
        for position, node in enumerate(items, start=1):
            numbers = path + [node.value if node.value else position]
            model_value = anchor_value(node.number, position)
            model_numbers = model_path + [model_value or 0]
            anchor = auto_anchor(numbers)
            if anchor in used:
                suffix = next_suffix.get(anchor, 2)  # remembered: counting up from 2 each time is quadratic
                while f"{anchor}-{suffix}" in used:
                    suffix += 1
                next_suffix[anchor] = suffix + 1
                node.anchor = f"{anchor}-{suffix}"
                node.notes.append(f"编号与前文重复（锚点 {anchor}），已另设 anchor")
                anchor = node.anchor
            elif model_value is None or auto_anchor(model_numbers) != anchor:
                node.anchor = anchor
            used.add(anchor)
            walk(node.children, numbers, model_numbers)

    walk(nodes, [], [])


def paragraphs_as_provisions(lines: list[Line]) -> list[Node]:
    """A document without any numbering: each paragraph becomes an unnumbered provision."""
    nodes = []
    for line in lines:
        node = Node(HEADING, None, None, "", line.no)
        node.text = line.text
        nodes.append(node)
    return nodes


def build(body: list[Line]) -> Tree:
    tree = _Builder().build(body)
    finish(tree.roots)
    assign_anchors(tree.roots)
    return tree


def count(nodes: list[Node]) -> int:
    return sum(1 + count(n.children) for n in nodes)


def walk(nodes: list[Node]):
    for node in nodes:
        yield node
        yield from walk(node.children)
