"""Links and images in Markdown fields, checked at validate with the parser the build uses.

A script or data URL never fails a build (it is shown as text) but is reported; an image from another
host is shown as a link and reported; a link to a file or anchor of the site is an error, because the
page it is rendered into has no such file. The home page text (home.md) is checked here too.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.checks import citation_problem
from generator.content.citations import find_inline
from generator.content.course import HOME_FILE, Course
from generator.content.textfields import markdown_fields
from generator.problems import Problem, Severity, problem_at, problem_in_value
from generator.text import richtext

_MESSAGES = {
    "unsafe": ("链接“{url}”不是网址（只允许 http、https、mailto），页面上只显示为文字，不会生成链接", Severity.WARNING),
    "external-image": ("图片“{url}”来自其他网站：离线网站不从外部加载图片，页面上显示为指向它的链接", Severity.WARNING),
    "relative": (
        (
            "链接“{url}”指向站内的文件或锚点，生成后无法打开：Markdown 字段中只能链接网址（http、https、mailto）；"
            "引用条款请写 [[政策id#锚点]]"
        ),
        Severity.ERROR,
    ),
}


def _located(path: Path, text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    index = max(text.find(needle, offset), 0)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def check_fields(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    for field in markdown_fields(course):
        for finding in richtext.link_findings(field.text):
            message, severity = _MESSAGES[finding.kind]
            problems.append(
                problem_in_value(field.doc, field.path, finding.url, message.format(url=finding.url), severity=severity)
            )
    problems += _check_home_file(course)
    return problems


def _check_home_file(course: Course) -> list[Problem]:
    path = course.root / HOME_FILE
    if not path.is_file():
        return []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Problem(path, 1, 1, "文件不是 UTF-8 编码：请在编辑器中以 UTF-8 格式另存（可能是 GBK 编码）")]
    problems: list[Problem] = []
    if course.settings.home:
        problems.append(
            problem_at(
                course.settings_doc,
                ("home",),
                f"首页内容写了两处：course.yml 的 home 和 {HOME_FILE}，请只保留一处",
                key=True,
            )
        )
    for ref, raw in find_inline(text):
        message = citation_problem(course, ref)
        if message:
            line, column = _located(path, text, raw)
            problems.append(Problem(path, line, column, message))
    for finding in richtext.link_findings(text):
        message, severity = _MESSAGES[finding.kind]
        line, column = _located(path, text, finding.url)
        problems.append(Problem(path, line, column, message.format(url=finding.url), severity))
    return problems
