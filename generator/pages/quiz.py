"""Quiz pages: the interactive 自测, the printable 试卷 and its 答案与解析."""

from __future__ import annotations

from markupsafe import Markup

from generator.content.citations import CitationRef
from generator.content.course import Entry
from generator.text.markup import attr, inline_text
from generator.content.model import Question, Quiz
from generator.pages.paths import quiz_key, quiz_page, quiz_paper
from generator.content.quizcheck import BLANK, TYPE_NAMES, letters
from generator.exports.quizkey import FULL_MARKS, draw_questions, encode_key, paper_minutes, paper_points, pass_mark, shuffle_options
from generator.pages.context import PageContext

TYPE_ORDER = ["single", "multiple", "judge", "fill"]
CHINESE_NUMBERS = "一二三四"


def _stem(question: Question, ctx: PageContext, blank: str) -> str:
    """The stem as safe HTML, each ____ replaced by the blank's HTML (numbered from 1)."""
    return ctx.markdown(question.stem, blank=lambda n: blank.format(n=n))


def _cites(question: Question, ctx: PageContext) -> str:
    return "；".join(ctx.cite(CitationRef.parse(c)) for c in question.cites)


def _choices(quiz: Quiz, question: Question) -> str:
    name = f"{quiz.id}-{question.id}"
    if question.type == "judge":
        pairs = [("true", "正确"), ("false", "错误")]
        kind = "radio"
    else:
        pairs = list(zip(letters(len(question.options)), question.options))
        kind = "radio" if question.type == "single" else "checkbox"
    rows = "".join(
        f'<label class="ql-option"><input type="{kind}" name="{attr(name)}" value="{value}">'
        f'<span class="ql-option__letter">{value if question.type != "judge" else ""}</span>'
        f'<span class="ql-option__text">{attr(text)}</span></label>'
        for value, text in pairs)
    return f'<fieldset class="ql-options"><legend>{TYPE_NAMES[question.type]}选项</legend>{rows}</fieldset>'


def render_quiz(entry: Entry[Quiz], ctx: PageContext) -> str:
    quiz = entry.item
    parts = [f"# {inline_text(quiz.title)}", ""]
    if quiz.description:
        parts += [ctx.block(quiz.description), ""]
    total = len(quiz.questions)
    parts += [f"共 {total} 题，满分 100 分，{quiz.pass_score} 分及格。答题进度和最好成绩只保存在本机浏览器中。"
              f"　[打印试卷]({ctx.url(quiz_paper(quiz.id))})　[答案与解析]({ctx.url(quiz_key(quiz.id))})", ""]
    parts += [f'<div class="ql-quiz" data-quiz="{attr(quiz.id)}" data-pass="{quiz.pass_score}" '
              f'data-shuffle="{"true" if quiz.shuffle else "false"}" data-key="{encode_key(quiz)}" markdown>', "",
              '<p class="ql-quiz-status" aria-live="polite"></p>', ""]
    for number, question in enumerate(quiz.questions, 1):
        blank = '<input type="text" class="ql-blank" data-blank="{n}" aria-label="第{n}空" autocomplete="off">'
        parts += [f'<div class="ql-question" data-question-id="{attr(question.id)}" data-type="{question.type}" markdown>', "",
                  f'<p class="ql-q-head"><span class="ql-q-no">{number}</span> <span class="ql-q-type">{TYPE_NAMES[question.type]}</span></p>', "",
                  _stem(question, ctx, blank), ""]
        if question.type != "fill":
            parts += [_choices(quiz, question), ""]
        parts += ['<div class="ql-q-feedback" hidden markdown>', "", '<p class="ql-q-verdict"></p>', ""]
        if question.explanation:
            parts += [ctx.block(question.explanation, lead="解析"), ""]
        if question.cites:
            parts += [f"**相关条款**　{_cites(question, ctx)}", ""]
        parts += ["</div>", "", "</div>", ""]
    parts += ['<div class="ql-quiz-actions">'
              '<button type="button" class="md-button md-button--primary" data-action="submit">提交答案</button>'
              '<button type="button" class="md-button" data-action="retry-wrong" hidden>只重做错题</button>'
              '<button type="button" class="md-button" data-action="reset">全部重做</button></div>', "",
              '<div class="ql-quiz-confirm" role="alertdialog" aria-live="assertive" hidden>'
              '<p class="ql-quiz-confirm__text"></p>'
              '<button type="button" class="md-button md-button--primary" data-action="confirm-submit">仍然提交</button>'
              '<button type="button" class="md-button" data-action="cancel-submit">继续作答</button></div>', "",
              '<div class="ql-quiz-result" data-score="" hidden aria-live="polite"></div>', "", "</div>", ""]
    return "\n".join(parts)


def draw(quiz: Quiz, count: int | None, seed: int | None) -> list[Question]:
    """The questions of a paper: all of them, or `count` drawn across types in proportion; with a
    `seed`, options are shuffled too (the same seed gives the same paper)."""
    questions = list(quiz.questions)
    if count is not None and count < len(questions):
        questions = draw_questions(questions, count, seed)
    if seed is not None:
        questions = [shuffle_options(q, seed) for q in questions]
    return questions


def _grouped(questions: list[Question]) -> list[tuple[str, list[tuple[int, Question]]]]:
    groups, number = [], 0
    for kind in TYPE_ORDER:
        items = [q for q in questions if q.type == kind]
        if items:
            groups.append((kind, [(number + i, q) for i, q in enumerate(items, 1)]))
            number += len(items)
    return groups


def _marks(questions: list[Question]) -> tuple[list[tuple[str, list[tuple[int, Question, int]]]], int]:
    """The paper's sections with each question's number and 分值, and the paper's total."""
    groups = _grouped(questions)
    points = iter(paper_points([q for _, items in groups for _, q in items]))
    marked = [(kind, [(number, q, next(points)) for number, q in items]) for kind, items in groups]
    return marked, sum(p for _, items in marked for _, _, p in items)


def _score_line(quiz: Quiz, total: int) -> str:
    if total == FULL_MARKS:
        return f"满分 {total} 分，{quiz.pass_score} 分及格"
    # Authors' own points decide the total; say what it really is rather than pretend 100.
    return f"满分 {total} 分（各题分值合计），{pass_mark(total, quiz.pass_score)} 分及格（{quiz.pass_score}%）"


def render_paper(quiz: Quiz, ctx: PageContext, questions: list[Question], *, variant: str = "",
                 minutes: int | None = None) -> str:
    title = f"{quiz.title}　试卷{variant}"
    groups, total = _marks(questions)
    minutes = minutes if minutes is not None else paper_minutes(questions)
    parts = [f"# {inline_text(title)}", "",
             '<p class="ql-paper-header">姓名：＿＿＿＿＿＿　学校／部门：＿＿＿＿＿＿＿＿　得分：＿＿＿＿</p>', "",
             f'<p class="ql-paper-rules">本卷共 {len(questions)} 题，{_score_line(quiz, total)}。考试时间：{minutes} 分钟。</p>', ""]
    for index, (kind, items) in enumerate(groups):
        parts += [f"## {CHINESE_NUMBERS[index]}、{TYPE_NAMES[kind]}（共 {len(items)} 题，{sum(p for _, _, p in items)} 分）", ""]
        for number, question, points in items:
            stem = _stem(question, ctx, "＿＿＿＿＿＿")
            suffix = "（　　）" if kind in ("single", "multiple", "judge") else ""
            parts += ['<div class="ql-paper-q" markdown>', "", f"**{number}.**（{points} 分）{stem}{suffix}", ""]
            if kind in ("single", "multiple"):
                options = "　".join(f"{letter}. {inline_text(text)}" for letter, text in zip(letters(len(question.options)), question.options))
                parts += [f'<p class="ql-paper-options">{options}</p>', ""]
            parts += ["</div>", ""]
    return "\n".join(parts)


def answer_text(question: Question) -> str:
    if question.type == "single":
        return str(question.answer)
    if question.type == "multiple":
        return "".join(question.answer)
    if question.type == "judge":
        return "正确" if question.answer else "错误"
    blanks = [entry if isinstance(entry, list) else [entry] for entry in question.answer]
    return "；".join("／".join(str(a) for a in accepted) for accepted in blanks)


def render_key(quiz: Quiz, ctx: PageContext, questions: list[Question], *, variant: str = "") -> str:
    groups, total = _marks(questions)
    parts = [f"# {inline_text(quiz.title)}　答案与解析{inline_text(variant)}", "",
             # Navigation for the screen only: print and the standalone paper leave it out.
             '<div class="ql-nav" markdown>', "",
             f"[返回自测]({ctx.url(quiz_page(quiz.id))})　[打印试卷]({ctx.url(quiz_paper(quiz.id))})", "", "</div>", "",
             f"本卷共 {len(questions)} 题，{_score_line(quiz, total)}。", ""]
    for index, (kind, items) in enumerate(groups):
        parts += [f"## {CHINESE_NUMBERS[index]}、{TYPE_NAMES[kind]}（{sum(p for _, _, p in items)} 分）", ""]
        for number, question, points in items:
            parts += [f"**{number}.**（{points} 分）答案：**{inline_text(answer_text(question))}**", ""]
            if question.explanation:
                parts += [f"解析：{ctx.markdown(question.explanation)}", ""]
            if question.cites:
                parts += [f"相关条款：{_cites(question, ctx)}", ""]
    return "\n".join(parts)


def render_quiz_index(ctx: PageContext) -> str:
    quizzes = sorted((e.item for e in ctx.course.quizzes.values()), key=lambda q: q.id)
    lines = ["# 自测", ""]
    if not quizzes:
        return "\n".join(lines + ["课程中还没有自测。", ""])
    lines += ["在线答题可即时查看得分、正确答案和解析；也可以打印试卷和答案，用于集中测试。", "",
              "| 自测 | 题数 | 及格分 | 打印 |", "| --- | --- | --- | --- |"]
    for quiz in quizzes:
        lines.append(f"| [{inline_text(quiz.title)}]({ctx.url(quiz_page(quiz.id))}) | {len(quiz.questions)} | {quiz.pass_score} | "
                     f"[试卷]({ctx.url(quiz_paper(quiz.id))})　[答案]({ctx.url(quiz_key(quiz.id))}) |")
    return "\n".join(lines) + "\n"


# Transitional: the page's Markdown as one value, until its template holds the markup.
def quiz_index_view(_item: object, ctx: PageContext) -> Markup:
    return Markup(render_quiz_index(ctx))


def view(entry: Entry[Quiz], ctx: PageContext) -> Markup:
    return Markup(render_quiz(entry, ctx))


def paper_view(entry: Entry[Quiz], ctx: PageContext) -> Markup:
    return Markup(render_paper(entry.item, ctx, list(entry.item.questions)))


def key_view(entry: Entry[Quiz], ctx: PageContext) -> Markup:
    return Markup(render_key(entry.item, ctx, list(entry.item.questions)))
