"""A right that breaks every row that may apply, one of which applies whatever the record lacks, is a decided
breach (PL510, PL512, PL514), not a question for the record (PL511, PL513, PL515) — qa2 N8."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planlint import api
from planlint.findings import Finding
from planlint.rights import check_rights
from tests.cli import REPO, planlint

HEAD = "schema: planlint/rights/v1\nrights:\n"


@pytest.fixture(scope="module")
def project() -> api.Project:
    return api.load()


def _findings(project: api.Project, tmp_path: Path, rights: str) -> dict[str, list[Finding]]:
    path = tmp_path / "rights.yaml"
    path.write_text(HEAD + rights, encoding="utf-8")
    found: dict[str, list[Finding]] = {}
    for finding in check_rights(project, path).findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_below_every_minimum_scale_whatever_the_deposit_and_kind_is_an_error(
    project: api.Project, tmp_path: Path
) -> None:
    """qa2 N8: 涪陵 建筑石料用灰岩 at 10 万吨/年, kind and deposit unknown: 10 < 20 (小型, the lowest row)."""
    found = _findings(
        project,
        tmp_path,
        "  - {id: A, name: 涪陵某矿, jurisdiction: 涪陵区, mineral: 建筑石料用灰岩, kind: unknown,"
        " capacity: {value: 10, unit: 万吨/年}}\n",
    )
    assert "PL511" not in found
    (finding,) = found["PL510"]
    assert finding.severity == "error" and finding.plan == "cq"
    assert "低于 cq 所有可能适用的最低开采规模（最低为小型矿床 ≥ 20 矿石 万吨）" in finding.message["zh"]
    assert (
        "below all of cq's minimum scales that may apply (the lowest: small deposits ≥ 20"
        in finding.message["en"]
    )
    assert finding.expected is not None and finding.expected.value == 20
    assert finding.remedy is not None
    assert (
        "（≥ 20 矿石 万吨（小型矿床）；须补充矿床规模" in finding.remedy["zh"]
        and "可能更严" in finding.remedy["zh"]
    )


def test_a_minimum_scale_that_may_apply_and_is_met_leaves_it_undecided(
    project: api.Project, tmp_path: Path
) -> None:
    """At 30 the 小型 row (≥ 20) is met: a small deposit would conform, so the record must say."""
    found = _findings(
        project,
        tmp_path,
        "  - {id: A, name: 涪陵某矿, jurisdiction: 涪陵区, mineral: 建筑石料用灰岩, kind: unknown,"
        " capacity: {value: 30, unit: 万吨/年}}\n",
    )
    assert set(found) == {"PL511"}
    assert "缺少矿床规模" in found["PL511"][0].message["zh"]


def test_below_every_row_is_not_decided_when_a_missing_fact_could_leave_no_row(
    project: api.Project, tmp_path: Path
) -> None:
    """巴南's cap (≤ 300) and service life (≥ 5 years) bind new mines only: an expansion is bound by neither."""
    found = _findings(
        project,
        tmp_path,
        "  - {id: A, name: 巴南某矿, jurisdiction: 巴南区, mineral: 建筑石料用灰岩, kind: unknown, deposit: large,"
        " capacity: {value: 320, unit: 万吨/年}, term_years: 3}\n",
    )
    assert set(found) == {"PL513", "PL515"}


@pytest.fixture(scope="module")
def both_kinds(tmp_path_factory: pytest.TempPathFactory) -> api.Project:
    """The bundled plans with 巴南's cap and service life stated for expansions too (≤ 400, ≥ 3 years)."""
    return api.load([_plans_with_expansion_rows(tmp_path_factory.mktemp("plans"))])


def _plans_with_expansion_rows(directory: Path) -> Path:
    plans = directory / "plans"
    shutil.copytree(REPO / "plans", plans)
    banan = plans / "cq-banan.yaml"
    text = banan.read_text(encoding="utf-8")
    cap = "  - metric: max_scale\n    mineral: 建筑石料用灰岩\n"
    life = "  - metric: min_service_years\n    mineral: 建筑石料用灰岩\n"
    assert text.count(cap) == 1 and text.count(life) == 1
    extra = (
        "  - {metric: max_scale, mineral: 建筑石料用灰岩, op: '<=', value: 400, unit: 万吨/年, basis: ore,"
        " attribute: binding, scope: {mine: expansion}, label: 扩能矿山规模, cite: {line: 258, section: 四（二）3}}\n"
        "  - {metric: min_service_years, mineral: 建筑石料用灰岩, op: '>=', value: 3, unit: 年, basis: none,"
        " attribute: unspecified, scope: {mine: expansion}, label: 可开采年限, cite: {line: 258, section: 四（二）3}}\n"
    )
    banan.write_text(text.replace(cap, extra + cap), encoding="utf-8")
    return plans


def test_above_every_cap_that_may_apply_is_a_breach(both_kinds: api.Project, tmp_path: Path) -> None:
    found = _findings(
        both_kinds,
        tmp_path,
        "  - {id: A, name: 巴南某矿, jurisdiction: 巴南区, mineral: 建筑石料用灰岩, kind: unknown, deposit: large,"
        " capacity: {value: 450, unit: 万吨/年}, term_years: 30}\n",
    )
    assert "PL513" not in found
    (finding,) = found["PL512"]
    assert (
        "超过 cq-banan 所有可能适用的单矿山规模上限（最高为整合扩能/增划资源矿山 ≤ 400"
        in finding.message["zh"]
    )
    assert finding.severity == "error"  # the 400 row it is judged by is binding


def test_under_one_cap_that_may_apply_stays_undecided(both_kinds: api.Project, tmp_path: Path) -> None:
    found = _findings(
        both_kinds,
        tmp_path,
        "  - {id: A, name: 巴南某矿, jurisdiction: 巴南区, mineral: 建筑石料用灰岩, kind: unknown, deposit: large,"
        " capacity: {value: 350, unit: 万吨/年}, term_years: 30}\n",
    )
    assert set(found) == {"PL513"}


def test_shorter_than_every_service_life_that_may_apply_is_a_breach(
    both_kinds: api.Project, tmp_path: Path
) -> None:
    found = _findings(
        both_kinds,
        tmp_path,
        "  - {id: A, name: 巴南某矿, jurisdiction: 巴南区, mineral: 建筑石料用灰岩, kind: unknown, deposit: large,"
        " capacity: {value: 150, unit: 万吨/年}, term_years: 2}\n",
    )
    assert "PL515" not in found
    (finding,) = found["PL514"]
    assert (
        "低于 cq-banan 所有可能适用的可开采年限下限（最低为整合扩能/增划资源矿山 ≥ 3 年）"
        in finding.message["zh"]
    )


def test_the_qa_case_on_the_command_line_fails_the_right(tmp_path: Path) -> None:
    path = tmp_path / "f2.csv"
    path.write_text(
        "项目编号,采矿权名称（暂定名）,地理位置,矿种,资源储量（万吨）,生产规模,出让年限（年）\n"
        "FLGC202299,涪陵区某镇某村建筑石料用灰岩矿（示例）,涪陵区某镇某村,建筑石料用灰岩,1500,10万吨/年,10\n",
        encoding="utf-8",
    )
    result = planlint("check-rights", path, "--lang", "zh")
    assert result.returncode == 1
    assert "错误 PL510" in result.stdout and "PL511" not in result.stdout
    assert "不符合规划" in result.stdout
