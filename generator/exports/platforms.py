"""Quiz exports for learning platforms: Moodle GIFT and Moodle XML, and the bulk-import text of
超星学习通 (``chaoxing``, also ``text``) and 问卷星 (``wjx``).

Every field is cleaned before it is written: characters no importer can carry (control characters,
noncharacters, lone surrogates, BOMs) are dropped, every kind of line break becomes one form, runs
of white space become one space, and a field that must stay on one line is flattened. So no text
an author typed can start a question, a category, a comment or an answer line of its own. What a
format cannot represent at all (an option left empty by the cleaning, an answer holding the
platform's separator) raises ExportError, naming every such place at once.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.content.model import (
    BLANK,
    AnswerStyle,
    Fill,
    Judge,
    MultipleChoice,
    Question,
    Quiz,
    SingleChoice,
    letters,
)
from generator.exports.quizkey import TYPE_ORDER, paper_points
from generator.text.markup import markdown_to_text

FORMATS = ("gift", "moodle-xml", "chaoxing", "wjx", "text")

Cite = Callable[[str], str]  # how a [[citation]] reads in plain text
Path = tuple[str | int, ...]  # a key path into the quiz's YAML, for locating a problem


@dataclass(frozen=True)
class ExportProblem:
    quiz_id: str
    path: Path
    message: str


class ExportError(Exception):
    """Content the chosen format cannot carry; nothing is written."""

    def __init__(self, problems: list[ExportProblem]):
        super().__init__("\n".join(p.message for p in problems))
        self.problems = problems


# --- cleaning -----------------------------------------------------------------------------

_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Importers (and gift-pegjs) fold runs of white space into one space; doing it here keeps every
# re-read identical to what was written.
_RUNS = re.compile(r"\s{2,}")


def _allowed(char: str) -> bool:
    if char == "\n":
        return True
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cs") or char == "\ufeff":
        return False
    # Noncharacters: not allowed in XML 1.0 (U+FFFE, U+FFFF) and meaningless everywhere else.
    return not (0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE)


def _controls_out(text: str) -> str:
    text = _BREAKS.sub("\n", text).replace("\t", " ")
    return "".join(char for char in text if _allowed(char))


def one_line(text: str) -> str:
    """A field that must stay on one line: names, titles, tags, options, answers."""
    return _RUNS.sub(" ", _controls_out(text).replace("\n", " ")).strip()


def paragraphs(text: str) -> str:
    """A field that may keep its line breaks (stems and explanations in Moodle formats)."""
    rows = (_RUNS.sub(" ", row).strip() for row in _controls_out(text).split("\n"))
    return "\n".join(row for row in rows if row)


# --- what every format writes, cleaned once ----------------------------------------------


@dataclass
class _Item:
    quiz: Quiz
    index: int
    question: Question
    name: str
    stem: str  # may hold "\n"
    options: list[str]
    blanks: list[list[str]]  # accepted answers per blank (fill)
    explanation: str  # may hold "\n"
    tags: list[str]
    points: int


@dataclass
class _Prepared:
    items: list[_Item] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[ExportProblem] = field(default_factory=list)

    def problem(self, item: _Item | None, quiz: Quiz, path: Path, message: str) -> None:
        where = f"第 {item.index + 1} 题（{one_line(item.question.id) or '无编号'}）" if item else "自测"
        self.problems.append(ExportProblem(quiz.id, path, f"自测“{quiz.id}”{where}：{message}"))


def _prepare(quizzes: list[Quiz], cite: Cite) -> _Prepared:
    prepared = _Prepared()

    def plain(markdown: str | None) -> str:
        # Controls go first: the Markdown reader uses NUL as a placeholder of its own.
        return paragraphs(markdown_to_text(_controls_out(markdown), cite)) if markdown else ""

    for quiz in quizzes:
        title = one_line(quiz.title)
        prepared.titles[quiz.id] = title
        if not title:
            prepared.problem(None, quiz, ("title",), "标题去掉控制字符和空白后为空，题库分类无法命名")
        # Marks as on the quiz's paper page: the same rules, in the paper's order (by type).
        by_paper = sorted(range(len(quiz.questions)), key=lambda i: TYPE_ORDER.index(quiz.questions[i].type))
        marks = dict(zip(by_paper, paper_points([quiz.questions[i] for i in by_paper]), strict=False))
        for index, question in enumerate(quiz.questions):
            item = _Item(
                quiz,
                index,
                question,
                one_line(f"{quiz.id}-{question.id}"),
                plain(question.stem),
                [one_line(o) for o in question.options],
                question.accepted() if isinstance(question, Fill) else [],
                plain(question.explanation),
                [t for t in (one_line(tag) for tag in question.tags) if t],
                marks[index],
            )
            item.blanks = [[one_line(a) for a in accepted] for accepted in item.blanks]
            base = ("questions", index)
            if not item.stem:
                prepared.problem(item, quiz, base + ("stem",), "题干去掉控制字符和空白后为空")
            for i, option in enumerate(item.options):
                if not option:
                    prepared.problem(
                        item, quiz, base + ("options", i), f"选项 {letters(i + 1)[-1]} 去掉控制字符和空白后为空"
                    )
            for b, accepted in enumerate(item.blanks):
                for answer in accepted:
                    if not answer:
                        prepared.problem(
                            item, quiz, base + ("answer", b), f"第 {b + 1} 个空的答案去掉控制字符和空白后为空"
                        )
            prepared.items.append(item)
    return prepared


def _check_separators(prepared: _Prepared, platform: str, forbidden: str) -> None:
    for item in prepared.items:
        for b, accepted in enumerate(item.blanks):
            for answer in accepted:
                found = sorted({c for c in answer if c in forbidden})
                if found:
                    marks = "".join(f"“{c}”" for c in found)
                    prepared.problem(
                        item,
                        item.quiz,
                        ("questions", item.index, "answer", b),
                        f"第 {b + 1} 个空的答案“{answer}”含有{marks}，{platform}用这些符号分隔答案，"
                        "导入后会被拆开；请改写答案，或改用 gift、moodle-xml 格式导出",
                    )


# --- GIFT ---------------------------------------------------------------------------------


def gift_escape(text: str) -> str:
    return re.sub(r"([~=#{}:\\])", r"\\\1", text).replace("\n", "\\n")


def _gift_text(text: str) -> str:
    # Text starting with "[html]" would switch the format; a leading [plain] keeps it as typed.
    return ("[plain]" if text.startswith("[") else "") + gift_escape(text)


_WEIGHT_LIKE = re.compile(r"^%[^%]*%")


def _gift_answer(mark: str, text: str, weight: str | None = None) -> str:
    """One answer; text that starts like a weight (%50%) gets an explicit weight in front of it."""
    if weight is None and _WEIGHT_LIKE.match(text):
        weight = "100" if mark == "=" else "0"
    return mark + (f"%{weight}%" if weight is not None else "") + _gift_text(text)


def _weights(question: MultipleChoice) -> list[float]:
    """Moodle partial credit for multiple choice: right options share 100%, wrong ones cost 100% together."""
    right = set(question.answer)
    wrong_count = len(question.options) - len(right)
    return [
        100 / len(right) if letter in right else (-100 / wrong_count if wrong_count else 0)
        for letter in letters(len(question.options))
    ]


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _gift_question(item: _Item) -> list[str]:
    question, name = item.question, gift_escape(item.name)
    general = f"####{_gift_text(item.explanation)}" if item.explanation else ""
    stem = "[plain]" + gift_escape(item.stem)
    if isinstance(question, SingleChoice):
        answers = " ".join(
            _gift_answer("=" if letter == question.answer else "~", option)
            for letter, option in zip(letters(len(item.options)), item.options, strict=False)
        )
        return [f"::{name}::{stem}{{{answers}{general}}}"]
    if isinstance(question, MultipleChoice):
        answers = " ".join(
            _gift_answer("~", o, _percent(w)) for w, o in zip(_weights(question), item.options, strict=False)
        )
        return [f"::{name}::{stem}{{{answers}{general}}}"]
    if isinstance(question, Judge):
        return [f"::{name}::{stem}{{{'TRUE' if question.answer else 'FALSE'}{general}}}"]
    if len(item.blanks) == 1:
        answers = " ".join(_gift_answer("=", a) for a in item.blanks[0])
        parts = BLANK.split(item.stem)
        # Missing-word form (the box stands where the blank is) only when both sides hold text and
        # the text after it cannot read as a comment or a format: otherwise the stem keeps "____".
        if len(parts) == 2 and parts[0].strip() and parts[1].strip() and not parts[1].lstrip().startswith(("//", "[")):
            return [f"::{name}::[plain]{gift_escape(parts[0])}{{{answers}{general}}}{gift_escape(parts[1])}"]
        return [f"::{name}::{stem}{{{answers}{general}}}"]
    # GIFT has no several-blank question: one short-answer question per blank, named -1, -2 …
    lines = [
        f"// 下一组原是一道有 {len(item.blanks)} 个空的填空题：GIFT 没有多空题，已按空拆成 {len(item.blanks)} 道简答题"
    ]
    for i, accepted in enumerate(item.blanks, 1):
        answers = " ".join(_gift_answer("=", a) for a in accepted)
        lines += [f"::{name}-{i}::[plain]{gift_escape(f'{item.stem}（第{i}空）')}{{{answers}{general}}}", ""]
    return lines[:-1]


def _category(*segments: str) -> str:
    # Moodle splits category paths at "/"; a slash inside a name is written "//".
    return "/".join(segment.replace("/", "//") for segment in segments)


def _check_gift(prepared: _Prepared) -> None:
    for item in prepared.items:
        question = item.question
        if question.type == "single":
            right = (
                letters(len(item.options)).index(question.answer)
                if question.answer in letters(len(item.options))
                else -1
            )
            if right >= 0 and _WEIGHT_LIKE.match(item.options[right]):
                prepared.problem(
                    item,
                    item.quiz,
                    ("questions", item.index, "options", right),
                    f"正确选项“{item.options[right]}”以“%…%”开头，GIFT 会把它读成分值；请改写选项，或改用 moodle-xml 格式导出",
                )


def to_gift(prepared: _Prepared) -> str:
    _check_gift(prepared)
    _raise(prepared)
    out: list[str] = []
    category = None
    for item in prepared.items:
        wanted = _category(prepared.titles[item.quiz.id], *item.tags[:1])
        if wanted != category:
            out += [f"$CATEGORY: {wanted}", ""]
            category = wanted
        out += _gift_question(item)
        out.append("")
    return "\n".join(out)


# --- Moodle XML ---------------------------------------------------------------------------


def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = value
    return element


def _cloze_text(text: str) -> str:
    # Cloze text is HTML, and "{1:MC:…}" anywhere in it would be read as one more sub-question.
    return html.escape(text, quote=False).replace("{", "&#123;").replace("\n", "<br>")


def _cloze(item: _Item) -> str:
    parts = BLANK.split(item.stem)
    if len(parts) != len(item.blanks) + 1:
        parts = [item.stem] + [""] * len(item.blanks)
    embedded = [_cloze_text(parts[0])]
    for accepted, after in zip(item.blanks, parts[1:], strict=False):
        answers = "~".join("=" + re.sub(r"([}#~/\"\\])", r"\\\1", a) for a in accepted)
        embedded += [f"{{1:SHORTANSWER:{answers}}}", _cloze_text(after)]
    return "".join(embedded)


def _xml_question(item: _Item) -> ET.Element:
    question = item.question
    kind = {"single": "multichoice", "multiple": "multichoice", "judge": "truefalse", "fill": "shortanswer"}[
        question.type
    ]
    if question.type == "fill" and len(item.blanks) > 1:
        kind = "cloze"
    element = ET.Element("question", {"type": kind})
    _text(element, "name", item.name)
    if kind == "cloze":
        _text(element, "questiontext", _cloze(item), format="html")
    else:
        _text(element, "questiontext", item.stem, format="plain_text")
    _text(element, "generalfeedback", item.explanation, format="plain_text")
    ET.SubElement(element, "defaultgrade").text = "1"
    if item.tags:
        tags = ET.SubElement(element, "tags")
        for tag in item.tags:
            _text(tags, "tag", tag)
    if question.type in ("single", "multiple"):
        ET.SubElement(element, "single").text = "true" if question.type == "single" else "false"
        ET.SubElement(element, "shuffleanswers").text = "true" if item.quiz.shuffle else "false"
        ET.SubElement(element, "answernumbering").text = "ABCD"
        weights = (
            _weights(question)
            if isinstance(question, MultipleChoice)
            else [100.0 if letter == question.answer else 0.0 for letter in letters(len(item.options))]
        )
        for weight, option in zip(weights, item.options, strict=False):
            answer = _text(element, "answer", option, fraction=_percent(weight), format="plain_text")
            _text(answer, "feedback", "")
    elif question.type == "judge":
        for value in ("true", "false"):
            right = (value == "true") == question.answer
            answer = _text(element, "answer", value, fraction="100" if right else "0")
            _text(answer, "feedback", "")
    elif kind == "shortanswer":
        ET.SubElement(element, "usecase").text = "0"
        for accepted in item.blanks[0]:
            answer = _text(element, "answer", accepted, fraction="100", format="plain_text")
            _text(answer, "feedback", "")
    return element


def to_moodle_xml(prepared: _Prepared) -> str:
    _raise(prepared)
    root = ET.Element("quiz")
    for item in prepared.items:
        holder = ET.SubElement(root, "question", {"type": "category"})
        _text(holder, "category", "$course$/top/" + _category(prepared.titles[item.quiz.id], *item.tags[:1]))
        root.append(_xml_question(item))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- bulk-import text: 超星学习通 and 问卷星 ------------------------------------------------
# Sources for the two layouts (the platforms publish templates inside their editors, not as
# open documents, so these are the public descriptions found):
# - 超星学习通 题库: the help course "题型说明" on mooc1.chaoxing.com
#   (https://mooc1.chaoxing.com/mooc-ans/ztnodedetailcontroller/visitnodedetail?courseId=214024334&knowledgeId=338880046):
#   判断题 answers are 正确/错误; the accepted answers of one blank are separated by a semicolon,
#   "中英文符号均可" (";" and "；" both separate). Its Word/text import reads "1.【单选题】题干",
#   "A. 选项" lines, "答案：" and "解析：". Between blanks we write "|", the separator the common
#   Chinese text-import layout uses ("若有多空，请使用竖线|分隔", qiqiao.do1.com.cn/ext/xueyuan/8985.html).
# - 问卷星 考试 "批量添加题目": the question line "1. 题干(答案) [单选题] (1分)" followed by one option per
#   line and a blank line between questions, as written by AutoWJX (github.com/AP1028/AutoWJX, whose
#   output is pasted into 问卷星 "批量添加考试题 → 批量添加") and by the 问卷星 text in
#   github.com/xxxspy/eprime (source/_posts/questionaire-42640853.md, "1. 题干*[单选题]" + option lines).
#   判断题 carry the options 对 / 错; the answer is the option letter. The layout has no 解析 line,
#   so explanations are not exported to 问卷星.

CHAOXING_ALTERNATIVES, CHAOXING_BLANKS = ";", "|"
CHAOXING_ANSWERS = AnswerStyle(
    true="正确", false="错误", blanks=CHAOXING_BLANKS, alternatives=CHAOXING_ALTERNATIVES, clean=one_line
)


def to_chaoxing(prepared: _Prepared) -> str:
    _check_separators(prepared, "超星学习通", ";；|")
    _raise(prepared)
    out: list[str] = []
    for number, item in enumerate(prepared.items, 1):
        question = item.question
        out.append(f"{number}.【{question.type.label}】{one_line(item.stem)}")
        out += [f"{letter}. {option}" for letter, option in zip(letters(len(item.options)), item.options, strict=False)]
        out.append(f"答案：{question.answer_text(CHAOXING_ANSWERS)}")
        if item.explanation:
            out.append(f"解析：{one_line(item.explanation)}")
        out.append("")
    return "\n".join(out)


WJX_JUDGE_OPTIONS = ("对", "错")
# Judge questions get 对/错 as options A and B; fill answers are separated as for 超星.
WJX_ANSWERS = AnswerStyle(
    true="A", false="B", blanks=CHAOXING_BLANKS, alternatives=CHAOXING_ALTERNATIVES, clean=one_line
)


def to_wjx(prepared: _Prepared) -> str:
    _check_separators(prepared, "问卷星", ";；|()（）")
    _raise(prepared)
    out: list[str] = []
    for number, item in enumerate(prepared.items, 1):
        question = item.question
        options = list(WJX_JUDGE_OPTIONS) if question.type == "judge" else item.options
        out.append(
            f"{number}. {one_line(item.stem)}({question.answer_text(WJX_ANSWERS)}) [{question.type.label}] ({item.points}分)"
        )
        out += options
        out.append("")
    return "\n".join(out)


def _raise(prepared: _Prepared) -> None:
    if prepared.problems:
        raise ExportError(prepared.problems)


_WRITERS = {"gift": to_gift, "moodle-xml": to_moodle_xml, "chaoxing": to_chaoxing, "text": to_chaoxing, "wjx": to_wjx}


def export(quizzes: list[Quiz], fmt: str, cite: Cite = lambda ref: ref) -> str:
    """One of FORMATS for the given quizzes; ``cite`` names a ``[[citation]]`` in plain text.

    Raises ExportError (every problem at once) when some content cannot be carried by ``fmt``."""
    return _WRITERS[fmt](_prepare(quizzes, cite))
