"""Shapes shared by several stages: dates, document titles, organisation names, document numbers.

Every pattern is written in simplified characters and applied to ``chars.fold(text)``.
"""

from __future__ import annotations

import calendar
import re

from generator.content.numerals import DIGITS, YEAR_DIGITS, chinese_to_int, year_digits_to_int
from generator.importer.chars import SENTENCE_END, fold

_YEAR_DIGIT = f"[{''.join(YEAR_DIGITS)}]"
_DAY_DIGIT = f"[{DIGITS[1:]}十]"  # 九月二十四日: months and days up to 三十一

_DATE_PATTERNS = [
    re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
    re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})(?![\d.])"),
    re.compile(rf"({_YEAR_DIGIT}{{4}})\s*年\s*({_DAY_DIGIT}{{1,3}})\s*月\s*({_DAY_DIGIT}{{1,3}})\s*日"),
]
_MONTH_PATTERN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月")
_YEAR_PATTERN = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    by_digit = year_digits_to_int(text)  # 二〇二一: digit by digit
    return by_digit if by_digit is not None else chinese_to_int(text)


def _valid(year: int, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def find_date(text: str) -> str | None:
    """The first full date in ``text`` as YYYY-MM-DD (2021年9月24日, 2021-09-24, 2021.9.24, 二〇二一年九月二十四日)."""
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            year, month, day = (_number(g) for g in match.groups())
            if year and month and day and _valid(year, month, day):
                found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
                break
    return min(found)[1] if found else None


def find_month(text: str) -> str | None:
    match = _MONTH_PATTERN.search(text)
    if match and _valid(int(match.group(1)), int(match.group(2)), None):
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    return None


def find_year(text: str) -> str | None:
    match = _YEAR_PATTERN.search(text)
    return match.group(1) if match else None


def is_date_line(text: str) -> bool:
    """A line that is only a date, as under a signature (allowing （ ） and a trailing 印发)."""
    core = fold(text).strip().strip("（）() 　")
    core = re.sub(r"(印发|发布|起施行|起执行)$", "", core).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            year, month, day = (_number(g) for g in match.groups())
            return bool(year and month and day and _valid(year, month, day))
    return False


# --- titles ---------------------------------------------------------------------------------

DOC_TYPES = (
    "实施方案|工作方案|方案|实施意见|指导意见|意见|通知|办法|规定|准则|细则|条例|决定|规划|纲要|制度|要点|守则|"
    "规范|措施|公告|通告|通报|批复|报告|计划|标准|章程|清单|规则|指引|指南|安排|决议|函|纪要|规程|意见稿"
)
_TITLE_END = re.compile(rf"({DOC_TYPES})(（[^（）]{{1,20}}）)?[》”〉]*$")
_NOTICE = re.compile(r"关于(印发|转发|下发|发布|颁发)[《〈<“]?(.+?)[》〉>”]?的(通知|函|决定)$")


def is_title_like(text: str) -> bool:
    """A line that reads as a document title: ends with a kind of document, no running-text punctuation."""
    folded = fold(text.strip())
    if not 5 <= len(folded) <= 200 or any(c in folded for c in "，。；！？,;"):
        return False
    return ends_with_doc_type(folded)


def ends_with_doc_type(text: str) -> bool:
    return bool(_TITLE_END.search(fold(text.strip())))


def notice_inner_title(text: str) -> str | None:
    """关于印发《X》的通知 → X: the document a 印发通知 carries."""
    match = _NOTICE.search(fold(text.strip()))
    if not match:
        return None
    start, end = match.span(2)
    return text.strip()[start:end].strip()


# --- organisations ---------------------------------------------------------------------------

ORG_SUFFIX = (
    "委员会|委|局|厅|部|办公室|办|政府|党组|党委|总支|支部|机关|中心|学校|学院|大学|中学|小学|幼儿园|"
    "集团|公司|协会|学会|联合会|工会|团委|处|科|股|室|院|所|站|会|组|法院|检察院"
)
_ORG = re.compile(rf"^[^\s，。；：！？、“”《》,;:]{{2,40}}?({ORG_SUFFIX})(（(盖章|印章|章)）)?$")


def org_names(text: str) -> list[str]:
    """The organisation names of a 落款 line (several joint issuers sit on one line, spaced), or []."""
    parts = [p for p in re.split(r"[\s　]+", text.strip()) if p]
    if not parts or len(text.strip()) > 80:
        return []
    names = []
    for part in parts:
        if not _ORG.match(fold(part)):
            return []
        names.append(re.sub(r"（(盖章|印章|章)）$", "", part))
    return names


def is_org_line(text: str) -> bool:
    return bool(org_names(text))


# --- document numbers ------------------------------------------------------------------------

_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{1,16})\s*[〔\[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*(?:第\s*)?(\d{1,5})\s*号"
)


def find_doc_number(text: str) -> str | None:
    """教师〔2018〕16号, also printed with [ ], （ ） or 【 】; written back with the standard 〔 〕."""
    match = _DOC_NUMBER.search(text)
    if not match:
        return None
    prefix, year, serial = match.groups()
    return f"{prefix}〔{year}〕{serial}号"


def is_doc_number_line(text: str) -> bool:
    stripped = text.strip()
    match = _DOC_NUMBER.search(stripped)
    return match is not None and match.start() == 0 and not stripped[match.end() :].strip(" 　")


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END + "…"
