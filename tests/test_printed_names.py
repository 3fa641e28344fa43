"""Finding messages name things by their printed names (rules/vocabulary/names.yaml, the metrics), never by
the keys plans record them under: no `mines_structure`, `ratio_large`, `mining_blocks_new` or `extraction_total`
in a message, in Chinese or English, on the bundled plans, the kind fixtures or a synthetic nation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planlint import api
from planlint.findings import Report
from planlint.project import Project
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from planlint.vocabulary import Vocabulary, load_vocabulary
from tests.kindcases import all_rules, load_cases, run

KEY = re.compile(r"\b[A-Za-z]+(?:_[A-Za-z0-9]+)+\b")
ASCII_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary(api.rule_directories())


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nation")
    generate(folder, Shape.per(2, 2, 3, 1), seed=3, violations=2)
    return folder / "plans"


def _leaks(report: Report, plan_ids: set[str]) -> list[str]:
    """Messages with a key in them (either language), or an English word in Chinese (plan ids aside)."""
    found = []
    for finding in report.findings:
        for lang in ("zh", "en"):
            text = finding.message[lang]
            for plan_id in sorted(plan_ids, key=len, reverse=True):
                text = text.replace(plan_id, "")
            if KEY.search(text) or (lang == "zh" and ASCII_WORD.search(text)):
                found.append(f"{finding.rule} {lang}: {finding.message[lang]}")
    return found


def test_no_key_in_the_messages_of_the_bundled_plans_or_a_synthetic_nation(nation: Path) -> None:
    for paths in (None, [nation]):
        project = api.load(paths)
        report = api.check(project)
        assert {f.rule for f in report.findings} >= (
            {"PL301", "PL302", "PL306", "PL307"} if paths else {"PL306"}
        )
        assert _leaks(report, set(project.hierarchy.plans)) == []


@pytest.mark.parametrize(
    ("name", "case"),
    [
        c
        for c in load_cases()
        if c[0].split("::")[0] in {"count_parts", "baseline_ratio", "duplicate_indicator"}
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_no_key_in_the_messages_of_the_kind_fixtures(name: str, case: dict, tmp_path: Path) -> None:
    report = run(tmp_path, case["plans"], case.get("rules"))
    assert _leaks(report, {plan["id"] for plan in case["plans"]}) == []


def test_the_ratio_series_names_its_parts(tmp_path: Path) -> None:
    (case,) = [c for n, c in load_cases() if n == "baseline_ratio::fail_ratio_series"]
    (finding,) = run(tmp_path, case["plans"], case.get("rules")).findings
    assert "大型:中型:小型 = 1.4:1:5.4" in finding.message["zh"]
    assert "大型矿山:中型矿山:小型矿山 = 7:5:28" in finding.message["zh"]
    assert "large:medium:small is printed as 1.4:1:5.4" in finding.message["en"]


def test_a_breakdown_key_is_printed_by_its_parts(vocabulary: Vocabulary) -> None:
    assert vocabulary.printed_name("mining_blocks_new", "zh") == "开采规划区块（新设）"
    assert vocabulary.printed_name("mining_blocks_new", "en") == "planned mining blocks (new)"
    assert vocabulary.printed_name("new_resources_萤石", "zh") == "新增资源量（萤石）"
    assert vocabulary.printed_name("建筑石料用灰岩", "en") == "建筑石料用灰岩"
    assert vocabulary.printed_name("no_such_key", "zh") == "no_such_key"


def _keys_of(project: Project) -> set[str]:
    keys: set[str] = set()
    for plan in project.hierarchy.plans.values():
        for count in plan.counts:
            keys |= {count.key, *count.parts}
        keys |= {entry.key for entry in plan.baseline}
    return keys


def test_every_key_a_message_can_print_has_a_printed_name(vocabulary: Vocabulary, nation: Path) -> None:
    keys = _keys_of(api.load()) | _keys_of(api.load([nation]))
    for rule in all_rules():
        for formula in getattr(rule.params, "percentages", ()):
            keys |= {formula.percent, *(n.lstrip("-") for n in (*formula.numerator, *formula.denominator))}
        for series in getattr(rule.params, "ratios", ()):
            keys |= {*series.ratio, *series.counts}
    assert sorted(k for k in keys if not vocabulary.names_key(k)) == []
