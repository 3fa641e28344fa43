"""Shared helpers for rule-kind tests: build small plan sets from dicts, check them with chosen rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from planlint import api
from planlint.evaluate import evaluate
from planlint.findings import Report
from planlint.rules import load_rules

REPO = Path(__file__).resolve().parent.parent
KIND_FIXTURES = REPO / "fixtures" / "kinds"

DEFAULTS: dict[str, Any] = {
    "schema": "planlint/plan/v1",
    "period": {"base": 2020, "start": 2021, "end": 2025, "outlook": 2035},
    "stage": "issued",
}


def complete_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """A fixture plan with the boilerplate filled in (name, jurisdiction, source document)."""
    full = {**DEFAULTS, **plan}
    full.setdefault("name", f"{plan['id']} 矿产资源总体规划")
    full.setdefault("jurisdiction", plan["id"])
    full.setdefault("source", {"document": f"{plan['id']}.txt"})
    return full


def write_plans(directory: Path, plans: Iterable[dict[str, Any]]) -> list[Path]:
    paths = []
    for plan in plans:
        path = directory / f"{plan['id']}.yaml"
        path.write_text(
            yaml.safe_dump(complete_plan(plan), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        paths.append(path)
    return paths


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


def summarise(report: Report) -> list[dict[str, Any]]:
    """What a case file asserts on: rule, plan, severity, against, mineral and cited lines by role."""
    rows = []
    for f in report.findings:
        lines: dict[str, list[int | None]] = {}
        for c in f.citations:
            if c.role != "norm":
                lines.setdefault(c.role, []).append(c.line)
        rows.append(
            {
                "rule": f.rule,
                "plan": f.plan,
                "severity": f.severity,
                "against": f.against,
                "mineral": f.mineral,
                "lines": lines,
            }
        )
    return rows


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(KIND_FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((f"{path.stem}::{case['name']}", case))
    return cases
