"""Warnings for cases that may identify real people: ID-card and phone numbers, full names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .course import Course
from .problems import Problem, Severity
from .yamlsource import KeyPath

_ID_CARD = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])")
# Common surnames only: rarer ones (家, 于, 时, 和 …) are also ordinary words and would cry wolf.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶程苏魏吕丁沈"
             "姚卢姜崔钟谭陆汪范廖贾韦邹熊孟秦邱侯尹薛闫段雷黎陶贺顾毛郝龚邵钱覃戴莫")
_ROLES = "教师|老师|校长|副校长|书记|主任|班主任|园长|局长|股长|学生|家长|会计|出纳|职工|干部|负责人|工作人员|班主任"
_FULL_NAME = re.compile(rf"(?:{_ROLES})([{_SURNAMES}])([\u4e00-\u9fff])")
# What follows a role word and a surname-like character but is plainly not a given name.
_NOT_A_NAME = re.compile(r"^(某|XX|xx|X|[们等在的和与及是也都对把被将让给向从为说了着过])")


def _texts(course: Course) -> Iterator[tuple[object, KeyPath, str, bool]]:
    for entry in course.cases.values():
        case = entry.item
        fields: list[tuple[KeyPath, str | None]] = [(("title",), case.title), (("facts",), case.facts),
                                                    (("handling",), case.handling), (("analysis",), case.analysis),
                                                    (("lessons",), case.lessons)]
        fields += [(("discussion", i), q) for i, q in enumerate(case.discussion)]
        for path, text in fields:
            if text:
                yield entry, path, text, case.fictional


def _looks_like_full_name(match: re.Match[str]) -> bool:
    given = match.group(2)
    if _NOT_A_NAME.match(given):
        return False
    # "张某某" is fine; so are role words that merely start with a surname character ("教师王某").
    return not given.startswith("某")


def check_anonymity(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    for entry, path, text, fictional in _texts(course):
        findings: list[tuple[str, str]] = []
        findings += [(m.group(0), "疑似身份证号码") for m in _ID_CARD.finditer(text)]
        findings += [(m.group(0), "疑似手机号码") for m in _MOBILE.finditer(text)]
        findings += [(m.group(0), "疑似电话号码") for m in _LANDLINE.finditer(text) if not _ID_CARD.search(m.group(0))]
        if fictional:
            findings += [(m.group(1) + m.group(2), "疑似真实姓名，示例案例请写成“张某”“李某某”等形式")
                         for m in _FULL_NAME.finditer(text) if _looks_like_full_name(m)]
        for found, reason in findings:
            pos = entry.doc.find_in_value(path, found)
            problems.append(Problem(entry.doc.path, pos.line, pos.column, f"案例中出现“{found}”：{reason}，请做匿名化处理", Severity.WARNING))
    return problems
