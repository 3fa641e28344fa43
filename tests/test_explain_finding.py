"""`planlint explain FINDING_ID [PATH ...]`: why a finding was raised; `explain RULE_ID` still works."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint import api
from planlint.report.explain import mineral_path
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from tests.cli import Ran, planlint

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _explain(*args: str) -> Ran:
    return planlint("explain", *args)


def _finding(plan: str, mineral: str) -> str:
    report = api.check(api.load(), [plan])
    return next(f.id for f in report.findings if f.rule == "PL101" and f.mineral == mineral)


def test_a_floor_finding_shows_rows_units_and_scope() -> None:
    run = _explain(_finding("cq-banan", "地热"), "--lang", "zh")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    # both sides' rows, with their lines
    assert "上级规划 cq: 001_c4a5b5da5bc9cb10.txt 五（三） 专栏9 第 260 行" in out
    assert "本规划 cq-banan: 000_4729b6005d3d87fd.txt 四（二）3 第 260 行" in out
    assert "最低开采规模 地热 ≥ 5 万立方米/年 （新设矿山）" in out
    # the unit conversion: the ancestor's 万立方米 read per year for an annual metric
    assert "≥ 20 万立方米 = ≥ 200000 立方米/年（年度指标" in out
    assert "≥ 5 万立方米/年 = ≥ 50000 立方米/年" in out
    # the scope reasoning
    assert "矿床规模：本规划 未限定（全部）；上级规划 大型矿床 → 范围重叠，上级规定适用" in out
    # every deposit scale's floor, as the finding's message ends
    required = "不低于 20 万立方米（大型矿床） / 10 万立方米（中型矿床） / 5 万立方米（小型矿床）"
    assert f"修改要求: 将本规划该项指标调整为{required}（cq 的规定）" in out
    assert f"；应{required}\n" in out


def test_the_vocabulary_path_of_a_broader_mineral() -> None:
    vocabulary = api.load().vocabulary
    path = mineral_path(vocabulary, "建筑石料用灰岩", "石灰岩")
    assert path is not None and path[0] == "建筑石料用灰岩" and path[-1] == "石灰岩"
    assert mineral_path(vocabulary, "石灰岩", "建筑石料用灰岩") is None


def test_quotes_both_documents_with_docs() -> None:
    if not SEEDS.is_dir():
        pytest.skip("needs the seed documents in ../shared/seeds")
    run = _explain(_finding("cq-banan", "地热"), "--docs", str(SEEDS), "--lang", "zh")
    assert "> 地热:新建矿山的最低开采规模为5万立方米/年。" in run.stdout
    assert "> 地热 · 万立方米 · 20" in run.stdout


def test_unknown_ids_are_bad_input_and_rule_ids_still_work() -> None:
    run = _explain("PL101-0000000000")
    assert run.returncode == 2 and "no finding 'PL101-0000000000'" in run.stderr
    assert "Traceback" not in run.stderr
    run = _explain("nonsense", "--lang", "zh")
    assert run.returncode == 2 and "没有规则或问题" in run.stderr
    run = _explain("pl101", "--lang", "en")
    assert run.returncode == 0 and run.stdout.startswith("PL101 ")


def test_a_finding_in_other_plans_is_found_there(tmp_path: Path) -> None:
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    plans = tmp_path / "plans"
    finding = api.check(api.load([plans])).findings[0]
    run = _explain(finding.id, str(plans), "--lang", "en")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{finding.id}  ")
