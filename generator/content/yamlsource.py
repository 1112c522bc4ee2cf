"""Read YAML as the content model demands: YAML 1.2 core schema, positions kept, duplicate keys rejected.

PyYAML's resolver follows YAML 1.1 (``yes`` is a boolean, ``2021-02-30`` a timestamp that
crashes the constructor), and its composer follows aliases and recurses once per nesting
level. So we build values straight from the parser's events: iteratively (no recursion, so
no depth can crash us), rejecting what the content model does not use (anchors, aliases,
merge keys, explicit tags) and bounding size, depth and node count before anything grows.
Every plain scalar that resolves to a number or boolean also keeps its text as written,
because a field that holds text must take it exactly as the author typed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from generator.problems import Problem

KeyPath = tuple[str | int, ...]

MAX_BYTES = 5 * 1024 * 1024  # a policy with a thousand provisions is far below this
MAX_DEPTH = 40  # nested lists and mappings; provisions ten levels deep need about 22
MAX_NODES = 200_000  # values and keys in one file
_PREFLIGHT_DEPTH = 1000  # flow brackets: checked on the raw text before any parser sees it
_PYTHON_PARSER_LIMIT = 1024 * 1024  # the slow parser (better messages) only re-reads smaller files

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# YAML 1.2 reads NEL, LS and PS as ordinary characters, PyYAML and libyaml as line breaks (so a
# U+2028 pasted from Word moved every later position down a line). They travel through the
# parser as noncharacters, which no author types, and come back in the values.
_BREAKS_IN = {0x85: "\ufdd0", 0x2028: "\ufdd1", 0x2029: "\ufdd2"}
_BREAKS_OUT = {0xFDD0: "\x85", 0xFDD1: "\u2028", 0xFDD2: "\u2029"}
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BRACKETS = re.compile(r"[\[\]{}]")


try:
    from yaml._yaml import CParser as _FastParser  # libyaml: about ten times faster
except ImportError:  # PyYAML built without libyaml
    _FastParser = None


# PyYAML ships no type information (yaml.* is ignore_missing_imports), so its classes are Any to mypy.
class _SlowParser(Reader, Scanner, Parser):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based
    style: str | None = None  # scalar style: None (plain), "'", '"', "|", ">"


@dataclass
class YamlDocument:
    path: Path
    data: Any
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    # Plain scalars read as numbers or booleans, as written: a text field takes these instead.
    raw: dict[KeyPath, str] = field(default_factory=dict)

    def position(self, path: KeyPath, *, key: bool = False) -> Position:
        """Where a value (or its key) stands; falls back to the nearest enclosing value."""
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))

    def find_in_value(self, path: KeyPath, needle: str, occurrence: int = 0) -> Position:
        """Where the n-th occurrence of a piece of a scalar's text stands in the file."""
        start = self.position(path)
        seen = 0
        for number in range(start.line, len(self.lines) + 1):
            line = self.lines[number - 1]
            column = start.column - 1 if number == start.line else 0
            while (column := line.find(needle, column)) >= 0:
                if seen == occurrence:
                    return Position(number, column + 1)
                seen += 1
                column += len(needle)
        return start


_YAML_MESSAGES = [
    ("mapping values are not allowed", "此处不能出现“键: 值”：冒号后的文字若含“: ”请加引号，或检查缩进"),
    ("found character '\\t' that cannot start any token", "不能用制表符（Tab）缩进，请改用空格"),
    ("found character '\\t'", "不能用制表符（Tab）缩进，请改用空格"),
    ("could not find expected ':'", "缺少冒号“:”，或上一行的引号没有闭合"),
    ("did not find expected key", "缩进不一致，或列表项“- ”与键混在同一层"),
    ("did not find expected '-' indicator", "缩进不一致：列表项应以“- ”开头并对齐"),
    ("expected <block end>, but found", "缩进不一致，请检查这一行与上一级的对齐"),
    ("found unexpected end of stream", "文件意外结束：可能有未闭合的引号或括号"),
    ("found undefined alias", "引用了未定义的锚点别名（*）"),
    ("found unknown escape character", "双引号字符串中有无效的转义字符“\\”，可改用单引号"),
    ("expected ',' or ']'", "方括号列表 [ ] 没有正确闭合"),
    ("expected ',' or '}'", "花括号映射 { } 没有正确闭合"),
    ("found unexpected ':'", "此处的冒号“:”无法解析，请给整段文字加引号"),
    ("found character '@' that cannot start any token", "“@”不能作为值的开头，请加引号"),
    ("found character '`' that cannot start any token", "“`”不能作为值的开头，请加引号"),
    (
        "found character that cannot start any token",
        "此处的字符不能作为值的开头（如 Tab、@、`），请删除或给整段文字加引号",
    ),
    ("expected a single document", "一个文件只能包含一个 YAML 文档（不要使用“---”分隔多个文档）"),
    ("found duplicate anchor", "锚点（&）重复"),
    ("found incompatible YAML document", "不支持的 YAML 版本声明（%YAML），请删除这一行"),
    ("found duplicate YAML directive", "重复的 %YAML 声明，请删除"),
    ("found duplicate tag handle", "重复的 %TAG 声明，请删除"),
    ("found undefined tag handle", "不支持标签（!），请删除"),
    ("while scanning a directive", "“%”开头的指令无法解析：若是正文，请给整段文字加引号"),
    ("while scanning a tag", "不支持标签（!），请删除"),
    ("while scanning an anchor", "不支持锚点（&）和别名（*）：若是正文，请给整段文字加引号"),
    ("while scanning an alias", "不支持锚点（&）和别名（*）：若是正文，请给整段文字加引号"),
    ("expected alphabetic or numeric character", "不支持锚点（&）和别名（*）：若是正文，请给整段文字加引号"),
    ("while scanning a block scalar", "“|”或“>”开头的多行文字格式不正确，请检查缩进"),
    ("while scanning a quoted scalar", "引号中的文字有误：可能有未闭合的引号或无效的转义字符"),
    ("while scanning a plain scalar", "文字中有无法解析的字符，请给整段文字加引号"),
    ("while scanning a simple key", "缺少冒号“:”，或上一行的引号没有闭合"),
    ("while parsing a block", "缩进不一致，请检查这一行与上一级的对齐"),
    ("while parsing a flow", "方括号 [ ] 或花括号 { } 没有正确闭合"),
    ("did not find expected node content", "此处缺少内容，或有多余的符号（如 , ] }）"),
    ("expected the node content", "此处缺少内容，或有多余的符号（如 , ] }）"),
    ("expected '<document start>'", "文件中有多余的内容：一个文件只能包含一个 YAML 文档"),
    ("did not find expected <document start>", "文件中有多余的内容：一个文件只能包含一个 YAML 文档"),
    ("found a tab character", "不能用制表符（Tab）缩进，请改用空格"),
    ("found unexpected document indicator", "引号中的文字里不能有单独一行的“---”或“...”"),
]


def _translate(problem: str | None, context: str | None = None) -> str:
    for text in (problem or "", context or ""):
        for english, chinese in _YAML_MESSAGES:
            if english in text:
                return f"YAML 语法错误：{chinese}"
    # An English message is no use to the authors; say where, and what usually causes it.
    return "YAML 语法错误：此处无法解析，请检查引号、冒号和缩进，或给整段文字加引号"


class _TooLarge(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


_SKIP = object()  # the value of a key that is reported and dropped


class _Frame:
    __slots__ = ("keep", "key", "key_mark", "path", "value")

    def __init__(self, value: Any, path: KeyPath | None) -> None:
        self.value = value
        self.path = path  # None inside a dropped subtree: nothing there is recorded
        self.key: Any = None  # a mapping's pending key (str, _SKIP) or None when a key is due
        self.key_mark: Any = None
        self.keep = path is not None


class _Builder:
    """Plain Python values from parser events, recording positions, raw text and problems."""

    def __init__(self, doc: YamlDocument, problems: list[Problem], restore: bool = False) -> None:
        self.doc = doc
        self.problems = problems
        self.nodes = 0
        self.restore = restore  # the text had NEL, LS or PS, parked as noncharacters
        self.reported: set[tuple[str, str]] = set()

    def error(self, mark: Any, message: str) -> None:
        self.problems.append(Problem(self.doc.path, mark.line + 1, mark.column + 1, message))

    def run(self, parser: Any) -> Any:
        stack: list[_Frame] = []
        result: Any = None
        documents = 0
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is ScalarEvent:  # most events: kept first and short, for speed
                parent = stack[-1] if stack else None
                path = self._child_path(parent)
                self._count_and_vet(event)
                value = self._scalar(event, path)
                if parent is None:
                    result = value
                else:
                    self._attach(parent, value, event)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                if not stack:
                    result = frame.value
                else:
                    self._attach(stack[-1], frame.value, event, finished=frame)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                parent = stack[-1] if stack else None
                path = self._child_path(parent)
                self._count_and_vet(event)
                if len(stack) >= MAX_DEPTH:
                    raise _TooLarge(event.start_mark, f"嵌套层数过多（超过 {MAX_DEPTH} 层），请检查缩进或括号")
                frame = _Frame({} if kind is MappingStartEvent else [], path)
                if parent is not None and parent.key is None and isinstance(parent.value, dict) and parent.keep:
                    # A list or mapping where a key belongs: reported once, and its value dropped.
                    self.error(event.start_mark, "键必须是简单文字，不能是列表或映射")
                    frame.path, frame.keep = None, False
                if frame.path is not None:
                    self.doc.values[frame.path] = _position(event)
                stack.append(frame)
            elif kind is AliasEvent:
                parent = stack[-1] if stack else None
                self._count_and_vet(event)
                if parent is not None:
                    self._attach(parent, None, event)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.error(event.start_mark, _translate("expected a single document"))
                    return result
            elif event is None or kind is StreamEndEvent:
                return result

    def _count_and_vet(self, event: Any) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(event.start_mark, f"文件中的条目过多（超过 {MAX_NODES} 个），请拆分为多个文件")
        alias = type(event) is AliasEvent
        if event.anchor is not None or alias:
            sign = "*" if alias else "&"
            if (sign, event.anchor) not in self.reported:  # an alias bomb repeats one alias thousands of times
                self.reported.add((sign, event.anchor))
                self.error(event.start_mark, f"不支持锚点（&）和别名（*）：“{sign}{event.anchor}”，请把内容直接写出来")
        elif event.tag is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.error(event.start_mark, f"不支持显式标签“{tag}”：请删除它，把内容直接写出来")

    def _child_path(self, parent: _Frame | None) -> KeyPath | None:
        if parent is None:
            return ()
        if parent.path is None:
            return None
        if isinstance(parent.value, list):
            return parent.path + (len(parent.value),)
        if parent.key is None or parent.key is _SKIP:
            return None  # a key (recorded separately) or a dropped value
        return parent.path + (parent.key,)

    def _attach(self, frame: _Frame, value: Any, event: Any, finished: _Frame | None = None) -> None:
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        if frame.key is None:
            if finished is not None:  # a collection as a key: already reported
                frame.key = _SKIP
                return
            self._key(frame, event)
            return
        if frame.key is not _SKIP and frame.keep:
            frame.value[frame.key] = value
        frame.key = None

    def _key(self, frame: _Frame, event: Any) -> None:
        if isinstance(event, AliasEvent):
            frame.key = _SKIP
            return
        key = event.value or ""
        key = _SURROGATE.sub("\ufffd", key.translate(_BREAKS_OUT) if self.restore else key)
        mark = event.start_mark
        if not frame.keep:
            frame.key = _SKIP
            return
        if key == "<<" and _plain(event):
            self.error(mark, "不支持合并键“<<”：请把要合并的内容直接写出来")
            frame.key = _SKIP
            return
        assert frame.path is not None
        if key in frame.value or frame.path + (key,) in self.doc.keys:
            first = self.doc.keys[frame.path + (key,)]
            self.error(mark, f"重复的键“{key}”（第 {first.line} 行已写过）：同一层不能写两次，请合并或删除一处")
            frame.key = _SKIP
            return
        self.doc.keys[frame.path + (key,)] = _position(event)
        frame.value[key] = None  # keeps the key's place (and catches a duplicate) before its value
        frame.key = key

    def _scalar(self, event: Any, path: KeyPath | None) -> Any:
        text = event.value.translate(_BREAKS_OUT) if self.restore else event.value
        if event.style == '"' and _SURROGATE.search(text):  # only an escape (\ud800) can make one
            self.error(event.start_mark, "文字中有无效的 Unicode 字符（单独的代理项，如 \\ud800），请删除它")
            text = _SURROGATE.sub("\ufffd", text)
        if path is not None:
            self.doc.values[path] = _position(event)
        if not _plain(event) or event.tag is not None:
            return text
        value = _resolve(text)
        if path is not None and not isinstance(value, str) and value is not None:
            self.doc.raw[path] = text
        return value


def _plain(event: Any) -> bool:
    return not event.style and bool(event.implicit and event.implicit[0])


def _position(event: Any) -> Position:
    style = (getattr(event, "style", None) or None) if isinstance(event, ScalarEvent) else None
    return Position(event.start_mark.line + 1, event.start_mark.column + 1, style)


def _resolve(text: str) -> Any:
    """A plain scalar under the YAML 1.2 core schema (no timestamps, no yes/no)."""
    if not text or text[0] not in "~nNtTfF-+.0123456789":
        return text
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        try:
            if text.startswith("0o"):
                return int(text, 8)
            if text.startswith("0x"):
                return int(text, 16)
            return int(text)
        except ValueError:  # beyond Python's int-from-text digit limit: no field wants such a number
            return text
    if _FLOAT.match(text):
        lowered = text.lower()
        if lowered.endswith("inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered.endswith("nan"):
            return float("nan")
        return float(text)
    return text


def _preflight(text: str, path: Path) -> Problem | None:
    """Nesting too deep for any parser, found by counting brackets (quotes and comments ignored:
    the limit is far above what any real file reaches)."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > _PREFLIGHT_DEPTH:
            before = text[: match.start()]
            line = before.count("\n") + 1
            column = match.start() - (before.rfind("\n") + 1) + 1
            return Problem(path, line, column, f"嵌套层数过多（超过 {MAX_DEPTH} 层），请检查缩进或括号")
        depth = max(depth, 0)
    return None


def _split_lines(text: str) -> list[str]:
    # The line breaks YAML counts, and no others (str.splitlines also splits at U+2028, \x0c …).
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _located(path: Path, text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    lines = _LINE_BREAK.split(before)
    return len(lines), len(lines[-1]) + 1


def parse_yaml(text: str, path: Path) -> tuple[YamlDocument, list[Problem]]:
    """Parse one YAML document from text; every problem comes back located, never raised."""
    doc = YamlDocument(path=path, data=None, lines=_split_lines(text))
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return doc, [
            Problem(path, 1, 1, f"文件过大：单个文件不能超过 {MAX_BYTES // (1024 * 1024)} MB，请拆分为多个文件")
        ]
    early = _preflight(text, path)
    if early is not None:
        return doc, [early]
    restore = any(chr(c) in text for c in _BREAKS_IN) and not any(chr(c) in text for c in _BREAKS_OUT)
    source = text.translate(_BREAKS_IN) if restore else text
    problems: list[Problem] = []
    if _FastParser is not None:
        outcome = _run(_FastParser, source, doc, problems, restore)
        if outcome is None or isinstance(outcome, _TooLarge) or len(source) > _PYTHON_PARSER_LIMIT:
            return _finish(doc, problems, outcome, text)
        doc = YamlDocument(path=path, data=None, lines=doc.lines)
        problems = []
    return _finish(doc, problems, _run(_SlowParser, source, doc, problems, restore), text)


def _run(parser_class: Any, source: str, doc: YamlDocument, problems: list[Problem], restore: bool) -> Exception | None:
    """Build the document with one parser; the parser's own error, if any, is returned."""
    parser = None
    try:
        parser = parser_class(source)  # the pure-Python reader already checks characters here
        doc.data = _Builder(doc, problems, restore).run(parser)
    except (yaml.YAMLError, _TooLarge) as exc:
        doc.data = None
        return exc
    finally:
        if parser is not None:
            parser.dispose()
    return None


def _finish(
    doc: YamlDocument, problems: list[Problem], error: Exception | None, text: str
) -> tuple[YamlDocument, list[Problem]]:
    path = doc.path
    if isinstance(error, _TooLarge):
        return doc, [*problems, Problem(path, error.mark.line + 1, error.mark.column + 1, error.message)]
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _located(path, text, error.position)
        character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        return doc, [*problems, Problem(path, line, column, f"文件中有不允许的控制字符（U+{character:04X}），请删除它")]
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return doc, [*problems, Problem(path, line, column, _translate(error.problem, error.context))]
    if isinstance(error, yaml.YAMLError):
        return doc, [*problems, Problem(path, 1, 1, _translate(str(error)))]
    if doc.data is None and not problems:
        problems.append(Problem(path, 1, 1, "文件是空的"))
    return doc, problems


_ERRNO_MESSAGES = {
    "EACCES": "没有读取权限",
    "EPERM": "没有读取权限",
    "ENOENT": "文件不存在（可能是指向不存在文件的符号链接）",
    "EISDIR": "这是一个文件夹，不是文件",
    "ELOOP": "符号链接循环指向自身",
    "ENAMETOOLONG": "文件名过长",
    "EIO": "磁盘读取错误",
}


def os_error_message(exc: OSError) -> str:
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _ERRNO_MESSAGES.get(name, "系统无法读取它")


def read_yaml(path: Path) -> tuple[YamlDocument, list[Problem]]:
    """Read a UTF-8 YAML file; anything but a regular file of sane size is a located problem."""
    import os
    import stat

    empty = YamlDocument(path=path, data=None)
    try:
        info = os.stat(path)  # before opening: a FIFO would block the open forever
    except OSError as exc:
        return empty, [Problem(path, 1, 1, f"无法读取文件：{os_error_message(exc)}")]
    if not stat.S_ISREG(info.st_mode):
        return empty, [
            Problem(path, 1, 1, "不是普通文件（可能是管道、设备或文件夹），无法读取，请删除或换成 YAML 文件")
        ]
    if info.st_size > MAX_BYTES:
        return empty, [
            Problem(path, 1, 1, f"文件过大：单个文件不能超过 {MAX_BYTES // (1024 * 1024)} MB，请拆分为多个文件")
        ]
    try:
        # O_NONBLOCK: the file could have been swapped for a FIFO since the stat above.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return empty, [
                    Problem(path, 1, 1, "不是普通文件（可能是管道、设备或文件夹），无法读取，请删除或换成 YAML 文件")
                ]
            with os.fdopen(fd, "rb", closefd=False) as handle:
                raw = handle.read(MAX_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        return empty, [Problem(path, 1, 1, f"无法读取文件：{os_error_message(exc)}")]
    if len(raw) > MAX_BYTES:
        return empty, [
            Problem(path, 1, 1, f"文件过大：单个文件不能超过 {MAX_BYTES // (1024 * 1024)} MB，请拆分为多个文件")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return empty, [Problem(path, line, 1, "文件不是 UTF-8 编码：请在编辑器中以 UTF-8 格式另存（可能是 GBK 编码）")]
    return parse_yaml(text, path)
