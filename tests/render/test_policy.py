"""Golden Markdown for a policy page and the index pages. UPDATE_GOLDEN=1 rewrites the files."""

import os
from pathlib import Path

import pytest

from generator.content.loader import load_course
from generator.pages.paths import POLICY_INDEX, RESPONSIBILITIES
from generator.pages.site import generate

from ..conftest import MINIMAL_COURSE, MINIMAL_POLICY, write_course

GOLDEN = Path(__file__).resolve().parent.parent / "golden"

PLAN = """
id: county-plan-2021
title: 某县清廉学校建设实施方案
short_title: 某县实施方案
doc_number: 某教党〔2021〕9号
issuers: [中共某县纪委机关, 中共某县教育局党组]
issued: 2021-09-24
effective: 2021-10
status: amended
level: county
region: 某省某县
based_on: [ten-standards-2018, 宜昌市清廉学校建设实施方案]
source: {url: "https://example.gov.cn/plan.html", note: 某县教育局网站}
tags: [清廉学校]
summary: 围绕四个方面提出措施，落实 [[ten-standards-2018#10]]。
preamble: |
  各学区、集团、局属学校党组织：

  为加快推进清廉学校建设，特制定本方案。
provisions:
  - number: 三、
    title: 方法措施
    provisions:
      - number: （一）
        title: 建设清明政风
        provisions:
          - number: "1."
            title: 压实主体责任
            text: 压实各级党组织主体责任。<script>alert(1)</script>
            responsible: [县教育局党组, 各学校党组织]
            deadline: 2022-03-31
          - number: "2."
            text: 见[[ten-standards-2018]]，不得[点此](javascript:alert(1))。
            responsible: [各学校党组织]
            deadline: 2021年7月至2022年3月
            provisions:
              - number: （1）
                text: '细化措施 {: onclick="alert(1)"}'
"""


@pytest.fixture
def site(tmp_path):
    root = write_course(
        tmp_path / "course",
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "policies/plan.yml": PLAN,
        },
    )
    result = load_course(root)
    assert result.ok, [p.format() for p in result.problems]
    return generate(result.course)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_policy_page_golden(site):
    check_golden("policy-county-plan-2021.md", site.pages["policies/county-plan-2021.md"])


def test_policy_index_golden(site):
    check_golden("policies-index.md", site.pages[POLICY_INDEX])


def test_responsibilities_golden(site):
    check_golden("responsibilities.md", site.pages[RESPONSIBILITIES])


def test_raw_html_and_script_links_are_text(site):
    page = site.pages["policies/county-plan-2021.md"]
    assert "<script>" not in page and "&#60;script&#62;" in page
    assert "javascript:" not in page
    assert "&#123;&#58; onclick" in page  # shown as text, never an attribute list


def test_citation_link_names_the_provision(site):
    page = site.pages["policies/county-plan-2021.md"]
    assert (
        '<a class="ql-cite" href="ten-standards-2018.html#10" title="不得组织、参与有偿补课。">'
        "《十项准则》第十项 规范从教行为</a>"
    ) in page


def test_large_responsibility_list_gets_a_page_per_unit(tmp_path, monkeypatch):
    import generator.pages.units as units

    monkeypatch.setattr(units, "SPLIT_ABOVE", 1)
    root = write_course(
        tmp_path / "course",
        {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "policies/plan.yml": PLAN},
    )
    result = load_course(root)
    pages = generate(result.course).pages
    assert "| [各学校党组织](responsibilities/unit-ge-xue-xiao-dang-zu-zhi.md) | 2 |" in pages[RESPONSIBILITIES]
    unit = pages["responsibilities/unit-ge-xue-xiao-dang-zu-zhi.md"]
    assert unit.startswith("# 责任清单：各学校党组织") and "(../policies/county-plan-2021.md#3.1.1)" in unit
    assert (
        "[各学校党组织](../responsibilities/unit-ge-xue-xiao-dang-zu-zhi.md){ .ql-label .ql-label--unit }"
        in pages["policies/county-plan-2021.md"]
    )
