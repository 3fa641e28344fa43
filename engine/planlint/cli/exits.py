"""The one place where how a command ended becomes the exit code (see the CLI contract).

A command returns `Exit.FINDINGS` or `Exit.OK` (or nothing: OK); bad input is a `PlanlintError` from
anywhere below, printed as `planlint: file:line: field: message` on stderr, exit 2, no traceback.
Usage errors stay typer's, in Chinese under --lang zh (`usage_zh.py`), as --help is (`help_zh.py`).
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from typing import Any, NoReturn

from typer.core import TyperGroup

from planlint.errors import Exit, PlanlintError

# What the commands of this process built, kept alive until it ends: a list when the `planlint` script runs
# (`run_then_exit_at_once`), None when a caller (a test's CliRunner) runs the app in its own process.
_kept_until_exit: list[object] | None = None


def keep_until_exit(*objects: object) -> None:
    """Keep what a command built (the loaded plans, their index, the report) alive until the process ends,
    which then ends at once: freeing a nation's 5 million small objects one by one when the command returned
    took 0.1-0.2 CPU s, and the operating system takes the memory back in one step. In-process callers keep
    nothing."""
    if _kept_until_exit is not None:
        _kept_until_exit.extend(objects)


def run_then_exit_at_once(app: Any) -> NoReturn:
    """Run the app as the `planlint` script; end the process with its exit code, output flushed, without
    tearing down what the command kept (`keep_until_exit`). Files are written in `with` blocks, so nothing
    is left open; mypy ends its runs the same way."""
    global _kept_until_exit
    _kept_until_exit = []
    try:
        app()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if code is not None and not isinstance(code, int):  # sys.exit("message"): the message, status 1
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            stream.flush()
    os._exit(code or 0)


class PlanlintGroup(TyperGroup):
    """The app's command group: maps a command's outcome and bad input to exit codes."""

    lang = "en"  # of this run's usage errors; set by `main`

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        argv = sys.argv[1:] if args is None else list(args)
        self.lang = error_lang(argv)
        try:
            with self._help_in_language(argv):
                return super().main(argv, *rest, **options)
        except PlanlintError as error:
            print_error(error, self.lang)
            sys.exit(Exit.BAD_INPUT)

    def _help_in_language(self, argv: Sequence[str]) -> AbstractContextManager[None]:
        """--help (and the help of a bare `planlint`) in Chinese under --lang zh, for this run."""
        if (not argv or "--help" in argv) and self.lang == "zh":
            from planlint.cli.help_zh import translated

            return translated(self)
        return nullcontext()

    def make_context(self, *args: Any, **options: Any) -> Any:
        with self._usage_in_language():
            return super().make_context(*args, **options)

    def invoke(self, ctx: Any) -> Any:  # a click Context; the base class names it privately
        with self._usage_in_language():
            outcome = super().invoke(ctx)
        if isinstance(outcome, Exit):
            ctx.exit(outcome)
        return outcome

    @contextmanager
    def _usage_in_language(self) -> Iterator[None]:
        """A usage error (unknown option, missing argument, bad value) shown in Chinese under --lang zh."""
        try:
            yield
        except Exception as error:
            from planlint.cli.usage_zh import in_chinese, is_usage_error

            keep_close_suggestions(error)
            if self.lang == "zh" and is_usage_error(error):
                raise in_chinese(error) from None
            raise


def keep_close_suggestions(error: BaseException) -> None:
    """An unknown option's suggestions, only those close to it by name: click compares them with the leading
    '--', so '--bogus' finds '--docs' alike; without it, nothing is suggested."""
    option = getattr(error, "option_name", None)
    possibilities = getattr(error, "possibilities", None)
    if not isinstance(option, str) or not possibilities:
        return
    close = difflib.get_close_matches(option.lstrip("-"), [p.lstrip("-") for p in possibilities])
    error.possibilities = [p for p in possibilities if p.lstrip("-") in close]  # type: ignore[attr-defined]


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
