"""A warning-education lesson (警示教育课) for trainer and teachers, plus its printable forms."""

from __future__ import annotations

from markupsafe import Markup

from generator.content.citations import CitationRef
from generator.content.course import Entry
from generator.text.markup import attr, inline_text
from generator.text.richtext import encode_text
from generator.content.model import Lesson
from generator.pages.paths import case_page, lesson_commitment, lesson_page, lesson_sign_in, quiz_page
from generator.pages.case import penalty_labels
from generator.pages.context import PageContext

SIGN_IN_ROWS = 30


def render_lesson(entry: Entry[Lesson], ctx: PageContext, *, quiz_page: str | None = None) -> str:
    lesson = entry.item
    parts = [f"# {inline_text(lesson.title)}", ""]
    # The toolbar (and the links to the printable forms in it) is for the screen only.
    parts += [
        '<div class="ql-lesson-tools" data-lesson="' + attr(lesson.id) + '" markdown>',
        "",
        ('<button type="button" class="ql-tool" data-action="trainer-view" aria-pressed="false">培训者视图</button>'
         '<button type="button" class="ql-tool" data-action="print">打印讲义</button>'
         f'<span class="ql-lesson-tools__forms">打印材料：[签到表]({ctx.url(lesson_sign_in(lesson.id))})　'
         f"[承诺书]({ctx.url(lesson_commitment(lesson.id))})</span>"),
        "",
        "</div>",
        "",
    ]
    rows = []
    if lesson.audience:
        rows.append(("对象", inline_text(lesson.audience)))
    rows.append(("时长", f"{lesson.duration} 分钟"))
    rows.append(("案例", f"{len(lesson.cases)} 个"))
    parts += ['<div class="ql-meta" markdown>', ""]
    for name, value in rows:
        parts += [name, f":   {value}", ""]
    parts += ["</div>", ""]
    parts += ["## 学习目标 {#objectives}", ""] + [f"- {ctx.markdown(o)}" for o in lesson.objectives] + [""]
    if lesson.agenda:
        parts += _agenda(lesson, ctx)
    parts += ["## 案例研读 {#cases}", ""]
    for number, case_id in enumerate(lesson.cases, 1):
        parts += _case_card(number, ctx.course.cases[case_id].item, ctx)
    if lesson.key_provisions:
        parts += ["## 重点条款 {#key-provisions}", ""]
        for citation in lesson.key_provisions:
            parts += [ctx.quote(citation), ""]
    if lesson.discussion:
        parts += ["## 讨论题 {#discussion}", ""] + [f"{i}. {ctx.markdown(q)}" for i, q in enumerate(lesson.discussion, 1)] + [""]
    if lesson.self_check:
        parts += _self_check(lesson, ctx)
    if quiz_page:
        quiz = ctx.course.quizzes[lesson.quiz].item
        parts += ["## 课后自测 {#quiz}", "", f"学完本课后，请完成自测：[{inline_text(quiz.title)}]({ctx.url(quiz_page)})", ""]
    return "\n".join(parts).rstrip() + "\n"


def _agenda(lesson: Lesson, ctx: PageContext) -> list[str]:
    # One raw HTML block: trainer notes are HTML already, and md_in_html loses nested lists in <li>.
    items = []
    elapsed = 0
    for item in lesson.agenda:
        start, elapsed = elapsed, elapsed + item.minutes
        cases = ""
        if item.cases:
            links = "、".join(f'<a href="{attr(ctx.href(case_page(c)))}">{encode_text(ctx.course.cases[c].item.title)}</a>'
                             for c in item.cases)
            cases = f'<br><span class="ql-agenda__cases">案例：{links}</span>'
        note = ""
        if item.notes:
            note = f'<div class="ql-trainer-note">{ctx.block(item.notes, lead="培训者提示")}</div>'
        items.append(f'<li class="ql-agenda__item"><span class="ql-agenda__time">第 {start}–{elapsed} 分钟 · {item.minutes} 分钟</span> '
                     f"<strong>{encode_text(item.activity)}</strong>{cases}{note}</li>")
    return ["## 议程 {#agenda}", "", f'<ol class="ql-agenda">{"".join(items)}</ol>', ""]


def _case_card(number: int, case, ctx: PageContext) -> list[str]:
    violations = "；".join(ctx.cite(CitationRef.parse(v)) for v in case.violations)
    badge = ' <span class="ql-badge">示例案例</span>' if case.fictional else ""
    return [
        '<div class="ql-case-card ql-case-card--full" markdown>', "",
        f"### 案例{number}　{inline_text(case.title)} {{#case-{number}}}", "",
        *([badge.strip(), ""] if badge else []),
        ctx.block(case.facts, lead="基本案情"), "",
        f"**违反条款**　{violations}", "",
        ctx.block(case.handling, lead="处理结果"), "",
        f"{penalty_labels(case.penalties)}" if case.penalties else "", "",
        _nav(f"[阅读完整案例（含剖析与启示）]({ctx.url(case_page(case.id))})"),
        "</div>", "",
    ]


def _nav(links: str) -> str:
    """Links that move around the site: shown on screen, never printed on a handout."""
    return f'<div class="ql-nav" markdown>\n\n{links}\n\n</div>\n'


def _self_check(lesson: Lesson, ctx: PageContext) -> list[str]:
    lines = ["## 对照查摆 {#self-check}", "",
             "逐条对照，在符合的项目前打勾。勾选只保存在本机浏览器中，不会上传。", "",
             f'<ul class="ql-self-check" data-store="qinglian.self-check.{attr(lesson.id)}">']
    for i, item in enumerate(lesson.self_check):
        lines.append(f'<li><label><input type="checkbox" data-check="{i}"> {attr(item)}</label></li>')
    lines += ["</ul>", "", '<button type="button" class="ql-tool" data-action="clear-checks">清除勾选</button>', ""]
    return lines


def render_sign_in(entry: Entry[Lesson], ctx: PageContext) -> str:
    lesson = entry.item
    rows = "\n".join(f"| {i} | | | |" for i in range(1, SIGN_IN_ROWS + 1))
    return "\n".join([
        f"# 签到表：{inline_text(lesson.title)}", "",
        '<div class="ql-print-only-hint" markdown>用浏览器的“打印”功能（Ctrl+P）打印本页，建议 A4 纵向。</div>', "",
        _nav(f"[返回课程]({ctx.url(lesson_page(lesson.id))})"),
        '<p class="ql-form-line">时间：＿＿＿＿年＿＿月＿＿日　　地点：＿＿＿＿＿＿＿＿　　主持人：＿＿＿＿＿＿</p>', "",
        "| 序号 | 姓名 | 学校／部门 | 签名 |", "| --- | --- | --- | --- |", rows, "",
    ])


def render_commitment(entry: Entry[Lesson], ctx: PageContext) -> str:
    lesson = entry.item
    policy_ids = dict.fromkeys(CitationRef.parse(c).policy_id for c in lesson.key_provisions)
    rules = "、".join(f"《{inline_text(ctx.course.policies[p].item.cite_title)}》" for p in policy_ids) or "有关规定"
    items = [f"{i}. {ctx.markdown(o)}" for i, o in enumerate(lesson.objectives, 1)]
    blank = '<span class="ql-blank-line"></span>'
    short = '<span class="ql-blank-line ql-blank-line--short"></span>'
    # Each signature field is one unbreakable line, so a name or a date never splits across lines.
    signature = "".join(f'<p class="ql-sign-line"><span class="ql-sign-line__label">{label}</span>{field}</p>' for label, field in [
        ("承诺人（签名）：", blank), ("学校／部门：", blank), ("日期：", f"{short}年{short}月{short}日")])
    return "\n".join([
        "# 承诺书 {.ql-commitment-title}", "",
        _nav(f"[返回课程]({ctx.url(lesson_page(lesson.id))})"),
        '<div class="ql-commitment" markdown>', "",
        f"本人参加了“{inline_text(lesson.title)}”警示教育，认真学习了{rules}，并结合典型案例对照查摆。本人郑重承诺：", "",
        "1. 严格遵守上述规定，廉洁从教，不触碰纪律红线；",
        "2. 对照查摆发现的问题，立即整改；",
        "3. 自觉接受学校、学生、家长和社会的监督；如有违反，自愿接受组织处理。", "",
        '<p class="ql-commitment__points">本次学习的要点：</p>', "", *items, "",
        f'<div class="ql-signature">{signature}</div>', "",
        "</div>", "",
    ])


# Transitional: the page's Markdown as one value, until its template holds the markup.
def view(entry: Entry[Lesson], ctx: PageContext) -> Markup:
    quiz = quiz_page(entry.item.quiz) if entry.item.quiz else None
    return Markup(render_lesson(entry, ctx, quiz_page=quiz))


def sign_in_view(entry: Entry[Lesson], ctx: PageContext) -> Markup:
    return Markup(render_sign_in(entry, ctx))


def commitment_view(entry: Entry[Lesson], ctx: PageContext) -> Markup:
    return Markup(render_commitment(entry, ctx))
