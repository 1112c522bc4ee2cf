"""Index pages: the policy table (newest first) and the 责任清单 by responsible unit."""

from __future__ import annotations

from ..markup import format_date, format_deadline, inline_text
from ..paths import RESPONSIBILITIES, policy_page
from .context import PageContext
from .policy import LEVEL_NAMES, STATUS_NAMES
from .units import UnitPages


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


def _entries(ctx: PageContext, nodes) -> list[str]:
    lines = []
    for node in nodes:
        link = ctx.url(policy_page(node.policy.id), node.anchor)
        deadline = f"（时限：{inline_text(format_deadline(node.provision.deadline))}）" if node.provision.deadline else ""
        lines.append(f"- [{inline_text(node.citation)}]({link}){deadline}")
    return lines


def render_responsibilities(ctx: PageContext, units: UnitPages) -> str:
    lines = ["# 责任清单", "", "按责任单位列出各政策文件中明确由其负责的条款。点击条款可跳转到原文。", ""]
    if not units.table:
        return "\n".join(lines + ["课程中的政策文件尚未标注责任单位。", ""])
    ordered = sorted(units.table, key=lambda u: units.anchors[u])
    if units.split:
        lines += ["| 责任单位 | 条款数 |", "| --- | --- |"]
        lines += [f"| [{inline_text(u)}]({ctx.url(units.page(u))}) | {len(units.table[u])} |" for u in ordered]
        return "\n".join(lines) + "\n"
    for unit in ordered:
        nodes = units.table[unit]
        lines += [f"## {inline_text(unit)} {{#{units.anchors[unit]}}}", "", f"共 {len(nodes)} 项。", ""]
        lines += _entries(ctx, nodes) + [""]
    return "\n".join(lines).rstrip() + "\n"


def render_unit(ctx: PageContext, units: UnitPages, unit: str) -> str:
    nodes = units.table[unit]
    lines = [f"# 责任清单：{inline_text(unit)}", "", f"[返回责任清单]({ctx.url(RESPONSIBILITIES)})　共 {len(nodes)} 项。", ""]
    return "\n".join(lines + _entries(ctx, nodes)) + "\n"
