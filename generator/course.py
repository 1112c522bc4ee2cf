"""The loaded course: validated documents plus what is derived from them (anchors, lookups)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from .anchors import display_number
from .model import Case, CourseSettings, Lesson, Policy, Provision, Quiz
from .yamlsource import KeyPath, YamlDocument

T = TypeVar("T")


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
        """How a citation names the provision: 第十项, 三（一）1, 第十二条 …"""
        numbers = [n for n in self.cite_numbers if n]
        if not numbers:
            return self.provision.title or self.anchor
        if len(numbers) == 1 and not numbers[0].startswith("第") and not numbers[0].startswith("（"):
            return f"第{numbers[0]}项" if not numbers[0].isdigit() else f"第{numbers[0]}条"
        return "".join(numbers)

    @property
    def citation(self) -> str:
        """《十项准则》第十项 规范从教行为"""
        title = f" {self.provision.title}" if self.provision.title else ""
        return f"《{self.policy.cite_title}》{self.label}{title}"

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class PolicyEntry(Entry[Policy]):
    roots: tuple[ProvisionNode, ...] = ()
    anchors: dict[str, ProvisionNode] = field(default_factory=dict)

    def walk(self):
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

    def policies_newest_first(self) -> list[Policy]:
        items = [entry.item for entry in self.policies.values()]
        return sorted(items, key=lambda p: (p.issued, p.id), reverse=True)

    def policy_by_title(self, title: str) -> Policy | None:
        plain = title.strip().strip("《》")
        for entry in self.policies.values():
            if plain in (entry.item.title, entry.item.short_title):
                return entry.item
        return None
