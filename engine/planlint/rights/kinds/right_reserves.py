"""right_reserves: what the right's reserves allow.

`check: life`: the term may not be longer than the reserves last at the right's capacity (reserves ÷
capacity, where both are given in comparable units). Resources in the ground (资源储量) are at least the
recoverable reserves, so a term beyond even their life is a breach whatever the class.
`check: yield`: where the reserves are printed as a rate — a fluid's allowed yield (地热 允许开采量, 001 专栏1 注)
— the capacity may not exceed it.

With passes asked for, a term within the reserves' life (a capacity within the allowed yield) is a held check.

Params:
    check: life | yield

Example (FAIL, life): 1000 万吨 of reserves at 100 万吨/年 with a term of 15 years.
Example (PASS, yield): 江北 JBGC202501: 21.9 万立方米/年 capacity, 21.9 万立方米/年 allowed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.findings import Bound
from planlint.rights.evaluate import RightHeld, RightHit, RightsContext
from planlint.rights.kinds._common import beyond, reviewed
from planlint.rights.prepare import PreparedRight
from planlint.rules import Rule

KIND = "right_reserves"
# Terms and reserves are printed to two decimals (16.10 年): a term over the life by less is rounding.
ROUNDING_YEARS = 0.01


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    check: Literal["life", "yield"]


def check(context: RightsContext, rule: Rule) -> Iterator[RightHit]:
    params = rule.params
    assert isinstance(params, Params)
    for right in reviewed(context):
        hit = _life(right, context.passes) if params.check == "life" else _yield(right, context.passes)
        if hit is not None:
            yield hit


def _life(right: PreparedRight, passes: bool) -> RightHit | None:
    term, years, reserves = right.right.term_years, right.reserves_years, right.right.reserves
    if term is None or years is None or reserves is None:
        return None
    held = term <= years + ROUNDING_YEARS
    if held and not passes:
        return None
    return (RightHeld if held else RightHit)(
        right=right,
        plan=right.plans[0],
        subject="reserves|life",
        metric="term_years",
        expected=Bound("<=", round(years, 2), "年"),
        actual=Bound("==", term, "年"),
        values={
            "term": f"{term:g}",
            "years": f"{years:.1f}",
            "reserves": f"{reserves.value:g} {reserves.unit}",
            "class": reserves.class_,
        },
    )


def _yield(right: PreparedRight, passes: bool) -> RightHit | None:
    allowed, reserves = right.reserves_rate, right.right.reserves
    if allowed is None or reserves is None or right.capacity_unit.dimension != _rate_dimension(reserves.unit):
        return None
    held = not beyond(right.capacity, allowed, "cap")
    if held and not passes:
        return None
    return (RightHeld if held else RightHit)(
        right=right,
        plan=right.plans[0],
        subject="reserves|yield",
        metric="capacity",
        expected=Bound("<=", reserves.value, reserves.unit),
        actual=Bound("==", right.right.capacity.value, right.right.capacity.unit),
        values={"allowed": f"{reserves.value:g} {reserves.unit}"},
    )


def _rate_dimension(unit: str) -> str:
    from planlint.units import parse_unit

    return parse_unit(unit).dimension
