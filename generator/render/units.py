"""Responsible units (责任单位) and their stable anchors on the 责任清单 page."""

from __future__ import annotations

from slugify import slugify

from ..course import Course, ProvisionNode


def responsibilities(course: Course) -> dict[str, list[ProvisionNode]]:
    """Every unit with the provisions it is responsible for, in course order."""
    found: dict[str, list[ProvisionNode]] = {}
    for policy in course.policies_newest_first():
        for node in course.policies[policy.id].walk():
            for unit in node.provision.responsible:
                found.setdefault(unit, []).append(node)
    return found


def unit_anchors(course: Course) -> dict[str, str]:
    """unit → anchor, e.g. 县教育局党组 → unit-xian-jiao-yu-ju-dang-zu; collisions get a suffix."""
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for unit in sorted(responsibilities(course)):
        base = "unit-" + (slugify(unit) or "x")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        anchors[unit] = anchor
    return anchors
