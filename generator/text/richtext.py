"""Authors' Markdown to safe HTML that any site engine passes through untouched.

Every Markdown field of a course is rendered here, never by the engine: raw HTML in the source stays
text, links and images are checked by what a browser would make of them, nh3 cleans the result with an
allow-list, and the HTML is written on one line with every Markdown-significant character as a numeric
character reference, so a second Markdown pass (MkDocs, Zensical, any CommonMark reader) finds nothing
to interpret. Our own HTML blocks around a field (trainer notes, quotes) keep its lists and paragraphs.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.content.citations import CitationRef, replace_inline
from generator.content.model import BLANK

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "span",
    "div",
}
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
_CLASSES = {
    "div": {"admonition", "note", "tip", "warning", "danger", "important", "info"},
    "p": {"admonition-title"},
    "span": {"ql-unsafe-link"},
}
_VOID = {"br", "hr", "img"}
# Characters that mean something to some Markdown reader; in embedded HTML they are references.
_SPECIAL = set("\\`*_{}[]()#+-.!|<>&~^$=:\"'%@")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u201c\u201d"
# At most three spaces around the break, so an indented code block keeps its lines.
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \t]{{0,3}}\n[ \t]{{0,3}}(?=[{_CJK}])")


@dataclass(frozen=True)
class LinkFinding:
    """A link or image in an author's Markdown that is not rendered as written."""

    url: str
    kind: str  # "unsafe" (script or data URL), "relative" (not a web address), "external-image"


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see, after entities, control characters and spaces are removed."""
    probe = html.unescape(html.unescape(url))
    probe = re.sub(r"[\x00-\x20\x7f-\x9f]", "", probe).lower()
    match = _SCHEME.match(probe)
    return match.group(1) if match else None


def classify(url: str, *, image: bool = False) -> str | None:
    """None for a link that is rendered as written; otherwise the finding's kind."""
    scheme = url_scheme(url)
    if scheme is not None:
        if scheme not in SAFE_SCHEMES:
            return "unsafe"
        return "external-image" if image else None
    if url.strip().startswith(("//", "\\\\", "/\\", "\\/")):
        return "external-image" if image else "unsafe"
    return "relative"


# Python-Markdown ships no type information (markdown.* is ignore_missing_imports), so its classes are Any.
class _Links(Treeprocessor):  # type: ignore[misc]
    """Links keep only web addresses; images only come from the site itself, never from another host."""

    def __init__(self, md: markdown.Markdown, findings: list[LinkFinding]) -> None:
        super().__init__(md)
        self.findings = findings

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                url = element.get("href", "")
                kind = classify(url)
                if kind is not None:
                    self.findings.append(LinkFinding(url, kind))
                    _as_text(element)
            elif element.tag == "img":
                url = element.get("src", "")
                kind = classify(url, image=True)
                if kind is None:
                    continue
                self.findings.append(LinkFinding(url, kind))
                alt = element.get("alt", "") or url
                if kind == "external-image":
                    # Shown as a link to the picture: opening a page never fetches from another host.
                    element.attrib.clear()
                    element.tag, element.text = "a", alt
                    element.set("href", url)
                else:
                    element.attrib.clear()
                    element.tag, element.text = "span", alt
                    element.set("class", "ql-unsafe-link")


def _as_text(element: etree.Element) -> None:
    element.tag = "span"
    element.attrib.clear()
    element.set("class", "ql-unsafe-link")


# Python-Markdown ships no type information: see _Links.
class _AuthorText(Extension):  # type: ignore[misc]
    def __init__(self, findings: list[LinkFinding]) -> None:
        super().__init__()
        self.findings = findings

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Raw HTML is text: without these two, "<b>" reaches the tree as characters and is escaped.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Links(md, self.findings), "ql_links", 8)


class _Renderer:
    def __init__(self) -> None:
        self.findings: list[LinkFinding] = []
        self.md = markdown.Markdown(
            extensions=["tables", "def_list", "sane_lists", "admonition", _AuthorText(self.findings)],
            output_format="html",
        )

    def render(self, text: str) -> tuple[str, list[LinkFinding]]:
        self.findings.clear()
        self.md.reset()
        rendered = self.md.convert(text)
        return rendered, list(self.findings)


_RENDERER = _Renderer()


def _clean(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        allowed_classes=_CLASSES,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def encode_text(text: str) -> str:
    """Text as HTML that no Markdown reader can take for markup: specials become references."""
    out = []
    for char in text:
        if char in _SPECIAL:
            out.append(f"&#{ord(char)};")
        elif char in "\r\n\u2028\u2029\x85\x0b\x0c":
            out.append("&#10;")
        else:
            out.append(char)
    return "".join(out)


class _OneLine(HTMLParser):
    """Re-serialise sanitised HTML on one line, every special character as a reference."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A tag is taken whole by every Markdown reader, so HTML's own escaping is enough inside it.
        written = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attrs)
        self.out.append(f"<{tag}{written}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(encode_text(data))


def one_line(fragment: str) -> str:
    parser = _OneLine()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


def _single_paragraph(fragment: str) -> str | None:
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p>") == 1:
        inner = fragment[3:-4]
        if not re.search(r"<(?:p|div|ul|ol|dl|table|pre|blockquote|h[1-6]|hr)\b", inner):
            return inner
    return None


def render(
    text: str,
    cite: Callable[[CitationRef], str] = lambda ref: encode_text(str(ref)),
    *,
    blank: Callable[[int], str] | None = None,
) -> str:
    """An author's Markdown as one line of safe HTML: inline when it is one paragraph, else a block.

    ``cite`` gives the (already safe, one-line) HTML of a ``[[policy-id#anchor]]`` citation. Inline
    output fits any Markdown position (list item, table cell, after a label); block output belongs on
    a line of its own, or in a list item or definition.
    """
    safe = _render(text, cite, blank)[0]
    inner = _single_paragraph(safe)
    return inner if inner is not None else f'<div class="ql-md">{safe}</div>'


def render_block(text: str, cite: Callable[[CitationRef], str], *, lead: str | None = None) -> str:
    """Always a block, for a line of its own; ``lead`` (plain text) opens the first paragraph in bold."""
    safe = _render(text, cite)[0]
    if lead is not None:
        label = f"<strong>{encode_text(lead)}</strong>　"
        safe = f"<p>{label}{safe[3:]}" if safe.startswith("<p>") else f"<p>{label.rstrip('　')}</p>{safe}"
    return f'<div class="ql-md">{safe}</div>'


def _render(
    text: str, cite: Callable[[CitationRef], str], blank: Callable[[int], str] | None = None
) -> tuple[str, list[LinkFinding]]:
    refs: list[CitationRef] = []

    def hold(inner: str) -> str:
        refs.append(CitationRef.parse(inner))
        return f"\ue000{len(refs) - 1}\ue001"

    source = replace_inline(re.sub("[\ue000-\ue002]", "", text).strip(), hold)
    # A line break inside a Chinese paragraph is no space: join the lines, as a reader of the source expects.
    source = _CJK_BREAK.sub("", source)
    if blank is not None:
        # Fill-in blanks (____) are not emphasis: they are held out of Markdown like citations.
        source = BLANK.sub("\ue002", source)
    rendered, findings = _RENDERER.render(source)
    safe = one_line(_clean(rendered)).strip()
    safe = _PLACEHOLDER.sub(lambda m: cite(refs[int(m.group(1))]), safe)
    if blank is not None:
        numbers = iter(range(1, safe.count("\ue002") + 1))
        safe = re.sub("\ue002", lambda _: blank(next(numbers)), safe)
    return safe, findings


def link_findings(text: str) -> list[LinkFinding]:
    """What validate warns about or rejects in a Markdown field: the same parser the build uses."""
    return _render(text, lambda ref: "")[1]
