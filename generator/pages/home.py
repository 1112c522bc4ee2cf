"""The home page: the course's own title, publisher and introduction, and what the site contains."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.pages.context import Link, PageContext
from generator.pages.paths import CASE_INDEX, GLOSSARY, LESSON_INDEX, POLICY_INDEX, QUIZ_INDEX, RESPONSIBILITIES


@dataclass(frozen=True)
class HomeView:
    title: str
    organization: str
    text: Markup | None  # the course's own words; None when it has none
    # What the site contains: a link to each part, and how much it holds (0: the part is left out).
    policy_index: Link
    policies: int
    provisions: int
    case_index: Link
    cases: int
    lesson_index: Link
    lessons: int
    quiz_index: Link
    quizzes: int
    questions: int
    responsibilities: Link
    units: int
    glossary: Link
    terms: int


def view(_item: object, ctx: PageContext) -> HomeView:
    course, settings = ctx.course, ctx.course.settings
    text = ctx.course.home_text()
    return HomeView(
        title=settings.title,
        organization=settings.organization,
        text=ctx.block(text) if text else None,
        policy_index=ctx.link("政策法规", POLICY_INDEX),
        policies=len(course.policies),
        provisions=sum(len(entry.anchors) for entry in course.policies.values()),
        case_index=ctx.link("典型案例", CASE_INDEX),
        cases=len(course.cases),
        lesson_index=ctx.link("警示教育", LESSON_INDEX),
        lessons=len(course.lessons),
        quiz_index=ctx.link("自测", QUIZ_INDEX),
        quizzes=len(course.quizzes),
        questions=sum(len(entry.item.questions) for entry in course.quizzes.values()),
        responsibilities=ctx.link("责任清单", RESPONSIBILITIES),
        units=len(
            {unit for entry in course.policies.values() for node in entry.walk() for unit in node.provision.responsible}
        ),
        glossary=ctx.link("术语表", GLOSSARY),
        terms=len(settings.glossary),
    )
