"""Mining rights (采矿权) against every plan above them: `planlint check-rights`.

read (YAML, .csv, .xlsx) → prepare (mineral, units, place, plans above) → match (which plan rows apply) →
kinds (`rules/rights/*.yaml`) → evaluate (findings with the right they concern) → the usual reporters.

from planlint import api
from planlint.rights import check_rights
report = check_rights(api.load(), Path("rights.csv"))
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planlint.api import Project
    from planlint.findings import Report
    from planlint.rules import Rule

RIGHTS_PACKS = "rights/*.yaml"


def rights_rules(directories: Iterable[Path]) -> list[Rule]:
    """The rights rules (`DIR/rights/*.yaml`) of the rule directories, checked against the rights kinds."""
    from planlint.rights.kinds import REGISTRY
    from planlint.rules import load_rules

    return load_rules(directories, RIGHTS_PACKS, REGISTRY)


def check_rights(
    project: Project, path: Path, passes: bool = False, count_passes_only: bool = False
) -> Report:
    """Read the rights in `path` and check each against every loaded plan that contains it (`passes`: and
    list every check that held; `count_passes_only`: only count them per right and plan)."""
    from planlint.rights.evaluate import evaluate_rights
    from planlint.rights.prepare import prepare_rights
    from planlint.rights.read import load_rights

    rules = rights_rules(project.rule_dirs)
    loaded = load_rights(path, project.vocabulary)
    prepared = prepare_rights(loaded, project.hierarchy, project.vocabulary)
    return evaluate_rights(project, prepared, rules, with_passes=passes, count_passes_only=count_passes_only)
