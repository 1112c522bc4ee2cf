"""Golden Markdown for every page of tests/golden/course, so every page kind has one.

``UPDATE_GOLDEN=1 python3 -m pytest tests/test_golden_pages.py`` rewrites the files; read the diff
before committing it. Golden files that no page produces any more fail the run (orphans).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.content.loader import load_course
from generator.pages import units
from generator.pages.site import Site, generate

GOLDEN = Path(__file__).resolve().parent / "golden"
COURSE = GOLDEN / "course"
PAGES = GOLDEN / "pages"
SPLIT = "split"  # the 责任清单 of the same course split into one page per unit


def _site() -> Site:
    result = load_course(COURSE)
    assert result.ok, [p.format() for p in result.problems]
    assert result.course is not None
    return generate(result.course)


@pytest.fixture(scope="module")
def golden_pages() -> dict[str, tuple[str, str]]:
    return collect_golden_pages()


def collect_golden_pages() -> dict[str, tuple[str, str]]:
    """golden file name → (page kind, Markdown)."""
    site = _site()
    found = {path: (site.kinds[path], text) for path, text in site.pages.items()}
    # Above SPLIT_ABOVE entries the 责任清单 becomes one page per unit; lower the bar to see those pages.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(units, "SPLIT_ABOVE", 0)
        split = _site()
    for path, text in split.pages.items():
        if split.kinds[path] in ("responsibilities", "unit"):
            found[f"{SPLIT}/{path}"] = (split.kinds[path], text)
    return found


def _golden_files() -> list[str]:
    return sorted(p.relative_to(PAGES).as_posix() for p in PAGES.rglob("*.md"))


def test_every_page_matches_its_golden_file(golden_pages: dict[str, tuple[str, str]]) -> None:
    changed = []
    for name, (_kind, text) in golden_pages.items():
        path = PAGES / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.is_file() or path.read_text(encoding="utf-8") != text:
            changed.append(name)
    assert not changed, f"these pages differ from tests/golden/pages (UPDATE_GOLDEN=1 to accept): {changed}"


def test_no_orphaned_golden_files(golden_pages: dict[str, tuple[str, str]]) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        for name in set(_golden_files()) - set(golden_pages):
            (PAGES / name).unlink()
    assert set(_golden_files()) == set(golden_pages)
