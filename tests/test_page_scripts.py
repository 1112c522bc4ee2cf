"""Page scripts never block rendering, and the quiz code loads only where there is a quiz."""

from __future__ import annotations

import re
from pathlib import Path

SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]*assets/qinglian/[^\"]+)\"[^>]*>")


def _ours(html: str) -> list[str]:
    return [m.group(0) for m in SCRIPT.finditer(html) if "/vendor/" not in m.group(1)]


def test_our_scripts_are_deferred_on_every_page(shipped_site: Path) -> None:
    pages = sorted(shipped_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        tags = _ours(page.read_text(encoding="utf-8"))
        assert tags, page
        assert all(" defer" in tag for tag in tags), (page, tags)


def test_quiz_code_loads_only_on_quiz_pages(shipped_site: Path) -> None:
    with_quiz = sorted(
        page.relative_to(shipped_site).as_posix()
        for page in shipped_site.rglob("*.html")
        if "quiz.js" in page.read_text(encoding="utf-8")
    )
    quizzes = sorted(p.relative_to(shipped_site).as_posix() for p in (shipped_site / "quizzes").glob("quiz-*.html"))
    assert quizzes and with_quiz == quizzes
