"""Invalid courses as folders: ``tests/scenarios/NAME/course/`` and, beside it, ``expected.txt`` with exactly
what ``qinglian validate --course …`` prints. For mistakes spread over several files, a folder reads better
than YAML strings inside a test.

``UPDATE_GOLDEN=1 python3 -m pytest tests/test_scenarios.py`` rewrites every expected.txt; read the diff.
"""

import os
from pathlib import Path

import pytest

from generator.cli import main

SCENARIOS = Path(__file__).parent / "scenarios"
NAMES = sorted(p.name for p in SCENARIOS.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", NAMES)
def test_scenario(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = SCENARIOS / name
    code = main(["validate", "--course", str(folder / "course")])
    captured = capsys.readouterr()
    shown = captured.out + captured.err
    expected = folder / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(shown, encoding="utf-8")
    assert shown == expected.read_text(encoding="utf-8")
    assert code == 1, "a scenario is an invalid course"


def test_every_scenario_is_complete() -> None:
    assert NAMES, "no scenarios found"
    for name in NAMES:
        folder = SCENARIOS / name
        assert (folder / "course").is_dir() and (folder / "expected.txt").is_file(), name
        assert sorted(p.name for p in folder.iterdir()) == ["course", "expected.txt"], f"{name}: stray files"
