"""The search index: every page split into sections (headings and provisions), as plain text.

The browser matches substrings directly (see assets/search-worker.js), so a word inside a longer
word is never missed; the index is the text itself plus a traditional→simplified character map,
which keeps it close to the size of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources

_BLOCK = {"p", "div", "li", "ul", "ol", "dt", "dd", "dl", "td", "th", "tr", "table", "blockquote", "br",
          "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "pre", "fieldset", "label", "details", "summary"}
_SKIP_TAGS = {"script", "style", "button", "select", "template", "svg"}
# Hidden quiz feedback would reveal answers; the answer-key page is indexed instead.
_SKIP_CLASSES = {"ql-q-feedback", "headerlink", "ql-lesson-tools"}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "param", "track"}


@dataclass
class Section:
    anchor: str | None  # None: the page's own text before its first section
    title: str
    text: str = ""


@dataclass
class _Parser(HTMLParser):
    page_title: str
    sections: list[Section] = field(default_factory=list)
    _skip: int = 0
    _stack: list[tuple[str, bool]] = field(default_factory=list)
    _heading: Section | None = None
    _heading_tag: str | None = None
    _buffer: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections.append(Section(None, self.page_title))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        skipping = tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES) or "hidden" in values and "ql-filter__empty" in classes
        if tag not in _VOID:
            self._stack.append((tag, skipping))
            if skipping:
                self._skip += 1
        if self._skip:
            return
        element_id = values.get("id")
        if element_id and (tag in _HEADINGS or "ql-prov" in classes):
            title = values.get("data-cite") or ""
            self.sections.append(Section(element_id, title))
            if tag in _HEADINGS:
                self._heading, self._heading_tag, self._buffer = self.sections[-1], tag, []
        if tag in _BLOCK:
            self._write(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self._stack:
            open_tag, skipping = self._stack.pop()
            if skipping:
                self._skip -= 1
            if open_tag == tag:
                break
        if self._heading is not None and tag == self._heading_tag:
            self._heading.title = _clean("".join(self._buffer)).rstrip("¶").strip()
            self._heading, self._heading_tag = None, None
            return
        if tag in _BLOCK and not self._skip:
            self._write(" ")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._heading is not None:
            self._buffer.append(data)
        else:
            self._write(data)

    def _write(self, text: str) -> None:
        self.sections[-1].text += text


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def extract_sections(html: str, page_title: str) -> list[Section]:
    """A page's rendered HTML as searchable sections, in page order."""
    parser = _Parser(page_title=page_title)
    parser.feed(html)
    parser.close()
    for section in parser.sections:
        section.text = _clean(section.text)
    return [s for s in parser.sections if s.anchor is None or s.text or s.title]


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
        if len(source) == 1 and len(target) == 1 and source != target and ord(source) < 0x10000 > ord(target):
            if used is None or source in used or target in used:
                pairs.append(source + target)
    return "".join(pairs)


def build_index(pages: list[tuple[str, str, list[Section]]], aliases: dict[str, str], config: dict | None = None) -> dict:
    """The JSON the search worker loads: pages, sections, the variant map and glossary aliases."""
    page_rows: list[list[str]] = []
    section_rows: list[list] = []
    for index, (url, title, sections) in enumerate(sorted(pages, key=lambda page: page[0])):
        page_rows.append([url, title])
        for section in sections:
            section_rows.append([index, section.anchor or "", section.title if section.anchor else "", section.text])
    used = {char for row in section_rows for field in row[2:] for char in field}
    used |= {char for _, title in page_rows for char in title}
    # Material's page script hands only `config` and `docs` to the worker, so our data rides in config.
    config = dict(config or {"lang": ["zh"], "separator": r"[\s\-]+", "pipeline": []})
    config["qinglian"] = {
        "version": 1,
        "pages": page_rows,
        "sections": section_rows,
        "variants": traditional_to_simplified(used),
        "aliases": aliases,
    }
    return {"config": config, "docs": []}
