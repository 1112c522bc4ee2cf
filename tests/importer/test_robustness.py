"""Whatever the text, the importer either gives YAML that validates or a clear ImportFailure."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.importer import ImportFailure, ImportOptions, Source, import_source
from generator.importer.lines import Line

FRAGMENTS = [
    "一、",
    "二、",
    "十、",
    "（一）",
    "(二)",
    "（三",
    "1.",
    "2、",
    "3．",
    "1.5",
    "（1）",
    "(2)",
    "①",
    "②",
    "第一条 ",
    "第二章 ",
    "第三节",
    "加强领导",
    "指导思想",
    "责任单位",
    "（责任单位：县教育局、各学校）",
    "(责任单位:教育股)",
    "（2022年3月底前完成）",
    "（2021年7月至2022年3月）",
    "。",
    "，",
    "；",
    "：",
    ":",
    ",",
    "(",
    ")",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "〞",
    "\u3000",
    "   ",
    " ",
    "\t",
    "#",
    "- ",
    "* ",
    "> ",
    '"',
    "'",
    "\\",
    "|",
    "[[",
    "]]",
    "?",
    "???",
    "2021年9月24日",
    "2021-09-24",
    "二〇二一年九月二十四日",
    "XX县教育局",
    "中共XX县纪委机关",
    "关于印发《某某方案》的通知",
    "某某方案",
    "各学校：",
    "版权所有",
    "发布时间：2021-09-24",
    "上一篇",
    "分享",
    "ICP备",
    "教师〔2018〕16号",
    "教师[2018]16号",
    "關(guān)",
    "規定",
    "第一條",
    "𠀀",
    "😀",
    "\u2028",
    "\x0b",
    "\ufeff",
    "\x85",
    "\u200b",
    "&nbsp;",
    "<p>",
    "yes",
    "no",
    "null",
    "true",
    "~",
    "---",
    "...",
    "%",
    "@",
    "`",
    "!",
    "&",
    "*a",
    "0x1F",
    "1e3",
    "（责任单位：各学校，完成时限：2024年5月底前）",
    "(牵头单位:X;配合单位:Y;完成时间:2024年底)",
    "责任单位：教育股；时限：长期",
    "【",
    "】",
    "[",
    "]",
    "第1000条",
    "第一千零一条",
    "第一万条",
    "1000.",
    "一千、",
    "万一、",
    "\r",
    "\u2029",
    "\x07",
]

documents = st.lists(
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=8).map("".join), min_size=1, max_size=25
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
def test_any_text_gives_valid_yaml_or_a_clear_failure(paragraphs, simplified):
    source = Source("random.txt", "txt", "UTF-8", [Line(no, text) for no, text in enumerate(paragraphs, start=1)])
    try:
        result = import_source(source, ImportOptions(policy_id="random-text", simplified=simplified))
    except ImportFailure as failure:
        assert str(failure)
        return
    assert result.problems == [], result.yaml_text
