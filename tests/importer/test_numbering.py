"""Recognising a numbered paragraph: style, the number as printed, its value, the rest."""

from __future__ import annotations

import pytest

from generator.importer.chars import fold
from generator.importer.numbering import parse


@pytest.mark.parametrize(
    "line, style, printed, value, rest",
    [
        ("一、指导思想", "cn", "一", 1, "指导思想"),
        ("十二、附则", "cn", "十二", 12, "附则"),
        ("三．工作要求", "cn", "三", 3, "工作要求"),
        ("（一）建设清明政风", "paren_cn", "（一）", 1, "建设清明政风"),
        ("(二)建设清净校风", "paren_cn", "（二）", 2, "建设清净校风"),
        ("（三)半角右括号", "paren_cn", "（三）", 3, "半角右括号"),
        ("（十一）、多一个顿号", "paren_cn", "（十一）", 11, "多一个顿号"),
        ("1.压实全面从严治党主体责任。", "arabic", "1", 1, "压实全面从严治党主体责任。"),
        ("2、学校自查。", "arabic", "2", 2, "学校自查。"),
        ("3．全角句点", "arabic", "3", 3, "全角句点"),
        ("１８．全角数字", "arabic", "18", 18, "全角数字"),
        ("4. 后面有空格", "arabic", "4", 4, "后面有空格"),
        ("（1）全面贯彻", "paren_arabic", "（1）", 1, "全面贯彻"),
        ("(12)半角括号", "paren_arabic", "（12）", 12, "半角括号"),
        ("⑶带括号的数字符号", "paren_arabic", "（3）", 3, "带括号的数字符号"),
        ("1）只有右括号", "arabic_rparen", "1）", 1, "只有右括号"),
        ("①第一点", "circled", "①", 1, "第一点"),
        ("⑫第十二点", "circled", "⑫", 12, "第十二点"),
        ("第一章 总则", "chapter", "第一章", 1, "总则"),
        ("第二部分　主要任务", "chapter", "第二部分", 2, "主要任务"),
        ("第三节 考核", "section", "第三节", 3, "考核"),
        ("第十二条 教师不得组织有偿补课。", "article", "第十二条", 12, "教师不得组织有偿补课。"),
        ("第3条 阿拉伯数字的条", "article", "第3条", 3, "阿拉伯数字的条"),
    ],
)
def test_numbered_lines(line, style, printed, value, rest):
    found = parse(line)
    assert (found.style, found.printed, found.value, found.rest) == (style, printed, value, rest)


def test_traditional_article_is_recognised_through_folding():
    line = "第一條 為了規範教師行為"
    found = parse(line, fold(line))
    assert (found.style, found.printed, found.value, found.rest) == ("article", "第一条", 1, "為了規範教師行為")


@pytest.mark.parametrize(
    "line",
    [
        "1.5亿元用于改善办学条件。",
        "2021年9月24日",
        "一是加强领导，二是压实责任。",
        "十分重要的是落实责任。",
        "2021.9.24",
        "（含民办幼儿园）",
        "第一责任人要亲自部署。",
        "",
    ],
)
def test_not_numbered(line):
    assert parse(line) is None
