"""Held comparisons of one row against another, for the kinds that compare rows (built only for passes)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

from planlint.findings import Bound
from planlint.hits import Held, Place, bound, row_detail
from planlint.prepared import Stated


def held_rows(row: Stated, others: Iterable[Stated], role: Literal["ancestor", "plan"]) -> Iterator[Held]:
    """`row` of the judged plan compared with each of `others` and held: one `Held` per pair.

    `role`: the other rows are an ancestor's (the pass is against that ancestor) or the plan's own.
    """
    _, actual = _parts(row)
    for other in others:
        detail, expected = _parts(other)
        yield Held(
            plan=row.plan,
            against=other.plan if role == "ancestor" else None,
            places=(Place(role, other.plan, other.cite), Place("plan", row.plan, row.cite)),
            metric=row.metric,
            mineral=row.indicator.mineral,
            expected=expected,
            actual=actual,
            scope=row.scope,
            zone=row.zone.name if row.zone else None,
            year=row.indicator.year,
            detail=detail,
            against_scope=other.scope,
        )


def _parts(row: Stated) -> tuple[tuple[str, ...], Bound]:
    """What names a row in a pass and its bound, made once per row (`Stated.held_parts`)."""
    parts = row.held_parts
    if parts is None:
        parts = row.held_parts = (row_detail(row.indicator), bound(row.indicator))
    return parts
