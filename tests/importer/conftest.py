"""Helpers for the importer tests: import a text, read the YAML back, validate it as a course would."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from generator.content.loader import load_course
from generator.content.numerals import anchor_value, auto_anchor
from generator.importer import ImportOptions, ImportResult, import_file

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
HAND = Path(__file__).resolve().parents[2] / "course" / "policies"
COURSE_YML = "title: 导入测试\norganization: 某县教育局\n"


def seed_file(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"找不到种子文件夹 {SEEDS}（CI 中 shared/ 应与仓库并列）")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def run_import(path: Path, **options) -> ImportResult:
    options.setdefault("fallback_year", 2024)
    return import_file(path, ImportOptions(**options))


@pytest.fixture
def import_text(tmp_path):
    """Import a hand-made document given as text (dedented); encoding and suffix selectable."""
    counter = iter(range(10_000))

    def run(text: str, *, encoding: str = "utf-8", suffix: str = ".txt", **options) -> ImportResult:
        path = tmp_path / f"doc{next(counter)}{suffix}"
        path.write_bytes(textwrap.dedent(text).strip("\n").encode(encoding))
        options.setdefault("policy_id", "imported-policy")
        return run_import(path, **options)

    return run


def data(result: ImportResult) -> dict:
    return yaml.safe_load(result.yaml_text)


def flatten(provisions: list[dict], path: list[int] | None = None) -> dict[str, dict]:
    """Provisions by anchor, derived as the content model says (numbers, else position)."""
    out: dict[str, dict] = {}
    for position, item in enumerate(provisions, start=1):
        here = [*(path or []), anchor_value(str(item["number"]) if item.get("number") else None, position) or 0]
        out[item.get("anchor") or auto_anchor(here)] = item
        out.update(flatten(item.get("provisions", []), here))
    return out


def anchors(result: ImportResult) -> dict[str, dict]:
    return flatten(data(result)["provisions"])


@pytest.fixture
def validates(tmp_path):
    """Write the YAML into a minimal course and load it the way ``qinglian validate`` does."""

    def check(result: ImportResult) -> None:
        root = tmp_path / f"course-{result.draft.policy_id}"
        (root / "policies").mkdir(parents=True, exist_ok=True)
        (root / "course.yml").write_text(COURSE_YML, encoding="utf-8")
        (root / "policies" / f"{result.draft.policy_id}.yml").write_text(result.yaml_text, encoding="utf-8")
        loaded = load_course(root)
        assert loaded.ok, [p.format(root) for p in loaded.problems]
        assert result.problems == []

    return check
