"""Shared helpers for rule-kind tests: build small plan sets from dicts (`planlint.ruletest`), check them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from planlint import api
from planlint.evaluate import evaluate
from planlint.findings import Report
from planlint.rules import load_rules
from planlint.ruletest import complete_plan, summarise, write_plans

__all__ = [
    "REPO",
    "KIND_FIXTURES",
    "all_rules",
    "complete_plan",
    "load_cases",
    "run",
    "summarise",
    "write_plans",
]

REPO = Path(__file__).resolve().parent.parent
KIND_FIXTURES = REPO / "fixtures" / "kinds"

_RULES = None


def all_rules():  # type: ignore[no-untyped-def]
    global _RULES
    if _RULES is None:
        _RULES = load_rules(api.rule_directories())
    return _RULES


def run(directory: Path, plans: Sequence[dict[str, Any]], rule_ids: Sequence[str] | None = None) -> Report:
    """Write the plans, load them, and evaluate the chosen rules (default: all bundled rules)."""
    write_plans(directory, plans)
    project = api.load([directory])
    rules = [r for r in all_rules() if rule_ids is None or r.id in rule_ids]
    return evaluate(project, rules)


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(KIND_FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((f"{path.stem}::{case['name']}", case))
    return cases
