"""Chromium on author text the shipped course never has: a case title with a table pipe and quotes in the
clause × case matrix, a self-check item with a blank line, an agenda activity over several lines."""

import pytest

from .conftest import build_site
from .fixtures import CASE, lesson_course

pytestmark = pytest.mark.browser

TITLE = '甲|乙 "引号" <b>尖</b> *星* & ]) 完'

LESSON = """
id: lesson-edges
title: 边界课程
duration: 10
objectives: [目标]
cases: [pipe-2021-01]
agenda:
  - {minutes: 10, activity: "第一行\\n第二行 <i>斜</i>", cases: [pipe-2021-01]}
self_check: ["第一段\\n\\n# 第二段 <b>粗</b>", 第二项]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = lesson_course()
    files["cases/pipe.yml"] = CASE.replace("paid-tutoring-2021-01", "pipe-2021-01").replace(
        "title: 某县某中学教师张某组织有偿补课问题", f"title: '{TITLE}'"
    )
    files["lessons/edges.yml"] = LESSON
    return build_site(tmp_path_factory.mktemp("edges"), files)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_matrix_keeps_every_column_and_hovers_the_exact_title(page, site):
    page.goto((site / "cases" / "index.html").as_uri())
    widths = page.eval_on_selector_all(".ql-matrix table tr", "rows => rows.map(r => r.cells.length)")
    assert widths == [5, 5, 5]  # 条款, 案例数 and the three cases, in every row
    titles = page.eval_on_selector_all(".ql-matrix th a", "links => links.map(a => a.title)")
    assert TITLE in titles


def test_self_check_item_with_a_blank_line_stays_one_item(page, site):
    page.goto((site / "lessons" / "lesson-edges.html").as_uri())
    items = page.eval_on_selector_all(".ql-self-check label", "labels => labels.map(l => l.innerText.trim())")
    assert items == ["第一段 # 第二段 <b>粗</b>", "第二项"]
    assert page.locator("article h1").count() == 1


def test_agenda_activity_over_lines_reads_as_one_line(page, site):
    page.goto((site / "lessons" / "lesson-edges.html").as_uri())
    assert page.inner_text(".ql-agenda__item strong") == "第一行 第二行 <i>斜</i>"
    assert page.inner_text(".ql-agenda__cases a") == TITLE
