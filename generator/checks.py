"""Cross-file checks: unique ids, ``based_on`` ids, citations, and references between kinds."""

from __future__ import annotations

import re
from typing import Any

from .citations import CitationRef, closest, closest_id, find_inline
from .course import Course, Entry
from .model import SLUG_PATTERN
from .problems import Problem
from .textfields import citation_lists, markdown_fields
from .yamlsource import KeyPath, YamlDocument

KIND_NAMES = {"policies": "政策", "cases": "案例", "lessons": "警示教育课", "quizzes": "自测"}
_SLUG = re.compile(SLUG_PATTERN)


def _problem(doc: YamlDocument, path: KeyPath, message: str) -> Problem:
    pos = doc.position(path)
    return Problem(doc.path, pos.line, pos.column, message)


def register(target: dict[str, Any], entry: Entry, kind_name: str) -> list[Problem]:
    item_id = entry.item.id
    if item_id in target:
        first = target[item_id].doc
        pos = first.position(("id",))
        return [_problem(entry.doc, ("id",),
            f"{kind_name}标识符“{item_id}”重复：{first.path.name}:{pos.line} 已使用，同类内容的 id 必须唯一")]
    target[item_id] = entry
    return []


def citation_problem(course: Course, ref: CitationRef) -> str | None:
    """Why a citation does not resolve, with the closest candidates; None if it does."""
    entry = course.policies.get(ref.policy_id)
    if entry is None:
        hint = closest_id(ref.policy_id, sorted(course.policies))
        suggestion = f"，最接近的政策：{'、'.join(hint)}" if hint else ""
        return f"引用“{ref}”指向不存在的政策“{ref.policy_id}”{suggestion}"
    if ref.anchor is None or ref.anchor in entry.anchors:
        return None
    candidates = closest(ref.anchor, list(entry.anchors))
    named = [f"{a}（{entry.anchors[a].label}{' ' + entry.anchors[a].provision.title if entry.anchors[a].provision.title else ''}）" for a in candidates]
    suggestion = f"，最接近的锚点：{'、'.join(named)}" if named else ""
    return f"引用“{ref}”：《{entry.item.cite_title}》中没有锚点“{ref.anchor}”{suggestion}"


def check_references(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    for entry in course.policies.values():
        for i, basis in enumerate(entry.item.based_on):
            if _SLUG.match(basis) and basis not in course.policies:
                hint = closest_id(basis, sorted(course.policies))
                suggestion = f"，最接近的有：{'、'.join(hint)}" if hint else "；若是政策标题，请直接写标题"
                problems.append(_problem(entry.doc, ("based_on", i), f"依据“{basis}”看起来是政策 id，但课程中没有这份政策{suggestion}"))
    for field in markdown_fields(course):
        doc, path = field.doc, field.path
        seen: dict[str, int] = {}
        for ref, raw in find_inline(field.text):
            occurrence = seen.get(raw, 0)
            seen[raw] = occurrence + 1
            message = citation_problem(course, ref)
            if message:
                pos = doc.find_in_value(path, raw, occurrence)
                problems.append(Problem(doc.path, pos.line, pos.column, message))
    for field in citation_lists(course):
        message = citation_problem(course, CitationRef.parse(field.text))
        if message:
            problems.append(_problem(field.doc, field.path, message))
    problems += _check_lesson_links(course)
    return problems


def _check_lesson_links(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    case_ids = sorted(course.cases)

    def missing_case(doc: YamlDocument, path: KeyPath, case_id: str) -> None:
        if case_id not in course.cases:
            hint = closest_id(case_id, case_ids)
            suggestion = f"，最接近的有：{'、'.join(hint)}" if hint else ""
            problems.append(_problem(doc, path, f"案例“{case_id}”不存在{suggestion}"))

    for entry in course.lessons.values():
        lesson, doc = entry.item, entry.doc
        for i, case_id in enumerate(lesson.cases):
            missing_case(doc, ("cases", i), case_id)
        for a, item in enumerate(lesson.agenda):
            for i, case_id in enumerate(item.cases):
                missing_case(doc, ("agenda", a, "cases", i), case_id)
        if lesson.agenda:
            total = sum(item.minutes for item in lesson.agenda)
            if total != lesson.duration:
                problems.append(_problem(doc, ("agenda",), f"议程各环节合计 {total} 分钟，与 duration 的 {lesson.duration} 分钟不一致"))
        if lesson.quiz and lesson.quiz not in course.quizzes:
            hint = closest_id(lesson.quiz, sorted(course.quizzes))
            suggestion = f"，最接近的有：{'、'.join(hint)}" if hint else ""
            problems.append(_problem(doc, ("quiz",), f"自测“{lesson.quiz}”不存在{suggestion}"))
    return problems
