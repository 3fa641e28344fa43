"""The library API: load plans and vocabularies, build the hierarchy, check. The CLI is a thin layer on this.

from planlint import api
project = api.load()                       # the bundled plans and rules
report = api.check(project)                # every plan against its ancestors and itself
for finding in report.findings: ...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from planlint.errors import PlanlintError
from planlint.evaluate import evaluate
from planlint.findings import Report
from planlint.hierarchy import build_hierarchy
from planlint.loader import load_plans
from planlint.paths import bundled_plans, bundled_rules
from planlint.project import Project
from planlint.rules import load_rules
from planlint.vocabulary import load_vocabulary

__all__ = ["Project", "check", "load", "rule_directories"]


RULE_FILES = ("packs/*.yaml", "vocabulary/*.yaml", "rights/*.yaml")


def rule_directories(extra: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The bundled rules/ first, then any extra rule directories (`--rules`), each holding rule files."""
    extra = tuple(Path(p) for p in extra)
    for directory in extra:
        _check_rule_directory(directory)
    return (bundled_rules(), *extra)


def _check_rule_directory(directory: Path) -> None:
    if not directory.is_dir():
        raise PlanlintError("no such rules folder", path=directory, field="--rules", zh="规则目录不存在")
    if not any(next(directory.glob(pattern), None) for pattern in RULE_FILES):
        raise PlanlintError(
            f"the rules folder holds no {', '.join(RULE_FILES)}",
            path=directory,
            field="--rules",
            zh=f"规则目录中没有 {', '.join(RULE_FILES)}",
        )


def load(paths: Sequence[Path] | None = None, extra_rules: Iterable[Path] = ()) -> Project:
    """Load and validate the rule packs and plans (default: the bundled plans/) and build their hierarchy.

    Raises `planlint.loader.InputErrors` (a `PlanlintError`) listing every problem found.
    """
    rule_dirs = rule_directories(extra_rules)
    vocabulary = load_vocabulary(rule_dirs)
    rules = tuple(load_rules(rule_dirs, vocabulary=vocabulary))
    loaded = load_plans(paths or [bundled_plans()], vocabulary)
    return Project(vocabulary, build_hierarchy(loaded), rule_dirs, rules)


def check(project: Project, only: Sequence[str] | None = None) -> Report:
    """Check the plans to judge (all fully known plans, or `only`) against their ancestors and themselves."""
    return evaluate(project, project.rules, only)
