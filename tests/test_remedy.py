"""Every finding says the change that would satisfy it (修改要求, the memo's and explain's remedy line), worded by
its kind from its own values, in Chinese and English: never the rule's description read back, never empty,
never a placeholder left unfilled."""

from __future__ import annotations

import string
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from planlint import api
from planlint.findings import Finding, Report
from planlint.kinds import REGISTRY, emitted
from planlint.remedy import KIND_REMEDY, description_of, remedy, remedy_template
from planlint.rights import check_rights, rights_rules
from planlint.rights.kinds import REGISTRY as RIGHTS_REGISTRY
from planlint.synth.rights import write_rights
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from tests.kindcases import REPO, all_rules, load_cases, run

RIGHTS = REPO / "fixtures" / "rights"
FAILING = [(name, case) for name, case in load_cases() if case.get("expect")]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_kind_has_its_own_wording() -> None:
    assert set(KIND_REMEDY) == set(REGISTRY) | set(RIGHTS_REGISTRY)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.id)
def test_every_rules_wording_uses_only_what_its_hits_provide(rule: Any) -> None:
    for hit in emitted(REGISTRY[rule.kind], rule.params):
        template = remedy_template(rule.kind, rule.params, hit.__name__)
        assert template is not None, (rule.id, hit.__name__)
        provided = hit.placeholders() | {"required"}
        for lang in ("zh", "en"):
            assert _placeholders(template[lang]) <= provided, (rule.id, lang)


def _assert_own_remedies(report: Report) -> set[str]:
    specs = {rule.id: rule.spec for rule in report.rules}
    for finding in report.findings:
        for lang in ("zh", "en"):
            said = remedy(finding, lang, description_of(specs.get(finding.rule), lang))
            assert said and said != description_of(specs.get(finding.rule), lang), (finding.rule, lang)
            assert "{" not in said and "}" not in said, (finding.rule, said)
    return {finding.kind for finding in report.findings}


def test_every_kind_fixture_finding_has_its_own_remedy(tmp_path: Path) -> None:
    kinds: set[str] = set()
    for index, (_, case) in enumerate(FAILING):
        folder = tmp_path / str(index)
        folder.mkdir()
        report = run(folder, case["plans"], case.get("rules"))
        kinds |= _assert_own_remedies(Report(report.plans, report.findings, tuple(all_rules())))
    assert kinds == set(REGISTRY)


def test_every_rights_finding_has_its_own_remedy(tmp_path: Path) -> None:
    kinds = _assert_own_remedies(check_rights(api.load(), RIGHTS / "breaches.yaml"))
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=3, violations=1)
    nation = api.load([tmp_path / "plans"])
    write_rights(tmp_path, nation, 40, 1, seed=3)
    kinds |= _assert_own_remedies(check_rights(nation, tmp_path / "rights.csv"))
    assert kinds == set(RIGHTS_REGISTRY)
    assert {rule.kind for rule in rights_rules(api.rule_directories())} == set(RIGHTS_REGISTRY)


def _bundled(rule: str) -> Finding:
    return next(f for f in api.check(api.load()).findings if f.rule == rule)


def test_a_missing_cap_is_told_to_state_one_within_the_ancestors() -> None:
    finding = _bundled("PL404")
    assert (
        remedy(finding, "zh") == "在本规划中补充地热的开采总量上限，且不高于 cq 的规定（≤ 3650 万立方米/年）"
    )
    assert (
        remedy(finding, "en")
        == "state a cap on the plan's annual extraction total of 地热, within cq's (≤ 3650 万立方米/年)"
    )


def test_a_zone_limit_is_told_the_plans_own_rows(tmp_path: Path) -> None:
    (case,) = [c for n, c in FAILING if n == "zone_vs_plan::fail_zone_cap_above_plan_cap"]
    (finding,) = run(tmp_path, case["plans"], case.get("rules")).findings
    assert remedy(finding, "zh").startswith("将「")
    assert "调整为不高于" in remedy(finding, "zh") and remedy(finding, "zh").endswith(
        "与本规划全域的规定一致"
    )


def test_a_finding_against_no_ancestor_is_told_the_plans_own_rule(tmp_path: Path) -> None:
    """A finding made without a worded remedy (an older report's) falls back to its bound: a plan checked by
    itself is told '本规划的规定', not '本规划 的规定' with the ancestor's spacing."""
    (case,) = [c for n, c in FAILING if n == "zone_vs_plan::fail_zone_cap_above_plan_cap"]
    (finding,) = run(tmp_path, case["plans"], case.get("rules")).findings
    bare = replace(finding, remedy=None)
    assert bare.against is None and bare.requirement is not None
    assert remedy(bare, "zh").endswith("（本规划的规定）")
    assert remedy(bare, "en").endswith("(the plan's own)")
    assert remedy(replace(bare, against="cq"), "zh").endswith("（cq 的规定）")
