"""The reference page of one policy: metadata panel, summary, preamble, provision tree."""

from __future__ import annotations

from markupsafe import Markup

from generator.content.numerals import display_number
from generator.pages.backlinks import Backlink
from generator.content.course import PolicyEntry, ProvisionNode
from generator.text.markup import attr, format_date, format_deadline, inline_text
from generator.pages.paths import policy_page
from generator.pages.context import PageContext
from generator.pages.units import UnitPages

STATUS_NAMES = {"in_force": "现行有效", "amended": "已修订", "repealed": "已废止", "draft": "征求意见稿"}
STATUS_WARNINGS = {
    "amended": "本文件已被修订，部分条款可能不再适用，请以修订后的版本为准。",
    "repealed": "本文件已废止，仅供查阅和学习参考，不再作为执行依据。",
    "draft": "本文件为征求意见稿，尚未正式施行，内容以最终发布稿为准。",
}
LEVEL_NAMES = {"national": "国家", "provincial": "省级", "municipal": "市级", "county": "县级", "school": "学校"}
_MAX_HEADING_DEPTH = 5  # provisions at depth 1–5 become h2–h6


CitedBy = dict[tuple[str, str | None], list[Backlink]]


def render_policy(entry: PolicyEntry, ctx: PageContext, units: UnitPages, cited_by: CitedBy | None = None) -> str:
    policy = entry.item
    parts = [f"# {inline_text(policy.title)}", ""]
    if policy.status != "in_force":
        parts += [f'!!! warning "{STATUS_NAMES[policy.status]}"', f"    {STATUS_WARNINGS[policy.status]}", ""]
    parts += [_metadata(entry, ctx), ""]
    if policy.summary:
        parts += [f'<div class="ql-summary">{ctx.block(policy.summary, lead="摘要")}</div>', ""]
    if policy.preamble:
        parts += [ctx.block(policy.preamble), ""]
    cited_by = cited_by or {}
    parts += _cited_by(cited_by.get((policy.id, None), []), ctx, "本文件被引用")
    for node in entry.roots:
        parts += _provision(node, ctx, units, cited_by)
    return "\n".join(parts).rstrip() + "\n"


def _metadata(entry: PolicyEntry, ctx: PageContext) -> str:
    policy = entry.item
    rows: list[tuple[str, str]] = [("发文机关", "、".join(inline_text(i) for i in policy.issuers))]
    if policy.doc_number:
        rows.append(("发文字号", inline_text(policy.doc_number)))
    rows.append(("发布日期", format_date(policy.issued)))
    if policy.effective:
        rows.append(("实施日期", format_date(policy.effective)))
    rows.append(("时效性", f'<span class="ql-status ql-status--{policy.status}">{STATUS_NAMES[policy.status]}</span>'))
    if policy.level:
        rows.append(("效力级别", LEVEL_NAMES[policy.level]))
    if policy.region:
        rows.append(("地区", inline_text(policy.region)))
    # Long values (bases, source notes) get a row of their own.
    wide: list[tuple[str, str]] = []
    if policy.based_on:
        wide.append(("依据", "；".join(_basis(b, ctx) for b in policy.based_on)))
    if policy.tags:
        wide.append(("标签", "、".join(inline_text(t) for t in policy.tags)))
    if policy.source:
        wide.append(("来源", _source(policy.source.url, policy.source.note)))
    lines = ['<div class="ql-meta" markdown>', ""]
    for name, value in rows:
        lines += [name, f":   {value}", ""]
    lines.append("</div>")
    if wide:
        lines += ["", '<div class="ql-meta ql-meta--wide" markdown>', ""]
        for name, value in wide:
            lines += [name, f":   {value}", ""]
        lines.append("</div>")
    return "\n".join(lines)


def _basis(basis: str, ctx: PageContext) -> str:
    entry = ctx.course.policies.get(basis)
    policy = entry.item if entry else ctx.course.policy_by_title(basis)
    if policy is not None:
        return f"[《{inline_text(policy.title)}》]({ctx.url(policy_page(policy.id))})"
    title = basis.strip().strip("《》")
    return f"《{inline_text(title)}》"


def _source(url: str | None, note: str | None) -> str:
    text = inline_text(note) if note else ""
    if url:
        label = text or inline_text(url)
        safe = url if url.startswith(("http://", "https://")) else ""
        return f"[{label}](<{safe}>){{ .ql-external }}" if safe else label
    return text


def _provision(node: ProvisionNode, ctx: PageContext, units: UnitPages, cited_by: CitedBy) -> list[str]:
    provision = node.provision
    number = display_number(provision.number) if provision.number else ""
    # The citation travels in an html-escaped attribute of a raw HTML element: inside a heading's
    # attr_list, Markdown in a title (**, `, quotes) would break the list and lose the anchor.
    cite = f'data-copy-for="{attr(node.anchor)}" data-cite="{attr(node.citation)}"'
    lines: list[str] = []
    if provision.title and node.depth <= _MAX_HEADING_DEPTH:
        heading = f"{inline_text(number)}{inline_text(provision.title)}"
        lines += [f"{'#' * (node.depth + 1)} {heading} {{#{node.anchor} .ql-prov}}", ""]
        lines += [f'<div class="ql-cite-data" {cite} hidden></div>', ""]
        lines += _labels(node, ctx, units)
        if provision.text:
            lines += [ctx.block(provision.text), ""]
        lines += _cited_by(cited_by.get((node.policy.id, node.anchor), []), ctx)
    else:
        lines += [f'<div class="ql-prov ql-prov--depth{node.depth}" id="{attr(node.anchor)}" {cite} markdown>', ""]
        lead = "　".join(filter(None, [number, provision.title])) or None
        lines += [ctx.block(provision.text, lead=lead), ""]
        lines += _labels(node, ctx, units)
        lines += _cited_by(cited_by.get((node.policy.id, node.anchor), []), ctx)
        lines += ["</div>", ""]
    for child in node.children:
        lines += _provision(child, ctx, units, cited_by)
    return lines


def _labels(node: ProvisionNode, ctx: PageContext, units: UnitPages) -> list[str]:
    provision = node.provision
    labels = []
    if provision.responsible:
        chips = " ".join(
            f"[{inline_text(u)}]({ctx.url(units.page(u), units.anchor(u))}){{ .ql-label .ql-label--unit }}" for u in provision.responsible
        )
        labels.append(f'<span class="ql-label-name">责任单位</span> {chips}')
    if provision.deadline:
        labels.append(f'<span class="ql-label-name">时限</span> <span class="ql-label ql-label--deadline">{inline_text(format_deadline(provision.deadline))}</span>')
    if not labels:
        return []
    return ['<div class="ql-labels" markdown>', "", "　".join(labels), "", "</div>", ""]


def _cited_by(links: list[Backlink], ctx: PageContext, label: str = "被引用") -> list[str]:
    if not links:
        return []
    items = "　".join(f"{link.kind}：[{inline_text(link.title)}]({ctx.url(link.page)})" for link in links)
    return ['<div class="ql-cited-by" markdown>', "", f'<span class="ql-label-name">{label}</span> {items}', "", "</div>", ""]


# Transitional: the page's Markdown as one value, until its template holds the markup.
def view(entry: PolicyEntry, ctx: PageContext) -> Markup:
    return Markup(render_policy(entry, ctx, ctx.shared.units, ctx.shared.cited_by))
