"""What a renderer needs to know about the page it writes: relative links and citations."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from generator.content.citations import CitationRef
from generator.content.course import Course
from generator.pages.backlinks import Backlink, backlinks
from generator.pages.paths import policy_page
from generator.pages.templating import fragment
from generator.pages.units import UnitPages, unit_pages
from generator.text import richtext
from generator.text.markup import plain_excerpt


def html_path(page: str) -> str:
    """Where a generated page's HTML lands (the site is built without directory URLs)."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page


@dataclass(frozen=True)
class Link:
    """A link a template writes: its label is text (escaped there), its URL already relative and safe."""

    text: str
    url: Markup


@dataclass(frozen=True)
class MetaRow:
    """One line of a page's metadata block (发文机关, 处理时间 …): values joined by ``separator``."""

    name: str
    values: list[str | Markup]
    separator: str = "、"


class Shared:
    """What many pages derive from the whole course, computed once per site."""

    def __init__(self, course: Course) -> None:
        self.course = course

    @cached_property
    def cited_by(self) -> dict[tuple[str, str | None], list[Backlink]]:
        return backlinks(self.course)

    @cached_property
    def units(self) -> UnitPages:
        return unit_pages(self.course)


@dataclass(frozen=True)
class PageContext:
    course: Course
    page: str  # this page's path, e.g. "policies/index.md"
    shared: Shared = field(default=None, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.shared is None:  # a page rendered on its own (the standalone paper, a test)
            object.__setattr__(self, "shared", Shared(self.course))

    def url(self, target: str, anchor: str | None = None) -> str:
        """A Markdown link from this page to another generated page, relative so file:// and sub-paths work."""
        relative = posixpath.relpath(target, posixpath.dirname(self.page) or ".")
        if relative == posixpath.basename(self.page) and anchor:
            relative = ""
        return f"{relative}#{anchor}" if anchor else relative

    def link(self, text: str, target: str, anchor: str | None = None) -> Link:
        return Link(text, Markup(self.url(target, anchor)))

    def href(self, target: str, anchor: str | None = None) -> str:
        """The same link for HTML the engine does not rewrite: straight to the .html file."""
        return html_path(self.url(target, anchor).partition("#")[0]) + (f"#{anchor}" if anchor else "")

    def cite(self, ref: CitationRef) -> Markup:
        """A citation that ``checks`` already resolved, as one line of safe HTML."""
        entry = self.course.policies[ref.policy_id]
        if ref.anchor is None:
            label, hover = f"《{entry.item.title}》", ""
        else:
            node = entry.anchors[ref.anchor]
            label, hover = node.citation, plain_excerpt(node.provision.text or node.provision.title or "")
        return fragment(
            "_cite.html.j2", label=label, hover=hover, url=self.href(policy_page(entry.item.id), ref.anchor)
        )

    def markdown(self, text: str | None, *, blank: Callable[[int], str] | None = None) -> Markup:
        """An author's Markdown as safe HTML on one line (inline when it is one paragraph), citations linked;
        ``blank`` gives the HTML for the n-th fill-in blank (____) of a quiz stem."""
        if not text:
            return Markup()
        return Markup(richtext.render(text, self.cite, blank=blank))

    def block(self, text: str | None, *, lead: str | None = None) -> Markup:
        """An author's Markdown as a block of safe HTML for a line of its own, ``lead`` in bold before it."""
        if not text:
            return fragment("_lead.html.j2", lead=lead) if lead else Markup()
        return Markup(richtext.render_block(text, self.cite, lead=lead))

    def quote(self, text: str) -> Markup:
        """A cited provision quoted in full under its linked label (违反条款, 重点条款), as one HTML block."""
        ref = CitationRef.parse(text)
        parts: list[Markup] = []
        if ref.anchor is not None:
            node = self.course.policies[ref.policy_id].anchors[ref.anchor]
            if node.provision.text:
                parts.append(self.block(node.provision.text))
            for child in node.children:
                lead = " ".join(filter(None, [child.display_number, child.provision.title])) or None
                parts.append(self.block(child.provision.text, lead=lead))
        return fragment("_quote.html.j2", cite=self.cite(ref), parts=parts)
