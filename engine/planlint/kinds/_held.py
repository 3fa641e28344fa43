"""Held comparisons of one row against another, for the kinds that compare rows (built only for passes)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

from planlint.hits import Held, Place, bound, row_detail
from planlint.prepared import Stated


def held_rows(row: Stated, others: Iterable[Stated], role: Literal["ancestor", "plan"]) -> Iterator[Held]:
    """`row` of the judged plan compared with each of `others` and held: one `Held` per pair.

    `role`: the other rows are an ancestor's (the pass is against that ancestor) or the plan's own.
    """
    for other in others:
        yield Held(
            plan=row.plan,
            against=other.plan if role == "ancestor" else None,
            places=(Place(role, other.plan, other.cite), Place("plan", row.plan, row.cite)),
            metric=row.metric,
            mineral=row.indicator.mineral,
            expected=bound(other.indicator),
            actual=bound(row.indicator),
            scope=row.scope,
            zone=row.zone.name if row.zone else None,
            year=row.indicator.year,
            detail=row_detail(other.indicator),
            against_scope=other.scope,
        )
