"""Cross-file checks: ``based_on`` ids, citations, and references between kinds.

A reference to a document whose own file failed validation is not reported again (that file's
error says it all), except where enough of it was read to be sure: a policy whose provisions
all parsed still has a known list of anchors.
"""

from __future__ import annotations

import re

from generator.content.citations import CitationRef, closest_anchors, find_inline
from generator.content.course import Course
from generator.content.model import SLUG_PATTERN
from generator.content.textfields import citation_lists, markdown_fields
from generator.content.yamlsource import KeyPath, YamlDocument
from generator.problems import Problem, closest, closest_hint, problem_at, problem_in_value

KIND_NAMES = {"policies": "政策", "cases": "案例", "lessons": "警示教育课", "quizzes": "自测"}
_SLUG = re.compile(SLUG_PATTERN)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _known(course: Course, kind: str, item_id: str) -> bool:
    return item_id in getattr(course, kind) or item_id in course.broken[kind]


def citation_problem(course: Course, ref: CitationRef) -> str | None:
    """Why a citation does not resolve, with the closest candidates; None if it does."""
    entry = course.policies.get(ref.policy_id)
    if entry is None:
        if ref.policy_id in course.broken["policies"]:
            entry = course.broken["policies"][ref.policy_id]
            if entry is None or not entry.complete:
                return None
        else:
            suggestion = closest_hint(
                closest(ref.policy_id, sorted({*course.policies, *course.broken["policies"]})), "政策"
            )
            return f"引用“{_short(str(ref))}”指向不存在的政策“{_short(ref.policy_id)}”{suggestion}"
    if ref.anchor is None or ref.anchor in entry.anchors:
        return None
    candidates = closest_anchors(ref.anchor, list(entry.anchors))
    titles = {a: entry.anchors[a].provision.title for a in candidates}
    named = [f"{a}（{entry.anchors[a].label}{' ' + title if (title := titles[a]) else ''}）" for a in candidates]
    suggestion = closest_hint(named, "锚点")
    return f"引用“{_short(str(ref))}”：《{entry.item.cite_title or entry.item.id}》中没有锚点“{_short(ref.anchor)}”{suggestion}"


def check_references(course: Course) -> list[Problem]:
    problems = _check_based_on(course)
    for field in markdown_fields(course):
        doc, path = field.doc, field.path
        seen: dict[str, int] = {}
        for ref, raw in find_inline(field.text):
            occurrence = seen.get(raw, 0)
            seen[raw] = occurrence + 1
            message = citation_problem(course, ref)
            if message:
                problems.append(problem_in_value(doc, path, raw, message, occurrence=occurrence))
    for field in citation_lists(course):
        message = citation_problem(course, CitationRef.parse(field.text))
        if message:
            problems.append(problem_at(field.doc, field.path, message))
    problems += _check_lesson_links(course)
    return problems


def _check_based_on(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    for entry in course.policies.values():
        for i, basis in enumerate(entry.item.based_on):
            if basis.strip() == entry.item.id:
                problems.append(
                    problem_at(entry.doc, ("based_on", i), f"依据“{basis}”就是这份政策自己：政策不能以自身为依据")
                )
            elif _SLUG.match(basis) and not _known(course, "policies", basis):
                suggestion = closest_hint(
                    closest(basis, sorted(course.policies)), otherwise="；若是政策标题，请直接写标题"
                )
                problems.append(
                    problem_at(
                        entry.doc, ("based_on", i), f"依据“{basis}”看起来是政策 id，但课程中没有这份政策{suggestion}"
                    )
                )
    return problems + _based_on_cycles(course)


def _based_on_cycles(course: Course) -> list[Problem]:
    """Chains of based_on ids that come back to where they started (甲 依据 乙，乙 依据 甲)."""
    graph = {
        pid: sorted({b for b in e.item.based_on if b in course.policies and b != pid})
        for pid, e in course.policies.items()
    }
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    problems: list[Problem] = []
    for start in sorted(graph):
        if start in state:
            continue
        # Iterative depth-first search: a long chain of policies must not exhaust the stack.
        path = [start]
        state[start] = 1
        todo = [list(reversed(graph[start]))]
        while todo:
            if not todo[-1]:
                todo.pop()
                state[path.pop()] = 2
                continue
            nxt = todo[-1].pop()
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                entry = course.policies[cycle[-1]]  # the policy whose based_on closes the loop
                index = entry.item.based_on.index(nxt)
                chain = " → ".join([*cycle, nxt])
                problems.append(
                    problem_at(entry.doc, ("based_on", index), f"依据形成循环：{chain}，请删除其中一处依据")
                )
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(list(reversed(graph[nxt])))
    return problems


def _check_lesson_links(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    case_ids = sorted(course.cases)

    def missing_case(doc: YamlDocument, path: KeyPath, case_id: str) -> None:
        if not _known(course, "cases", case_id):
            suggestion = closest_hint(closest(case_id, case_ids))
            problems.append(problem_at(doc, path, f"案例“{case_id}”不存在{suggestion}"))

    for entry in course.lessons.values():
        lesson, doc = entry.item, entry.doc
        for i, case_id in enumerate(lesson.cases):
            missing_case(doc, ("cases", i), case_id)
        problems.extend(_repeated(doc, ("cases",), lesson.cases))
        for a, item in enumerate(lesson.agenda):
            for i, case_id in enumerate(item.cases):
                missing_case(doc, ("agenda", a, "cases", i), case_id)
            problems.extend(_repeated(doc, ("agenda", a, "cases"), item.cases))
        if lesson.agenda:
            total = sum(item.minutes for item in lesson.agenda)
            if total != lesson.duration:
                problems.append(
                    problem_at(
                        doc, ("agenda",), f"议程各环节合计 {total} 分钟，与 duration 的 {lesson.duration} 分钟不一致"
                    )
                )
        if lesson.quiz and not _known(course, "quizzes", lesson.quiz):
            suggestion = closest_hint(closest(lesson.quiz, sorted(course.quizzes)))
            problems.append(problem_at(doc, ("quiz",), f"自测“{lesson.quiz}”不存在{suggestion}"))
    return problems


def _repeated(doc: YamlDocument, path: KeyPath, case_ids: list[str]) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for i, case_id in enumerate(case_ids):
        if case_id in first:
            line = doc.position(path + (first[case_id],)).line
            problems.append(problem_at(doc, path + (i,), f"案例“{case_id}”重复列出（第 {line} 行已列出），请删除一处"))
        else:
            first[case_id] = i
    return problems
