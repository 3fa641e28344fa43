"""Domain facts are data (rules/vocabulary/): a new metric is a data change, and Python does not drift from it."""

from __future__ import annotations

import typing
from pathlib import Path

import yaml

from planlint import api
from planlint.extract import lexicon
from planlint.model import ZoneKind
from planlint.requirements import requirements
from planlint.units import parse_unit
from planlint.vocabulary import Vocabulary
from tests.cli import planlint
from tests.kindcases import write_plans

DUST = {
    "name": "dust_emission",
    "zh": "粉尘排放量",
    "en": "dust emission",
    "annual": True,
    "role": "limit",
    "direction": "cap",
    "unit": "吨/年",
}


def _rule(rule_id: str, kind: str, params: dict[str, object], zh: str, en: str) -> dict[str, object]:
    return {
        "id": rule_id,
        "name": f"dust-{rule_id.lower()}",
        "kind": kind,
        "title": {"zh": "粉尘排放", "en": "Dust emission"},
        "description": {"zh": "粉尘排放不得超过上级规划。", "en": "Dust emission within the ancestor's cap."},
        "message": {"zh": zh, "en": en},
        "norm": {"document": "某省规划（示例）"},
        "params": params,
    }


def _dust_rules(directory: Path, metric: dict[str, object] = DUST, **bound: object) -> Path:
    (directory / "vocabulary").mkdir(parents=True)
    (directory / "packs").mkdir()
    metrics = {"schema": "planlint/metrics/v1", "metrics": [metric]}
    (directory / "vocabulary" / "dust.yaml").write_text(yaml.safe_dump(metrics, allow_unicode=True), "utf-8")
    rules = [
        # no direction (unless a test gives one): the vocabulary says a dust emission is a cap
        _rule(
            "PL198",
            "ancestor_bound",
            {"metric": "dust_emission", **bound},
            "{mineral}粉尘 {actual}，高于 {expected}",
            "{actual} above {expected}",
        ),
        _rule(
            "PL199",
            "binding_carried",
            {"metrics": ["dust_emission"]},
            "{metric_name}{attribute}",
            "{metric_name} {attribute}",
        ),
    ]
    pack = {"schema": "planlint/rules/v1", "rules": rules}
    (directory / "packs" / "dust.yaml").write_text(yaml.safe_dump(pack, allow_unicode=True), "utf-8")
    return directory


def _row(value: float, unit: str, line: int, attribute: str = "binding") -> dict[str, object]:
    return {
        "metric": "dust_emission",
        "op": "<=",
        "value": value,
        "unit": unit,
        "attribute": attribute,
        "cite": {"line": line},
    }


def test_a_metric_added_as_data_is_checked_end_to_end(tmp_path: Path) -> None:
    rules = _dust_rules(tmp_path / "dust-rules")
    plans = tmp_path / "plans"
    plans.mkdir()
    write_plans(
        plans,
        [
            {"id": "p", "level": "province", "parents": [], "indicators": [_row(100, "吨/年", 10)]},
            {
                "id": "c",
                "level": "county",
                "parents": ["p"],
                "indicators": [_row(0.015, "万吨", 20, "expected")],
            },
            {"id": "d", "level": "county", "parents": ["p"], "indicators": [_row(5, "万立方米/年", 30)]},
        ],
    )
    project = api.load([plans], [rules])
    report = api.check(project)
    found = {(f.rule, f.plan): f for f in report.findings}
    # the cap (150 t a year, read as annual) is above the province's 100 t: a cap by the vocabulary
    assert (
        found[("PL198", "c")].text("en") == "≤ 0.015 万吨 above ≤ 100 吨/年; it should be at most 100 吨/年"
    )
    # the metric's printed names come from the data
    assert found[("PL199", "c")].text("zh") == "粉尘排放量，却列为预期性指标"
    assert found[("PL199", "c")].text("en") == "dust emission as expected (预期性)"
    # a limit joins the bundled PL190 (incomparable units) and the requirements list without code
    assert ("PL190", "d") in found and found[("PL190", "d")].metric == "dust_emission"
    listed = requirements(project, "c")
    assert any(r.category == "cap" and "粉尘排放量" in r.text["zh"] for r in listed)
    # and through the command line
    result = planlint("check", plans, "--rules", rules, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0 and '"rule": "PL198"' in result.stdout


def test_a_rule_without_direction_for_a_metric_without_one_is_bad_input(tmp_path: Path) -> None:
    without = {k: v for k, v in DUST.items() if k != "direction"}
    rules = _dust_rules(tmp_path / "dust-rules", without)
    result = planlint("rules", "--rules", rules)
    assert result.returncode == 2
    assert (
        "rules.0.params: rule PL198: metric 'dust_emission' has no direction in the vocabulary"
        in result.stderr
    )


def test_a_direction_contradicting_the_vocabulary_is_bad_input(tmp_path: Path) -> None:
    rules = _dust_rules(tmp_path / "dust-rules", direction="floor")
    result = planlint("rules", "--rules", rules)
    assert result.returncode == 2 and "direction 'floor' contradicts the vocabulary" in result.stderr


def _bundled() -> Vocabulary:
    return api.load().vocabulary


def test_zone_kinds_of_the_plan_format_are_those_of_the_data() -> None:
    assert list(typing.get_args(ZoneKind)) == list(_bundled().zone_kinds)


def test_every_metric_is_complete_and_its_unit_parses() -> None:
    for name, metric in _bundled().metrics.items():
        assert metric.zh and metric.en, name
        assert metric.unit is not None, f"{name}: no unit"
        parse_unit(metric.unit)
        if metric.role == "limit":
            assert metric.direction is not None, f"{name}: a limit without a direction"


def test_metric_names_in_python_are_in_the_data() -> None:
    known = set(_bundled().metrics)
    named = (
        {metric for _, metric in lexicon.METRIC_WORDS} | set(lexicon.DEFAULT_OP) | set(lexicon.DEFAULT_UNIT)
    )
    named |= set(lexicon.METRIC_DIMENSIONS) | set(lexicon.PLAN_WIDE)
    assert named <= known, named - known


def test_the_extractors_defaults_agree_with_the_data() -> None:
    metrics = _bundled().metrics
    for name, op in lexicon.DEFAULT_OP.items():
        direction = metrics[name].direction
        if direction is not None:
            assert op == (">=" if direction == "floor" else "<="), name
    for name, unit in lexicon.DEFAULT_UNIT.items():
        assert metrics[name].unit == unit, name
