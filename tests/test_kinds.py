"""Every rule kind against its fixture cases (fixtures/kinds/<kind>.yaml): what must fire and what must not.

A case lists `plans` (boilerplate is filled in), the `rules` to run, and `expect`: the findings, each with
rule, plan, severity and, where given, against, mineral and the cited `lines` by role (ancestor / plan).
Expectations are compared as a whole: an extra finding fails the case as much as a missing one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planlint.kinds import REGISTRY
from tests.kindcases import KIND_FIXTURES, load_cases, run, summarise

CASES = load_cases()


def _matches(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    for key, value in expected.items():
        if key == "lines":
            for role, lines in value.items():
                if sorted(actual["lines"].get(role, []), key=lambda x: x or 0) != sorted(
                    lines, key=lambda x: x or 0
                ):
                    return False
        elif actual.get(key) != value:
            return False
    return True


@pytest.mark.parametrize(("case_id", "case"), CASES, ids=[c[0] for c in CASES])
def test_kind_case(case_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    report = run(tmp_path, case["plans"], case.get("rules"))
    actual = summarise(report)
    expected = case.get("expect", [])
    unmatched = list(actual)
    for item in expected:
        hit = next((a for a in unmatched if _matches(item, a)), None)
        assert hit is not None, f"{case_id}: expected {item}, got {actual}"
        unmatched.remove(hit)
    assert not unmatched, f"{case_id}: unexpected findings {unmatched}"


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
        assert module.Params.model_config.get("extra") == "forbid"
        assert module.__doc__ and "Params" in module.__doc__
