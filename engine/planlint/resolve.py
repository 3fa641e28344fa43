"""Prepared values and matching: every indicator normalised once, and which ancestor entries apply.

Each indicator becomes a `Stated`: its bounds as plain floats in base units (annual metrics per second,
whatever the printed unit), its canonical mineral and lineage, and its scope. Kinds compare these floats;
they never parse units or compare mineral strings. `Index` finds entries by (metric, mineral) without scans.

Matching (when does an ancestor's entry A apply to a plan's entry C?):
- the same metric;
- A's mineral is C's or a broader one (through the vocabulary); an entry with no mineral is plan-wide;
- the scopes overlap: for mine kind, deposit scale and subset, an absent field means "all", otherwise equal;
- A's region (if any) is one the plan lies in; A is not a zone's limit (zone limits hold only in their zone);
- the units are comparable (same dimension and basis); otherwise the pair is reported as incomparable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from planlint.model import Cite, Indicator, Plan, Scope, Zone
from planlint.units import Basis, ParsedUnit, incompatibility, parse_unit, registry, resolve_basis
from planlint.vocabulary import Vocabulary

EPSILON = 1e-9


@lru_cache(maxsize=4096)
def metric_unit(unit: str, annual: bool) -> ParsedUnit:
    """The parsed unit, read as per year when the metric is annual and the unit has no time."""
    parsed = parse_unit(unit)
    if not annual or "[time]" in parsed.dimension:
        return parsed
    seconds_per_year = float(registry()("year").to("second").magnitude)
    dimension = f"{parsed.dimension} / [time]"
    return ParsedUnit(
        f"{unit}/年", parsed.expression + " / year", parsed.basis, parsed.factor / seconds_per_year, dimension
    )


@dataclass(frozen=True, slots=True)
class Stated:
    """One indicator of one plan, prepared for comparison."""

    plan: str
    indicator: Indicator
    zone: Zone | None
    mineral: str | None
    lineage: frozenset[str]
    unit: ParsedUnit
    basis: Basis
    low: float | None
    high: float | None

    @property
    def metric(self) -> str:
        return self.indicator.metric

    @property
    def scope(self) -> Scope:
        return self.indicator.scope

    @property
    def cite(self) -> Cite:
        return self.indicator.cite

    @property
    def attribute(self) -> str:
        return self.indicator.attribute

    def incomparable_with(self, other: Stated) -> str | None:
        return incompatibility(self.unit, self.basis, other.unit, other.basis)


def _bounds(indicator: Indicator, unit: ParsedUnit) -> tuple[float | None, float | None]:
    value = indicator.value
    if isinstance(value, tuple):
        return unit.to_base(value[0]), unit.to_base(value[1])
    base = unit.to_base(value)
    if indicator.op in (">=", ">"):
        return base, None
    if indicator.op in ("<=", "<"):
        return None, base
    return base, base


def prepare(plan: Plan, vocabulary: Vocabulary) -> list[Stated]:
    """Every indicator of a plan (zone limits included) as a `Stated`."""
    prepared = []
    for indicator, zone in plan.all_indicators():
        metric = vocabulary.require_metric(indicator.metric)
        unit = metric_unit(indicator.unit, metric.annual)
        mineral = vocabulary.canonical(indicator.mineral) if indicator.mineral else None
        lineage = vocabulary.lineage(mineral) if mineral else frozenset()
        low, high = _bounds(indicator, unit)
        basis = resolve_basis(unit, indicator.basis)
        prepared.append(Stated(plan.id, indicator, zone, mineral, lineage, unit, basis, low, high))
    return prepared


class Index:
    """Prepared indicators of every plan, by plan and by (metric, mineral)."""

    def __init__(self, plans: dict[str, Plan], vocabulary: Vocabulary) -> None:
        self.by_plan: dict[str, list[Stated]] = {
            pid: prepare(plan, vocabulary) for pid, plan in plans.items()
        }
        self._vocabulary = vocabulary
        self._by_key: dict[tuple[str, str, str | None], list[Stated]] = defaultdict(list)
        for plan_id, stated in self.by_plan.items():
            for item in stated:
                self._by_key[(plan_id, item.metric, item.mineral)].append(item)

    def of(self, plan_id: str, metric: str | None = None) -> list[Stated]:
        items = self.by_plan.get(plan_id, [])
        return items if metric is None else [s for s in items if s.metric == metric]

    def lineage_of(self, mineral: str) -> frozenset[str]:
        return self._vocabulary.lineage(mineral)

    def get(self, plan_id: str, metric: str, mineral: str | None) -> list[Stated]:
        return self._by_key.get((plan_id, metric, mineral), [])


def scopes_overlap(a: Scope, b: Scope) -> bool:
    """Whether two scopes can describe the same mines (an absent field means all)."""
    for name in ("mine", "deposit", "subset"):
        left, right = getattr(a, name), getattr(b, name)
        if left is not None and right is not None and left != right:
            return False
    return True


def region_applies(ancestor_row: Stated, plan: Plan, row: Stated | None = None) -> bool:
    """A region-specific ancestor row applies only to plans (or rows) in that region."""
    region = ancestor_row.scope.region
    if region is None:
        return True
    if row is not None and row.scope.region is not None:
        return row.scope.region == region
    return region in plan.regions


def applicable(index: Index, ancestor: str, row: Stated, plan: Plan) -> Iterator[Stated]:
    """The ancestor's plan-wide entries that apply to the plan's entry `row` (see the module docstring).

    Within one ancestor the most specific mineral wins: where the ancestor has rows for 砖瓦用页岩 itself,
    its rows for the broader 页岩 do not apply to a plan's 砖瓦用页岩 row (lex specialis).
    """
    minerals: tuple[str | None, ...] = tuple(row.lineage) if row.mineral else (None,)
    found = [
        candidate
        for mineral in sorted(minerals, key=lambda m: m or "")
        for candidate in index.get(ancestor, row.metric, mineral)
        if candidate.zone is None
        and scopes_overlap(candidate.scope, row.scope)
        and region_applies(candidate, plan, row)
    ]
    named = {c.mineral for c in found if c.mineral}
    superseded = {wider for m in named for wider in (index.lineage_of(m) - {m})}
    yield from (c for c in found if c.mineral not in superseded)
