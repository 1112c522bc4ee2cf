"""Problems found in a course: values collected and reported together, never raised."""

from __future__ import annotations

import contextlib
import difflib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # yamlsource reports Problems itself, so at run time it imports this module, not the reverse
    from generator.content.yamlsource import KeyPath


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """What is wrong and where: ``file:line:column: message``.

    A build-time problem may know less: ``line`` 0 means the whole file (``file: message``), and
    no file at all (``Problem.general``) means the message alone, as the site engine reports it.
    """

    file: Path | None
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    @classmethod
    def general(cls, message: str, severity: Severity = Severity.ERROR) -> Problem:
        """A problem that belongs to no file (the site engine's own messages)."""
        return cls(None, 0, 0, message, severity)

    @classmethod
    def in_file(cls, file: Path, message: str, severity: Severity = Severity.ERROR) -> Problem:
        """A problem with a whole file rather than a place in it."""
        return cls(file, 0, 0, message, severity)

    def format(self, root: Path | None = None) -> str:
        prefix = "警告：" if self.severity is Severity.WARNING else ""
        if self.file is None:
            return f"{prefix}{self.message}"
        path = self.file
        if root is not None:
            with contextlib.suppress(ValueError):
                path = self.file.relative_to(root)
        if self.line <= 0:
            return f"{path.as_posix()}: {prefix}{self.message}"
        return f"{path.as_posix()}:{self.line}:{self.column}: {prefix}{self.message}"

    def __str__(self) -> str:
        return self.format()


class _Position(Protocol):
    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Located(Protocol):
    """A document that knows where its values stand (generator.content.yamlsource.YamlDocument)."""

    @property
    def path(self) -> Path: ...

    def position(self, path: KeyPath, *, key: bool = False) -> _Position: ...

    def find_in_value(self, path: KeyPath, needle: str, occurrence: int = 0) -> _Position: ...


def problem_at(
    doc: Located, path: KeyPath, message: str, *, key: bool = False, severity: Severity = Severity.ERROR
) -> Problem:
    """A problem located at a value of ``doc`` (or, with ``key``, at its key; else the nearest enclosing value)."""
    pos = doc.position(path, key=key)
    return Problem(doc.path, pos.line, pos.column, message, severity)


def problem_in_value(
    doc: Located, path: KeyPath, needle: str, message: str, *, occurrence: int = 0, severity: Severity = Severity.ERROR
) -> Problem:
    """A problem located at the ``occurrence``-th ``needle`` inside the text of a value."""
    pos = doc.find_in_value(path, needle, occurrence)
    return Problem(doc.path, pos.line, pos.column, message, severity)


def closest(wanted: str, candidates: list[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The candidates spelled most like ``wanted``, best first, for a "did you mean" hint."""
    return difflib.get_close_matches(wanted, candidates, n=n, cutoff=cutoff)


def closest_hint(names: list[str], what: str = "有", *, otherwise: str = "") -> str:
    """The tail of a message naming the nearest candidates: "，最接近的有：甲、乙"; ``otherwise`` when none."""
    return f"，最接近的{what}：{'、'.join(names)}" if names else otherwise


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (str(p.file or ""), p.line, p.column, p.message))
