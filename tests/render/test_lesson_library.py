"""Lesson, printable forms, lesson list and case library on courses the shipped one never is:
a lesson with only what is required, no lessons at all, cases without a stage."""

import pytest

from generator.content.loader import load_course
from generator.pages.site import generate

from ..conftest import MINIMAL_COURSE, MINIMAL_POLICY, write_course
from ..fixtures import CASE

BARE_LESSON = """
id: lesson-bare
title: 最简课程
duration: 20
objectives: ['知晓 **禁止性** 规定']
cases: [paid-tutoring-2021-01]
"""


@pytest.fixture
def pages(tmp_path):
    def make(files: dict[str, str]) -> dict[str, str]:
        result = load_course(
            write_course(
                tmp_path / "course", {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, **files}
            )
        )
        assert result.ok, [p.format() for p in result.problems]
        return generate(result.course).pages

    return make


def test_lesson_with_only_required_fields_has_no_empty_sections(pages):
    page = pages({"cases/paid.yml": CASE, "lessons/bare.yml": BARE_LESSON})["lessons/lesson-bare.md"]
    for heading in ("## 议程", "## 重点条款", "## 讨论题", "## 对照查摆", "## 课后自测", "对象"):
        assert heading not in page
    assert "- 知晓 <strong>禁止性</strong> 规定\n\n## 案例研读 {#cases}\n" in page
    assert page.endswith("[阅读完整案例（含剖析与启示）](../cases/paid-tutoring-2021-01.md)\n\n</div>\n\n</div>\n")


def test_commitment_without_key_provisions_names_the_rules_in_general(pages):
    page = pages({"cases/paid.yml": CASE, "lessons/bare.yml": BARE_LESSON})["lessons/lesson-bare/commitment.md"]
    assert "本人参加了“最简课程”警示教育，认真学习了有关规定，并结合典型案例对照查摆。" in page
    assert "1. 知晓 <strong>禁止性</strong> 规定\n" in page


def test_sign_in_has_thirty_numbered_lines(pages):
    page = pages({"cases/paid.yml": CASE, "lessons/bare.yml": BARE_LESSON})["lessons/lesson-bare/sign-in.md"]
    assert "[返回课程](../lesson-bare.md)" in page
    assert page.endswith("| 1 | | | |\n" + "".join(f"| {i} | | | |\n" for i in range(2, 31)))


def test_lesson_list_without_audience_leaves_the_cell_empty(pages):
    page = pages({"cases/paid.yml": CASE, "lessons/bare.yml": BARE_LESSON})["lessons/index.md"]
    assert page.endswith("| [最简课程](lesson-bare.md) |  | 20 分钟 | 1 个 |\n")


def test_course_without_lessons_or_cases_says_so(pages):
    site = pages({})
    assert site["lessons/index.md"] == "# 警示教育\n\n课程中还没有警示教育课。\n"
    assert site["cases/index.md"] == "# 典型案例\n\n课程中还没有案例。\n"


def test_library_card_of_a_real_case_without_stage(pages):
    case = (
        CASE.replace("stage: 初中\n", "")
        .replace("fictional: true", "fictional: false")
        .replace("penalties: [党内警告, 退还违规所得]\n", "")
    )
    page = pages({"cases/paid.yml": case})["cases/index.md"]
    assert (
        '<div class="ql-case-card" data-category="有偿补课" data-stage="" data-year="2021" markdown>\n\n'
        '<span class="ql-case-card__no">1</span> '
        "**[某县某中学教师张某组织有偿补课问题](paid-tutoring-2021-01.md)**\n\n"
        '<span class="ql-case-card__meta">有偿补课 · 2021年</span> \n'
    ) in page
    assert '<select data-filter="stage" aria-label="按学段筛选"><option value="">全部</option></select>' in page
