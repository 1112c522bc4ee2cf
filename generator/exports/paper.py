"""A printable paper (试卷) and its key as one self-contained HTML file, for `qinglian paper`.

The file is the site's paper and key pages themselves (their templates, written as HTML rather than
Markdown) inside paper-document.html.j2, which adds the print styles and takes the links out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.content.course import Course
from generator.pages.context import PageContext
from generator.pages.paths import quiz_paper
from generator.pages.quiz import KeyView, PaperView, draw, key_sheet, paper_sheet
from generator.pages.templating import render

# Where a link starts or ends, in HTML the templates and the richtext module wrote.
_LINK_TAG = re.compile(r"<(/?)a\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Piece:
    """A run of the page's HTML, or the place of a link's start or end tag (``link`` is "open" or "close")."""

    html: Markup
    link: str = ""


def link_pieces(html: str) -> list[Piece]:
    """The HTML cut at its link tags, so the template can write each link as plain text."""
    pieces, start = [], 0
    for match in _LINK_TAG.finditer(html):
        pieces += [Piece(Markup(html[start : match.start()])), Piece(Markup(), "close" if match.group(1) else "open")]
        start = match.end()
    return [*pieces, Piece(Markup(html[start:]))]


@dataclass(frozen=True)
class PaperDocument:
    title: str
    paper: PaperView
    key: KeyView | None  # None: the paper alone (--no-key)


def paper_html(
    course: Course,
    quiz_id: str,
    *,
    count: int | None,
    seed: int | None,
    with_key: bool = True,
    minutes: int | None = None,
) -> str:
    quiz = course.quizzes[quiz_id].item
    questions = draw(quiz, count, seed)
    variant = f"（抽题 {len(questions)} 道，种子 {seed}）" if count is not None and count < len(quiz.questions) else ""
    if not variant and seed is not None:
        variant = f"（选项顺序种子 {seed}）"
    ctx = PageContext(course, quiz_paper(quiz_id))
    document = PaperDocument(
        title=f"{quiz.title} 试卷",
        paper=paper_sheet(quiz, ctx, questions, variant=variant, minutes=minutes),
        key=key_sheet(quiz, ctx, questions, variant=variant) if with_key else None,
    )
    return render("paper-document.html.j2", view=document, link_pieces=link_pieces)
