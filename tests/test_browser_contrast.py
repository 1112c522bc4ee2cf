"""WCAG 2.1 AA contrast of the content, measured by axe-core in Chromium on the shipped course."""

from pathlib import Path

import pytest

from .conftest import MINIMAL_COURSE, build_site

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "node" / "node_modules" / "axe-core" / "axe.min.js"

AMENDED = """
id: amended
title: 已修订的方案
issuers: [某县教育局]
issued: 2020
status: amended
summary: 见 [[amended#1]]。
provisions:
  - number: 一
    title: 工作要求
    text: 按时完成，详见 [[amended#2]]。
    responsible: [县教育局]
    deadline: 2022-03-31
  - number: 二
    title: 附则
    text: 自印发之日起施行。
"""


def violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed in tests/node")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => {
        const result = await axe.run(document.querySelector('.md-content'),
            {runOnly: ['color-contrast', 'link-in-text-block']});
        return result.violations.flatMap(v => v.nodes.map(n => v.id + ' ' + n.target.join(' ') + ' ' + n.failureSummary));
    }""")
    return found


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "policies/changyang-qinglian-school-2021.html",
        "policies/xx-district-work-style-2017.html",
        "cases/index.html",
        "cases/gifts-2022-01.html",
        "lessons/lesson-paid-tutoring-moonlighting.html",
        "glossary.html",
    ],
)
def test_content_meets_aa(page, shipped_site, path):
    page.goto((shipped_site / path).as_uri())
    assert violations(page) == []


def test_quiz_meets_aa_before_and_after_answering(page, shipped_site):
    page.goto((shipped_site / "quizzes" / "quiz-paid-tutoring.html").as_uri())
    assert violations(page) == []
    # Answer every choice question with its first option (some right, some wrong), leave blanks empty.
    page.evaluate("""() => document.querySelectorAll('.ql-question').forEach(q => {
        const first = q.querySelector('.ql-option input'); if (first) first.checked = true; })""")
    page.locator('[data-action="submit"]').click()
    confirm = page.locator('[data-action="confirm-submit"]')
    if confirm.count() and confirm.is_visible():
        confirm.click()
    assert page.locator(".ql-question[data-result=wrong]").count() > 0
    assert page.locator(".ql-question[data-result=correct]").count() > 0
    assert violations(page) == []
    page.locator('[data-action="retry-wrong"]').click()
    assert violations(page) == []


def test_amended_policy_with_labels_meets_aa(page, tmp_path):
    site = build_site(tmp_path, {"course.yml": MINIMAL_COURSE, "policies/amended.yml": AMENDED})
    page.goto((site / "policies" / "amended.html").as_uri() + "#1")
    assert violations(page) == []
