"""Problems found in a course: values collected and reported together, never raised."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: Path
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def format(self, root: Path | None = None) -> str:
        path = self.file
        if root is not None:
            try:
                path = self.file.relative_to(root)
            except ValueError:
                pass
        prefix = "警告：" if self.severity is Severity.WARNING else ""
        return f"{path.as_posix()}:{self.line}:{self.column}: {prefix}{self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (str(p.file), p.line, p.column, p.message))
