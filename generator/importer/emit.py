"""Write the policy YAML by hand: quoted scalars, ``|-`` blocks for texts, Chinese unescaped,
and a ``# 请核对`` comment above every value the importer guessed.

Hand-written so the output reads like the shipped policies (and like what an author would
write), with comments exactly where they belong; every value is double-quoted, so nothing is
read as a number, a boolean or a date by any YAML reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .metadata import Metadata
from .structure import Node

CHECK = "# 请核对："
_MARKDOWN_START = re.compile(r"^(#|>|[-+*] |\d+[.)] )")


@dataclass
class Draft:
    """Everything the YAML is written from."""

    policy_id: str
    meta: Metadata
    preamble: str | None
    provisions: list[Node]
    header: str
    id_note: str | None = None


def quote(value: str) -> str:
    flat = " ".join(value.split("\n"))
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(quote(v) for v in values) + "]"


def _markdown_safe(paragraph: str) -> str:
    # A paragraph that happens to start like a Markdown list or heading must stay plain text.
    return "\\" + paragraph if _MARKDOWN_START.match(paragraph) else paragraph


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, indent: str, note: str | None) -> None:
        if note:
            self.lines.append(f"{indent}{CHECK}{note}")

    def scalar(self, indent: str, key: str, value: str, note: str | None = None, first: str = "") -> None:
        self.comment(indent, note)
        self.lines.append(f"{first or indent}{key}: {value}")

    def block(self, indent: str, key: str, text: str, note: str | None = None, first: str = "") -> None:
        self.comment(indent, note)
        self.lines.append(f"{first or indent}{key}: |-")
        for paragraph_line in text.split("\n"):
            content = _markdown_safe(paragraph_line.strip())
            self.lines.append(f"{indent}  {content}" if content else "")


def _provision(writer: _Writer, node: Node, indent: str) -> None:
    inner = indent + "  "
    for note in node.notes:
        writer.comment(indent, note)
    first = f"{indent}- "
    entries: list[tuple[str, str, bool]] = []  # key, value, is_block
    if node.number:
        entries.append(("number", quote(node.number), False))
    if node.title:
        entries.append(("title", quote(node.title), False))
    if node.text:
        entries.append(("text", node.text, True))
    if node.responsible:
        entries.append(("responsible", flow_list(node.responsible), False))
    if node.deadline:
        entries.append(("deadline", quote(node.deadline), False))
    if node.anchor:
        entries.append(("anchor", quote(node.anchor), False))
    for index, (key, value, is_block) in enumerate(entries):
        lead = first if index == 0 else ""
        if is_block:
            writer.block(inner, key, value, first=lead)
        else:
            writer.scalar(inner, key, value, first=lead)
    if node.children:
        writer.lines.append(f"{inner}provisions:")
        for child in node.children:
            _provision(writer, child, inner + "  ")


def emit(draft: Draft) -> str:
    meta, notes = draft.meta, draft.meta.notes
    writer = _Writer()
    writer.lines += [f"# {line}" for line in draft.header.splitlines()]
    writer.scalar("", "id", quote(draft.policy_id), draft.id_note)
    writer.scalar("", "title", quote(meta.title), notes.get("title"))
    if meta.doc_number:
        writer.scalar("", "doc_number", quote(meta.doc_number), notes.get("doc_number"))
    writer.scalar("", "issuers", flow_list(meta.issuers), notes.get("issuers"))
    writer.scalar("", "issued", quote(meta.issued), notes.get("issued"))
    if meta.level:
        writer.scalar("", "level", meta.level, notes.get("level"))
    if meta.based_on:
        writer.scalar("", "based_on", flow_list(meta.based_on), notes.get("based_on"))
    writer.lines.append("source:")
    writer.block("  ", "note", meta.source_note)
    if draft.preamble:
        writer.block("", "preamble", draft.preamble, notes.get("preamble"))
    writer.lines.append("provisions:")
    for node in draft.provisions:
        _provision(writer, node, "  ")
    return "\n".join(writer.lines) + "\n"
