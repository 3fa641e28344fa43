"""required_content: a plan of a given level states the indicators such a plan must state.

Two modes:
- `ancestor_caps: false`: each judged plan of `level` must state at least one plan-wide entry of `metric`
  (any op: a cap, a floor or a target; zone limits and 基期 facts do not count). A silent plan gets one
  finding, `against: null`, with a plan citation whose line is null.
- `ancestor_caps: true`: for every mineral an ancestor caps with `metric` (plan-wide, op `<=`/`<`, in a
  region the plan lies in) that is present in the plan, the plan must state a plan-wide upper bound of
  `metric` for that mineral, a narrower one or a broader one (a broader cap bounds it too). "Present" means
  the plan plans to mine the mineral or a narrower one: an indicator of a metric that is not an exploration
  target (`role: exploration` in the vocabulary) or a zone or block whose kind is not of activity
  exploration names it. Exploration zones and the encouraged list do not count: the
  list mixes 重点勘查 and 重点开采, and a mineral only explored needs no extraction cap. One finding per
  mineral, against the nearest ancestor capping it, citing every ancestor row that caps it, a `line: null`
  plan citation (the plan is silent) and the first place the mineral appears in the plan. When a narrower
  mineral is reported, its broader ones are folded into that finding (one cap for the narrower settles both).

With passes asked for, a plan that states the metric is held (citing its first row), and so is each
mineral an ancestor caps for which the plan states a cap (citing the caps on both sides).

Severity is fixed by the rule pack (warning by default: a plan may state the number in an appendix or
table that was not published, so silence in the text is a gap to ask about rather than a breach).

Params:
    level: the plan level the requirement applies to (national | province | city | county; default county)
    metric: the metric that must be stated
    ancestor_caps: whether to require a cap per mineral capped by an ancestor (default false)

Example (FAIL): a county plan with `min_scale` rows but no `mine_count` (PL401); or its province caps
`extraction_total 锶 <= 50 矿石 万吨`, and the county has a 锶 zone and no 锶 cap (PL404).
Example (PASS): the county states `mine_count <= 28 个`, and `extraction_total 锶 <= 5 万吨/年`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.hits import Fragment, Held, Hit, MetricName, Place, Value, bound
from planlint.match import CAP_OPS, region_applies
from planlint.model import Cite, Level, Plan
from planlint.params import Metric
from planlint.prepared import Stated

KIND = "required_content"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Level = "county"
    metric: Metric
    ancestor_caps: bool = False


@dataclass(frozen=True, kw_only=True)
class MetricMissing(Hit):
    """The plan states no plan-wide row of a metric its level must state."""

    PLACEHOLDERS = ("metric_name",)

    def values(self) -> Mapping[str, Fragment]:
        return {"metric_name": MetricName(self.metric or "")}


@dataclass(frozen=True, kw_only=True)
class CapMissing(Hit):
    """The plan plans a mineral an ancestor caps, and states no cap for it."""

    PLACEHOLDERS = ("expected", "ancestor_mineral", "metric_name", "line")

    first: Stated
    present: Cite

    def values(self) -> Mapping[str, Fragment]:
        return {
            "expected": Value(self.first.indicator),
            "ancestor_mineral": self.first.indicator.mineral or self.mineral or "",
            "metric_name": MetricName(self.metric or ""),
            "line": str(self.present.line or self.present.locator or ""),
        }


HITS = (MetricMissing, CapMissing)


def emitted(params: Params) -> tuple[type[Hit], ...]:
    """The hit type a rule with these params yields."""
    return (CapMissing,) if params.ancestor_caps else (MetricMissing,)


def presence(context: Context, plan: Plan, mineral: str) -> Cite | None:
    """The first place (by line) where `mineral` or a narrower one appears in the plan, or None."""
    vocabulary = context.vocabulary
    exploration_metrics = vocabulary.metrics_of("exploration")
    exploration_zones = vocabulary.zone_kinds_for("exploration")
    places: list[tuple[str, Cite]] = [
        (s.mineral, s.cite)
        for s in context.index.of(plan.id)
        if s.mineral and s.metric not in exploration_metrics
    ]
    places += [
        (name, zone.cite)
        for zone in plan.zones
        if zone.kind not in exploration_zones
        for name in zone.minerals
    ]
    hits = [cite for name, cite in places if vocabulary.covers(mineral, name)]
    return min(hits, key=lambda c: (c.line or 0, c.ref or ""), default=None)


@dataclass(frozen=True)
class CapsStated:
    """The minerals a plan caps (its plan-wide upper bounds of one metric), and every broader one."""

    minerals: frozenset[str]
    broader: frozenset[str]

    @classmethod
    def of(cls, context: Context, plan_id: str, metric: str) -> CapsStated:
        rows = [
            s
            for s in context.index.of(plan_id, metric)
            if s.zone is None and s.high is not None and s.mineral is not None
        ]
        return cls(
            frozenset(s.mineral for s in rows if s.mineral), frozenset().union(*(s.lineage for s in rows))
        )

    def cover(self, mineral: str, lineage: frozenset[str]) -> bool:
        """Whether the plan caps `mineral` (of `lineage`), a narrower or a broader one (`_stated_cap`)."""
        return mineral in self.broader or not self.minerals.isdisjoint(lineage)


def _stated_cap(context: Context, plan_id: str, metric: str, mineral: str) -> Stated | None:
    """The plan's first plan-wide upper bound of `metric` for `mineral`, a narrower or a broader one."""
    wider = context.index.lineage_of(mineral)
    return next(
        (
            s
            for s in context.index.of(plan_id, metric)
            if s.zone is None
            and s.high is not None
            and s.mineral is not None
            and (mineral in s.lineage or s.mineral in wider)
        ),
        None,
    )


def _held_caps(context: Context, plan: Plan, params: Params, caps: dict[str, list[Stated]]) -> Iterator[Held]:
    """Each mineral an ancestor caps for which the plan states a cap: held, citing the caps on both sides."""
    for mineral in sorted(caps):
        own = _stated_cap(context, plan.id, params.metric, mineral)
        if own is not None:
            rows = caps[mineral]
            yield Held(
                plan=plan.id,
                against=rows[0].plan,
                places=(*(Place("ancestor", r.plan, r.cite) for r in rows), Place("plan", plan.id, own.cite)),
                metric=params.metric,
                mineral=mineral,
                expected=bound(rows[0].indicator),
                actual=bound(own.indicator),
            )


def _ancestor_caps(context: Context, plan: Plan, metric: str) -> dict[str, list[Stated]]:
    """Capped minerals of every ancestor (nearest first), each with the rows that cap it."""
    caps: dict[str, list[Stated]] = {}
    for ancestor in context.ancestors(plan.id):
        for row in context.index.of(ancestor, metric):
            if row.zone is None and row.mineral and row.indicator.op in CAP_OPS and region_applies(row, plan):
                caps.setdefault(row.mineral, []).append(row)
    return caps


def _missing_caps(context: Context, plan: Plan, params: Params) -> Iterator[CapMissing | Held]:
    caps = _ancestor_caps(context, plan, params.metric)
    if context.passes:
        yield from _held_caps(context, plan, params, caps)
    stated = CapsStated.of(context, plan.id, params.metric)
    missing = {
        m: cite
        for m in caps
        if not stated.cover(m, context.index.lineage_of(m))
        and (cite := presence(context, plan, m)) is not None
    }
    for mineral in sorted(missing):
        if any(other != mineral and mineral in context.vocabulary.lineage(other) for other in missing):
            continue  # a narrower missing mineral carries this one
        folded = [m for m in sorted(missing) if m in context.vocabulary.lineage(mineral)]
        rows = [row for m in folded for row in caps[m]]
        first = caps[mineral][0]
        yield CapMissing(
            plan=plan.id,
            against=first.plan,
            places=(
                *(Place("ancestor", row.plan, row.cite) for row in rows),
                Place("plan", plan.id),
                Place("plan", plan.id, missing[mineral]),
            ),
            attribute=first.attribute,
            metric=params.metric,
            mineral=mineral,
            first=first,
            present=missing[mineral],
        )


def check(context: Context, params: Params) -> Iterator[MetricMissing | CapMissing | Held]:
    for plan_id in context.targets:
        plan = context.plan(plan_id)
        if plan.level != params.level:
            continue
        if params.ancestor_caps:
            yield from _missing_caps(context, plan, params)
            continue
        first = next((s for s in context.index.of(plan_id, params.metric) if s.zone is None), None)
        if first is None:
            yield MetricMissing(plan=plan_id, places=(Place("plan", plan_id),), metric=params.metric)
        elif context.passes:
            yield Held(plan=plan_id, places=(Place("plan", plan_id, first.cite),), metric=params.metric)
