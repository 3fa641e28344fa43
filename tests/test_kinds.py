"""Every rule kind against its fixture cases (fixtures/kinds/<kind>.yaml): what must fire and what must not.

A case lists `plans` (boilerplate is filled in), the `rules` to run, and `expect`: the findings, each with
rule, plan, severity and, where given, against, mineral and the cited `lines` by role (ancestor / plan).
Expectations are compared as a whole: an extra finding fails the case as much as a missing one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planlint import api
from planlint.context import Context
from planlint.evaluate import evaluate, judged_plans
from planlint.kinds import REGISTRY, emitted
from planlint.ruletest import compare
from tests.kindcases import KIND_FIXTURES, all_rules, load_cases, run, summarise, write_plans

CASES = load_cases()


@pytest.mark.parametrize(("case_id", "case"), CASES, ids=[c[0] for c in CASES])
def test_kind_case(case_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    actual = summarise(run(tmp_path, case["plans"], case.get("rules")))
    missing, unexpected = compare(case.get("expect") or [], actual)
    assert not missing, f"{case_id}: expected {missing}, got {actual}"
    assert not unexpected, f"{case_id}: unexpected findings {unexpected}"


FIRING = [(cid, c) for cid, c in CASES if c.get("expect")]


@pytest.mark.parametrize(("case_id", "case"), FIRING, ids=[c[0] for c in FIRING])
def test_hits_provide_exactly_their_declared_placeholders(
    case_id: str, case: dict[str, Any], tmp_path: Path
) -> None:
    write_plans(tmp_path, case["plans"])
    project = api.load([tmp_path])
    context = Context(project, judged_plans(project))
    seen = 0
    for rule in all_rules():
        if case.get("rules") and rule.id not in case["rules"]:
            continue
        kind = REGISTRY[rule.kind]
        for hit in kind.check(context, rule.params):
            seen += 1
            assert type(hit) in emitted(kind, rule.params), f"{rule.id}: {type(hit).__name__} not declared"
            assert set(hit.values()) == set(type(hit).PLACEHOLDERS), f"{rule.id}: {type(hit).__name__}"
    assert seen, f"{case_id}: no hit"


def test_every_kind_has_fixtures_that_fire_and_pass() -> None:
    for kind in REGISTRY:
        path = KIND_FIXTURES / f"{kind}.yaml"
        assert path.exists(), f"kind {kind} has no fixture file {path}"
        cases = [c for cid, c in CASES if cid.startswith(f"{kind}::")]
        assert any(c.get("expect") for c in cases), f"{kind}: no case that must fire"
        assert any(not c.get("expect") for c in cases), f"{kind}: no case that must pass"


def test_registry_modules_are_complete() -> None:
    for name, module in REGISTRY.items():
        assert module.KIND == name
        assert callable(module.check)
        assert module.HITS, f"{name} declares no hit type"
        assert module.Params.model_config.get("extra") == "forbid"
        assert module.__doc__ and "Params" in module.__doc__


def test_baseline_groups_kept_for_one_project_are_not_read_for_another(tmp_path: Path) -> None:
    # baseline_ratio builds a plan's groups once for both its rules: a second project with a plan of the same
    # id but other figures must be judged on its own figures, and the first (still loaded) on its own
    cases = dict(CASES)
    failing = cases["baseline_ratio::fail_large_medium_share"]["plans"]
    passing = cases["baseline_ratio::pass_share_within_printed_rounding"]["plans"][:1]
    assert failing[0]["id"] == passing[0]["id"]
    rules = [r for r in all_rules() if r.kind == "baseline_ratio"]
    projects = []
    for name, plans in (("first", failing), ("second", passing)):
        (tmp_path / name).mkdir()
        write_plans(tmp_path / name, plans)
        projects.append(api.load([tmp_path / name]))
    first, second, first_again = (evaluate(p, rules) for p in (*projects, projects[0]))
    assert [f.rule for f in first.findings] == ["PL302"]
    assert not second.findings
    assert [f.rule for f in first_again.findings] == ["PL302"]
