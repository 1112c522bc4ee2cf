"""Read YAML as the content model demands: YAML 1.2 core schema, positions kept, duplicate keys rejected.

PyYAML's resolver follows YAML 1.1 (``yes`` is a boolean, ``2021-02-30`` a timestamp that
crashes the constructor), so we compose nodes with a core-schema resolver and build the
values ourselves, recording where every value and key stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .problems import Problem

KeyPath = tuple[str | int, ...]


class CoreSchemaResolver(BaseResolver):
    """Implicit tags of the YAML 1.2 core schema, nothing more (no timestamps, no yes/no)."""


for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    CoreSchemaResolver.add_implicit_resolver(_tag, re.compile(_pattern), _first)


class _CoreLoader(Reader, Scanner, Parser, Composer, CoreSchemaResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        CoreSchemaResolver.__init__(self)


try:
    from yaml._yaml import CParser

    class _FastCoreLoader(CParser, CoreSchemaResolver):
        """libyaml does the scanning (about ten times faster); the resolver stays ours."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            CoreSchemaResolver.__init__(self)

except ImportError:  # PyYAML built without libyaml
    _FastCoreLoader = None  # type: ignore[assignment,misc]


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
    ("mapping values are not allowed here", "此处不能出现“键: 值”：冒号后的文字若含“: ”请加引号，或检查缩进"),
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
    ("expected a single document", "一个文件只能包含一个 YAML 文档（不要使用“---”分隔多个文档）"),
]


def _translate(problem: str | None) -> str:
    text = problem or ""
    for english, chinese in _YAML_MESSAGES:
        if english in text:
            return f"YAML 语法错误：{chinese}"
    return f"YAML 语法错误：{text}" if text else "YAML 语法错误"


class _Builder:
    """Turns composed nodes into plain Python values, recording positions and duplicate keys."""

    def __init__(self, doc: YamlDocument, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def build(self, node: Node, path: KeyPath) -> Any:
        self.doc.values[path] = _position(node)
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        return None

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._error(key_node, "键必须是简单文字，不能是列表或映射")
                continue
            key = str(_scalar(key_node))
            if key in result:
                first = self.doc.keys[path + (key,)]
                self._error(key_node, f"重复的键“{key}”（第 {first.line} 行已写过）：同一层不能写两次，请合并或删除一处")
                continue
            self.doc.keys[path + (key,)] = _position(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _error(self, node: Node, message: str) -> None:
        pos = _position(node)
        self.problems.append(Problem(self.doc.path, pos.line, pos.column, message))


def _position(node: Node) -> Position:
    style = (node.style or None) if isinstance(node, ScalarNode) else None  # libyaml says "" for plain
    return Position(node.start_mark.line + 1, node.start_mark.column + 1, style)


def _scalar(node: ScalarNode) -> Any:
    value = node.value
    tag = node.tag
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value)
    if tag == "tag:yaml.org,2002:float":
        lowered = value.lower()
        if lowered.endswith("inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered.endswith("nan"):
            return float("nan")
        return float(value)
    return value


def _compose_fast(text: str) -> Node | None:
    """Compose with libyaml; None when it is missing or the text has a syntax error, which the
    pure-Python composer then reports with the messages we translate."""
    if _FastCoreLoader is None:
        return None
    loader = _FastCoreLoader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def parse_yaml(text: str, path: Path) -> tuple[YamlDocument, list[Problem]]:
    """Parse one YAML document from text; syntax errors come back as located problems."""
    doc = YamlDocument(path=path, data=None, lines=text.splitlines())
    problems: list[Problem] = []
    node = _compose_fast(text)
    if node is not None:
        doc.data = _Builder(doc, problems).build(node, ())
        return doc, problems
    loader = None
    try:
        loader = _CoreLoader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.append(Problem(path, line, column, _translate(exc.problem)))
        return doc, problems
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        problems.append(Problem(path, line, column, f"文件中有不允许的控制字符（U+{exc.character:04X}），请删除它"))
        return doc, problems
    except yaml.YAMLError as exc:
        problems.append(Problem(path, 1, 1, f"YAML 读取错误：{exc}"))
        return doc, problems
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        problems.append(Problem(path, 1, 1, "文件是空的"))
        return doc, problems
    doc.data = _Builder(doc, problems).build(node, ())
    return doc, problems


def read_yaml(path: Path) -> tuple[YamlDocument, list[Problem]]:
    """Read a UTF-8 YAML file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return YamlDocument(path=path, data=None), [Problem(path, 1, 1, f"无法读取文件：{exc.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return YamlDocument(path=path, data=None), [
            Problem(path, line, 1, "文件不是 UTF-8 编码：请在编辑器中以 UTF-8 格式另存（可能是 GBK 编码）")
        ]
    return parse_yaml(text, path)
