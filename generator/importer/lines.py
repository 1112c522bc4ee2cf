"""The unit every importer stage works on: one paragraph of the source with where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableRow:
    """One row of a 责任分工表 (task-assignment table), by column role rather than by position.

    ``header`` rows are the table's column titles (also when Word repeats them on every page).
    """

    header: bool = False
    number: str | None = None  # 序号 as printed
    title: str | None = None  # 任务 / 工作任务: a short heading
    paragraphs: tuple[str, ...] = ()  # 具体措施 and any other column, in column order
    responsible: tuple[str, ...] = ()
    deadline: str | None = None
    position: int = 0  # 1-based among the table's task rows


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line (paragraph) number in the source, kept for the report
    text: str
    row: TableRow | None = None  # set when the paragraph is a row of a task table


@dataclass(frozen=True)
class Dropped:
    line: Line
    reason: str
