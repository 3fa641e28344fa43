"""ancestor_bound: a plan's floor (or cap) may not be looser than any ancestor's for the same mines.

For each of the plan's entries of `metric` (plan-wide and zone limits), every ancestor entry that applies
(`planlint.resolve.applicable`: same or broader mineral, overlapping scope, region) is compared. A floor
(`direction: floor`, e.g. min_scale, large_medium_ratio) is broken when the plan's value is lower; a cap
(`direction: cap`, e.g. extraction_total, max_scale) when it is higher. One finding per plan entry, named
against the strictest broken ancestor row; other broken rows are cited too. Incomparable units are left to
the `incomparable_units` kind.

Params:
    metric: the metric compared (min_scale, extraction_total, ...)
    direction: floor | cap

Example (FAIL): ancestor `min_scale 建筑石料用灰岩 >= 100 万吨/年 (deposit: large)`; plan
`min_scale 建筑石料用灰岩 >= 50 万吨/年` (no deposit scope: it admits 50 on large deposits too).
Example (PASS): the plan states `>= 100` for large deposits and `>= 20` for small ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context, bound, format_value
from planlint.findings import Finding
from planlint.i18n import both, scope_suffix
from planlint.resolve import EPSILON, Stated, applicable, side
from planlint.rules import Rule

KIND = "ancestor_bound"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    direction: Literal["floor", "cap"]


def _broken(row: float, limit: float, direction: str) -> bool:
    tolerance = EPSILON * max(abs(limit), 1.0)
    return row < limit - tolerance if direction == "floor" else row > limit + tolerance


def _broken_rows(context: Context, plan_id: str, row: Stated, params: Params) -> list[tuple[int, Stated]]:
    value = side(row, params.direction)
    if value is None:
        return []
    plan = context.plan(plan_id)
    broken = []
    for distance, ancestor in enumerate(context.ancestors(plan_id)):
        for candidate in applicable(context.index, ancestor, row, plan):
            limit = side(candidate, params.direction)
            if limit is None or row.incomparable_with(candidate) is not None:
                continue
            if _broken(value, limit, params.direction):
                broken.append((distance, candidate))
    return broken


def _strictness(item: tuple[int, Stated], direction: str) -> tuple[float, int, int]:
    distance, stated = item
    limit = side(stated, direction) or 0.0
    return (-limit if direction == "floor" else limit, distance, stated.cite.line or 0)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    for plan_id in context.targets:
        for row in context.index.of(plan_id, params.metric):
            broken = _broken_rows(context, plan_id, row, params)
            if not broken:
                continue
            ordered = sorted(broken, key=lambda item: _strictness(item, params.direction))
            strictest = ordered[0][1]
            citations = [context.cite(s.plan, s.cite, "ancestor") for _, s in ordered]
            citations.append(context.cite(plan_id, row.cite, "plan"))
            yield context.finding(
                rule,
                plan=plan_id,
                against=strictest.plan,
                severity=rule.severity_for(strictest.attribute),
                metric=params.metric,
                mineral=row.indicator.mineral,
                subject=f"{row.indicator.mineral}|{row.scope}|{row.zone.name if row.zone else ''}",
                expected=bound(strictest.indicator),
                actual=bound(row.indicator),
                values={
                    "actual": format_value(row.indicator),
                    "expected": format_value(strictest.indicator),
                    "scope": both(scope_suffix, row.scope),
                    "ancestor_scope": both(scope_suffix, strictest.scope),
                    "zone": row.zone.name if row.zone else "",
                },
                citations=citations,
            )
