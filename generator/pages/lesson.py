"""A warning-education lesson (警示教育课) for trainer and teachers, plus its printable forms."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.content.citations import CitationRef
from generator.content.course import Entry
from generator.content.model import Case, Lesson
from generator.pages.context import Link, MetaRow, PageContext
from generator.pages.paths import case_page, lesson_commitment, lesson_page, lesson_sign_in, quiz_page

SIGN_IN_ROWS = 30


@dataclass(frozen=True)
class AgendaItemView:
    start: int  # minutes since the lesson began
    end: int
    minutes: int
    activity: str
    cases: list[Link]  # straight to the .html pages: the agenda is raw HTML the engine does not rewrite
    notes: Markup  # the trainer's note with its lead, empty when there is none


@dataclass(frozen=True)
class CaseCardView:
    """A case as the lesson shows it: facts, provisions broken and handling, with a link to the full page."""

    number: int
    title: str
    fictional: bool
    facts: Markup
    violations: list[Markup]  # linked citations, on one line
    handling: Markup
    penalties: list[str]
    url: Markup  # the case's own page


@dataclass(frozen=True)
class LessonView:
    id: str
    title: str
    sign_in: Markup  # the printable forms
    commitment: Markup
    meta: list[MetaRow]
    objectives: list[Markup]
    agenda: list[AgendaItemView]
    cases: list[CaseCardView]
    key_provisions: list[Markup]  # each cited provision quoted in full
    discussion: list[Markup]
    self_check: list[str]
    quiz: Link | None  # the quiz to take after the lesson


def view(entry: Entry[Lesson], ctx: PageContext) -> LessonView:
    lesson = entry.item
    meta = [MetaRow("对象", [lesson.audience])] if lesson.audience else []
    meta += [MetaRow("时长", [f"{lesson.duration} 分钟"]), MetaRow("案例", [f"{len(lesson.cases)} 个"])]
    quiz = None
    if lesson.quiz:
        quiz = ctx.link(ctx.course.quizzes[lesson.quiz].item.title, quiz_page(lesson.quiz))
    return LessonView(
        id=lesson.id,
        title=lesson.title,
        sign_in=Markup(ctx.url(lesson_sign_in(lesson.id))),
        commitment=Markup(ctx.url(lesson_commitment(lesson.id))),
        meta=meta,
        objectives=[ctx.markdown(o) for o in lesson.objectives],
        agenda=_agenda(lesson, ctx),
        cases=[_case_card(number, ctx.course.cases[c].item, ctx) for number, c in enumerate(lesson.cases, 1)],
        key_provisions=[ctx.quote(citation) for citation in lesson.key_provisions],
        discussion=[ctx.markdown(q) for q in lesson.discussion],
        self_check=list(lesson.self_check),
        quiz=quiz,
    )


def _agenda(lesson: Lesson, ctx: PageContext) -> list[AgendaItemView]:
    items = []
    elapsed = 0
    for item in lesson.agenda:
        start, elapsed = elapsed, elapsed + item.minutes
        cases = [Link(ctx.course.cases[c].item.title, Markup(ctx.href(case_page(c)))) for c in item.cases]
        notes = ctx.block(item.notes, lead="培训者提示") if item.notes else Markup()
        items.append(AgendaItemView(start, elapsed, item.minutes, item.activity, cases, notes))
    return items


def _case_card(number: int, case: Case, ctx: PageContext) -> CaseCardView:
    return CaseCardView(
        number=number,
        title=case.title,
        fictional=case.fictional,
        facts=ctx.block(case.facts, lead="基本案情"),
        violations=[ctx.cite(CitationRef.parse(v)) for v in case.violations],
        handling=ctx.block(case.handling, lead="处理结果"),
        penalties=list(case.penalties),
        url=Markup(ctx.url(case_page(case.id))),
    )


@dataclass(frozen=True)
class SignInView:
    title: str
    lesson: Markup  # back to the lesson
    rows: int  # numbered lines to sign on


def sign_in_view(entry: Entry[Lesson], ctx: PageContext) -> SignInView:
    lesson = entry.item
    return SignInView(title=lesson.title, lesson=Markup(ctx.url(lesson_page(lesson.id))), rows=SIGN_IN_ROWS)


@dataclass(frozen=True)
class CommitmentView:
    title: str
    lesson: Markup  # back to the lesson
    rules: list[str]  # the policies the lesson's key provisions come from, by the names citations use
    points: list[Markup]  # the lesson's objectives


def commitment_view(entry: Entry[Lesson], ctx: PageContext) -> CommitmentView:
    lesson = entry.item
    policy_ids = dict.fromkeys(CitationRef.parse(c).policy_id for c in lesson.key_provisions)
    return CommitmentView(
        title=lesson.title,
        lesson=Markup(ctx.url(lesson_page(lesson.id))),
        rules=[ctx.course.policies[p].item.cite_title for p in policy_ids],
        points=[ctx.markdown(o) for o in lesson.objectives],
    )
