"""Quiz rules the structural model cannot express: answers that fit their question type."""

from __future__ import annotations

import re

from generator.content.course import Course
from generator.problems import Problem

BLANK = re.compile(r"(?<!_)____(?!_)")
TYPE_NAMES = {"single": "单选题", "multiple": "多选题", "judge": "判断题", "fill": "填空题"}


def letters(count: int) -> list[str]:
    return [chr(ord("A") + i) for i in range(count)]


def blank_count(stem: str) -> int:
    return len(BLANK.findall(stem))


def check_quizzes(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    for entry in course.quizzes.values():
        doc = entry.doc
        seen: dict[str, int] = {}

        def error(path, message):
            pos = doc.position(path)
            problems.append(Problem(doc.path, pos.line, pos.column, message))

        for index, question in enumerate(entry.item.questions):
            base = ("questions", index)
            if question.id in seen:
                first = doc.position(("questions", seen[question.id], "id"))
                error(base + ("id",), f"题目编号“{question.id}”重复（第 {first.line} 行已使用），同一套自测中的编号必须唯一")
            else:
                seen[question.id] = index
            kind = TYPE_NAMES[question.type]
            answer = question.answer
            if question.type in ("single", "multiple"):
                count = len(question.options)
                if not 2 <= count <= 8:
                    error(base + ("options",) if question.options else base, f"{kind}需要 2–8 个选项（options），现在有 {count} 个")
                    continue
                first_seen: dict[str, int] = {}
                for i, option in enumerate(question.options):
                    text = option.strip()
                    if text in first_seen:
                        error(base + ("options", i), f"选项 {letters(count)[i]}“{text}”与选项 {letters(count)[first_seen[text]]} 重复，同一题的选项不能相同")
                    else:
                        first_seen[text] = i
                valid = letters(count)
                span = f"A–{valid[-1]}"
                if question.type == "single":
                    if not isinstance(answer, str) or answer not in valid:
                        error(base + ("answer",), f"单选题的答案应为 {span} 中的一个字母，实际是“{_show(answer)}”")
                else:
                    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
                        error(base + ("answer",), f"多选题的答案应为字母列表，如 [A, C]，实际是“{_show(answer)}”")
                    else:
                        for i, letter in enumerate(answer):
                            if letter not in valid:
                                error(base + ("answer", i), f"多选题的答案“{letter}”不在选项范围 {span} 内")
                        if len(set(answer)) != len(answer):
                            error(base + ("answer",), "多选题的答案中有重复的字母")
                        if len(answer) < 1:
                            error(base + ("answer",), "多选题至少需要一个正确答案")
            elif question.type == "judge":
                if not isinstance(answer, bool):
                    error(base + ("answer",), f"判断题的答案应为 true 或 false，实际是“{_show(answer)}”")
                if question.options:
                    error(base + ("options",), "判断题不需要 options（选项固定为“正确”“错误”）")
            else:
                blanks = blank_count(question.stem)
                if blanks == 0:
                    error(base + ("stem",), "填空题的题干中没有空：请用四个下划线 ____ 标出每个空")
                if not isinstance(answer, list):
                    error(base + ("answer",), "填空题的答案应为列表，每个空一项，如 [一岗双责] 或 [[一岗双责, 一岗两责]]")
                    continue
                if blanks and len(answer) != blanks:
                    error(base + ("answer",), f"填空题的题干有 {blanks} 个空（____），但答案有 {len(answer)} 项")
                for i, accepted in enumerate(answer):
                    options = accepted if isinstance(accepted, list) else [accepted]
                    if not options or any(not str(o).strip() for o in options):
                        error(base + ("answer", i), f"第 {i + 1} 个空的答案不能为空")
                if question.options:
                    error(base + ("options",), "填空题不需要 options")
    return problems


def _show(answer) -> str:
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, list):
        return "[" + ", ".join(_show(a) for a in answer) + "]"
    return str(answer)
