"""zone_vs_plan: a zone's limits are no looser than the plan's own plan-wide limits for the same mines.

For each zone limit of `metric` in a plan, the plan's plan-wide entries of that metric that apply to it
are those with the same or a broader mineral (through the vocabulary; the most specific mineral stated
plan-wide wins, as in `planlint.match.Index.plan_rows_over_zone`), an overlapping scope (mine kind, deposit scale,
subset; an absent field means all), a region that is the zone's (or none), the same year where both give
one, and comparable units. A floor (`direction: floor`, e.g. min_scale) is broken when the zone's floor is
lower than a plan-wide floor; a cap (`direction: cap`, e.g. extraction_total) when the zone's cap is above
a plan-wide cap: the zone is part of the plan's territory, so it cannot allow more than the whole.
One finding per zone limit, named after the strictest broken plan-wide row; the others are cited too.
With passes asked for, each plan-wide row over the zone limit that the limit meets is a held comparison.

Params:
    metric: the metric compared (min_scale, extraction_total, ...)
    direction: floor | cap (default: the metric's direction in the vocabulary)

Example (FAIL): plan-wide `min_scale 建筑用石料 >= 10 万立方米/年`; zone `min_scale 建筑用花岗岩 >= 5 万立方米/年`.
Example (PASS): the zone's floor is 10 or more; or the plan-wide floor is for another region.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from planlint.context import Context
from planlint.hits import Fragment, Held, Hit, MetricName, Place, ScopeWords, Value, bound, required
from planlint.kinds._held import held_rows
from planlint.kinds._printed import slack
from planlint.params import Direction, MetricDirection, direction_of
from planlint.prepared import Stated, first_per_scope, side

KIND = "zone_vs_plan"


class Params(MetricDirection):
    """metric: the metric compared; direction: floor | cap (default: the metric's, from the vocabulary)."""


@dataclass(frozen=True, kw_only=True)
class LooserZone(Hit):
    """A zone limit looser than the strictest of the plan's own plan-wide rows over it."""

    PLACEHOLDERS = ("zone", "actual", "expected", "scope", "plan_scope", "plan_mineral", "metric_name")

    limit: Stated
    strictest: Stated
    direction: Direction
    limits: tuple[Stated, ...]  # the strictest plan-wide row of each scope over the zone, strictest first

    def values(self) -> Mapping[str, Fragment]:
        return {
            "zone": self.limit.zone.name if self.limit.zone else "",
            "actual": Value(self.limit.indicator),
            "expected": Value(self.strictest.indicator),
            "scope": ScopeWords(replace(self.limit.scope, zone=None)),
            "plan_scope": ScopeWords(self.strictest.scope),
            "plan_mineral": self.strictest.indicator.mineral or "",
            "metric_name": MetricName(self.limit.metric),
        }

    def requirement(self) -> Fragment:
        return required(self.direction, [(row.indicator, row.scope) for row in self.limits])


HITS = (LooserZone,)


def _broken(value: float, limit: float, direction: str) -> bool:
    return value < limit - slack(limit) if direction == "floor" else value > limit + slack(limit)


def check(context: Context, params: Params) -> Iterator[LooserZone | Held]:
    direction = direction_of(context.vocabulary, params.metric, params.direction)
    for plan_id in context.targets:
        for limit in context.index.of(plan_id, params.metric):
            value = side(limit, direction)
            if limit.zone is None or value is None:
                continue
            sign = -1.0 if direction == "floor" else 1.0
            over = sorted(
                (row for row in context.index.plan_rows_over_zone(limit) if side(row, direction) is not None),
                key=lambda r: (sign * (side(r, direction) or 0.0), r.cite.line or 0),
            )
            broken = [row for row in over if _broken(value, side(row, direction) or 0.0, direction)]
            if context.passes:
                yield from held_rows(limit, (row for row in over if row not in broken), "plan")
            if not broken:
                continue
            strictest = broken[0]
            places = [Place("plan", plan_id, r.cite) for r in broken]
            places.append(Place("plan", plan_id, limit.cite))
            yield LooserZone(
                plan=plan_id,
                places=tuple(places),
                attribute=strictest.attribute,
                metric=params.metric,
                mineral=limit.indicator.mineral,
                expected=bound(strictest.indicator),
                actual=bound(limit.indicator),
                scope=limit.scope,
                zone=limit.zone.name,
                year=limit.indicator.year,
                limit=limit,
                strictest=strictest,
                direction=direction,
                limits=first_per_scope(over),
            )
