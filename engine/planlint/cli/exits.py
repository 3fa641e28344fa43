"""The one place where how a command ended becomes the exit code (see the CLI contract).

A command returns `Exit.FINDINGS` or `Exit.OK` (or nothing: OK); bad input is a `PlanlintError` from
anywhere below, printed as `planlint: file:line: field: message` on stderr, exit 2, no traceback.
Usage errors and --help stay typer's.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from typer.core import TyperGroup

from planlint.errors import Exit, PlanlintError


class PlanlintGroup(TyperGroup):
    """The app's command group: maps a command's outcome and bad input to exit codes."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        argv = sys.argv[1:] if args is None else list(args)
        if (not argv or "--help" in argv) and error_lang(argv) == "zh":
            from planlint.cli.help_zh import translate

            translate(self)
        try:
            return super().main(argv, *rest, **options)
        except PlanlintError as error:
            print_error(error, error_lang(argv))
            sys.exit(Exit.BAD_INPUT)

    def invoke(self, ctx: Any) -> Any:  # a click Context; the base class names it privately
        outcome = super().invoke(ctx)
        if isinstance(outcome, Exit):
            ctx.exit(outcome)
        return outcome


def error_lang(argv: Sequence[str]) -> str:
    """The language asked for with --lang (errors may come before typer has parsed it), else the locale's."""
    from planlint.i18n import default_lang

    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return default_lang()


def print_error(error: PlanlintError, lang: str) -> None:
    """One line per problem on stderr (all of them when loading found several)."""
    from planlint.loader import InputErrors

    errors = error.errors if isinstance(error, InputErrors) else [error]
    for item in errors:
        sys.stderr.write(f"planlint: {item.render(lang)}\n")
