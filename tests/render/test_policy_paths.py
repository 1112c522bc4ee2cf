"""Policy-side pages on paths the shipped course never takes: statuses, deep and unnumbered provisions,
a 责任清单 past SPLIT_ABOVE, an empty glossary, a home page with no text of its own."""

from generator.content.loader import load_course
from generator.pages.context import MetaRow
from generator.pages.paths import GLOSSARY, HOME, POLICY_INDEX, RESPONSIBILITIES
from generator.pages.site import generate
from generator.pages.templating import environment
from generator.pages.units import SPLIT_ABOVE

from ..conftest import MINIMAL_COURSE, write_course


def _pages(tmp_path, files: dict[str, str]) -> dict[str, str]:
    result = load_course(write_course(tmp_path / "course", files))
    assert result.ok, [p.format() for p in result.problems]
    return generate(result.course).pages


def _policy(status: str, level: str) -> str:
    return f"""
id: p-{status.replace("_", "-")}
title: 文件
issuers: [某县]
issued: 2021
status: {status}
level: {level}
provisions:
  - text: 正文
"""


def test_wide_metadata_block_has_its_own_class():
    blocks = environment().get_template("_blocks.md.j2").module
    text = str(blocks.meta([MetaRow("依据", ["甲", "乙*"], "；")], wide=True))
    assert text == '<div class="ql-meta ql-meta--wide" markdown>\n\n依据\n:   甲；乙&#42;\n\n</div>'


def test_each_status_warns_and_labels_and_each_level_is_named(tmp_path):
    cases = {
        "in_force": ("national", "国家", None),
        "amended": ("provincial", "省级", "本文件已被修订"),
        "repealed": ("municipal", "市级", "本文件已废止"),
        "draft": ("school", "学校", "本文件为征求意见稿"),
    }
    files = {"course.yml": MINIMAL_COURSE} | {f"policies/{s}.yml": _policy(s, lv) for s, (lv, _, _) in cases.items()}
    pages = _pages(tmp_path, files)
    labels = {"in_force": "现行有效", "amended": "已修订", "repealed": "已废止", "draft": "征求意见稿"}
    for status, (_, level, warning) in cases.items():
        page = pages[f"policies/p-{status.replace('_', '-')}.md"]
        chip = f'<span class="ql-status ql-status--{status}">{labels[status]}</span>'
        assert f"时效性\n:   {chip}\n\n效力级别\n:   {level}\n\n</div>" in page
        if warning:
            assert page.startswith(f'# 文件\n\n!!! warning "{labels[status]}"\n    {warning}')
        else:
            assert "!!! warning" not in page
        assert f"| {labels[status]} | {level} |" in pages[POLICY_INDEX]


DEEP = """
id: deep
title: 深
issuers: [某县]
issued: 2021
based_on: [某县 某规定, "《某办法》"]
source: {note: 纸质文件}
provisions:
  - number: 一
    title: 一层
    provisions:
      - title: 二层
        provisions:
          - title: 三层
            provisions:
              - title: 四层
                provisions:
                  - title: 五层
                    provisions:
                      - number: "1"
                        title: 六层
                        text: 六层正文
                        deadline: 2022-01
                      - text: 六层无编号
"""


def test_provisions_below_five_levels_and_untitled_ones_are_blocks(tmp_path):
    page = _pages(tmp_path, {"course.yml": MINIMAL_COURSE, "policies/deep.yml": DEEP})["policies/deep.md"]
    assert "依据\n:   《某县 某规定》；《某办法》\n\n来源\n:   纸质文件\n\n</div>" in page
    assert "###### 五层 {#1.1.1.1.1 .ql-prov}\n\n" in page
    assert page.endswith(
        '<div class="ql-prov ql-prov--depth6" id="1.1.1.1.1.1" data-copy-for="1.1.1.1.1.1"'
        ' data-cite="《深》一“二层”“三层”“四层”“五层”1. 六层" markdown>\n\n'
        '<div class="ql-md"><p><strong>1&#46;　六层</strong>　六层正文</p></div>\n\n'
        '<div class="ql-labels" markdown>\n\n'
        '<span class="ql-label-name">时限</span> <span class="ql-label ql-label--deadline">2022年1月</span>\n\n'
        "</div>\n\n</div>\n\n"
        '<div class="ql-prov ql-prov--depth6" id="1.1.1.1.1.2" data-copy-for="1.1.1.1.1.2"'
        ' data-cite="《深》一“二层”“三层”“四层”“五层”第2段" markdown>\n\n'
        '<div class="ql-md"><p>六层无编号</p></div>\n\n</div>\n'
    )


def test_a_list_past_split_above_gets_a_page_per_unit_without_patching(tmp_path):
    rows = "".join(f"  - text: 任务{i}\n    responsible: [单位{i % 3}]\n" for i in range(SPLIT_ABOVE))
    rows += "  - text: 无单位\n    deadline: 2022\n"
    policy = f"id: big\ntitle: 大\nissuers: [某县]\nissued: 2023\nprovisions:\n{rows}"
    pages = _pages(tmp_path, {"course.yml": MINIMAL_COURSE, "policies/big.yml": policy})
    assert pages[RESPONSIBILITIES].endswith(
        "| 责任单位 | 条款数 |\n| --- | --- |\n"
        "| [单位0](responsibilities/unit-dan-wei-0.md) | 134 |\n"
        "| [单位1](responsibilities/unit-dan-wei-1.md) | 133 |\n"
        "| [单位2](responsibilities/unit-dan-wei-2.md) | 133 |\n"
        "| [未明确责任单位](responsibilities/unassigned.md) | 1 |\n"
    )
    assert pages["responsibilities/unassigned.md"] == (
        "# 责任清单：未明确责任单位\n\n[返回责任清单](../responsibilities.md)\n\n"
        "共 1 项。以下条款规定了时限，但没有标注责任单位，请在督查中明确责任主体。\n\n"
        '<div class="ql-duties" markdown>\n\n| 条款 | 任务 | 时限 | 政策 | 状态 |\n| --- | --- | --- | --- | --- |\n'
        "| [401](../policies/big.md#401) | 无单位 | 2022年 | [《大》](../policies/big.md) |"
        ' <span class="ql-status ql-status--in_force">现行有效</span> |\n\n</div>\n'
    )
    assert "[单位1](../responsibilities/unit-dan-wei-1.md){ .ql-label .ql-label--unit }" in pages["policies/big.md"]


def test_empty_glossary_and_home_without_text(tmp_path):
    policy = "id: p\ntitle: 文\nissuers: [某县]\nissued: 2021\nprovisions:\n  - text: 正文\n"
    pages = _pages(tmp_path, {"course.yml": MINIMAL_COURSE, "policies/p.yml": policy})
    assert pages[GLOSSARY] == "# 术语表\n\n课程中还没有术语。\n"
    home = pages[HOME]
    assert home.startswith(
        '# 测试课程\n\n<p class="ql-home-org">某县教育局</p>\n\n## 本站内容 {#contents}\n\n'
        "- [政策法规](policies/index.md)：1 份政策文件，共 1 个条款，每一条款都可以复制链接或引用\n\n"
        "## 使用方法 {#how-to}\n\n"
    )
