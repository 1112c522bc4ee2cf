"""Write the policy YAML by hand: quoted scalars, ``|-`` blocks for texts, Chinese unescaped,
and a ``# 请核对`` comment above every value the importer guessed.

Hand-written so the output reads like the shipped policies (and like what an author would
write), with comments exactly where they belong. Every value goes through ``scalar`` (and every
comment through ``comment_text``): whatever characters a file name or a text holds (line breaks of
any kind, ``: ``, ``#``, quotes, control characters), it cannot end its line or start a key, and
``data`` says exactly what a YAML reader must read back, so the pipeline can check that it does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.importer.metadata import Metadata
from generator.importer.structure import Node

CHECK = "# 请核对："
_MARKDOWN_START = re.compile(r"^(#|>|[-+*] |\d+[.)] )")
_NAMED_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\x00": "\\0",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


@dataclass
class Draft:
    """Everything the YAML is written from."""

    policy_id: str
    meta: Metadata
    preamble: str | None
    provisions: list[Node]
    header: str
    id_note: str | None = None


def _raw_ok(char: str) -> bool:
    """Whether a character may stand as itself in the YAML: printable, and no line break of any kind."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return False  # C0 (tab, CR, LF …), DEL and C1 (NEL …)
    if char in "\u2028\u2029\ufeff\ufffe\uffff":
        return False
    return not 0xD800 <= code <= 0xDFFF


def _escape(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def scalar(value: str) -> str:
    """``value`` as a double-quoted YAML scalar that reads back exactly as ``value``, on one line."""
    return '"' + "".join(c if _raw_ok(c) and c not in '\\"' else _escape(c) for c in value) + '"'


_PLAIN_WORD = re.compile(r"[a-z]+(_[a-z]+)*")
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf"}


def keyword(value: str) -> str:
    """A value from a fixed vocabulary (level: county) unquoted, as authors write it; anything else quoted."""
    return value if _PLAIN_WORD.fullmatch(value) and value not in _RESERVED else scalar(value)


def comment_text(note: str) -> str:
    """A note for a ``#`` comment: one line whatever it holds (a line break would end the comment)."""
    return "".join(c if _raw_ok(c) else _escape(c) for c in note)


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def _markdown_safe(paragraph: str) -> str:
    # A paragraph that happens to start like a Markdown list or heading must stay plain text.
    return "\\" + paragraph if _MARKDOWN_START.match(paragraph) else paragraph


def text_value(text: str) -> str:
    """A Markdown text field as written: paragraphs trimmed, none read as a list or heading."""
    lines = [_markdown_safe(line.strip()) for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def _block_ok(value: str) -> bool:
    """A ``|-`` block carries ``value`` exactly: printable, ``\\n`` its only break, no edge whitespace."""
    if not value or value != value.strip() or not all(_raw_ok(c) or c == "\n" for c in value):
        return False
    return all(line == line.strip() for line in value.split("\n"))


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, indent: str, note: str | None) -> None:
        if note:
            self.lines.append(f"{indent}{CHECK}{comment_text(note)}")

    def scalar(self, indent: str, key: str, value: str, note: str | None = None, first: str = "") -> None:
        """``value`` is YAML already (a quoted scalar or a flow list)."""
        self.comment(indent, note)
        self.lines.append(f"{first or indent}{key}: {value}")

    def block(self, indent: str, key: str, value: str, note: str | None = None, first: str = "") -> None:
        """A text field: a literal block where that is exact, a quoted scalar otherwise."""
        if not _block_ok(value):
            self.scalar(indent, key, scalar(value), note, first)
            return
        self.comment(indent, note)
        self.lines.append(f"{first or indent}{key}: |-")
        self.lines += [f"{indent}  {line}" if line else "" for line in value.split("\n")]


def _provision_data(node: Node) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if node.number:
        item["number"] = node.number
    if node.title:
        item["title"] = node.title
    if node.text:
        item["text"] = text_value(node.text)
    if node.responsible:
        item["responsible"] = list(node.responsible)
    if node.deadline:
        item["deadline"] = node.deadline
    if node.anchor:
        item["anchor"] = node.anchor
    if node.children:
        item["provisions"] = [_provision_data(child) for child in node.children]
    return item


def data(draft: Draft) -> dict[str, Any]:
    """What the YAML says, as a reader must read it back: the emitted text is checked against this."""
    meta = draft.meta
    out: dict[str, Any] = {"id": draft.policy_id, "title": meta.title}
    if meta.doc_number:
        out["doc_number"] = meta.doc_number
    out["issuers"] = list(meta.issuers)
    out["issued"] = meta.issued
    if meta.level:
        out["level"] = meta.level
    if meta.based_on:
        out["based_on"] = list(meta.based_on)
    out["source"] = {"note": text_value(meta.source_note)}
    if draft.preamble and text_value(draft.preamble):
        out["preamble"] = text_value(draft.preamble)
    out["provisions"] = [_provision_data(node) for node in draft.provisions]
    return out


def _provision(writer: _Writer, node: Node, item: dict[str, Any], indent: str) -> None:
    inner = indent + "  "
    for note in node.notes:
        writer.comment(indent, note)
    first = f"{indent}- "
    for index, (key, value) in enumerate((k, v) for k, v in item.items() if k != "provisions"):
        lead = first if index == 0 else ""
        if key == "text":
            writer.block(inner, key, value, first=lead)
        elif isinstance(value, list):
            writer.scalar(inner, key, flow_list(value), first=lead)
        else:
            writer.scalar(inner, key, scalar(value), first=lead)
    if node.children:
        writer.lines.append(f"{inner}provisions:")
        for child, child_item in zip(node.children, item["provisions"], strict=False):
            _provision(writer, child, child_item, inner + "  ")


def emit(draft: Draft) -> str:
    notes = draft.meta.notes
    values = data(draft)
    writer = _Writer()
    writer.lines += [f"# {comment_text(line)}" for line in draft.header.split("\n")]
    writer.scalar("", "id", scalar(values["id"]), draft.id_note)
    writer.scalar("", "title", scalar(values["title"]), notes.get("title"))
    if "doc_number" in values:
        writer.scalar("", "doc_number", scalar(values["doc_number"]), notes.get("doc_number"))
    writer.scalar("", "issuers", flow_list(values["issuers"]), notes.get("issuers"))
    writer.scalar("", "issued", scalar(values["issued"]), notes.get("issued"))
    if "level" in values:
        writer.scalar("", "level", keyword(values["level"]), notes.get("level"))
    if "based_on" in values:
        writer.scalar("", "based_on", flow_list(values["based_on"]), notes.get("based_on"))
    writer.lines.append("source:")
    writer.block("  ", "note", values["source"]["note"])
    if "preamble" in values:
        writer.block("", "preamble", values["preamble"], notes.get("preamble"))
    writer.lines.append("provisions:")
    for node, item in zip(draft.provisions, values["provisions"], strict=False):
        _provision(writer, node, item, "  ")
    return "\n".join(writer.lines) + "\n"
