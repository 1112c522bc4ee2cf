"""Responsible units (责任单位): who is responsible for what, and where each unit's list lives."""

from __future__ import annotations

from dataclasses import dataclass, field

from slugify import slugify

from generator.content.course import Course, ProvisionNode
from generator.pages.paths import RESPONSIBILITIES, unit_page
from generator.problems import Problem

# Beyond this many entries the 责任清单 becomes an index with one page per unit, so no page grows
# with the size of the whole course.
SPLIT_ABOVE = 400

# The group of provisions that have a deadline but name no unit. An author's unit name is never
# empty once blanks are trimmed, so this key cannot collide with a real unit.
UNASSIGNED = ""
UNASSIGNED_NAME = "未明确责任单位"
# Unit anchors all start with "unit-", so this one cannot collide with any of them.
_UNASSIGNED_ANCHOR = "unassigned"


def _clean(name: str) -> str:
    # "办公室" and " 办公室 " are the same unit; authors rarely see stray blanks in YAML.
    return " ".join(name.split())


def _raw_map(course: Course) -> dict[str, str]:
    # Blank names are reported by unit_map_problems; an alias mapped to itself says nothing.
    pairs = ((_clean(a), _clean(c)) for a, c in course.settings.units.items())
    return {a: c for a, c in pairs if a and c and a != c}


def _follow(raw: dict[str, str], alias: str) -> tuple[str, list[str] | None]:
    """Where an alias's chain ends, or the cycle it runs into."""
    path = [alias]
    name = raw[alias]
    while name in raw:
        if name in path:
            return name, path[path.index(name):]
        path.append(name)
        name = raw[name]
    return name, None


def _alias_map(course: Course) -> dict[str, str]:
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
        pos = doc.position(("units", alias), key=True)
        problems.append(Problem(doc.path, pos.line, pos.column, message))

    written: dict[str, str] = {}  # cleaned alias → the key as written, to locate it
    for alias in course.settings.units:
        if not _clean(alias):  # the model checks the names (values) but not the keys
            problem(alias, "units 中的别名不能为空白")
        written.setdefault(_clean(alias), alias)
    raw = _raw_map(course)
    reported: set[str] = set()
    for alias in raw:
        _, cycle = _follow(raw, alias)
        if cycle is None or reported & set(cycle):
            continue
        reported |= set(cycle)
        loop = " → ".join(cycle + [cycle[0]])
        problem(written[cycle[0]], f"责任单位别名构成循环：{loop}，无法确定规范名称；请删去其中一项，"
                                   "让链条停在最终使用的名称上")
    return problems


@dataclass(frozen=True)
class UnitPages:
    table: dict[str, list[ProvisionNode]]  # canonical unit (or UNASSIGNED) → its provisions
    anchors: dict[str, str]  # canonical unit → stable slug, e.g. 县教育局党组 → unit-xian-jiao-yu-ju-dang-zu
    split: bool
    aliases: dict[str, str] = field(default_factory=dict)  # alias → canonical name, chains resolved
    written: dict[str, list[str]] = field(default_factory=dict)  # canonical → other spellings used

    def canonical(self, name: str) -> str:
        """The unit a name stands for: 办公室 → 县教育局办公室 when course.yml says so."""
        clean = _clean(name)
        return self.aliases.get(clean, clean)

    def title(self, unit: str) -> str:
        return UNASSIGNED_NAME if unit == UNASSIGNED else unit

    def page(self, unit: str) -> str:
        slug = self.anchors.get(self.canonical(unit))
        return unit_page(slug) if self.split and slug else RESPONSIBILITIES

    def anchor(self, unit: str) -> str | None:
        return None if self.split else self.anchors.get(self.canonical(unit))

    def ordered(self) -> list[str]:
        """Units in the order of their slugs (pinyin), the unassigned group last."""
        units = sorted((u for u in self.table if u != UNASSIGNED), key=lambda u: self.anchors[u])
        return units + ([UNASSIGNED] if UNASSIGNED in self.table else [])


def unit_pages(course: Course) -> UnitPages:
    aliases = _alias_map(course)
    table: dict[str, list[ProvisionNode]] = {}
    written: dict[str, list[str]] = {}
    for policy in course.policies_newest_first():  # newest policy first
        for node in course.policies[policy.id].walk():
            units: list[str] = []
            for name in node.provision.responsible:
                clean = _clean(name)
                unit = aliases.get(clean, clean)
                if not unit:
                    continue
                if clean != unit and clean not in written.setdefault(unit, []):
                    written[unit].append(clean)
                if unit not in units:  # 办公室 and 县教育局办公室 on one provision: listed once
                    units.append(unit)
            if not units and node.provision.deadline:
                units = [UNASSIGNED]
            for unit in units:
                table.setdefault(unit, []).append(node)
    anchors: dict[str, str] = {UNASSIGNED: _UNASSIGNED_ANCHOR}
    used: set[str] = {_UNASSIGNED_ANCHOR}
    for unit in sorted(u for u in table if u != UNASSIGNED):
        base = "unit-" + (slugify(unit) or "x")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        anchors[unit] = anchor
    split = sum(len(v) for v in table.values()) > SPLIT_ABOVE
    return UnitPages(table, anchors, split, aliases, written)
