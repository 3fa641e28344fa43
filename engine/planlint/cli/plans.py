"""Commands that only load plans: validate and tree."""

from __future__ import annotations

import typer

from planlint.cli.options import LangOpt, PathsArg, RulesOpt, chosen_lang, collector_off


def validate(paths: PathsArg = None, rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """Load and validate plans only: schema, units, minerals, hierarchy."""
    collector_off()
    from planlint import api
    from planlint.report.words import word

    project = api.load(paths, rules or ())
    typer.echo(word("valid", chosen_lang(lang), n=len(project.hierarchy.loaded)))


def tree(paths: PathsArg = None, rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """Show the plan hierarchy with level, stage and indicator counts."""
    collector_off()
    from planlint import api
    from planlint.report.tree import render_tree

    project = api.load(paths, rules or ())
    render_tree(project.hierarchy, chosen_lang(lang))
