"""The list of warning-education lessons."""

from __future__ import annotations

from markupsafe import Markup

from generator.text.markup import inline_text
from generator.pages.paths import lesson_page
from generator.pages.context import PageContext


def render_lesson_index(ctx: PageContext) -> str:
    lessons = sorted((e.item for e in ctx.course.lessons.values()), key=lambda l: l.id)
    lines = ["# 警示教育", ""]
    if not lessons:
        return "\n".join(lines + ["课程中还没有警示教育课。", ""])
    lines += ["每节课包含学习目标、议程、典型案例、重点条款、讨论题和对照查摆清单，可在页面上开展学习，也可以打印讲义、签到表和承诺书。", "",
              "| 课程 | 对象 | 时长 | 案例 |", "| --- | --- | --- | --- |"]
    for lesson in lessons:
        audience = inline_text(lesson.audience) if lesson.audience else ""
        lines.append(f"| [{inline_text(lesson.title)}]({ctx.url(lesson_page(lesson.id))}) | {audience} | {lesson.duration} 分钟 | {len(lesson.cases)} 个 |")
    return "\n".join(lines) + "\n"


# Transitional: the page's Markdown as one value, until its template holds the markup.
def lesson_index_view(_item: object, ctx: PageContext) -> Markup:
    return Markup(render_lesson_index(ctx))
