"""The content model of ../shared/content-model.md as pydantic models (structure only).

Cross-file rules (unique ids, anchors, citations) live in ``checks``; here each file is
checked on its own. Models are strict: YAML already produced the right Python types,
so ``fictional: yes`` (a string under YAML 1.2) is an error, not a silent ``True``.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ANCHOR_PATTERN = r"^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$"


_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$", re.ASCII)
MAX_ID_LENGTH = 100  # an id names a file and a URL; file systems stop at 255 bytes
RESERVED_IDS = frozenset({"index"})  # policies/index.md, cases/index.md … are the list pages
_URL_FORBIDDEN = re.compile(r"[\s<>\"'{}`\\^|\x00-\x1f\x7f]")


def check_date(value: str) -> str:
    match = _DATE.match(value)
    if not match:
        raise PydanticCustomError(
            "date_format", "“{value}”不是有效日期：请写成 YYYY-MM-DD、YYYY-MM 或 YYYY（如 2021-09-24）", {"value": value}
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if year < 1000:
        raise PydanticCustomError("date_year", "日期“{value}”无效：年份应为四位数（1000 年以后）", {"value": value})
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
    return check_date(value) if re.match(r"^[0-9０-９]{4}-", value) else value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text_blank", "不能为空（只有空格也算空）")
    return value


def _check_id(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise PydanticCustomError("id_too_long", "标识符太长（{length} 个字符）：最多 {limit} 个字符",
                                  {"length": len(value), "limit": MAX_ID_LENGTH})
    if value in RESERVED_IDS:
        raise PydanticCustomError("id_reserved", "标识符“{value}”是保留字（列表页 {value}.html 已使用），请换一个",
                                  {"value": value})
    return value


def check_url(value: str) -> str:
    """Only a well-formed http(s) address: it becomes a link on every page that shows the source."""
    from urllib.parse import urlsplit

    bad = _URL_FORBIDDEN.search(value)
    if bad:
        shown = {" ": "空格", "\t": "制表符"}.get(bad.group(), bad.group() if bad.group().isprintable() else f"U+{ord(bad.group()):04X}")
        raise PydanticCustomError("url_character", "网址“{value}”中有不允许的字符“{char}”：空格、引号、尖括号等请用 %20 这样的编码写",
                                  {"value": value, "char": shown})
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises on a malformed port)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PydanticCustomError("url_scheme", "“{value}”不是有效网址：应以 http:// 或 https:// 开头，并写明网站地址",
                                  {"value": value})
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Id = Annotated[str, AfterValidator(_check_id), Field(pattern=SLUG_PATTERN)]
Anchor = Annotated[str, Field(pattern=ANCHOR_PATTERN)]
DateText = Annotated[str, AfterValidator(check_date)]
Deadline = Annotated[Text, AfterValidator(_check_deadline)]
Number = Text
Url = Annotated[str, AfterValidator(check_url)]
Markdown = str
Citation = Text
NonEmptyList = Annotated[list[Text], Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Model):
    url: Url | None = None
    note: Text | None = None


# --- course.yml -------------------------------------------------------------------------


class GlossaryEntry(Model):
    term: Text
    definition: Text  # md, required
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
    id: Id
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
    id: Id
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
    id: Id
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

# Fill-in answers such as 16 (学时) are plain scalars the reader keeps as typed: "16".
AnswerText = str
Answer = Text | bool | list[AnswerText | list[AnswerText]]


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
    id: Id
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
