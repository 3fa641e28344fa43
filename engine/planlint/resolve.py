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
from functools import cache, lru_cache

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


def prepare(
    plan: Plan, vocabulary: Vocabulary, names: dict[str, tuple[str, frozenset[str]]] | None = None
) -> list[Stated]:
    """Every indicator of a plan (zone limits included) as a `Stated`.

    `names` caches each printed mineral name's canonical name and lineage (shared across plans by `Index`).
    """
    prepared = []
    names = {} if names is None else names
    for indicator, zone in plan.all_indicators():
        metric = vocabulary.require_metric(indicator.metric)
        unit = metric_unit(indicator.unit, metric.annual)
        mineral: str | None = None
        lineage: frozenset[str] = frozenset()
        if indicator.mineral:
            known = names.get(indicator.mineral)
            if known is None:
                canonical = vocabulary.canonical(indicator.mineral)
                known = names[indicator.mineral] = (canonical, vocabulary.lineage(canonical))
            mineral, lineage = known
        low, high = _bounds(indicator, unit)
        basis = resolve_basis(unit, indicator.basis)
        prepared.append(Stated(plan.id, indicator, zone, mineral, lineage, unit, basis, low, high))
    return prepared


class Index:
    """Prepared indicators of every plan, by plan and by (metric, mineral)."""

    def __init__(self, plans: dict[str, Plan], vocabulary: Vocabulary) -> None:
        names: dict[str, tuple[str, frozenset[str]]] = {}
        self.by_plan: dict[str, list[Stated]] = {
            pid: prepare(plan, vocabulary, names) for pid, plan in plans.items()
        }
        self._vocabulary = vocabulary
        self._lineages: dict[str, frozenset[str]] = {}
        self._by_key: dict[tuple[str, str, str | None], list[Stated]] = defaultdict(list)
        self._by_metric: dict[tuple[str, str], list[Stated]] = defaultdict(list)
        for plan_id, stated in self.by_plan.items():
            for item in stated:
                self._by_key[(plan_id, item.metric, item.mineral)].append(item)
                self._by_metric[(plan_id, item.metric)].append(item)
        # applicable(): (ancestor, plan, id(row)) → (row, matches); the row is kept so its id stays its own
        self.matches: dict[tuple[str, str, int], tuple[Stated, tuple[Stated, ...]]] = {}

    def of(self, plan_id: str, metric: str | None = None) -> list[Stated]:
        if metric is None:
            return self.by_plan.get(plan_id, [])
        return list(self._by_metric.get((plan_id, metric), ()))

    def lineage_of(self, mineral: str) -> frozenset[str]:
        lineage = self._lineages.get(mineral)
        if lineage is None:
            lineage = self._lineages[mineral] = self._vocabulary.lineage(mineral)
        return lineage

    def get(self, plan_id: str, metric: str, mineral: str | None) -> list[Stated]:
        return self._by_key.get((plan_id, metric, mineral), [])


def scopes_overlap(a: Scope, b: Scope) -> bool:
    """Whether two scopes can describe the same mines (an absent field means all)."""
    return (
        (a.mine is None or b.mine is None or a.mine == b.mine)
        and (a.deposit is None or b.deposit is None or a.deposit == b.deposit)
        and (a.subset is None or b.subset is None or a.subset == b.subset)
    )


def region_applies(ancestor_row: Stated, plan: Plan, row: Stated | None = None) -> bool:
    """A region-specific ancestor row applies only to plans (or rows) in that region."""
    region = ancestor_row.scope.region
    if region is None:
        return True
    if row is not None and row.scope.region is not None:
        return row.scope.region == region
    return region in plan.regions


@cache
def _search_order(lineage: frozenset[str]) -> tuple[str, ...]:
    """A lineage in a stable order (sorted once per distinct lineage, not once per comparison)."""
    return tuple(sorted(lineage))


def applicable(index: Index, ancestor: str, row: Stated, plan: Plan) -> Iterator[Stated]:
    """The ancestor's plan-wide entries that apply to the plan's entry `row` (see the module docstring).

    Within one ancestor the most specific mineral wins: where the ancestor has rows for 砖瓦用页岩 itself,
    its rows for the broader 页岩 do not apply to a plan's 砖瓦用页岩 row (lex specialis).
    Several kinds ask for the same pairs, so the answer is kept in the index (it never changes).
    """
    key = (ancestor, plan.id, id(row))
    known = index.matches.get(key)
    if known is None or known[0] is not row:
        known = index.matches[key] = (row, tuple(_applicable(index, ancestor, row, plan)))
    return iter(known[1])


def _applicable(index: Index, ancestor: str, row: Stated, plan: Plan) -> Iterator[Stated]:
    minerals: tuple[str | None, ...] = _search_order(row.lineage) if row.mineral else (None,)
    found = [
        candidate
        for mineral in minerals
        for candidate in index.get(ancestor, row.metric, mineral)
        if candidate.zone is None
        and scopes_overlap(candidate.scope, row.scope)
        and region_applies(candidate, plan, row)
    ]
    yield from most_specific(index, found)


def most_specific(index: Index, found: list[Stated]) -> list[Stated]:
    """Drop the rows whose mineral is broader than another row's mineral among `found` (lex specialis)."""
    named = {c.mineral for c in found if c.mineral}
    superseded = {wider for m in named for wider in (index.lineage_of(m) - {m})}
    return [c for c in found if c.mineral not in superseded]


def side(stated: Stated, direction: str) -> float | None:
    """The bound a comparison uses: the lower bound of a floor, the upper bound of a cap."""
    return stated.low if direction == "floor" else stated.high
