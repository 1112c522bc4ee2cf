"""Glossary tooltips in Chromium: rendered text (citations named, no Markdown), and usable by touch."""

import pytest

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY, build_site

pytestmark = pytest.mark.browser

COURSE = (
    MINIMAL_COURSE
    + """
glossary:
  - term: 有偿补课
    definition: 违反 [[ten-standards-2018#10]] 的**课外补习**，见 [[ten-standards-2018]]、`代码` 与 _强调_ 和 [链接](https://example.org)。
    aliases: [有偿家教]
  - term: 一岗双责
    definition: '既抓业务又抓廉政 </script><script>window.__pwned = 1</script>'
"""
)

CASE = """
id: tutoring
title: 某校教师有偿补课问题
date: 2021-05
categories: [有偿补课]
fictional: true
facts: 张某组织有偿补课，学校落实一岗双责。这一段文字较长，用来在手机上留出可以轻点的空白区域。
violations: [ten-standards-2018#10]
handling: 警告。
"""

TIP = "有偿补课：违反 《十项准则》第十项 规范从教行为 的课外补习，见 《新时代中小学教师职业行为十项准则》、代码 与 强调 和 链接。"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(
        tmp_path_factory.mktemp("glossary"),
        {"course.yml": COURSE, "policies/ten.yml": MINIMAL_POLICY, "cases/tutoring.yml": CASE},
    )


def test_tooltip_shows_rendered_text_on_hover(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / "cases" / "tutoring.html").as_uri())
    term = page.locator("abbr.ql-term", has_text="有偿补课").first
    term.hover()
    tip = page.locator(".ql-term-tip")
    assert tip.is_visible()
    assert tip.inner_text() == TIP
    page.mouse.move(5, 890)
    assert tip.is_hidden()
    page.locator("abbr.ql-term", has_text="一岗双责").first.hover()
    assert tip.inner_text() == "一岗双责：既抓业务又抓廉政 </script><script>window.__pwned = 1</script>"
    assert page.evaluate("window.__pwned === undefined")
    context.close()


def test_tap_opens_and_tap_elsewhere_closes(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto((site / "cases" / "tutoring.html").as_uri())
    term = page.locator("abbr.ql-term", has_text="有偿补课").first
    tip = page.locator(".ql-term-tip")
    term.tap()
    assert tip.is_visible()
    assert tip.inner_text() == TIP
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert term.get_attribute("aria-expanded") == "true"
    # A tap on plain text elsewhere closes it.
    page.locator("#handling + *").tap()
    assert tip.is_hidden()
    # Tapping the term twice opens and closes it; another term moves the tip.
    term.tap()
    assert tip.is_visible()
    term.tap()
    assert tip.is_hidden()
    page.locator("abbr.ql-term", has_text="一岗双责").first.tap()
    assert tip.inner_text().startswith("一岗双责：")
    context.close()


def test_keyboard_opens_and_escape_closes(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "cases" / "tutoring.html").as_uri())
    page.locator("abbr.ql-term", has_text="有偿补课").first.focus()
    tip = page.locator(".ql-term-tip")
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    context.close()


def test_glossary_page_definitions_name_citations(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "glossary.html").as_uri())
    assert "《十项准则》第十项 规范从教行为" in page.locator(".md-content").inner_text()
    assert "[[" not in page.locator(".md-content").inner_text()
    context.close()
