"""Who cites what: for every provision, the cases and lessons that cite it (被引用)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.course import Course
from generator.content.model import Case, Lesson, Quiz
from generator.content.textfields import Owner, all_citations
from generator.pages.paths import case_page, lesson_page, quiz_page


@dataclass(frozen=True)
class Backlink:
    kind: str  # 案例 | 警示教育课 | 自测
    title: str
    page: str


def _backlink(owner: Owner) -> Backlink | None:
    if isinstance(owner, Case):
        return Backlink("案例", owner.title, case_page(owner.id))
    if isinstance(owner, Lesson):
        return Backlink("警示教育课", owner.title, lesson_page(owner.id))
    if isinstance(owner, Quiz):
        return Backlink("自测", owner.title, quiz_page(owner.id))
    return None  # policies citing each other are shown through 依据, not here


def backlinks(course: Course) -> dict[tuple[str, str | None], list[Backlink]]:
    """(policy id, anchor) → what cites it, each citer once: cases, then lessons, then quizzes, in course order."""
    citers: list[Case | Lesson | Quiz] = [
        *(e.item for e in course.cases.values()),
        *(e.item for e in course.lessons.values()),
        *(e.item for e in course.quizzes.values()),
    ]
    order = {_backlink(item): i for i, item in enumerate(citers)}
    found: dict[tuple[str, str | None], list[Backlink]] = {}
    for ref, field in all_citations(course):
        link = _backlink(field.owner)
        if link is None:
            continue
        entries = found.setdefault((ref.policy_id, ref.anchor), [])
        if link not in entries:
            entries.append(link)
    return {key: sorted(links, key=order.__getitem__) for key, links in found.items()}
