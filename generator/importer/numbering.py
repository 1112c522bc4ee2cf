"""Recognise the numbering of Chinese official documents at the start of a paragraph.

一、 → （一） → 1. → （1） → ①, and 第一章 / 第一节 / 第一条. The printed number is kept as the
author will read it in the YAML: brackets full-width (the content model's anchors accept either),
digits ASCII, and the 条/章 of a traditional-character 條/章 folded so the anchor can be derived.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.content.numerals import CIRCLED_CLASS, DIGIT_STOP_CLASS, NUMERAL_CHARS, PAREN_DIGIT_CLASS, printed_value

_CN = f"[{NUMERAL_CHARS}]+"
_DIGITS = "[0-9０-９]+"
# A bare number this large (2020、2021年… / 一千、) is taken only where it continues its list (structure decides).
LARGE = 1000
_CIRCLED = CIRCLED_CLASS  # ①–⑳, ㉑–㊿
_PAREN_DIGIT = PAREN_DIGIT_CLASS  # ⑴–⒇
_DIGIT_STOP = DIGIT_STOP_CLASS  # ⒈–⒛

# (style, pattern): the first group is the number, the last group the rest of the line.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"^第\s*({_CN}|{_DIGITS})\s*(章|部分|篇)[\s、．.:：]*(.*)$")),
    ("section", re.compile(rf"^第\s*({_CN}|{_DIGITS})\s*(节)[\s、．.:：]*(.*)$")),
    ("article", re.compile(rf"^第\s*({_CN}|{_DIGITS})\s*(条)[\s、．.:：]*(.*)$")),
    ("paren_cn", re.compile(rf"^[（(]\s*({_CN})\s*[）)][、．.]?\s*(.*)$")),
    ("cn", re.compile(rf"^({_CN})\s*[、．.]\s*(.*)$")),
    ("paren_arabic", re.compile(rf"^[（(]\s*({_DIGITS})\s*[）)][、．.]?\s*(.*)$")),
    ("paren_arabic", re.compile(rf"^({_PAREN_DIGIT})\s*(.*)$")),
    ("arabic", re.compile(rf"^({_DIGITS})\s*[.．、](?![0-9０-９])\s*(.*)$")),
    ("arabic", re.compile(rf"^({_DIGIT_STOP})\s*(.*)$")),
    ("arabic_rparen", re.compile(rf"^({_DIGITS})\s*[）)]\s*(.*)$")),
    ("circled", re.compile(rf"^({_CIRCLED})\s*(.*)$")),
]

# Styles a later paragraph may continue with after a sentence on the same line (see structure.split_inline).
INLINE_STYLES = {"chapter", "section", "article", "paren_cn", "cn", "paren_arabic", "arabic", "circled"}


@dataclass(frozen=True)
class Numbered:
    style: str
    printed: str  # the number as the YAML will show it: 一 / （一） / 1 / （1） / ① / 第一条
    value: int
    rest: str  # the text after the number

    @property
    def needs_context(self) -> bool:
        """A big bare number is only a number where the list before it leads up to it."""
        return self.style not in ("chapter", "section", "article") and self.value >= LARGE


def _ascii_digits(text: str) -> str:
    return unicodedata.normalize("NFKC", text) if any("０" <= c <= "９" for c in text) else text


def _printed(style: str, number: str, wrapper: str | None) -> str:
    if style in ("chapter", "section", "article"):
        return f"第{_ascii_digits(number)}{wrapper}"
    if style == "paren_cn":
        return f"（{number}）"
    if style == "paren_arabic":
        digits = unicodedata.normalize("NFKC", number).strip("()")
        return f"（{digits}）"
    if style == "arabic":
        return unicodedata.normalize("NFKC", number).rstrip(".")
    if style == "arabic_rparen":
        return f"{_ascii_digits(number)}）"
    return number


def parse(text: str, folded: str | None = None) -> Numbered | None:
    """The numbering at the start of ``text`` (``folded`` is its simplified twin), or None."""
    probe = folded if folded is not None else text
    for style, pattern in _PATTERNS:
        match = pattern.match(probe)
        if not match:
            continue
        groups = match.groups()
        wrapper = groups[1] if style in ("chapter", "section", "article") else None
        printed = _printed(style, groups[0], wrapper)
        value = printed_value(printed)
        if value is None or value == 0:
            continue
        rest_start = match.start(len(groups))
        return Numbered(style, printed, value, text[rest_start:].strip())
    return None


def parse_label(label: str) -> Numbered | None:
    """A number standing alone, as in a table's 序号 column: 1 / 1. / 一 / （一） / 第一条."""
    text = label.strip()
    if re.fullmatch(r"[0-9０-９]+", text):
        text += "."
    elif re.fullmatch(_CN, text):
        text += "、"
    found = parse(text + " ")
    return found if found is not None and not found.rest else None
