"""binding_carried: an indicator binding (约束性) in an ancestor must be binding where the plan states it.

For each of the plan's plan-wide indicators whose attribute is in `plan_attributes`, every ancestor entry
that applies to it (`planlint.resolve.applicable`: the same metric, the same or a broader mineral,
overlapping scope, region) and is binding is collected. One finding per plan indicator, against the nearest
such ancestor, citing all of them. A plan that does not state the indicator at all is the business of the
required-content kind, not of this one. Severity: the rule's policy for the ancestor's attribute (binding).

Params:
    plan_attributes: the plan attributes reported (expected, unspecified; default both)
    metrics: the metrics checked (default: all)

Example (FAIL): ancestor `large_medium_ratio >= 60 %, attribute: binding`; plan
`large_medium_ratio >= 65 %, attribute: expected`.
Example (PASS): the plan states `large_medium_ratio >= 65 %, attribute: binding`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context, bound, format_value
from planlint.findings import Finding
from planlint.i18n import both, scope_suffix
from planlint.resolve import applicable
from planlint.rules import Rule

KIND = "binding_carried"

ATTRIBUTE_WORDS = {
    "expected": {"zh": "，却列为预期性指标", "en": "as expected (预期性)"},
    "unspecified": {"zh": "，未注明为约束性指标", "en": "without an attribute"},
}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plan_attributes: tuple[Literal["expected", "unspecified"], ...] = ("expected", "unspecified")
    metrics: tuple[str, ...] | None = None


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    for plan_id in context.targets:
        plan = context.plan(plan_id)
        for row in context.index.of(plan_id):
            if row.zone is not None or row.attribute not in params.plan_attributes:
                continue
            if params.metrics is not None and row.metric not in params.metrics:
                continue
            binding = [
                candidate
                for ancestor in context.ancestors(plan_id)
                for candidate in applicable(context.index, ancestor, row, plan)
                if candidate.attribute == "binding"
            ]
            if not binding:
                continue
            nearest = binding[0]
            metric = context.vocabulary.require_metric(row.metric)
            citations = [context.cite(s.plan, s.cite, "ancestor") for s in binding]
            citations.append(context.cite(plan_id, row.cite, "plan"))
            yield context.finding(
                rule,
                plan=plan_id,
                against=nearest.plan,
                severity=rule.severity_for(nearest.attribute),
                metric=row.metric,
                mineral=row.indicator.mineral,
                subject=f"{row.indicator.mineral}|{row.scope}|{row.cite.line}",
                expected=bound(nearest.indicator),
                actual=bound(row.indicator),
                values={
                    "mineral": {
                        "zh": row.indicator.mineral or "",
                        "en": f"{row.indicator.mineral} " if row.indicator.mineral else "",
                    },
                    "metric_name": {"zh": metric.zh, "en": metric.en},
                    "actual": format_value(row.indicator),
                    "expected": format_value(nearest.indicator),
                    "attribute": ATTRIBUTE_WORDS[row.attribute],
                    "scope": both(scope_suffix, row.scope),
                    "ancestor_scope": both(scope_suffix, nearest.scope),
                },
                citations=citations,
            )
