"""A typical case (典型案例) in the shape the Ministry of Education publishes cases."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.content.course import Course, Entry
from generator.content.model import Case
from generator.pages.context import Link, MetaRow, PageContext
from generator.pages.paths import lesson_page
from generator.text.markup import format_date


def year(case: Case) -> str:
    return case.date[:4]


def lessons_using(course: Course, case_id: str) -> list[tuple[str, str]]:
    return [
        (e.item.title, lesson_page(e.item.id))
        for e in course.lessons.values()
        if case_id in e.item.cases or any(case_id in a.cases for a in e.item.agenda)
    ]


def meta_rows(case: Case) -> list[MetaRow]:
    rows = [MetaRow("类别", list(case.categories)), MetaRow("处理时间", [format_date(case.date)])]
    if case.stage:
        rows.append(MetaRow("学段", [case.stage]))
    if case.region:
        rows.append(MetaRow("地区", [case.region]))
    return rows


@dataclass(frozen=True)
class CaseView:
    title: str
    fictional: bool
    meta: list[MetaRow]
    facts: Markup
    violations: list[Markup]  # each cited provision quoted in full
    handling: Markup
    penalties: list[str]
    analysis: Markup
    lessons: Markup
    discussion: list[Markup]
    used_in: list[Link]  # the lessons that use the case
    source: Link | None  # a link when the source has a web address
    source_note: str


def view(entry: Entry[Case], ctx: PageContext) -> CaseView:
    case = entry.item
    source = case.source
    url = source.url if source and source.url and source.url.startswith(("http://", "https://")) else None
    note = source.note if source and source.note else ""
    return CaseView(
        title=case.title,
        fictional=case.fictional,
        meta=meta_rows(case),
        facts=ctx.block(case.facts),
        violations=[ctx.quote(citation) for citation in case.violations],
        handling=ctx.block(case.handling),
        penalties=list(case.penalties),
        analysis=ctx.block(case.analysis),
        lessons=ctx.block(case.lessons),
        discussion=[ctx.markdown(q) for q in case.discussion],
        used_in=[ctx.link(title, page) for title, page in lessons_using(ctx.course, case.id)],
        source=Link(note or url, Markup(url)) if url else None,
        source_note=note,
    )
