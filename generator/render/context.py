"""What a renderer needs to know about the page it writes: relative links and citations."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..citations import INLINE, CitationRef
from ..course import Course
from ..markup import inline_text, plain_excerpt, safe_markdown
from ..paths import policy_page


@dataclass(frozen=True)
class PageContext:
    course: Course
    page: str  # this page's path, e.g. "policies/index.md"

    def url(self, target: str, anchor: str | None = None) -> str:
        """A link from this page to another generated page, relative so file:// and sub-paths work."""
        relative = posixpath.relpath(target, posixpath.dirname(self.page) or ".")
        if relative == posixpath.basename(self.page) and anchor:
            relative = ""
        return f"{relative}#{anchor}" if anchor else relative

    def cite(self, ref: CitationRef) -> str:
        """A Markdown link for a citation that ``checks`` already resolved."""
        entry = self.course.policies[ref.policy_id]
        if ref.anchor is None:
            return f"[《{inline_text(entry.item.title)}》]({self.url(policy_page(entry.item.id))}){{ .ql-cite }}"
        node = entry.anchors[ref.anchor]
        hover = plain_excerpt(node.provision.text or node.provision.title or "")
        title = hover.replace("\\", "").replace('"', "“")
        target = self.url(policy_page(entry.item.id), node.anchor)
        return f'[{inline_text(node.citation)}]({target} "{title}"){{ .ql-cite }}'

    def markdown(self, text: str | None) -> str:
        """An author's Markdown made safe, with ``[[citations]]`` turned into links."""
        if not text:
            return ""
        return INLINE.sub(lambda m: self.cite(CitationRef.parse(m.group(1))), safe_markdown(text.strip()))
