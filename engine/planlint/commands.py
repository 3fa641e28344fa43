"""The commands that judge plans: check, rules, explain, requirements."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from planlint.cli import LangOpt, PathsArg, RulesOpt, _lang, app
from planlint.errors import PlanlintError
from planlint.review_options import BaselineOpt, PassesOpt, Round, WaiversOpt, check_format, finish


@app.command()
def check(
    paths: PathsArg = None,
    plan: Annotated[
        list[str] | None, typer.Option("--plan", help="Judge only this plan (repeatable).")
    ] = None,
    rules: RulesOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, sarif, markdown, html or docx.")
    ] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to a file.")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="error, warning, info or never.")] = "error",
    lang: LangOpt = None,
    docs: Annotated[
        Path | None,
        typer.Option("--docs", help="Directory of the source documents, to print the cited lines."),
    ] = None,
    waivers: WaiversOpt = None,
    baseline: BaselineOpt = None,
    show_passes: PassesOpt = False,
) -> None:
    """Check every plan against each of its ancestors and itself, and report the findings."""
    from planlint import api

    check_format(format, output, fail_on)
    chosen = _lang(lang)
    if docs is not None and not docs.is_dir():
        raise PlanlintError("--docs is not a directory", path=docs)
    project = api.load(paths, rules or ())
    # NOTE: the loaded plans live until the process ends and hold no reference cycles: moving them out of
    # the collector's way saves about 2 s at national scale. Done here, not in the library, because
    # gc.freeze() affects the whole process.
    gc.freeze()
    report = api.check(project, plan)
    finish(report, Round(format, output, fail_on, chosen, docs, waivers, baseline, show_passes))


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
