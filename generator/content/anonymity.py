"""Warnings for cases that may identify real people: ID-card and phone numbers, full names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.course import Course, Entry
from generator.content.model import Case
from generator.content.yamlsource import KeyPath
from generator.problems import Problem, Severity, problem_in_value

_ID_CARD = re.compile(
    r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])"
)
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])")
# Common surnames only: rarer ones (家, 于, 时, 和 …) are also ordinary words and would cry wolf.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶程苏魏吕丁沈"
    "姚卢姜崔钟谭陆汪范廖贾韦邹熊孟秦邱侯尹薛闫段雷黎陶贺顾毛郝龚邵钱覃戴莫"
)
_ROLES = "教师|老师|校长|副校长|书记|主任|班主任|园长|局长|股长|学生|家长|会计|出纳|职工|干部|负责人|工作人员|班主任"
_FULL_NAME = re.compile(rf"(?:{_ROLES})([{_SURNAMES}])([\u4e00-\u9fff])")
# What follows a role word and a surname-like character but is plainly not a given name.
_NOT_A_NAME = re.compile(r"^(某|XX|xx|X|[们等在的和与及是也都对把被将让给向从为说了着过])")
_HAN = "\u4e00-\u9fff"
# Names listed one after another: 张三、李四、王五等, or after a comma or colon when the next word
# continues the list (经查，张伟、李娜…). A name here is a surname and one or two characters,
# ending where the list item ends.
_ITEM_END = r"(?:[、，,；;。：:！!？?）)”\"\s]|等|和|与|及|均|分别|二人|两人|三人|同志|老师|教师|$)"
_AFTER_ENUMERATION = re.compile(rf"(?<=、)([{_SURNAMES}])([{_HAN}]{{1,2}}?)(?={_ITEM_END})")
_JOINED = re.compile(rf"[、和与及]([{_SURNAMES}])([{_HAN}]{{1,2}}?)(?={_ITEM_END})")
_NEXT = re.compile(rf"[、和与及]([{_SURNAMES}])([{_HAN}])")
_PLACEHOLDER = re.compile(rf"[{_SURNAMES}]某某?")
_THIRD = re.compile(rf"[{_HAN}](?<![等和与及均在的])(?=[、，,；;。：:！!？?）)”\"\s]|$)")
_OPENS_A_LIST = re.compile(
    rf"(?:^|(?<=[，,；;：:（(“\"\s]))([{_SURNAMES}])([{_HAN}]{{1,2}}?)(?=、|和[{_SURNAMES}]|与[{_SURNAMES}]|及[{_SURNAMES}])"
)
# Ordinary words that start with a surname character and turn up in lists of things or times.
_COMMON_WORDS = frozenset(
    [
        "周一",
        "周二",
        "周三",
        "周四",
        "周五",
        "周六",
        "周日",
        "周末",
        "周内",
        "周边",
        "周期",
        "黄金",
        "马上",
        "何时",
        "何种",
        "何地",
        "程序",
        "钱款",
        "钱物",
        "钱财",
        "钱币",
        "陆续",
        "杜绝",
        "孙子",
        "许可",
        "曾经",
        "董事",
        "钟点",
        "范围",
        "段落",
        "贺卡",
        "贺礼",
        "顾问",
        "毛巾",
        "张贴",
        "陈述",
        "胡乱",
        "罗列",
        "郑重",
        "谢礼",
        "谢意",
        "唐诗",
        "宋词",
        "汪洋",
        "秦汉",
        "高考",
        "姜茶",
        "苏州",
        "杭州",
        "吴江",
        "曹操",
        "江苏",
        "雷同",
        "邱陵",
        "潘多",
        "沈阳",
        "蒋介",
        "李子",
        "杨树",
        "柳树",
        "梁柱",
        "侯车",
    ]
)
_NOT_GIVEN = re.compile(r"^(?:某|老师|校长|主任|书记|局长|同志|先生|女士|同学|总|工|师|姐|哥|老|小$)")


def _texts(course: Course) -> Iterator[tuple[Entry[Case], KeyPath, str, bool]]:
    for entry in course.cases.values():
        case = entry.item
        fields: list[tuple[KeyPath, str | None]] = [
            (("title",), case.title),
            (("facts",), case.facts),
            (("handling",), case.handling),
            (("analysis",), case.analysis),
            (("lessons",), case.lessons),
        ]
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


def _names(text: str) -> list[str]:
    """Full names in a text, once each, in order: after a role word (教师张伟) or in a list (张伟、李娜)."""
    found: dict[int, str] = {}
    for match in _FULL_NAME.finditer(text):
        if _looks_like_full_name(match):
            name = match.group(1) + match.group(2)
            longer = _THIRD.match(text, match.end())  # 班主任王小明；: a two-character given name
            found.setdefault(match.start(1), name + longer.group() if longer else name)
    for pattern in (_AFTER_ENUMERATION, _OPENS_A_LIST):
        for match in pattern.finditer(text):
            name = match.group(1) + match.group(2)
            if _NOT_A_NAME.match(match.group(2)) or _NOT_GIVEN.match(match.group(2)) or name in _COMMON_WORDS:
                continue
            found.setdefault(match.start(1), name)
    # The next name in a list, found from the name (or the 张某 placeholder) before it:
    # 张伟和李娜, 给予张某、李明党内警告.
    chain = {m.start(): m.group() for m in _PLACEHOLDER.finditer(text)}
    todo = sorted({**chain, **found}.items())
    while todo:
        start, before = todo.pop()
        after = _JOINED.match(text, start + len(before)) or _NEXT.match(text, start + len(before))
        if after and not (_NOT_A_NAME.match(after.group(2)) or _NOT_GIVEN.match(after.group(2))):
            name = after.group(1) + after.group(2)
            if name not in _COMMON_WORDS and after.start(1) not in found:
                found[after.start(1)] = name
                todo.append((after.start(1), name))
    return [found[start] for start in sorted(found)]


def check_anonymity(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    for entry, path, text, fictional in _texts(course):
        findings: list[tuple[str, str]] = []
        findings += [(m.group(0), "疑似身份证号码") for m in _ID_CARD.finditer(text)]
        findings += [(m.group(0), "疑似手机号码") for m in _MOBILE.finditer(text)]
        findings += [(m.group(0), "疑似电话号码") for m in _LANDLINE.finditer(text) if not _ID_CARD.search(m.group(0))]
        if fictional:
            findings += [(name, "疑似真实姓名，示例案例请写成“张某”“李某某”等形式") for name in _names(text)]
        for found, reason in findings:
            problems.append(
                problem_in_value(
                    entry.doc, path, found, f"案例中出现“{found}”：{reason}，请做匿名化处理", severity=Severity.WARNING
                )
            )
    return problems
