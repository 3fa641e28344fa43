"""`planlint test-rules PACK_DIR CASES_DIR`: a rule pack tested against case files (planlint.ruletest)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planlint.loader import InputErrors
from planlint.ruletest import compare, load_cases, run_rule_tests
from tests.cli import planlint
from tests.kindcases import KIND_FIXTURES, REPO

EXAMPLE = REPO / "fixtures" / "rule-pack"


def test_the_example_pack_passes_its_cases() -> None:
    result = planlint("test-rules", EXAMPLE, EXAMPLE / "cases", "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok  green.yaml::county_without_target_is_reported" in result.stdout
    assert result.stdout.rstrip().endswith("3 case(s) passed, 0 failed")


def test_a_wrong_expectation_fails_and_says_what_differs(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    text = (EXAMPLE / "cases" / "green.yaml").read_text(encoding="utf-8")
    (cases / "green.yaml").write_text(text.replace("severity: warning", "severity: error"), encoding="utf-8")
    result = planlint("test-rules", EXAMPLE, cases, "--lang", "en")
    assert result.returncode == 1
    assert "FAIL  green.yaml::county_without_target_is_reported" in result.stdout
    assert "missing: rule=PL451 plan=c severity=error" in result.stdout
    assert "unexpected: rule=PL451 plan=c severity=warning" in result.stdout
    assert "2 case(s) passed, 1 failed" in result.stdout


def test_outcomes_in_chinese() -> None:
    result = planlint("test-rules", EXAMPLE, EXAMPLE / "cases", "--lang", "zh")
    assert "通过  green.yaml::county_with_target_passes" in result.stdout
    assert "3 个用例通过，0 个失败" in result.stdout


def test_a_bad_case_file_is_bad_input_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "cases:\n  - name: x\n    plans: []\n    expekt: []\n", encoding="utf-8"
    )
    result = planlint("test-rules", EXAMPLE, tmp_path)
    assert result.returncode == 2
    assert f"{tmp_path / 'bad.yaml'}:3: cases.0.plans:" in result.stderr
    assert f"{tmp_path / 'bad.yaml'}:4: cases.0.expekt:" in result.stderr


def test_no_case_files_or_a_bad_pack_is_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert planlint("test-rules", EXAMPLE, empty).returncode == 2
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    rule = pack / "packs" / "green.yaml"
    rule.write_text(
        rule.read_text(encoding="utf-8").replace("{metric_name}目标", "{metric_nam}目标"), "utf-8"
    )
    result = planlint("test-rules", pack, pack / "cases")
    assert result.returncode == 2 and "unknown placeholder {metric_nam}" in result.stderr


@pytest.mark.parametrize("path", sorted(KIND_FIXTURES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_kind_fixtures_are_valid_case_files(path: Path) -> None:
    assert load_cases(path).cases


def test_compare_is_a_matching_of_multisets() -> None:
    found = {"rule": "PL101", "plan": "c", "lines": {"plan": [20, None]}}
    assert compare([{"rule": "PL101", "lines": {"plan": [None, 20]}}], [found]) == ([], [])
    assert compare([{"rule": "PL101"}, {"rule": "PL101"}], [found]) == ([{"rule": "PL101"}], [])
    assert compare([], [found]) == ([], [found])


def test_the_library_runs_the_cases(tmp_path: Path) -> None:
    outcomes = run_rule_tests(EXAMPLE, EXAMPLE / "cases")
    assert [o.case for o in outcomes if o.passed] == [
        "county_without_target_is_reported",
        "county_with_target_passes",
        "province_is_not_asked",
    ]
    with pytest.raises(InputErrors):
        bad = tmp_path / "bad.yaml"
        bad.write_text("cases: []\n", encoding="utf-8")
        load_cases(bad)
