"""Quiz pages: the interactive 自测, the printable 试卷 and its 答案与解析, and the list of quizzes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Generic, TypeVar

from markupsafe import Markup

from generator.content.citations import CitationRef
from generator.content.course import Entry
from generator.content.model import Question, Quiz, letters
from generator.content.numerals import int_to_chinese
from generator.exports.quizkey import (
    FULL_MARKS,
    TYPE_ORDER,
    draw_questions,
    encode_key,
    paper_minutes,
    paper_points,
    pass_mark,
    shuffle_options,
)
from generator.pages.context import Link, PageContext
from generator.pages.paths import QUIZ_SCRIPT, quiz_key, quiz_page, quiz_paper
from generator.pages.templating import fragment

# A blank on paper is a line to write on; on the quiz page it is an input (the _blank template).
PAPER_BLANK = "＿＿＿＿＿＿"
# Answered by a letter or by 正确/错误: the paper leaves （　　） after the stem for it.
_BRACKETED = ("single", "multiple", "judge")

Q = TypeVar("Q")


def _cites(question: Question, ctx: PageContext) -> list[Markup]:
    return [ctx.cite(CitationRef.parse(c)) for c in question.cites]


# --- the interactive quiz ------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str  # what the input submits: a letter, or true/false for 判断题
    letter: str  # printed before the text; 判断题 print none
    text: str


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    type: str
    type_name: str  # 单选题 …
    number: int
    stem: Markup  # each ____ an input
    input: str  # radio or checkbox; "" for 填空题 (the blanks are in the stem)
    name: str  # the inputs' group name, unique on the page
    choices: list[Choice]
    explanation: Markup  # a block led by 解析
    cites: list[Markup]


@dataclass(frozen=True)
class QuizView:
    id: str
    title: str
    description: Markup
    count: int
    pass_score: int
    shuffle: bool
    key: str  # the encoded answer key quiz.js grades with
    script: Markup  # quiz.js, relative to the page: only quiz pages load it
    paper_page: Link
    key_page: Link
    questions: list[QuizQuestion]


def _choices(question: Question) -> list[Choice]:
    if question.type == "judge":
        return [Choice("true", "", "正确"), Choice("false", "", "错误")]
    if question.type == "fill":
        return []
    return [
        Choice(letter, letter, text)
        for letter, text in zip(letters(len(question.options)), question.options, strict=False)
    ]


def _input_blank(number: int) -> Markup:
    return fragment("_blank.html.j2", number=number)


def view(entry: Entry[Quiz], ctx: PageContext) -> QuizView:
    quiz = entry.item
    questions = [
        QuizQuestion(
            id=question.id,
            type=question.type,
            type_name=question.type.label,
            number=number,
            stem=ctx.markdown(question.stem, blank=_input_blank),
            input={"single": "radio", "judge": "radio", "multiple": "checkbox"}.get(question.type, ""),
            name=f"{quiz.id}-{question.id}",
            choices=_choices(question),
            explanation=ctx.block(question.explanation, lead="解析") if question.explanation else Markup(),
            cites=_cites(question, ctx),
        )
        for number, question in enumerate(quiz.questions, 1)
    ]
    return QuizView(
        id=quiz.id,
        title=quiz.title,
        description=ctx.block(quiz.description),
        count=len(quiz.questions),
        pass_score=quiz.pass_score,
        shuffle=quiz.shuffle,
        key=encode_key(quiz),
        script=Markup(ctx.url(QUIZ_SCRIPT)),
        paper_page=ctx.link("打印试卷", quiz_paper(quiz.id)),
        key_page=ctx.link("答案与解析", quiz_key(quiz.id)),
        questions=questions,
    )


# --- papers and keys -----------------------------------------------------------------------


def draw(quiz: Quiz, count: int | None, seed: int | None) -> list[Question]:
    """The questions of a paper: all of them, or `count` drawn across types in proportion; with a
    `seed`, options are shuffled too (the same seed gives the same paper)."""
    questions = list(quiz.questions)
    if count is not None and count < len(questions):
        questions = draw_questions(questions, count, seed)
    if seed is not None:
        questions = [shuffle_options(q, seed) for q in questions]
    return questions


@dataclass(frozen=True)
class Score:
    """A paper's marks: 100 unless the authors' own 分值 add up to something else."""

    total: int
    pass_score: int  # the quiz's pass score, a percentage
    pass_mark: int  # the marks that pass this paper

    @property
    def full(self) -> bool:
        return self.total == FULL_MARKS


@dataclass(frozen=True)
class Section(Generic[Q]):
    """One part of a paper or key: the questions of one type (一、单选题 …)."""

    numeral: str
    name: str
    points: int
    questions: list[Q]


@dataclass(frozen=True)
class Option:
    letter: str
    text: str


@dataclass(frozen=True)
class PaperQuestion:
    number: int
    points: int
    stem: Markup  # each ____ a line to write on
    bracketed: bool  # a （　　） for the answer follows the stem
    options: list[Option]


@dataclass(frozen=True)
class PaperView:
    heading: str
    count: int
    score: Score
    minutes: int
    sections: list[Section[PaperQuestion]]


@dataclass(frozen=True)
class KeyQuestion:
    number: int
    points: int
    answer: str
    explanation: Markup
    cites: list[Markup]


@dataclass(frozen=True)
class KeyView:
    title: str
    variant: str  # names a drawn or shuffled paper after 答案与解析
    quiz_page: Link
    paper_page: Link
    count: int
    score: Score
    sections: list[Section[KeyQuestion]]


Marked = list[tuple[str, list[tuple[int, Question, int]]]]


def _marked(questions: list[Question]) -> Marked:
    """The questions by type in the paper's order, each with its number and 分值."""
    groups = [(kind, [q for q in questions if q.type == kind]) for kind in TYPE_ORDER]
    groups = [(kind, items) for kind, items in groups if items]
    points = iter(paper_points([q for _, items in groups for q in items]))
    numbers = count(1)
    return [(kind, [(next(numbers), q, next(points)) for q in items]) for kind, items in groups]


def _score(quiz: Quiz, marked: Marked) -> Score:
    total = sum(p for _, items in marked for _, _, p in items)
    return Score(total, quiz.pass_score, pass_mark(total, quiz.pass_score))


def _sections(marked: Marked, make: Callable[[int, Question, int], Q]) -> list[Section[Q]]:
    # A section holds the questions of one type: its first question names it.
    return [
        Section(
            int_to_chinese(index),
            items[0][1].type.label,
            sum(p for _, _, p in items),
            [make(number, question, points) for number, question, points in items],
        )
        for index, (_, items) in enumerate(marked, 1)
    ]


def paper_sheet(
    quiz: Quiz, ctx: PageContext, questions: list[Question], *, variant: str = "", minutes: int | None = None
) -> PaperView:
    """The paper (试卷) of these questions; ``variant`` names a drawn or shuffled paper in its heading."""

    def question(number: int, q: Question, points: int) -> PaperQuestion:
        options = [Option(letter, text) for letter, text in zip(letters(len(q.options)), q.options, strict=False)]
        return PaperQuestion(
            number,
            points,
            ctx.markdown(q.stem, blank=lambda _n: PAPER_BLANK),
            q.type in _BRACKETED,
            options if q.type in ("single", "multiple") else [],
        )

    marked = _marked(questions)
    return PaperView(
        heading=f"{quiz.title}　试卷{variant}",
        count=len(questions),
        score=_score(quiz, marked),
        minutes=minutes if minutes is not None else paper_minutes(questions),
        sections=_sections(marked, question),
    )


def key_sheet(quiz: Quiz, ctx: PageContext, questions: list[Question], *, variant: str = "") -> KeyView:
    """The answers and explanations (答案与解析) of the paper of these questions."""

    def question(number: int, q: Question, points: int) -> KeyQuestion:
        return KeyQuestion(number, points, q.answer_text(), ctx.markdown(q.explanation), _cites(q, ctx))

    marked = _marked(questions)
    return KeyView(
        title=quiz.title,
        variant=variant,
        quiz_page=ctx.link("返回自测", quiz_page(quiz.id)),
        paper_page=ctx.link("打印试卷", quiz_paper(quiz.id)),
        count=len(questions),
        score=_score(quiz, marked),
        sections=_sections(marked, question),
    )


def paper_view(entry: Entry[Quiz], ctx: PageContext) -> PaperView:
    return paper_sheet(entry.item, ctx, list(entry.item.questions))


def key_view(entry: Entry[Quiz], ctx: PageContext) -> KeyView:
    return key_sheet(entry.item, ctx, list(entry.item.questions))


# --- the list of quizzes -------------------------------------------------------------------


@dataclass(frozen=True)
class QuizRow:
    page: Link  # the quiz's title, linked
    count: int
    pass_score: int
    paper_page: Link
    key_page: Link


@dataclass(frozen=True)
class QuizIndexView:
    quizzes: list[QuizRow]


def quiz_index_view(_item: object, ctx: PageContext) -> QuizIndexView:
    quizzes = sorted((e.item for e in ctx.course.quizzes.values()), key=lambda q: q.id)
    return QuizIndexView(
        [
            QuizRow(
                ctx.link(quiz.title, quiz_page(quiz.id)),
                len(quiz.questions),
                quiz.pass_score,
                ctx.link("试卷", quiz_paper(quiz.id)),
                ctx.link("答案", quiz_key(quiz.id)),
            )
            for quiz in quizzes
        ]
    )
