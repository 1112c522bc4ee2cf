"""Helpers that turn authors' text into safe Markdown: raw HTML shown as text, no script links."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
# A link destination may hold one level of balanced parentheses: javascript:alert(1)
_LINK_DEST = re.compile(r"(\]\(\s*<?)([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)|(^\s{0,3}\[[^\]]+\]:\s*<?)(\S*)", re.M)
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:")


def _outside_code(text: str, transform: Callable[[str], str]) -> str:
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(transform(text[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(transform(text[last:]))
    return "".join(parts)


def _escape_html(text: str) -> str:
    # "&" too: an entity could spell "javascript:" inside a link that the browser decodes.
    # "{" would open an attr_list and let an author set onclick=… on an element.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")


def _safe_destination(url: str) -> str:
    probe = re.sub(r"[\s\x00-\x1f]", "", url).lower()
    if _SCHEME.match(probe) and not probe.startswith(_SAFE_SCHEMES):
        return "#"
    return url


def _neutralise_links(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1) + _safe_destination(match.group(2))
        return match.group(3) + _safe_destination(match.group(4))

    return _LINK_DEST.sub(replace, text)


def safe_markdown(text: str) -> str:
    """An author's Markdown with raw HTML and attribute lists shown as text and script URLs removed."""
    return _neutralise_links(_outside_code(text, _escape_html))


def inline_text(text: str) -> str:
    """Plain text placed into generated Markdown (headings, table cells, link labels)."""
    escaped = re.sub(r"([\\`*_\[\]#|!{}])", r"\\\1", text)
    return escaped.replace("&", "&amp;").replace("<", "&lt;")


def attr(text: str) -> str:
    """A value for an HTML attribute written by the generator."""
    return html.escape(text, quote=True)


def plain_excerpt(markdown: str, limit: int = 240) -> str:
    """Markdown reduced to a one-line plain excerpt (for hover titles)."""
    text = re.sub(r"\[\[([^\]]+)\]\]", r"\1", markdown)
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
    text = re.sub(r"\[\[([^\[\]\n]+?)\]\]", lambda m: cite(m.group(1)), text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?!\*)", r"\1", text)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()
    restore = iter(blanks)
    return re.sub("\x00", lambda _: next(restore), text)
