"""A bound finding's message ends with what would satisfy the rule: every required value, one per scope,
and the memo's 修改要求 says the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planlint.findings import Finding
from planlint.remedy import remedy
from tests.kindcases import load_cases, run

CASES = dict(load_cases())


def _only(tmp_path: Path, case_id: str) -> Finding:
    case: dict[str, Any] = CASES[case_id]
    (finding,) = run(tmp_path, case["plans"], case.get("rules")).findings
    return finding


def test_a_plan_wide_floor_is_told_each_deposit_scales_floor(tmp_path: Path) -> None:
    finding = _only(tmp_path, "ancestor_bound::fail_child_scope_broader_names_strictest_row")
    zh = "不低于 100 矿石 万吨（大型矿床） / 50 矿石 万吨（中型矿床） / 20 矿石 万吨（小型矿床）"
    en = "at least 100 矿石 万吨 (large deposits) / 50 矿石 万吨 (medium deposits) / 20 矿石 万吨 (small deposits)"
    assert finding.message.zh.endswith(f"；应{zh}")
    assert finding.message.en.endswith(f"; it should be {en}")
    assert remedy(finding, "zh") == f"将本规划水泥用灰岩最低开采规模调整为{zh}（p 的规定）"
    assert remedy(finding, "en") == f"set the plan's minimum production scale to {en} (p's)"


def test_a_cap_names_the_strictest_ancestor_cap_only(tmp_path: Path) -> None:
    finding = _only(tmp_path, "ancestor_bound::fail_grandparent_cap_cites_both_ancestors")
    assert finding.message.zh.endswith("；应不高于 " + _printed(finding))


def test_a_zone_limit_is_told_the_plans_own_bound(tmp_path: Path) -> None:
    finding = _only(tmp_path, "zone_vs_plan::fail_zone_cap_above_plan_cap")
    assert finding.message.en.endswith("; it should be at most " + _printed(finding))


def _printed(finding: Finding) -> str:
    """The finding's expected bound as the requirement prints it (a plan-wide row: no scope)."""
    assert finding.expected is not None and not isinstance(finding.expected.value, tuple)
    return f"{finding.expected.value:.12g} {finding.expected.unit}"
