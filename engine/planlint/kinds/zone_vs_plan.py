"""zone_vs_plan: a zone's limits are no looser than the plan's own plan-wide limits for the same mines.

For each zone limit of `metric` in a plan, the plan's plan-wide entries of that metric that apply to it
are those with the same or a broader mineral (through the vocabulary; the most specific mineral stated
plan-wide wins, as in `planlint.resolve.applicable`), an overlapping scope (mine kind, deposit scale,
subset; an absent field means all), a region that is the zone's (or none), the same year where both give
one, and comparable units. A floor (`direction: floor`, e.g. min_scale) is broken when the zone's floor is
lower than a plan-wide floor; a cap (`direction: cap`, e.g. extraction_total) when the zone's cap is above
a plan-wide cap: the zone is part of the plan's territory, so it cannot allow more than the whole.
One finding per zone limit, named after the strictest broken plan-wide row; the others are cited too.

Params:
    metric: the metric compared (min_scale, extraction_total, ...)
    direction: floor | cap

Example (FAIL): plan-wide `min_scale 建筑用石料 >= 10 万立方米/年`; zone `min_scale 建筑用花岗岩 >= 5 万立方米/年`.
Example (PASS): the zone's floor is 10 or more; or the plan-wide floor is for another region.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context, bound, format_value
from planlint.findings import Finding
from planlint.i18n import both, scope_suffix
from planlint.kinds._printed import slack
from planlint.resolve import Stated, most_specific, scopes_overlap, side
from planlint.rules import Rule

KIND = "zone_vs_plan"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    direction: Literal["floor", "cap"]


def _region_fits(row: Stated, limit: Stated) -> bool:
    if row.scope.region is None:
        return True
    zone_region = limit.scope.region or (limit.zone.region if limit.zone else None)
    return zone_region == row.scope.region


def _applicable(context: Context, plan_id: str, limit: Stated) -> list[Stated]:
    minerals: tuple[str | None, ...] = tuple(limit.lineage) if limit.mineral else (None,)
    found = [
        row
        for mineral in sorted(minerals, key=lambda m: m or "")
        for row in context.index.get(plan_id, limit.metric, mineral)
        if row.zone is None
        and row.scope.zone is None
        and scopes_overlap(row.scope, limit.scope)
        and _region_fits(row, limit)
        and (
            row.indicator.year is None
            or limit.indicator.year is None
            or row.indicator.year == limit.indicator.year
        )
        and row.incomparable_with(limit) is None
    ]
    return most_specific(context.index, found)


def _broken(value: float, limit: float, direction: str) -> bool:
    return value < limit - slack(limit) if direction == "floor" else value > limit + slack(limit)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    for plan_id in context.targets:
        for limit in context.index.of(plan_id, params.metric):
            value = side(limit, params.direction)
            if limit.zone is None or value is None:
                continue
            broken = [
                row
                for row in _applicable(context, plan_id, limit)
                if (plan_value := side(row, params.direction)) is not None
                and _broken(value, plan_value, params.direction)
            ]
            if not broken:
                continue
            sign = -1.0 if params.direction == "floor" else 1.0
            broken.sort(key=lambda r: (sign * (side(r, params.direction) or 0.0), r.cite.line or 0))
            strictest = broken[0]
            citations = [context.cite(plan_id, r.cite, "plan") for r in broken]
            citations.append(context.cite(plan_id, limit.cite, "plan"))
            yield context.finding(
                rule,
                plan=plan_id,
                against=None,
                severity=rule.severity_for(strictest.attribute),
                metric=params.metric,
                mineral=limit.indicator.mineral,
                subject=f"{limit.zone.name}|{limit.indicator.mineral}|{limit.scope}",
                expected=bound(strictest.indicator),
                actual=bound(limit.indicator),
                values={
                    "zone": limit.zone.name,
                    "actual": format_value(limit.indicator),
                    "expected": format_value(strictest.indicator),
                    "scope": both(scope_suffix, limit.scope.model_copy(update={"zone": None})),
                    "plan_scope": both(scope_suffix, strictest.scope),
                    "plan_mineral": strictest.indicator.mineral or "",
                },
                citations=citations,
            )
