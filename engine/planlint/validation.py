"""Pydantic validation errors as input errors: `file:line: field: message`, in English and Chinese."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planlint.errors import InvalidValue, PlanlintError
from planlint.yamlio import line_of

# pydantic error type → the Chinese message; `{x}` is filled from the error's context. A `value_error` is
# our validators' `InvalidValue`, which carries its own Chinese.
ZH_MESSAGES: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "string_type": "应为文字",
    "string_sub_type": "应为文字",
    "string_unicode": "应为有效的 Unicode 文字",
    "string_too_short": "不能为空",
    "string_too_long": "文字过长（至多 {max_length} 个字符）",
    "string_pattern_mismatch": "不符合格式 {pattern}",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_parsing_size": "整数超出范围",
    "int_from_float": "应为整数，不能有小数部分",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "set_type": "应为列表",
    "frozen_set_type": "应为列表",
    "iterable_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "invalid_key": "键应为文字",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "dataclass_type": "应为映射（键: 值）",
    "date_type": "应为日期（如 2025-12-31）",
    "date_parsing": "应为日期（如 2025-12-31）",
    "date_from_datetime_parsing": "应为日期（如 2025-12-31）",
    "date_from_datetime_inexact": "应为日期（如 2025-12-31）",
    "datetime_type": "应为日期时间（如 2025-12-31T00:00:00）",
    "datetime_parsing": "应为日期时间（如 2025-12-31T00:00:00）",
    "datetime_from_date_parsing": "应为日期时间（如 2025-12-31T00:00:00）",
    "literal_error": "应为以下之一：{expected}",
    "enum": "应为以下之一：{expected}",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "finite_number": "应为有限数值",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "至多 {max_length} 项",
    "union_tag_invalid": "应为以下之一：{expected_tags}",
    "union_tag_not_found": "缺少用于区分类型的字段 {discriminator}",
    "frozen_instance": "不可修改",
    "recursion_loop": "数据自我引用（成环）",
}


def zh_message(item: Any) -> str:
    """The Chinese text of one pydantic error (a type without a translation says so, keeping pydantic's)."""
    ctx = item.get("ctx") or {}
    if item["type"] == "value_error" and isinstance(ctx.get("error"), InvalidValue):
        return str(ctx["error"].zh)
    template = ZH_MESSAGES.get(item["type"])
    if template is None:
        return f"值无效：{english_message(item)}"
    try:
        return template.format(**{key: _listed(value) for key, value in ctx.items()})
    except (KeyError, IndexError):
        return template.split("：")[0]


def _listed(value: object) -> object:
    """pydantic's "'a', 'b' or 'c'" as "'a'、'b'、'c'"."""
    return value.replace(" or ", "、").replace(", ", "、") if isinstance(value, str) else value


def english_message(item: Any) -> str:
    """pydantic's English text of one error, without its `Value error, ` prefix."""
    return str(item["msg"]).removeprefix("Value error, ")


def field_name(loc: Sequence[Any]) -> str:
    """'waivers.0.reason': the location as a dotted path, without pydantic's union branch names."""
    return ".".join(str(p) for p in loc if not _branch_name(p))


def _branch_name(part: object) -> bool:
    """A union branch pydantic names in a location: `literal['a','b']`, `tuple[...]`, `float`, a model's class."""
    return isinstance(part, str) and (
        "[" in part
        or part in ("float", "int", "str", "bool")
        or part.startswith(("constrained-", "function-"))
        or re.fullmatch("[A-Z][A-Za-z0-9]*", part) is not None
    )


Loc = tuple[str | int, ...]


def described(
    error: ValidationError, unknown_field: tuple[str, str] = ("unknown field", "未知字段")
) -> list[tuple[Loc, str, str, str]]:
    """(loc, field, English, Chinese) per field of a validation error; a union's branches merged into one.

    `unknown_field` words an unknown key (English, Chinese).
    """
    merged: dict[str, tuple[Loc, list[str], list[str]]] = {}
    for item in error.errors():
        loc = tuple(item["loc"])
        unknown = item["type"] == "extra_forbidden"
        message = unknown_field[0] if unknown else english_message(item)
        _, english, chinese = merged.setdefault(field_name(loc), (loc, [], []))
        zh = unknown_field[1] if unknown else zh_message(item)
        english.extend([message] if message not in english else [])
        chinese.extend([zh] if zh not in chinese else [])
    return [
        (loc, field, "; or ".join(english), "；或".join(chinese))
        for field, (loc, english, chinese) in merged.items()
    ]


def input_errors(
    error: ValidationError, path: Path, unknown_field: tuple[str, str] = ("unknown field", "未知字段")
) -> list[PlanlintError]:
    """One PlanlintError per field of a validation error, each at its line in `path`."""
    return [
        PlanlintError(english, path, line_of(path, loc), field or None, zh=chinese)
        for loc, field, english, chinese in described(error, unknown_field)
    ]
