"""period_alignment: a plan's period (base year, start, end) must equal each ancestor's.

For each plan judged and each ancestor (partial ancestors included: their period is recorded, though often
from the planning round rather than read from their text), the `fields` of the two periods are compared.
One finding per plan and ancestor naming the fields that differ. The plan files record the period without a
line, so both citations have line null, name the part 规划期限 as their locator, and the message says so. Severity: the rule's, or
`partial_severity` when the ancestor is only partly known. With passes asked for, equal periods are a held
comparison naming the fields both plans give (none when no field is given by both).

Params:
    fields: the period fields compared (base, start, end, outlook; default base, start, end)
    partial_severity: the severity against a partial ancestor (default warning)

Example (FAIL): ancestor `period: {base: 2020, start: 2021, end: 2025}`; plan
`period: {base: 2019, start: 2021, end: 2025}`.
Example (PASS): both `period: {base: 2020, start: 2021, end: 2025, outlook: 2035}`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.findings import Severity
from planlint.hits import Fragment, Held, Hit, Joined, Place, Words
from planlint.model import Period

KIND = "period_alignment"

Field = Literal["base", "start", "end", "outlook"]


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fields: tuple[Field, ...] = ("base", "start", "end")
    partial_severity: Severity = "warning"


@dataclass(frozen=True, kw_only=True)
class PeriodDiffers(Hit):
    """The plan's period differs from an ancestor's in some fields."""

    PLACEHOLDERS = ("actual", "expected", "fields")

    period: Period
    ancestor_period: Period
    compared: tuple[Field, ...]
    differ: tuple[Field, ...]

    def values(self) -> Mapping[str, Fragment]:
        return {
            "actual": period_words(self.period, self.compared),
            "expected": period_words(self.ancestor_period, self.compared),
            "fields": Joined(tuple(Words(f"period.{f}") for f in self.differ), "list"),
        }


HITS = (PeriodDiffers,)


def period_words(period: Period, fields: tuple[Field, ...]) -> Fragment:
    """The compared fields of a period: '基期2020年，2021—2025年' / 'base year 2020, 2021–2025'."""
    years = [f for f in fields if f not in ("start", "end") and getattr(period, f) is not None]
    parts: list[Fragment] = [
        Words.of("period.year", field=Words(f"period.{f}"), year=str(getattr(period, f))) for f in years
    ]
    parts.append(Words.of("period.span", start=str(period.start), end=str(period.end)))
    return Joined(tuple(parts), "comma")


# NOTE: the plan files record the period without a line; the citations name the part that states it, so they
# do not read as the plan's silence.
PERIOD_PART = "规划期限"


def _period_places(plan_id: str, ancestor_id: str) -> tuple[Place, Place]:
    return (Place("ancestor", ancestor_id, part=PERIOD_PART), Place("plan", plan_id, part=PERIOD_PART))


def _held(
    plan_id: str, ancestor_id: str, period: Period, other: Period, fields: tuple[Field, ...]
) -> Iterator[Held]:
    """The period fields both plans give, equal: one held comparison (none when no field was given by both)."""
    compared = tuple(f for f in fields if getattr(period, f) is not None and getattr(other, f) is not None)
    if compared:
        yield Held(
            plan=plan_id,
            against=ancestor_id,
            places=_period_places(plan_id, ancestor_id),
            detail=("period", *(f"{f}={getattr(period, f)}" for f in compared)),
        )


def check(context: Context, params: Params) -> Iterator[PeriodDiffers | Held]:
    for plan_id in context.targets:
        period = context.plan(plan_id).period
        for ancestor_id in context.ancestors(plan_id):
            ancestor = context.plan(ancestor_id)
            differ = tuple(
                f
                for f in params.fields
                if getattr(period, f) is not None
                and getattr(ancestor.period, f) is not None
                and getattr(period, f) != getattr(ancestor.period, f)
            )
            if not differ:
                if context.passes:
                    yield from _held(plan_id, ancestor_id, period, ancestor.period, params.fields)
                continue
            yield PeriodDiffers(
                plan=plan_id,
                against=ancestor_id,
                places=_period_places(plan_id, ancestor_id),
                severity=params.partial_severity if ancestor.is_partial else None,
                detail=("period", *differ),
                period=period,
                ancestor_period=ancestor.period,
                compared=params.fields,
                differ=differ,
            )
