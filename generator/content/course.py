"""The loaded course: validated documents plus what is derived from them (anchors, lookups)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from generator.content.model import Case, CourseSettings, Lesson, Policy, Provision, Quiz
from generator.content.numerals import display_number
from generator.content.yamlsource import KeyPath, YamlDocument

T = TypeVar("T")

HOME_FILE = "home.md"  # beside course.yml: the home page's text, instead of course.yml's home field

_ARTICLE = re.compile(r"^第.+条$")
_DIVISION = re.compile(r"^第.+(?:编|章|节|部分|篇)$")
_QUOTED = re.compile(r"^“.*”$")


@dataclass
class Entry(Generic[T]):
    """One validated document and the YAML it came from (for locating later problems)."""

    item: T
    doc: YamlDocument

    @property
    def path(self) -> Path:
        return self.doc.path


@dataclass(frozen=True)
class ProvisionNode:
    policy: Policy
    provision: Provision
    anchor: str
    key_path: KeyPath
    depth: int  # 1 for top-level provisions
    cite_numbers: tuple[str, ...]  # printed numbers from the top, as cited
    children: tuple[ProvisionNode, ...] = ()

    @property
    def display_number(self) -> str:
        return display_number(self.provision.number) if self.provision.number else ""

    @property
    def label(self) -> str:
        """How a citation names the provision, in Chinese usage:
        第十项 (a lone 一、), 三（一）2. (一/（一）/1. documents), 第三条第（一）项 (第X条 documents)."""
        parts = self._cite_parts()
        if not parts:
            return self.provision.title or self.anchor
        if not self.provision.number:
            # An unnumbered provision is named by its parent's number and its position there.
            position = self.key_path[-1]
            assert isinstance(position, int)  # a provision's key path ends with its index in its list
            parts.append(f"第{position + 1}段" if not self.provision.title else "")
        numbers = [p for p in parts if p]
        if len(parts) == 1 and not _ARTICLE.match(parts[0]):
            only = parts[0]
            if only.isdigit():
                return f"第{only}条"
            if not only.startswith(("第", "（")) and not _QUOTED.match(only):
                return f"第{only}项"
        text = "".join(numbers)
        # An Arabic number ends with its dot, so "2." does not run into the title that follows.
        return f"{text}." if re.search(r"(?:^|[^（(0-9])[0-9]+$", text) else text

    def _cite_parts(self) -> list[str]:
        """The printed numbers from the top; an unnumbered level in between is named by its “title”."""
        chain: list[Provision] = []
        items = self.policy.provisions
        for step in self.key_path[1::2]:
            if not isinstance(step, int) or step >= len(items):
                break
            chain.append(items[step])
            items = items[step].provisions
        parts: list[str] = []
        for depth, printed in enumerate(self.cite_numbers):
            ancestor = chain[depth] if depth < len(chain) else None
            if printed:
                parts.append(printed)
            elif depth < len(self.cite_numbers) - 1 and ancestor is not None and ancestor.title:
                parts.append(f"“{ancestor.title}”")
        article = next((i for i, p in enumerate(parts) if _ARTICLE.match(p)), None)
        if article is None:
            return parts
        # 第X条 documents: articles are numbered through the whole text, so chapters drop out of a
        # citation, and the levels below an article are its 项 and 目.
        named = [p for p in parts[:article] if not _DIVISION.match(p)] + [parts[article]]
        for level, printed in enumerate(parts[article + 1 :]):
            if printed.startswith("第") or _QUOTED.match(printed):
                named.append(printed)
            else:
                named.append(f"第{printed}项" if level == 0 else f"第{printed}目" if level == 1 else printed)
        return named

    @property
    def citation(self) -> str:
        """《十项准则》第十项 规范从教行为"""
        label = self.label
        title = self.provision.title
        suffix = f" {title}" if title and label != title else ""
        return f"《{self.policy.cite_title}》{label}{suffix}"

    def walk(self) -> Iterator[ProvisionNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class PolicyEntry(Entry[Policy]):
    roots: tuple[ProvisionNode, ...] = ()
    anchors: dict[str, ProvisionNode] = field(default_factory=dict)
    # False when a broken file's provisions could not all be read: its anchor list is partial.
    complete: bool = True

    def walk(self) -> Iterator[ProvisionNode]:
        for root in self.roots:
            yield from root.walk()


@dataclass
class Course:
    root: Path
    settings: CourseSettings
    settings_doc: YamlDocument
    policies: dict[str, PolicyEntry] = field(default_factory=dict)
    cases: dict[str, Entry[Case]] = field(default_factory=dict)
    lessons: dict[str, Entry[Lesson]] = field(default_factory=dict)
    quizzes: dict[str, Entry[Quiz]] = field(default_factory=dict)
    # Documents that failed validation, by kind and id: what could be read of them (a policy's
    # anchors), or None. References to them are not reported again: their own error says it all.
    broken: dict[str, dict[str, PolicyEntry | None]] = field(
        default_factory=lambda: {"policies": {}, "cases": {}, "lessons": {}, "quizzes": {}}
    )

    def home_text(self) -> str | None:
        """The course's own words for its home page: home.md, else course.yml's home, else its description."""
        path = self.root / HOME_FILE
        if path.is_file():
            return path.read_text(encoding="utf-8-sig")
        return self.settings.home or self.settings.description

    def policies_newest_first(self) -> list[Policy]:
        items = [entry.item for entry in self.policies.values()]
        return sorted(items, key=lambda p: (p.issued, p.id), reverse=True)

    def policy_by_title(self, title: str) -> Policy | None:
        plain = title.strip().strip("《》")
        for entry in self.policies.values():
            if plain in (entry.item.title, entry.item.short_title):
                return entry.item
        return None
