"""One build from a course folder into an empty folder: load, check, generate, run the engine.

Shared by ``qinglian build`` (which then publishes atomically) and ``qinglian serve`` (which keeps the
last good build on show). Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.content.loader import LoadResult, load_course
from generator.problems import Problem, Severity, errors


@dataclass
class BuildOutcome:
    load: LoadResult
    engine_errors: list[Problem] = field(default_factory=list)  # what the site engine reported
    pages: int = 0
    strict_failed: bool = False  # --strict: warnings count as errors

    @property
    def ok(self) -> bool:
        return self.load.ok and not self.engine_errors and not self.strict_failed

    @property
    def problems(self) -> list[Problem]:
        return self.load.problems


def course_docs(course_dir: Path) -> Path | None:
    """A course's own hand-written pages (``docs/`` beside course.yml), if it has any."""
    docs = course_dir / "docs"
    return docs if docs.is_dir() else None


def check(course_dir: Path, *, strict: bool = False) -> BuildOutcome:
    result = load_course(course_dir)
    warnings = [p for p in result.problems if p.severity is Severity.WARNING]
    return BuildOutcome(result, strict_failed=strict and bool(warnings))


def build_into(
    course_dir: Path,
    target: Path,
    *,
    strict: bool = False,
    config_file: Path | None = None,
    markdown_out: Path | None = None,
) -> BuildOutcome:
    """Build the course's site into ``target`` (an empty folder). Content errors stop before the engine."""
    from generator.engines.mkdocs import build_site
    from generator.pages.site import generate
    from generator.publish import target as publish

    outcome = check(course_dir, strict=strict)
    if not outcome.ok or outcome.load.course is None or errors(outcome.problems):
        return outcome
    site = generate(outcome.load.course)
    outcome.pages = len(site.pages)
    if markdown_out is not None:
        import yaml

        publish.write_markdown(
            site.pages,
            {a.path: a.content for a in site.assets},
            yaml.safe_dump(site.nav, allow_unicode=True, sort_keys=False),
            markdown_out,
        )
        (markdown_out / publish.STAMP).write_text(publish.STAMP_TEXT, encoding="utf-8")
    outcome.engine_errors = build_site(
        site, target, docs_dir=course_docs(outcome.load.course.root), config_file=config_file
    )
    if not outcome.engine_errors:
        publish.finish(target)
    return outcome
