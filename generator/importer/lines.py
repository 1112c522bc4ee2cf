"""The unit every importer stage works on: one paragraph of the source with where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line (paragraph) number in the source, kept for the report
    text: str


@dataclass(frozen=True)
class Dropped:
    line: Line
    reason: str
