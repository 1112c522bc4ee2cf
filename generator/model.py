"""The content model of ../shared/content-model.md as pydantic models (structure only).

Cross-file rules (unique ids, anchors, citations) live in ``checks``; here each file is
checked on its own. Models are strict: YAML already produced the right Python types,
so ``fictional: yes`` (a string under YAML 1.2) is an error, not a silent ``True``.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ANCHOR_PATTERN = r"^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _year_as_text(value: Any) -> Any:
    # A bare year is an integer under the core schema; the model keeps dates as text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def check_date(value: str) -> str:
    match = _DATE.match(value)
    if not match:
        raise PydanticCustomError(
            "date_format", "“{value}”不是有效日期：请写成 YYYY-MM-DD、YYYY-MM 或 YYYY（如 2021-09-24）", {"value": value}
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise PydanticCustomError("date_month", "日期“{value}”无效：月份应在 01–12 之间", {"value": value})
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise PydanticCustomError(
                "date_day",
                "日期“{value}”无效：{year}年{month}月只有 {last} 天",
                {"value": value, "year": year, "month": month, "last": last},
            )
    return value


def _check_deadline(value: str) -> str:
    # Free text is allowed ("2021年7月至2022年3月"); only what looks like a date is checked.
    return check_date(value) if re.match(r"^\d{4}-", value) else value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Anchor = Annotated[str, Field(pattern=ANCHOR_PATTERN)]
DateText = Annotated[str, BeforeValidator(_year_as_text), AfterValidator(check_date)]
Deadline = Annotated[str, BeforeValidator(_year_as_text), AfterValidator(_check_deadline)]
Number = Annotated[str, BeforeValidator(_year_as_text), Field(min_length=1)]
Text = Annotated[str, Field(min_length=1)]
Markdown = str
Citation = Text
NonEmptyList = Annotated[list[Text], Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Model):
    url: Text | None = None
    note: Text | None = None


# --- course.yml -------------------------------------------------------------------------


class GlossaryEntry(Model):
    term: Text
    definition: Markdown
    aliases: list[Text] = []


class CourseSettings(Model):
    title: Text
    organization: Text
    description: Markdown | None = None
    categories: list[Text] = []
    glossary: list[GlossaryEntry] = []
    home: Markdown | None = None  # the home page's text; a home.md beside course.yml does the same
    units: dict[str, Text] = {}  # responsible-unit alias → canonical name (责任清单)
    synonyms: list[Annotated[list[Text], Field(min_length=2)]] = []  # words search treats as one


# --- policies/*.yml -----------------------------------------------------------------------

Status = Literal["in_force", "amended", "repealed", "draft"]
Level = Literal["national", "provincial", "municipal", "county", "school"]


class Provision(Model):
    number: Number | None = None
    title: Text | None = None
    text: Markdown | None = None
    kind: Literal["goal", "measure", "requirement", "prohibition"] | None = None
    responsible: list[Text] = []
    deadline: Deadline | None = None
    anchor: Anchor | None = None
    provisions: list[Provision] = []

    @model_validator(mode="after")
    def _title_or_text(self) -> Provision:
        if not self.title and not (self.text and self.text.strip()):
            raise PydanticCustomError("provision_empty", "条款至少需要 title（标题）或 text（正文）之一")
        return self


class Policy(Model):
    id: Slug
    title: Text
    short_title: Text | None = None
    doc_number: Text | None = None
    issuers: NonEmptyList
    issued: DateText
    effective: DateText | None = None
    status: Status = "in_force"
    level: Level | None = None
    region: Text | None = None
    based_on: list[Text] = []
    source: Source | None = None
    tags: list[Text] = []
    summary: Markdown | None = None
    preamble: Markdown | None = None
    provisions: Annotated[list[Provision], Field(min_length=1)]

    @property
    def cite_title(self) -> str:
        return self.short_title or self.title


# --- cases/*.yml --------------------------------------------------------------------------

Stage = Literal["幼儿园", "小学", "初中", "高中", "中职", "高校", "机关"]


class Case(Model):
    id: Slug
    title: Text
    date: DateText
    region: Text | None = None
    stage: Stage | None = None
    categories: NonEmptyList
    fictional: bool
    facts: Text
    violations: Annotated[list[Citation], Field(min_length=1)]
    handling: Text
    penalties: list[Text] = []
    analysis: Markdown | None = None
    lessons: Markdown | None = None
    discussion: list[Text] = []
    source: Source | None = None


# --- lessons/*.yml ------------------------------------------------------------------------


class AgendaItem(Model):
    minutes: Annotated[int, Field(gt=0)]
    activity: Text
    notes: Markdown | None = None
    cases: list[Slug] = []


class Lesson(Model):
    id: Slug
    title: Text
    audience: Text | None = None
    duration: Annotated[int, Field(gt=0)]
    objectives: NonEmptyList
    cases: Annotated[list[Slug], Field(min_length=1)]
    key_provisions: list[Citation] = []
    agenda: list[AgendaItem] = []
    discussion: list[Text] = []
    self_check: list[Text] = []
    quiz: Slug | None = None


# --- quizzes/*.yml ------------------------------------------------------------------------

def _number_as_text(value: Any) -> Any:
    # Fill-in answers such as 16 (学时) arrive as numbers under the core schema.
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


AnswerText = Annotated[str, BeforeValidator(_number_as_text)]
Answer = Annotated[str, Field(min_length=1)] | bool | list[AnswerText | list[AnswerText]]


class Question(Model):
    id: Text
    type: Literal["single", "multiple", "judge", "fill"]
    stem: Text
    options: list[Text] = []
    answer: Answer
    explanation: Markdown | None = None
    cites: list[Citation] = []
    difficulty: Literal[1, 2, 3] | None = None
    points: Annotated[int, Field(gt=0, le=100)] | None = None  # marks on a paper
    tags: list[Text] = []


class Quiz(Model):
    id: Slug
    title: Text
    description: Markdown | None = None
    pass_score: Annotated[int, Field(ge=0, le=100)] = 60
    shuffle: bool = False
    questions: Annotated[list[Question], Field(min_length=1)]


KINDS: dict[str, type[Model]] = {
    "policies": Policy,
    "cases": Case,
    "lessons": Lesson,
    "quizzes": Quiz,
}
