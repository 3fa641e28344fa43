"""The commands about rules: rules (the list), explain (one rule or finding) and test-rules (a pack's tests)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planlint.cli.options import DocsOpt, LangOpt, PathsArg, RulesOpt, chosen_lang
from planlint.errors import Exit, PlanlintError

if TYPE_CHECKING:
    from planlint.i18n import Lang
    from planlint.rules import Rule


def list_rules(rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """List the rules: id, kind, severity, title and the norm each rests on."""
    from rich.console import Console
    from rich.table import Table

    from planlint import api
    from planlint.docgen import severity_text
    from planlint.rights import rights_rules
    from planlint.rules import load_rules

    chosen = chosen_lang(lang)
    headings = (
        ("编号", "种类", "严重程度", "内容", "依据")
        if chosen == "zh"
        else ("id", "kind", "severity", "title", "norm")
    )
    table = Table(*headings)
    directories = api.rule_directories(rules or ())
    for rule in [*load_rules(directories), *rights_rules(directories)]:
        spec = rule.spec
        table.add_row(
            spec.id, spec.kind, severity_text(rule, chosen), spec.title.get(chosen), spec.norm.document
        )
    Console().print(table)


def explain(
    item_id: Annotated[
        str,
        typer.Argument(
            help="A rule id (PL101) or a finding id from a report (PL101-3fa9c02b1e).", metavar="ID"
        ),
    ],
    paths: PathsArg = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    docs: DocsOpt = None,
) -> None:
    """Explain a rule, or why a finding was raised: the rows compared, mineral match, units and scope."""
    from planlint import api
    from planlint.docgen import explain as explain_rule
    from planlint.rules import load_rules

    chosen = chosen_lang(lang)
    loaded = {r.id: r for r in load_rules(api.rule_directories(rules or ()))}
    rule = loaded.get(item_id.upper()) or _rights_rule(item_id.upper(), rules)
    if rule is not None:
        sys.stdout.write(explain_rule(rule, chosen))
        return
    if "-" not in item_id or item_id.split("-", 1)[0].upper() not in loaded:
        raise PlanlintError(
            f"no rule or finding {item_id!r} (rules: {', '.join(sorted(loaded))})",
            field="ID",
            zh=f"没有规则或问题 {item_id!r}（规则：{'、'.join(sorted(loaded))}）",
        )
    sys.stdout.write(_explain_finding(item_id, paths, rules, chosen, docs))


def _rights_rule(rule_id: str, rules: list[Path] | None) -> Rule | None:
    """A rights rule (PL5xx, for check-rights) by its id."""
    from planlint import api
    from planlint.rights import rights_rules

    return next((r for r in rights_rules(api.rule_directories(rules or ())) if r.id == rule_id), None)


def _explain_finding(
    item_id: str, paths: list[Path] | None, rules: list[Path] | None, lang: Lang, docs: Path | None
) -> str:
    from planlint import api
    from planlint.report.explain import explain_finding

    project = api.load(paths, rules or ())
    report = api.check(project)
    finding = next((f for f in report.findings if f.id.lower() == item_id.lower()), None)
    if finding is None:
        raise PlanlintError(
            f"no finding {item_id!r} among the {len(report.findings)} finding(s) of these plans",
            field="ID",
            zh=f"这些规划的 {len(report.findings)} 个问题中没有 {item_id!r}",
        )
    return explain_finding(project, report, finding, lang, docs)


def test_rules(
    pack_dir: Annotated[Path, typer.Argument(help="A rule directory (packs/*.yaml, vocabulary/*.yaml).")],
    cases_dir: Annotated[Path, typer.Argument(help="A directory of case files (*.yaml).")],
    lang: LangOpt = None,
) -> Exit:
    """Test a rule pack against case files: the findings each case expects, and no others."""
    from planlint.ruletest import outcome_text, run_rule_tests

    outcomes = run_rule_tests(pack_dir, cases_dir)
    sys.stdout.write(outcome_text(outcomes, chosen_lang(lang)))
    return Exit.OK if all(o.passed for o in outcomes) else Exit.FINDINGS
