"""incomparable_units: an ancestor's entry applies to a plan's entry, but their units cannot be compared.

For each judged plan, each of its entries of the listed metrics (plan-wide and zone limits) and each ancestor
entry that `planlint.match.Index.ancestor_rows` matches to it (same or broader mineral, overlapping scope, region):
when the two units differ in dimension (tonnes against cubic metres) or in basis (ore against metal or
mineral tonnes), the comparison the other rules would make is impossible without a stated conversion. Each
such pair is its own finding, naming both units and the reason, so no check passes silently. Severity
follows the attribute of the ancestor's entry (the rule pack sets how much a skipped check weighs).

Params:
    metrics: the metrics whose pairs are examined (default: the vocabulary's limits, `role: limit`:
        extraction_total, mine_count, large_medium_ratio, min_scale, max_scale, min_service_years)

Example (FAIL): ancestor `extraction_total 萤石 <= 100 矿石 万吨`; plan `extraction_total 萤石 <= 17 矿物量万吨`
(ore against mineral tonnes), or `min_scale 建筑石料 >= 10 万立方米/年` against an ancestor's `>= 50 万吨/年`.
Example (PASS): the plan states `<= 170000 吨/年` on an ore basis: the units differ but convert.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from planlint.context import Context
from planlint.hits import (
    BasisName,
    DimensionName,
    Fragment,
    Hit,
    MetricName,
    Place,
    ScopeWords,
    Value,
    Words,
    bound,
)
from planlint.params import Metric, fill_from_vocabulary
from planlint.prepared import Stated

KIND = "incomparable_units"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metrics: tuple[Metric, ...] | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: object, info: ValidationInfo) -> object:
        return fill_from_vocabulary(data, info, metrics=lambda v: v.metrics_of("limit"))


@dataclass(frozen=True, kw_only=True)
class Incomparable(Hit):
    """A plan's row and an ancestor row that binds it, in units that cannot be compared."""

    PLACEHOLDERS = (
        "actual",
        "expected",
        "unit",
        "ancestor_unit",
        "reason",
        "scope",
        "ancestor_mineral",
        "metric_name",
    )

    row: Stated
    candidate: Stated

    def values(self) -> Mapping[str, Fragment]:
        row, candidate = self.row, self.candidate
        return {
            "actual": Value(row.indicator),
            "expected": Value(candidate.indicator),
            "unit": row.indicator.unit,
            "ancestor_unit": candidate.indicator.unit,
            "reason": reason(row, candidate),
            "scope": ScopeWords(row.scope),
            "ancestor_mineral": candidate.indicator.mineral or "",
            "metric_name": MetricName(row.metric),
        }


HITS = (Incomparable,)


def reason(row: Stated, other: Stated) -> Fragment:
    """Why two entries cannot be compared: their dimensions differ, or else their bases."""
    if row.unit.dimension != other.unit.dimension:
        return Words.of(
            "incomparable.dimensions",
            row=DimensionName(row.unit.dimension),
            other=DimensionName(other.unit.dimension),
        )
    return Words.of("incomparable.bases", row=BasisName(row.basis), other=BasisName(other.basis))


def _incomparable_rows(context: Context, ancestors: tuple[str, ...], row: Stated) -> list[Stated]:
    """The ancestor rows that bind `row` in units it cannot be compared with, nearest first."""
    return [c for _, c in context.index.bound_by(ancestors, row) if row.incomparable_with(c) is not None]


def check(context: Context, params: Params) -> Iterator[Incomparable]:
    metrics = params.metrics or context.vocabulary.metrics_of("limit")
    for metric in metrics:
        context.vocabulary.require_metric(metric)
    # Rows with the same ancestors, match key and units are bound by the same incomparable rows (siblings
    # share most): found once per such key, not by comparing every binding row with every plan row.
    incomparable_to: dict[tuple[object, ...], list[Stated]] = {}
    for plan_id in context.targets:
        ancestors = context.ancestors(plan_id)
        for metric in metrics:
            for row in context.index.of(plan_id, metric):
                key = (ancestors, row.match_key, row.unit.dimension, row.basis)
                found = incomparable_to.get(key)
                if found is None:
                    found = incomparable_to[key] = _incomparable_rows(context, ancestors, row)
                for candidate in found:
                    ancestor = candidate.plan
                    yield Incomparable(
                        plan=plan_id,
                        against=ancestor,
                        places=(
                            Place("ancestor", ancestor, candidate.cite),
                            Place("plan", plan_id, row.cite),
                        ),
                        attribute=candidate.attribute,
                        metric=metric,
                        mineral=row.indicator.mineral,
                        expected=bound(candidate.indicator),
                        actual=bound(row.indicator),
                        scope=row.scope,
                        zone=row.zone.name if row.zone else None,
                        year=row.indicator.year,
                        detail=(candidate.indicator.mineral or "", candidate.indicator.unit),
                        row=row,
                        candidate=candidate,
                    )
