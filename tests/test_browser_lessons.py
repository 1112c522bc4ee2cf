"""Chromium on cases and lessons: citations, hover text, filter, self-check memory, trainer notes, print, no XSS."""

import pytest

from .conftest import build_site
from .fixtures import lesson_course

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lesson_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("lesson_site"), lesson_course())


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def test_citation_lands_on_the_provision_and_hover_shows_text(context, lesson_site):
    page = context.new_page()
    page.goto((lesson_site / "cases" / "paid-tutoring-2021-01.html").as_uri())
    link = page.locator("#violations ~ .ql-quote a.ql-cite").first
    assert link.get_attribute("title") == "不得组织、参与有偿补课。"
    assert "不得组织、参与有偿补课。" in page.locator(".ql-quote").first.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("policies/ten-standards-2018.html#10")
    assert page.evaluate("document.querySelector(':target').id") == "10"
    assert page.locator('[id="10"]').is_visible()
    # The provision lists the case that cites it.
    assert page.get_by_role("link", name="某县某中学教师张某组织有偿补课问题").count() == 1


def test_case_library_filter_narrows_the_list(context, lesson_site):
    page = context.new_page()
    page.goto((lesson_site / "cases" / "index.html").as_uri())
    cards = page.locator(".ql-case-card")
    assert cards.count() == 2 and page.locator(".ql-case-card:visible").count() == 2
    page.select_option('select[data-filter="category"]', "有偿补课")
    assert page.locator(".ql-case-card:visible").count() == 1
    assert "张某" in page.locator(".ql-case-card:visible").inner_text()
    assert page.locator(".ql-filter__count").inner_text() == "显示 1 个案例"
    page.select_option('select[data-filter="stage"]', "初中")
    page.select_option('select[data-filter="category"]', "收受礼品礼金")
    assert page.locator(".ql-case-card:visible").count() == 0
    assert page.locator(".ql-filter__empty").is_visible()
    page.get_by_role("button", name="清除筛选").click()
    page.wait_for_timeout(50)
    assert page.locator(".ql-case-card:visible").count() == 2


def test_self_check_ticks_survive_a_reload_and_can_be_cleared(context, lesson_site):
    page = context.new_page()
    url = (lesson_site / "lessons" / "lesson-paid-tutoring.html").as_uri()
    page.goto(url)
    boxes = page.locator(".ql-self-check input[type=checkbox]")
    assert boxes.count() == 2
    boxes.nth(1).check()
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(2)] == [False, True]
    page.get_by_role("button", name="清除勾选").click()
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(2)] == [False, False]


def test_trainer_notes_hidden_for_teachers_shown_to_trainers(context, lesson_site):
    page = context.new_page()
    page.goto((lesson_site / "lessons" / "lesson-paid-tutoring.html").as_uri())
    note = page.locator(".ql-trainer-note").first
    assert "不点名" in note.inner_text() or note.count() == 1
    assert not note.is_visible()
    page.emulate_media(media="print")
    assert not note.is_visible()  # the participants' handout has no trainer notes
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-search").is_visible()
    page.emulate_media(media="screen")
    page.get_by_role("button", name="培训者视图").click()
    assert note.is_visible()
    page.reload()  # the choice of view is remembered
    assert note.is_visible()
    page.get_by_role("button", name="教师视图").click()
    assert not note.is_visible()


def test_glossary_terms_explain_themselves(context, lesson_site):
    page = context.new_page()
    page.goto((lesson_site / "cases" / "paid-tutoring-2021-01.html").as_uri())
    term = page.locator("abbr.ql-term").first
    assert term.inner_text() in ("有偿补课", "有偿家教")
    term.hover()
    assert page.locator(".ql-term-tip").is_visible()
    assert page.locator(".ql-term-tip").inner_text() == "有偿补课：教师向学生收取费用的课外补习。"


def test_hostile_text_is_shown_and_never_runs(context, lesson_site):
    page = context.new_page()
    for path in ["cases/hostile-2021-02.html", "lessons/lesson-paid-tutoring.html", "cases/index.html"]:
        page.goto((lesson_site / path).as_uri())
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwned === undefined"), path
    page.goto((lesson_site / "cases/hostile-2021-02.html").as_uri())
    assert "<script>window.__pwned = 1</script>" in page.locator("h1").inner_text()
    assert 'onerror="window.__pwned = 2"' in page.locator("#facts + .ql-md").inner_text()
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    page.get_by_text("点我").click()
    assert page.evaluate("window.__pwned === undefined")


def test_print_handout_pdf(context, lesson_site, tmp_path):
    page = context.new_page()
    page.goto((lesson_site / "lessons" / "lesson-paid-tutoring.html").as_uri())
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 2
