"""Index pages: the policy table (newest first) and the 责任清单 by responsible unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.citations import CitationRef
from generator.content.course import ProvisionNode
from generator.content.model import Level, Status
from generator.pages.context import Link, PageContext
from generator.pages.paths import RESPONSIBILITIES, policy_page
from generator.pages.units import UNASSIGNED, UnitPages
from generator.text.markup import format_deadline, markdown_to_text


@dataclass(frozen=True)
class PolicyRow:
    title: Link
    issuers: list[str]
    issued: str
    status: Status
    level: Level | None


@dataclass(frozen=True)
class PolicyIndexView:
    policies: list[PolicyRow]  # newest first


def policy_index_view(_item: object, ctx: PageContext) -> PolicyIndexView:
    return PolicyIndexView(
        [
            PolicyRow(ctx.link(p.title, policy_page(p.id)), list(p.issuers), p.issued, p.status, p.level)
            for p in ctx.course.policies_newest_first()
        ]
    )


_TASK_LIMIT = 60  # characters of provision text in the 任务 column: enough to recognise the task


def _plain(ctx: PageContext, markdown: str) -> str:
    """A provision's Markdown as one line of plain text: citations named, no syntax left."""

    def cite(text: str) -> str:
        ref = CitationRef.parse(text)
        entry = ctx.course.policies.get(ref.policy_id)
        if entry is None:
            return text
        node = entry.anchors.get(ref.anchor) if ref.anchor else None
        return node.citation if node else f"《{entry.item.cite_title}》"

    text = _LINK.sub(r"\1", markdown)  # before markdown_to_text, which stops at the first ")"
    text = markdown_to_text(text, cite).replace("`", "")
    text = _LINE_MARKERS.sub("", text)  # list bullets, headings and quotes mean nothing in a cell
    text = _ESCAPED.sub(r"\1", text)
    return " ".join(text.split())


# A link or image whose destination may hold balanced parentheses: [点此](javascript:alert(1))
_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_LINE_MARKERS = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?)+", re.MULTILINE)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class Duty:
    """One row of a unit's table: which provision, what to do, by when, under which policy."""

    provision: Link  # labelled as citations name it: 第三项
    title: str  # the provision's title on one line, "" when it has none
    task: str  # the start of its text as plain text
    deadline: str  # "" when none
    policy: Link  # labelled with the policy's short title
    status: Status


@dataclass(frozen=True)
class UnitList:
    """A responsible unit (or the group of provisions that name none) and what it is responsible for."""

    name: str
    anchor: str  # its section on the 责任清单
    page: Link  # its own page when the 责任清单 is split
    unassigned: bool
    also: list[str]  # other spellings that mean the same unit
    duties: list[Duty]


@dataclass(frozen=True)
class ResponsibilitiesView:
    units: list[UnitList]  # in pinyin order, the unassigned group last
    split: bool  # an index of unit pages rather than every table on one page
    total: int  # provisions listed, each once however many units it names


@dataclass(frozen=True)
class UnitView:
    unit: UnitList
    back: Link  # to the 责任清单


def _duty(ctx: PageContext, node: ProvisionNode) -> Duty:
    policy, provision = node.policy, node.provision
    text = _plain(ctx, provision.text or "")
    if len(text) > _TASK_LIMIT:
        text = text[: _TASK_LIMIT - 1].rstrip() + "…"
    return Duty(
        provision=ctx.link(node.label, policy_page(policy.id), node.anchor),
        title=" ".join(provision.title.split()) if provision.title else "",
        task=text,
        deadline=format_deadline(provision.deadline) if provision.deadline else "",
        policy=ctx.link(policy.cite_title, policy_page(policy.id)),
        status=policy.status,
    )


def _unit(ctx: PageContext, units: UnitPages, unit: str) -> UnitList:
    return UnitList(
        name=units.title(unit),
        anchor=units.anchors[unit],
        page=ctx.link(units.title(unit), units.page(unit)),
        unassigned=unit == UNASSIGNED,
        also=list(units.written.get(unit, [])) if unit != UNASSIGNED else [],
        duties=[_duty(ctx, node) for node in units.table[unit]],
    )


def responsibilities_view(_item: object, ctx: PageContext) -> ResponsibilitiesView:
    units = ctx.shared.units
    total = len({(node.policy.id, node.anchor) for nodes in units.table.values() for node in nodes})
    return ResponsibilitiesView([_unit(ctx, units, u) for u in units.ordered()], units.split, total)


def unit_view(item: tuple[str, str], ctx: PageContext) -> UnitView:
    return UnitView(_unit(ctx, ctx.shared.units, item[0]), ctx.link("返回责任清单", RESPONSIBILITIES))
