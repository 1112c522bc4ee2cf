"""Where a course holds Markdown and citations: the one list that validation and 被引用 both read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.content.citations import CitationRef, find_inline
from generator.content.course import Course
from generator.content.model import Case, CourseSettings, Lesson, Policy, Quiz
from generator.content.yamlsource import KeyPath, YamlDocument

Owner = CourseSettings | Policy | Case | Lesson | Quiz


@dataclass(frozen=True)
class TextField:
    doc: YamlDocument
    path: KeyPath
    text: str
    owner: Owner  # the document's item


def markdown_fields(course: Course) -> Iterator[TextField]:
    """Every Markdown field in the course, with its document and key path.

    Everything else (titles, tags, categories, units, options, self_check …) is plain text:
    shown as written, never parsed, so a ``[[…]]`` there is just text."""

    def present(doc: YamlDocument, path: KeyPath, value: str | None, owner: Owner) -> Iterator[TextField]:
        if value:
            yield TextField(doc, path, value, owner)

    settings, doc = course.settings, course.settings_doc
    yield from present(doc, ("description",), settings.description, settings)
    yield from present(doc, ("home",), settings.home, settings)
    for i, term in enumerate(settings.glossary):
        yield from present(doc, ("glossary", i, "definition"), term.definition, settings)
    for policy_entry in course.policies.values():
        policy, doc = policy_entry.item, policy_entry.doc
        yield from present(doc, ("summary",), policy.summary, policy)
        yield from present(doc, ("preamble",), policy.preamble, policy)
        for node in policy_entry.walk():
            yield from present(doc, node.key_path + ("text",), node.provision.text, policy)
    for case_entry in course.cases.values():
        case = case_entry.item
        for name in ("facts", "handling", "analysis", "lessons"):
            yield from present(case_entry.doc, (name,), getattr(case, name), case)
        for i, prompt in enumerate(case.discussion):  # inline Markdown, one line each
            yield from present(case_entry.doc, ("discussion", i), prompt, case)
    for lesson_entry in course.lessons.values():
        lesson = lesson_entry.item
        for name in ("objectives", "discussion"):  # inline Markdown, one line each
            for i, text in enumerate(getattr(lesson, name)):
                yield from present(lesson_entry.doc, (name, i), text, lesson)
        for i, item in enumerate(lesson.agenda):
            yield from present(lesson_entry.doc, ("agenda", i, "notes"), item.notes, lesson)
    for quiz_entry in course.quizzes.values():
        quiz = quiz_entry.item
        yield from present(quiz_entry.doc, ("description",), quiz.description, quiz)
        for i, question in enumerate(quiz.questions):
            yield from present(quiz_entry.doc, ("questions", i, "stem"), question.stem, quiz)
            yield from present(quiz_entry.doc, ("questions", i, "explanation"), question.explanation, quiz)


def citation_lists(course: Course) -> Iterator[TextField]:
    """Every entry of violations, key_provisions and cites."""
    for case_entry in course.cases.values():
        for i, text in enumerate(case_entry.item.violations):
            yield TextField(case_entry.doc, ("violations", i), text, case_entry.item)
    for lesson_entry in course.lessons.values():
        for i, text in enumerate(lesson_entry.item.key_provisions):
            yield TextField(lesson_entry.doc, ("key_provisions", i), text, lesson_entry.item)
    for quiz_entry in course.quizzes.values():
        for q, question in enumerate(quiz_entry.item.questions):
            for i, text in enumerate(question.cites):
                yield TextField(quiz_entry.doc, ("questions", q, "cites", i), text, quiz_entry.item)


def all_citations(course: Course) -> Iterator[tuple[CitationRef, TextField]]:
    """Every citation in the course, listed or written inline, with the field it stands in."""
    for field in citation_lists(course):
        yield CitationRef.parse(field.text), field
    for field in markdown_fields(course):
        for ref, _ in find_inline(field.text):
            yield ref, field
