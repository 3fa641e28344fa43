"""Units as printed in the plans (万吨/年, 矿石 万吨, 金属量 千克 ...) parsed into pint units with a basis.

A unit string is parsed once (cached) into a `ParsedUnit`: the pint unit, the basis it names (ore, metal,
mineral, or none), and the factor that takes a value to base SI units. Comparisons in hot loops use the
plain normalised float that `ParsedUnit.to_base` gives; pint is only used here, when a string is first seen.

Two quantities compare only when their dimensions and bases agree. Tonnes and cubic metres differ in
dimension, ore and metal tonnes in basis: such pairs are refused with a reason unless an explicit density
(from the mineral vocabulary) is given to `convert`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from planlint.errors import UnitError
from planlint.unit_table import BASE_UNITS

if TYPE_CHECKING:
    import pint

Basis = Literal["ore", "metal", "mineral", "none"]
BASES: tuple[Basis, ...] = ("ore", "metal", "mineral", "none")
BASIS_ZH: dict[str, str] = {"ore": "矿石量", "metal": "金属量", "mineral": "矿物量", "none": "未注明"}

# The words a unit cell may start with to say what is weighed.
BASIS_WORDS: dict[str, Basis] = {
    "矿石量": "ore",
    "矿石": "ore",
    "原矿": "ore",
    "金属量": "metal",
    "金属": "metal",
    "矿物量": "mineral",
    "矿物": "mineral",
}


def printed_unit(unit: str | None) -> str:
    """A unit as printed, its runs of spaces made one ('矿石  万吨/年' from a flattened table → '矿石 万吨/年')."""
    return " ".join((unit or "").split())


BASIS_LABELS: dict[Basis, dict[str, str]] = {
    "ore": {"zh": "矿石", "en": "ore"},
    "metal": {"zh": "金属量", "en": "metal"},
    "mineral": {"zh": "矿物量", "en": "mineral"},
    "none": {"zh": "", "en": ""},
}

# Chinese unit words, longest first when matched, mapped to pint expressions.
UNIT_WORDS: dict[str, str] = {
    "亿立方米": "1e8 * meter ** 3",
    "万立方米": "1e4 * meter ** 3",
    "立方米": "meter ** 3",
    "万方": "1e4 * meter ** 3",
    "方": "meter ** 3",
    "m³": "meter ** 3",
    "m3": "meter ** 3",
    "亿吨": "1e8 * tonne",
    "万吨": "1e4 * tonne",
    "千吨": "1e3 * tonne",
    "吨": "tonne",
    "t": "tonne",
    "千克": "kilogram",
    "公斤": "kilogram",
    "克": "gram",
    "kg": "kilogram",
    "万克拉": "1e4 * carat",
    "克拉": "carat",
    "平方千米": "kilometer ** 2",
    "平方公里": "kilometer ** 2",
    "km²": "kilometer ** 2",
    "km2": "kilometer ** 2",
    "公顷": "hectare",
    "hm²": "hectare",
    "hm2": "hectare",
    "万亩": "1e4 * mu",
    "亩": "mu",
    "亿元": "1e8 * yuan",
    "万元": "1e4 * yuan",
    "元": "yuan",
    "%": "percent",
    "％": "percent",
    "‰": "permille",
    "个": "item",
    "处": "item",
    "座": "item",
    "宗": "item",
    "家": "item",
    "口": "item",
    "项": "item",
    "件": "item",
    "条": "item",
    "种": "item",
    "人": "item",
    "年": "year",
    "兆瓦": "megawatt",
    "千瓦": "kilowatt",
    "万千瓦": "1e4 * kilowatt",
}
TIME_WORDS: dict[str, str] = {"年": "year", "a": "year", "日": "day", "天": "day", "d": "day", "月": "month"}

_WORD_PATTERN = re.compile("|".join(re.escape(w) for w in sorted(UNIT_WORDS, key=len, reverse=True)))


# pint's definitions of the units above (a few lines of pint's default_en.txt), and planlint's own.
DEFINITIONS = Path(__file__).with_name("units.txt")
PLANLINT_UNITS = ("yuan = [currency]", "item = [item]", "mu = 10000 / 15 * meter ** 2")


@cache
def registry() -> pint.UnitRegistry:
    """The one pint registry: the units plans use, from DEFINITIONS and PLANLINT_UNITS."""
    import pint

    ureg: pint.UnitRegistry = pint.UnitRegistry(str(DEFINITIONS))
    for definition in PLANLINT_UNITS:
        ureg.define(definition)
    return ureg


@dataclass(frozen=True)
class ParsedUnit:
    """A unit string understood: its pint unit, the basis it names, and how to reach base units."""

    text: str
    expression: str
    basis: Basis | None
    factor: float
    dimension: str

    @property
    def is_rate(self) -> bool:
        """Whether the unit is per unit of time (万吨/年)."""
        return "[time]" in self.dimension and "/" in self.dimension

    def to_base(self, value: float) -> float:
        """The value in base SI units (tonnes become kilograms, 万 is multiplied out)."""
        return value * self.factor


def _split_basis(text: str) -> tuple[Basis | None, str]:
    stripped = text.strip()
    for word in sorted(BASIS_WORDS, key=len, reverse=True):
        if stripped.startswith(word):
            return BASIS_WORDS[word], stripped[len(word) :].strip()
    return None, stripped


def _to_expression(text: str, original: str) -> str:
    numerator, _, denominator = text.partition("/")
    numerator = numerator.strip()
    match = _WORD_PATTERN.fullmatch(numerator)
    if match is None:
        raise UnitError(f"unknown unit {original!r}", field="unit", zh=f"未知单位 {original!r}")
    expression = f"({UNIT_WORDS[numerator]})"
    denominator = denominator.strip()
    if denominator:
        if denominator not in TIME_WORDS:
            raise UnitError(
                f"unknown unit {original!r}: cannot read the part after '/'",
                field="unit",
                zh=f"未知单位 {original!r}：无法识别“/”之后的部分",
            )
        expression += f" / {TIME_WORDS[denominator]}"
    return expression


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> ParsedUnit:
    """Parse a unit as printed ('矿石 万吨', '万立方米/年', '%'); raise UnitError for an unknown one."""
    if not isinstance(text, str) or not text.strip():
        raise UnitError(
            "a unit is required (use '' only for a bare number is not allowed)", field="unit", zh="缺少单位"
        )
    basis, rest = _split_basis(text)
    rest = rest.replace(" ", "").replace("\u3000", "")
    expression = _to_expression(rest, text)
    factor, dimension = in_base_units(expression)
    return ParsedUnit(text=text, expression=expression, basis=basis, factor=factor, dimension=dimension)


def in_base_units(expression: str) -> tuple[float, str]:
    """The factor to base SI units and the dimension of a pint expression: from pint's own answers, kept in
    `planlint.unit_table` for every expression the grammar makes (importing pint and loading its registry
    cost about 0.15 CPU s of every run), else from pint."""
    known = BASE_UNITS.get(expression)
    if known is not None:
        return known
    base = registry()(expression).to_base_units()
    return float(base.magnitude), str(base.dimensionality)


def grammar_expressions() -> list[str]:
    """Every pint expression `parse_unit` can make: each unit word, alone or per each time word."""
    rates = [None, *sorted(set(TIME_WORDS.values()))]
    return [
        f"({word})" + (f" / {time}" if time else "")
        for word in sorted(set(UNIT_WORDS.values()))
        for time in rates
    ]


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def unit_table_source() -> str:
    """The text of `planlint/unit_table.py`, computed with pint (`python -m planlint.units` prints it)."""
    ureg = registry()
    rows = []
    for expression in grammar_expressions():
        base = ureg(expression).to_base_units()
        rows.append(
            f"    {_quoted(expression)}: ({float(base.magnitude)!r}, {_quoted(str(base.dimensionality))}),"
        )
    seconds = float(ureg("year").to("second").magnitude)
    return "\n".join(
        [
            '"""pint\'s answers for every unit expression planlint reads: factor to base SI units, dimension.',
            "",
            "Generated by `python -m planlint.units > engine/planlint/unit_table.py`; do not edit.",
            "tests/test_units.py checks that it is what pint says.",
            '"""',
            "",
            "BASE_UNITS: dict[str, tuple[float, str]] = {",
            *rows,
            "}",
            f"SECONDS_PER_YEAR = {seconds!r}",
            "",
        ]
    )


def known_unit(text: str) -> bool:
    """Whether `parse_unit` understands the string."""
    try:
        parse_unit(text)
    except UnitError:
        return False
    return True


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and basis: the value type for every stated amount."""

    value: float
    unit: ParsedUnit
    basis: Basis

    @classmethod
    def of(cls, value: float, unit: str, basis: Basis | None = None) -> Quantity:
        """Build from a value and a printed unit; the basis defaults to the one the unit names."""
        parsed = parse_unit(unit)
        return cls(float(value), parsed, resolve_basis(parsed, basis))

    @property
    def base_value(self) -> float:
        return self.unit.to_base(self.value)

    def comparable_with(self, other: Quantity) -> str | None:
        """None when the two can be compared; otherwise the reason they cannot."""
        return incompatibility(self.unit, self.basis, other.unit, other.basis)

    def to(self, unit: str, basis: Basis | None = None, density: Density | None = None) -> Quantity:
        """This quantity in another unit (and basis); raises UnitError when that is not a conversion."""
        target = parse_unit(unit)
        # The basis the target unit names wins over this quantity's (convert then refuses ore → metal).
        target_basis = resolve_basis(target, basis) if basis is not None else (target.basis or self.basis)
        value = convert(self.value, self.unit, self.basis, target, target_basis, density)
        return Quantity(value, target, target_basis)


@dataclass(frozen=True)
class Density:
    """A stated density (mass per volume, on one basis): the only bridge between tonnes and cubic metres."""

    kg_per_m3: float
    basis: Basis
    source: str


def resolve_basis(unit: ParsedUnit, stated: Basis | None) -> Basis:
    """The basis of a value: what the unit names, else what the plan states, else none."""
    if unit.basis is not None and stated not in (None, "none") and stated != unit.basis:
        raise UnitError(
            f"unit {unit.text!r} says {unit.basis} but basis says {stated}",
            field="basis",
            zh=f"单位 {unit.text!r} 表示{BASIS_ZH[unit.basis]}，而 basis 为 {stated}（{BASIS_ZH.get(stated, stated)}）",
        )
    if unit.basis is not None:
        return unit.basis
    return stated or "none"


def incompatibility(a: ParsedUnit, a_basis: Basis, b: ParsedUnit, b_basis: Basis) -> str | None:
    """Why two (unit, basis) pairs cannot be compared, or None when they can."""
    if a.dimension != b.dimension:
        return f"{a.text} ({a.dimension}) and {b.text} ({b.dimension}) have different dimensions"
    if a_basis != b_basis and "none" not in (a_basis, b_basis):
        return f"{a.text} is on a {a_basis} basis and {b.text} on a {b_basis} basis"
    return None


def convert(
    value: float,
    source: ParsedUnit,
    source_basis: Basis,
    target: ParsedUnit,
    target_basis: Basis,
    density: Density | None = None,
) -> float:
    """Convert a value between units; tonnes and cubic metres only through an explicit density."""
    reason = incompatibility(source, source_basis, target, target_basis)
    if reason is None:
        return source.to_base(value) / target.factor
    if density is not None and _density_bridges(source, target, source_basis, target_basis, density):
        base = source.to_base(value)
        base = base / density.kg_per_m3 if "[mass]" in source.dimension else base * density.kg_per_m3
        return base / target.factor
    if density is not None and density.basis != "none":
        other = sorted({source_basis, target_basis} - {"none", density.basis})
        if other:
            reason += f" (the density is for {density.basis}, not {other[0]})"
    raise UnitError(
        f"cannot convert: {reason}", field="unit", zh=f"无法换算：{source.text} 与 {target.text} 不可比"
    )


def _density_bridges(
    source: ParsedUnit, target: ParsedUnit, source_basis: Basis, target_basis: Basis, density: Density
) -> bool:
    if source_basis != target_basis and "none" not in (source_basis, target_basis):
        return False
    # A density weighs one basis (ore tonnes per cubic metre): it says nothing about metal or mineral tonnes.
    if density.basis != "none" and {source_basis, target_basis} - {"none", density.basis}:
        return False
    mass_volume = {"[mass]" in source.dimension, "[mass]" in target.dimension} == {True, False}
    return mass_volume and source.dimension.replace("[mass]", "[length] ** 3") == target.dimension.replace(
        "[mass]", "[length] ** 3"
    )


def density_from(value: float, unit: str, basis: Basis, source: str) -> Density:
    """A density stated as, e.g., 2.6 吨/立方米 (t/m3)."""
    mass, _, volume = unit.partition("/")
    mass_expr = UNIT_WORDS.get(mass.strip())
    volume_expr = UNIT_WORDS.get(volume.strip())
    if mass_expr is None or volume_expr is None:
        raise UnitError(
            f"unknown density unit {unit!r} (write it as 吨/立方米)",
            field="density",
            zh=f"未知密度单位 {unit!r}（请写作 吨/立方米）",
        )
    (mass_factor, mass_dimension), (volume_factor, volume_dimension) = (
        in_base_units(f"({mass_expr})"),
        in_base_units(f"({volume_expr})"),
    )
    if (mass_dimension, volume_dimension) != ("[mass]", "[length] ** 3"):
        raise UnitError(
            f"density unit {unit!r} is not a mass per volume (write it as 吨/立方米)",
            field="density",
            zh=f"密度单位 {unit!r} 不是质量/体积（请写作 吨/立方米）",
        )
    return Density(value * mass_factor / volume_factor, basis, source)


def describe(unit: ParsedUnit) -> dict[str, Any]:
    """A plain description of a parsed unit, for docs and debugging."""
    return {"text": unit.text, "basis": unit.basis, "dimension": unit.dimension, "factor": unit.factor}


if __name__ == "__main__":
    print(unit_table_source(), end="")
