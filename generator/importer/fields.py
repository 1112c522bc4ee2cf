"""Fields printed inside a provision's text: （责任单位：A、B） and time limits such as （2022年3月底前完成）.

Only a bracket at the very end of a text or heading counts: the same words in mid-sentence
are part of what the provision says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.chars import fold

RESPONSIBLE_LABELS = (
    "责任单位|责任部门|牵头单位|牵头部门|责任处室|责任股室|责任科室|主责单位|负责单位|责任主体|"
    "配合单位|协同单位|协办单位|参与单位|配合部门|协同部门|承办单位|实施单位|责任人"
)
TIME_LABELS = "完成时限|完成时间|完成期限|时间安排|时间节点|办结时限|截止时间|时限|时间"
# A key of a fields group: （责任单位：A、B，完成时限：2024年5月底前）, （牵头单位：X；配合单位：Y；完成时间：2024年底）.
_KEY = re.compile(rf"({RESPONSIBLE_LABELS}|{TIME_LABELS})\s*[:：]\s*")
_SEPARATORS = " \u3000\t，,；;、。"
_RESPONSIBLE_LINE = re.compile(rf"^\s*({RESPONSIBLE_LABELS})\s*[:：]\s*(.+?)[。；]?$")
# A time limit: years, months and the words around them, nothing else (so （2018年修订） is not one).
_TIME_ONLY = re.compile(
    r"^[0-9０-９年月日号底初中旬上下半前后内止至到起—\-~～、，,及和每学期季度长持续坚完成结束开始启动期间个以全部年度]+$"
)
_TIME_ANCHOR = re.compile(r"\d{1,4}\s*[年月]|年底|年内|长期|持续|每学期|每年|每季度|每月")
_NAME_SPLIT = re.compile(r"[、，,；;/／\s\u3000]+")
_OPENERS, _CLOSERS = "（(【[", "）)】]"
_PAIRS = {"）": "（(", ")": "（(", "】": "【[", "]": "【["}
_LONGEST_NAME = 20
_FIELDS_TAIL = 300  # an unbracketed 责任单位 line names units, it does not run on as a sentence


@dataclass
class Fields:
    text: str
    responsible: list[str] = field(default_factory=list)
    deadline: str | None = None


def trailing_group(text: str) -> tuple[int, str] | None:
    """The bracket group that ends ``text`` (before a final 。 or ；): its start and its inside.

    Full- and half-width round brackets count as one kind (copied text mixes them), 【】 as another.
    """
    stripped = text.rstrip()
    end = len(stripped)
    if end and stripped[end - 1] in "。；;.":
        end -= 1
    if not end or stripped[end - 1] not in _PAIRS:
        return None
    closers = "）)" if stripped[end - 1] in "）)" else "】]"
    openers = _PAIRS[stripped[end - 1]]
    depth = 0
    for index in range(end - 1, -1, -1):
        char = stripped[index]
        if char in closers:
            depth += 1
        elif char in openers:
            depth -= 1
            if depth == 0:
                return index, stripped[index + 1 : end - 1]
    return None


def _time_limit(inside: str) -> str | None:
    folded = fold(inside.strip())
    label = re.match(rf"^({TIME_LABELS})\s*[:：]\s*", folded)
    if label:
        inside, folded = inside.strip()[label.end() :], folded[label.end() :]
    if len(folded) <= 30 and _TIME_ONLY.match(folded) and _TIME_ANCHOR.search(folded):
        return inside.strip()
    return None


def _names(value: str) -> list[str]:
    return [n for n in _NAME_SPLIT.split(value.strip(_SEPARATORS)) if n]


def labelled(inside: str) -> tuple[list[str], str | None] | None:
    """（责任单位：A、B，完成时限：2022年底） → names and time limit; None unless the whole group is such fields.

    Keys may be separated by ，；、 or spaces, or follow each other directly.
    """
    folded = fold(inside)
    keys = list(_KEY.finditer(folded))
    if not keys or folded[: keys[0].start()].strip(_SEPARATORS):
        return None
    names: list[str] = []
    deadline = None
    for index, key in enumerate(keys):
        end = keys[index + 1].start() if index + 1 < len(keys) else len(inside)
        value = inside[key.end() : end].strip(_SEPARATORS)
        if not value:
            continue
        if re.fullmatch(TIME_LABELS, key.group(1)):
            deadline = deadline or value
        else:
            names += [n for n in _names(value) if n not in names]
    if not names and not deadline:
        return None
    return names, deadline


def _cut(text: str, start: int) -> str:
    """``text`` without its final bracket group, keeping the sentence's own full stop."""
    head = text[:start].rstrip()
    tail_stop = text.rstrip()[-1]
    if tail_stop in "。；" and head and head[-1] not in "。；！？":
        head += tail_stop
    return head


def _trailing_fields(paragraph: str, alone: bool) -> tuple[int, list[str], str | None] | None:
    """Fields written without brackets at the end of a paragraph: …完善制度。责任单位：教育股；完成时限：2024年底。

    ``alone``: the paragraph may be nothing but fields (it follows the provision's text).
    """
    folded = fold(paragraph)
    # Such a run of fields is short: looking only near the end keeps a paragraph full of keys linear.
    for key in _KEY.finditer(folded, max(0, len(folded) - _FIELDS_TAIL)):
        start = key.start()
        if (start and folded[start - 1] not in "。；;！？ \u3000") or (not start and not alone):
            continue
        found = labelled(paragraph[start:].rstrip("。；; "))
        if found is None or any(len(n) > _LONGEST_NAME or "。" in n for n in found[0]):
            continue
        if found[1] is not None and ("。" in found[1] or len(found[1]) > _LONGEST_NAME):
            continue
        return start, found[0], found[1]
    return None


def extract(text: str) -> Fields:
    """Take responsible units and a time limit off the end of a provision's text."""
    result = Fields(text=text.rstrip())
    for _ in range(3):  # （责任单位：…）（2022年底前） may both stand at the end, or a 责任单位 line below
        paragraphs = result.text.split("\n\n")
        last = paragraphs[-1]
        line = _RESPONSIBLE_LINE.match(fold(last))
        if line and not result.responsible and len(paragraphs) > 1 and _trailing_fields(last, True) is None:
            value = last[line.start(2) : line.end(2)]
            result.responsible = _names(value)
            result.text = "\n\n".join(paragraphs[:-1])
            continue
        group = trailing_group(last)
        if group is None:
            bare = _trailing_fields(last, len(paragraphs) > 1)
            if bare is None or (bare[1] and result.responsible) or (bare[2] and result.deadline):
                break
            start, names, deadline = bare
            result.responsible = result.responsible or names
            result.deadline = result.deadline or deadline
            paragraphs[-1] = last[:start].rstrip()
            result.text = "\n\n".join(p for p in paragraphs if p)
            continue
        start, inside = group
        found = labelled(inside)
        if found is not None:
            names, deadline = found
            if (names and result.responsible) or (deadline and result.deadline):
                break  # a second group of the same field: leave it in the text rather than lose it
            result.responsible = result.responsible or names
            result.deadline = result.deadline or deadline
        else:
            deadline = _time_limit(inside)
            if deadline is None or result.deadline:
                break
            result.deadline = deadline
        paragraphs[-1] = _cut(last, start)
        result.text = "\n\n".join(p for p in paragraphs if p)
    return result


def extract_title(title: str) -> Fields:
    """A heading ending in fields: （一）宣传发动阶段（2022年4月至5月）, 1.召开大会（牵头单位：X；完成时间：2024年底）."""
    group = trailing_group(title)
    if group is None:
        return Fields(title)
    start, inside = group
    found = labelled(inside)
    if found is not None:
        return Fields(title[:start].rstrip(), found[0], found[1])
    deadline = _time_limit(inside)
    if deadline is None:
        return Fields(title)
    return Fields(title[:start].rstrip(), [], deadline)


def title_deadline(title: str) -> tuple[str, str | None]:
    """A heading ending in a time limit, （一）宣传发动阶段（2022年4月至5月）: the heading and the limit."""
    found = extract_title(title)
    if found.responsible:
        return title, None
    return found.text, found.deadline
