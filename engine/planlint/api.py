"""The library API: load plans and vocabularies, build the hierarchy, check. The CLI is a thin layer on this.

from planlint import api
project = api.load()                       # the bundled plans and rules
report = api.check(project)                # every plan against its ancestors and itself
for finding in report.findings: ...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from planlint.evaluate import evaluate
from planlint.findings import Report
from planlint.hierarchy import build_hierarchy
from planlint.loader import load_plans
from planlint.paths import bundled_plans, bundled_rules
from planlint.project import Project
from planlint.rules import load_rules
from planlint.vocabulary import load_vocabulary

__all__ = ["Project", "check", "load", "rule_directories"]


def rule_directories(extra: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The bundled rules/ first, then any extra rule directories (`--rules`)."""
    return (bundled_rules(), *(Path(p) for p in extra))


def load(paths: Sequence[Path] | None = None, extra_rules: Iterable[Path] = ()) -> Project:
    """Load and validate plans (default: the bundled plans/) and build their hierarchy.

    Raises `planlint.loader.InputErrors` (a `PlanlintError`) listing every problem found.
    """
    rule_dirs = rule_directories(extra_rules)
    vocabulary = load_vocabulary(rule_dirs)
    loaded = load_plans(paths or [bundled_plans()], vocabulary)
    return Project(vocabulary, build_hierarchy(loaded), rule_dirs)


def check(project: Project, only: Sequence[str] | None = None) -> Report:
    """Check the plans to judge (all fully known plans, or `only`) against their ancestors and themselves."""
    return evaluate(project, load_rules(project.rule_dirs), only)
