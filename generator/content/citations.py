"""Citations: ``[[policy-id#anchor]]`` in Markdown and ``policy-id#anchor`` in citation lists.

The one owner of the citation grammar: checks, rendering and plain-text forms all find citations here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.problems import closest

# Between the double brackets: one line, no bracket; the shortest match, so two citations stay two.
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


def replace_inline(markdown: str, replace: Callable[[str], str]) -> str:
    """Each ``[[…]]`` citation replaced by what ``replace`` makes of the text between the brackets."""
    return INLINE.sub(lambda match: replace(match.group(1)), markdown)


def closest_anchors(wanted: str, candidates: list[str], n: int = 3) -> list[str]:
    """The anchors nearest to what was written, for 'did you mean' hints."""
    found = closest(wanted, candidates, n=n, cutoff=0.5)
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

    return tuple(abs(x - y) for x, y in zip(parts(a), parts(b), strict=False))
