"""baseline_ratio: stated percentages and ratios agree with the stated counts, to the printed precision.

Which values form a percentage or a ratio is data, not guesswork: the rule's params name the `values` keys
(docs/plan-format.md, "Counts and baseline", gives the naming convention). Values are looked up in a
*group*: the plan's `baseline` entries with the same `key` and `year`, merged (a fact printed over several
lines is one group when its entries share key and year). A name stated twice in a group with different
values is ambiguous and not used. For each percentage key, the first listed formula whose keys are all in
the group is checked; formulas whose keys are missing are skipped.

A percentage is 100 × Σnumerator / Σdenominator; a term written `-name` is subtracted (a reduction:
`numerator: [previous_round, -total], denominator: [previous_round]`). The printed percentage may differ
from the computed one by half a unit of its last printed digit (83 → ±0.5; 56.8 → ±0.05); inputs printed
with decimals add their own rounding (whole numbers are exact).

A ratio series (1.4:1:5.4) is compared with the counts it describes (large, medium, small): the part
printed as exactly 1 is the reference (else the first part), and every other part must equal
count_i / count_ref × ratio_ref within half a unit of its printed precision (plus the reference's own
rounding when it is not 1). With passes asked for, a percentage or ratio that agrees is a held check
citing the figures.

Params:
    percentages: list of {percent, numerator: [keys], denominator: [keys]}
    ratios: list of {ratio: [keys], counts: [keys]} (the same length, at least two)

Example (FAIL): `{key: mines, values: {total: 24, large_medium: 20, large_medium_pct: 80}}` (20/24 = 83.3%).
Example (PASS): the same with `large_medium_pct: 83`; or `ratio 1.4:1:5.6` with counts 7, 5, 28.
Example (FAIL, ratio): `ratio_large: 1.4, ratio_medium: 1, ratio_small: 5.4` with `large: 7, medium: 5,
small: 28` (28/5 = 5.6).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from pydantic import BaseModel, ConfigDict, Field, model_validator

from planlint.context import Context
from planlint.errors import InvalidValue
from planlint.hits import Fragment, Held, Hit, Joined, KeyName, Place, Words
from planlint.kinds._printed import decimals, half_unit, number, slack
from planlint.match import Index
from planlint.model import Cite, Plan

KIND = "baseline_ratio"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Percentage(_Strict):
    percent: str
    numerator: tuple[str, ...] = Field(min_length=1)
    denominator: tuple[str, ...] = Field(min_length=1)


class Series(_Strict):
    ratio: tuple[str, ...] = Field(min_length=2)
    counts: tuple[str, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _same_length(self) -> Series:
        if len(self.ratio) != len(self.counts):
            raise InvalidValue(
                "ratio and counts must name the same number of keys", zh="ratio 与 counts 的键数应相同"
            )
        return self


class Params(_Strict):
    percentages: tuple[Percentage, ...] = ()
    ratios: tuple[Series, ...] = ()


Group = dict[str, tuple[float, Cite] | None]


@dataclass(frozen=True, kw_only=True)
class _Printed(Hit):
    """A baseline group's key and year, with the figures of the problem as printed."""

    key: str
    printed_year: int
    figures: tuple[tuple[str, Fragment], ...]

    def values(self) -> Mapping[str, Fragment]:
        return {"key": KeyName(self.key), "year": str(self.printed_year), **dict(self.figures)}


@dataclass(frozen=True, kw_only=True)
class PercentageOff(_Printed):
    """A printed percentage that its stated parts do not give."""

    PLACEHOLDERS = ("key", "year", "percent", "printed", "computed", "numerator", "denominator", "num", "den")


@dataclass(frozen=True, kw_only=True)
class RatioOff(_Printed):
    """A printed ratio series that its stated counts do not give."""

    PLACEHOLDERS = ("key", "year", "ratio", "ratio_keys", "counts", "count_keys", "implied")


HITS = (PercentageOff, RatioOff)


def emitted(params: Params) -> tuple[type[Hit], ...]:
    """The hit types a rule with these params can yield (its message may use what all of them provide)."""
    return (*((PercentageOff,) if params.percentages else ()), *((RatioOff,) if params.ratios else ()))


def _groups(plan: Plan) -> dict[tuple[str, int], Group]:
    groups: dict[tuple[str, int], Group] = defaultdict(dict)
    for entry in plan.baseline:
        group = groups[(entry.key, entry.year)]
        for name, value in entry.values.items():
            if name in group:
                known = group[name]
                if known is None or abs(known[0] - value) > slack(value):
                    group[name] = None  # NOTE: stated twice, differently: ambiguous, so never used
                continue
            group[name] = (value, entry.cite)
    return groups


SortedGroups = list[tuple[tuple[str, int], Group]]
# The index (one per loaded project) -> plan -> its groups in order. The two rules of this kind (PL302 and
# PL306) read the same groups of every plan: built once, and let go with the project's index.
_groups_by_index: WeakKeyDictionary[Index, dict[str, SortedGroups]] = WeakKeyDictionary()


def _sorted_groups(context: Context, known: dict[str, SortedGroups], plan_id: str) -> SortedGroups:
    """A plan's groups by (key, year), in that order: from `known`, or built and kept there."""
    found = known.get(plan_id)
    if found is None:
        found = known[plan_id] = sorted(_groups(context.plan(plan_id)).items())
    return found


def _term(name: str) -> tuple[str, float]:
    return (name[1:], -1.0) if name.startswith("-") else (name, 1.0)


def _available(group: Group, names: Sequence[str]) -> bool:
    return all(group.get(_term(n)[0]) is not None for n in names)


def _value(group: Group, name: str) -> float:
    item = group[name]
    assert item is not None
    return item[0]


def _rounding(value: float) -> float:
    return 0.0 if float(value).is_integer() else half_unit(value)


def _interval(group: Group, names: Sequence[str]) -> tuple[float, float, float]:
    """The sum as printed, and the lowest and highest it can be given the inputs' rounding."""
    total = spread = 0.0
    for name in names:
        key, sign = _term(name)
        value = _value(group, key)
        total += sign * value
        spread += _rounding(value)
    return total, total - spread, total + spread


def _cites(group: Group, names: Sequence[str]) -> list[Cite]:
    cites: list[Cite] = []
    for name in names:
        item = group[_term(name)[0]]
        if item is not None and item[1] not in cites:
            cites.append(item[1])
    return sorted(cites, key=lambda c: c.line or 0)


def _formula(names: Sequence[str]) -> Joined:
    """A sum of value names by their printed names: '大型矿山 + 中型矿山', '上轮规划基期数 - 合计'."""
    terms: list[Fragment] = []
    for index, name in enumerate(names):
        key, sign = _term(name)
        if index == 0 and sign > 0:
            terms.append(KeyName(key))
        else:
            terms.append(Words.of("formula.minus" if sign < 0 else "formula.plus", name=KeyName(key)))
    return Joined(tuple(terms), "none")


def _series(names: Sequence[str]) -> Joined:
    """A ratio series' value names by their printed names: '大型:中型:小型'."""
    return Joined(tuple(KeyName(name) for name in names), "ratio")


def _check_percentage(group: Group, spec: Percentage) -> dict[str, Fragment] | None:
    printed = _value(group, spec.percent)
    num, num_lo, num_hi = _interval(group, spec.numerator)
    den, den_lo, den_hi = _interval(group, spec.denominator)
    if den_lo <= 0:
        return None
    corners = [100.0 * n / d for n in (num_lo, num_hi) for d in (den_lo, den_hi)]
    tolerance = half_unit(printed) + slack(printed)
    if min(corners) - tolerance <= printed <= max(corners) + tolerance:
        return None
    computed = 100.0 * num / den
    return {
        "percent": KeyName(spec.percent),
        "printed": number(printed),
        "computed": f"{computed:.{decimals(printed) + 1}f}",
        "numerator": _formula(spec.numerator),
        "denominator": _formula(spec.denominator),
        "num": number(num),
        "den": number(den),
    }


def _check_series(group: Group, spec: Series) -> dict[str, Fragment] | None:
    ratios = [_value(group, n) for n in spec.ratio]
    counts = [_value(group, n) for n in spec.counts]
    ref = next((i for i, r in enumerate(ratios) if r == 1.0), 0)
    if counts[ref] <= 0:
        return None
    ref_rounding = 0.0 if ratios[ref] == 1.0 else half_unit(ratios[ref])
    implied = [c / counts[ref] * ratios[ref] for c in counts]
    broken = False
    for i, (printed, expected) in enumerate(zip(ratios, implied, strict=True)):
        if i == ref:
            continue
        tolerance = half_unit(printed) + counts[i] / counts[ref] * ref_rounding + slack(printed)
        broken = broken or abs(expected - printed) > tolerance
    if not broken:
        return None
    return {
        "ratio": ":".join(number(r) for r in ratios),
        "ratio_keys": _series(spec.ratio),
        "counts": ":".join(number(c) for c in counts),
        "count_keys": _series(spec.counts),
        "implied": ":".join(f"{v:.{decimals(r)}f}" for v, r in zip(implied, ratios, strict=True)),
    }


def _held(plan_id: str, group: Group, key: str, year: int, subject: str, names: Sequence[str]) -> Held:
    """A percentage or ratio that agrees with the counts it is printed from: held, citing the figures."""
    return Held(
        plan=plan_id,
        places=tuple(Place("plan", plan_id, c) for c in _cites(group, names)),
        metric="baseline",
        year=year,
        detail=(key, subject),
    )


def check(context: Context, params: Params) -> Iterator[_Printed | Held]:
    known = _groups_by_index.setdefault(context.index, {})
    for plan_id in context.targets:
        for (key, year), group in _sorted_groups(context, known, plan_id):
            problems: list[tuple[type[_Printed], str, dict[str, Fragment], list[str]]] = []
            checked: set[str] = set()
            for pct in params.percentages:
                names = [pct.percent, *pct.numerator, *pct.denominator]
                if pct.percent in checked or not _available(group, names):
                    continue
                checked.add(pct.percent)
                found = _check_percentage(group, pct)
                if found:
                    problems.append((PercentageOff, pct.percent, found, names))
                elif context.passes:
                    yield _held(plan_id, group, key, year, pct.percent, names)
            for series in params.ratios:
                names = [*series.ratio, *series.counts]
                if _available(group, names):
                    found = _check_series(group, series)
                    if found:
                        problems.append((RatioOff, ":".join(series.ratio), found, names))
                    elif context.passes:
                        yield _held(plan_id, group, key, year, ":".join(series.ratio), names)
            for hit_type, subject, figures, names in problems:
                yield hit_type(
                    plan=plan_id,
                    places=tuple(Place("plan", plan_id, c) for c in _cites(group, names)),
                    metric="baseline",
                    year=year,
                    detail=(key, subject),
                    key=key,
                    printed_year=year,
                    figures=tuple(figures.items()),
                )
