"""Policy metadata from the document's parts: issuers, issue date, 文号, addressees, level, based_on.

Each field comes from the most reliable evidence available (the 落款 first, the page's
publishing lines and the title after it); anything not taken from the 落款 or an explicit
line is a guess and carries a note that becomes a ``# 请核对`` comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.chars import fold
from generator.importer.layout import Layout
from generator.importer.lines import Line
from generator.importer.patterns import find_date, find_doc_number, find_month, find_year, is_date_line, org_names

_GENERIC_PUBLISHERS = re.compile(
    r"^(管理员|系统管理员|超级管理员|admin|administrator|本站|本网|网站|编辑|小编|佚名|匿名|未知|原创|转载|网络)$",
    re.IGNORECASE,
)
_ISSUER_KEYS = re.compile(r"^(发文机关|发文单位|发布单位|发布机构)\s*[:：]\s*(.+)$")
_SOURCE_KEYS = re.compile(r"^(来源|信息来源|文章来源|稿件来源|发布者|发布人)\s*[:：]\s*(.+)$")
_DATE_KEYS = re.compile(r"(成文日期|发文日期|印发日期)\s*[:：]\s*(\S+)")
_PUBLISHED_KEYS = re.compile(r"(发布时间|发布日期|发表时间|更新时间)\s*[:：]\s*(\S+)")
_DOC_NUMBER_KEYS = re.compile(r"(发文字号|文号)\s*[:：]\s*(\S+)")
_META_FIELD_END = re.compile(r"\s+(?=\S{2,6}\s*[:：])")
_ADDRESSEE = re.compile(r"^(各[^。；！？]{1,80}|[^。；！？，]{2,60}[、][^。；！？，]{1,60})：$")
_DECIDES = re.compile(
    r"([^\s，。；、：“”（）]{2,20}?(?:局|委员会|委|政府|办公室|党组|党委|厅|部|院|中心|学校))"
    r"(?:经研究|研究)?(?:决定|特制定|制定|印发)"
)
_ABOUT = re.compile(r"关于")
PLACEHOLDER = "待填写"
_CITED = re.compile(r"[《〈]([^《》〈〉]{2,80})[》〉]")


@dataclass
class Metadata:
    title: str
    issuers: list[str]
    issued: str
    doc_number: str | None = None
    level: str | None = None
    based_on: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    source_note: str = ""
    notes: dict[str, str] = field(default_factory=dict)  # field name → why it is a guess


def _signature(lines: list[Line]) -> tuple[list[str], str | None]:
    """Signing bodies directly above a date line, and that date (the 落款 of a notice or of the document)."""
    for index, line in enumerate(lines):
        if not is_date_line(line.text):
            continue
        names: list[str] = []
        back = index - 1
        while back >= 0 and org_names(lines[back].text):
            names = org_names(lines[back].text) + names
            back -= 1
        return names, find_date(fold(line.text))
    return [], None


def _meta_values(meta: list[Line], pattern: re.Pattern[str]) -> list[str]:
    """Values of publishing fields; a line may hold several (发布者：管理员 发布时间：2017-08-29 …)."""
    values = []
    for line in meta:
        for piece in _META_FIELD_END.split(line.text):
            match = pattern.search(fold(piece.strip()))
            if match:
                start = match.start(2)
                values.append(piece.strip()[start:].strip())
    return values


def _real_publisher(value: str) -> bool:
    return not _GENERIC_PUBLISHERS.match(value) and "网" not in fold(value) and not value.isascii()


def _split_names(text: str) -> list[str]:
    return [p for p in re.split(r"[\s\u3000、,，]+", text.strip()) if p]


def _issuers(layout: Layout, meta: list[Line], notes: dict[str, str]) -> list[str]:
    for lines in (layout.closing, layout.notice + layout.preamble):
        names, _ = _signature(lines)
        if names:
            return names
    for line in layout.head:
        folded = fold(line.text)
        if folded.endswith("文件") and not re.search(r"\d", folded):
            return _split_names(line.text[:-2])
    explicit = [v for v in _meta_values(meta, _ISSUER_KEYS) if _real_publisher(v)]
    if explicit:
        notes["issuers"] = "取自网页上的“发布单位”一行"
        return _split_names(explicit[0])
    title = layout.notice[0].text if layout.notice else layout.title
    about = _ABOUT.search(fold(title))
    if about and about.start() > 0:
        names = _split_names(re.sub(r"^(19|20)\d{2}(?!年)", "", title[: about.start()]))
        if names:
            notes["issuers"] = "按标题“关于”前的文字推测"
            return names
    sources = [v for v in _meta_values(meta, _SOURCE_KEYS) if _real_publisher(v)]
    if sources:
        notes["issuers"] = "取自网页上的“来源/发布者”一行"
        return _split_names(sources[0])
    for line in layout.notice + layout.preamble:
        match = _DECIDES.search(fold(line.text))
        if match:
            notes["issuers"] = "按开头一段中“……决定/制定”的主语推测"
            return [line.text[match.start(1) : match.end(1)]]
    notes["issuers"] = "未找到发文机关，请填写"
    return [PLACEHOLDER]


def _issued(layout: Layout, meta: list[Line], doc_number: str | None, fallback_year: int, notes: dict[str, str]) -> str:
    for lines in (layout.closing, layout.notice + layout.preamble):
        _, date = _signature(lines)
        if date:
            return date
    for pattern, note in ((_DATE_KEYS, None), (_PUBLISHED_KEYS, "取自网页的发布时间，可能晚于成文日期")):
        for value in _meta_values(meta, pattern):
            date = find_date(fold(value)) or find_month(fold(value))
            if date:
                if note:
                    notes["issued"] = note
                return date
    year = re.search(r"〔(\d{4})〕", doc_number) if doc_number else None
    if year:  # always, given a 文号: find_doc_number writes its year back between 〔 〕
        notes["issued"] = "只知道文号中的年份"
        return year.group(1)
    title_text = " ".join([layout.title] + [line.text for line in layout.head + layout.notice])
    found = find_year(fold(title_text))
    if found:
        notes["issued"] = "只知道标题中的年份"
        return found
    if layout.year_prefix:
        notes["issued"] = "只知道标题前的年份"
        return layout.year_prefix
    for line in layout.preamble + layout.body:
        found = find_year(fold(line.text))
        if found:
            notes["issued"] = "原文没有日期，取了正文中第一次出现的年份"
            return found
    notes["issued"] = "原文没有日期，暂填今年，请改为发布日期"
    return str(fallback_year)


def _doc_number(layout: Layout, meta: list[Line]) -> str | None:
    for line in layout.doc_number_lines:
        number = find_doc_number(line.text)
        if number:
            return number
    for value in _meta_values(meta, _DOC_NUMBER_KEYS):
        number = find_doc_number(value)
        if number:
            return number
    return None


def _level(issuers: list[str], title: str) -> str | None:
    text = fold(" ".join(issuers) if issuers != [PLACEHOLDER] else title)
    if re.search(r"学校|中学|小学|幼儿园|学院|大学", text) and not re.search(r"局|委|厅|部|政府", text):
        return "school"
    if re.search(r"县|旗|(?<!自治)区", text):
        return "county"
    if re.search(r"市|州|盟", text):
        return "municipal"
    if re.search(r"省|自治区", text):
        return "provincial"
    if re.search(r"^(中共中央|国务院|教育部|中央|全国|国家)", text):
        return "national"
    return None


def _based_on(layout: Layout, title: str) -> list[str]:
    own = re.sub(r"\s", "", title)
    cited: list[str] = []
    for line in layout.notice + layout.preamble:
        for match in _CITED.finditer(line.text):
            name = match.group(1).strip()
            if re.sub(r"\s", "", name) != own and name not in cited:
                cited.append(name)
    return cited


def addressees(lines: list[Line]) -> list[str]:
    for line in lines:
        if _ADDRESSEE.match(line.text) and not org_names(line.text[:-1]):
            return [p for p in re.split(r"[、，,]", line.text[:-1]) if p]
    return []


def _source_note(file_name: str) -> str:
    return f"由 qinglian import 从“{file_name}”导入。"


def extract(layout: Layout, meta: list[Line], file_name: str, fallback_year: int) -> Metadata:
    notes: dict[str, str] = {}
    if layout.title_notes:
        notes["title"] = "；".join(layout.title_notes)
    doc_number = _doc_number(layout, meta)
    issuers = _issuers(layout, meta, notes)
    issued = _issued(layout, meta, doc_number, fallback_year, notes)
    level = _level(issuers, layout.title)
    if level:
        notes["level"] = "按发文机关名称推测"
    based_on = _based_on(layout, layout.title)
    if based_on:
        notes["based_on"] = "取自开头引用的文件名，请删去并非依据的文件"
    return Metadata(
        title=layout.title,
        issuers=issuers,
        issued=issued,
        doc_number=doc_number,
        level=level,
        based_on=based_on,
        addressees=addressees(layout.notice + layout.preamble),
        source_note=_source_note(file_name),
        notes=notes,
    )
