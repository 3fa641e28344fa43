"""Prepared values: every indicator normalised once, so kinds compare floats, never printed units.

Each indicator becomes a `Stated`: its bounds as plain floats in base units (annual metrics per second,
whatever the printed unit), its canonical mineral and lineage, its scope, and the key of what decides which
ancestor rows bind it. Which rows apply to which is `planlint.match`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from planlint.model import Attribute, Cite, Indicator, Plan, Scope, Zone
from planlint.unit_table import SECONDS_PER_YEAR
from planlint.units import Basis, ParsedUnit, incompatibility, parse_unit, resolve_basis
from planlint.vocabulary import Vocabulary

EPSILON = 1e-9

# (metric, canonical mineral, mine, deposit, subset, region, the plan's regions when the row names none)
MatchKey = tuple[str, str | None, str | None, str | None, str | None, str | None, tuple[str, ...]]


@lru_cache(maxsize=4096)
def metric_unit(unit: str, annual: bool) -> ParsedUnit:
    """The parsed unit, read as per year when the metric is annual and the unit has no time."""
    parsed = parse_unit(unit)
    if not annual or "[time]" in parsed.dimension:
        return parsed
    dimension = f"{parsed.dimension} / [time]"
    return ParsedUnit(
        f"{unit}/年", parsed.expression + " / year", parsed.basis, parsed.factor / SECONDS_PER_YEAR, dimension
    )


# NOTE: not frozen: a frozen dataclass sets each field through object.__setattr__, which made building the
# national index's 141,000 rows ten times slower. Rows are never assigned to after `prepare`.
@dataclass(slots=True, eq=False)
class Stated:
    """One indicator of one plan, prepared for comparison (a row is itself: compared and hashed by identity)."""

    plan: str
    indicator: Indicator
    zone: Zone | None
    mineral: str | None
    lineage: frozenset[str]
    unit: ParsedUnit
    basis: Basis
    low: float | None
    high: float | None
    # What decides which ancestor rows bind this row (`match.Index.ancestor_rows`): rows of any plan with
    # equal keys are bound by the same rows, so the answer is computed once per key, not once per row.
    match_key: MatchKey
    # The indicator's fields kinds read most, copied out of it: a slot read, not a property call, for each
    # of the millions of reads a national check makes.
    metric: str
    scope: Scope
    cite: Cite
    attribute: Attribute
    # what a pass (--show-passes) names the row by and its bound (`kinds._held`): made by the first pass
    # comparing the row and shared by the others, a row is compared in many
    held_parts: tuple[tuple[str, ...], Any] | None = None

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
    plan: Plan,
    vocabulary: Vocabulary,
    names: dict[str, tuple[str, frozenset[str]]] | None = None,
    units: dict[tuple[str, str], ParsedUnit] | None = None,
) -> list[Stated]:
    """Every indicator of a plan (zone limits included) as a `Stated`.

    `names` caches each printed mineral name's canonical name and lineage, `units` each (metric, printed
    unit)'s unit as the metric reads it (both shared across plans by `Index`: a nation repeats them).
    """
    prepared = []
    names = {} if names is None else names
    units = {} if units is None else units
    plan_id, regions = plan.id, plan.regions
    for indicator, zone in plan.all_indicators():
        unit_key = (indicator.metric, indicator.unit)
        unit = units.get(unit_key)
        if unit is None:
            metric = vocabulary.require_metric(indicator.metric)
            unit = units[unit_key] = metric_unit(indicator.unit, metric.annual)
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
        scope = indicator.scope
        # the match key (see `MatchKey`): the plan's regions count only where the row names no region
        key = (
            indicator.metric,
            mineral,
            scope.mine,
            scope.deposit,
            scope.subset,
            scope.region,
            regions if scope.region is None else (),
        )
        prepared.append(
            Stated(
                plan_id,
                indicator,
                zone,
                mineral,
                lineage,
                unit,
                basis,
                low,
                high,
                key,
                indicator.metric,
                scope,
                indicator.cite,
                indicator.attribute,
            )
        )
    return prepared


def side(stated: Stated, direction: str) -> float | None:
    """The bound a comparison uses: the lower bound of a floor, the upper bound of a cap."""
    return stated.low if direction == "floor" else stated.high


def first_per_scope(rows: Iterable[Stated]) -> tuple[Stated, ...]:
    """The first row of each scope, in order (with rows sorted strictest first: each scope's strictest)."""
    firsts: dict[Scope, Stated] = {}  # a scope is equal to, and hashes as, the tuple of its fields
    for row in rows:
        firsts.setdefault(row.scope, row)
    return tuple(firsts.values())
