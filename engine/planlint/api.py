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
from planlint.hierarchy import Hierarchy, build_hierarchy
from planlint.loader import gc_paused, load_plans, plan_files
from planlint.paths import bundled_plans, bundled_rules
from planlint.project import Project
from planlint.rules import load_rules
from planlint.vocabulary import Vocabulary, load_vocabulary

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
            zh=f"规则目录中没有 {'、'.join(RULE_FILES)}",
        )


def load(
    paths: Sequence[Path] | None = None,
    extra_rules: Iterable[Path] = (),
    only: Sequence[str] | None = None,
) -> Project:
    """Load and validate the rule packs and plans (default: the bundled plans/) and build their hierarchy.

    With `only` (plan ids), load just what checking those plans needs: each plan, its ancestors and its
    parents' other children (`planlint.planindex`); the findings about those plans are the same as after
    loading everything, and problems in files that are not needed go unreported.
    Raises `planlint.loader.InputErrors` (a `PlanlintError`) listing every problem found.
    """
    rule_dirs = rule_directories(extra_rules)
    vocabulary = load_vocabulary(rule_dirs)
    rules = tuple(load_rules(rule_dirs, vocabulary=vocabulary))
    files = plan_files(paths or [bundled_plans()])
    # The hierarchy too allocates many objects and no cycles: automatic collections in it would walk every
    # loaded plan again and again (about 3 s at national scale).
    with gc_paused():
        hierarchy = _load_lineage(files, vocabulary, only) if only else None
        if hierarchy is None:
            hierarchy = build_hierarchy(load_plans(files, vocabulary))
    return Project(vocabulary, hierarchy, rule_dirs, rules)


def _load_lineage(files: list[Path], vocabulary: Vocabulary, only: Sequence[str]) -> Hierarchy | None:
    """The hierarchy of the plans checking `only` needs; None if the index cannot tell (load everything)."""
    from planlint import planindex

    entries = planindex.index(files)
    chosen = planindex.needed(entries, only) if entries is not None else None
    if entries is None or chosen is None:
        return None
    loaded = load_plans([entry.path for entry in chosen], vocabulary)
    claimed = {(e.path, e.id, e.parents) for e in chosen}
    if {(item.path, item.plan.id, tuple(item.plan.parents)) for item in loaded} != claimed:
        return None  # a file is not what its id/parents lines said: trust only a full load
    chosen_paths = {e.path for e in chosen}
    others = {e.jurisdiction for e in entries if e.path not in chosen_paths}
    return build_hierarchy(loaded, unloaded_jurisdictions=others)


def check(
    project: Project, only: Sequence[str] | None = None, passes: bool = False, count_passes_only: bool = False
) -> Report:
    """Check the plans to judge (all fully known plans, or `only`) against their ancestors and themselves;
    `passes` also lists each comparison a judged plan met (`count_passes_only`: only counts them per plan,
    for reports that print no more)."""
    return evaluate(project, project.rules, only, with_passes=passes, count_passes_only=count_passes_only)
