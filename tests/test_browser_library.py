"""The case library on a phone (390 px): filters usable, the clause × case matrix scrolls in its own box."""

import pytest

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY, build_site

pytestmark = pytest.mark.browser

LONG_CATEGORY = "违规参与校外培训机构有偿补课及为其招揽生源并从中收取介绍费用"


def case(n: int) -> str:
    category = LONG_CATEGORY if n % 2 else "收受礼品礼金"
    return f"""
id: case-{n:02d}
title: 某省某县某中学教师第{n}号案例标题比较长用于检查换行Averyveryverylongunbrokenlatinwordthatcouldwidenthepage{n}
date: 20{10 + n}-05
stage: {"初中" if n % 3 else "小学"}
categories: [{category}]
fictional: true
facts: 案情。
violations: [ten-standards-2018#{1 if n % 2 else 10}{", ten-standards-2018" if n % 5 == 0 else ""}]
handling: 处理。
penalties: [党内警告, 取消当年评优评先资格并调离教学岗位]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY}
    files.update({f"cases/c{n}.yml": case(n) for n in range(1, 13)})
    return build_site(tmp_path_factory.mktemp("library"), files)


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto((site / "cases" / "index.html").as_uri())
    yield page
    context.close()


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("document.body.scrollWidth") <= 390


def test_page_never_scrolls_sideways_and_filters_work(phone):
    no_sideways_scroll(phone)
    for name in ("category", "stage", "year"):
        select = phone.locator(f'select[data-filter="{name}"]')
        box = select.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, name
        assert box["height"] >= 30, name  # big enough to tap
    phone.select_option('select[data-filter="category"]', LONG_CATEGORY)
    no_sideways_scroll(phone)
    assert phone.locator(".ql-case-card:visible").count() == 6
    phone.select_option('select[data-filter="stage"]', "小学")
    assert phone.locator(".ql-case-card:visible").count() == 2
    assert phone.locator(".ql-filter__count").inner_text() == "显示 2 个案例"
    phone.get_by_role("button", name="清除筛选").tap()
    phone.wait_for_timeout(50)
    assert phone.locator(".ql-case-card:visible").count() == 12


def test_matrix_scrolls_in_its_own_box_with_a_sticky_clause_column(phone):
    table = phone.locator(".ql-matrix table")
    table.scroll_into_view_if_needed()
    scroller = table.evaluate_handle(
        "t => { let s = t.parentElement; while (s && getComputedStyle(s).overflowX === 'visible') s = s.parentElement; return s; }"
    )
    assert scroller.evaluate("s => s.closest('.ql-matrix') !== null")
    assert scroller.evaluate("s => s.scrollWidth > s.clientWidth")  # 14 columns do not fit: the box scrolls
    box = scroller.evaluate("s => { const r = s.getBoundingClientRect(); return [r.left, r.right]; }")
    assert box[0] >= 0 and box[1] <= 390
    first_cell = phone.locator(".ql-matrix tbody tr:first-child td:first-child")
    case_cell = phone.locator(".ql-matrix tbody tr:first-child td:nth-child(3)")
    before, case_before = first_cell.bounding_box(), case_cell.bounding_box()
    assert before["width"] >= 120  # the clause stays readable
    scroller.evaluate("s => { s.scrollLeft = 300; }")
    after, case_after = first_cell.bounding_box(), case_cell.bounding_box()
    assert abs(after["x"] - before["x"]) <= 2  # sticky (the table border may scroll away)
    assert case_after["x"] < case_before["x"] - 100  # the case columns moved under it
    # Cells behind the sticky column are covered, not shown through it.
    assert first_cell.evaluate("c => getComputedStyle(c).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    no_sideways_scroll(phone)
