"""Validate one YAML document against its model and explain failures in Chinese, located."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .yamlsource import KeyPath, YamlDocument

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "文本",
    "int_type": "整数",
    "bool_type": "true 或 false",
    "list_type": "列表（每项以“- ”开头，或写成 [a, b]）",
    "dict_type": "键值映射（“键: 值”）",
    "model_type": "键值映射（“键: 值”）",
    "model_attributes_type": "键值映射（“键: 值”）",
}

_PATTERN_HINTS = {
    "id": "标识符只能由小写英文字母、数字和连字符组成（如 ten-standards-2018）",
    "anchor": "锚点只能由英文字母、数字及 . _ - 组成（如 guiding-ideology 或 3.1.2）",
}


def _data_path(data: Any, loc: tuple[Any, ...]) -> KeyPath:
    """Keep the parts of a pydantic location that name real keys and indexes (drop union tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
    return tuple(path)


def _field_name(path: KeyPath) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else ""


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "布尔值 true/false"
    if isinstance(value, int):
        return f"数字 {value}"
    if isinstance(value, float):
        return f"数字 {value}"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "键值映射"
    return f"文本“{value}”"


def _message(error: dict[str, Any], path: KeyPath, model: type[BaseModel], data: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = _field_name(path)
    value = error.get("input")
    if kind == "missing":
        missing = error["loc"][-1]
        return f"缺少必填字段“{missing}”"
    if kind == "extra_forbidden":
        known = _known_fields(model, error["loc"][:-1], data)
        hint = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        suggestion = f"，是否想写“{hint[0]}”？" if hint else f"。可用字段：{'、'.join(known)}" if known else ""
        return f"未知字段“{field}”{suggestion}"
    if kind in _TYPE_NAMES:
        return f"“{field}”应为{_TYPE_NAMES[kind]}，实际是{_describe(value)}"
    if kind == "literal_error":
        expected = ctx.get("expected", "").replace("'", "").replace(" or ", "、").replace(", ", "、")
        return f"“{field}”的取值必须是 {expected} 之一，实际是{_describe(value)}"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(field, "格式不正确")
        return f"“{value}”不是合法的 {field}：{hint}"
    if kind == "too_short":
        if ctx.get("field_type") == "List":
            return f"“{field}”至少需要 {ctx.get('min_length')} 项"
        return f"“{field}”不能为空"
    if kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
        bound = ctx.get("gt", ctx.get("ge", ctx.get("le", ctx.get("lt"))))
        relation = {"greater_than": "大于", "greater_than_equal": "不小于", "less_than_equal": "不大于", "less_than": "小于"}[kind]
        return f"“{field}”应{relation} {bound}，实际是 {value}"
    if kind in ("int_parsing", "int_from_float"):
        return f"“{field}”应为整数，实际是{_describe(value)}"
    # Our own PydanticCustomError messages are already in Chinese.
    return error["msg"]


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...], data: Any) -> list[str]:
    """Field names of the (nested) model that a location points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
        stack.extend(getattr(item, "__args__", ()) or ())
        origin = getattr(item, "__origin__", None)
        if origin is not None and origin is not item:
            stack.append(origin)
    return None


def validate_document(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        pos = doc.position(())
        return None, [Problem(doc.path, pos.line, pos.column, "文件顶层应为键值映射（“键: 值”），而不是列表或单个值")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[KeyPath] = set()
        for error in exc.errors():
            path = _data_path(doc.data, error["loc"])
            is_key = error["type"] == "extra_forbidden"
            # A union reports one failure per member; one message per place is enough.
            if error["type"] != "missing" and (path, is_key) in seen:
                continue
            seen.add((path, is_key))
            pos = doc.position(path, key=is_key)
            problems.append(Problem(doc.path, pos.line, pos.column, _message(error, path, model, doc.data)))
        return None, problems
