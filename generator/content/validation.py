"""Validate one YAML document against its model and explain failures in Chinese, located.

Before validation, every plain scalar the reader took for a number or boolean is given back
as written wherever the model wants text (``number: 1.`` is "1.", ``issued: 2021`` is
"2021"), decided by the model's own annotations. After a failure, what could still be read is
salvaged so that cross-file checks see the document's id (and a policy's anchors) instead of
reporting every reference to it as broken.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Tag,
    TypeAdapter,
    ValidationError,
)
from pydantic.fields import FieldInfo

from generator.content.model import RULE_ERRORS, RULES_OFF, ReadAs
from generator.content.yamlsource import KeyPath, YamlDocument
from generator.problems import Problem, closest, problem_at

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "文本",
    "int_type": "整数",
    "float_type": "数字",
    "bool_type": "true 或 false",
    "list_type": "列表（每项以“- ”开头，或写成 [a, b]）",
    "dict_type": "键值映射（“键: 值”）",
    "model_type": "键值映射（“键: 值”）",
    "model_attributes_type": "键值映射（“键: 值”）",
    "none_required": "空值",
}

_PATTERN_HINTS = {
    "id": "标识符只能由小写英文字母、数字和连字符组成（如 ten-standards-2018）",
    "anchor": "锚点只能由英文字母、数字及 . _ - 组成（如 guiding-ideology 或 3.1.2）",
    "cases": "案例 id 只能由小写英文字母、数字和连字符组成（如 paid-tutoring-2021-01）",
    "quiz": "自测 id 只能由小写英文字母、数字和连字符组成（如 quiz-ten-standards）",
}


# --- values as written ------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _members(annotation: Any) -> tuple[Any, ...]:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return tuple(m for arg in typing.get_args(annotation) for m in _members(arg))
    return (annotation,)


def _takes_as_is(annotation: Any, value: Any) -> bool:
    """Whether a member type accepts this scalar as it was read (no conversion in strict mode)."""
    if annotation is Any:
        return True
    if typing.get_origin(annotation) is Literal:
        return any(type(arg) is type(value) and arg == value for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is bool:
        return isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is str or _is_vocabulary(annotation):
        return isinstance(value, str)
    return False


def _is_vocabulary(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, StrEnum)


def _takes_text(annotation: Any) -> bool:
    if annotation is str or _is_vocabulary(annotation):
        return True
    return typing.get_origin(annotation) is Literal and any(isinstance(arg, str) for arg in typing.get_args(annotation))


def _model_of(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _annotation(info: FieldInfo) -> Any:
    """A field's annotation with the metadata pydantic keeps apart (ReadAs among it)."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def _read_as(annotation: Any) -> Any:
    """What a field is read as: its ReadAs annotation if it has one (see model.ReadAs)."""
    if typing.get_origin(annotation) is Annotated:
        for item in typing.get_args(annotation)[1:]:
            if isinstance(item, ReadAs):
                return item.annotation
    return annotation


def _variants(annotation: Any) -> tuple[Discriminator, dict[str, Any]] | None:
    """A discriminated union's discriminator and its members by tag; None for any other annotation."""
    if typing.get_origin(annotation) is not Annotated:
        return None
    union, *metadata = typing.get_args(annotation)
    for item in metadata:
        found = item.discriminator if isinstance(item, FieldInfo) else item
        if isinstance(found, str):
            found = Discriminator(found)
        if not isinstance(found, Discriminator):
            continue
        members: dict[str, Any] = {}
        for member in typing.get_args(_unwrap(union)):
            tags = (
                [m.tag for m in typing.get_args(member)[1:] if isinstance(m, Tag)]
                if typing.get_origin(member) is Annotated
                else []
            )
            model = _model_of(_unwrap(member))
            if tags:
                members[tags[0]] = _unwrap(member)
            elif (
                model is not None and isinstance(found.discriminator, str) and found.discriminator in model.model_fields
            ):
                for value in typing.get_args(_unwrap(model.model_fields[found.discriminator].annotation)):
                    members[str(value)] = model
        return found, members
    return None


def _variant(annotation: Any, value: Any) -> Any:
    """The member of a discriminated union that a value is validated against (None if not such a union)."""
    variants = _variants(annotation)
    if variants is None or not isinstance(value, dict):
        return None
    discriminator, members = variants
    pick = discriminator.discriminator
    tag = pick(value) if callable(pick) else value.get(pick)
    return members.get(tag) if isinstance(tag, str) else None


def _child(annotation: Any, part: str | int) -> Any:
    """The annotation of what ``part`` (a field name, a list index, a mapping key) holds."""
    for member in _members(annotation):
        model = _model_of(member)
        if model is not None:
            info = model.model_fields.get(part) if isinstance(part, str) else None
            if info is not None:
                return info.annotation
        elif typing.get_origin(member) is list and isinstance(part, int):
            return (typing.get_args(member) or (Any,))[0]
        elif typing.get_origin(member) is dict and isinstance(part, str):
            args = typing.get_args(member)
            return args[1] if len(args) == 2 else Any
    return Any


def conform(
    value: Any, annotation: Any, path: KeyPath, raw: dict[KeyPath, str], _within: set[KeyPath] | None = None
) -> Any:
    """The value with plain scalars given back as written wherever the annotation wants text."""
    within = _within if _within is not None else {p[:i] for p in raw for i in range(len(p) + 1)}
    if path not in within:
        return value  # nothing below here was read as a number or boolean
    annotation = _read_as(annotation)
    annotation = _variant(annotation, value) or annotation
    members = _members(annotation)
    if isinstance(value, dict):
        for member in members:
            model = _model_of(member)
            if model is not None:
                fields = model.model_fields
                return {
                    k: conform(v, _annotation(fields[k]), path + (k,), raw, within) if k in fields else v
                    for k, v in value.items()
                }
            if typing.get_origin(member) is dict:
                inner = typing.get_args(member)[1] if len(typing.get_args(member)) == 2 else Any
                return {k: conform(v, inner, path + (k,), raw, within) for k, v in value.items()}
        return value
    if isinstance(value, list):
        for member in members:
            if typing.get_origin(member) is list:
                inner = (typing.get_args(member) or (Any,))[0]
                return [conform(item, inner, path + (i,), raw, within) for i, item in enumerate(value)]
        return value
    text = raw.get(path)
    if text is None or any(_takes_as_is(m, value) for m in members):
        return value
    return text if any(_takes_text(m) for m in members) else value


# --- messages ---------------------------------------------------------------------------------


def _walk(model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> tuple[KeyPath, Any]:
    """The data path a pydantic location points at, and the annotation found there.

    Only the parts that name real keys and indexes are kept: a plain union adds its member's name
    (dropped, as no data has it), a discriminated union its tag (dropped by knowing the model,
    even where the data happens to hold a key spelled like the tag)."""
    path: list[str | int] = []
    node, annotation = data, model
    for part in loc:
        variants = _variants(annotation)
        if variants is not None and isinstance(part, str) and part in variants[1]:
            annotation = variants[1][part]
            continue
        below = _below(node, part)
        if below is _ABSENT:
            continue
        node = below
        path.append(part)
        annotation = _child(annotation, part)
    return tuple(path), annotation


_ABSENT = object()


def _below(node: Any, part: str | int) -> Any:
    """What a key or index holds in the data, or _ABSENT."""
    if isinstance(node, dict) and isinstance(part, str):
        return node.get(part, _ABSENT)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _ABSENT


def _data_path(data: Any, loc: tuple[Any, ...], model: type[BaseModel]) -> KeyPath:
    return _walk(model, data, loc)[0]


def _field_name(path: KeyPath) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else ""


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "布尔值 true/false"
    if isinstance(value, (int, float)):
        return f"数字 {_short(str(value))}"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "键值映射"
    return f"文本“{_short(str(value))}”"


def _message(
    error: Mapping[str, Any], path: KeyPath, model: type[BaseModel], data: Any, doc: YamlDocument | None = None
) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if "line_of" in ctx and "template" in ctx and doc is not None:
        # A rule that cites where something was first written (a path from the document's top).
        values = {k: v for k, v in ctx.items() if k not in ("template", "line_of")}
        return str(ctx["template"]).format_map({**values, "line": doc.position(tuple(ctx["line_of"])).line})
    field = _field_name(path)
    value = error.get("input")
    if kind == "missing":
        missing = error["loc"][-1]
        return f"缺少必填字段“{missing}”"
    if kind == "extra_forbidden":
        known = _known_fields(model, error["loc"][:-1], data)
        hint = closest(field, known, n=1)
        suggestion = f"，是否想写“{hint[0]}”？" if hint else f"。可用字段：{'、'.join(known)}" if known else ""
        return f"未知字段“{_short(field)}”{suggestion}"
    if kind in _TYPE_NAMES:
        return f"“{field}”应为{_TYPE_NAMES[kind]}，实际是{_describe(value)}"
    if kind in ("literal_error", "enum"):  # a bare Literal, or a vocabulary (StrEnum)
        expected = ctx.get("expected", "").replace("'", "").replace(" or ", "、").replace(", ", "、")
        return f"“{field}”的取值必须是 {expected} 之一，实际是{_describe(value)}"
    if kind == "string_pattern_mismatch":
        rule = _PATTERN_HINTS.get(field, "格式不正确")
        return f"“{_short(str(value))}”不是合法的 {field}：{rule}"
    if kind in ("too_short", "string_too_short"):
        if ctx.get("field_type") == "List" or isinstance(value, list):
            return f"“{field}”至少需要 {ctx.get('min_length')} 项"
        return f"“{field}”不能为空"
    if kind in ("too_long", "string_too_long"):
        unit = "项" if isinstance(value, list) else "个字符"
        return f"“{field}”太长：最多 {ctx.get('max_length')} {unit}"
    if kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
        bound = ctx.get("gt", ctx.get("ge", ctx.get("le", ctx.get("lt"))))
        relation = {
            "greater_than": "大于",
            "greater_than_equal": "不小于",
            "less_than_equal": "不大于",
            "less_than": "小于",
        }[kind]
        return f"“{field}”应{relation} {bound}，实际是 {_short(str(value))}"
    if kind in ("int_parsing", "int_from_float", "int_parsing_size"):
        return f"“{field}”应为整数，实际是{_describe(value)}"
    if kind == "string_unicode":
        return f"“{field}”中有无效的 Unicode 字符，请删除它"
    if kind == "text_blank":
        return f"“{field}”不能为空（只有空格也算空）"
    if kind in ("recursion_loop",):
        return "内容嵌套过深，请检查缩进"
    message = str(error.get("msg", ""))
    if _CUSTOM_MESSAGE.search(message):
        return message  # our own PydanticCustomError messages are already in Chinese
    # Whatever pydantic says in English means nothing to the authors: name the field instead.
    return (
        f"“{field}”的值不符合要求，实际是{_describe(value)}"
        if field
        else f"此处的内容不符合要求，实际是{_describe(value)}"
    )


_CUSTOM_MESSAGE = re.compile(r"[\u4e00-\u9fff]")


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...], data: Any) -> list[str]:
    """Field names of the (nested) model that a location points into."""
    _, annotation = _walk(model, data, loc)
    found = next((m for m in map(_model_of, _members(annotation)) if m is not None), None)
    return list(found.model_fields) if found is not None else []


# --- salvage ----------------------------------------------------------------------------------


@dataclass
class Checked:
    """A document checked against its model: the item if it is valid, and otherwise what could be
    read of it (placeholders where fields were wrong or missing; ``lost`` says where)."""

    item: Any
    problems: list[Problem]
    salvaged: Any = None
    lost: list[KeyPath] = field(default_factory=list)


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    annotation = _annotation(model.model_fields[name])
    # Strict as the models are, through the config rather than per call: a per-call strict would
    # override the lax enum fields (``Vocabulary``) and reject every ``status: in_force``.
    return TypeAdapter(annotation, config=ConfigDict(strict=True))


def _placeholder(annotation: Any) -> Any:
    members = _members(annotation)
    if type(None) in members:
        return None
    first = members[0]
    origin = typing.get_origin(first)
    if origin is list:
        return []
    if origin is dict:
        return {}
    if origin is Literal:
        return typing.get_args(first)[0]
    if _is_vocabulary(first):
        return next(iter(first))
    if first is bool:
        return False
    if first in (int, float):
        return 0
    return ""


def _salvage(
    model: type[BaseModel], data: dict[str, Any], path: KeyPath, bad: set[KeyPath], lost: list[KeyPath]
) -> BaseModel:
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        here = path + (name,)
        if name in data:
            value = data[name]
            if not any(p[: len(here)] == here for p in bad):
                try:
                    values[name] = _adapter(model, name).validate_python(value)
                    continue
                except ValidationError:
                    pass
            nested = _salvage_nested(info.annotation, value, here, bad, lost)
            if nested is not None:
                values[name] = nested
                continue
            lost.append(here)
        elif info.is_required():
            lost.append(here)
        if info.is_required():
            values[name] = _placeholder(info.annotation)
    return model.model_construct(**values)


def _salvage_nested(annotation: Any, value: Any, path: KeyPath, bad: set[KeyPath], lost: list[KeyPath]) -> Any:
    for member in _members(annotation):
        model = _model_of(member)
        if model is not None and isinstance(value, dict):
            return _salvage(model, value, path, bad, lost)
        if typing.get_origin(member) is list and isinstance(value, list):
            inner = (typing.get_args(member) or (Any,))[0]
            if _model_of(_unwrap(inner)) is None and _variants(inner) is None:
                return None
            items = []
            for i, item in enumerate(value):
                model = _model_of(_unwrap(inner)) or _variant(inner, item)
                if isinstance(item, dict) and model is not None:
                    items.append(_salvage(model, item, path + (i,), bad, lost))
                else:
                    lost.append(path + (i,))
            return items
    return None


def check_document(doc: YamlDocument, model: type[M]) -> Checked:
    """Validate a document; on failure, say why (located, in Chinese) and salvage what was readable."""
    if not isinstance(doc.data, dict):
        return Checked(None, [problem_at(doc, (), "文件顶层应为键值映射（“键: 值”），而不是列表或单个值")])
    data = conform(doc.data, model, (), doc.raw)
    try:
        return Checked(model.model_validate(data), [])
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[tuple[KeyPath, bool]] = set()
        bad: set[KeyPath] = set()
        for error in exc.errors():
            path = _data_path(data, error["loc"], model)
            bad.add(path)
            is_key = error["type"] == "extra_forbidden"
            # A union reports one failure per member; one message per place is enough.
            if error["type"] != "missing" and (path, is_key) in seen:
                continue
            seen.add((path, is_key))
            problems.append(problem_at(doc, path, _message(error, path, model, data, doc=doc), key=is_key))
        if all(error["type"] in RULE_ERRORS for error in exc.errors()):
            # Only content rules are broken: the document is still read, for the checks across files.
            try:
                return Checked(model.model_validate(data, context=RULES_OFF), problems)
            except ValidationError:
                pass
        lost: list[KeyPath] = []
        salvaged = _salvage(model, data, (), bad, lost)
        return Checked(None, problems, salvaged, lost)


def validate_document(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    checked = check_document(doc, model)
    return checked.item, checked.problems
