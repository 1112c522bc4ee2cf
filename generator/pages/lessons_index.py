"""The list of warning-education lessons."""

from __future__ import annotations

from dataclasses import dataclass

from generator.pages.context import Link, PageContext
from generator.pages.paths import lesson_page


@dataclass(frozen=True)
class LessonRow:
    link: Link
    audience: str  # empty when the lesson names none
    duration: int  # minutes
    cases: int


@dataclass(frozen=True)
class LessonIndexView:
    lessons: list[LessonRow]  # by id


def lesson_index_view(_item: object, ctx: PageContext) -> LessonIndexView:
    lessons = sorted((e.item for e in ctx.course.lessons.values()), key=lambda lesson: lesson.id)
    return LessonIndexView(
        [
            LessonRow(
                link=ctx.link(lesson.title, lesson_page(lesson.id)),
                audience=lesson.audience or "",
                duration=lesson.duration,
                cases=len(lesson.cases),
            )
            for lesson in lessons
        ]
    )
