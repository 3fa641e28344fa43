"""Property-based invariants of the conformance rules (hypothesis): monotone in the limits, order-free, repeatable.

Small random hierarchies (one province, one to three counties) state caps and floors in mixed units; the
rules under test are the ancestor bounds (PL101-PL103) and the sums over children (PL201, PL202).
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint import api
from planlint.evaluate import evaluate
from planlint.findings import Report
from tests.kindcases import all_rules, complete_plan, run

RULES = ("PL101", "PL102", "PL103", "PL201", "PL202")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Tonnes per printed unit (annual extraction; all on the ore basis).
TONNES = {"万吨/年": 10_000, "千吨/年": 1_000, "吨/年": 1, "矿石 万吨": 10_000}
MINERALS = ("建筑石料用灰岩", "水泥用灰岩", "石灰岩", "锶")


@st.composite
def indicator(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(("cap", "floor", "ratio", "count")))
    if kind == "cap":
        unit = draw(st.sampled_from(sorted(TONNES)))
        value = draw(st.integers(1, 60)) * (10_000 // TONNES[unit])
        mineral = draw(st.sampled_from(MINERALS))
        return {
            "metric": "extraction_total",
            "mineral": mineral,
            "op": "<=",
            "value": value,
            "unit": unit,
            "basis": "ore",
        }
    if kind == "floor":
        unit = draw(st.sampled_from(("万吨/年", "吨/年")))
        value = draw(st.integers(1, 60)) * (10_000 // TONNES[unit])
        return {
            "metric": "min_scale",
            "mineral": draw(st.sampled_from(MINERALS)),
            "op": ">=",
            "value": value,
            "unit": unit,
        }
    if kind == "ratio":
        return {
            "metric": "large_medium_ratio",
            "op": ">=",
            "value": draw(st.integers(0, 100)),
            "unit": "%",
            "attribute": draw(st.sampled_from(("binding", "expected"))),
        }
    subset = draw(st.sampled_from((None, "非油气")))
    row = {
        "metric": "mine_count",
        "op": "<=",
        "value": draw(st.integers(0, 40)),
        "unit": "个",
    }
    return row | ({"scope": {"subset": subset}} if subset else {})


@st.composite
def hierarchy(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A province `p` and one to three counties; every indicator gets its own cited line."""
    lines = iter(range(10, 10_000))
    plans = [
        {
            "id": "p",
            "level": "province",
            "parents": [],
            "indicators": draw(st.lists(indicator(), min_size=1, max_size=5)),
        }
    ]
    for n in range(draw(st.integers(1, 3))):
        plans.append(
            {
                "id": f"c{n}",
                "level": "county",
                "parents": ["p"],
                "indicators": draw(st.lists(indicator(), max_size=5)),
            }
        )
    for plan in plans:
        plan["indicators"] = [row | {"cite": {"line": next(lines)}} for row in plan["indicators"]]
    return plans


def check(
    plans: list[dict[str, Any]], rules: tuple[str, ...] = RULES, names: dict[str, str] | None = None
) -> Report:
    """Write the plans (under the given file names) to a fresh directory and check them."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        if names is None:
            return run(directory, plans, rules)
        for plan in plans:
            text = yaml.safe_dump(complete_plan(plan), allow_unicode=True, sort_keys=False)
            (directory / names[plan["id"]]).write_text(text, encoding="utf-8")
        project = api.load([directory])
        return evaluate(project, [r for r in all_rules() if r.id in rules])


def keys(report: Report) -> set[tuple[Any, ...]]:
    """What a finding is about. A sum over children is about the parent's cap, whichever child it names."""
    return {
        (f.rule, f.against, f.mineral, f.subject, None if f.kind == "aggregate_children" else f.plan)
        for f in report.findings
    }


def dump(report: Report) -> list[dict[str, Any]]:
    return [f.as_dict("zh") | {"en": f.text("en")} for f in report.findings]


def _move(row: dict[str, Any], tighten: bool, factor: int) -> dict[str, Any]:
    """The row with its limit moved: tightening raises a floor or lowers a cap; loosening the reverse."""
    is_floor = row["op"] == ">="
    up = is_floor == tighten
    value = row["value"] * factor if up else row["value"] / factor
    return row | {"value": value}


@SETTINGS
@given(hierarchy(), st.data())
def test_tightening_a_plans_own_limit_adds_no_finding(
    plans: list[dict[str, Any]], data: st.DataObject
) -> None:
    children = [p for p in plans if p["id"] != "p" and p["indicators"]]
    if not children:
        return
    child = data.draw(st.sampled_from(children))
    index = data.draw(st.integers(0, len(child["indicators"]) - 1))
    factor = data.draw(st.integers(1, 5))
    before = keys(check(plans))
    rows = list(child["indicators"])
    rows[index] = _move(rows[index], tighten=True, factor=factor)
    changed = [p if p is not child else p | {"indicators": rows} for p in plans]
    assert keys(check(changed)) <= before


@SETTINGS
@given(hierarchy(), st.data())
def test_loosening_an_ancestors_limit_adds_no_finding(
    plans: list[dict[str, Any]], data: st.DataObject
) -> None:
    parent = plans[0]
    index = data.draw(st.integers(0, len(parent["indicators"]) - 1))
    factor = data.draw(st.integers(1, 5))
    before = keys(check(plans))
    rows = list(parent["indicators"])
    rows[index] = _move(rows[index], tighten=False, factor=factor)
    assert keys(check([parent | {"indicators": rows}, *plans[1:]])) <= before


@SETTINGS
@given(hierarchy(), st.randoms(use_true_random=False))
def test_order_of_files_and_entries_does_not_change_the_report(
    plans: list[dict[str, Any]], rnd: random.Random
) -> None:
    before = dump(check(plans))
    shuffled = [p | {"indicators": rnd.sample(p["indicators"], len(p["indicators"]))} for p in plans]
    rnd.shuffle(shuffled)
    names = [f"{rnd.randrange(10**6):06d}-{i}.yaml" for i in range(len(plans))]
    rnd.shuffle(names)
    after = dump(check(shuffled, names={p["id"]: name for p, name in zip(shuffled, names, strict=True)}))
    assert after == before


@settings(max_examples=15, deadline=None)
@given(hierarchy())
def test_running_twice_gives_the_same_report(plans: list[dict[str, Any]]) -> None:
    assert dump(check(plans)) == dump(check(plans))


# --- the sum over children against a brute-force sum -----------------------------------------------------

COVERS = {"石灰岩": {"石灰岩", "建筑石料用灰岩", "水泥用灰岩"}, "建筑石料用灰岩": {"建筑石料用灰岩"}}
CANONICAL = {"灰岩": "石灰岩"}


@st.composite
def child_cap(draw: st.DrawFn) -> tuple[str, int, str]:
    """(mineral as printed, value, unit): 万立方米/年 rows cannot be compared with tonnes."""
    mineral = draw(st.sampled_from(("石灰岩", "灰岩", "建筑石料用灰岩", "水泥用灰岩")))
    unit = draw(st.sampled_from(("万吨/年", "千吨/年", "吨/年", "万立方米/年")))
    return mineral, draw(st.integers(0, 40)) * (10_000 // TONNES.get(unit, 10_000)), unit


def brute_force(parent_mineral: str, children: list[list[tuple[str, int, str]]]) -> list[int]:
    """Each child's allowance in tonnes: its own cap for the mineral, else the sum of its narrower caps."""
    shares = []
    for caps in children:
        tonnes: dict[str, int] = {}
        for printed, value, unit in caps:
            mineral = CANONICAL.get(printed, printed)
            if unit in TONNES and mineral in COVERS[parent_mineral]:
                tonnes[mineral] = min(tonnes.get(mineral, value * TONNES[unit]), value * TONNES[unit])
        shares.append(tonnes[parent_mineral] if parent_mineral in tonnes else sum(tonnes.values()))
    return shares


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(sorted(COVERS)),
    st.integers(1, 120),
    st.sampled_from(("矿石 万吨", "万吨/年", "吨/年")),
    st.lists(st.lists(child_cap(), max_size=3), min_size=1, max_size=4),
)
def test_children_sum_agrees_with_brute_force(
    parent_mineral: str, cap: int, unit: str, children: list[list[tuple[str, int, str]]]
) -> None:
    cap_value = cap * (10_000 // TONNES[unit])
    lines = iter(range(20, 10_000))
    plans = [
        {
            "id": "p",
            "level": "province",
            "parents": [],
            "indicators": [
                {
                    "metric": "extraction_total",
                    "mineral": parent_mineral,
                    "op": "<=",
                    "value": cap_value,
                    "unit": unit,
                    "basis": "ore",
                    "attribute": "binding",
                    "cite": {"line": 10},
                }
            ],
        }
    ]
    for n, caps in enumerate(children):
        rows = [
            {
                "metric": "extraction_total",
                "mineral": m,
                "op": "<=",
                "value": v,
                "unit": u,
                "cite": {"line": next(lines)},
            }
            | ({"basis": "ore"} if u in TONNES else {})
            for m, v, u in caps
        ]
        plans.append({"id": f"c{n}", "level": "county", "parents": ["p"], "indicators": rows})
    findings = [f for f in check(plans, ("PL201",)).findings if f.against == "p"]
    shares = brute_force(parent_mineral, children)
    total = sum(shares)
    if total <= cap * 10_000:
        assert findings == []
        return
    assert len(findings) == 1
    finding = findings[0]
    largest = max(shares)
    assert finding.plan == f"c{shares.index(largest)}"
    assert finding.severity == "error"
    assert finding.actual is not None and isinstance(finding.actual.value, float)
    assert abs(finding.actual.value - total / TONNES[unit]) <= 1e-6 * total
