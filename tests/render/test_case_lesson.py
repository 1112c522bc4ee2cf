"""Golden Markdown for a case, the case library and a lesson."""

import pytest

from generator.content.loader import load_course
from generator.pages.site import generate

from ..conftest import write_course
from ..fixtures import lesson_course
from .test_policy import check_golden


@pytest.fixture
def site(tmp_path):
    result = load_course(write_course(tmp_path / "course", lesson_course()))
    assert result.ok, [p.format() for p in result.problems]
    return generate(result.course)


def test_case_page_golden(site):
    check_golden("case-paid-tutoring-2021-01.md", site.pages["cases/paid-tutoring-2021-01.md"])


def test_case_library_golden(site):
    check_golden("cases-index.md", site.pages["cases/index.md"])


def test_lesson_page_golden(site):
    check_golden("lesson-paid-tutoring.md", site.pages["lessons/lesson-paid-tutoring.md"])


def test_lesson_print_forms(site):
    sign_in = site.pages["lessons/lesson-paid-tutoring/sign-in.md"]
    assert sign_in.startswith("# 签到表：守住课堂，拒绝有偿补课") and "| 30 | | | |" in sign_in
    commitment = site.pages["lessons/lesson-paid-tutoring/commitment.md"]
    assert "认真学习了《十项准则》" in commitment and "承诺人（签名）" in commitment


def test_provisions_list_what_cites_them(site):
    page = site.pages["policies/ten-standards-2018.md"]
    assert "案例：[某县某中学教师张某组织有偿补课问题](../cases/paid-tutoring-2021-01.md)" in page
    assert "警示教育课：[守住课堂，拒绝有偿补课](../lessons/lesson-paid-tutoring.md)" in page


def test_glossary_page_and_script(site):
    assert "有偿补课（又作：有偿家教）" in site.pages["glossary.md"]
    script = next(a for a in site.assets if a.path.endswith("glossary.js")).content.decode()
    assert script == (
        'window.__qlGlossary = [["有偿家教", "有偿补课：教师向学生收取费用的课外补习。"], '
        '["有偿补课", "有偿补课：教师向学生收取费用的课外补习。"]];\n'
    )


def test_large_library_matrix_counts_by_category(tmp_path):
    from ..fixtures import CASE

    files = lesson_course()
    for i in range(31):
        files[f"cases/c{i}.yml"] = CASE.replace("paid-tutoring-2021-01", f"case-{i}").replace(
            "categories: [有偿补课]", "categories: [有偿补课]" if i % 2 else "categories: [收受礼品礼金]"
        )
    result = load_course(write_course(tmp_path / "course", files))
    assert result.ok
    page = generate(result.course).pages["cases/index.md"]
    assert "| 条款 | 案例数 | 收受礼品礼金 | 有偿补课 |" in page
    assert "| [《十项准则》第十项 规范从教行为](../policies/ten-standards-2018.md#10) | 32 | 16 | 16 |" in page
