"""The three matching relations of planlint.match, on small made-up plans (one row per cited line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planlint import api
from planlint.match import Index
from planlint.prepared import Stated
from tests.kindcases import write_plans


def _row(
    metric: str, mineral: str | None, op: str, value: float, unit: str, line: int, **extra: Any
) -> dict[str, Any]:
    row = {"metric": metric, "op": op, "value": value, "unit": unit, "cite": {"line": line}, **extra}
    if mineral is not None:
        row["mineral"] = mineral
    return row


def _index(tmp_path: Path, plans: list[dict[str, Any]]) -> Index:
    write_plans(tmp_path, plans)
    project = api.load([tmp_path])
    return Index(project.hierarchy.plans, project.vocabulary)


def _at(index: Index, plan: str, line: int) -> Stated:
    return next(s for s in index.of(plan) if s.cite.line == line)


def _lines(rows: Any) -> list[int | None]:
    return sorted(r.cite.line for r in rows)


@pytest.fixture
def ancestry(tmp_path: Path) -> Index:
    province = {
        "id": "p",
        "level": "province",
        "parents": [],
        "defines_regions": ["东区", "西区"],
        "indicators": [
            _row("min_scale", "石灰岩", ">=", 50, "矿石 万吨", 10),
            _row("min_scale", "水泥用灰岩", ">=", 100, "矿石 万吨", 11),
            _row("min_scale", "石灰岩", ">=", 80, "矿石 万吨", 12, scope={"deposit": "large"}),
            _row("min_scale", "石灰岩", ">=", 90, "矿石 万吨", 13, scope={"region": "东区"}),
            _row("min_scale", "砂岩", ">=", 10, "矿石 万吨", 14),
            _row("min_scale", None, ">=", 5, "矿石 万吨", 15),
            _row("extraction_total", "石灰岩", "<=", 1000, "矿石 万吨", 16),
        ],
        "zones": [
            {
                "kind": "key_mining",
                "name": "甲区",
                "cite": {"line": 30},
                "limits": [_row("min_scale", "石灰岩", ">=", 200, "矿石 万吨", 31)],
            }
        ],
    }
    county = {
        "id": "c",
        "level": "county",
        "parents": ["p"],
        "regions": ["西区"],
        "indicators": [
            _row("min_scale", "水泥用灰岩", ">=", 60, "万吨/年", 20, scope={"deposit": "small"}),
            _row("min_scale", "建筑石料用灰岩", ">=", 60, "万吨/年", 21),
            _row("min_scale", "水泥用灰岩", ">=", 60, "万吨/年", 22, scope={"region": "东区"}),
            _row("min_scale", None, ">=", 6, "万吨/年", 23),
        ],
    }
    return _index(tmp_path, [province, county])


def test_ancestor_rows_most_specific_mineral_wins(ancestry: Index) -> None:
    # 水泥用灰岩 stated by the province itself: its rows for the broader 石灰岩 do not apply (lex specialis)
    assert _lines(ancestry.ancestor_rows("p", _at(ancestry, "c", 20))) == [11]


def test_ancestor_rows_broader_mineral_overlapping_scope_and_the_plans_region(ancestry: Index) -> None:
    # 建筑石料用灰岩 is under 石灰岩: the plan-wide and large-deposit rows apply; 东区 is not the county's
    # region, the zone limit holds only in its zone, and 砂岩 is another mineral
    assert _lines(ancestry.ancestor_rows("p", _at(ancestry, "c", 21))) == [10, 12]


def test_ancestor_rows_a_rows_own_region_decides(ancestry: Index) -> None:
    # a county row scoped to 东区 meets the province's 东区 row, whatever the county's own regions
    assert _lines(ancestry.ancestor_rows("p", _at(ancestry, "c", 22))) == [11]


def test_ancestor_rows_without_mineral_match_only_rows_without_mineral(ancestry: Index) -> None:
    assert _lines(ancestry.ancestor_rows("p", _at(ancestry, "c", 23))) == [15]


def test_ancestor_rows_are_kept_by_the_index(ancestry: Index) -> None:
    row = _at(ancestry, "c", 21)
    assert ancestry.ancestor_rows("p", row) is ancestry.ancestor_rows("p", row)


def test_plan_rows_over_zone_year_units_and_zone_scope(tmp_path: Path) -> None:
    county = {
        "id": "c",
        "level": "province",
        "parents": [],
        "indicators": [
            _row("extraction_total", "石灰岩", "<=", 100, "矿石 万吨/年", 10, year=2025),
            _row("extraction_total", "石灰岩", "<=", 90, "矿石 万吨/年", 11, year=2030),
            _row("extraction_total", "石灰岩", "<=", 80, "万立方米/年", 12),
            _row("extraction_total", "石灰岩", "<=", 70, "矿石 万吨/年", 13, scope={"zone": "甲区"}),
            _row(
                "extraction_total", "建筑石料用灰岩", "<=", 60, "矿石 万吨/年", 14, scope={"deposit": "small"}
            ),
        ],
        "zones": [
            {
                "kind": "concentrated_mining",
                "name": "甲区",
                "cite": {"line": 20},
                "limits": [
                    _row("extraction_total", "建筑石料用灰岩", "<=", 50, "矿石 万吨/年", 21, year=2025),
                    _row(
                        "extraction_total", "石灰岩", "<=", 50, "矿石 万吨/年", 22, scope={"deposit": "large"}
                    ),
                ],
            }
        ],
    }
    index = _index(tmp_path, [county])
    # the 2030 row is another year, the 万立方米 row cannot be compared, the 甲区-scoped row is a zone's;
    # the small-deposit row for the narrower mineral is the most specific
    assert _lines(index.plan_rows_over_zone(_at(index, "c", 21))) == [14]
    # for large deposits the small-deposit row does not overlap: the broader plan-wide rows apply
    assert _lines(index.plan_rows_over_zone(_at(index, "c", 22))) == [10, 11]


def test_child_rows_under_cap(tmp_path: Path) -> None:
    parent = {
        "id": "p",
        "level": "province",
        "parents": [],
        "defines_regions": ["东区"],
        "indicators": [
            _row("mine_count", "石灰岩", "<=", 100, "个", 10, scope={"subset": "非油气"}),
            _row("mine_count", "石灰岩", "<=", 100, "个", 11),
        ],
    }
    child = {
        "id": "c",
        "level": "county",
        "parents": ["p"],
        "indicators": [
            _row("mine_count", "石灰岩", "<=", 10, "个", 20),
            _row("mine_count", "水泥用灰岩", "<=", 10, "个", 21),
            _row("mine_count", "建筑石料", "<=", 10, "个", 22),
            _row("mine_count", "石灰岩", "<=", 10, "个", 23, scope={"deposit": "large"}),
            _row("mine_count", "石灰岩", ">=", 1, "个", 24),
            _row("mine_count", "石灰岩", "<=", 10, "个", 25, scope={"region": "东区"}),
        ],
    }
    index = _index(tmp_path, [parent, child])
    # narrower or same minerals with the same scope; not other minerals, narrower scopes, floors, other regions
    assert _lines(index.child_rows_under_cap(_at(index, "p", 11), "c")) == [20, 21]
    # a subset counts only rows of that subset, unless it is listed as meaning "all"
    assert _lines(index.child_rows_under_cap(_at(index, "p", 10), "c")) == []
    assert _lines(index.child_rows_under_cap(_at(index, "p", 10), "c", ["非油气"])) == [20, 21]
