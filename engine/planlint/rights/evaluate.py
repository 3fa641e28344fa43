"""The rights evaluator: run every rights rule over the prepared rights and render the hits as findings.

Kinds (`planlint.rights.kinds`) hold the domain logic and yield `RightHit`s: which right, which plan's rows
it breaks (or may break), the values for the rule's message. Rendering them — messages in both languages,
severity from the rule and the row's attribute, citations of the norm, the plan rows and the right itself —
happens here only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from planlint.api import Project
from planlint.findings import Bound, Citation, Finding, Message, PlanSummary, Report, RightSummary, Subject
from planlint.loader import gc_paused
from planlint.match import Index
from planlint.model import Cite, Plan, Zone
from planlint.prepared import Stated
from planlint.rights.match import Candidate, candidates
from planlint.rights.prepare import PreparedRight
from planlint.rules import Rule


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class RightHit:
    """What a kind found about one right: the plan whose rows it concerns and the message values."""

    right: PreparedRight
    plan: str
    values: Mapping[str, Any]
    rows: tuple[Stated, ...] = ()
    attribute: str | None = None
    expected: Bound | None = None
    actual: Bound | None = None
    metric: str | None = None
    subject: str = ""
    # other rights the finding rests on (rights of one jurisdiction taken together)
    others: tuple[PreparedRight, ...] = ()
    # a plan place that is not an indicator row (a zone, a mineral list entry)
    places: tuple[tuple[str, Cite], ...] = field(default=())


@dataclass
class RightsContext:
    """What rights kinds see: the loaded plans, their prepared rows and the prepared rights."""

    project: Project
    rights: tuple[PreparedRight, ...]
    # (plan, metric, what matching depends on) → candidates: a batch repeats the same mineral, kind,
    # deposit scale, region and zone, so each combination is matched once
    _matched: dict[tuple[str, str, tuple[object, ...]], tuple[Candidate, ...]] = field(default_factory=dict)
    # what a kind works out once per combination and reuses (keys start with the kind's own name)
    memo: dict[tuple[object, ...], Any] = field(default_factory=dict)

    def candidates(self, plan_id: str, right: PreparedRight, metric: str) -> tuple[Candidate, ...]:
        """The plan rows of `metric` that apply or may apply to the right (`planlint.rights.match`)."""
        key = (plan_id, metric, right.match_key)
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = tuple(candidates(self.index, plan_id, right, metric))
        return found

    @cached_property
    def index(self) -> Index:
        return Index(self.project.hierarchy.plans, self.project.vocabulary)

    def plan(self, plan_id: str) -> Plan:
        return self.project.hierarchy.plan(plan_id)

    def zones_named(self, right: PreparedRight) -> list[tuple[str, Zone]]:
        """The zones or blocks of the right's plans that bear the name the right gives, nearest plan first."""
        name = right.right.zone
        if not name:
            return []
        return [(p, z) for p in right.plans for z in self.plan(p).zones if z.name == name]


def render(context: RightsContext, rule: Rule, hit: RightHit) -> Finding:
    """A finding for a hit: the rule's message filled in, the norm cited first, the right cited last."""
    right = hit.right.right
    base = {
        "right": right.id,
        "name": right.name,
        "plan": hit.plan,
        "mineral": right.mineral,
        "capacity": f"{right.capacity.value:g} {right.capacity.unit}",
    }
    message = {}
    for lang in ("zh", "en"):
        fill = _Blank(base)
        fill.update({k: v[lang] if isinstance(v, dict) else v for k, v in hit.values.items()})
        message[lang] = getattr(rule.spec.message, lang).format_map(fill)
    subject = Subject(
        rule.id, hit.plan, metric=hit.metric, mineral=right.mineral, detail=(right.id, hit.subject)
    )
    norm = Citation("norm", None, rule.spec.norm.document, None, None, None, rule.spec.norm.clause)
    rows = [_plan_cite(context, s.plan, s.cite) for s in hit.rows]
    rows.extend(_plan_cite(context, plan_id, cite) for plan_id, cite in hit.places)
    own = [_right_cite(r) for r in (hit.right, *hit.others)]
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity_for(hit.attribute),
        plan=hit.plan,
        against=None,
        message=Message(zh=message["zh"], en=message["en"]),
        citations=(norm, *dict.fromkeys(rows), *dict.fromkeys(own)),
        metric=hit.metric,
        mineral=right.mineral,
        subject=subject,
        expected=hit.expected,
        actual=hit.actual,
        right=right.id,
    )


def _plan_cite(context: RightsContext, plan_id: str, cite: Cite) -> Citation:
    plan = context.plan(plan_id)
    if cite.ref is not None:
        source = next(s for s in plan.sources if s.id == cite.ref)
        locator = " · ".join(x for x in (source.url, cite.locator) if x)
        return Citation(
            "ancestor", plan_id, source.title or source.url, cite.section, cite.table, None, locator
        )
    return Citation("ancestor", plan_id, plan.source.document, cite.section, cite.table, cite.line, None)


def _right_cite(prepared: PreparedRight) -> Citation:
    right = prepared.right
    locator = " · ".join(x for x in (right.source.document, right.source.url) if x) or None
    return Citation("right", None, prepared.loaded.path.name, right.id, None, prepared.loaded.line, locator)


def evaluate_rights(project: Project, rights: Sequence[PreparedRight], rules: Sequence[Rule]) -> Report:
    """Run every rights rule over the rights; the findings sorted and without duplicates."""
    from planlint.rights.kinds import REGISTRY

    context = RightsContext(project, tuple(sorted(rights, key=lambda r: r.id)))
    findings: dict[tuple[Any, ...], Finding] = {}
    with gc_paused():
        for rule in rules:
            for hit in REGISTRY[rule.kind].check(context, rule):
                finding = render(context, rule, hit)
                findings.setdefault(finding.sort_key() + (finding.citations,), finding)
    ordered = tuple(sorted(findings.values(), key=Finding.sort_key))
    return Report(
        _plan_summaries(project, context.rights), ordered, tuple(rules), rights=_right_summaries(context)
    )


def _right_summaries(context: RightsContext) -> tuple[RightSummary, ...]:
    return tuple(RightSummary(r.id, r.right.name, r.right.jurisdiction, r.plans) for r in context.rights)


def _plan_summaries(project: Project, rights: Sequence[PreparedRight]) -> tuple[PlanSummary, ...]:
    used = {p for r in rights for p in r.plans}
    return tuple(
        PlanSummary(
            p.id, p.name, p.level, p.parents, p.jurisdiction, p.is_partial, p.id in used, p.source.document
        )
        for p in (item.plan for _, item in sorted(project.hierarchy.loaded.items()))
    )
