"""Answer keys: the one a quiz page carries, and the rules that fix a paper's questions and marks.

The page's key is obfuscated so it is not in plain sight in the page source. Not a security
boundary (the browser must grade offline), only a guard against reading the answers by accident
when viewing the source.
"""

from __future__ import annotations

import base64
import json
import math
import random
import re
from fractions import Fraction

from generator.content.model import ChoiceQuestion, Question, QuestionType, Quiz


def _pad(quiz_id: str, length: int) -> bytes:
    """FNV-1a seed, xorshift32 stream: a few lines the page script repeats without any crypto API."""
    state = 0x811C9DC5
    for byte in f"qinglian:{quiz_id}".encode():
        state = ((state ^ byte) * 0x01000193) & 0xFFFFFFFF
    state = state or 1
    out = bytearray()
    for _ in range(length):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        out.append(state & 0xFF)
    return bytes(out)


def encode_key(quiz: Quiz) -> str:
    """The key quiz.js grades with: each question's accepted() (letters, a bool, or the accepted
    texts of each blank), by question id."""
    key = {q.id: q.accepted() for q in quiz.questions}
    raw = json.dumps(key, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    pad = _pad(quiz.id, len(raw))
    return base64.b64encode(bytes(a ^ b for a, b in zip(raw, pad, strict=False))).decode("ascii")


# --- papers: drawing, option order and marks -------------------------------------------------
# A printed paper (试卷) and the site's paper pages share these rules, so a question shows the
# same 分值 wherever it appears and the key always follows the letters printed on the paper.

TYPE_ORDER = tuple(QuestionType)  # single, multiple, judge, fill: the sections of a paper
FULL_MARKS = 100
# Options that point at their neighbours ("以上都对", "A和B") lose their meaning when moved.
_STAYS = re.compile(r"^\s*(以上|上述|前述|前面|全部|都|均)")
_NAMES_LETTERS = re.compile(r"(?<![A-Za-z])[A-H]\s*[和与及、,，/+]\s*[A-H](?![A-Za-z])|选项\s*[A-H](?![A-Za-z])")
# Minutes a trainer needs to budget per question when no --minutes is given.
_MINUTES = {QuestionType.SINGLE: 1, QuestionType.MULTIPLE: 2, QuestionType.JUDGE: 1, QuestionType.FILL: 2}


def _largest_remainder(total: int, weights: list[Fraction]) -> list[int]:
    """``total`` split in proportion to ``weights``; ties go to the earlier entry."""
    whole = sum(weights)
    quotas = [total * w / whole for w in weights]
    shares = [math.floor(q) for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def draw_counts(questions: list[Question], count: int) -> dict[QuestionType, int]:
    """How many questions of each type a paper of ``count`` takes: in proportion to the quiz,
    and every type at least once when there is room for all of them."""
    available = {kind: sum(1 for q in questions if q.type == kind) for kind in TYPE_ORDER}
    kinds = [kind for kind in TYPE_ORDER if available[kind]]
    shares = dict(zip(kinds, _largest_remainder(count, [Fraction(available[k]) for k in kinds]), strict=False))
    if count >= len(kinds):
        for kind in kinds:
            if shares[kind] == 0:
                # Take from the type furthest above its exact quota (it can spare one: it has ≥ 2).
                donor = max(
                    (k for k in kinds if shares[k] > 1),
                    key=lambda k: (shares[k] - Fraction(count * available[k], len(questions)), -kinds.index(k)),
                )
                shares[donor] -= 1
                shares[kind] = 1
    return shares


def draw_questions(questions: list[Question], count: int, seed: int | None) -> list[Question]:
    """``count`` questions drawn reproducibly with ``seed``, across types in proportion, in quiz order."""
    rng = random.Random(seed)
    chosen: set[int] = set()
    for kind, share in draw_counts(questions, count).items():
        positions = [i for i, q in enumerate(questions) if q.type == kind]
        chosen.update(rng.sample(positions, share))
    return [q for i, q in enumerate(questions) if i in chosen]


def shuffle_options(question: Question, seed: int | None) -> Question:
    """The question with its options in the order ``seed`` gives, the answer letters following them.

    Each question has its own stream (seed and question id), so drawing another subset never
    changes how a question's options are ordered."""
    if not isinstance(question, ChoiceQuestion) or any(_NAMES_LETTERS.search(o) for o in question.options):
        return question
    movable = [i for i, option in enumerate(question.options) if not _STAYS.match(option)]
    moved = movable[:]
    random.Random(f"{seed}/{question.id}").shuffle(moved)
    order = list(range(len(question.options)))  # order[new position] = old position
    for place, source in zip(movable, moved, strict=False):
        order[place] = source
    return question.reordered(order)


def paper_points(questions: list[Question]) -> list[int]:
    """Marks per question: an author's ``points`` as given, the rest of 100 shared equally in whole
    marks (the earlier questions take the odd ones). At least 1 each, so the total can pass 100
    only when the authors' own points already leave too little."""
    marks: list[int | None] = [q.points for q in questions]
    free = [i for i, m in enumerate(marks) if m is None]
    if free:
        rest = FULL_MARKS - sum(m for m in marks if m is not None)
        shares = _largest_remainder(rest, [Fraction(1)] * len(free)) if rest >= len(free) else [1] * len(free)
        for i, share in zip(free, shares, strict=False):
            marks[i] = share
    return [m if m is not None else 0 for m in marks]  # every None was given a share above


def paper_minutes(questions: list[Question]) -> int:
    """A default 考试时间: a minute or two per question, rounded up to five, never under ten."""
    need = sum(_MINUTES[q.type] for q in questions)
    return max(10, -(-need // 5) * 5)


def pass_mark(total: int, pass_score: int) -> int:
    """The pass mark on a paper worth ``total``: ``pass_score`` is a percentage."""
    return -(-total * pass_score // 100)
