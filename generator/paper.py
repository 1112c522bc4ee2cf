"""A printable paper (试卷) and its key as one self-contained HTML file, for `qinglian paper`."""

from __future__ import annotations

import html

import markdown

from .course import Course
from .render.context import PageContext
from .render.quiz import draw, render_key, render_paper

_EXTENSIONS = ["attr_list", "md_in_html", "tables", "def_list"]
_PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif; font-size: 11pt;
       line-height: 1.7; color: #000; max-width: 48em; margin: 2em auto; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 12pt; margin-top: 1.4em; }
a { color: #000; text-decoration: none; }
.ql-paper-q { margin: .7em 0; break-inside: avoid; } .ql-paper-options { margin: .2em 0 0 1.5em; }
.ql-key { break-before: page; }
@media screen { .ql-key { border-top: 2px dashed #999; margin-top: 3em; padding-top: 1em; } }
"""


def paper_html(course: Course, quiz_id: str, *, count: int | None, seed: int | None, with_key: bool = True) -> str:
    quiz = course.quizzes[quiz_id].item
    questions = draw(quiz, count, seed)
    variant = f"（抽题 {len(questions)} 道，种子 {seed}）" if count is not None else ""
    # Links point into the site beside the paper; a printed paper only needs their text.
    ctx = PageContext(course, f"quizzes/{quiz_id}/paper.md")
    body = markdown.markdown(render_paper(quiz, ctx, questions, variant=variant), extensions=_EXTENSIONS)
    if with_key:
        key = markdown.markdown(render_key(quiz, ctx, questions, variant=variant), extensions=_EXTENSIONS)
        body += f'\n<section class="ql-key">{key}</section>'
    title = html.escape(f"{quiz.title} 试卷")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>{_PRINT_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
