"""Where a course holds Markdown and citations: the one list that validation and 被引用 both read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.content.citations import CitationRef, find_inline
from generator.content.course import Course
from generator.content.yamlsource import KeyPath, YamlDocument


@dataclass(frozen=True)
class TextField:
    doc: YamlDocument
    path: KeyPath
    text: str
    owner: Any  # the document's item: CourseSettings, Policy, Case, Lesson or Quiz


def markdown_fields(course: Course) -> Iterator[TextField]:
    """Every Markdown field in the course, with its document and key path.

    Everything else (titles, tags, categories, units, options, self_check …) is plain text:
    shown as written, never parsed, so a ``[[…]]`` there is just text."""

    def present(doc: YamlDocument, path: KeyPath, value: str | None, owner: Any):
        if value:
            yield TextField(doc, path, value, owner)

    settings, doc = course.settings, course.settings_doc
    yield from present(doc, ("description",), settings.description, settings)
    yield from present(doc, ("home",), settings.home, settings)
    for i, entry in enumerate(settings.glossary):
        yield from present(doc, ("glossary", i, "definition"), entry.definition, settings)
    for policy_entry in course.policies.values():
        policy, doc = policy_entry.item, policy_entry.doc
        yield from present(doc, ("summary",), policy.summary, policy)
        yield from present(doc, ("preamble",), policy.preamble, policy)
        for node in policy_entry.walk():
            yield from present(doc, node.key_path + ("text",), node.provision.text, policy)
    for entry in course.cases.values():
        for name in ("facts", "handling", "analysis", "lessons"):
            yield from present(entry.doc, (name,), getattr(entry.item, name), entry.item)
        for i, question in enumerate(entry.item.discussion):  # inline Markdown, one line each
            yield from present(entry.doc, ("discussion", i), question, entry.item)
    for entry in course.lessons.values():
        for name in ("objectives", "discussion"):  # inline Markdown, one line each
            for i, text in enumerate(getattr(entry.item, name)):
                yield from present(entry.doc, (name, i), text, entry.item)
        for i, item in enumerate(entry.item.agenda):
            yield from present(entry.doc, ("agenda", i, "notes"), item.notes, entry.item)
    for entry in course.quizzes.values():
        yield from present(entry.doc, ("description",), entry.item.description, entry.item)
        for i, question in enumerate(entry.item.questions):
            yield from present(entry.doc, ("questions", i, "stem"), question.stem, entry.item)
            yield from present(entry.doc, ("questions", i, "explanation"), question.explanation, entry.item)


def citation_lists(course: Course) -> Iterator[TextField]:
    """Every entry of violations, key_provisions and cites."""
    for entry in course.cases.values():
        for i, text in enumerate(entry.item.violations):
            yield TextField(entry.doc, ("violations", i), text, entry.item)
    for entry in course.lessons.values():
        for i, text in enumerate(entry.item.key_provisions):
            yield TextField(entry.doc, ("key_provisions", i), text, entry.item)
    for entry in course.quizzes.values():
        for q, question in enumerate(entry.item.questions):
            for i, text in enumerate(question.cites):
                yield TextField(entry.doc, ("questions", q, "cites", i), text, entry.item)


def all_citations(course: Course) -> Iterator[tuple[CitationRef, TextField]]:
    """Every citation in the course, listed or written inline, with the field it stands in."""
    for field in citation_lists(course):
        yield CitationRef.parse(field.text), field
    for field in markdown_fields(course):
        for ref, _ in find_inline(field.text):
            yield ref, field
