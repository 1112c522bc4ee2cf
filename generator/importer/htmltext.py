"""The text of an HTML page saved from a browser, one block element per line (stdlib html.parser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "hr",
    "header",
    "main",
    "center",
    "form",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "figcaption",
    "address",
}
# Never text of the document: scripts, styles and the page's navigation chrome.
_SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "select",
    "button",
    "nav",
    "footer",
    "aside",
    "object",
    "canvas",
}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []
        self.in_pre = 0

    def _flush(self) -> None:
        text = "".join(self.current)
        self.current = []
        for piece in text.split("\n") if self.in_pre else [re.sub(r"[ \t\r\n\f]+", " ", text)]:
            if piece.strip():
                self.lines.append(piece.strip(" \t"))

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _SKIPPED and tag not in _VOID:
            self.skipping.append(tag)
            return
        if tag in ("td", "th"):
            self.current.append(" ")
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre":
            self.in_pre += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skipping and tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def declared_charset(raw: bytes) -> str | None:
    match = _CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def html_lines(markup: str) -> list[str]:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return collector.lines
