"""The case library (案例库): filterable case cards and the clause × case matrix."""

from __future__ import annotations

from markupsafe import Markup

from collections import Counter

from generator.content.citations import CitationRef
from generator.text.markup import attr, inline_text
from generator.content.model import Case
from generator.pages.paths import case_page, policy_page
from generator.pages.case import case_link, penalty_labels, year
from generator.pages.context import PageContext


def _cases(ctx: PageContext) -> list[Case]:
    return sorted((e.item for e in ctx.course.cases.values()), key=lambda c: (c.date, c.id), reverse=True)


def _select(name: str, label: str, values: list[str]) -> str:
    options = "".join(f'<option value="{attr(v)}">{inline_text(v)}</option>' for v in values)
    return (f'<label class="ql-filter__field">{label} '
            f'<select data-filter="{name}" aria-label="按{label}筛选"><option value="">全部</option>{options}</select></label>')


def render_case_library(ctx: PageContext) -> str:
    cases = _cases(ctx)
    lines = ["# 典型案例", ""]
    if not cases:
        return "\n".join(lines + ["课程中还没有案例。", ""])
    vocabulary = list(ctx.course.settings.categories)
    categories = vocabulary + sorted({c for case in cases for c in case.categories} - set(vocabulary))
    stages = sorted({case.stage for case in cases if case.stage})
    years = sorted({year(case) for case in cases}, reverse=True)
    lines += [
        f"共 {len(cases)} 个案例。可按类别、学段和年份筛选（在本机浏览器中完成，无需联网）。",
        "",
        '<form class="ql-filter" data-filter-target="ql-case-list">'
        + _select("category", "类别", categories) + _select("stage", "学段", stages) + _select("year", "年份", years)
        + '<button type="reset" class="ql-tool">清除筛选</button>'
        + '<span class="ql-filter__count" aria-live="polite"></span></form>',
        "",
        '<div class="ql-case-list" id="ql-case-list" markdown>',
        "",
    ]
    for number, case in enumerate(cases, 1):
        data = (f'data-category="{attr("|".join(case.categories))}" data-stage="{attr(case.stage or "")}" '
                f'data-year="{year(case)}"')
        meta = " · ".join(filter(None, ["、".join(inline_text(c) for c in case.categories),
                                         inline_text(case.stage) if case.stage else "", f"{year(case)}年"]))
        badge = ' <span class="ql-badge">示例案例</span>' if case.fictional else ""
        lines += [f'<div class="ql-case-card" {data} markdown>', "",
                  f'<span class="ql-case-card__no">{number}</span> **{case_link(ctx, case)}**{badge}', "",
                  f'<span class="ql-case-card__meta">{meta}</span> {penalty_labels(case.penalties)}', "",
                  "</div>", ""]
    lines += ["</div>", "", '<p class="ql-filter__empty" hidden>没有符合条件的案例。</p>', ""]
    lines += _matrix(ctx, cases)
    return "\n".join(lines).rstrip() + "\n"


MATRIX_CASE_COLUMNS = 30  # beyond this many cases the columns become categories
MATRIX_ROWS = 30


def _matrix(ctx: PageContext, cases: list[Case]) -> list[str]:
    """Rows: provisions broken, most often first; columns: the cases, numbered as above
    (or, for a large library, the categories, so the page stays readable and small)."""
    counts: Counter[tuple[str, str | None]] = Counter()
    for case in cases:
        for ref in {(r.policy_id, r.anchor) for r in map(CitationRef.parse, case.violations)}:
            counts[ref] += 1
    if not counts:
        return []
    order = sorted(counts, key=lambda key: (-counts[key], key[0], key[1] or ""))
    if len(cases) > MATRIX_CASE_COLUMNS:
        return _category_matrix(ctx, cases, counts, order[:MATRIX_ROWS])
    header = "| 条款 | 案例数 | " + " | ".join(f"[{i}]({ctx.url(case_page(c.id))} \"{c.title.replace(chr(34), '“').replace('<', '＜')}\")" for i, c in enumerate(cases, 1)) + " |"
    lines = ["## 条款 × 案例 {#matrix}", "", "哪些条款被违反得最多：每行一个条款，每列一个案例（列号即上方案例的顺序，悬停可见标题）。", "",
             # Its own scroll box with a sticky first column: on a phone the page itself never scrolls sideways.
             '<div class="ql-matrix" markdown>', "",
             header, "| --- | --- | " + " | ".join("---" for _ in cases) + " |"]
    cited_by_case = [{(r.policy_id, r.anchor) for r in map(CitationRef.parse, case.violations)} for case in cases]
    for policy_id, anchor in order:
        label = _provision_link(ctx, policy_id, anchor)
        marks = ["●" if (policy_id, anchor) in cited else "" for cited in cited_by_case]
        lines.append(f"| {label} | {counts[(policy_id, anchor)]} | " + " | ".join(marks) + " |")
    return lines + ["", "</div>", ""]


def _provision_link(ctx: PageContext, policy_id: str, anchor: str | None) -> str:
    entry = ctx.course.policies[policy_id]
    if anchor is None:
        return f"[《{inline_text(entry.item.cite_title)}》]({ctx.url(policy_page(policy_id))})"
    return f"[{inline_text(entry.anchors[anchor].citation)}]({ctx.url(policy_page(policy_id), anchor)})"


def _category_matrix(ctx: PageContext, cases: list[Case], counts, rows) -> list[str]:
    categories = sorted({c for case in cases for c in case.categories})
    by_category: dict[tuple, Counter[str]] = {row: Counter() for row in rows}
    for case in cases:
        for ref in {(r.policy_id, r.anchor) for r in map(CitationRef.parse, case.violations)}:
            if ref in by_category:
                by_category[ref].update(case.categories)
    lines = ["## 条款 × 案例 {#matrix}", "",
             f"被违反最多的 {len(rows)} 个条款，按案例类别统计案例数。", "",
             '<div class="ql-matrix" markdown>', "",
             "| 条款 | 案例数 | " + " | ".join(inline_text(c) for c in categories) + " |",
             "| --- | --- | " + " | ".join("---" for _ in categories) + " |"]
    for policy_id, anchor in rows:
        cells = " | ".join(str(by_category[(policy_id, anchor)][c] or "") for c in categories)
        lines.append(f"| {_provision_link(ctx, policy_id, anchor)} | {counts[(policy_id, anchor)]} | {cells} |")
    return lines + ["", "</div>", ""]


# Transitional: the page's Markdown as one value, until its template holds the markup.
def case_library_view(_item: object, ctx: PageContext) -> Markup:
    return Markup(render_case_library(ctx))
