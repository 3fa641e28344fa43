"""ancestor_bound: a plan's floor (or cap) may not be looser than any ancestor's for the same mines.

For each of the plan's entries of `metric` (plan-wide and zone limits), every ancestor entry that applies
(`planlint.match.Index.ancestor_rows`: same or broader mineral, overlapping scope, region) is compared. A floor
(`direction: floor`, e.g. min_scale, large_medium_ratio) is broken when the plan's value is lower; a cap
(`direction: cap`, e.g. extraction_total, max_scale) when it is higher. One finding per plan entry, named
against the strictest broken ancestor row; other broken rows are cited too. Incomparable units are left to
the `incomparable_units` kind. With passes asked for, every applicable ancestor row the plan's row meets is a
held comparison (a pass), so one plan row can hold against the province and break the city's row.

Params:
    metric: the metric compared (min_scale, extraction_total, ...)
    direction: floor | cap (default: the metric's direction in the vocabulary)

Example (FAIL): ancestor `min_scale 建筑石料用灰岩 >= 100 万吨/年 (deposit: large)`; plan
`min_scale 建筑石料用灰岩 >= 50 万吨/年` (no deposit scope: it admits 50 on large deposits too).
Example (PASS): the plan states `>= 100` for large deposits and `>= 20` for small ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import takewhile

from planlint.context import Context
from planlint.hits import Fragment, Held, Hit, MetricName, Place, ScopeWords, Value, bound, required
from planlint.kinds._held import held_rows
from planlint.params import Direction, MetricDirection, direction_of
from planlint.prepared import EPSILON, Stated, first_per_scope, side

KIND = "ancestor_bound"


class Params(MetricDirection):
    """metric: the metric compared; direction: floor | cap (default: the metric's, from the vocabulary)."""


@dataclass(frozen=True, kw_only=True)
class LooserBound(Hit):
    """A plan's row looser than the strictest ancestor row that binds it."""

    PLACEHOLDERS = ("actual", "expected", "scope", "ancestor_scope", "zone", "metric_name")

    row: Stated
    strictest: Stated
    direction: Direction
    limits: tuple[Stated, ...]  # the strictest applicable ancestor row of each scope, strictest first

    def values(self) -> Mapping[str, Fragment]:
        return {
            "actual": Value(self.row.indicator),
            "expected": Value(self.strictest.indicator),
            "scope": ScopeWords(self.row.scope),
            "ancestor_scope": ScopeWords(self.strictest.scope),
            "zone": self.row.zone.name if self.row.zone else "",
            "metric_name": MetricName(self.row.metric),
        }

    def requirement(self) -> Fragment:
        return required(self.direction, [(limit.indicator, limit.scope) for limit in self.limits])


HITS = (LooserBound,)


def _broken(row: float, limit: float, direction: str) -> bool:
    tolerance = EPSILON * max(abs(limit), 1.0)
    return row < limit - tolerance if direction == "floor" else row > limit + tolerance


def _applicable_rows(
    context: Context, ancestors: tuple[str, ...], row: Stated, direction: Direction
) -> list[tuple[int, Stated]]:
    """Every ancestor row that binds `row` and compares with it, as (distance, row), strictest first."""
    applicable = [
        (distance, candidate)
        for distance, candidate in context.index.bound_by(ancestors, row)
        if side(candidate, direction) is not None and row.incomparable_with(candidate) is None
    ]
    return sorted(applicable, key=lambda item: _strictness(item, direction))


def _broken_rows(
    value: float, applicable: list[tuple[int, Stated]], direction: Direction
) -> list[tuple[int, Stated]]:
    """The applicable rows `value` breaks: sorted strictest first, they are a prefix (usually empty)."""
    if not applicable or not _broken(value, side(applicable[0][1], direction) or 0.0, direction):
        return []
    return list(
        takewhile(lambda item: _broken(value, side(item[1], direction) or 0.0, direction), applicable)
    )


def _strictness(item: tuple[int, Stated], direction: str) -> tuple[float, int, int]:
    distance, stated = item
    limit = side(stated, direction) or 0.0
    return (-limit if direction == "floor" else limit, distance, stated.cite.line or 0)


def check(context: Context, params: Params) -> Iterator[LooserBound | Held]:
    direction = direction_of(context.vocabulary, params.metric, params.direction)
    # Rows with the same ancestors, match key and units have the same applicable rows (siblings share most).
    applicable_to: dict[tuple[object, ...], list[tuple[int, Stated]]] = {}
    for plan_id in context.targets:
        ancestors = context.ancestors(plan_id)
        for row in context.index.of(plan_id, params.metric):
            value = side(row, direction)
            if value is None:
                continue
            key = (ancestors, row.match_key, row.unit.dimension, row.basis)
            applicable = applicable_to.get(key)
            if applicable is None:
                applicable = applicable_to[key] = _applicable_rows(context, ancestors, row, direction)
            ordered = _broken_rows(value, applicable, direction)
            if context.passes:  # every applicable row after the broken ones held
                yield from held_rows(row, [stated for _, stated in applicable[len(ordered) :]], "ancestor")
            if not ordered:
                continue
            strictest = ordered[0][1]
            places = [Place("ancestor", s.plan, s.cite) for _, s in ordered]
            places.append(Place("plan", plan_id, row.cite))
            yield LooserBound(
                plan=plan_id,
                against=strictest.plan,
                places=tuple(places),
                attribute=strictest.attribute,
                metric=params.metric,
                mineral=row.indicator.mineral,
                expected=bound(strictest.indicator),
                actual=bound(row.indicator),
                scope=row.scope,
                zone=row.zone.name if row.zone else None,
                year=row.indicator.year,
                row=row,
                strictest=strictest,
                direction=direction,
                limits=first_per_scope(stated for _, stated in applicable),
            )
