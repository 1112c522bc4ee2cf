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

    def quote(self, text: str) -> str:
        """A cited provision quoted in full under its linked label (违反条款, 重点条款)."""
        ref = CitationRef.parse(text)
        entry = self.course.policies[ref.policy_id]
        lines = [f"**{self.cite(ref)}**", ""]
        if ref.anchor is not None:
            node = entry.anchors[ref.anchor]
            body = self.markdown(node.provision.text) if node.provision.text else ""
            lines += [body] if body else []
            for child in node.children:
                number = f"**{inline_text(child.display_number)}** " if child.display_number else ""
                title = f"**{inline_text(child.provision.title)}**　" if child.provision.title else ""
                lines += ["", f"{number}{title}{self.markdown(child.provision.text)}".strip()]
        quoted = "\n".join(f"> {line}" if line else ">" for line in "\n".join(lines).split("\n"))
        return f'<div class="ql-quote" markdown>\n\n{quoted}\n\n</div>'
