"""Whole courses with random damage: validate always ends in 0 or 1 with located Chinese messages."""

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.content.loader import load_course
from generator.problems import errors

from .conftest import MINIMAL_POLICY, write_course
from .fixtures import CASE, GLOSSARY_COURSE, HOSTILE_CASE, LESSON, QUIZ

COURSE = {
    "course.yml": GLOSSARY_COURSE,
    "policies/ten.yml": MINIMAL_POLICY,
    "policies/plan.yml": """
        id: plan
        title: 实施方案
        issuers: [某县教育局]
        issued: 2021-09
        based_on: [ten-standards-2018]
        source: {url: "http://example.com/a", note: 县教育局}
        provisions:
          - number: 一、
            title: 总体要求
            provisions:
              - {number: （一）, text: "见 [[ten-standards-2018#10]]。", responsible: [县教育局], deadline: 2022-03}
              - {number: "1.", text: 细则, anchor: detail}
    """,
    "cases/paid.yml": CASE,
    "cases/hostile.yml": HOSTILE_CASE,
    "lessons/lesson.yml": LESSON,
    "quizzes/quiz.yml": QUIZ,
}
NAMES = sorted(COURSE)

JUNK = [
    "",
    "~",
    "1.",
    "010",
    "-",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "#",
    "&a",
    "*a",
    "!!int",
    "<<: {a: 1}",
    "'",
    '"',
    "\t",
    "\u2028",
    "\x85",
    "\ud800",
    "\\ud800",
    "２０２１-01-01",
    "0000-01-01",
    "index",
    "❷",
    "[[nope#1]]",
    "[[ten-standards-2018#99]]",
    "true",
    "yes",
    "9" * 5000,
    "&a [*a]",
    "!!bool maybe",
    "[" * 60,
    "a" * 120,
    "javascript:x",
    "\x00",
    "\ufeff",
    "    - x",
    "\n- a\n",
    "---\n",
]

damage = st.lists(
    st.tuples(
        st.sampled_from(NAMES),
        st.sampled_from(["truncate", "insert", "delete_line", "replace_value"]),
        st.integers(0, 10_000),
        st.one_of(st.sampled_from(JUNK), st.text(max_size=12)),
    ),
    min_size=1,
    max_size=4,
)

_LOCATED = re.compile(r"^.+:\d+:\d+: .+$", re.DOTALL)


def damaged(files: dict[str, str], steps) -> dict[str, str]:
    texts = {name: __import__("textwrap").dedent(text).lstrip("\n") for name, text in files.items()}
    for name, operation, at, junk in steps:
        text = texts[name]
        lines = text.split("\n")
        if operation == "truncate":
            text = text[: at % (len(text) + 1)]
        elif operation == "insert":
            cut = at % (len(text) + 1)
            text = text[:cut] + junk + text[cut:]
        elif operation == "delete_line":
            del lines[at % len(lines)]
            text = "\n".join(lines)
        else:
            index = at % len(lines)
            key, sep, _ = lines[index].partition(": ")
            lines[index] = key + (sep or ": ") + junk
            text = "\n".join(lines)
        texts[name] = text
    return texts


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(steps=damage)
@example(steps=[("policies/ten.yml", "replace_value", 9, "&a [*a]")])  # once a RecursionError
@example(steps=[("lessons/lesson.yml", "replace_value", 3, "9" * 5000)])  # once a ValueError
@example(steps=[("cases/paid.yml", "replace_value", 0, "[" * 30000)])  # once a segfault in libyaml's composer
@example(steps=[("policies/ten.yml", "replace_value", 6, "❷")])  # once int('❷')
def test_damaged_courses_give_located_chinese_problems(steps, capsys):
    root = Path(tempfile.mkdtemp(prefix="qinglian-fuzz-"))
    try:
        course = root / "course"
        for name, text in damaged(COURSE, steps).items():
            path = course / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = load_course(course)
        for problem in result.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert re.search(r"[\u4e00-\u9fff]", problem.message), problem.message
        assert main(["validate", "--course", str(course)]) in (0, 1)
        err = capsys.readouterr().err
        assert all(_LOCATED.match(line) for line in err.split("\n")[:-2] if line), err
    finally:
        shutil.rmtree(root)


def test_the_undamaged_course_is_valid(tmp_path):
    root = write_course(tmp_path / "course", COURSE)
    assert errors(load_course(root).problems) == []
