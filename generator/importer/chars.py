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
    return (0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x2FA1F or char in "〇")


def is_cjk(char: str) -> bool:
    """A Han character or full-width punctuation: what makes a neighbour 'Chinese context'."""
    return is_han(char) or char in CJK_PUNCT


def has_han(text: str) -> bool:
    return any(is_han(c) for c in text)


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    converted = _t2s().convert(char)
    return converted if len(converted) == 1 else char


def fold(text: str) -> str:
    """Simplified form of ``text`` with the same length, character for character.

    Rules match the folded text and slice the original, so traditional input
    (關于, 責任單位, 第一條) is recognised without being rewritten.
    """
    return "".join(_fold_char(c) if is_han(c) else c for c in text)


def to_simplified(text: str) -> str:
    """OpenCC t2s with its phrase tables (used only when the author asks for --simplified)."""
    return _t2s().convert(text)


def traditional_count(text: str) -> int:
    """How many characters OpenCC would change: a hint that the input is traditional."""
    return sum(1 for a, b in zip(text, fold(text)) if a != b)


_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Co"}


def printable(text: str) -> str:
    """Drop control, format (zero-width, BOM, bidi) and surrogate characters YAML cannot carry."""
    return "".join(c for c in text if c == "\t" or unicodedata.category(c) not in _DROP_CATEGORIES
                   and c not in "\ufffe\uffff")
