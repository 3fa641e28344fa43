"""The command line: a thin typer layer over `planlint.api`, one module per command or small group.

Every command is registered here, in the order `planlint --help` lists them; `exits.PlanlintGroup` turns
how a command ended into the exit code. Command modules import their heavy modules inside the command, so
`planlint --help` loads none of the engine.
"""

from __future__ import annotations

from typing import Annotated, NoReturn

import typer

from planlint import __version__
from planlint.cli import check, extract, plans, rights, rules, synth
from planlint.cli.exits import PlanlintGroup, run_then_exit_at_once
from planlint.cli.options import LangOpt, arguments_shown_by_metavar, ask_lang_for_every_command

arguments_shown_by_metavar()
app = typer.Typer(
    name="planlint",
    help="Check mineral resource master plans (矿产资源总体规划) against the plans above them.",
    cls=PlanlintGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # NOTE: click's plain help; typer's rich help imports rich and markdown-it, about 0.15 s of the start-up
    rich_markup_mode=None,
)

COMMANDS = (
    ("validate", plans.validate),
    ("tree", plans.tree),
    ("check", check.check),
    ("check-rights", rights.check_rights),
    ("rules", rules.list_rules),
    ("explain", rules.explain),
    ("test-rules", rules.test_rules),
    ("requirements", check.requirements),
    ("extract", extract.extract),
    ("synth", synth.synth),
)
for name, command in COMMANDS:
    app.command(name)(command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """planlint: conformance checks for mineral resource master plans."""
    ask_lang_for_every_command(lang)


def main() -> NoReturn:
    """Entry point of the `planlint` script and of `python -m planlint`."""
    run_then_exit_at_once(app)
