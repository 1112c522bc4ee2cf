"""A typical case (典型案例) in the shape the Ministry of Education publishes cases."""

from __future__ import annotations

from markupsafe import Markup

from generator.content.course import Course, Entry
from generator.text.markup import format_date, inline_text
from generator.content.model import Case
from generator.pages.paths import case_page, lesson_page
from generator.pages.context import PageContext


def year(case: Case) -> str:
    return case.date[:4]


def penalty_labels(penalties: list[str]) -> str:
    return " ".join(f'<span class="ql-label ql-label--penalty">{inline_text(p)}</span>' for p in penalties)


def lessons_using(course: Course, case_id: str) -> list[tuple[str, str]]:
    return [(e.item.title, lesson_page(e.item.id)) for e in course.lessons.values()
            if case_id in e.item.cases or any(case_id in a.cases for a in e.item.agenda)]


def render_case(entry: Entry[Case], ctx: PageContext) -> str:
    case = entry.item
    parts = [f"# {inline_text(case.title)}", ""]
    if case.fictional:
        parts += ['<p class="ql-fictional"><span class="ql-badge">示例案例</span> 本案例为培训编写的示例，人物、单位和情节均为虚构，如有雷同纯属巧合。</p>', ""]
    rows = [("类别", "、".join(inline_text(c) for c in case.categories)), ("处理时间", format_date(case.date))]
    if case.stage:
        rows.append(("学段", inline_text(case.stage)))
    if case.region:
        rows.append(("地区", inline_text(case.region)))
    parts += ['<div class="ql-meta" markdown>', ""]
    for name, value in rows:
        parts += [name, f":   {value}", ""]
    parts += ["</div>", ""]
    parts += ["## 基本案情 {#facts}", "", ctx.block(case.facts), ""]
    parts += ["## 违反条款 {#violations}", ""]
    for citation in case.violations:
        parts += [ctx.quote(citation), ""]
    parts += ["## 处理结果 {#handling}", "", ctx.block(case.handling), ""]
    if case.penalties:
        parts += [f'<p class="ql-penalties"><span class="ql-label-name">处理</span> {penalty_labels(case.penalties)}</p>', ""]
    if case.analysis:
        parts += ["## 案例剖析 {#analysis}", "", ctx.block(case.analysis), ""]
    if case.lessons:
        parts += ["## 警示启示 {#lessons}", "", ctx.block(case.lessons), ""]
    if case.discussion:
        parts += ["## 讨论题 {#discussion}", ""]
        parts += [f"{i}. {ctx.markdown(q)}" for i, q in enumerate(case.discussion, 1)] + [""]
    used = lessons_using(ctx.course, case.id)
    if used:
        parts += ["## 相关警示教育课 {#used-in}", ""]
        parts += [f"- [{inline_text(title)}]({ctx.url(page)})" for title, page in used] + [""]
    if case.source:
        note = inline_text(case.source.note) if case.source.note else ""
        url = case.source.url if case.source.url and case.source.url.startswith(("http://", "https://")) else None
        parts += ["## 来源 {#source}", "", f"[{note or inline_text(url)}](<{url}>)" if url else note, ""]
    return "\n".join(parts).rstrip() + "\n"


def case_link(ctx: PageContext, case: Case) -> str:
    return f"[{inline_text(case.title)}]({ctx.url(case_page(case.id))})"


# Transitional: the page's Markdown as one value, until its template holds the markup.
def view(entry: Entry[Case], ctx: PageContext) -> Markup:
    return Markup(render_case(entry, ctx))
