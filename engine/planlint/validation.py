"""Pydantic validation errors as input errors: `file:line: field: message`, in English and Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planlint.errors import PlanlintError
from planlint.yamlio import line_of

# pydantic error type → the Chinese message; `{x}` is filled from the error's context.
ZH_MESSAGES: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "date_type": "应为日期（如 2025-12-31）",
    "date_parsing": "应为日期（如 2025-12-31）",
    "date_from_datetime_parsing": "应为日期（如 2025-12-31）",
    "date_from_datetime_inexact": "应为日期（如 2025-12-31）",
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
}


def zh_message(item: Any) -> str | None:
    """The Chinese text of one pydantic error (None when its type has no translation)."""
    template = ZH_MESSAGES.get(item["type"])
    if template is None:
        return None
    try:
        return template.format(**(item.get("ctx") or {}))
    except (KeyError, IndexError):
        return template.split("：")[0]


def field_name(loc: Sequence[Any]) -> str:
    """'waivers.0.reason': the location as a dotted path, without pydantic's union branch names."""
    return ".".join(str(p) for p in loc if not str(p).startswith(("tuple[", "float", "function-")))


def input_errors(
    error: ValidationError, path: Path, unknown_field: str = "unknown field"
) -> list[PlanlintError]:
    """One PlanlintError per field and line of a validation error, each at its line in `path`."""
    merged: dict[tuple[str, int | None], tuple[list[str], list[str]]] = {}
    for item in error.errors():
        loc = tuple(item["loc"])
        message = (
            unknown_field if item["type"] == "extra_forbidden" else item["msg"].removeprefix("Value error, ")
        )
        zh = zh_message(item) or message
        english, chinese = merged.setdefault((field_name(loc), line_of(path, loc)), ([], []))
        if message not in english:
            english.append(message)
            chinese.append(zh)
    return [
        PlanlintError("; or ".join(english), path=path, line=line, field=field, zh="；或".join(chinese))
        for (field, line), (english, chinese) in merged.items()
    ]
