"""Every kind of page the site has, in one table: adding a kind is one entry here, one view, one template.

A kind says which pages of it exist for a course (``items``), where each lives (``path``), what its
template is given (``view``, a small typed object built from the course) and how the site treats it:
its nav section, whether search indexes it, whether it is meant for paper. ``site.generate`` is a
loop over this table; a meta test checks that every kind has its model, template, golden file and
line in the docs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.content.course import Course
from generator.content.model import Case, Lesson, Policy, Quiz
from generator.pages import case, glossary, home, indexes, lesson, lessons_index, library, paths, policy, quiz
from generator.pages.context import PageContext, Shared
from generator.pages.templating import render

One = (None,)  # the items of a kind with a single page


@dataclass(frozen=True)
class PageKind:
    key: str  # names the template (``<key>.md.j2``) and the golden file
    name: str  # what the page is called in Chinese, e.g. in the docs
    model: type | None  # the document it shows; None for pages about the whole course
    items: Callable[[Course, Shared], Iterable[Any]]
    path: Callable[[Any], str]
    view: Callable[[Any, PageContext], Any]
    nav: str | None = None  # the nav entry this page stands for
    nav_section: bool = False  # a section (its index page first) rather than a single link
    searchable: bool = True  # answer keys and blank forms are not
    printable: bool = False  # laid out for A4 paper
    search_titles: Callable[[Any], list[str]] | None = None  # other names search knows the page by

    @property
    def template(self) -> str:
        return f"{self.key}.md.j2"

    def render(self, item: Any, ctx: PageContext) -> str:
        # Templates may end in blank lines; a page ends with exactly one line break.
        return render(self.template, view=self.view(item, ctx)).rstrip() + "\n"


def _documents(kind: str) -> Callable[[Course, Shared], Iterable[Any]]:
    return lambda course, _shared: getattr(course, kind).values()


def _kinds() -> tuple[PageKind, ...]:
    return (
        PageKind("home", "首页", None, lambda c, s: One, lambda _: paths.HOME, home.view, nav="首页"),
        PageKind(
            "policy-index",
            "政策列表",
            None,
            lambda c, s: One,
            lambda _: paths.POLICY_INDEX,
            indexes.policy_index_view,
            nav="政策法规",
            nav_section=True,
        ),
        PageKind(
            "policy",
            "政策文件",
            Policy,
            _documents("policies"),
            lambda e: paths.policy_page(e.item.id),
            policy.view,
            search_titles=lambda e: [str(e.item.short_title)] if e.item.short_title else [],
        ),
        PageKind(
            "case-index",
            "案例库",
            None,
            lambda c, s: One,
            lambda _: paths.CASE_INDEX,
            library.case_library_view,
            nav="典型案例",
            nav_section=True,
        ),
        PageKind("case", "典型案例", Case, _documents("cases"), lambda e: paths.case_page(e.item.id), case.view),
        PageKind(
            "lesson-index",
            "警示教育课列表",
            None,
            lambda c, s: One,
            lambda _: paths.LESSON_INDEX,
            lessons_index.lesson_index_view,
            nav="警示教育",
            nav_section=True,
        ),
        PageKind(
            "lesson",
            "警示教育课",
            Lesson,
            _documents("lessons"),
            lambda e: paths.lesson_page(e.item.id),
            lesson.view,
            printable=True,
        ),
        PageKind(
            "sign-in",
            "签到表",
            Lesson,
            _documents("lessons"),
            lambda e: paths.lesson_sign_in(e.item.id),
            lesson.sign_in_view,
            searchable=False,
            printable=True,
        ),
        PageKind(
            "commitment",
            "承诺书",
            Lesson,
            _documents("lessons"),
            lambda e: paths.lesson_commitment(e.item.id),
            lesson.commitment_view,
            searchable=False,
            printable=True,
        ),
        PageKind(
            "quiz-index",
            "自测列表",
            None,
            lambda c, s: One,
            lambda _: paths.QUIZ_INDEX,
            quiz.quiz_index_view,
            nav="自测",
            nav_section=True,
        ),
        PageKind("quiz", "自测", Quiz, _documents("quizzes"), lambda e: paths.quiz_page(e.item.id), quiz.view),
        PageKind(
            "paper",
            "试卷",
            Quiz,
            _documents("quizzes"),
            lambda e: paths.quiz_paper(e.item.id),
            quiz.paper_view,
            searchable=False,
            printable=True,
        ),
        PageKind(
            "key",
            "答案与解析",
            Quiz,
            _documents("quizzes"),
            lambda e: paths.quiz_key(e.item.id),
            quiz.key_view,
            searchable=False,
            printable=True,
        ),
        PageKind(
            "responsibilities",
            "责任清单",
            None,
            lambda c, s: One,
            lambda _: paths.RESPONSIBILITIES,
            indexes.responsibilities_view,
            nav="责任清单",
        ),
        PageKind(
            "unit",
            "责任单位",
            None,
            lambda c, s: [(u, s.units.page(u)) for u in s.units.ordered()] if s.units.split else (),
            lambda item: item[1],
            indexes.unit_view,
        ),
        PageKind("glossary", "术语表", None, lambda c, s: One, lambda _: paths.GLOSSARY, glossary.view, nav="术语表"),
    )


KINDS: tuple[PageKind, ...] = _kinds()
