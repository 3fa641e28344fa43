"""Usage errors in Chinese: under `--lang zh` (or a Chinese locale) typer's usage errors (an unknown option, a
missing argument, a value of the wrong type) are shown in Chinese, the usage line and the help hint with them.

typer words them in English; `errortext.usage_zh` matches each message against the patterns of what typer
and click say, keeping the option names and values. A message with no pattern stays as it is.
"""

from __future__ import annotations

import sys
import types
from typing import IO, Any

from planlint.errortext import usage_zh


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
        usage = ctx.get_usage().replace("Usage: ", "用法：", 1).replace(" [OPTIONS]", " [选项]", 1)
        usage = usage.replace(" COMMAND [ARGS]...", " 命令 [参数]...", 1)
        out.write(f"{usage}\n用 '{ctx.command_path} --help' 查看帮助。\n\n")
    out.write(f"错误：{usage_zh(error.format_message())}\n")
