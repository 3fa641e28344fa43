"""Pydantic validation errors as input errors: `file:line: field: message`, in English and Chinese."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planlint.errors import InvalidValue, PlanlintError
from planlint.errortext import PATTERN_WORDS, PYDANTIC_ZH
from planlint.yamlio import line_of


def zh_message(item: Any) -> str:
    """The Chinese text of one pydantic error (a type without a translation says so, keeping pydantic's)."""
    ctx = item.get("ctx") or {}
    if item["type"] == "value_error" and isinstance(ctx.get("error"), InvalidValue):
        return str(ctx["error"].zh)
    if item["type"] == "string_pattern_mismatch" and ctx.get("pattern") in PATTERN_WORDS:
        return PATTERN_WORDS[ctx["pattern"]]["zh"]
    template = PYDANTIC_ZH.get(item["type"])
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
    """pydantic's English text of one error, without its `Value error, ` prefix (a format said in words)."""
    pattern = (item.get("ctx") or {}).get("pattern")
    if item["type"] == "string_pattern_mismatch" and pattern in PATTERN_WORDS:
        return PATTERN_WORDS[pattern]["en"]
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


def as_model_error(item: Any) -> Any:
    """An error of a pydantic dataclass (`model.Cite`, `model.Indicator`) as the same error of a model: an
    unknown key is `extra_forbidden`, a value that is not a mapping `model_type`, worded as for a model."""
    if item["type"] == "unexpected_keyword_argument":
        return {**item, "type": "extra_forbidden", "msg": "Extra inputs are not permitted"}
    if item["type"] == "dataclass_type":
        name = (item.get("ctx") or {}).get("class_name")
        return {
            **item,
            "type": "model_type",
            "msg": f"Input should be a valid dictionary or instance of {name}",
        }
    return item


def described(
    error: ValidationError, unknown_field: tuple[str, str] = ("unknown field", "未知字段")
) -> list[tuple[Loc, str, str, str]]:
    """(loc, field, English, Chinese) per field of a validation error; a union's branches merged into one.

    `unknown_field` words an unknown key (English, Chinese).
    """
    merged: dict[str, tuple[Loc, list[str], list[str]]] = {}
    for item in map(as_model_error, error.errors()):
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
