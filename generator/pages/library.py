"""The case library (案例库): filterable case cards and the clause × case matrix."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.content.citations import CitationRef
from generator.content.model import Case
from generator.pages.case import year
from generator.pages.context import Link, PageContext
from generator.pages.paths import case_page, policy_page

MATRIX_CASE_COLUMNS = 30  # beyond this many cases the columns become categories
MATRIX_ROWS = 30

Provision = tuple[str, str | None]  # (policy id, anchor or None for the whole policy)


@dataclass(frozen=True)
class LibraryCard:
    number: int  # the card's place in the list; the matrix's case columns use it
    link: Link
    fictional: bool
    categories: list[str]
    stage: str | None
    year: str
    penalties: list[str]


@dataclass(frozen=True)
class MatrixRow:
    provision: Link
    count: int  # cases that break it
    cells: list[int]  # per column: 1/0 (cited by that case or not), or the number of cases of that category


@dataclass(frozen=True)
class Matrix:
    """Rows: provisions broken, most often first; columns: the cases, numbered as the cards
    (or, for a large library, the categories, so the page stays readable and small)."""

    by_category: bool
    cases: list[Link]  # the case columns (empty by category); the link text is the hover title
    categories: list[str]  # the category columns (empty by case)
    rows: list[MatrixRow]


@dataclass(frozen=True)
class CaseLibraryView:
    count: int
    categories: list[str]  # the filter's choices
    stages: list[str]
    years: list[str]
    cards: list[LibraryCard]
    matrix: Matrix | None  # None when no case cites anything


def _cases(ctx: PageContext) -> list[Case]:
    return sorted((e.item for e in ctx.course.cases.values()), key=lambda c: (c.date, c.id), reverse=True)


def _broken(case: Case) -> set[Provision]:
    return {(r.policy_id, r.anchor) for r in map(CitationRef.parse, case.violations)}


def case_library_view(_item: object, ctx: PageContext) -> CaseLibraryView:
    cases = _cases(ctx)
    vocabulary = list(ctx.course.settings.categories)
    cards = [
        LibraryCard(
            number,
            ctx.link(case.title, case_page(case.id)),
            case.fictional,
            list(case.categories),
            case.stage,
            year(case),
            list(case.penalties),
        )
        for number, case in enumerate(cases, 1)
    ]
    return CaseLibraryView(
        count=len(cases),
        categories=vocabulary + sorted({c for case in cases for c in case.categories} - set(vocabulary)),
        stages=sorted({case.stage for case in cases if case.stage}),
        years=sorted({year(case) for case in cases}, reverse=True),
        cards=cards,
        matrix=_matrix(ctx, cases),
    )


def _matrix(ctx: PageContext, cases: list[Case]) -> Matrix | None:
    counts: Counter[Provision] = Counter()
    for case in cases:
        counts.update(_broken(case))
    if not counts:
        return None
    order = sorted(counts, key=lambda key: (-counts[key], key[0], key[1] or ""))
    if len(cases) > MATRIX_CASE_COLUMNS:
        return _category_matrix(ctx, cases, counts, order[:MATRIX_ROWS])
    broken = [_broken(case) for case in cases]
    return Matrix(
        by_category=False,
        cases=[ctx.link(case.title, case_page(case.id)) for case in cases],
        categories=[],
        rows=[
            MatrixRow(_provision_link(ctx, key), counts[key], [int(key in cited) for cited in broken]) for key in order
        ],
    )


def _category_matrix(ctx: PageContext, cases: list[Case], counts: Counter[Provision], rows: list[Provision]) -> Matrix:
    categories = sorted({c for case in cases for c in case.categories})
    by_category: dict[Provision, Counter[str]] = {row: Counter() for row in rows}
    for case in cases:
        for key in _broken(case):
            if key in by_category:
                by_category[key].update(case.categories)
    return Matrix(
        by_category=True,
        cases=[],
        categories=categories,
        rows=[
            MatrixRow(_provision_link(ctx, key), counts[key], [by_category[key][c] for c in categories]) for key in rows
        ],
    )


def _provision_link(ctx: PageContext, key: Provision) -> Link:
    policy_id, anchor = key
    entry = ctx.course.policies[policy_id]
    if anchor is None:
        return ctx.link(f"《{entry.item.cite_title}》", policy_page(policy_id))
    return ctx.link(entry.anchors[anchor].citation, policy_page(policy_id), anchor)
