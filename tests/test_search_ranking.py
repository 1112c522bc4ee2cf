"""Search through Material's real search box in Chromium: ranking, what is never indexed, no markup injection."""

import json
from urllib.parse import unquote, urlsplit

import pytest

from generator.search.index import build_index, extract_sections, page_kind

from .conftest import build_site, type_search

pytestmark = pytest.mark.browser

COURSE = """
title: 测试课程
organization: 某县教育局
glossary:
  - term: 有偿补课
    definition: 教师向学生收取费用的课外补习。师德失范行为处分由管理办公室处理并按办法执行。
"""

CONDUCT = """
id: conduct-rules
title: 师德失范行为处理办法
issuers: [教育部]
issued: 2018-11-08
provisions:
  - number: 一
    title: 适用范围
    text: 本办法适用于各级各类学校教师。
  - number: 十
    title: 规范从教行为
    text: 不得组织、参与有偿补课。
"""

GUIDE = """
id: handling-guide
title: 某县教师管理工作指引
issuers: [某县教育局]
issued: 2020-03-01
provisions:
  - number: 一
    title: 师德失范行为处理办法的适用
    text: 各校按程序办理。
"""

CAMPAIGN = """
id: special-campaign
title: 某县教科局关于开展中小学有偿补课和教师违规收受礼品礼金问题专项整治工作方案
short_title: 有偿补课专项整治方案
issuers: [某县教科局]
issued: 2021-06-01
provisions:
  - number: 一
    title: 工作目标
    text: 坚决遏制违规收受礼品礼金行为。
"""

CASE = """
id: paid-tutoring
title: 某县某中学教师张某组织有偿补课问题
date: 2021-05
categories: [有偿补课]
fictional: true
facts: 张某在校外租用民房，组织本班学生补课并收费。
violations: [conduct-rules#10]
handling: 给予张某党内警告处分。
"""

HOSTILE_TITLE = '某校<img src=x onerror="window.__pwned=1">李某 &amp; 王某 a<b 问题'

HOSTILE_CASE = """
id: hostile-case
title: '某校<img src=x onerror="window.__pwned=1">李某 &amp; 王某 a<b 问题'
date: 2022-01
categories: [收受礼品礼金]
fictional: true
facts: 李某收受购物卡。
violations: [special-campaign#1]
handling: 退还购物卡。
"""

LESSON = """
id: lesson-tutoring
title: 守住课堂，拒绝有偿补课
duration: 30
objectives: [知晓有偿补课的禁止性规定]
cases: [paid-tutoring]
agenda:
  - {minutes: 10, activity: 导入, notes: 主持人悄悄提醒：不点名。}
  - {minutes: 20, activity: 案例研读, cases: [paid-tutoring]}
quiz: quiz-tutoring
"""

QUIZ = """
id: quiz-tutoring
title: 有偿补课专项整治方案自测
questions:
  - id: q01
    type: fill
    stem: 学校为每位教师建立____。
    answer: [廉洁镜鉴册]
    explanation: 解析里才有的独门说法。
  - id: q02
    type: single
    stem: 教师可以组织有偿补课吗？
    options: [可以, 不可以]
    answer: B
"""


NAMED_QUIZ = """
id: quiz-named
title: 专项整治
questions:
  - id: q01
    type: judge
    stem: 学校应建立长效机制。
    answer: true
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(
        tmp_path_factory.mktemp("search_ranking"),
        {
            "course.yml": COURSE,
            "policies/conduct.yml": CONDUCT,
            "policies/guide.yml": GUIDE,
            "policies/campaign.yml": CAMPAIGN,
            "cases/paid.yml": CASE,
            "cases/hostile.yml": HOSTILE_CASE,
            "lessons/lesson.yml": LESSON,
            "quizzes/quiz.yml": QUIZ,
            "quizzes/named.yml": NAMED_QUIZ,
        },
    )


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    yield page
    context.close()


def result_pages(page, site) -> list[str]:
    """The page of each result group, in order, as a path inside the site (policies/x.html)."""
    hrefs = page.eval_on_selector_all(".md-search-result__item", "items => items.map(i => i.querySelector('a').href)")
    root = unquote(urlsplit(site.as_uri()).path).rstrip("/") + "/"
    return [unquote(urlsplit(href).path).removeprefix(root) for href in hrefs]


def clear(page) -> None:
    """Empty the search box: it then shows the placeholder type_search waits for."""
    box = page.locator("input.md-search__input")
    if box.is_visible():
        box.fill("")
        box.press("End")


def search(page, site, query: str) -> list[str]:
    clear(page)
    type_search(page, query)
    page.wait_for_timeout(100)  # Material renders the list in one go once the worker answers
    return result_pages(page, site)


def search_nothing(page, query: str) -> None:
    """Type a query that must find nothing, after a query that finds something (so search is ready)."""
    clear(page)
    type_search(page, "有偿补课")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material reads the box on key events, as when a person types
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent === '没有找到符合条件的结果'",
        timeout=15000,
    )
    assert page.locator(".md-search-result__item").count() == 0


def test_short_title_puts_its_policy_first(page, site):
    found = search(page, site, "有偿补课专项整治方案")
    assert found[0] == "policies/special-campaign.html"
    # The quiz only has it inside its title; the policy is known by it.
    assert found.index("quizzes/quiz-tutoring.html") == 1


def test_a_query_inside_a_policy_title_beats_a_page_titled_exactly_that(page, site):
    found = search(page, site, "专项整治")
    assert found[:2] == ["policies/special-campaign.html", "quizzes/quiz-named.html"]


def test_title_matches_rank_by_kind_policy_case_lesson_quiz(page, site):
    found = search(page, site, "有偿补课")
    assert found[:4] == [
        "policies/special-campaign.html",
        "cases/paid-tutoring.html",
        "lessons/lesson-tutoring.html",
        "quizzes/quiz-tutoring.html",
    ]
    assert found.index("glossary.html") > 3


def test_exact_title_then_heading_then_text_then_scattered(page, site):
    found = search(page, site, "师德失范行为处理办法")
    assert found[:3] == ["policies/conduct-rules.html", "policies/handling-guide.html", "cases/paid-tutoring.html"]
    # The glossary has it only as scattered pieces: after every page that has it side by side.
    assert found[-1] == "glossary.html"


def test_a_case_title_puts_the_case_before_the_lesson_quoting_it(page, site):
    for query in ("某县某中学教师张某组织有偿补课问题", "张某组织有偿补课"):
        found = search(page, site, query)
        assert found[:2] == ["cases/paid-tutoring.html", "lessons/lesson-tutoring.html"], query


def test_answers_trainer_notes_and_forms_are_not_searchable(page, site):
    search_nothing(page, "廉洁镜鉴册")  # a fill answer: only the key page has it
    search_nothing(page, "独门说法")  # an explanation: only the key (and hidden feedback) has it
    search_nothing(page, "主持人悄悄提醒")  # a trainer note
    search_nothing(page, "郑重承诺")  # the 承诺书 form
    for query in ("签到表", "试卷", "答案与解析", "有偿补课专项整治方案自测"):
        found = search(page, site, query)
        assert not [
            p for p in found if p.endswith(("/key.html", "/paper.html", "/sign-in.html", "/commitment.html"))
        ], query


def test_titles_show_as_text_and_inject_nothing(page, site):
    for query in ("李某", "&amp;", "a<b", "<img"):
        found = search(page, site, query)
        assert found[0] == "cases/hostile-case.html", query
        results = page.locator(".md-search-result")
        assert results.locator("img").count() == 0
        assert HOSTILE_TITLE in page.locator(".md-search-result__item").first.locator("h1").inner_text()
        markup = results.inner_html()
        assert "&amp;lt;" not in markup and "&amp;#" not in markup and "&amp;amp;amp;" not in markup
    assert page.evaluate("window.__pwned") is None


def test_index_holds_page_titles_kinds_and_no_trainer_notes(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["qinglian"]
    pages = {url: (title, kind) for url, title, kind in index["pages"]}
    assert pages["cases/hostile-case.html"] == (HOSTILE_TITLE, "case")
    assert pages["policies/special-campaign.html"][1] == "policy"
    assert pages["glossary.html"][1] == "glossary" and pages["policies/index.html"][1] == "index"
    assert not [url for url in pages if url.endswith(("/key.html", "/paper.html", "/sign-in.html", "/commitment.html"))]
    own = {index["pages"][row[0]][0]: row[2] for row in index["sections"] if not row[1]}
    assert own["policies/special-campaign.html"].split("\n") == [
        "某县教科局关于开展中小学有偿补课和教师违规收受礼品礼金问题专项整治工作方案",
        "有偿补课专项整治方案",
    ]
    text = json.dumps(index, ensure_ascii=False)
    assert "悄悄提醒" not in text and "廉洁镜鉴册" not in text and "独门说法" not in text


def test_trainer_notes_are_left_out_of_sections():
    html = (
        '<h1>课</h1><ol><li><strong>导入</strong><div class="ql-trainer-note"><p><strong>培训者提示</strong>'
        "　<em>不点名</em></p><div><p>嵌套</p></div></div>之后</li></ol>"
    )
    sections = extract_sections(html, "课")
    assert [(s.anchor, s.text) for s in sections] == [(None, "课 导入 之后")]


def test_page_kinds_follow_the_site_paths():
    assert [
        page_kind(p, True)
        for p in (
            "policies/a.md",
            "policies/index.md",
            "cases/b.md",
            "lessons/c.md",
            "quizzes/d.md",
            "glossary.md",
            "responsibilities.md",
            "responsibilities/x.md",
            "index.md",
        )
    ] == ["policy", "index", "case", "lesson", "quiz", "glossary", "index", "index", "index"]
    assert page_kind("policies/handwritten.md", False) == "other" and page_kind("index.md", False) == "index"


def test_old_style_page_tuples_still_build():
    index = build_index([("a.html", "方案", extract_sections("<p>正文</p>", "方案"))], {})
    assert index["config"]["qinglian"]["pages"] == [["a.html", "方案", "other"]]
    assert index["config"]["qinglian"]["sections"] == [[0, "", "方案", "正文"]]
