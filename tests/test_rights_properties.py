"""Invariants of check-rights (hypothesis): more capacity never adds a minimum-scale finding, less never
adds a maximum-scale one, and the order of the rights in the file does not change the report."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint import api
from planlint.findings import SEVERITY_RANK, Report
from planlint.rights import check_rights

PROJECT = api.load()
MIN_RULES = {"PL510", "PL511"}
MAX_RULES = {"PL512", "PL513"}

rights = st.fixed_dictionaries(
    {
        "jurisdiction": st.sampled_from(
            ["重庆市巴南区", "重庆市永川区", "重庆市大足区", "甘肃省白银市会宁县"]
        ),
        "mineral": st.sampled_from(
            ["建筑石料用灰岩", "水泥用灰岩", "砖瓦用页岩", "页岩", "地热", "锶", "建筑用石料"]
        ),
        "kind": st.sampled_from(["new", "expansion", "addition", "unknown", "renewal"]),
        "capacity": st.floats(min_value=0.5, max_value=500, allow_nan=False).map(lambda v: round(v, 1)),
        "unit": st.sampled_from(["万吨/年", "万立方米/年", "矿石 万吨/年"]),
    },
    optional={
        "deposit": st.sampled_from(["large", "medium", "small"]),
        "region": st.sampled_from(["主城都市区", "渝东北三峡库区城镇群"]),
        "term_years": st.floats(min_value=1, max_value=40, allow_nan=False).map(lambda v: round(v, 1)),
        "method": st.sampled_from(["open_pit", "underground"]),
    },
)


def _record(index: int, draw: dict[str, Any], capacity: float | None = None) -> dict[str, Any]:
    record = {k: v for k, v in draw.items() if k not in ("capacity", "unit")}
    record.update(id=f"R{index}", name=f"测试矿{index}")
    record["capacity"] = {"value": draw["capacity"] if capacity is None else capacity, "unit": draw["unit"]}
    return record


def _check(records: list[dict[str, Any]]) -> Report:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "rights.yaml"
        path.write_text(
            yaml.safe_dump({"schema": "planlint/rights/v1", "rights": records}, allow_unicode=True)
        )
        return check_rights(PROJECT, path)


def _found(report: Report, rules: set[str]) -> set[tuple[str, str]]:
    return {(f.rule, f.plan) for f in report.findings if f.rule in rules}


def _worst(report: Report, rules: set[str]) -> dict[str, int]:
    """Per plan, the rank of the gravest finding of `rules` (0 error, 1 warning, 2 info)."""
    worst: dict[str, int] = {}
    for f in report.findings:
        if f.rule in rules:
            worst[f.plan] = min(worst.get(f.plan, 3), SEVERITY_RANK[f.severity])
    return worst


def _no_graver(after: Report, before: Report, rules: set[str]) -> None:
    """No plan gains a finding of `rules`, and none gets a graver one.

    A sure breach (PL510, error) hides the undecided rows of the same plan (PL511, warning); once the
    capacity clears the sure rows, the undecided ones may still show: milder, never new for that plan."""
    was = _worst(before, rules)
    for plan, rank in _worst(after, rules).items():
        assert plan in was and was[plan] <= rank, (plan, _found(before, rules), _found(after, rules))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(right=rights, factor=st.floats(min_value=1.0, max_value=20.0))
def test_more_capacity_never_adds_a_minimum_scale_finding(right: dict[str, Any], factor: float) -> None:
    lower = _check([_record(0, right)])
    higher = _check([_record(0, right, round(right["capacity"] * factor, 3))])
    _no_graver(higher, lower, MIN_RULES)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(right=rights, factor=st.floats(min_value=0.01, max_value=1.0))
def test_less_capacity_never_adds_a_maximum_scale_finding(right: dict[str, Any], factor: float) -> None:
    higher = _check([_record(0, right)])
    lower = _check([_record(0, right, round(right["capacity"] * factor, 3))])
    _no_graver(lower, higher, MAX_RULES)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(rights, min_size=2, max_size=6), order=st.randoms(use_true_random=False))
def test_file_order_does_not_change_the_report(batch: list[dict[str, Any]], order: Any) -> None:
    records = [_record(i, r) for i, r in enumerate(batch)]
    shuffled = list(records)
    order.shuffle(shuffled)
    first, second = _check(records), _check(shuffled)
    assert [(f.id, f.message["en"]) for f in first.findings] == [
        (f.id, f.message["en"]) for f in second.findings
    ]
    assert first.rights == second.rights
