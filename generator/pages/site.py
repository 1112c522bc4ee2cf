"""The whole generated site as data: Markdown pages, navigation and static assets. No engine here."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from generator.pages.backlinks import backlinks
from generator.content.course import Course
from generator.pages.paths import ASSET_DIR, CASE_INDEX, GLOSSARY, LESSON_INDEX, POLICY_INDEX, QUIZ_INDEX, RESPONSIBILITIES, case_page, lesson_commitment, lesson_page, lesson_sign_in, policy_page, quiz_key, quiz_page, quiz_paper
from generator.pages.case import render_case
from generator.pages.context import PageContext
from generator.pages.home import HOME, render_home
from generator.pages.glossary import glossary_script, render_glossary
from generator.pages.indexes import render_policy_index, render_responsibilities, render_unit
from generator.pages.lesson import render_commitment, render_lesson, render_sign_in
from generator.pages.lessons_index import render_lesson_index
from generator.pages.library import render_case_library
from generator.pages.policy import render_policy
from generator.pages.quiz import render_key, render_paper, render_quiz, render_quiz_index
from generator.pages.units import unit_pages

NavItem = dict[str, "str | list[NavItem]"] | str


@dataclass(frozen=True)
class Asset:
    path: str  # where it goes in the site
    content: bytes


@dataclass
class Site:
    title: str = ""
    organization: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # path → Markdown
    nav: list[NavItem] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    polyfills: list[str] = field(default_factory=list)
    search_aliases: dict[str, str] = field(default_factory=dict)  # glossary alias → term
    # Pages that give answers away or are blank forms: never in the search index.
    unsearchable: set[str] = field(default_factory=set)
    search_titles: dict[str, list[str]] = field(default_factory=dict)  # page path → other names (a policy's 简称)


def generate(course: Course) -> Site:
    """Render every page of a validated course."""
    site = Site(title=course.settings.title, organization=course.settings.organization)

    def add(path: str, render) -> None:
        site.pages[path] = render(PageContext(course, path))

    cited_by = backlinks(course)
    units = unit_pages(course)
    add(HOME, render_home)
    add(POLICY_INDEX, render_policy_index)
    for entry in course.policies.values():
        add(policy_page(entry.item.id), lambda ctx, entry=entry: render_policy(entry, ctx, units, cited_by))
    add(RESPONSIBILITIES, lambda ctx: render_responsibilities(ctx, units))
    if units.split:
        for unit in units.table:
            add(units.page(unit), lambda ctx, unit=unit: render_unit(ctx, units, unit))
    add(CASE_INDEX, render_case_library)
    for case in course.cases.values():
        add(case_page(case.item.id), lambda ctx, case=case: render_case(case, ctx))
    add(LESSON_INDEX, render_lesson_index)
    for lesson in course.lessons.values():
        quiz = quiz_page(lesson.item.quiz) if lesson.item.quiz else None
        add(lesson_page(lesson.item.id), lambda ctx, lesson=lesson, quiz=quiz: render_lesson(lesson, ctx, quiz_page=quiz))
        add(lesson_sign_in(lesson.item.id), lambda ctx, lesson=lesson: render_sign_in(lesson, ctx))
        add(lesson_commitment(lesson.item.id), lambda ctx, lesson=lesson: render_commitment(lesson, ctx))
    add(QUIZ_INDEX, render_quiz_index)
    for quiz in course.quizzes.values():
        questions = list(quiz.item.questions)
        add(quiz_page(quiz.item.id), lambda ctx, quiz=quiz: render_quiz(quiz, ctx))
        add(quiz_paper(quiz.item.id), lambda ctx, quiz=quiz, questions=questions: render_paper(quiz.item, ctx, questions))
        add(quiz_key(quiz.item.id), lambda ctx, quiz=quiz, questions=questions: render_key(quiz.item, ctx, questions))
    add(GLOSSARY, render_glossary)

    site.nav.append({"首页": HOME})
    site.nav += [{"政策法规": [POLICY_INDEX]}, {"典型案例": [CASE_INDEX]}, {"警示教育": [LESSON_INDEX]}, {"自测": [QUIZ_INDEX]},
                 {"责任清单": RESPONSIBILITIES}, {"术语表": GLOSSARY}]
    site.search_aliases = {alias: entry.term for entry in course.settings.glossary for alias in entry.aliases}
    # Answer keys and papers give answers away; sign-in sheets and 承诺书 are blank forms.
    for lesson in course.lessons.values():
        site.unsearchable |= {lesson_sign_in(lesson.item.id), lesson_commitment(lesson.item.id)}
    for quiz in course.quizzes.values():
        site.unsearchable |= {quiz_paper(quiz.item.id), quiz_key(quiz.item.id)}
    site.search_titles = {policy_page(e.item.id): [str(e.item.short_title)] for e in course.policies.values() if e.item.short_title}
    _add_assets(site)
    glossary = f"{ASSET_DIR}/glossary.js"
    site.assets.append(Asset(glossary, glossary_script(PageContext(course, GLOSSARY)).encode("utf-8")))
    site.scripts.insert(0, glossary)
    return site


def _add_assets(site: Site) -> None:
    root = resources.files("generator") / "assets"
    for name in _asset_names(root):
        site.assets.append(Asset(f"{ASSET_DIR}/{name}", (root / name).read_bytes()))
    site.stylesheets.append(f"{ASSET_DIR}/qinglian.css")
    site.scripts.append(f"{ASSET_DIR}/qinglian.js")
    site.scripts.append(f"{ASSET_DIR}/quiz.js")
    site.polyfills.append(f"{ASSET_DIR}/vendor/iframe-worker-shim.js")


def _asset_names(root, prefix: str = "") -> list[str]:
    names: list[str] = []
    for item in sorted(root.iterdir(), key=lambda i: i.name):
        if item.is_dir():
            names += _asset_names(item, f"{prefix}{item.name}/")
        elif item.name not in ("README.md", "search-worker.js"):
            names.append(prefix + item.name)
    return names
