"""The rights evaluator: run every rights rule over the prepared rights and render the hits as findings.

Kinds (`planlint.rights.kinds`) hold the domain logic and yield `RightHit`s: which right, which plan's rows
it breaks (or may break), the values for the rule's message. Rendering them — messages in both languages,
severity from the rule and the row's attribute, citations of the norm, the plan rows and the right itself —
happens here only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from planlint.api import Project
from planlint.citing import citation, norm_citation
from planlint.evaluate import numbered, shared_full_order
from planlint.findings import (
    Bound,
    Citation,
    Finding,
    Message,
    Pass,
    PlanSummary,
    Report,
    RightSummary,
    Subject,
)
from planlint.loader import gc_paused
from planlint.match import Index
from planlint.model import Cite, Plan, Zone
from planlint.passes import Citations, PassCollector
from planlint.prepared import Stated
from planlint.remedy import remedy_template
from planlint.rights.match import Candidate, candidates
from planlint.rights.model import Reserves
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


@dataclass(frozen=True)
class RightHeld(RightHit):
    """A check of one right that held: the plan rows (or places) it was checked against and the values.
    Kinds build these only when the context asks for passes (`RightsContext.passes`)."""

    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class RightsContext:
    """What rights kinds see: the loaded plans, their prepared rows and the prepared rights; `passes`: whether
    kinds also yield a `RightHeld` for each check that held (tested before building any)."""

    project: Project
    rights: tuple[PreparedRight, ...]
    passes: bool = False
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


def _subject(rule: Rule, hit: RightHit) -> Subject:
    right = hit.right.right
    return Subject(
        rule.id, hit.plan, metric=hit.metric, mineral=right.mineral, detail=(right.id, hit.subject)
    )


def _citations(context: RightsContext, rule: Rule, hit: RightHit) -> tuple[Citation, ...]:
    """The norm, the plan rows and places the right was checked against, then the right (and others counted)."""
    norm = norm_citation(rule.spec.norm)
    rows = [_plan_cite(context, s.plan, s.cite) for s in hit.rows]
    rows.extend(_plan_cite(context, plan_id, cite) for plan_id, cite in hit.places)
    own = [_right_cite(r) for r in (hit.right, *hit.others)]
    return (norm, *dict.fromkeys(rows), *dict.fromkeys(own))


def held_pass(rule: Rule, held: RightHeld, about: Subject, citations: tuple[Citation, ...]) -> Pass:
    """A check of a right that held, as a pass: the right (`right`) held against a plan (`plan` and
    `against`), its subject, what it was checked against (cited), and the values."""
    return Pass(
        rule=rule.id,
        kind=rule.kind,
        plan=held.plan,
        against=held.plan,
        citations=citations,
        subject=about,
        metric=held.metric,
        mineral=held.right.right.mineral,
        expected=held.expected,
        actual=held.actual,
        right=held.right.right.id,
        expected_scope=held.rows[0].scope if len(held.rows) == 1 else None,
    )


def _shared_citations(
    context: RightsContext, rule: Rule, hit: RightHit, cited: Citations
) -> tuple[Citation, ...]:
    """`_citations`, each place's citation made once per run and shared."""
    norm = cited.norm(rule.spec.norm)
    places = [(s.plan, s.cite) for s in hit.rows] + list(hit.places)
    rows = [cited.of_place(context.plan, plan_id, cite, "ancestor") for plan_id, cite in places]
    own = [
        cited.get(("right", r.id, r.loaded.path, r.loaded.line), partial(_right_cite, r))
        for r in (hit.right, *hit.others)
    ]
    return (norm, *dict.fromkeys(rows), *dict.fromkeys(own))


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
    template = remedy_template(rule.kind, rule.params, "")
    remedy = {}
    for lang in ("zh", "en"):
        fill = _Blank(base)
        fill.update({k: v[lang] if isinstance(v, dict) else v for k, v in hit.values.items()})
        message[lang] = getattr(rule.spec.message, lang).format_map(fill)
        if template is not None:
            remedy[lang] = template[lang].format_map(fill)
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity_for(hit.attribute),
        plan=hit.plan,
        against=None,
        message=Message(zh=message["zh"], en=message["en"]),
        citations=_citations(context, rule, hit),
        metric=hit.metric,
        mineral=right.mineral,
        subject=_subject(rule, hit),
        expected=hit.expected,
        actual=hit.actual,
        right=right.id,
        remedy=Message(zh=remedy["zh"], en=remedy["en"]) if remedy else None,
    )


def _plan_cite(context: RightsContext, plan_id: str, cite: Cite) -> Citation:
    """A plan row a right is held against: the ancestor's place, cited as any plan's (`citing.citation`)."""
    return citation(context.plan(plan_id), cite, "ancestor")


def _right_cite(prepared: PreparedRight) -> Citation:
    right = prepared.right
    locator = " · ".join(x for x in (right.source.document, right.source.url) if x) or None
    return Citation("right", None, prepared.loaded.path.name, right.id, None, prepared.loaded.line, locator)


def evaluate_rights(
    project: Project,
    rights: Sequence[PreparedRight],
    rules: Sequence[Rule],
    with_passes: bool = False,
    count_passes_only: bool = False,
) -> Report:
    """Run every rights rule over the rights; the findings sorted and without duplicates (and, `with_passes`,
    every check that held: kept, or only counted per right and plan when `count_passes_only`)."""
    from planlint.rights.kinds import REGISTRY

    context = RightsContext(project, tuple(sorted(rights, key=lambda r: r.id)), passes=with_passes)
    findings: dict[tuple[Any, ...], Finding] = {}
    collector = PassCollector(not count_passes_only, lambda p: p.right or "", shared_full_order(), numbered)
    cited = Citations()
    with gc_paused():
        for rule in rules:
            for hit in REGISTRY[rule.kind].check(context, rule):
                if with_passes and isinstance(hit, RightHeld):
                    about, citations = _subject(rule, hit), _shared_citations(context, rule, hit, cited)
                    made = partial(held_pass, rule, hit, about, citations)
                    collector.add(about, citations, hit.plan, hit.right.right.id, made)
                    continue
                finding = render(context, rule, hit)
                findings.setdefault(finding.sort_key() + (finding.citations,), finding)
            collector.rule_done()
        passes = collector.passes() if with_passes else None
    ordered = tuple(sorted(findings.values(), key=Finding.sort_key))
    return Report(
        _plan_summaries(project, context.rights),
        ordered,
        tuple(rules),
        rights=_right_summaries(context),
        passes=passes,
        pass_counts=collector.counts if with_passes else None,
    )


def _right_summaries(context: RightsContext) -> tuple[RightSummary, ...]:
    return tuple(
        RightSummary(r.id, r.right.name, r.right.jurisdiction, r.plans, _record(r), _right_cite(r))
        for r in context.rights
    )


def _record(prepared: PreparedRight) -> tuple[tuple[str, str], ...]:
    """The right's own record as printed, for a reviewer to read beside the plan rows (reporters word it)."""
    right = prepared.right
    reserves = right.reserves
    printed = {
        "location": right.location,
        "mineral": right.mineral,
        "kind": right.kind,
        "capacity": f"{right.capacity.value:g} {right.capacity.unit}",
        "reserves": _reserves_text(reserves) if reserves else None,
        "term_years": f"{right.term_years:g}" if right.term_years is not None else None,
        "deposit": right.deposit,
        "zone": right.zone,
        "region": right.region,
        "method": right.method,
    }
    return tuple((key, value) for key, value in printed.items() if value is not None)


def _plan_summaries(project: Project, rights: Sequence[PreparedRight]) -> tuple[PlanSummary, ...]:
    used = {p for r in rights for p in r.plans}
    return tuple(
        PlanSummary(
            p.id, p.name, p.level, p.parents, p.jurisdiction, p.is_partial, p.id in used, p.source.document
        )
        for p in (item.plan for _, item in sorted(project.hierarchy.loaded.items()))
    )


def _reserves_text(reserves: Reserves) -> str:
    """'1500 万吨', with the class when it is not the default 资源储量 ('800 万吨（可采储量）')."""
    amount = f"{reserves.value:g} {reserves.unit}"
    return amount if reserves.class_ == "资源储量" else f"{amount}（{reserves.class_}）"
