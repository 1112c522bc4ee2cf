"""The content model of ../shared/content-model.md as pydantic models, with the vocabularies
(StrEnums carrying their Chinese labels) and the rules of quiz questions.

Cross-file rules (unique ids, anchors, citations) live in ``checks``; here each file is
checked on its own. Models are strict: YAML already produced the right Python types,
so ``fictional: yes`` (a string under YAML 1.2) is an error, not a silent ``True``.
"""

from __future__ import annotations

import calendar
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    GetCoreSchemaHandler,
    Strict,
    Tag,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

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
            "date_format",
            "“{value}”不是有效日期：请写成 YYYY-MM-DD、YYYY-MM 或 YYYY（如 2021-09-24）",
            {"value": value},
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
        raise PydanticCustomError(
            "id_too_long",
            "标识符太长（{length} 个字符）：最多 {limit} 个字符",
            {"length": len(value), "limit": MAX_ID_LENGTH},
        )
    if value in RESERVED_IDS:
        raise PydanticCustomError(
            "id_reserved", "标识符“{value}”是保留字（列表页 {value}.html 已使用），请换一个", {"value": value}
        )
    return value


def check_url(value: str) -> str:
    """Only a well-formed http(s) address: it becomes a link on every page that shows the source."""
    from urllib.parse import urlsplit

    bad = _URL_FORBIDDEN.search(value)
    if bad:
        shown = {" ": "空格", "\t": "制表符"}.get(
            bad.group(), bad.group() if bad.group().isprintable() else f"U+{ord(bad.group()):04X}"
        )
        raise PydanticCustomError(
            "url_character",
            "网址“{value}”中有不允许的字符“{char}”：空格、引号、尖括号等请用 %20 这样的编码写",
            {"value": value, "char": shown},
        )
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (reading it raises on a malformed port)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PydanticCustomError(
            "url_scheme", "“{value}”不是有效网址：应以 http:// 或 https:// 开头，并写明网站地址", {"value": value}
        )
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


# --- vocabularies -------------------------------------------------------------------------
# The YAML holds the value (``status: in_force``); pages show the label. A member is its value
# (StrEnum), so ``policy.status == "in_force"`` and f-strings keep working.


class Labelled(StrEnum):
    """A vocabulary whose members carry the Chinese label pages show."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Status(Labelled):
    warning: str  # the notice on the page of a document that is not in force ("" when it is)

    def __new__(cls, value: str, label: str, warning: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.warning = warning
        return member

    IN_FORCE = "in_force", "现行有效"
    AMENDED = "amended", "已修订", "本文件已被修订，部分条款可能不再适用，请以修订后的版本为准。"
    REPEALED = "repealed", "已废止", "本文件已废止，仅供查阅和学习参考，不再作为执行依据。"
    DRAFT = "draft", "征求意见稿", "本文件为征求意见稿，尚未正式施行，内容以最终发布稿为准。"


class Level(Labelled):
    NATIONAL = "national", "国家"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"
    COUNTY = "county", "县级"
    SCHOOL = "school", "学校"


class ProvisionKind(Labelled):
    GOAL = "goal", "目标"
    MEASURE = "measure", "措施"
    REQUIREMENT = "requirement", "要求"
    PROHIBITION = "prohibition", "禁止"


class Stage(Labelled):
    # The YAML already writes the Chinese name; the label is the value.
    KINDERGARTEN = "幼儿园", "幼儿园"
    PRIMARY = "小学", "小学"
    JUNIOR = "初中", "初中"
    SENIOR = "高中", "高中"
    VOCATIONAL = "中职", "中职"
    HIGHER = "高校", "高校"
    OFFICE = "机关", "机关"


class QuestionType(Labelled):
    SINGLE = "single", "单选题"
    MULTIPLE = "multiple", "多选题"
    JUDGE = "judge", "判断题"
    FILL = "fill", "填空题"


# The models are strict, but an enum field must take the YAML string that names a member: lax
# for the enum alone, so a wrong value is pydantic's ``enum`` error listing the allowed values.
E = TypeVar("E", bound=StrEnum)
Vocabulary = Annotated[E, Strict(False)]


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


class Provision(Model):
    number: Number | None = None
    title: Text | None = None
    text: Markdown | None = None
    kind: Vocabulary[ProvisionKind] | None = None
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
    status: Vocabulary[Status] = Status.IN_FORCE
    level: Vocabulary[Level] | None = None
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


class Case(Model):
    id: Id
    title: Text
    date: DateText
    region: Text | None = None
    stage: Vocabulary[Stage] | None = None
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
# A question is one of four models, chosen by its ``type``; each owns its typed answer, the
# rules that answer must follow (reported by pydantic at the answer, option or stem they
# concern), what counts as right (``accepted()``) and the answer written out (``answer_text()``).

BLANK = re.compile(r"(?<!_)____(?!_)")  # a fill stem marks each blank with exactly four underscores
MIN_OPTIONS, MAX_OPTIONS = 2, 8


def letters(count: int) -> list[str]:
    return [chr(ord("A") + i) for i in range(count)]


def blank_count(stem: str) -> int:
    return len(BLANK.findall(stem))


# Fill-in answers such as 16 (学时) are plain scalars the reader keeps as typed: "16".
AnswerText = str
# Any answer as written, whatever the type. Every variant reads its answer as this, so that its
# own rules (not a type error) say what is wrong with an answer of the wrong shape.
Answer = Text | bool | list[AnswerText | list[AnswerText]]
Place = tuple[str | int, ...]  # where a broken rule is, relative to the model that checks it


@dataclass(frozen=True)
class ReadAs:
    """Validate a field as ``annotation`` (everything the YAML may write there), leaving its
    finer shape to the model's rules; validation gives back scalars as written by it too."""

    annotation: Any

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return handler.generate_schema(self.annotation)


# What the quiz rules raise. A document that breaks only these is still read (validated again with
# RULES_OFF), so cross-file checks such as citations see it, as they see a structurally valid one.
RULE_ERRORS = frozenset({"quiz_rule", "quiz_rule_line"})
RULES_OFF = {"rules": False}


def _rules_on(info: ValidationInfo) -> bool:
    return not (isinstance(info.context, dict) and info.context.get("rules") is False)


def _broken(rules: list[tuple[Place, str]], value: Any) -> ValidationError:
    """Broken rules as one pydantic error, each located below the model that raises it."""
    return ValidationError.from_exception_data(
        "Question",
        [
            # The message goes in through the context: option texts may hold "{…}" of their own.
            InitErrorDetails(
                type=PydanticCustomError("quiz_rule", "{message}", {"message": message}), loc=place, input=value
            )
            for place, message in rules
        ],
    )


def _show(answer: object) -> str:
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, list):
        return "[" + ", ".join(_show(a) for a in answer) + "]"
    return str(answer)


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class AnswerStyle:
    """How an answer is written out. The defaults are the answer key's (答案与解析); an import
    format names its own words for true/false, its separators and how each answer is cleaned."""

    true: str = "正确"
    false: str = "错误"
    blanks: str = "；"  # between the blanks of a fill question
    alternatives: str = "／"  # between the accepted answers of one blank
    clean: Callable[[str], str] = _identity


KEY_STYLE = AnswerStyle()


class QuestionBase(Model):
    """The fields every question has, in the order their names are suggested in messages.

    Each variant narrows ``type`` and ``answer`` and checks its rules in one ``_rules`` validator,
    run once every field has been read: a question with a broken field is reported for that alone."""

    id: Text
    type: Vocabulary[QuestionType]
    stem: Text
    options: list[Text] = []
    answer: Annotated[Any, ReadAs(Answer)]
    explanation: Markdown | None = None
    cites: list[Citation] = []
    difficulty: Literal[1, 2, 3] | None = None
    points: Annotated[int, Field(gt=0, le=100)] | None = None  # marks on a paper
    tags: list[Text] = []

    def accepted(self) -> list[str] | bool | list[list[str]]:
        """What counts as right, in the shape the quiz page's key holds."""
        raise NotImplementedError

    def answer_text(self, style: AnswerStyle = KEY_STYLE) -> str:
        """The answer as one line of text."""
        raise NotImplementedError


class ChoiceQuestion(QuestionBase):
    """单选题 and 多选题: 2–8 distinct options lettered A, B, C …; the answer names letters."""

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        if not _rules_on(info):
            return self
        count = len(self.options)
        if not MIN_OPTIONS <= count <= MAX_OPTIONS:
            # Options written as [] or left out: the question is the place to point at.
            place: Place = ("options",) if self.options else ()
            raise _broken(
                [(place, f"{self.type.label}需要 {MIN_OPTIONS}–{MAX_OPTIONS} 个选项（options），现在有 {count} 个")],
                self.options,
            )
        names = letters(count)
        rules: list[tuple[Place, str]] = []
        first_seen: dict[str, int] = {}
        for i, option in enumerate(self.options):
            text = option.strip()
            if text in first_seen:
                rules.append(
                    (
                        ("options", i),
                        f"选项 {names[i]}“{text}”与选项 {names[first_seen[text]]} 重复，同一题的选项不能相同",
                    )
                )
            else:
                first_seen[text] = i
        rules += self._answer_rules(self.answer, names)
        if rules:
            raise _broken(rules, self.answer)
        return self

    def _answer_rules(self, answer: object, valid: list[str]) -> list[tuple[Place, str]]:
        raise NotImplementedError

    def reordered(self, order: list[int]) -> Self:
        """The question with its options in ``order`` (order[new position] = old position), the
        answer's letters following their options."""
        old = letters(len(self.options))
        new_letter = {old[source]: old[place] for place, source in enumerate(order)}
        return self.model_copy(
            update={"options": [self.options[i] for i in order], "answer": self._relettered(new_letter)}
        )

    def _relettered(self, new_letter: dict[str, str]) -> str | list[str]:
        raise NotImplementedError


class SingleChoice(ChoiceQuestion):
    type: Literal[QuestionType.SINGLE]
    answer: Annotated[str, ReadAs(Answer)]  # one letter

    def _answer_rules(self, answer: object, valid: list[str]) -> list[tuple[Place, str]]:
        if isinstance(answer, str) and answer in valid:
            return []
        return [(("answer",), f"单选题的答案应为 A–{valid[-1]} 中的一个字母，实际是“{_show(answer)}”")]

    def accepted(self) -> list[str]:
        return [self.answer]

    def answer_text(self, style: AnswerStyle = KEY_STYLE) -> str:
        return self.answer

    def _relettered(self, new_letter: dict[str, str]) -> str:
        return new_letter[self.answer]


class MultipleChoice(ChoiceQuestion):
    type: Literal[QuestionType.MULTIPLE]
    answer: Annotated[list[str], ReadAs(Answer)]  # letters, at least one, each once

    def _answer_rules(self, answer: object, valid: list[str]) -> list[tuple[Place, str]]:
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            return [(("answer",), f"多选题的答案应为字母列表，如 [A, C]，实际是“{_show(answer)}”")]
        rules: list[tuple[Place, str]] = [
            (("answer", i), f"多选题的答案“{letter}”不在选项范围 A–{valid[-1]} 内")
            for i, letter in enumerate(answer)
            if letter not in valid
        ]
        if len(set(answer)) != len(answer):
            rules.append((("answer",), "多选题的答案中有重复的字母"))
        if not answer:
            rules.append((("answer",), "多选题至少需要一个正确答案"))
        return rules

    def accepted(self) -> list[str]:
        # In option order: the answer names a set of letters, however the author listed them.
        return sorted(self.answer)

    def answer_text(self, style: AnswerStyle = KEY_STYLE) -> str:
        return "".join(self.accepted())

    def _relettered(self, new_letter: dict[str, str]) -> list[str]:
        return sorted(new_letter[a] for a in self.answer)


class Judge(QuestionBase):
    """判断题: the answer is true or false; the choices are fixed (正确/错误)."""

    type: Literal[QuestionType.JUDGE]
    answer: Annotated[bool, ReadAs(Answer)]

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        if not _rules_on(info):
            return self
        rules: list[tuple[Place, str]] = []
        if not isinstance(self.answer, bool):
            rules.append((("answer",), f"判断题的答案应为 true 或 false，实际是“{_show(self.answer)}”"))
        if self.options:
            rules.append((("options",), "判断题不需要 options（选项固定为“正确”“错误”）"))
        if rules:
            raise _broken(rules, self.answer)
        return self

    def accepted(self) -> bool:
        return self.answer

    def answer_text(self, style: AnswerStyle = KEY_STYLE) -> str:
        return style.true if self.answer else style.false


class Fill(QuestionBase):
    """填空题: each ____ in the stem is a blank; the answer has one entry per blank, a text or a
    list of accepted texts."""

    type: Literal[QuestionType.FILL]
    answer: Annotated[list[AnswerText | list[AnswerText]], ReadAs(Answer)]

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Self:
        if not _rules_on(info):
            return self
        rules: list[tuple[Place, str]] = []
        blanks = blank_count(self.stem)
        if blanks == 0:
            rules.append((("stem",), "填空题的题干中没有空：请用四个下划线 ____ 标出每个空"))
        answer: object = self.answer
        if not isinstance(answer, list):
            # Until the answer is a list, whether options belong here is the lesser question.
            rules.append((("answer",), "填空题的答案应为列表，每个空一项，如 [一岗双责] 或 [[一岗双责, 一岗两责]]"))
            raise _broken(rules, answer)
        if blanks and len(answer) != blanks:
            rules.append((("answer",), f"填空题的题干有 {blanks} 个空（____），但答案有 {len(answer)} 项"))
        for i, entry in enumerate(answer):
            accepted = entry if isinstance(entry, list) else [entry]
            if not accepted or any(not str(a).strip() for a in accepted):
                rules.append((("answer", i), f"第 {i + 1} 个空的答案不能为空"))
        if self.options:
            rules.append((("options",), "填空题不需要 options"))
        if rules:
            raise _broken(rules, answer)
        return self

    def accepted(self) -> list[list[str]]:
        return [list(entry) if isinstance(entry, list) else [entry] for entry in self.answer]

    def answer_text(self, style: AnswerStyle = KEY_STYLE) -> str:
        return style.blanks.join(
            style.alternatives.join(style.clean(a) for a in accepted) for accepted in self.accepted()
        )


class _UnknownType(QuestionBase):
    """Where a question whose ``type`` is missing or not one of the four is read: its ``type``
    fails with the list of allowed values, and its other fields are checked as usual."""


Question = SingleChoice | MultipleChoice | Judge | Fill
_UNKNOWN_TYPE = "unknown-type"
_TYPE_VALUES = frozenset(kind.value for kind in QuestionType)


def _question_tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if isinstance(kind, str) and kind in _TYPE_VALUES else _UNKNOWN_TYPE


# The tag pydantic puts in an error's location is the question's type; validation drops it.
QuestionField = Annotated[
    Annotated[SingleChoice, Tag(QuestionType.SINGLE)]
    | Annotated[MultipleChoice, Tag(QuestionType.MULTIPLE)]
    | Annotated[Judge, Tag(QuestionType.JUDGE)]
    | Annotated[Fill, Tag(QuestionType.FILL)]
    | Annotated[_UnknownType, Tag(_UNKNOWN_TYPE)],
    Field(discriminator=Discriminator(_question_tag)),
]


class Quiz(Model):
    id: Id
    title: Text
    description: Markdown | None = None
    pass_score: Annotated[int, Field(ge=0, le=100)] = 60
    shuffle: bool = False
    if TYPE_CHECKING:
        # A valid quiz never holds an _UnknownType: that model exists to fail with the right messages.
        questions: list[Question]
    else:
        questions: Annotated[list[QuestionField], Field(min_length=1)]

    @field_validator("questions", mode="wrap")
    @classmethod
    def _unique_ids(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        # Checked on the ids as written, so a duplicate is reported beside any other mistake.
        duplicates = _duplicate_ids(value) if _rules_on(info) else []
        if not duplicates:
            return handler(value)
        try:
            handler(value)
        except ValidationError as exc:
            raise ValidationError.from_exception_data(exc.title, [*_reraised(exc), *duplicates]) from None
        raise ValidationError.from_exception_data("Quiz", duplicates)


def _duplicate_ids(questions: Any) -> list[InitErrorDetails]:
    if not isinstance(questions, list):
        return []
    first: dict[str, int] = {}
    found: list[InitErrorDetails] = []
    for index, question in enumerate(questions):
        qid = question.get("id") if isinstance(question, dict) else None
        if not isinstance(qid, str) or not qid.strip():
            continue  # a missing or blank id is reported as such
        if qid not in first:
            first[qid] = index
            continue
        # "line_of": validation writes the line of that place into the template's {line}.
        found.append(
            InitErrorDetails(
                type=PydanticCustomError(
                    "quiz_rule_line",
                    "{template}",
                    {
                        "template": "题目编号“{id}”重复（第 {line} 行已使用），同一套自测中的编号必须唯一",
                        "id": qid,
                        "line_of": ("questions", first[qid], "id"),
                    },
                ),
                loc=(index, "id"),
                input=qid,
            )
        )
    return found


_KNOWN_ERRORS = frozenset(typing.get_args(ErrorType))


def _reraised(exc: ValidationError) -> list[InitErrorDetails]:
    """The errors of ``exc`` again, to be raised together with more."""
    details: list[InitErrorDetails] = []
    for error in exc.errors():
        kind = error["type"]
        if kind in _KNOWN_ERRORS:
            details.append(
                InitErrorDetails(type=kind, loc=error["loc"], input=error["input"], ctx=error.get("ctx", {}))
            )
        else:  # our own errors: the message is final, the context only served to write it
            message = PydanticCustomError(kind, "{message}", {"message": error["msg"]})
            details.append(InitErrorDetails(type=message, loc=error["loc"], input=error["input"]))
    return details


KINDS: dict[str, type[Model]] = {
    "policies": Policy,
    "cases": Case,
    "lessons": Lesson,
    "quizzes": Quiz,
}
