"""binding_carried: an indicator binding (约束性) in an ancestor must be binding where the plan states it.

For each of the plan's plan-wide indicators whose attribute is in `plan_attributes`, every ancestor entry
that applies to it (`planlint.match.Index.ancestor_rows`: the same metric, the same or a broader mineral,
overlapping scope, region) and is binding is collected. One finding per plan indicator, against the nearest
such ancestor, citing all of them. A plan that does not state the indicator at all is the business of the
required-content kind, not of this one. With passes asked for, a binding plan row is held against each
binding ancestor row that applies to it. Severity: the rule's policy for the ancestor's attribute (binding).

Params:
    plan_attributes: the plan attributes reported (expected, unspecified; default both)
    metrics: the metrics checked (default: all)

Example (FAIL): ancestor `large_medium_ratio >= 60 %, attribute: binding`; plan
`large_medium_ratio >= 65 %, attribute: expected`.
Example (PASS): the plan states `large_medium_ratio >= 65 %, attribute: binding`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.hits import Fragment, Held, Hit, MetricName, Place, ScopeWords, Value, Words, bound
from planlint.kinds._held import held_rows
from planlint.params import Metric
from planlint.prepared import MatchKey, Stated

KIND = "binding_carried"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plan_attributes: tuple[Literal["expected", "unspecified"], ...] = ("expected", "unspecified")
    metrics: tuple[Metric, ...] | None = None


@dataclass(frozen=True, kw_only=True)
class NotBinding(Hit):
    """A plan's row not binding where the nearest ancestor row that applies is."""

    PLACEHOLDERS = ("mineral", "metric_name", "actual", "expected", "attribute", "scope", "ancestor_scope")

    row: Stated
    nearest: Stated

    def values(self) -> Mapping[str, Fragment]:
        printed = self.row.indicator.mineral
        return {
            "mineral": Words.of("binding.mineral", mineral=printed) if printed else "",
            "metric_name": MetricName(self.row.metric),
            "actual": Value(self.row.indicator),
            "expected": Value(self.nearest.indicator),
            "attribute": Words(f"attribute.{self.row.attribute}"),
            "scope": ScopeWords(self.row.scope),
            "ancestor_scope": ScopeWords(self.nearest.scope),
        }


HITS = (NotBinding,)


def _binding_rows(context: Context, ancestors: tuple[str, ...], row: Stated) -> list[Stated]:
    """The binding ancestor rows that bind `row`, nearest first."""
    return [c for _, c in context.index.bound_by(ancestors, row) if c.attribute == "binding"]


def check(context: Context, params: Params) -> Iterator[NotBinding | Held]:
    # Rows with the same ancestors and match key are bound by the same rows (siblings share most): the binding
    # ones are picked out once per such key, not once per plan row.
    binding_to: dict[tuple[tuple[str, ...], MatchKey], list[Stated]] = {}
    for plan_id in context.targets:
        ancestors = context.ancestors(plan_id)
        for row in context.index.of(plan_id):
            reported = row.attribute in params.plan_attributes
            if row.zone is not None or not (reported or (context.passes and row.attribute == "binding")):
                continue
            if params.metrics is not None and row.metric not in params.metrics:
                continue
            key = (ancestors, row.match_key)
            binding = binding_to.get(key)
            if binding is None:
                binding = binding_to[key] = _binding_rows(context, ancestors, row)
            if not binding:
                continue
            if not reported:  # a binding row where the ancestor's is binding: held (asked for passes only)
                yield from held_rows(row, binding, "ancestor")
                continue
            nearest = binding[0]
            places = [Place("ancestor", s.plan, s.cite) for s in binding]
            places.append(Place("plan", plan_id, row.cite))
            yield NotBinding(
                plan=plan_id,
                against=nearest.plan,
                places=tuple(places),
                attribute=nearest.attribute,
                metric=row.metric,
                mineral=row.indicator.mineral,
                expected=bound(nearest.indicator),
                actual=bound(row.indicator),
                scope=row.scope,
                year=row.indicator.year,
                row=row,
                nearest=nearest,
            )
