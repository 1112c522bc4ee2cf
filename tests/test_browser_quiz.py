"""The quiz page's real script in Chromium: grading of every type, memory, retry, shuffle, no XSS."""

import pytest

from .conftest import build_site
from .fixtures import quiz_course

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("quiz_site"), quiz_course())


@pytest.fixture
def page(browser, quiz_site):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto((quiz_site / "quizzes" / "quiz-ten.html").as_uri())
    yield page
    context.close()


def q(page, qid):
    return page.locator(f'[data-question-id="{qid}"]')


def answer_all_right(page):
    q(page, "q01").locator('input[value="B"]').check()
    q(page, "q02").locator('input[value="A"]').check()
    q(page, "q02").locator('input[value="B"]').check()
    q(page, "q03").locator('input[value="false"]').check()
    blanks = q(page, "q04").locator("input.ql-blank")
    blanks.nth(0).fill(" 有偿 ")
    blanks.nth(1).fill("一票否决制")
    q(page, "q05").locator('input[value="A"]').check()


def submit(page):
    page.locator('[data-action="submit"]').click()
    if page.locator('[data-action="confirm-submit"]').is_visible():
        page.locator('[data-action="confirm-submit"]').click()
    return int(page.locator("[data-score]").get_attribute("data-score"))


def results(page):
    return {qid: q(page, qid).get_attribute("data-result") for qid in ["q01", "q02", "q03", "q04", "q05"]}


def test_all_right_from_file_url(page):
    answer_all_right(page)
    assert submit(page) == 100
    assert set(results(page).values()) == {"correct"}
    assert "及格" in page.locator(".ql-quiz-result").inner_text()
    assert [u for u in page.requests if not u.startswith("file://")] == []


def test_grading_of_each_type(page):
    answer_all_right(page)
    q(page, "q01").locator('input[value="A"]').check()  # single wrong
    q(page, "q02").locator('input[value="B"]').uncheck()  # multiple partial: only right options, not all
    q(page, "q03").locator('input[value="true"]').check()  # judge wrong
    blanks = q(page, "q04").locator("input.ql-blank")
    blanks.nth(0).fill("有償")  # traditional form is not accepted
    blanks.nth(1).fill("一票否决")  # an accepted alternative
    # 0 + 0.5 + 0 + 0.5 + 1 = 2 of 5
    assert submit(page) == 40
    assert results(page) == {"q01": "wrong", "q02": "wrong", "q03": "wrong", "q04": "wrong", "q05": "correct"}
    assert q(page, "q02").get_attribute("data-partial") == "true"
    verdict = q(page, "q01").locator(".ql-q-verdict").inner_text()
    assert "正确答案：B．组织有偿补课" in verdict
    assert "不得组织、参与有偿补课" in q(page, "q01").locator(".ql-q-feedback").inner_text()
    assert q(page, "q01").locator("a.ql-cite").get_attribute("title") == "不得组织、参与有偿补课。"
    assert "未及格" in page.locator(".ql-quiz-result").inner_text()


def test_multiple_with_a_wrong_option_scores_nothing_and_fill_is_width_insensitive(page):
    answer_all_right(page)
    q(page, "q02").locator('input[value="C"]').check()
    blanks = q(page, "q04").locator("input.ql-blank")
    blanks.nth(0).fill("有偿")
    blanks.nth(1).fill("一票否决制　")  # full-width space
    q(page, "q05").locator('input[value="A"]').check()
    assert submit(page) == 80
    assert q(page, "q02").get_attribute("data-result") == "wrong"
    assert q(page, "q02").get_attribute("data-partial") is None


def test_full_width_latin_and_digits_match(browser, tmp_path):
    site = build_site(
        tmp_path,
        {
            "course.yml": "title: 课程\norganization: 某县\n",
            "policies/p.yml": "id: p\ntitle: 方案\nissuers: [某县]\nissued: 2021\nprovisions: [{text: 条文}]\n",
            "quizzes/w.yml": "id: w\ntitle: 宽窄\nquestions:\n  - {id: q1, type: fill, stem: 学时不少于____学时，代号____。, answer: [16, ABC]}\n",
        },
    )
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "quizzes" / "w.html").as_uri())
    blanks = page.locator("input.ql-blank")
    blanks.nth(0).fill("１６")
    blanks.nth(1).fill("ａｂｃ")
    assert submit(page) == 100
    context.close()


def test_answers_survive_a_reload_and_best_score_is_kept(page):
    answer_all_right(page)
    page.reload()
    assert q(page, "q01").locator('input[value="B"]').is_checked()
    assert q(page, "q04").locator("input.ql-blank").nth(1).input_value() == "一票否决制"
    assert submit(page) == 100
    page.reload()
    assert "100" in page.locator(".ql-quiz-status").inner_text()


def test_retry_only_the_wrong_ones(page):
    answer_all_right(page)
    q(page, "q03").locator('input[value="true"]').check()
    assert submit(page) == 80
    page.locator('[data-action="retry-wrong"]').click()
    assert q(page, "q01").is_hidden() and q(page, "q03").is_visible()
    assert not q(page, "q03").locator('input[value="true"]').is_checked()
    q(page, "q03").locator('input[value="false"]').check()
    assert submit(page) == 100


def test_keyboard_operable(page):
    page.locator('[data-question-id="q01"] input[value="A"]').focus()
    page.keyboard.press("ArrowDown")
    assert q(page, "q01").locator('input[value="B"]').is_checked()
    page.locator('[data-action="submit"]').focus()
    page.keyboard.press("Enter")
    # Four questions are unanswered: the in-page confirmation takes the focus, Enter confirms.
    assert page.evaluate("document.activeElement.dataset.action") == "confirm-submit"
    page.keyboard.press("Enter")
    assert page.locator("[data-score]").get_attribute("data-score") == "20"


def test_hostile_stem_runs_nothing_and_answers_are_not_in_the_source(page, quiz_site):
    assert page.evaluate("window.__pwned === undefined")
    assert "</script><script>window.__pwned = 5</script>" in q(page, "q05").inner_text()
    source = (quiz_site / "quizzes" / "quiz-ten.html").read_text(encoding="utf-8")
    assert "一票否决制" not in source  # fill answers live only in the encoded key
    key_attr = page.locator(".ql-quiz").get_attribute("data-key")
    assert "一票否决" not in key_attr and '"B"' not in key_attr


def test_shuffle_keeps_answers_right(browser, quiz_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((quiz_site / "quizzes" / "quiz-shuffled.html").as_uri())
    order = page.eval_on_selector_all(".ql-question", "els => els.map(e => e.dataset.questionId)")
    letters = page.eval_on_selector_all('[data-question-id="q01"] .ql-option input', "els => els.map(e => e.value)")
    answer_all_right(page)
    assert submit(page) == 100
    page.reload()  # the order is kept across a reload
    assert page.eval_on_selector_all(".ql-question", "els => els.map(e => e.dataset.questionId)") == order
    assert (
        page.eval_on_selector_all('[data-question-id="q01"] .ql-option input', "els => els.map(e => e.value)")
        == letters
    )
    numbers = page.eval_on_selector_all(".ql-q-no", "els => els.map(e => e.textContent)")
    assert numbers == ["1", "2", "3", "4", "5"]
    context.close()


def test_lesson_links_its_quiz(browser, quiz_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((quiz_site / "lessons" / "lesson-paid-tutoring.html").as_uri())
    page.get_by_role("link", name="十项准则自测").click()
    assert page.url.endswith("quizzes/quiz-ten.html")
    context.close()


def test_retry_control_is_hidden_until_a_submission_with_a_wrong_answer(page):
    retry = page.locator('[data-action="retry-wrong"]')
    assert retry.is_hidden()
    assert retry.evaluate("b => getComputedStyle(b).display") == "none"
    # Even if something clicks it on a fresh quiz, no question disappears.
    retry.evaluate("b => b.click()")
    assert page.locator(".ql-question:visible").count() == 5
    answer_all_right(page)
    assert submit(page) == 100
    assert retry.is_hidden()
    q(page, "q02").locator('input[value="C"]').check()
    q(page, "q05").locator('input[value="B"]').check()
    assert submit(page) == 60
    assert retry.is_visible()
    retry.click()
    visible = page.eval_on_selector_all(
        ".ql-question", "els => els.filter(e => !e.hidden && e.offsetParent).map(e => e.dataset.questionId)"
    )
    assert visible == ["q02", "q05"]
    assert retry.is_hidden()


def test_unanswered_questions_ask_for_confirmation(page):
    q(page, "q01").locator('input[value="B"]').check()
    q(page, "q04").locator("input.ql-blank").nth(0).fill("有偿")  # one blank of two is still unanswered
    page.locator('[data-action="submit"]').click()
    box = page.locator(".ql-quiz-confirm")
    assert box.is_visible()
    assert (
        box.locator(".ql-quiz-confirm__text").inner_text()
        == "还有 4 题未作答（第 2、3、4、5 题），未作答的题目按答错计分。确定现在提交吗？"
    )
    assert page.locator("[data-score]").get_attribute("data-score") == ""
    page.get_by_role("button", name="继续作答").click()
    assert box.is_hidden()
    assert page.evaluate("document.activeElement.closest('.ql-question').dataset.questionId") == "q02"
    assert page.locator("[data-score]").get_attribute("data-score") == ""
    page.locator('[data-action="submit"]').click()
    page.get_by_role("button", name="仍然提交").click()
    assert box.is_hidden()
    assert page.locator("[data-score]").get_attribute("data-score") == "30"
    page.reload()
    assert page.locator(".ql-quiz-status").inner_text() == "你的最好成绩：30 分。"


def test_an_empty_attempt_is_never_graded_or_remembered(page):
    page.locator('[data-action="submit"]').click()
    box = page.locator(".ql-quiz-confirm")
    assert box.locator(".ql-quiz-confirm__text").inner_text() == "你还没有作答任何题目，请先作答再提交。"
    assert page.get_by_role("button", name="仍然提交").is_hidden()
    assert page.locator(".ql-quiz-result").is_hidden()
    assert page.locator("[data-score]").get_attribute("data-score") == ""
    assert page.evaluate("JSON.parse(localStorage.getItem('qinglian.quiz.quiz-ten') || '{}').best") is None
    # A real attempt is remembered; emptying the answers and submitting again changes nothing.
    answer_all_right(page)
    q(page, "q03").locator('input[value="true"]').check()
    assert submit(page) == 80
    page.locator('[data-action="reset"]').click()
    page.locator('[data-action="submit"]').click()
    assert page.locator(".ql-quiz-result").is_hidden()
    page.reload()
    assert page.locator(".ql-quiz-status").inner_text() == "你的最好成绩：80 分。"
