"""Citations: ``[[policy-id#anchor]]`` in Markdown and ``policy-id#anchor`` in citation lists."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

INLINE = re.compile(r"\[\[([^\[\]\n]+?)\]\]")


@dataclass(frozen=True)
class CitationRef:
    policy_id: str
    anchor: str | None = None

    @classmethod
    def parse(cls, text: str) -> CitationRef:
        policy_id, _, anchor = text.strip().partition("#")
        return cls(policy_id.strip(), anchor.strip() or None)

    def __str__(self) -> str:
        return f"{self.policy_id}#{self.anchor}" if self.anchor else self.policy_id


def find_inline(markdown: str) -> list[tuple[CitationRef, str]]:
    """Every ``[[…]]`` citation in a Markdown text, with the text as written."""
    return [(CitationRef.parse(m.group(1)), m.group(0)) for m in INLINE.finditer(markdown)]


def closest_id(wanted: str, candidates: list[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(wanted, candidates, n=n, cutoff=0.6)


def closest(wanted: str, candidates: list[str], n: int = 3) -> list[str]:
    """The candidates nearest to what was written, for 'did you mean' hints."""
    found = difflib.get_close_matches(wanted, candidates, n=n, cutoff=0.5)
    if found or not wanted:
        return found
    # Dotted anchors: 3.1.9 is nearest to the other provisions at the same depth, by number.
    depth = wanted.count(".")
    same_depth = [c for c in candidates if c.count(".") == depth]
    return sorted(same_depth, key=lambda c: _numeric_distance(wanted, c))[:n]


def _numeric_distance(a: str, b: str) -> tuple[int, ...]:
    def parts(text: str) -> list[int]:
        # ASCII digits only, and few of them: anything else is just far away.
        return [int(p) if p.isascii() and p.isdigit() and len(p) <= 9 else 10**9 for p in text.split(".")]

    return tuple(abs(x - y) for x, y in zip(parts(a), parts(b)))
