"""The commands about rules: rules (the list), explain (one rule or finding) and test-rules (a pack's tests)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planlint.cli.options import DocsOpt, LangOpt, ParentOpt, PathsArg, PlanOpt, RulesOpt, chosen_lang
from planlint.errors import Exit, PlanlintError

if TYPE_CHECKING:
    from planlint.api import Project
    from planlint.findings import Report
    from planlint.i18n import Lang
    from planlint.report.sources import Texts
    from planlint.rules import Rule


def list_rules(rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """List the rules: id, kind, severity, title and the norm each rests on."""
    from rich.console import Console
    from rich.table import Column, Table

    from planlint import api
    from planlint.docgen import kind_name, severity_text
    from planlint.rights import rights_rules
    from planlint.rules import load_rules

    chosen = chosen_lang(lang)
    headings = (
        ("编号", "种类", "严重程度", "内容", "依据")
        if chosen == "zh"
        else ("id", "kind", "severity", "title", "norm")
    )
    # fold: Chinese has no spaces to wrap at, and a cell is never cut short with '…'
    table = Table(*(Column(heading, overflow="fold") for heading in headings))
    directories = api.rule_directories(rules or ())
    for rule in [*load_rules(directories), *rights_rules(directories)]:
        spec = rule.spec
        kind = kind_name(spec.kind, chosen) if chosen == "zh" else spec.kind
        table.add_row(
            spec.id, kind, severity_text(rule, chosen), spec.title.get(chosen), spec.norm.words(chosen)[0]
        )
    # a terminal's width wraps the table; piped or redirected, every row is printed whole on its line
    Console(width=None if sys.stdout.isatty() else FULL_WIDTH).print(table)


FULL_WIDTH = 1000  # columns for a table not printed to a terminal: wider than any row, so nothing wraps


RightsFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--rights",
        help="For a check-rights finding: the rights file it was found in (as given to check-rights).",
        metavar="FILE",
    ),
]


@dataclass(frozen=True)
class Inputs:
    """What the check that produced a finding was given: the same paths and options find the same ids."""

    paths: list[Path]
    plan: list[str]
    parent: list[str]
    rules: list[Path]
    rights: Path | None


def explain(
    item_id: Annotated[
        str,
        typer.Argument(
            help="A rule id (PL101) or a finding id from a report (PL101-3fa9c02b1e).", metavar="ID"
        ),
    ],
    paths: PathsArg = None,
    plan: PlanOpt = None,
    parent: ParentOpt = None,
    rules: RulesOpt = None,
    rights: RightsFileOpt = None,
    lang: LangOpt = None,
    docs: DocsOpt = None,
) -> None:
    """Explain a rule, or why a finding was raised: the rows compared, mineral match, units and scope.

    A finding id is looked for in a check of the same inputs: the paths, --plan, --parent and --rules the
    check was given, or --rights for a check-rights finding.
    """
    from planlint import api
    from planlint.docgen import explain as explain_rule
    from planlint.rights import rights_rules
    from planlint.rules import load_rules

    chosen = chosen_lang(lang)
    directories = api.rule_directories(rules or ())
    loaded = {r.id: r for r in [*load_rules(directories), *rights_rules(directories)]}
    rule = loaded.get(item_id.upper())
    if rule is not None:
        sys.stdout.write(explain_rule(rule, chosen))
        return
    if "-" not in item_id or item_id.split("-", 1)[0].upper() not in loaded:
        raise PlanlintError(
            f"no rule or finding has the id {item_id} (the rules are {', '.join(sorted(loaded))})",
            zh=f"没有编号为“{item_id}”的规则或问题（已有的规则：{'、'.join(sorted(loaded))}）",
        )
    inputs = Inputs(paths or [], plan or [], parent or [], rules or [], rights)
    sys.stdout.write(
        _explain_finding(item_id, loaded[item_id.split("-", 1)[0].upper()], inputs, chosen, docs)
    )


def _explain_finding(item_id: str, rule: Rule, inputs: Inputs, lang: Lang, docs: Path | None) -> str:
    from planlint.report.explain import explain_finding, explain_pass, explain_right_finding

    if rule.kind in _rights_kinds() and inputs.rights is None:
        raise PlanlintError(
            f"{rule.id} is a check-rights rule: give the rights file the finding came from (--rights FILE)",
            field="--rights",
            zh=f"{rule.id} 是采矿权审查（check-rights）规则：请用 --rights 给出该问题所出自的采矿权清单",
        )
    is_pass = "-pass-" in item_id.lower()
    project, report, texts = _checked(inputs, is_pass, lang)
    if is_pass:
        held = next((p for p in report.passes or () if p.id.lower() == item_id.lower()), None)
        if held is not None:
            return explain_pass(project, report, held, lang, docs, texts)
        total = len(report.passes or ())
        raise PlanlintError(
            f"none of the {total} pass(es) of these inputs has the id {item_id}",
            zh=f"这些输入的 {total} 项符合的比对中没有编号为“{item_id}”的一项",
        )
    finding = next((f for f in report.findings if f.id.lower() == item_id.lower()), None)
    if finding is None:
        raise PlanlintError(
            f"none of the {len(report.findings)} finding(s) of these plans has the id {item_id} "
            "(give explain the paths, --plan, --parent, --rules or --rights the check was given)",
            zh=f"这些规划的 {len(report.findings)} 个问题中没有编号为“{item_id}”的问题"
            "（请给出检查时所用的路径及 --plan、--parent、--rules 或 --rights）",
        )
    if finding.right is not None and inputs.rights is not None:
        return explain_right_finding(project, report, finding, inputs.rights, lang, docs)
    return explain_finding(project, report, finding, lang, docs, texts)


def _rights_kinds() -> frozenset[str]:
    from planlint.rights.kinds import REGISTRY

    return frozenset(REGISTRY)


def _checked(inputs: Inputs, passes: bool, lang: Lang) -> tuple[Project, Report, Texts]:
    """The check (or check-rights) the inputs describe, as `check` would run it, and the text of each plan
    document read (to quote, as the check's reports do)."""
    from planlint import api
    from planlint.cli.check import load_judged
    from planlint.rights import check_rights

    if inputs.rights is not None:
        project = api.load(inputs.paths or None, inputs.rules)
        return project, check_rights(project, inputs.rights, passes=passes), {}
    project, drafted, texts = load_judged(inputs.paths, inputs.rules, inputs.parent, inputs.plan, lang)
    return project, api.check(project, inputs.plan or drafted or None, passes=passes), texts


def test_rules(
    pack_dir: Annotated[
        Path, typer.Argument(help="A rule directory (packs/*.yaml, vocabulary/*.yaml).", metavar="PACK_DIR")
    ],
    cases_dir: Annotated[
        Path, typer.Argument(help="A directory of case files (*.yaml).", metavar="CASES_DIR")
    ],
    lang: LangOpt = None,
) -> Exit:
    """Test a rule pack against case files: the findings each case expects, and no others."""
    from planlint.ruletest import outcome_text, run_rule_tests

    outcomes = run_rule_tests(pack_dir, cases_dir)
    sys.stdout.write(outcome_text(outcomes, chosen_lang(lang)))
    return Exit.OK if all(o.passed for o in outcomes) else Exit.FINDINGS
