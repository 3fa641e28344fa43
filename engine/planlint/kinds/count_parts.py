"""count_parts: a plan's stated totals agree with their stated parts (`counts` entries).

`check: sum` compares each `counts` entry's parts with its total. Parts adding up to MORE than the total
are always a finding. Parts adding up to LESS are a finding only when the entry says `exhaustive: true`
(the document lists every part): a 其中 list is often partial ("其中大型矿山2个"), so `exhaustive` is
false unless the encoder sets it. Whole numbers are taken as exact (counts of blocks, mines, zones);
a figure printed with decimals may be off by half a unit of its last digit, and the tolerance adds those.

`check: breakdown` follows nested breakdowns. Parts are flat (`parts: {retained: 12, ...}`); a part broken
down further is its own `counts` entry whose key is `<key>_<part>` (`mining_blocks` part `retained` →
`mining_blocks_retained`). That entry's total must equal the part. Entries whose units differ in dimension
or scale are not linked. With passes asked for, an entry whose parts agree with its total (`sum`) and a part
equal to its breakdown's total (`breakdown`) are held checks.

Params:
    check: sum | breakdown

Example (FAIL, sum): `{key: mining_blocks, total: 28, parts: {adjusted: 3, retained: 14, new: 12}}`
(29 > 28).
Example (FAIL, breakdown): `mining_blocks` part `new: 10` and `{key: mining_blocks_new, total: 9}`.
Example (PASS): `{key: mining_blocks, total: 54, parts: {municipal: 25}}` (a partial 其中 list; not
exhaustive), or `{total: 33, parts: {retained: 12, adjusted: 12, new: 9}, exhaustive: true}`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.hits import Fragment, Held, Hit, Joined, KeyName, Place, Words
from planlint.kinds._printed import half_unit, number, slack
from planlint.model import Count
from planlint.units import parse_unit

KIND = "count_parts"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    check: Literal["sum", "breakdown"]


@dataclass(frozen=True, kw_only=True)
class PartsOff(Hit):
    """A total that its parts exceed (or, when the parts are exhaustive, fall short of)."""

    PLACEHOLDERS = ("key", "total", "parts_sum", "parts", "unit", "relation")

    count: Count
    relation: Literal["over", "short"]
    parts_sum: float

    def values(self) -> Mapping[str, Fragment]:
        count = self.count
        return {
            "key": KeyName(count.key),
            "total": number(count.total),
            "parts_sum": number(self.parts_sum),
            "parts": Joined(
                tuple(
                    Words.of("parts.item", name=KeyName(name), value=number(value))
                    for name, value in count.parts.items()
                ),
                "list",
            ),
            "unit": count.unit or "",
            "relation": Words(f"relation.{self.relation}"),
        }


@dataclass(frozen=True, kw_only=True)
class BreakdownOff(Hit):
    """A part whose own breakdown entry gives another total."""

    PLACEHOLDERS = ("key", "part", "value", "child", "total", "unit")

    count: Count
    part: str
    child: Count

    def values(self) -> Mapping[str, Fragment]:
        return {
            "key": KeyName(self.count.key),
            "part": KeyName(self.part),
            "value": number(self.count.parts[self.part]),
            "child": KeyName(self.child.key),
            "total": number(self.child.total),
            "unit": self.count.unit or self.child.unit or "",
        }


HITS = (PartsOff, BreakdownOff)


def emitted(params: Params) -> tuple[type[Hit], ...]:
    """The hit type a rule with these params yields."""
    return (PartsOff,) if params.check == "sum" else (BreakdownOff,)


def _rounding(value: float) -> float:
    return 0.0 if float(value).is_integer() else half_unit(value)


def _same_unit(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    left, right = parse_unit(a), parse_unit(b)
    return left.dimension == right.dimension and abs(left.factor - right.factor) <= slack(left.factor)


def _sum_problem(count: Count) -> tuple[Literal["over", "short"], float] | None:
    if not count.parts:
        return None
    total = sum(count.parts.values())
    tolerance = slack(count.total) + _rounding(count.total) + sum(_rounding(v) for v in count.parts.values())
    if total > count.total + tolerance:
        return "over", total
    if count.exhaustive and total < count.total - tolerance:
        return "short", total
    return None


def _sum_hits(context: Context, plan_id: str) -> Iterator[PartsOff | Held]:
    for count in context.plan(plan_id).counts:
        problem = _sum_problem(count)
        if problem is None:
            if context.passes and count.parts:
                yield Held(
                    plan=plan_id,
                    places=(Place("plan", plan_id, count.cite),),
                    metric="counts",
                    detail=(count.key, "sum"),
                )
            continue
        relation, total = problem
        yield PartsOff(
            plan=plan_id,
            places=(Place("plan", plan_id, count.cite),),
            metric="counts",
            detail=(count.key, relation),
            count=count,
            relation=relation,
            parts_sum=total,
        )


def _breakdown_hits(context: Context, plan_id: str) -> Iterator[BreakdownOff | Held]:
    counts = context.plan(plan_id).counts
    by_key = {c.key: c for c in counts}
    for count in counts:
        for part, value in count.parts.items():
            child = by_key.get(f"{count.key}_{part}")
            if child is None or not _same_unit(count.unit, child.unit):
                continue
            tolerance = slack(value) + _rounding(value) + _rounding(child.total)
            places = [Place("plan", plan_id, count.cite)]
            if child.cite != count.cite:
                places.append(Place("plan", plan_id, child.cite))
            if abs(child.total - value) <= tolerance:
                if context.passes:
                    yield Held(plan=plan_id, places=tuple(places), metric="counts", detail=(count.key, part))
                continue
            yield BreakdownOff(
                plan=plan_id,
                places=tuple(places),
                metric="counts",
                detail=(count.key, part),
                count=count,
                part=part,
                child=child,
            )


def check(context: Context, params: Params) -> Iterator[PartsOff | BreakdownOff | Held]:
    for plan_id in context.targets:
        if params.check == "sum":
            yield from _sum_hits(context, plan_id)
        else:
            yield from _breakdown_hits(context, plan_id)
