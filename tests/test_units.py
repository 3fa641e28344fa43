"""Units as printed in the seed documents: parsing, conversion, refusal, and a round-trip property."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys
from pathlib import Path

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlint import unit_table, units
from planlint.errors import UnitError
from planlint.paths import bundled_plans
from planlint.units import Quantity, density_from, parse_unit

MASS = "[mass]"
VOLUME = "[length] ** 3"
AREA = "[length] ** 2"
MASS_RATE = "[mass] / [time]"
VOLUME_RATE = "[length] ** 3 / [time]"

# Every unit cell (and unit in running text) found in ../shared/seeds/*.txt, exactly as printed:
# (text, basis named by the unit, dimension, value of 1 in base SI units).
YEAR_S = 365.25 * 86400
SEED_UNITS = [
    ("万吨/年", None, MASS_RATE, 1e7 / YEAR_S),
    ("万吨", None, MASS, 1e7),
    ("矿石 万吨", "ore", MASS, 1e7),
    ("矿石 万吨/年", "ore", MASS_RATE, 1e7 / YEAR_S),
    ("矿石  万吨/年", "ore", MASS_RATE, 1e7 / YEAR_S),  # two spaces, 003 专栏5
    ("矿石万吨", "ore", MASS, 1e7),
    ("万立方米/年", None, VOLUME_RATE, 1e4 / YEAR_S),
    ("万立方米", None, VOLUME, 1e4),
    ("立方米/日", None, VOLUME_RATE, 1 / 86400),
    ("亿立方米", None, VOLUME, 1e8),
    ("金属量千克", "metal", MASS, 1.0),
    ("金属 万吨", "metal", MASS, 1e7),
    ("矿物 万吨", "mineral", MASS, 1e7),
    ("矿物万吨", "mineral", MASS, 1e7),
    ("矿物量万吨", "mineral", MASS, 1e7),
    ("亿吨", None, MASS, 1e11),
    ("万元", None, "[currency]", 1e4),
    ("亿元", None, "[currency]", 1e8),
    ("%", None, "dimensionless", 0.01),
    ("个", None, "[item]", 1.0),
    ("处", None, "[item]", 1.0),
    ("平方千米", None, AREA, 1e6),
    ("平方公里", None, AREA, 1e6),
    ("公顷", None, AREA, 1e4),
    ("年", None, "[time]", YEAR_S),  # 可开采年限 不少于5年
]


@pytest.mark.parametrize(("text", "basis", "dimension", "factor"), SEED_UNITS, ids=[u[0] for u in SEED_UNITS])
def test_every_seed_unit_parses(text: str, basis: str | None, dimension: str, factor: float) -> None:
    parsed = parse_unit(text)
    assert parsed.text == text
    assert parsed.basis == basis
    assert parsed.dimension == dimension
    assert math.isclose(parsed.factor, factor, rel_tol=1e-12)
    assert parsed.is_rate == ("/ [time]" in dimension)


def test_spacing_does_not_change_the_unit() -> None:
    assert (
        parse_unit("矿石  万吨/年").factor == parse_unit("矿石万吨/年").factor == parse_unit("万吨/年").factor
    )
    assert parse_unit("矿石  万吨/年").basis == parse_unit("矿石万吨/年").basis == "ore"


# ---- conversion ----


def test_wan_tonnes_per_year_to_tonnes_per_year() -> None:
    assert Quantity.of(1500, "万吨/年").to("吨/年").value == pytest.approx(15_000_000, rel=1e-12)


def test_yi_cubic_metres_to_wan_cubic_metres() -> None:
    assert Quantity.of(1.5, "亿立方米").to("万立方米").value == pytest.approx(15_000, rel=1e-12)


def test_small_units() -> None:
    assert Quantity.of(100, "公顷").to("平方千米").value == pytest.approx(1.0, rel=1e-12)
    assert Quantity.of(3, "平方公里").to("平方千米").value == pytest.approx(3.0, rel=1e-12)
    assert Quantity.of(2, "亿元").to("万元").value == pytest.approx(20_000, rel=1e-12)
    assert Quantity.of(1000, "金属量千克").to("金属量 吨").value == pytest.approx(1.0, rel=1e-12)
    # 400 立方米/日 (004 专栏二, 矿泉水) is 14.61 万立方米/年 with a year of 365.25 days.
    assert Quantity.of(400, "立方米/日").to("万立方米/年").value == pytest.approx(14.61, rel=1e-12)
    assert Quantity.of(60, "%").base_value == pytest.approx(0.6)
    assert Quantity.of(5, "处").comparable_with(Quantity.of(7, "个")) is None


def test_basis_is_kept_and_a_bare_unit_takes_the_stated_basis() -> None:
    ore = Quantity.of(300, "矿石 万吨")
    assert ore.basis == "ore"
    assert ore.to("万吨").basis == "ore"
    assert Quantity.of(300, "万吨", basis="metal").basis == "metal"
    assert Quantity.of(300, "万吨").basis == "none"
    # a quantity of unstated basis compares with any basis
    assert Quantity.of(1, "万吨").comparable_with(Quantity.of(1, "金属 万吨")) is None


def test_density_bridges_tonnes_and_cubic_metres() -> None:
    density = density_from(2.6, "吨/立方米", "ore", "test: 2.6 t/m3")
    assert density.kg_per_m3 == pytest.approx(2600)
    assert Quantity.of(260, "矿石 万吨").to("万立方米", density=density).value == pytest.approx(100)
    assert Quantity.of(100, "万立方米").to("矿石 万吨", density=density).value == pytest.approx(260)
    assert Quantity.of(260, "矿石 万吨/年").to("万立方米/年", density=density).value == pytest.approx(100)
    assert Quantity.of(1, "亿立方米").to("万吨", density=density).value == pytest.approx(26_000)


def test_density_from_unknown_unit() -> None:
    with pytest.raises(UnitError, match="density unit") as info:
        density_from(2.6, "吨/桶", "ore", "test")
    assert info.value.field == "density"


# ---- refusal ----


def test_tonnes_and_cubic_metres_are_refused_without_a_density() -> None:
    tonnes, volume = Quantity.of(10, "万吨/年"), Quantity.of(10, "万立方米/年")
    reason = tonnes.comparable_with(volume)
    assert reason is not None and "different dimensions" in reason
    with pytest.raises(UnitError, match="different dimensions") as info:
        tonnes.to("万立方米/年")
    assert info.value.field == "unit"


def test_rate_and_amount_are_refused() -> None:
    with pytest.raises(UnitError, match="different dimensions"):
        Quantity.of(10, "万吨/年").to("万吨")


def test_ore_and_metal_are_refused_even_with_a_density() -> None:
    ore, metal = Quantity.of(10, "矿石 万吨"), Quantity.of(10, "金属 万吨")
    reason = ore.comparable_with(metal)
    assert reason is not None and "ore basis" in reason and "metal basis" in reason
    with pytest.raises(UnitError, match="ore basis"):
        ore.to("金属 万吨")
    with pytest.raises(UnitError, match="mineral basis"):
        Quantity.of(1, "矿物 万吨").to("矿石 万吨")
    density = density_from(2.6, "吨/立方米", "ore", "test")
    with pytest.raises(UnitError):
        ore.to("金属 万吨", density=density)


def test_an_ore_density_does_not_convert_metal_tonnes() -> None:
    density = density_from(2.6, "吨/立方米", "ore", "test")
    with pytest.raises(UnitError, match="the density is for ore, not metal"):
        Quantity.of(1, "金属 万吨").to("万立方米", density=density)


def test_a_basis_that_contradicts_the_unit_is_refused() -> None:
    with pytest.raises(UnitError, match="says ore but basis says metal") as info:
        Quantity.of(1, "矿石 万吨", basis="metal")
    assert info.value.field == "basis"


@pytest.mark.parametrize("text", ["万桶/年", "万吨/周", "吨公里", "万吨/年/年", "", "   ", "kg/m"])
def test_unknown_unit_is_a_unit_error(text: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_unit(text)
    assert info.value.field == "unit"


# ---- property: there and back again ----

PROPERTY_UNITS = [u[0] for u in SEED_UNITS] + [
    "吨/年",
    "千吨/年",
    "吨",
    "千克",
    "克",
    "金属量 吨",
    "万方/年",
    "立方米",
    "立方米/年",
    "万亩",
    "亩",
    "元",
    "‰",
    "宗",
    "万克拉",
]


def _compatible_pairs() -> list[tuple[str, str]]:
    parsed = {u: parse_unit(u) for u in PROPERTY_UNITS}
    pairs = []
    for a, pa in parsed.items():
        for b, pb in parsed.items():
            same_basis = pa.basis is None or pb.basis is None or pa.basis == pb.basis
            if a != b and pa.dimension == pb.dimension and same_basis:
                pairs.append((a, b))
    return pairs


COMPATIBLE = _compatible_pairs()
VALUES = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


def test_there_are_enough_compatible_pairs() -> None:
    assert ("万吨/年", "矿石  万吨/年") in COMPATIBLE
    assert ("亿立方米", "万立方米") in COMPATIBLE
    assert ("矿石 万吨", "金属 万吨") not in COMPATIBLE
    assert len(COMPATIBLE) > 100


@given(pair=st.sampled_from(COMPATIBLE), value=VALUES)
def test_convert_there_and_back(pair: tuple[str, str], value: float) -> None:
    source, target = pair
    quantity = Quantity.of(value, source)
    back = quantity.to(target).to(source)
    assert back.unit == quantity.unit
    # a stated basis never changes; an unstated one takes the basis the target unit names (矿石 → ore)
    assert back.basis == (quantity.basis if quantity.basis != "none" else parse_unit(target).basis or "none")
    assert math.isclose(back.value, value, rel_tol=1e-9, abs_tol=1e-300)


MASS_UNITS = [
    u for u in PROPERTY_UNITS if parse_unit(u).dimension in (MASS, MASS_RATE) and not parse_unit(u).basis
]
VOLUME_UNITS = [u for u in PROPERTY_UNITS if parse_unit(u).dimension in (VOLUME, VOLUME_RATE)]


@given(
    mass=st.sampled_from(MASS_UNITS),
    volume=st.sampled_from(VOLUME_UNITS),
    density=st.floats(min_value=0.5, max_value=20),
    value=VALUES,
)
def test_density_there_and_back(mass: str, volume: str, density: float, value: float) -> None:
    if parse_unit(mass).is_rate != parse_unit(volume).is_rate:
        with pytest.raises(UnitError):
            Quantity.of(value, mass).to(volume, density=density_from(density, "吨/立方米", "ore", "test"))
        return
    bridge = density_from(density, "吨/立方米", "ore", "test")
    quantity = Quantity.of(value, mass)
    back = quantity.to(volume, density=bridge).to(mass, density=bridge)
    assert math.isclose(back.value, value, rel_tol=1e-9, abs_tol=1e-300)


def pint_whole_registry() -> pint.UnitRegistry:
    """pint's own registry with every unit it ships (what units.registry() loaded before it took a few)."""
    ureg = pint.UnitRegistry()
    for definition in units.PLANLINT_UNITS:
        ureg.define(definition)
    return ureg


def test_the_units_registry_agrees_with_pints_whole_registry() -> None:
    """Every unit the grammar can read (each unit word, alone or per time word), every density of one unit word
    per another, and the year in seconds: the same factor and dimension, to the last bit, as pint's full file."""
    whole, ours = pint_whole_registry(), units.registry()
    rates = [None, *sorted(set(units.TIME_WORDS.values()))]
    for word, time in itertools.product(sorted(set(units.UNIT_WORDS.values())), rates):
        expression = f"({word})" + (f" / {time}" if time else "")
        expected, got = whole(expression).to_base_units(), ours(expression).to_base_units()
        assert float(got.magnitude) == float(expected.magnitude), expression
        assert str(got.dimensionality) == str(expected.dimensionality), expression
    words = sorted(set(units.UNIT_WORDS.values()))
    for mass, volume in itertools.product(words, words):
        expression = f"2.6 * ({mass}) / ({volume})"
        try:
            expected = whole(expression).to("kilogram / meter ** 3").magnitude
        except pint.DimensionalityError:
            with pytest.raises(pint.DimensionalityError):
                ours(expression).to("kilogram / meter ** 3")
            continue
        assert ours(expression).to("kilogram / meter ** 3").magnitude == expected, expression
    assert ours("year").to("second").magnitude == whole("year").to("second").magnitude


def test_the_unit_table_is_what_pint_says_now() -> None:
    """planlint/unit_table.py, which a check reads instead of importing pint, is pint's answer for every expression
    the grammar makes (regenerate it with `python -m planlint.units > engine/planlint/unit_table.py`)."""
    shipped = Path(unit_table.__file__).read_text(encoding="utf-8")
    assert shipped == units.unit_table_source()
    assert set(unit_table.BASE_UNITS) == set(units.grammar_expressions())


@pytest.mark.parametrize(
    "mass", sorted({w for w, e in units.UNIT_WORDS.items() if "tonne" in e or "gram" in e})
)
@pytest.mark.parametrize("volume", sorted({w for w, e in units.UNIT_WORDS.items() if "meter ** 3" in e}))
def test_a_density_is_what_pint_computes(mass: str, volume: str) -> None:
    expected = pint_whole_registry()(f"2.6 * ({units.UNIT_WORDS[mass]}) / ({units.UNIT_WORDS[volume]})").to(
        "kilogram / meter ** 3"
    )
    got = density_from(2.6, f"{mass}/{volume}", "ore", "test").kg_per_m3
    assert math.isclose(got, float(expected.magnitude), rel_tol=1e-15)


@pytest.mark.parametrize("unit", ["万元/立方米", "吨/吨", "立方米/吨", "吨/平方千米"])
def test_a_density_that_is_not_a_mass_per_volume_is_a_unit_error(unit: str) -> None:
    with pytest.raises(UnitError, match="not a mass per volume"):
        density_from(2.6, unit, "ore", "test")


def test_a_check_does_not_import_pint() -> None:
    """pint is consulted through the shipped table: loading and checking plans never imports it."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from planlint import api\n"
        "project = api.load([Path(sys.argv[1])])\n"
        "api.check(project)\n"
        "print('pint' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(bundled_plans())], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
