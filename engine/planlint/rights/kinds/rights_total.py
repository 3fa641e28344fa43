"""rights_total: the rights of one jurisdiction together within the plan's extraction caps and mine counts.

For every plan above some right and each of its caps of `metric` (plan-wide, or a zone's limit for the rights
naming that zone), the rights the cap surely covers (mineral through the vocabulary, scope that fits) are
added in id order: capacities for `extraction_total`, new rights for `mine_count`. A cap covers every mine
of the plan's territory, existing ones too, so a batch that alone exceeds it is a breach. The finding names
the right with which the total first exceeds the cap and cites every right counted. A zone's planned count
of new rights (拟设, printed without a comparator) is read as the most the zone may receive. Subsets that a
right cannot answer (a row for 砂石土 mines, say) are not summed: those caps are left to `planlint check`.
With passes asked for, a batch within a cap is a held check for each right counted (`actual`: the total).

Params:
    metric: extraction_total | mine_count

Example (FAIL): 会宁 丁家沟 zone 拟设采矿权 1; two new rights name the zone.
Example (PASS): four rights of 2023 within 001 专栏2's 32000 万吨 of 建筑石料用灰岩.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.errors import UnitError
from planlint.findings import Bound
from planlint.hits import bound, row_detail
from planlint.messages import format_value
from planlint.prepared import EPSILON, Stated
from planlint.rights.evaluate import RightHeld, RightHit, RightsContext
from planlint.rights.kinds._common import reviewed
from planlint.rights.match import scope_fit
from planlint.rights.prepare import PreparedRight
from planlint.rules import Rule
from planlint.units import convert

KIND = "rights_total"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: Literal["extraction_total", "mine_count"]


def check(context: RightsContext, rule: Rule) -> Iterator[RightHit]:
    params = rule.params
    assert isinstance(params, Params)
    # each right goes to the caps that surely cover it (found once per plan and kind of right), in id order
    counted: dict[Stated, list[tuple[PreparedRight, float]]] = defaultdict(list)
    for right in reviewed(context):
        for plan_id in right.plans:
            for row in _covering(context, plan_id, right, params.metric):
                amount = amount_of(context, right, row, params.metric)
                if amount is not None:
                    counted[row].append((right, amount))
    for plan_id in sorted({row.plan for row in counted}):
        for row in context.index.of(plan_id, params.metric):
            limit = cap_of(row, params.metric)
            if limit is None or row not in counted:
                continue
            hit = _exceeding(plan_id, row, limit, counted[row], params.metric)
            if hit is not None:
                yield hit
            elif context.passes:
                yield from _held(plan_id, row, counted[row], params.metric)


_COVERING = "rights_total.covering"


def _covering(context: RightsContext, plan_id: str, right: PreparedRight, metric: str) -> tuple[Stated, ...]:
    """The plan's caps of `metric` whose mineral and scope surely cover rights like this one."""
    key = (_COVERING, plan_id, metric, right.match_key, right.right.kind)
    found = context.memo.get(key)
    if found is None:
        minerals = (None, *sorted(right.lineage))
        rows = [row for m in minerals for row in context.index.get(plan_id, metric, m)]
        found = context.memo[key] = tuple(
            row
            for row in rows
            if cap_of(row, metric) is not None
            and (row.zone is None or row.zone.name == right.right.zone)
            and scope_fit(row, right) == ()
        )
    return found


def cap_of(row: Stated, metric: str) -> float | None:
    """The most a row lets the rights of a batch add up to (None: the row is not a cap)."""
    if row.indicator.op in ("<=", "<"):
        return row.high
    # a zone's planned number of new rights (拟设采矿权) is the most it may receive
    if (
        metric == "mine_count"
        and row.zone is not None
        and row.scope.mine == "new"
        and row.indicator.op == "=="
    ):
        return row.high
    return None


def amount_of(context: RightsContext, right: PreparedRight, row: Stated, metric: str) -> float | None:
    """What the right adds to the row's total (None: the row does not surely cover it), in base units."""
    if row.zone is not None and row.zone.name != right.right.zone:
        return None
    if row.mineral is not None and row.mineral not in right.lineage:
        return None
    if scope_fit(row, right) != ():
        return None
    if metric == "mine_count":
        return 1.0 if right.right.kind in ("new",) else None
    try:
        value = convert(
            right.right.capacity.value, right.capacity_unit, right.capacity_basis, row.unit, row.basis
        )
    except UnitError:
        return None
    return row.unit.to_base(value)


def exceeds(total: float, limit: float) -> bool:
    """Whether a running total is above a cap beyond rounding."""
    return total > limit + EPSILON * max(abs(limit), 1.0)


def _held(
    plan_id: str, row: Stated, counted: list[tuple[PreparedRight, float]], metric: str
) -> Iterator[RightHeld]:
    """The batch within the cap: a held check for each right counted, citing the cap and the others."""
    shown = sum(a for _, a in counted) / row.unit.factor
    for right, _ in counted:
        yield RightHeld(
            right=right,
            plan=plan_id,
            rows=(row,),
            others=tuple(r for r, _ in sorted(counted, key=lambda item: item[0].id) if r is not right),
            attribute=row.attribute,
            metric=metric,
            subject="|".join(
                ("total", metric, row.zone.name if row.zone else "", *row_detail(row.indicator))
            ),
            expected=bound(row.indicator),
            actual=Bound("==", round(shown, 6), row.indicator.unit),
        )


def _exceeding(
    plan_id: str, row: Stated, limit: float, counted: list[tuple[PreparedRight, float]], metric: str
) -> RightHit | None:
    total = 0.0
    ordered = sorted(counted, key=lambda item: item[0].id)
    for position, (right, amount) in enumerate(ordered):
        total += amount
        if exceeds(total, limit):
            whole = sum(a for _, a in ordered)
            others = tuple(r for r, _ in ordered if r is not right)
            shown = whole / row.unit.factor
            return RightHit(
                right=right,
                plan=plan_id,
                rows=(row,),
                others=others,
                attribute=row.attribute,
                metric=metric,
                subject=f"total|{metric}|{row.mineral}|{row.zone.name if row.zone else ''}|{row.cite.line}",
                expected=bound(row.indicator),
                actual=Bound("==", round(shown, 6), row.indicator.unit),
                values={
                    "count": str(len(ordered)),
                    "nth": str(position + 1),
                    "total": f"{shown:g} {row.indicator.unit}",
                    "expected": format_value(row.indicator),
                    "where": row.zone.name if row.zone else plan_id,
                    "row_mineral": row.indicator.mineral or "",
                },
            )
    return None
