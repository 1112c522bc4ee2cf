"""Fields printed inside a provision's text: （责任单位：A、B） and time limits such as （2022年3月底前完成）.

Only a bracket at the very end of a text or heading counts: the same words in mid-sentence
are part of what the provision says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chars import fold

RESPONSIBLE_LABELS = ("责任单位|责任部门|牵头单位|牵头部门|责任处室|责任股室|责任科室|主责单位|负责单位|责任主体|"
                      "配合单位|协同单位|参与单位|配合部门|责任人")
TIME_LABELS = "完成时限|完成时间|时间安排|时间节点|办结时限|时限|时间"
_LABELLED = re.compile(rf"^\s*({RESPONSIBLE_LABELS}|{TIME_LABELS})\s*[:：]\s*(.*)$")
_RESPONSIBLE_LINE = re.compile(rf"^\s*({RESPONSIBLE_LABELS})\s*[:：]\s*(.+?)[。；]?$")
# A time limit: years, months and the words around them, nothing else (so （2018年修订） is not one).
_TIME_ONLY = re.compile(r"^[0-9０-９年月日号底初中旬上下半前后内止至到起—\-~～、，,及和每学期季度长持续坚完成结束开始启动期间个以全部年度]+$")
_TIME_ANCHOR = re.compile(r"\d{1,4}\s*[年月]|年底|年内|长期|持续|每学期|每年|每季度|每月")
_NAME_SPLIT = re.compile(r"[、，,；;\s\u3000]+")


@dataclass
class Fields:
    text: str
    responsible: list[str] = field(default_factory=list)
    deadline: str | None = None


def trailing_group(text: str) -> tuple[int, str] | None:
    """The bracket group that ends ``text`` (before a final 。 or ；): its start and its inside."""
    stripped = text.rstrip()
    end = len(stripped)
    if end and stripped[end - 1] in "。；":
        end -= 1
    if not end or stripped[end - 1] != "）":
        return None
    depth = 0
    for index in range(end - 1, -1, -1):
        char = stripped[index]
        if char == "）":
            depth += 1
        elif char == "（":
            depth -= 1
            if depth == 0:
                return index, stripped[index + 1:end - 1]
    return None


def _time_limit(inside: str) -> str | None:
    folded = fold(inside.strip())
    label = re.match(rf"^({TIME_LABELS})\s*[:：]\s*", folded)
    if label:
        inside, folded = inside.strip()[label.end():], folded[label.end():]
    if len(folded) <= 30 and _TIME_ONLY.match(folded) and _TIME_ANCHOR.search(folded):
        return inside.strip()
    return None


def _labelled(inside: str) -> tuple[list[str], str | None] | None:
    """（责任单位：A、B；完成时限：2022年底） → names and time limit; None if not such a group."""
    names: list[str] = []
    deadline = None
    parts = [p for p in re.split(r"[；;]", inside) if p.strip()]
    if not parts:
        return None
    for part in parts:
        match = _LABELLED.match(fold(part))
        if not match:
            return None
        value = part[match.start(2):match.end(2)].strip()
        if re.fullmatch(TIME_LABELS, match.group(1)):
            deadline = value
        else:
            names += [n for n in _NAME_SPLIT.split(value) if n and n not in names]
    return names, deadline


def _cut(text: str, start: int) -> str:
    """``text`` without its final bracket group, keeping the sentence's own full stop."""
    head = text[:start].rstrip()
    tail_stop = text.rstrip()[-1]
    if tail_stop in "。；" and head and head[-1] not in "。；！？":
        head += tail_stop
    return head


def extract(text: str) -> Fields:
    """Take responsible units and a time limit off the end of a provision's text."""
    result = Fields(text=text.rstrip())
    for _ in range(2):  # （责任单位：…）（2022年底前） may both stand at the end
        paragraphs = result.text.split("\n\n")
        last = paragraphs[-1]
        line = _RESPONSIBLE_LINE.match(fold(last))
        if line and not result.responsible and len(paragraphs) > 1:
            value = last[line.start(2):line.end(2)]
            result.responsible = [n for n in _NAME_SPLIT.split(value) if n]
            result.text = "\n\n".join(paragraphs[:-1])
            continue
        group = trailing_group(last)
        if group is None:
            break
        start, inside = group
        labelled = _labelled(inside)
        if labelled and (labelled[0] or labelled[1]):
            names, deadline = labelled
            if names and not result.responsible:
                result.responsible = names
            if deadline and not result.deadline:
                result.deadline = deadline
        else:
            deadline = _time_limit(inside)
            if deadline is None or result.deadline:
                break
            result.deadline = deadline
        paragraphs[-1] = _cut(last, start)
        result.text = "\n\n".join(p for p in paragraphs if p)
    return result


def title_deadline(title: str) -> tuple[str, str | None]:
    """A heading ending in a time limit, （一）宣传发动阶段（2022年4月至5月）: the heading and the limit."""
    group = trailing_group(title)
    if group is None:
        return title, None
    start, inside = group
    deadline = _time_limit(inside)
    if deadline is None:
        return title, None
    return title[:start].rstrip(), deadline
