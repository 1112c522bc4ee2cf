"""The 责任清单: one table per responsible unit, aliases merged, deadlines without a unit listed."""

import json

import lxml.html
import pytest

from generator.content.loader import load_course
from generator.pages.paths import RESPONSIBILITIES
from generator.pages.site import generate

from ..conftest import MINIMAL_COURSE, MINIMAL_POLICY, build_site, write_course

HEADER = '<div class="ql-duties" markdown>\n\n| 条款 | 任务 | 时限 | 政策 | 状态 |\n| --- | --- | --- | --- | --- |\n'

PLAN = """
id: plan-2021
title: 某县清廉学校建设实施方案
short_title: 某县方案
issuers: [某县教育局]
issued: 2021-09-24
status: amended
provisions:
  - number: 一、
    title: 压实责任
    text: 落实 [[ten-standards-2018#10]] 的**要求**，见[通知](javascript:alert(1))。
    responsible: [县教育局办公室]
    deadline: 2022-03
  - number: 二、
    text: |
      - 建立台账，`逐项`销号；
      - 每季度报告一次进展情况，确保各项整改任务按期完成，不留死角，不走过场，持续巩固整改成效，并将整改结果向全体教职工公开。
    responsible: [办公室]
    deadline: 2021年7月至2022年3月
  - number: 三、
    title: 两种写法
    responsible: [办公室, 县教育局办公室]
  - number: 四、
    title: 只有时限
    deadline: 2022-06-30
  - number: 五、
    title: 没有时限也没有单位
"""

ALIASES = MINIMAL_COURSE + "units: {办公室: 县教育局办公室}\n"


def _load(tmp_path, files):
    result = load_course(write_course(tmp_path / "course", files))
    assert result.ok, [p.format() for p in result.problems]
    return result.course


def _pages(tmp_path, files):
    return generate(_load(tmp_path, files)).pages


def _section(page: str, heading: str) -> str:
    start = page.index(f"## {heading} ")
    end = page.find("\n## ", start + 1)
    return page[start:] if end < 0 else page[start:end]


def test_each_unit_is_a_table_of_label_task_deadline_policy_status(tmp_path):
    page = _pages(tmp_path, {"course.yml": ALIASES, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN})[
        RESPONSIBILITIES
    ]
    office = _section(page, "县教育局办公室")
    assert office.startswith(
        "## 县教育局办公室 {#unit-xian-jiao-yu-ju-ban-gong-shi}\n\n共 3 项（又作：办公室）。\n\n" + HEADER
    )
    rows = office.split("\n")[8:]
    assert rows[3:] == ["", "</div>", ""]
    status = '<span class="ql-status ql-status--amended">已修订</span>'
    policy = "[《某县方案》](policies/plan-2021.md)"
    # The task is plain text: citations named, emphasis and link syntax gone, script links dropped.
    assert rows[0] == (
        f"| [第一项](policies/plan-2021.md#1) | **压实责任**　落实 《十项准则》第十项 规范从教行为 的要求，见通知。"
        f" | 2022年3月 | {policy} | {status} |"
    )
    # List markers and code marks are dropped; a long text is cut with an ellipsis.
    assert rows[1] == (
        "| [第二项](policies/plan-2021.md#2) | 建立台账，逐项销号； 每季度报告一次进展情况，确保各项整改任务按期完成，"
        f"不留死角，不走过场，持续巩固整改成效，并将整改… | 2021年7月至2022年3月 | {policy} | {status} |"
    )
    assert rows[2] == f"| [第三项](policies/plan-2021.md#3) | **两种写法** | — | {policy} | {status} |"


def test_overview_links_every_unit_with_its_count(tmp_path):
    page = _pages(tmp_path, {"course.yml": ALIASES, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN})[
        RESPONSIBILITIES
    ]
    # A provision listed under two units is counted once.
    assert (
        "\n共 4 项条款：[县教育局办公室](#unit-xian-jiao-yu-ju-ban-gong-shi)（3）、[未明确责任单位](#unassigned)（1）。\n"
        in page
    )


def test_aliases_merge_units_and_policy_chips_link_to_the_canonical_unit(tmp_path):
    pages = _pages(tmp_path, {"course.yml": ALIASES, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN})
    assert "## 办公室 " not in pages[RESPONSIBILITIES]
    policy = pages["policies/plan-2021.md"]
    for name in ("办公室", "县教育局办公室"):
        assert (
            f"[{name}](../responsibilities.md#unit-xian-jiao-yu-ju-ban-gong-shi){{ .ql-label .ql-label--unit }}"
            in policy
        )


def test_without_a_map_both_spellings_stay_apart(tmp_path):
    page = _pages(
        tmp_path, {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN}
    )[RESPONSIBILITIES]
    assert "共 2 项。" in _section(page, "办公室") and "共 2 项。" in _section(page, "县教育局办公室")


def test_deadline_without_a_unit_is_listed_last(tmp_path):
    page = _pages(tmp_path, {"course.yml": ALIASES, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN})[
        RESPONSIBILITIES
    ]
    headings = [line for line in page.split("\n") if line.startswith("## ")]
    assert headings == ["## 县教育局办公室 {#unit-xian-jiao-yu-ju-ban-gong-shi}", "## 未明确责任单位 {#unassigned}"]
    unassigned = _section(page, "未明确责任单位")
    assert "共 1 项。以下条款规定了时限，但没有标注责任单位，请在督查中明确责任主体。" in unassigned
    assert "| [第四项](policies/plan-2021.md#4) | **只有时限** | 2022年6月30日 |" in unassigned
    assert "没有时限也没有单位" not in page


def test_a_unit_literally_named_like_the_unassigned_group_stays_apart(tmp_path):
    plan = PLAN.replace("responsible: [办公室]", "responsible: [未明确责任单位]")
    page = _pages(
        tmp_path, {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": plan}
    )[RESPONSIBILITIES]
    headings = [line for line in page.split("\n") if line.startswith("## ")]
    assert "## 未明确责任单位 {#unit-wei-ming-que-ze-ren-dan-wei}" in headings
    assert headings[-1] == "## 未明确责任单位 {#unassigned}"


def test_no_units_and_no_deadlines(tmp_path):
    page = _pages(tmp_path, {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})[RESPONSIBILITIES]
    assert page.endswith("课程中的政策文件尚未标注责任单位或时限。\n")


def test_alias_chains_resolve_and_self_aliases_are_harmless(tmp_path):
    course = MINIMAL_COURSE + "units: {办公室: 局办公室, 局办公室: 县教育局办公室, 县教育局办公室: 县教育局办公室}\n"
    pages = _pages(tmp_path, {"course.yml": course, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN})
    page = pages[RESPONSIBILITIES]
    assert (
        next(line for line in page.split("\n") if line.startswith("## "))
        == "## 县教育局办公室 {#unit-xian-jiao-yu-ju-ban-gong-shi}"
    )
    assert "共 3 项（又作：办公室）。" in page


def test_alias_cycles_and_blank_names_are_reported(tmp_path):
    course = MINIMAL_COURSE + 'units:\n  办公室: 局办公室\n  局办公室: 办公室\n  甲: 乙\n  " ": 丙\n'
    result = load_course(write_course(tmp_path / "course", {"course.yml": course, "policies/ten.yml": MINIMAL_POLICY}))
    assert not result.ok
    assert [p.format(result.course.root) for p in result.problems] == [
        "course.yml:4:3: 责任单位别名构成循环：办公室 → 局办公室 → 办公室，无法确定规范名称；请删去其中一项，让链条停在最终使用的名称上",
        "course.yml:7:3: units 中的别名不能为空白",
    ]


def test_cycle_still_renders_without_error(tmp_path):
    course = MINIMAL_COURSE + "units: {办公室: 县教育局办公室, 县教育局办公室: 办公室}\n"
    result = load_course(
        write_course(
            tmp_path / "course", {"course.yml": course, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN}
        )
    )
    page = generate(result.course).pages[RESPONSIBILITIES]
    assert "共 3 项（又作：县教育局办公室）。" in _section(page, "办公室")


def test_large_lists_split_into_unit_pages_with_the_same_table(tmp_path, monkeypatch):
    from generator.pages import units

    monkeypatch.setattr(units, "SPLIT_ABOVE", 1)
    pages = _pages(tmp_path, {"course.yml": ALIASES, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN})
    index = pages[RESPONSIBILITIES]
    assert index.split("| 责任单位 | 条款数 |\n| --- | --- |\n")[1] == (
        "| [县教育局办公室](responsibilities/unit-xian-jiao-yu-ju-ban-gong-shi.md) | 3 |\n"
        "| [未明确责任单位](responsibilities/unassigned.md) | 1 |\n"
    )
    unit = pages["responsibilities/unit-xian-jiao-yu-ju-ban-gong-shi.md"]
    assert unit.startswith(
        "# 责任清单：县教育局办公室\n\n[返回责任清单](../responsibilities.md)\n\n共 3 项（又作：办公室）。\n\n" + HEADER
    )
    assert unit.endswith("\n\n</div>\n")
    assert "| [第一项](../policies/plan-2021.md#1) |" in unit and "[《某县方案》](../policies/plan-2021.md)" in unit
    assert "| [第四项](../policies/plan-2021.md#4) | **只有时限** |" in pages["responsibilities/unassigned.md"]
    assert (
        "[办公室](../responsibilities/unit-xian-jiao-yu-ju-ban-gong-shi.md){ .ql-label .ql-label--unit }"
        in pages["policies/plan-2021.md"]
    )


HOSTILE_UNITS = [
    "甲|乙",
    "换行\n单位",
    "<b>粗</b>",
    "反斜杠\\",
    "*星号*",
    "{#evil} 单位",
    "`代码`",
    "[链接](http://x.cn)",
    "> 引用",
    "- 列表",
    "1. 编号",
    "&amp; 实体",
    "|",
    "\\|",
]

HOSTILE_POLICY = """
id: hostile
title: 恶意标题
short_title: "短|题*<i>x</i>\\\\"
issuers: [某县]
issued: 2021
provisions:
  - number: "1"
    title: "标题|含<i>斜体</i>\\\\*\\n第二行"
    text: "正文|竖线\\\\\\n> 引用 **粗** <script>x</script>"
    responsible: {units}
    deadline: "本月|底\\\\"
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    policy = HOSTILE_POLICY.replace("{units}", json.dumps(HOSTILE_UNITS, ensure_ascii=False))
    return build_site(tmp_path_factory.mktemp("hostile"), {"course.yml": MINIMAL_COURSE, "policies/h.yml": policy})


def test_hostile_names_and_titles_stay_text_in_the_table(hostile_site):
    doc = lxml.html.parse(str(hostile_site / "responsibilities.html")).getroot()
    article = doc.xpath("//article")[0]
    headings = [h.text_content().rstrip("¶").strip() for h in article.xpath(".//h2")]
    assert sorted(headings) == sorted(" ".join(u.split()) for u in HOSTILE_UNITS)
    tables = article.xpath(".//table")
    assert len(tables) == len(HOSTILE_UNITS)
    assert not article.xpath(".//script | .//b | .//i | .//blockquote | .//ul | .//ol | .//em | .//code")
    assert len(article.xpath(".//td/strong")) == len(article.xpath(".//strong")) == len(HOSTILE_UNITS)
    for table in tables:
        rows = [[c.text_content() for c in row.xpath("th | td")] for row in table.xpath(".//tr")]
        assert rows == [
            ["条款", "任务", "时限", "政策", "状态"],
            [
                "第1条",
                "标题|含<i>斜体</i>\\* 第二行　正文|竖线\\ 引用 粗 <script>x</script>",
                "本月|底\\",
                "《短|题*<i>x</i>\\》",
                "现行有效",
            ],
        ]
        link = table.xpath(".//td//a")[0].get("href")
        assert link == "policies/hostile.html#1"


def test_hostile_unit_chips_link_to_their_sections(hostile_site):
    doc = lxml.html.parse(str(hostile_site / "policies" / "hostile.html")).getroot()
    chips = doc.xpath("//a[contains(@class, 'ql-label--unit')]")
    assert len(chips) == len(HOSTILE_UNITS)
    page = lxml.html.parse(str(hostile_site / "responsibilities.html")).getroot()
    ids = {h.get("id"): h.text_content().rstrip("¶").strip() for h in page.xpath("//article//h2")}
    for chip in chips:
        href = chip.get("href")
        assert href.startswith("../responsibilities.html#")
        assert ids[href.split("#", 1)[1]] == " ".join(chip.text_content().split())


def test_on_a_phone_the_table_scrolls_in_its_own_box(browser, hostile_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((hostile_site / "responsibilities.html").as_uri())
        widths = page.evaluate("""() => {
            const table = document.querySelector('.ql-duties table');
            const box = table.closest('.md-typeset__scrollwrap');
            const task = table.querySelector('td:nth-child(2)');
            const em = parseFloat(getComputedStyle(task).fontSize);
            return {page: document.documentElement.scrollWidth, box: box.clientWidth,
                    table: box.scrollWidth, task: task.getBoundingClientRect().width / em};
        }""")
        assert widths["page"] <= 390  # the page itself never scrolls sideways
        assert widths["table"] > widths["box"]  # the table does, inside its box
        assert widths["task"] > 15  # so the task text keeps a readable line length (16em, less rounding)
    finally:
        page.close()
