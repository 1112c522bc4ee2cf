"""Provision anchors: printed Chinese numbering (三、 （一） 1. （3） 第十二条 ①) to dotted Arabic paths."""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_WRAPPERS = re.compile(r"^第(.+?)(?:条|章|节|款|项|部分|篇|目)$")
_CHINESE = re.compile(r"^[零〇一二两三四五六七八九十百千]+$")


def chinese_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None if not a Chinese numeral."""
    if not _CHINESE.match(text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
    return total + (digit or 0)


def number_value(printed: str) -> int | None:
    """The integer a printed provision number stands for, or None if it has none."""
    text = unicodedata.normalize("NFKC", printed).strip()
    # NFKC turns ① into 1, （ into ( and ． into .
    text = text.rstrip("、.,，:：;； ")
    text = text.strip("()[]【】〔〕<>《》 ")
    wrapped = _WRAPPERS.match(text)
    if wrapped:
        text = wrapped.group(1)
    if text.isdecimal():  # not isdigit(): ❷ and ² are "digits" that int() rejects
        # Past nine digits it is no provision number (and int() of thousands of digits refuses).
        return int(text) if len(text) <= 9 else None
    if len(text) > 20:
        return None
    return chinese_to_int(text)


def display_number(printed: str) -> str:
    """The number as a reader expects to see it before a heading: 一 → 一、, 1 → 1., (一) → （一）."""
    text = printed.strip()
    if re.fullmatch(r"[（(].+[）)]", text):
        return f"（{text[1:-1]}）"
    if _CHINESE.match(text):
        return f"{text}、"
    if re.fullmatch(r"[0-9０-９]+", text):
        return f"{text}."
    return text


def cite_number(printed: str) -> str:
    """A number as it reads inside a citation: 一 → 一, （一） → （一）, 1. → 1."""
    return display_number(printed).rstrip("、.")


def auto_anchor(numbers: list[int]) -> str:
    return ".".join(str(n) for n in numbers)
