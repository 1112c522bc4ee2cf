"""Responsible units (责任单位) as the course names them: ``units:`` in course.yml maps other spellings to
one canonical name. The pages that list what each unit is responsible for are in ``pages.units``."""

from __future__ import annotations

from generator.content.course import Course
from generator.problems import Problem, problem_at


def clean_name(name: str) -> str:
    # "办公室" and " 办公室 " are the same unit; authors rarely see stray blanks in YAML.
    return " ".join(name.split())


def _raw_map(course: Course) -> dict[str, str]:
    # Blank names are reported by unit_map_problems; an alias mapped to itself says nothing.
    pairs = ((clean_name(a), clean_name(c)) for a, c in course.settings.units.items())
    return {a: c for a, c in pairs if a and c and a != c}


def _follow(raw: dict[str, str], alias: str) -> tuple[str, list[str] | None]:
    """Where an alias's chain ends, or the cycle it runs into."""
    path = [alias]
    name = raw[alias]
    while name in raw:
        if name in path:
            return name, path[path.index(name) :]
        path.append(name)
        name = raw[name]
    return name, None


def alias_map(course: Course) -> dict[str, str]:
    """alias → canonical name, chains followed to their end (a→b→c gives a→c and b→c).

    A cycle (a→b→a) has no end; ``unit_map_problems`` reports it, and here every member of it
    falls back to the first of its names in sort order so rendering stays deterministic."""
    raw = _raw_map(course)
    resolved: dict[str, str] = {}
    for alias in raw:
        end, cycle = _follow(raw, alias)
        canonical = min(cycle) if cycle else end
        if canonical != alias:
            resolved[alias] = canonical
    return resolved


def unit_map_problems(course: Course) -> list[Problem]:
    """What is wrong with ``units:`` in course.yml: blank aliases and aliases that go round in a cycle.

    An alias mapped to itself is harmless and a chain (a→b→c) has a clear end, so both are accepted."""
    doc = course.settings_doc
    problems: list[Problem] = []

    def problem(alias: str, message: str) -> None:
        problems.append(problem_at(doc, ("units", alias), message, key=True))

    written: dict[str, str] = {}  # cleaned alias → the key as written, to locate it
    for alias in course.settings.units:
        if not clean_name(alias):  # the model checks the names (values) but not the keys
            problem(alias, "units 中的别名不能为空白")
        written.setdefault(clean_name(alias), alias)
    raw = _raw_map(course)
    reported: set[str] = set()
    for alias in raw:
        _, cycle = _follow(raw, alias)
        if cycle is None or reported & set(cycle):
            continue
        reported |= set(cycle)
        loop = " → ".join(cycle + [cycle[0]])
        problem(
            written[cycle[0]],
            f"责任单位别名构成循环：{loop}，无法确定规范名称；请删去其中一项，让链条停在最终使用的名称上",
        )
    return problems
