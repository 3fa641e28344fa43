"""What a synthetic plan is made of: minerals with their unit families and magnitudes, units, names.

Values inside the generator are kept in a family's canonical unit (万吨/年 for ore tonnes, 金属量 千克 for
gold ...); a plan prints them in one of the family's units (`Unit.factor` takes canonical to printed).
Every mineral of one lineage (建筑石料 ⊃ 建筑石料用灰岩) uses one family per metric, so the clean nation
never compares tonnes with cubic metres or ore with metal.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    text: str
    factor: float  # printed value = canonical value × factor
    basis: str


ORE = (
    Unit("万吨/年", 1, "ore"),
    Unit("矿石 万吨", 1, "ore"),
    Unit("矿石 万吨/年", 1, "ore"),
    Unit("吨/年", 1e4, "ore"),
)
VOLUME = (Unit("万立方米/年", 1, "none"), Unit("万立方米", 1, "none"), Unit("立方米/年", 1e4, "none"))
GAS = (Unit("亿立方米/年", 1, "none"), Unit("亿立方米", 1, "none"), Unit("万立方米/年", 1e4, "none"))
METAL_T = (
    Unit("金属量 吨", 1, "metal"),
    Unit("金属量 吨/年", 1, "metal"),
    Unit("金属量 千克", 1000, "metal"),
)
METAL_KG = (
    Unit("金属量 千克", 1, "metal"),
    Unit("金属量 千克/年", 1, "metal"),
    Unit("金属量 吨", 0.001, "metal"),
)

FAMILIES: dict[str, tuple[Unit, ...]] = {
    "ore": ORE,
    "volume": VOLUME,
    "gas": GAS,
    "metal_t": METAL_T,
    "metal_kg": METAL_KG,
}
# Stocks (new resources found over the period): not annual.
STOCKS: dict[str, Unit] = {
    "ore": Unit("矿石 万吨", 1, "ore"),
    "volume": Unit("万立方米", 1, "none"),
    "gas": Unit("亿立方米", 1, "none"),
    "metal_t": Unit("金属量 吨", 1, "metal"),
    "metal_kg": Unit("金属量 千克", 1, "metal"),
}
# A unit of another dimension, for planting incomparable units.
FOREIGN: dict[str, Unit] = {
    "ore": Unit("万立方米/年", 1, "none"),
    "volume": Unit("万吨/年", 1, "none"),
    "gas": Unit("万吨/年", 1, "none"),
    "metal_t": Unit("万立方米/年", 1, "none"),
    "metal_kg": Unit("万立方米/年", 1, "none"),
}
COUNT = Unit("个", 1, "none")
PERCENT = Unit("%", 1, "none")
YEARS = Unit("年", 1, "none")


@dataclass(frozen=True)
class MineralSpec:
    """A mined mineral: its cap family and national magnitude, and its minimum-scale family and floors."""

    name: str
    cap_family: str
    magnitude: float  # a national-level annual cap, canonical units
    scale_family: str | None = None
    floors: tuple[float, float, float] = (0.0, 0.0, 0.0)  # large, medium, small deposits (canonical)
    max_scale: bool = False  # plans set a per-mine maximum for it
    binding_cap: bool = False  # its extraction cap is 约束性


def _m(
    name: str, cap: str, magnitude: float, scale: str | None = "ore", floors=(0.0, 0.0, 0.0), **kw
) -> MineralSpec:  # type: ignore[no-untyped-def]
    return MineralSpec(name, cap, magnitude, scale, floors, **kw)


SPECS: dict[str, MineralSpec] = {
    s.name: s
    for s in (
        _m("煤", "ore", 410000, floors=(120, 90, 30), binding_cap=True),
        _m("铁", "ore", 100000, floors=(100, 60, 20)),
        _m("萤石", "ore", 600, floors=(10, 5, 3), binding_cap=True),
        _m("金", "metal_kg", 300000, floors=(15, 6, 3)),
        _m("铜", "metal_t", 2000000, floors=(30, 15, 5)),
        _m("钼", "metal_t", 300000, floors=(30, 15, 6)),
        _m("铅锌", "metal_t", 5000000, floors=(20, 10, 5)),
        _m("银", "metal_t", 5000, floors=(10, 5, 3)),
        _m("铝土矿", "ore", 10000, floors=(30, 15, 6), binding_cap=True),
        _m("锰", "ore", 3000, floors=(10, 5, 3)),
        _m("重晶石", "ore", 500, floors=(10, 5, 3)),
        _m("石膏", "ore", 6000, floors=(30, 15, 10)),
        _m("岩盐", "ore", 10000, floors=(60, 30, 10)),
        _m("芒硝", "ore", 2000, floors=(30, 15, 10)),
        _m("锶", "ore", 200, floors=(10, 5, 3)),
        _m("毒重石", "ore", 300, floors=(10, 5, 3)),
        _m("硫铁矿", "ore", 1500, floors=(20, 10, 5)),
        _m("地热", "volume", 50000, scale=None),
        _m("天然气", "gas", 2500, scale=None),
        _m("页岩气", "gas", 300, scale=None),
        _m("煤层气", "gas", 100, scale=None),
        _m("水泥用灰岩", "ore", 200000, floors=(100, 60, 30)),
        _m("建筑石料用灰岩", "ore", 500000, floors=(50, 30, 10), max_scale=True),
        _m("建筑石料", "ore", 800000, floors=(50, 30, 10), max_scale=True),
        _m("建筑用砂岩", "ore", 50000, floors=(30, 20, 10)),
        _m("建筑用花岗岩", "ore", 50000, floors=(30, 20, 10)),
        _m("建筑用凝灰岩", "ore", 30000, floors=(30, 20, 10)),
        _m("建筑用大理岩", "ore", 20000, floors=(30, 20, 10)),
        _m("建筑用安山岩", "ore", 20000, floors=(30, 20, 10)),
        _m("砖瓦用页岩", "ore", 20000, floors=(10, 6, 3)),
        _m("水泥配料用页岩", "ore", 20000, floors=(20, 10, 5)),
        _m("页岩", "ore", 40000, floors=(10, 6, 3)),
        _m("玻璃用砂岩", "ore", 3000, floors=(10, 6, 3)),
        _m("水泥配料用砂岩", "ore", 5000, floors=(20, 10, 5)),
        _m("白云岩", "ore", 10000, floors=(20, 10, 5)),
        _m("冶镁白云岩", "ore", 3000, floors=(20, 10, 5)),
        _m("玻璃用石英岩", "ore", 2000, floors=(10, 5, 3)),
        _m("冶金用石英岩", "ore", 2000, floors=(10, 5, 3)),
        _m("钾长石", "ore", 1000, floors=(10, 5, 3)),
        _m("膨润土", "ore", 1000, floors=(10, 5, 3)),
        _m("陶瓷土", "ore", 1000, floors=(10, 5, 3)),
        _m("方解石", "ore", 500, floors=(10, 5, 3)),
        _m("凹凸棒石粘土", "ore", 200, floors=(5, 3, 1)),
        _m("耐火粘土", "ore", 1000, floors=(10, 5, 3)),
        _m("高岭石粘土", "ore", 500, floors=(10, 5, 3)),
        _m("饰面石材", "volume", 1000, scale="volume", floors=(3, 2, 1)),
        _m("饰面用花岗岩", "volume", 500, scale="volume", floors=(3, 2, 1)),
        _m("饰面用大理岩", "volume", 300, scale="volume", floors=(3, 2, 1)),
        _m("矿泉水", "volume", 5000, scale=None),
    )
}

NATIONAL_CAPS = ("煤", "铁", "萤石", "金")
PROVINCE_POOL = (
    "铜", "钼", "铅锌", "银", "铝土矿", "锰", "重晶石", "石膏", "岩盐", "芒硝", "锶", "毒重石", "硫铁矿",
    "地热", "天然气", "页岩气", "煤层气", "水泥用灰岩", "建筑石料用灰岩", "建筑石料", "页岩", "白云岩",
)  # fmt: skip
LOCAL_POOL = (
    "建筑用砂岩", "建筑用花岗岩", "建筑用凝灰岩", "建筑用大理岩", "建筑用安山岩", "砖瓦用页岩", "水泥配料用页岩",
    "玻璃用砂岩", "水泥配料用砂岩", "冶镁白云岩", "玻璃用石英岩", "冶金用石英岩", "钾长石", "膨润土", "陶瓷土",
    "方解石", "凹凸棒石粘土", "饰面用花岗岩", "饰面用大理岩", "饰面石材", "矿泉水", "耐火粘土", "高岭石粘土",
)  # fmt: skip
EXPLORATION_POOL = ("铜", "金", "萤石", "铝土矿", "锰", "钼", "铁", "页岩气", "地热", "锶", "银", "重晶石")

# Minerals that are never mined in the clean nation: ancestors prohibit them.
PROHIBITED_MUST = ("汞",)
PROHIBITED_PAIRS = (("砖瓦用粘土", "可耕地砖瓦用粘土"), ("石棉", "蓝石棉"))
PROHIBITED_MAYBE = ("石煤",)
RESTRICTED_POOL = ("煤", "锰", "铅", "锌", "耐火粘土", "高岭石粘土", "硫铁矿")

# Spellings a plan may print instead of the canonical name (all are vocabulary aliases).
SPELLINGS: dict[str, tuple[str, ...]] = {
    "煤": ("煤炭",),
    "铁": ("铁矿",),
    "金": ("金矿",),
    "铜": ("铜矿",),
    "铅锌": ("铅锌矿",),
    "萤石": ("萤石矿",),
    "建筑石料用灰岩": ("建筑石料用灰岩（含其他用）",),
    "建筑石料": ("建筑用石料",),
    "地热": ("地热（温泉）",),
    "水泥配料用砂岩": ("水泥用砂岩",),
    "饰面用花岗岩": ("饰面花岗岩",),
    "饰面石材": ("饰面用石材",),
    "凹凸棒石粘土": ("凹凸棒石黏土",),
}

# Place names: jurisdictions use PLACE_CHARS only; zone localities use LOCALITY_CHARS only (disjoint), so
# stripping jurisdictions from a zone name never eats into its locality.
PLACE_CHARS = "安平宁远永昌清河东西南北兴华德泰临川江阳信和丰嘉庆定顺武康富乐新宜长荣恩怀广泽兰通城湘云鄂晋"
LOCALITY_CHARS = "黄龙凤鹿桃柳杨梅竹松柏枫樟槐杏榆桑茶"
LOCALITY_ENDS = "庄沟坪岭湾坝寨铺岗营塘垭"
REGION_WORDS = ("东部", "西部", "中部", "北部", "南部")
ZONE_SUFFIX = {
    "key_mining": "重点开采区",
    "concentrated_mining": "集中开采区",
    "key_exploration": "重点勘查区",
}
