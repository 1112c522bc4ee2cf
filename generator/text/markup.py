"""Helpers for plain fields placed into generated Markdown, and text forms of dates and Markdown."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from generator.content.citations import replace_inline
from generator.text.richtext import encode_text

_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85\x0b\x0c]+\s*")


def inline_text(text: str) -> str:
    """A plain field placed into generated Markdown (headings, table cells, link labels, list items).

    Plain fields never become markup: line breaks are spaces (a newline plus "> " would open a
    blockquote), leading spaces go (four would open a code block), and every character some Markdown
    reader could act on is a character reference (the rule lives in richtext.encode_text).
    """
    return encode_text(_BREAKS.sub(" ", text).strip())


def attr(text: str) -> str:
    """A value for an HTML attribute written by the generator."""
    return html.escape(text, quote=True)


def plain_excerpt(markdown: str, limit: int = 240) -> str:
    """Markdown reduced to a one-line plain excerpt (for hover titles)."""
    text = replace_inline(markdown, lambda inner: inner)
    text = re.sub(r"[*_`>#]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_date(value: str) -> str:
    """2021-09-24 → 2021年9月24日; 2021-09 → 2021年9月; 2021 → 2021年."""
    parts = value.split("-")
    if not all(p.isdigit() for p in parts):
        return value
    units = ["年", "月", "日"]
    return "".join(f"{int(p) if i else p}{units[i]}" for i, p in enumerate(parts))


def format_deadline(value: str) -> str:
    return format_date(value) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else value


def markdown_to_text(markdown: str, cite: Callable[[str], str] = lambda ref: ref) -> str:
    """Markdown as plain text for other platforms: citations named, emphasis and link syntax dropped,
    every other character (#, _, <, ~ …) kept as written."""
    blanks = re.findall(r"_{3,}", markdown)  # fill-in blanks are not emphasis
    text = re.sub(r"_{3,}", "\x00", markdown)
    text = replace_inline(text, cite)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?!\*)", r"\1", text)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()
    restore = iter(blanks)
    return re.sub("\x00", lambda _: next(restore), text)
