"""duplicate_indicator: an indicator stated twice in one plan says the same thing both times.

Plan-wide indicators (no zone) are grouped by metric, canonical mineral (through the vocabulary), scope
(mine, deposit, region, subset, zone all equal) and year. Within a group, each statement is compared with
the first one: the op and the bounds (as floats in base units, `Stated.low`/`high`) must agree. Identical
restatements (the 专栏 and the text repeating the same target, in any unit of the same dimension) are fine.
Statements whose units cannot be compared are not judged. One finding per differing statement, citing the
first statement and the differing one. With passes asked for, a statement that restates the first is a held
comparison citing both.

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

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.findings import Severity
from planlint.hits import Fragment, Held, Hit, MetricName, Place, ScopeWords, Value, Words, bound
from planlint.kinds._held import held_rows
from planlint.kinds._printed import slack
from planlint.model import Attribute
from planlint.params import Metric
from planlint.prepared import Stated

KIND = "duplicate_indicator"

ATTRIBUTE_RANK = {"binding": 0, "expected": 1, "unspecified": 2}
LOOSE = {">": ">=", "<": "<="}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metrics: tuple[Metric, ...] = ()
    strictness_severity: Severity = "info"


@dataclass(frozen=True, kw_only=True)
class Restated(Hit):
    """An indicator stated a second time with another bound."""

    PLACEHOLDERS = ("first", "second", "label", "scope", "year")

    first: Stated
    other: Stated

    def values(self) -> Mapping[str, Fragment]:
        first, other = self.first, self.other
        return {
            "first": Value(first.indicator),
            "second": Value(other.indicator),
            "label": other.indicator.label or first.indicator.label or _name(first),
            "scope": ScopeWords(first.scope),
            "year": str(first.indicator.year or ""),
        }


HITS = (Restated,)


def _name(stated: Stated) -> Fragment:
    """An indicator without a printed label, named by its mineral and metric ('萤石开采总量')."""
    if not stated.mineral:
        return MetricName(stated.metric)
    return Words.of("indicator.name", mineral=stated.mineral, metric=MetricName(stated.metric))


def _equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= slack(max(abs(a), abs(b)))


def _same_bounds(a: Stated, b: Stated) -> bool:
    return _equal(a.low, b.low) and _equal(a.high, b.high)


def _loose(op: str) -> str:
    return LOOSE.get(op, op)


def _stricter(a: Attribute, b: Attribute) -> Attribute:
    return min(a, b, key=ATTRIBUTE_RANK.__getitem__)


def _restated(rows: Iterable[Stated], metrics: tuple[str, ...]) -> list[list[Stated]]:
    """The plan-wide rows of the same metric, mineral, scope and year, where there are two or more, each
    group in order (groups ordered by their first row)."""
    first: dict[tuple[object, ...], Stated] = {}
    again: dict[tuple[object, ...], list[Stated]] = {}
    for stated in rows:
        if stated.zone is not None or (metrics and stated.metric not in metrics):
            continue
        scope = stated.scope  # its fields, in the one flat key
        key = (
            stated.metric,
            stated.mineral,
            scope.mine,
            scope.deposit,
            scope.region,
            scope.subset,
            scope.zone,
            stated.indicator.year,
        )
        seen = first.setdefault(key, stated)
        if seen is not stated:  # most rows are stated once: no group is made for them
            again.setdefault(key, [seen]).append(stated)
    return [again[key] for key in first if key in again]


def check(context: Context, params: Params) -> Iterator[Restated | Held]:
    for plan_id in context.targets:
        for items in _restated(context.index.of(plan_id), params.metrics):
            first = items[0]
            for other in items[1:]:
                if other.incomparable_with(first) is not None:
                    continue
                same_bounds = _same_bounds(first, other)
                if same_bounds and first.indicator.op == other.indicator.op:
                    if context.passes:
                        yield from held_rows(other, (first,), "plan")
                    continue
                only_strictness = same_bounds and _loose(first.indicator.op) == _loose(other.indicator.op)
                yield Restated(
                    plan=plan_id,
                    places=(Place("plan", plan_id, first.cite), Place("plan", plan_id, other.cite)),
                    attribute=_stricter(first.attribute, other.attribute),
                    severity=params.strictness_severity if only_strictness else None,
                    metric=first.metric,
                    mineral=first.indicator.mineral,
                    expected=bound(first.indicator),
                    actual=bound(other.indicator),
                    scope=first.scope,
                    year=first.indicator.year,
                    detail=(other.indicator.op, repr(other.indicator.value), other.indicator.unit),
                    first=first,
                    other=other,
                )
