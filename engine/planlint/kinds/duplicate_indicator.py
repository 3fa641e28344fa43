"""duplicate_indicator: an indicator stated twice in one plan says the same thing both times.

Plan-wide indicators (no zone) are grouped by metric, canonical mineral (through the vocabulary), scope
(mine, deposit, region, subset, zone all equal) and year. Within a group, each statement is compared with
the first one: the op and the bounds (as floats in base units, `Stated.low`/`high`) must agree. Identical
restatements (the 专栏 and the text repeating the same target, in any unit of the same dimension) are fine.
Statements whose units cannot be compared are not judged. One finding per differing statement, citing the
first statement and the differing one.

Severity: by the stricter attribute of the two statements (binding over expected over unspecified),
except when only the strictness of the op differs (超过 40% vs ≥ 40%: `>` vs `>=` on the same number),
which gets `strictness_severity`.

Params:
    metrics: the metrics to compare (empty: all)
    strictness_severity: error | warning | info (default info)

Example (FAIL): `large_medium_ratio >= 60 %` (专栏) and `large_medium_ratio >= 50 %` (text), same year.
Example (PASS): `extraction_total 建筑石料 <= 1500 矿石万吨` and `<= 1500 万吨` (same number restated).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context, bound, format_value
from planlint.findings import Finding, Severity
from planlint.i18n import both, scope_suffix
from planlint.kinds._printed import slack
from planlint.resolve import Stated
from planlint.rules import Rule

KIND = "duplicate_indicator"

ATTRIBUTE_RANK = {"binding": 0, "expected": 1, "unspecified": 2}
LOOSE = {">": ">=", "<": "<="}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metrics: tuple[str, ...] = ()
    strictness_severity: Severity = "info"


def _equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= slack(max(abs(a), abs(b)))


def _same_bounds(a: Stated, b: Stated) -> bool:
    return _equal(a.low, b.low) and _equal(a.high, b.high)


def _loose(op: str) -> str:
    return LOOSE.get(op, op)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    for plan_id in context.targets:
        groups: dict[tuple[object, ...], list[Stated]] = defaultdict(list)
        for stated in context.index.of(plan_id):
            if stated.zone is not None or (params.metrics and stated.metric not in params.metrics):
                continue
            groups[(stated.metric, stated.mineral, stated.scope, stated.indicator.year)].append(stated)
        for items in groups.values():
            first = items[0]
            for other in items[1:]:
                if other.incomparable_with(first) is not None:
                    continue
                same_bounds = _same_bounds(first, other)
                if same_bounds and first.indicator.op == other.indicator.op:
                    continue
                if same_bounds and _loose(first.indicator.op) == _loose(other.indicator.op):
                    severity = params.strictness_severity
                else:
                    attribute = min(first.attribute, other.attribute, key=ATTRIBUTE_RANK.__getitem__)
                    severity = rule.severity_for(attribute)
                yield context.finding(
                    rule,
                    plan=plan_id,
                    against=None,
                    severity=severity,
                    metric=first.metric,
                    mineral=first.indicator.mineral,
                    subject=f"{first.metric}|{first.mineral}|{first.scope}|{first.indicator.year}|{other.cite.line}",
                    expected=bound(first.indicator),
                    actual=bound(other.indicator),
                    values={
                        "first": format_value(first.indicator),
                        "second": format_value(other.indicator),
                        "label": other.indicator.label or first.indicator.label or first.metric,
                        "scope": both(scope_suffix, first.scope),
                        "year": first.indicator.year or "",
                    },
                    citations=[context.cite(plan_id, s.cite, "plan") for s in (first, other)],
                )
