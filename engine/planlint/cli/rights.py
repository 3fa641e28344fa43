"""`planlint check-rights`: mining rights against every plan above them, reported as `check` reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planlint.cli.exits import keep_until_exit
from planlint.cli.options import DocsOpt, LangOpt, PathsArg, RulesOpt, chosen_lang, collector_off
from planlint.cli.rounds import (
    BaselineOpt,
    FailOnOpt,
    FormatOpt,
    OutputOpt,
    PassesOpt,
    Round,
    WaiversOpt,
    check_round,
    counts_passes_only,
    finish,
)
from planlint.errors import Exit


def check_rights(
    rights: Annotated[
        Path,
        typer.Argument(
            help="The rights: a YAML file (schema planlint/rights/v1) or a .csv/.xlsx table with the "
            "columns of a 出让公告 (项目编号, 采矿权名称, 地理位置, 矿种, 生产规模, 资源储量, 出让年限 …).",
            show_default=False,
            metavar="FILE",
        ),
    ],
    paths: PathsArg = None,
    rules: RulesOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = "error",
    lang: LangOpt = None,
    docs: DocsOpt = None,
    waivers: WaiversOpt = None,
    baseline: BaselineOpt = None,
    show_passes: PassesOpt = False,
) -> Exit:
    """Check mining rights (new grants, expansions) against every plan above them, and report."""
    collector_off()
    from planlint import api
    from planlint.rights import check_rights as run

    format = check_round(format, output, fail_on, docs)
    chosen = chosen_lang(lang)
    project = api.load(paths, rules or ())
    report = run(project, rights, passes=show_passes, count_passes_only=counts_passes_only(format))
    keep_until_exit(project, report)
    return finish(
        report, Round(format, output, fail_on, chosen, docs, waivers, baseline, show_passes, "check-rights")
    )
