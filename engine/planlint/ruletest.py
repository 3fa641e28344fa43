"""Test a rule pack against case files, as `opa test` or Semgrep's rule tests do: `planlint test-rules`.

A case file (`CASES_DIR/*.yaml`, the format of `fixtures/kinds/`) lists cases; each gives small plans
(boilerplate filled in: name, jurisdiction, period, source), the rules to run (default: all), and the
findings expected — rule, plan and, where given, severity, against, mineral and the cited lines by role.
Expectations are compared as a whole: an extra finding fails a case as much as a missing one.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planlint import api
from planlint.errors import PlanlintError
from planlint.evaluate import evaluate
from planlint.findings import Report
from planlint.loader import InputErrors
from planlint.rules import Rule, load_rules
from planlint.validation import input_errors
from planlint.yamlio import read_yaml

PLAN_DEFAULTS: dict[str, Any] = {
    "schema": "planlint/plan/v1",
    "period": {"base": 2020, "start": 2021, "end": 2025, "outlook": 2035},
    "stage": "issued",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expected(_Strict):
    """One finding a case expects; fields left out are not compared."""

    rule: str
    plan: str
    severity: str | None = None
    against: str | None = Field(default=None)
    mineral: str | None = None
    lines: dict[str, list[int | None]] | None = None


class Case(_Strict):
    name: str
    rules: tuple[str, ...] | None = None
    plans: tuple[dict[str, Any], ...] = Field(min_length=1)
    expect: tuple[Expected, ...] = ()


class CaseFile(_Strict):
    cases: tuple[Case, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Outcome:
    """How one case went: the expected findings not found and the findings not expected."""

    file: Path
    case: str
    missing: tuple[dict[str, Any], ...]
    unexpected: tuple[dict[str, Any], ...]

    @property
    def passed(self) -> bool:
        return not self.missing and not self.unexpected


def complete_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """A case's plan with the boilerplate filled in (name, jurisdiction, source document)."""
    full = {**PLAN_DEFAULTS, **plan}
    full.setdefault("name", f"{plan['id']} 矿产资源总体规划")
    full.setdefault("jurisdiction", plan["id"])
    full.setdefault("source", {"document": f"{plan['id']}.txt"})
    return full


def write_plans(directory: Path, plans: Iterable[dict[str, Any]]) -> list[Path]:
    """Each plan (completed) as `directory/ID.yaml`."""
    paths = []
    for plan in plans:
        path = directory / f"{plan['id']}.yaml"
        text = yaml.safe_dump(complete_plan(plan), allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def summarise(report: Report) -> list[dict[str, Any]]:
    """What a case asserts on, per finding: rule, plan, severity, against, mineral and cited lines by role."""
    rows = []
    for finding in report.findings:
        lines: dict[str, list[int | None]] = {}
        for citation in finding.citations:
            if citation.role != "norm":
                lines.setdefault(citation.role, []).append(citation.line)
        rows.append(
            {
                "rule": finding.rule,
                "plan": finding.plan,
                "severity": finding.severity,
                "against": finding.against,
                "mineral": finding.mineral,
                "lines": lines,
            }
        )
    return rows


def matches(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    """Whether a finding (as summarised) is the one expected; cited lines compare as multisets per role."""
    for key, value in expected.items():
        if key == "lines":
            for role, lines in value.items():
                if sorted(actual["lines"].get(role, []), key=_line) != sorted(lines, key=_line):
                    return False
        elif actual.get(key) != value:
            return False
    return True


def compare(
    expected: Sequence[dict[str, Any]], actual: Sequence[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The expected findings not found, and the actual findings not expected."""
    unmatched = list(actual)
    missing = []
    for item in expected:
        hit = next((a for a in unmatched if matches(item, a)), None)
        if hit is None:
            missing.append(item)
        else:
            unmatched.remove(hit)
    return missing, unmatched


def _line(value: int | None) -> int:
    return value or 0


def load_cases(path: Path) -> CaseFile:
    """One case file, validated: bad input at `file:line: field`."""
    try:
        return CaseFile.model_validate(read_yaml(path))
    except ValidationError as error:
        raise InputErrors(input_errors(error, path)) from None


def run_case(
    case: Case, rules: Sequence[Rule], extra_rules: Sequence[Path] = ()
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run one case's plans with the chosen rules; (missing, unexpected)."""
    with tempfile.TemporaryDirectory(prefix="planlint-case-") as tmp:
        write_plans(Path(tmp), case.plans)
        project = api.load([Path(tmp)], extra_rules)
        chosen = [r for r in rules if case.rules is None or r.id in case.rules]
        report = evaluate(project, chosen)
    expected = [e.model_dump(exclude_unset=True) for e in case.expect]
    return compare(expected, summarise(report))


def run_rule_tests(pack_dir: Path, cases_dir: Path) -> list[Outcome]:
    """Every case of every `cases_dir/*.yaml` against the bundled rules plus the pack in `pack_dir`."""
    rules = load_rules(api.rule_directories([pack_dir]))  # the pack is validated before any case runs
    files = sorted(Path(cases_dir).glob("*.yaml"))
    if not files:
        raise PlanlintError(
            "no case files (*.yaml) in the cases folder",
            path=cases_dir,
            field="CASES_DIR",
            zh="案例目录中没有案例文件（*.yaml）",
        )
    outcomes = []
    for path in files:
        for case in load_cases(path).cases:
            missing, unexpected = run_case(case, rules, [pack_dir])
            outcomes.append(Outcome(path, case.name, tuple(missing), tuple(unexpected)))
    return outcomes


OUTCOME_WORDS: dict[str, dict[str, str]] = {
    "ok": {"zh": "通过", "en": "ok"},
    "fail": {"zh": "失败", "en": "FAIL"},
    "missing": {"zh": "缺少", "en": "missing"},
    "unexpected": {"zh": "多出", "en": "unexpected"},
    "summary": {
        "zh": "{passed} 个用例通过，{failed} 个失败",
        "en": "{passed} case(s) passed, {failed} failed",
    },
}


def outcome_text(outcomes: Sequence[Outcome], lang: str) -> str:
    """One line per case (and one per finding missing or unexpected), then the totals."""
    words = {key: entry["zh" if lang == "zh" else "en"] for key, entry in OUTCOME_WORDS.items()}
    lines = []
    for outcome in outcomes:
        status = words["ok"] if outcome.passed else words["fail"]
        lines.append(f"{status}  {outcome.file.name}::{outcome.case}")
        lines += [f"    {words['missing']}: {_finding_text(f)}" for f in outcome.missing]
        lines += [f"    {words['unexpected']}: {_finding_text(f)}" for f in outcome.unexpected]
    failed = sum(1 for o in outcomes if not o.passed)
    lines.append(words["summary"].format(passed=len(outcomes) - failed, failed=failed))
    return "\n".join(lines) + "\n"


def _finding_text(finding: dict[str, Any]) -> str:
    return " ".join(f"{key}={value}" for key, value in finding.items())
