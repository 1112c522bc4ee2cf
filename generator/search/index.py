"""The search index: every page split into sections (headings and provisions), as plain text.

The browser matches substrings directly (see assets/search-worker.js), so a word inside a longer
word is never missed; the index is the text itself plus a traditional→simplified character map,
which keeps it close to the size of the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from generator.pages import paths

_BLOCK = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dt",
    "dd",
    "dl",
    "td",
    "th",
    "tr",
    "table",
    "blockquote",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "pre",
    "fieldset",
    "label",
    "details",
    "summary",
}
_SKIP_TAGS = {"script", "style", "button", "select", "template", "svg"}
# Hidden quiz feedback would reveal answers, and trainer notes are for the trainer's eyes: a search
# result would show either to anyone (answer keys and papers are left out whole, see Site.unsearchable).
_SKIP_CLASSES = {"ql-q-feedback", "ql-trainer-note", "headerlink", "ql-lesson-tools", "ql-filter__empty"}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "param", "track"}


@dataclass
class Section:
    anchor: str | None  # None: the page's own text before its first section
    title: str
    text: str = ""


_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<", re.DOTALL)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTR.finditer(text)
    }


def _walk(markup: str, page_title: str) -> list[Section]:
    """One pass over the tags: a regex tokenizer is several times faster than HTMLParser here,
    and MkDocs hands us well-formed HTML."""
    sections = [Section(None, page_title)]
    parts: list[list[str]] = [[]]
    stack: list[tuple[str, bool]] = []
    skip = 0
    heading: tuple[str, list[str]] | None = None  # (tag, text) of a heading being read
    for match in _TOKEN.finditer(markup):
        closing, tag, attrs, data = match.group(1), match.group(2), match.group(3), match.group(4)
        if data is not None:
            if not skip:
                (heading[1] if heading else parts[-1]).append(data)
            continue
        if tag is None:
            continue  # a comment or a stray "<"
        tag = tag.lower()
        if closing:
            while stack:
                open_tag, skipping = stack.pop()
                skip -= skipping
                if open_tag == tag:
                    break
            if heading and tag == heading[0]:
                sections[-1].title = _clean(html.unescape("".join(heading[1]))).rstrip("¶").strip()
                heading = None
            elif tag in _BLOCK and not skip:
                parts[-1].append(" ")
            continue
        values = _attributes(attrs) if ("=" in attrs) else {}
        classes = set(values.get("class", "").split())
        skipping = tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)
        if tag not in _VOID and not attrs.rstrip().endswith("/"):
            stack.append((tag, skipping))
            skip += skipping
        if skip:
            continue
        element_id = values.get("id")
        if element_id and (tag in _HEADINGS or "ql-prov" in classes):
            sections.append(Section(element_id, values.get("data-cite", "")))
            parts.append([])
            if tag in _HEADINGS:
                heading = (tag, [])
        elif tag in _BLOCK:
            parts[-1].append(" ")
    for section, chunks in zip(sections, parts, strict=False):
        section.text = _clean(html.unescape("".join(chunks)))
    return sections


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def extract_sections(markup: str, page_title: str) -> list[Section]:
    """A page's rendered HTML as searchable sections, in page order."""
    return [s for s in _walk(markup, page_title) if s.anchor is None or s.text or s.title]


def traditional_to_simplified(used: set[str] | None = None) -> str:
    """OpenCC's one-to-one character mappings as a string of pairs: 體体個个…

    With ``used`` (the characters of the indexed text), only pairs that can matter are kept: a
    traditional query character whose simplified form occurs, or a traditional character in the text."""
    data = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    pairs = []
    for line in data.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        # Only characters of the Basic Multilingual Plane: the browser maps them one UTF-16 unit to one,
        # which keeps match positions valid in the original text.
        bmp_pair = len(source) == 1 and len(target) == 1 and source != target and ord(source) < 0x10000 > ord(target)
        if bmp_pair and (used is None or source in used or target in used):
            pairs.append(source + target)
    return "".join(pairs)


class SearchPage(NamedTuple):
    url: str
    title: str  # plain text, as shown
    sections: list[Section]
    kind: str = "other"  # see page_kind; the worker breaks ties by it
    short_titles: tuple[str, ...] = ()  # other names the page is known by (a policy's 简称)


# The kinds of page the search worker ranks, best first when all else is equal.
KINDS = ("policy", "case", "lesson", "quiz", "other", "glossary", "index")


def page_kind(path: str, generated: bool) -> str:
    """What a page is, from its path in the site (a Markdown path such as policies/x.md)."""
    if not generated:
        return "index" if path == "index.md" else "other"
    if path == paths.GLOSSARY:
        return "glossary"
    if path in (paths.POLICY_INDEX, paths.CASE_INDEX, paths.LESSON_INDEX, paths.QUIZ_INDEX, paths.RESPONSIBILITIES):
        return "index"
    pages = (
        ("policy", paths.policy_page),
        ("case", paths.case_page),
        ("lesson", paths.lesson_page),
        ("quiz", paths.quiz_page),
    )
    for kind, page_of in pages:
        prefix, _, suffix = page_of("\0").partition("\0")
        middle = path[len(prefix) : len(path) - len(suffix)]
        if path.startswith(prefix) and path.endswith(suffix) and middle and "/" not in middle:
            return kind
    return "index"  # the other generated pages list things (责任清单 by unit)


def build_index(
    pages: list[SearchPage] | list[tuple[str, str, list[Section]]], aliases: dict[str, str], config: dict | None = None
) -> dict:
    """The JSON the search worker loads: pages, sections, the variant map and glossary aliases.

    A page row is [url, title, kind]; the row of a page's own section (no anchor) carries the page's
    titles, one a line, so the worker scores a page's title as a title."""
    page_rows: list[list[str]] = []
    section_rows: list[list] = []
    for index, page in enumerate(sorted((SearchPage(*p) for p in pages), key=lambda page: page.url)):
        page_rows.append([page.url, page.title, page.kind if page.kind in KINDS else "other"])
        titles = "\n".join(dict.fromkeys(t for t in (_clean(page.title), *map(_clean, page.short_titles)) if t))
        for section in page.sections:
            section_rows.append(
                [index, section.anchor or "", section.title if section.anchor else titles, section.text]
            )
    used = {char for row in section_rows for field in row[2:] for char in field}
    used |= {char for row in page_rows for char in row[1]}
    # Material's page script hands only `config` and `docs` to the worker, so our data rides in config.
    config = dict(config or {"lang": ["zh"], "separator": r"[\s\-]+", "pipeline": []})
    config["qinglian"] = {
        "version": 2,
        "pages": page_rows,
        "sections": section_rows,
        "variants": traditional_to_simplified(used),
        "aliases": aliases,
    }
    return {"config": config, "docs": []}
