"""A printable paper (试卷) and its key as one self-contained HTML file, for `qinglian paper`."""

from __future__ import annotations

import html
import re

import markdown

from generator.content.course import Course
from generator.pages.context import PageContext
from generator.pages.quiz import draw, render_key, render_paper

_EXTENSIONS = ["attr_list", "md_in_html", "tables", "def_list"]
_PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif; font-size: 11pt;
       line-height: 1.7; color: #000; max-width: 48em; margin: 2em auto; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 12pt; margin-top: 1.4em; }
a { color: #000; text-decoration: none; }
.ql-paper-q { margin: .7em 0; break-inside: avoid; } .ql-paper-options { margin: .2em 0 0 1.5em; }
.ql-key { break-before: page; } .ql-nav { display: none; } .ql-paper-rules { font-weight: bold; }
@media screen { .ql-key { border-top: 2px dashed #999; margin-top: 3em; padding-top: 1em; } }
"""


# The paper is a file of its own, handed out or printed: a link would lead nowhere (or to a
# Markdown source), so every link keeps only its text.
_LINK_OPEN = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)


def _unlinked(body: str) -> str:
    return _LINK_CLOSE.sub("</span>", _LINK_OPEN.sub('<span class="ql-ref">', body))


def paper_html(course: Course, quiz_id: str, *, count: int | None, seed: int | None, with_key: bool = True,
               minutes: int | None = None) -> str:
    quiz = course.quizzes[quiz_id].item
    questions = draw(quiz, count, seed)
    variant = f"（抽题 {len(questions)} 道，种子 {seed}）" if count is not None and count < len(quiz.questions) else ""
    if not variant and seed is not None:
        variant = f"（选项顺序种子 {seed}）"
    ctx = PageContext(course, f"quizzes/{quiz_id}/paper.md")
    body = markdown.markdown(render_paper(quiz, ctx, questions, variant=variant, minutes=minutes), extensions=_EXTENSIONS)
    if with_key:
        key = markdown.markdown(render_key(quiz, ctx, questions, variant=variant), extensions=_EXTENSIONS)
        body += f'\n<section class="ql-key">{key}</section>'
    title = html.escape(f"{quiz.title} 试卷")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>{_PRINT_CSS}</style>\n</head>\n<body>\n{_unlinked(body)}\n</body>\n</html>\n")
