"""The answer key a quiz page carries: obfuscated so it is not in plain sight in the page source.

Not a security boundary (the browser must grade offline), only a guard against reading the
answers by accident when viewing the source.
"""

from __future__ import annotations

import base64
import json

from .model import Question, Quiz


def _pad(quiz_id: str, length: int) -> bytes:
    """FNV-1a seed, xorshift32 stream: a few lines the page script repeats without any crypto API."""
    state = 0x811C9DC5
    for byte in f"qinglian:{quiz_id}".encode("utf-8"):
        state = ((state ^ byte) * 0x01000193) & 0xFFFFFFFF
    state = state or 1
    out = bytearray()
    for _ in range(length):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        out.append(state & 0xFF)
    return bytes(out)


def answer_of(question: Question):
    """The answer in one shape per type: letters, a bool, or accepted strings per blank."""
    answer = question.answer
    if question.type == "single":
        return [answer]
    if question.type == "multiple":
        return list(answer)
    if question.type == "judge":
        return answer
    return [[str(a) for a in (entry if isinstance(entry, list) else [entry])] for entry in answer]


def encode_key(quiz: Quiz) -> str:
    key = {q.id: answer_of(q) for q in quiz.questions}
    raw = json.dumps(key, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    pad = _pad(quiz.id, len(raw))
    return base64.b64encode(bytes(a ^ b for a, b in zip(raw, pad))).decode("ascii")
