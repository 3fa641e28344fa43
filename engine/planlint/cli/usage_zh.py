"""Usage errors in Chinese: under `--lang zh` (or a Chinese locale) typer's usage errors (an unknown option, a
missing argument, a value of the wrong type) are shown in Chinese, the usage line and the help hint with them.

typer words them in English; `chinese` matches each message against the table below (what typer and click
say), keeping the option names and values. A message with no pattern here stays as it is.
"""

from __future__ import annotations

import re
import sys
import types
from typing import IO, Any

# typer's and click's usage messages → Chinese; `\1` ... keep the option, argument or value.
MESSAGES: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+) \(Possible options: (.+)\)", r"没有此选项：\1（可用：\2）"),
    (r"No such option: (\S+) Did you mean (\S+)\?", r"没有此选项：\1；是否应为 \2？"),
    (r"No such option: (\S+)", r"没有此选项：\1"),
    (r"No such option '(\S+)'\.", r"没有此选项：\1"),
    (r"Option '(.+)' requires an argument\.", r"选项 \1 需要一个值"),
    (r"Option '(.+)' requires (\d+) arguments\.", r"选项 \1 需要 \2 个值"),
    (r"Option '(.+)' does not take a value\.", r"选项 \1 不接受值"),
    (r"Missing argument '(.+)'\..*", r"缺少参数 \1"),
    (r"Missing option '(.+)'\..*", r"缺少选项 \1"),
    (r"Missing parameter: (.+)", r"缺少参数 \1"),
    (r"Missing command\.", "缺少命令"),
    (r"No such command '(.+)'\.", r"没有此命令：\1"),
    (r"Got unexpected extra arguments? ?(?:\(s\))? \((.+)\)", r"多余的参数：\1"),
)
# What is wrong with a value, after `Invalid value for '--x': `.
VALUES: tuple[tuple[str, str], ...] = (
    (r"Input should be a valid integer.*", "应为整数"),
    (r"Input should be a valid number.*", "应为数字"),
    (r"Input should be a valid boolean.*", "应为 true 或 false"),
    (r"(?:Value )?('.*') is not a valid (?:integer|int)\.", r"\1 不是整数"),
    (r"(?:Value )?('.*') is not a valid (?:float|number)\.", r"\1 不是数字"),
    (r"('.*') is not one of (.+)\.", r"\1 不是以下之一：\2"),
    (r"('.*') is not (.+)\.", r"\1 不是 \2"),
    (r"(?:File|Directory|Path) ('.*') does not exist\.", r"\1 不存在"),
    (r"(?:File|Directory|Path) ('.*') is a file\.", r"\1 是文件"),
    (r"(?:File|Directory|Path) ('.*') is a directory\.", r"\1 是目录"),
)
_MESSAGES = tuple((re.compile(pattern, re.DOTALL), zh) for pattern, zh in MESSAGES)
_VALUES = tuple((re.compile(pattern, re.DOTALL), zh) for pattern, zh in VALUES)
_INVALID = re.compile(r"Invalid value(?: for (.+?))?: (.*)", re.DOTALL)


def chinese(message: str) -> str:
    """The Chinese of one usage message (unchanged when no pattern matches)."""
    invalid = _INVALID.fullmatch(message)
    if invalid:
        where = f"{invalid.group(1)} 的值无效" if invalid.group(1) else "值无效"
        return f"{where}：{_first(_VALUES, invalid.group(2))}"
    return _first(_MESSAGES, message)


def _first(table: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    for pattern, zh in table:
        if pattern.fullmatch(text):
            return pattern.sub(zh, text)
    return text


def is_usage_error(error: BaseException) -> bool:
    """A click or typer usage error shown as one (typer may bring its own copy of click's exceptions); not one
    that shows something else, such as the help of a command run without arguments."""
    usage = next((kind for kind in type(error).__mro__ if kind.__name__ == "UsageError"), None)
    return usage is not None and getattr(type(error), "show", None) is getattr(usage, "show", None)


def in_chinese(error: Any) -> Any:
    """The same usage error, shown in Chinese."""
    error.show = types.MethodType(_show, error)
    return error


def _show(error: Any, file: IO[Any] | None = None) -> None:
    out = file or sys.stderr
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage().replace("Usage: ", "用法：", 1)
        out.write(f"{usage}\n用 '{ctx.command_path} --help' 查看帮助。\n\n")
    out.write(f"错误：{chinese(error.format_message())}\n")
