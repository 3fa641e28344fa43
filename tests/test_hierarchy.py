"""The plan hierarchy on the fixtures, through the library API (no command line)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planlint import api
from planlint.errors import HierarchyError, PlanlintError
from planlint.loader import InputErrors
from planlint.model import Plan

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "fixtures" / "valid"
BAD = ROOT / "fixtures" / "bad-input"


@pytest.fixture(scope="module")
def project() -> api.Project:
    return api.load([VALID])


def test_load_without_the_cli(project: api.Project) -> None:
    hierarchy = project.hierarchy
    assert sorted(hierarchy.loaded) == ["cn-example", "xs", "xs-dongshan"]
    county = hierarchy.plan("xs-dongshan")
    assert isinstance(county, Plan)
    assert county.level == "county"
    assert county.regions == ("北部山区",)
    assert hierarchy.loaded["xs-dongshan"].path == VALID / "xs-dongshan.yaml"
    assert hierarchy.plans["cn-example"].is_partial
    assert not hierarchy.plans["xs"].is_partial
    # the vocabulary and rule directories come with the project
    assert project.vocabulary.canonical("萤石（CaF2）") == "普通萤石"
    assert project.rule_dirs[0].joinpath("vocabulary").is_dir()


def test_ancestors_nearest_first(project: api.Project) -> None:
    hierarchy = project.hierarchy
    assert hierarchy.ancestors("xs-dongshan") == ("xs", "cn-example")
    assert hierarchy.ancestors("xs") == ("cn-example",)
    assert hierarchy.ancestors("cn-example") == ()


def test_children_and_roots(project: api.Project) -> None:
    hierarchy = project.hierarchy
    assert hierarchy.roots() == ("cn-example",)
    assert hierarchy.children("cn-example") == ("xs",)
    assert hierarchy.children("xs") == ("xs-dongshan",)
    assert hierarchy.children("xs-dongshan") == ()


def test_regions_come_from_ancestors(project: api.Project) -> None:
    hierarchy = project.hierarchy
    assert hierarchy.regions_available("xs-dongshan") == {"北部山区", "南部丘陵区"}
    assert hierarchy.regions_available("xs") == set()


def test_the_model_reads_the_fixture_fields(project: api.Project) -> None:
    county = project.hierarchy.plan("xs-dongshan")
    first = county.indicators[0]
    assert (first.metric, first.mineral, first.op, first.value, first.unit, first.basis) == (
        "extraction_total",
        "建筑石料",
        "<=",
        300,
        "矿石 万吨",
        "ore",
    )
    assert first.cite.line == 96 and first.cite.table == "专栏2"
    ranged = next(i for i in county.indicators if i.op == "range")
    assert ranged.value == (10, 20)
    zone, block = county.zones
    assert zone.limits[0].metric == "mine_count"
    assert [z.name for _, z in county.all_indicators() if z is not None] == [zone.name]
    assert block.count == 2
    assert county.counts[0].parts == {"retained": 3, "new": 2}
    assert county.baseline[0].year == 2020
    assert len(county.all_cites()) == 7 + 1 + 1 + 2 + 1 + 1 + 1
    national = project.hierarchy.plan("cn-example")
    assert national.indicators[0].cite.ref == "S1"


def test_two_parents_nearest_first(tmp_path: Path) -> None:
    # A county that carries out the province's and the nation's plan directly (a DAG, as 方城县 does):
    # both parents are one step away, and the nearer level comes first.
    for name in ("cn.yaml", "xs.yaml"):
        shutil.copy(VALID / name, tmp_path / name)
    county = (VALID / "xs-dongshan.yaml").read_text(encoding="utf-8")
    county = county.replace("parents: [xs]", "parents: [cn-example, xs]")
    (tmp_path / "xs-dongshan.yaml").write_text(county, encoding="utf-8")
    hierarchy = api.load([tmp_path]).hierarchy
    assert hierarchy.ancestors("xs-dongshan") == ("xs", "cn-example")
    assert hierarchy.children("cn-example") == ("xs", "xs-dongshan")
    assert hierarchy.roots() == ("cn-example",)


def test_a_city_between_province_and_county(tmp_path: Path) -> None:
    for name in ("cn.yaml", "xs.yaml"):
        shutil.copy(VALID / name, tmp_path / name)
    city = (
        "schema: planlint/plan/v1\nid: xs-nanshi\nname: 南市矿产资源总体规划（2021—2025年）\nlevel: city\n"
        "jurisdiction: 示例省南市\nparents: [xs]\nregions: [北部山区]\n"
        "period: {base: 2020, start: 2021, end: 2025}\n"
    )
    (tmp_path / "city.yaml").write_text(city, encoding="utf-8")
    county = (
        (VALID / "xs-dongshan.yaml")
        .read_text(encoding="utf-8")
        .replace("parents: [xs]", "parents: [xs-nanshi]")
    )
    (tmp_path / "county.yaml").write_text(county, encoding="utf-8")
    hierarchy = api.load([tmp_path]).hierarchy
    assert hierarchy.ancestors("xs-dongshan") == ("xs-nanshi", "xs", "cn-example")
    # the county's region is defined by its grandparent
    assert "北部山区" in hierarchy.regions_available("xs-dongshan")


def test_a_region_below_a_partial_plan_is_not_judged(tmp_path: Path) -> None:
    # What a partial plan does not record is unknown: a region it might define is not an error.
    shutil.copy(VALID / "cn.yaml", tmp_path / "cn.yaml")
    province = (VALID / "xs.yaml").read_text(encoding="utf-8")
    (tmp_path / "xs.yaml").write_text(
        province.replace("[cn-example]\n", "[cn-example]\nregions: [东部]\n"), "utf-8"
    )
    assert api.load([tmp_path]).hierarchy.plan("xs").regions == ("东部",)


@pytest.mark.parametrize(
    ("case", "error_type", "field"),
    [
        ("unknown-parent", HierarchyError, "parents.0"),
        ("cycle", HierarchyError, "parents"),
        ("level-inversion", HierarchyError, "parents.0"),
        ("region-undefined", HierarchyError, "regions.1"),
        ("duplicate-id", PlanlintError, "id"),
        ("unknown-unit.yaml", PlanlintError, "indicators.0.unit"),
    ],
)
def test_api_raises_input_errors(case: str, error_type: type[PlanlintError], field: str) -> None:
    with pytest.raises(InputErrors) as info:
        api.load([BAD / case])
    errors = info.value.errors
    assert errors and all(isinstance(e, PlanlintError) for e in errors)
    match = [e for e in errors if e.field == field]
    assert match and isinstance(match[0], error_type)
    assert match[0].path is not None and match[0].path.startswith(str(BAD / case))
    assert match[0].line is not None and match[0].line >= 1


def test_every_citation_is_listed_once_in_the_order_of_its_location() -> None:
    # all_cites walks the plan itself (the load's check of refs uses it): it must list what located_cites does
    bundled = api.load([ROOT / "plans"]).hierarchy.loaded.values()
    fixtures = api.load([VALID]).hierarchy.loaded.values()
    plans = [item.plan for item in [*bundled, *fixtures]]
    for plan in plans:
        located = [cite for _, cite in plan.located_cites()]
        assert [id(c) for c in plan.all_cites()] == [id(c) for c in located], plan.id
    assert sum(len(plan.all_cites()) for plan in plans) > 400
