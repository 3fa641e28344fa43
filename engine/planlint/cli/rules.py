"""The commands that show the rules: rules (the list) and explain (one rule)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planlint.cli.options import LangOpt, RulesOpt, chosen_lang
from planlint.errors import PlanlintError


def list_rules(rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """List the rules: id, kind, severity, title and the norm each rests on."""
    from rich.console import Console
    from rich.table import Table

    from planlint import api
    from planlint.docgen import severity_text
    from planlint.rules import load_rules

    chosen = chosen_lang(lang)
    table = Table("id", "kind", "severity", "title", "norm")
    for rule in load_rules(api.rule_directories(rules or ())):
        spec = rule.spec
        table.add_row(
            spec.id, spec.kind, severity_text(rule, chosen), spec.title.get(chosen), spec.norm.document
        )
    Console().print(table)


def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. PL101.", metavar="ID")],
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """Explain one rule: what it checks, its norm, its kind and an example."""
    from planlint import api
    from planlint.docgen import explain as explain_rule
    from planlint.rules import load_rules

    loaded = {r.id: r for r in load_rules(api.rule_directories(rules or ()))}
    rule = loaded.get(rule_id.upper())
    if rule is None:
        raise PlanlintError(f"no rule {rule_id!r} (known: {', '.join(sorted(loaded))})", field="ID")
    sys.stdout.write(explain_rule(rule, chosen_lang(lang)))
