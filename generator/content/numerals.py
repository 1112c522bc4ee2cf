"""Chinese numbering, in one place: the numeral tables, reading and writing numerals, and the anchor rule.

The content model turns a provision's printed number (三、 （一） 1. （3） 第十二条 ①) into a dotted Arabic
anchor path; the importer reads and writes the same numbers. Both use this module, so an imported file's
anchors are the ones ``qinglian validate`` derives.
"""

from __future__ import annotations

import re
import unicodedata

DIGITS = "零一二三四五六七八九"  # a digit's value is its index
_DIGITS = {**{char: value for value, char in enumerate(DIGITS)}, "〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = (("亿", 100_000_000), ("万", 10_000))
# Every character of a Chinese numeral the importer recognises (the content model reads up to 千).
NUMERAL_CHARS = "一二三四五六七八九十百千万亿零〇两"
# A year written digit by digit (二〇二一, also with ○ or a full-width Ｏ for the zero).
YEAR_DIGITS = {**{char: value for value, char in enumerate(DIGITS)}, "〇": 0, "○": 0, "Ｏ": 0}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Character classes for numbers printed as one character: ①–⑳ and ㉑–㊿, ⑴–⒇, ⒈–⒛.
CIRCLED_CLASS = "[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]"
PAREN_DIGIT_CLASS = "[\u2474-\u2487]"
DIGIT_STOP_CLASS = "[\u2488-\u249b]"
_WRAPPERS = re.compile(r"^第(.+?)(?:条|章|节|款|项|部分|篇|目)$")
_CHINESE = re.compile(r"^[零〇一二两三四五六七八九十百千]+$")
_WIDE_CHINESE = re.compile(f"[{NUMERAL_CHARS}]+")


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


def chinese_to_int_wide(text: str) -> int | None:
    """一万零一 → 10001, 三亿 → 300000000: what chinese_to_int reads, extended by 万 and 亿."""
    total = 0
    for unit, scale in _LARGE_UNITS:
        if unit in text:
            high, text = text.split(unit, 1)
            value = chinese_to_int_wide(high) if high else 1
            if value is None:
                return None
            total += value * scale
    if not text:
        return total
    low = chinese_to_int(text)
    return None if low is None else total + low


def year_digits_to_int(text: str) -> int | None:
    """二〇二一 → 2021: a number written digit by digit; None if some character is no digit."""
    if not text or not all(char in YEAR_DIGITS for char in text):
        return None
    return int("".join(str(YEAR_DIGITS[char]) for char in text))


def int_to_chinese(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 112 → 一百一十二; digits from 1000 on (and below 0)."""
    if value < 0:
        return str(value)
    if value < 10:
        return DIGITS[value]
    if value < 20:
        return "十" + (DIGITS[value % 10] if value % 10 else "")
    if value < 100:
        return DIGITS[value // 10] + "十" + (DIGITS[value % 10] if value % 10 else "")
    if value >= 1000:
        return str(value)
    hundreds, rest = divmod(value, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + DIGITS[rest]
    else:
        tail = ("一" if rest < 20 else "") + int_to_chinese(rest)
    return DIGITS[hundreds] + "百" + tail


def int_to_chinese_digits(value: int) -> str:
    """2021 → 二〇二一: digit by digit, as a year is written (a negative value stays in digits)."""
    if value < 0:
        return str(value)
    return "".join("〇" if d == "0" else DIGITS[int(d)] for d in str(value))


def circled(value: int) -> str:
    """3 → ③ for 1 to 20; other values as digits."""
    return CIRCLED[value - 1] if 1 <= value <= len(CIRCLED) else str(value)


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


def printed_value(printed: str) -> int | None:
    """The value of a printed number, also where the content model's reading stops (万, 亿): the importer's reading."""
    value = number_value(printed)
    if value is not None:
        return value
    core = unicodedata.normalize("NFKC", printed).strip("()（）、.．")
    wrapped = re.fullmatch(r"第(.+?)(?:条|章|节|部分|篇)", core)
    core = wrapped.group(1) if wrapped else core
    return chinese_to_int_wide(core) if _WIDE_CHINESE.fullmatch(core) else None


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


def anchor_value(number: str | None, position: int) -> int | None:
    """A provision's step in its anchor path: its printed number's value, else (no number) its 1-based
    position among its siblings; None when a number is written but cannot be read."""
    return position if number is None else number_value(number)


def auto_anchor(numbers: list[int]) -> str:
    """The anchor derived from the steps down the provision tree: [3, 1, 2] → "3.1.2"."""
    return ".".join(str(n) for n in numbers)
