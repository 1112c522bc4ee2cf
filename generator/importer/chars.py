"""Character-level helpers: CJK tests, traditional→simplified folding for matching, OpenCC conversion."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from opencc import OpenCC

# Full-width punctuation that ends or sits inside Chinese running text.
CJK_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】〔〕…—·「」『』"
SENTENCE_END = "。！？；"


def is_han(char: str) -> bool:
    if len(char) != 1:
        return False
    code = ord(char)
    return (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
        or char in "〇"
    )


def is_cjk(char: str) -> bool:
    """A Han character or full-width punctuation: what makes a neighbour 'Chinese context'."""
    return is_han(char) or char in CJK_PUNCT


def has_han(text: str) -> bool:
    return any(is_han(c) for c in text)


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


_TABLE_LIMIT = 50_000


class _FoldTable(dict):
    """str.translate table filled on first sight of each character: folding stays at C speed on long texts."""

    def __missing__(self, code: int) -> str:
        if len(self) > _TABLE_LIMIT:
            self.clear()  # a text using every code point must not grow the cache without bound
        char = chr(code)
        converted = _t2s().convert(char) if is_han(char) else char
        self[code] = converted if len(converted) == 1 else char
        return self[code]


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Simplified form of ``text`` with the same length, character for character.

    Rules match the folded text and slice the original, so traditional input
    (關于, 責任單位, 第一條) is recognised without being rewritten.
    """
    return text.translate(_FOLD)


def to_simplified(text: str) -> str:
    """OpenCC t2s with its phrase tables (used only when the author asks for --simplified)."""
    return _t2s().convert(text)


def traditional_count(text: str) -> int:
    """How many characters OpenCC would change: a hint that the input is traditional."""
    return sum(1 for a, b in zip(text, fold(text), strict=False) if a != b)


_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Co"}


class _PrintableTable(dict):
    def __missing__(self, code: int) -> str | None:
        if len(self) > _TABLE_LIMIT:
            self.clear()
        char = chr(code)
        keep = char == "\t" or (unicodedata.category(char) not in _DROP_CATEGORIES and char not in "\ufffe\uffff")
        self[code] = char if keep else None
        return self[code]


_PRINTABLE = _PrintableTable()


def printable(text: str) -> str:
    """Drop control, format (zero-width, BOM, bidi) and surrogate characters YAML cannot carry."""
    return text.translate(_PRINTABLE)
