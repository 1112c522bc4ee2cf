"""Who cites what: for every provision, the cases and lessons that cite it (被引用)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .citations import CitationRef, find_inline
from .course import Course
from .paths import case_page, lesson_page, quiz_page


@dataclass(frozen=True)
class Backlink:
    kind: str  # 案例 | 警示教育课 | 自测
    title: str
    page: str


def _refs(texts: list[str | None], listed: list[str]) -> Iterator[CitationRef]:
    for text in listed:
        yield CitationRef.parse(text)
    for text in texts:
        for ref, _ in find_inline(text or ""):
            yield ref


def backlinks(course: Course) -> dict[tuple[str, str | None], list[Backlink]]:
    """(policy id, anchor) → what cites it, each citer once, in course order."""
    found: dict[tuple[str, str | None], list[Backlink]] = {}

    def add(ref: CitationRef, link: Backlink) -> None:
        entries = found.setdefault((ref.policy_id, ref.anchor), [])
        if link not in entries:
            entries.append(link)

    for entry in course.cases.values():
        case = entry.item
        link = Backlink("案例", case.title, case_page(case.id))
        for ref in _refs([case.facts, case.handling, case.analysis, case.lessons], case.violations):
            add(ref, link)
    for entry in course.lessons.values():
        lesson = entry.item
        link = Backlink("警示教育课", lesson.title, lesson_page(lesson.id))
        for ref in _refs([item.notes for item in lesson.agenda], lesson.key_provisions):
            add(ref, link)
    for entry in course.quizzes.values():
        quiz = entry.item
        link = Backlink("自测", quiz.title, quiz_page(quiz.id))
        for question in quiz.questions:
            for ref in _refs([question.stem, question.explanation], question.cites):
                add(ref, link)
    return found
