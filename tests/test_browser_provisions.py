"""Copy-link and copy-citation controls in Chromium: on their own provision's line, copying its own text."""

import pytest

from .conftest import MINIMAL_COURSE, build_site

pytestmark = pytest.mark.browser

# Headings that follow headings, Markdown and quotes in titles, a div-level provision, both numbering styles.
PLAN = """
id: plan
title: 某县清廉学校建设实施方案
short_title: 方案
issuers: [某县教育局]
issued: 2021-09
provisions:
  - number: 一
    title: 总则 **重点** 与 `代码`
    provisions:
      - number: （一）
        title: 'A "引号" 与 {#x .y} 以及 \\ 反斜杠'
        provisions:
          - number: "1."
            title: 压实责任
            text: 细则正文。
          - number: "2."
            text: 没有标题的条款，正文较长，用来检查按钮是否留在本条款的框内而不漂到下一条。
  - number: 二
    title: 组织实施
    provisions:
      - title: 没有编号的小节
        provisions:
          - number: "1"
            title: 编号在无编号小节之下
"""

RULES = """
id: rules
title: 某校教师管理条例
short_title: 条例
issuers: [某校]
issued: 2020
provisions:
  - number: 第一章
    title: 总则
    provisions:
      - number: 第三条
        title: 目的
        provisions:
          - number: （一）
            title: 细则
            provisions:
              - number: "1."
                text: 第一目的正文。
"""

EXPECTED = {
    ("plan", "1"): "《方案》第一项 总则 **重点** 与 `代码`",
    ("plan", "1.1"): '《方案》一（一） A "引号" 与 {#x .y} 以及 \\ 反斜杠',
    ("plan", "1.1.1"): "《方案》一（一）1. 压实责任",
    ("plan", "1.1.2"): "《方案》一（一）2.",
    ("plan", "2"): "《方案》第二项 组织实施",
    ("plan", "2.1"): "《方案》二 没有编号的小节",
    ("plan", "2.1.1"): "《方案》二“没有编号的小节”1. 编号在无编号小节之下",
    ("rules", "1"): "《条例》第一章 总则",
    ("rules", "1.3"): "《条例》第三条 目的",
    ("rules", "1.3.1"): "《条例》第三条第（一）项 细则",
    ("rules", "1.3.1.1"): "《条例》第三条第（一）项第1目",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(
        tmp_path_factory.mktemp("provisions"),
        {"course.yml": MINIMAL_COURSE, "policies/plan.yml": PLAN, "policies/rules.yml": RULES},
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_copy_controls_sit_on_their_own_provision(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for policy in ("plan", "rules"):
        page.goto((site / "policies" / f"{policy}.html").as_uri())
        anchors = [a for (p, a) in EXPECTED if p == policy]
        # Every anchor survives, whatever the title holds.
        assert page.eval_on_selector_all(".ql-prov[id]", "els => els.map(e => e.id)") == anchors
        for anchor in anchors:
            element = page.locator(f'[id="{anchor}"]')
            controls = page.locator(f'.ql-tool[data-copy-for="{anchor}"]')
            assert controls.count() == 2, anchor
            box = element.bounding_box()
            for i in range(2):
                assert controls.nth(i).evaluate("(b, el) => el.contains(b)", element.element_handle()), anchor
                control = controls.nth(i).bounding_box()
                assert (
                    box["y"] - 1 <= control["y"] and control["y"] + control["height"] <= box["y"] + box["height"] + 1
                ), (anchor, box, control)
                assert (
                    box["x"] - 1 <= control["x"] and control["x"] + control["width"] <= box["x"] + box["width"] + 1
                ), (anchor, box, control)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_each_control_copies_its_own_provision(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    for policy in ("plan", "rules"):
        url = (site / "policies" / f"{policy}.html").as_uri()
        page.goto(url)
        for (p, anchor), citation in EXPECTED.items():
            if p != policy:
                continue
            tools = page.locator(f'[id="{anchor}"] > .ql-tools')
            tools.get_by_role("button", name="复制引用").click()
            assert page.evaluate("navigator.clipboard.readText()") == citation
            tools.get_by_role("button", name="复制链接").click()
            assert page.evaluate("navigator.clipboard.readText()") == f"{url}#{anchor}"
    context.close()
