"""Responsible units (责任单位): who is responsible for what, and where each unit's list lives."""

from __future__ import annotations

from dataclasses import dataclass

from slugify import slugify

from ..course import Course, ProvisionNode
from ..paths import RESPONSIBILITIES

# Beyond this many entries the 责任清单 becomes an index with one page per unit, so no page grows
# with the size of the whole course.
SPLIT_ABOVE = 400


def responsibilities(course: Course) -> dict[str, list[ProvisionNode]]:
    """Every unit with the provisions it is responsible for, newest policy first."""
    found: dict[str, list[ProvisionNode]] = {}
    for policy in course.policies_newest_first():
        for node in course.policies[policy.id].walk():
            for unit in node.provision.responsible:
                found.setdefault(unit, []).append(node)
    return found


@dataclass(frozen=True)
class UnitPages:
    table: dict[str, list[ProvisionNode]]
    anchors: dict[str, str]  # unit → stable slug, e.g. 县教育局党组 → unit-xian-jiao-yu-ju-dang-zu
    split: bool

    def page(self, unit: str) -> str:
        return f"responsibilities/{self.anchors[unit]}.md" if self.split else RESPONSIBILITIES

    def anchor(self, unit: str) -> str | None:
        return None if self.split else self.anchors[unit]


def unit_pages(course: Course) -> UnitPages:
    table = responsibilities(course)
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for unit in sorted(table):
        base = "unit-" + (slugify(unit) or "x")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        anchors[unit] = anchor
    return UnitPages(table, anchors, split=sum(len(v) for v in table.values()) > SPLIT_ABOVE)
