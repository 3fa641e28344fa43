"""The commands that judge plans: check, rules, explain, requirements."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from planlint.cli import LangOpt, PathsArg, RulesOpt, _lang, app
from planlint.errors import Exit, PlanlintError

FORMATS = ("text", "json", "sarif", "markdown", "html")
FAIL_ON = ("error", "warning", "info", "never")


@app.command()
def check(
    paths: PathsArg = None,
    plan: Annotated[
        list[str] | None, typer.Option("--plan", help="Judge only this plan (repeatable).")
    ] = None,
    rules: RulesOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, sarif, markdown or html.")
    ] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to a file.")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="error, warning, info or never.")] = "error",
    lang: LangOpt = None,
    docs: Annotated[
        Path | None,
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
    if docs is not None and not docs.is_dir():
        raise PlanlintError("--docs is not a directory", path=docs)
    project = api.load(paths, rules or ())
    # NOTE: the loaded plans live until the process ends and hold no reference cycles: moving them out of
    # the collector's way saves about 2 s at national scale. Done here, not in the library, because
    # gc.freeze() affects the whole process.
    gc.freeze()
    report = api.check(project, plan)
    color = output is None and format == "text" and sys.stdout.isatty()
    rendered = render(format, report, Options(lang=chosen, docs=docs, color=color))
    if output is None:
        sys.stdout.write(rendered)
    else:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            raise PlanlintError(f"cannot write the report: {error.strerror or error}", path=output) from None
    raise typer.Exit(Exit.FINDINGS if report.at_or_above(fail_on) else Exit.OK)


@app.command("rules")
def list_rules(rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """List the rules: id, kind, severity, title and the norm each rests on."""
    from rich.console import Console
    from rich.table import Table

    from planlint import api
    from planlint.docgen import severity_text
    from planlint.rules import load_rules

    chosen = _lang(lang)
    table = Table("id", "kind", "severity", "title", "norm")
    for rule in load_rules(api.rule_directories(rules or ())):
        spec = rule.spec
        table.add_row(
            spec.id, spec.kind, severity_text(rule, chosen), spec.title.get(chosen), spec.norm.document
        )
    Console().print(table)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. PL101.", metavar="ID")],
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """Explain one rule: what it checks, its norm, its kind and an example."""
    from planlint import api
    from planlint.docgen import explain as explain_rule
    from planlint.errors import PlanlintError
    from planlint.rules import load_rules

    loaded = {r.id: r for r in load_rules(api.rule_directories(rules or ()))}
    rule = loaded.get(rule_id.upper())
    if rule is None:
        raise PlanlintError(f"no rule {rule_id!r} (known: {', '.join(sorted(loaded))})", field="ID")
    sys.stdout.write(explain_rule(rule, _lang(lang)))


@app.command()
def requirements(
    paths: PathsArg = None,
    plan: Annotated[str, typer.Option("--plan", help="The plan being drafted (its id).")] = "",
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """List everything a plan's ancestors require of it, with citations: a drafting checklist."""
    from planlint import api
    from planlint.errors import PlanlintError
    from planlint.report import Options
    from planlint.report.text import citation_text
    from planlint.requirements import CATEGORY_TEXT
    from planlint.requirements import requirements as gather

    if not plan:
        raise PlanlintError("--plan ID is required", field="--plan")
    chosen = _lang(lang)
    project = api.load(paths, rules or ())
    current = None
    for item in gather(project, plan):
        if item.category != current:
            current = item.category
            typer.echo(f"\n{CATEGORY_TEXT[item.category][chosen]}")
        typer.echo(f"  - {item.text[chosen]}  [{citation_text(item.citation, Options(lang=chosen))}]")


def _register_subpackage_commands() -> None:
    """extract and synth live in their own subpackages; each adds its command (importing its work lazily)."""
    from planlint.extract.command import register as register_extract
    from planlint.synth.command import register as register_synth

    register_extract(app)
    register_synth(app)


_register_subpackage_commands()
