"""The command line: a thin typer layer over `planlint.api`. Heavy modules are imported inside commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from planlint import __version__
from planlint.errors import Exit, PlanlintError

app = typer.Typer(
    name="planlint",
    help="Check mineral resource master plans (矿产资源总体规划) against the plans above them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Plan files or directories (default: the bundled plans/).", show_default=False),
]
LangOpt = Annotated[str | None, typer.Option("--lang", help="zh or en (default: from the locale).")]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="Extra rule directory (rule packs and vocabularies); repeatable."),
]


def _lang(value: str | None):  # type: ignore[no-untyped-def]
    from planlint.i18n import default_lang

    if value is None:
        return default_lang()
    if value not in ("zh", "en"):
        raise typer.BadParameter("--lang must be zh or en")
    return value


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """planlint: conformance checks for mineral resource master plans."""


@app.command()
def validate(paths: PathsArg = None, rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """Load and validate plans only: schema, units, minerals, hierarchy."""
    from planlint import api
    from planlint.i18n import text

    project = api.load(paths, rules or ())
    typer.echo(text("valid", _lang(lang), n=len(project.hierarchy.loaded)))


@app.command()
def tree(paths: PathsArg = None, rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """Show the plan hierarchy with level, stage and indicator counts."""
    from planlint import api
    from planlint.report.tree import render_tree

    project = api.load(paths, rules or ())
    render_tree(project.hierarchy, _lang(lang))


def _error_lang(argv: list[str]) -> str:
    """The language asked for with --lang (errors may come before typer has parsed it), else the locale's."""
    from planlint.i18n import default_lang

    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return default_lang()


def _print_error(error: PlanlintError) -> None:
    from planlint.loader import InputErrors

    errors = error.errors if isinstance(error, InputErrors) else [error]
    lang = _error_lang(sys.argv)
    for item in errors:
        sys.stderr.write(f"planlint: {item.render(lang)}\n")


def main() -> None:
    """Entry point: run the app; bad input exits 2 with one line per problem and no traceback."""
    from planlint import commands  # noqa: F401 - registers check, rules, explain, requirements ...

    try:
        app()
    except PlanlintError as error:
        _print_error(error)
        sys.exit(Exit.BAD_INPUT)
