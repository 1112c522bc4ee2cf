"""Index pages: the policy table (newest first) and the 责任清单 by responsible unit."""

from __future__ import annotations

from markupsafe import Markup

import re

from generator.content.citations import CitationRef
from generator.content.course import ProvisionNode
from generator.text.markup import format_date, format_deadline, inline_text, markdown_to_text
from generator.pages.paths import RESPONSIBILITIES, policy_page
from generator.pages.context import PageContext
from generator.pages.policy import LEVEL_NAMES, STATUS_NAMES
from generator.pages.units import UNASSIGNED, UnitPages


def render_policy_index(ctx: PageContext) -> str:
    policies = ctx.course.policies_newest_first()
    lines = [
        "# 政策法规",
        "",
        f"共收录 {len(policies)} 份政策文件，按发布日期由新到旧排列。点击标题查看全文，每一条款都可以复制链接或引用。",
        "",
        "| 标题 | 发文机关 | 发布日期 | 时效性 | 效力级别 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for policy in policies:
        title = f"[{inline_text(policy.title)}]({ctx.url(policy_page(policy.id))})"
        issuers = "、".join(inline_text(i) for i in policy.issuers)
        level = LEVEL_NAMES.get(policy.level, "") if policy.level else ""
        lines.append(f"| {title} | {issuers} | {format_date(policy.issued)} | {STATUS_NAMES[policy.status]} | {level} |")
    return "\n".join(lines) + "\n"


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


def _task(ctx: PageContext, node: ProvisionNode) -> str:
    title = inline_text(" ".join(node.provision.title.split())) if node.provision.title else ""
    text = _plain(ctx, node.provision.text or "")
    if len(text) > _TASK_LIMIT:
        text = text[: _TASK_LIMIT - 1].rstrip() + "…"
    parts = ([f"**{title}**"] if title else []) + ([inline_text(text)] if text else [])
    return "　".join(parts)


def _entries(ctx: PageContext, nodes: list[ProvisionNode]) -> list[str]:
    """The provisions of one unit as a table: what to do, by when, under which policy."""
    # The wrapper lets the stylesheet keep the task column wide enough to read on a phone.
    lines = ['<div class="ql-duties" markdown>', "", "| 条款 | 任务 | 时限 | 政策 | 状态 |", "| --- | --- | --- | --- | --- |"]
    for node in nodes:
        policy = node.policy
        label = f"[{inline_text(node.label)}]({ctx.url(policy_page(policy.id), node.anchor)})"
        deadline = inline_text(format_deadline(node.provision.deadline)) if node.provision.deadline else "—"
        title = f"[《{inline_text(policy.cite_title)}》]({ctx.url(policy_page(policy.id))})"
        status = f'<span class="ql-status ql-status--{policy.status}">{STATUS_NAMES[policy.status]}</span>'
        lines.append(f"| {label} | {_task(ctx, node)} | {deadline} | {title} | {status} |")
    return lines + ["", "</div>"]


def _about(units: UnitPages, unit: str) -> list[str]:
    nodes = units.table[unit]
    if unit == UNASSIGNED:
        return [f"共 {len(nodes)} 项。以下条款规定了时限，但没有标注责任单位，请在督查中明确责任主体。"]
    also = units.written.get(unit, [])
    spelled = f"（又作：{'、'.join(inline_text(a) for a in also)}）" if also else ""
    return [f"共 {len(nodes)} 项{spelled}。"]


def render_responsibilities(ctx: PageContext, units: UnitPages) -> str:
    intro = "按责任单位列出各政策文件中明确由其负责的条款，以及规定了时限但尚未明确责任单位的条款。点击条款可跳转到原文。"
    lines = ["# 责任清单", "", intro, ""]
    if not units.table:
        return "\n".join(lines + ["课程中的政策文件尚未标注责任单位或时限。", ""])
    ordered = units.ordered()
    if units.split:
        lines += ["| 责任单位 | 条款数 |", "| --- | --- |"]
        lines += [f"| [{inline_text(units.title(u))}]({ctx.url(units.page(u))}) | {len(units.table[u])} |" for u in ordered]
        return "\n".join(lines) + "\n"
    # An overview first: on a phone the table of contents is hidden in the menu.
    total = len({(node.policy.id, node.anchor) for nodes in units.table.values() for node in nodes})
    links = "、".join(f"[{inline_text(units.title(u))}](#{units.anchors[u]})（{len(units.table[u])}）" for u in ordered)
    lines += [f"共 {total} 项条款：{links}。", ""]
    for unit in ordered:
        lines += [f"## {inline_text(units.title(unit))} {{#{units.anchors[unit]}}}", ""]
        lines += _about(units, unit) + [""] + _entries(ctx, units.table[unit]) + [""]
    return "\n".join(lines).rstrip() + "\n"


def render_unit(ctx: PageContext, units: UnitPages, unit: str) -> str:
    lines = [f"# 责任清单：{inline_text(units.title(unit))}", "", f"[返回责任清单]({ctx.url(RESPONSIBILITIES)})", ""]
    lines += _about(units, unit) + [""] + _entries(ctx, units.table[unit])
    return "\n".join(lines) + "\n"


# Transitional: the page's Markdown as one value, until its template holds the markup.
def policy_index_view(_item: object, ctx: PageContext) -> Markup:
    return Markup(render_policy_index(ctx))


def responsibilities_view(_item: object, ctx: PageContext) -> Markup:
    return Markup(render_responsibilities(ctx, ctx.shared.units))


def unit_view(item: tuple[str, str], ctx: PageContext) -> Markup:
    return Markup(render_unit(ctx, ctx.shared.units, item[0]))
