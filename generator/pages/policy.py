"""The reference page of one policy: metadata panel, summary, preamble, provision tree."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.content.course import PolicyEntry, ProvisionNode
from generator.content.model import Level, Source, Status
from generator.pages.backlinks import Backlink
from generator.pages.context import Link, PageContext
from generator.pages.paths import policy_page
from generator.text.markup import format_deadline

_MAX_HEADING_DEPTH = 5  # provisions at depth 1–5 become h2–h6


@dataclass(frozen=True)
class Citer:
    """A case, lesson or quiz that cites a provision (or the whole policy): 案例：[title](page)."""

    kind: str
    link: Link


@dataclass(frozen=True)
class ProvisionView:
    anchor: str
    citation: str  # how the copy button cites it: 《十项准则》第十项 规范从教行为
    depth: int  # 1 for top-level provisions
    heading: bool  # a heading (h2–h6) with a title; deeper or untitled provisions are blocks
    number: str  # as displayed: 一、 （一） 1.
    title: str
    body: Markup  # the text; for a block, led by its number and title in bold
    units: list[Link]  # 责任单位 chips, each to its unit's list
    deadline: str  # 时限, "" when none
    cited_by: list[Citer]


@dataclass(frozen=True)
class PolicyView:
    title: str
    status: Status
    issuers: list[str]
    doc_number: str
    issued: str
    effective: str
    level: Level | None
    region: str
    based_on: list[Link | str]  # a link to a policy of the course, else the title as written
    tags: list[str]
    source: Link | str | None  # a link to the source's web address, else its note as text; None: no source
    summary: Markup
    preamble: Markup
    cited_by: list[Citer]  # citations of the whole policy
    provisions: list[ProvisionView]  # the tree in reading order (each provision before its children)


def _citers(links: list[Backlink], ctx: PageContext) -> list[Citer]:
    return [Citer(link.kind, ctx.link(link.title, link.page)) for link in links]


def _basis(basis: str, ctx: PageContext) -> Link | str:
    entry = ctx.course.policies.get(basis)
    policy = entry.item if entry else ctx.course.policy_by_title(basis)
    if policy is not None:
        return ctx.link(policy.title, policy_page(policy.id))
    return basis.strip().strip("《》")


def _source(source: Source) -> Link | str:
    label = source.note or source.url or ""
    # Only a web address becomes a link; validation accepts "HTTP://…", which stays text here.
    if source.url and source.url.startswith(("http://", "https://")):
        return Link(label, Markup(source.url))
    return label


def _provision(node: ProvisionNode, ctx: PageContext) -> ProvisionView:
    provision, units = node.provision, ctx.shared.units
    number = node.display_number
    heading = bool(provision.title) and node.depth <= _MAX_HEADING_DEPTH
    if heading:
        body = ctx.block(provision.text)
    else:
        body = ctx.block(provision.text, lead="　".join(filter(None, [number, provision.title])) or None)
    return ProvisionView(
        anchor=node.anchor,
        citation=node.citation,
        depth=node.depth,
        heading=heading,
        number=number,
        title=provision.title or "",
        body=body,
        units=[ctx.link(u, units.page(u), units.anchor(u)) for u in provision.responsible],
        deadline=format_deadline(provision.deadline) if provision.deadline else "",
        cited_by=_citers(ctx.shared.cited_by.get((node.policy.id, node.anchor), []), ctx),
    )


def view(entry: PolicyEntry, ctx: PageContext) -> PolicyView:
    policy = entry.item
    return PolicyView(
        title=policy.title,
        status=policy.status,
        issuers=list(policy.issuers),
        doc_number=policy.doc_number or "",
        issued=policy.issued,
        effective=policy.effective or "",
        level=policy.level,
        region=policy.region or "",
        based_on=[_basis(b, ctx) for b in policy.based_on],
        tags=list(policy.tags),
        source=_source(policy.source) if policy.source else None,
        summary=ctx.block(policy.summary, lead="摘要") if policy.summary else Markup(),
        preamble=ctx.block(policy.preamble),
        cited_by=_citers(ctx.shared.cited_by.get((policy.id, None), []), ctx),
        provisions=[_provision(node, ctx) for node in entry.walk()],
    )
