"""Responsible units (责任单位): who is responsible for what, and where each unit's list lives."""

from __future__ import annotations

from dataclasses import dataclass, field

from slugify import slugify

from generator.content.course import Course, ProvisionNode
from generator.content.units import alias_map, clean_name
from generator.pages.paths import RESPONSIBILITIES, unit_page

# Beyond this many entries the 责任清单 becomes an index with one page per unit, so no page grows
# with the size of the whole course.
SPLIT_ABOVE = 400

# The group of provisions that have a deadline but name no unit. An author's unit name is never
# empty once blanks are trimmed, so this key cannot collide with a real unit.
UNASSIGNED = ""
UNASSIGNED_NAME = "未明确责任单位"
# Unit anchors all start with "unit-", so this one cannot collide with any of them.
_UNASSIGNED_ANCHOR = "unassigned"


@dataclass(frozen=True)
class UnitPages:
    table: dict[str, list[ProvisionNode]]  # canonical unit (or UNASSIGNED) → its provisions
    anchors: dict[str, str]  # canonical unit → stable slug, e.g. 县教育局党组 → unit-xian-jiao-yu-ju-dang-zu
    split: bool
    aliases: dict[str, str] = field(default_factory=dict)  # alias → canonical name, chains resolved
    written: dict[str, list[str]] = field(default_factory=dict)  # canonical → other spellings used

    def canonical(self, name: str) -> str:
        """The unit a name stands for: 办公室 → 县教育局办公室 when course.yml says so."""
        clean = clean_name(name)
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
    aliases = alias_map(course)
    table: dict[str, list[ProvisionNode]] = {}
    written: dict[str, list[str]] = {}
    for policy in course.policies_newest_first():  # newest policy first
        for node in course.policies[policy.id].walk():
            units: list[str] = []
            for name in node.provision.responsible:
                clean = clean_name(name)
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
