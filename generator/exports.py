"""Quiz exports for learning platforms: Moodle GIFT, Moodle XML, and the plain-text layout
that Chinese quiz platforms import (题型 / 题干 / A. options / 答案： / 解析：)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from .markup import markdown_to_text
from .model import Question, Quiz
from .quizcheck import BLANK, TYPE_NAMES, letters

FORMATS = ("gift", "moodle-xml", "text")

Cite = Callable[[str], str]  # how a [[citation]] reads in plain text


@dataclass(frozen=True)
class _Text:
    cite: Cite

    def __call__(self, markdown: str | None) -> str:
        return markdown_to_text(markdown, self.cite) if markdown else ""


def _accepted(question: Question) -> list[list[str]]:
    return [[str(a) for a in (entry if isinstance(entry, list) else [entry])] for entry in question.answer]


def _weights(question: Question) -> list[float]:
    """Moodle partial credit for multiple choice: right options share 100%, wrong ones cost 100% together."""
    right = set(question.answer)
    wrong_count = len(question.options) - len(right)
    return [100 / len(right) if letter in right else (-100 / wrong_count if wrong_count else 0)
            for letter in letters(len(question.options))]


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


# --- GIFT ---------------------------------------------------------------------------------

def gift_escape(text: str) -> str:
    return re.sub(r"([~=#{}:\\])", r"\\\1", text).replace("\n", "\\n")


def _gift_question(quiz: Quiz, question: Question, _plain: _Text) -> list[str]:
    name = gift_escape(f"{quiz.id}-{question.id}")
    stem = gift_escape(_plain(question.stem))
    general = f"####{gift_escape(_plain(question.explanation))}" if question.explanation else ""
    if question.type == "single":
        answers = " ".join(("=" if letter == question.answer else "~") + gift_escape(option)
                           for letter, option in zip(letters(len(question.options)), question.options))
        return [f"::{name}::{stem}{{{answers}{general}}}"]
    if question.type == "multiple":
        answers = " ".join(f"~%{_percent(w)}%{gift_escape(o)}" for w, o in zip(_weights(question), question.options))
        return [f"::{name}::{stem}{{{answers}{general}}}"]
    if question.type == "judge":
        return [f"::{name}::{stem}{{{'TRUE' if question.answer else 'FALSE'}{general}}}"]
    blanks = _accepted(question)
    if len(blanks) == 1:
        # Missing-word form: the answer box stands where the blank is.
        before, _, after = _plain(question.stem).partition("____")
        answers = " ".join("=" + gift_escape(a) for a in blanks[0])
        return [f"::{name}::{gift_escape(before)}{{{answers}{general}}}{gift_escape(after)}"]
    # GIFT has no several-blank question: one short-answer question per blank, named -1, -2 …
    lines = [f"// {name}：原题有 {len(blanks)} 个空，GIFT 不支持多空题，已拆成 {len(blanks)} 道简答题"]
    for i, accepted in enumerate(blanks, 1):
        text = gift_escape(f"{_plain(question.stem)}（第{i}空）")
        answers = " ".join("=" + gift_escape(a) for a in accepted)
        lines.append(f"::{name}-{i}::{text}{{{answers}{general}}}")
    return lines


def to_gift(quizzes: list[Quiz], plain: _Text) -> str:
    out: list[str] = []
    for quiz in quizzes:
        out.append(f"// {quiz.title}（{quiz.id}）")
        for question in quiz.questions:
            category = f"{quiz.title}/{question.tags[0]}" if question.tags else quiz.title
            out.append(f"$CATEGORY: {category}")
            out.append("")
            out += _gift_question(quiz, question, plain)
            out.append("")
    return "\n".join(out)


# --- Moodle XML ---------------------------------------------------------------------------

def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = value
    return element


def _xml_question(quiz: Quiz, question: Question, _plain: _Text) -> ET.Element:
    kind = {"single": "multichoice", "multiple": "multichoice", "judge": "truefalse", "fill": "shortanswer"}[question.type]
    blanks = _accepted(question) if question.type == "fill" else []
    if question.type == "fill" and len(blanks) > 1:
        kind = "cloze"
    element = ET.Element("question", {"type": kind})
    _text(element, "name", f"{quiz.id}-{question.id}")
    stem = _plain(question.stem)
    if kind == "cloze":
        parts = BLANK.split(stem)
        embedded = [parts[0]]
        for accepted, after in zip(blanks, parts[1:]):
            answers = "~".join("=" + re.sub(r"([}#~/\"\\])", r"\\\1", a) for a in accepted)
            embedded += [f"{{1:SHORTANSWER:{answers}}}", after]
        stem = "".join(embedded)
    _text(element, "questiontext", stem, format="plain_text" if kind != "cloze" else "moodle_auto_format")
    _text(element, "generalfeedback", _plain(question.explanation), format="plain_text")
    ET.SubElement(element, "defaultgrade").text = "1"
    if question.tags:
        tags = ET.SubElement(element, "tags")
        for tag in question.tags:
            _text(tags, "tag", tag)
    if question.type in ("single", "multiple"):
        ET.SubElement(element, "single").text = "true" if question.type == "single" else "false"
        ET.SubElement(element, "shuffleanswers").text = "true" if quiz.shuffle else "false"
        ET.SubElement(element, "answernumbering").text = "ABCD"
        weights = ([100.0 if l == question.answer else 0.0 for l in letters(len(question.options))]
                   if question.type == "single" else _weights(question))
        for weight, option in zip(weights, question.options):
            answer = _text(element, "answer", option, fraction=_percent(weight), format="plain_text")
            _text(answer, "feedback", "")
    elif question.type == "judge":
        for value in ("true", "false"):
            right = (value == "true") == question.answer
            answer = _text(element, "answer", value, fraction="100" if right else "0")
            _text(answer, "feedback", "")
    elif kind == "shortanswer":
        ET.SubElement(element, "usecase").text = "0"
        for accepted in blanks[0]:
            answer = _text(element, "answer", accepted, fraction="100", format="plain_text")
            _text(answer, "feedback", "")
    return element


def to_moodle_xml(quizzes: list[Quiz], plain: _Text) -> str:
    root = ET.Element("quiz")
    for quiz in quizzes:
        for question in quiz.questions:
            category = f"$course$/top/{quiz.title}" + (f"/{question.tags[0]}" if question.tags else "")
            holder = ET.SubElement(root, "question", {"type": "category"})
            _text(holder, "category", category)
            root.append(_xml_question(quiz, question, plain))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- plain text ---------------------------------------------------------------------------

def to_text(quizzes: list[Quiz], _plain: _Text) -> str:
    out: list[str] = []
    number = 0
    for quiz in quizzes:
        for question in quiz.questions:
            number += 1
            out.append(f"{number}.【{TYPE_NAMES[question.type]}】{_plain(question.stem)}")
            for letter, option in zip(letters(len(question.options)), question.options):
                out.append(f"{letter}. {option}")
            if question.type == "single":
                answer = question.answer
            elif question.type == "multiple":
                answer = "".join(question.answer)
            elif question.type == "judge":
                answer = "正确" if question.answer else "错误"
            else:
                answer = "；".join("|".join(accepted) for accepted in _accepted(question))
            out.append(f"答案：{answer}")
            if question.explanation:
                out.append(f"解析：{_plain(question.explanation)}")
            out.append("")
    return "\n".join(out)


def export(quizzes: list[Quiz], fmt: str, cite: Cite = lambda ref: ref) -> str:
    """One of FORMATS for the given quizzes; ``cite`` names a ``[[citation]]`` in plain text."""
    return {"gift": to_gift, "moodle-xml": to_moodle_xml, "text": to_text}[fmt](quizzes, _Text(cite))
