"""The commands that judge plans: check, rules, explain, requirements."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from planlint.cli import LangOpt, PathsArg, RulesOpt, _lang, app
from planlint.errors import Exit

FORMATS = ("text", "json", "sarif", "markdown", "html")
FAIL_ON = ("error", "warning", "info", "never")


@app.command()
def check(
    paths: PathsArg = None,
    plan: Annotated[Optional[list[str]], typer.Option("--plan", help="Judge only this plan (repeatable).")] = None,  # noqa: UP045
    rules: RulesOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, sarif, markdown or html.")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to a file.")] = None,  # noqa: UP045
    fail_on: Annotated[str, typer.Option("--fail-on", help="error, warning, info or never.")] = "error",
    lang: LangOpt = None,
    docs: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--docs", help="Directory of the source documents, to print the cited lines."),
    ] = None,
) -> None:
    """Check every plan against each of its ancestors and itself, and report the findings."""
    from planlint import api
    from planlint.report import REPORTERS, Options, render

    if format not in REPORTERS:
        raise typer.BadParameter(f"--format must be one of: {', '.join(sorted(REPORTERS))}")
    if fail_on not in FAIL_ON:
        raise typer.BadParameter(f"--fail-on must be one of: {', '.join(FAIL_ON)}")
    chosen = _lang(lang)
    project = api.load(paths, rules or ())
    report = api.check(project, plan)
    color = output is None and format == "text" and sys.stdout.isatty()
    rendered = render(format, report, Options(lang=chosen, docs=docs, color=color))
    if output is None:
        sys.stdout.write(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")
    raise typer.Exit(Exit.FINDINGS if report.at_or_above(fail_on) else Exit.OK)
