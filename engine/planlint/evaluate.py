"""The evaluator: run every rule's kind over the plans to judge and turn its hits into findings.

Kinds (`planlint.kinds`) decide what is wrong and yield typed hits; this module alone decides how a hit
reads as a finding: the rule's severity policy, the norm cited first, the places cited, the message in both
languages, and the finding's subject. Only plans with `completeness: full` are judged; partial plans are
context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from planlint.citing import citation, norm_citation
from planlint.context import Context
from planlint.errors import PlanlintError
from planlint.findings import Citation, Finding, Message, Pass, PlanSummary, Report, Severity, Subject
from planlint.hits import Fragment, Held, Hit
from planlint.i18n import WORDS, Lang
from planlint.kinds import REGISTRY
from planlint.loader import gc_paused
from planlint.messages import hit_values, render, words
from planlint.model import SCOPE_FIELDS, Scope
from planlint.passes import Citations, PassCollector
from planlint.project import Project
from planlint.remedy import remedy_template
from planlint.rules import Rule

LANGS: tuple[Lang, ...] = ("zh", "en")
Numbered = TypeVar("Numbered", Finding, Pass)


def judged_plans(project: Project, only: Iterable[str] | None = None) -> tuple[str, ...]:
    """The plans to judge: every fully known plan, or the ones asked for."""
    hierarchy = project.hierarchy
    if only:
        missing = [p for p in only if p not in hierarchy.loaded]
        if missing:
            known = sorted(hierarchy.loaded)
            raise PlanlintError(
                f"no loaded plan has id {missing[0]!r} (loaded: {', '.join(known)})",
                field="--plan",
                zh=f"没有载入 id 为 {missing[0]!r} 的规划（已载入：{'、'.join(known)}）",
            )
        partial = [p for p in only if hierarchy.loaded[p].plan.is_partial]
        if partial:
            raise PlanlintError(
                f"{partial[0]} is only partly known (kept to compare against): what it does not record is "
                "unknown, not absent, so it cannot be judged; check the plans below it",
                field="--plan",
                zh=f"{partial[0]} 仅部分已知（仅作对照）：未记录的内容未知，并非不存在，不能作为受检规划；"
                "请检查其下级规划",
            )
        return tuple(sorted(only))
    return tuple(sorted(pid for pid, item in hierarchy.loaded.items() if not item.plan.is_partial))


def evaluate(
    project: Project,
    rules: Sequence[Rule],
    only: Iterable[str] | None = None,
    with_passes: bool = False,
    count_passes_only: bool = False,
) -> Report:
    """Run every rule over the plans to judge; return the findings sorted and without duplicates (and,
    `with_passes`, every comparison that held: kept, or only counted per plan when `count_passes_only`)."""
    context = Context(project, judged_plans(project, only), passes=with_passes)
    findings: dict[tuple[Any, ...], Finding] = {}
    collector = PassCollector(not count_passes_only, lambda p: p.plan, shared_full_order(), numbered)
    cited = Citations()
    with gc_paused():  # the prepared index and the findings are many small objects and no cycles
        for rule in rules:
            norm = cited.norm(rule.spec.norm)
            for hit in REGISTRY[rule.kind].check(context, rule.params):
                if with_passes and isinstance(hit, Held):
                    about = subject(rule, hit, cited.scope_key(hit.scope, scope_key))
                    citations = _held_citations(context, hit, norm, cited)
                    made = partial(to_pass, rule, hit, about, citations)
                    collector.add(about, citations, hit.plan, None, made)
                    continue
                finding = to_finding(context, rule, hit)
                findings.setdefault(finding.sort_key() + (finding.citations,), finding)
            collector.rule_done()
        ordered = numbered(restatements_merged(sorted(findings.values(), key=full_order)))
        passes = collector.passes() if with_passes else None
    summaries = _summaries(project, context.targets)
    counts = collector.counts if with_passes else None
    return Report(summaries, ordered, tuple(rules), passes=passes, partial=bool(only), pass_counts=counts)


def _held_citations(context: Context, held: Held, norm: Citation, cited: Citations) -> tuple[Citation, ...]:
    """What a pass cites: the norm first, then the rows compared (the run's shared citations)."""
    return cited.cited(
        norm, (cited.of_place(context.plan, p.plan, p.cite, p.role, p.part) for p in held.places)
    )


def to_pass(rule: Rule, held: Held, about: Subject, citations: tuple[Citation, ...]) -> Pass:
    """A held comparison as a pass, with its subject and what it cites."""
    return Pass(
        rule=rule.id,
        kind=rule.kind,
        plan=held.plan,
        against=held.against,
        citations=citations,
        subject=about,
        metric=held.metric,
        mineral=held.mineral,
        expected=held.expected,
        actual=held.actual,
        expected_scope=held.against_scope,
    )


def full_order(finding: Finding | Pass) -> tuple[Any, ...]:
    """The report's order, ties broken by the citations: two findings alike but for the ancestor row they
    cite (a cap printed twice) must not keep the order the rows happened to be read in."""
    return (*finding.sort_key(), *(_citation_order(c) for c in finding.citations))


def shared_full_order() -> Callable[[Pass], tuple[Any, ...]]:
    """`full_order` for passes whose citations are a run's shared ones (`passes.Citations`): each
    citation's part of the key made once, not once per pass citing it."""
    orders: dict[int, tuple[Citation, tuple[Any, ...]]] = {}

    def order(held: Pass) -> tuple[Any, ...]:
        parts = []
        for cited in held.citations:
            found = orders.get(id(cited))
            if found is None:
                found = orders[id(cited)] = (cited, _citation_order(cited))
            parts.append(found[1])
        return (*held.sort_key(), *parts)

    return order


def _citation_order(citation: Citation) -> tuple[Any, ...]:
    c = citation
    return (
        c.role,
        c.plan or "",
        c.document or "",
        c.section or "",
        c.table or "",
        c.line or 0,
        c.locator or "",
    )


def restatements_merged(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per problem: a row a plan states twice (a 专栏 and the text) makes findings alike in all
    but the lines they cite; they become the first of them, citing every line (one id, one waiver)."""
    merged: dict[tuple[Any, ...], Finding] = {}
    for finding in findings:
        key = (finding.subject, finding.severity, finding.message)
        first = merged.get(key)
        if first is None:
            merged[key] = finding
        else:
            merged[key] = replace(first, citations=_cited_together(first.citations, finding.citations))
    return list(merged.values())


def _cited_together(first: tuple[Citation, ...], then: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """Both findings' citations, once each, grouped by role in the order the roles first come, each
    role's in document order."""
    every = dict.fromkeys((*first, *then))
    roles = dict.fromkeys(c.role for c in every)
    return tuple(
        c for role in roles for c in sorted((c for c in every if c.role == role), key=_citation_order)
    )


def numbered(findings: Iterable[Numbered]) -> tuple[Numbered, ...]:
    """The findings (or passes), those about an already seen subject numbered in order (a statement printed
    twice)."""
    seen: Counter[Subject] = Counter()
    result = []
    for finding in findings:
        seen[finding.subject] += 1
        count = seen[finding.subject]
        result.append(
            finding if count == 1 else replace(finding, subject=replace(finding.subject, occurrence=count))
        )
    return tuple(result)


def to_finding(context: Context, rule: Rule, hit: Hit) -> Finding:
    """A hit as a finding: severity by the rule's policy, the norm cited first, the message in both languages."""
    values = hit_values(hit)
    requirement = hit.requirement()
    required = (
        Message(**{lang: words(requirement, lang, context.vocabulary) for lang in LANGS})
        if requirement is not None
        else None
    )
    message = Message(**{lang: _message(rule, values, lang, context, required) for lang in LANGS})
    template = remedy_template(rule.kind, rule.params, type(hit).__name__)
    remedy_values = {**values, "required": requirement} if requirement is not None else values
    remedy = (
        Message(**{lang: render(template[lang], remedy_values, lang, context.vocabulary) for lang in LANGS})
        if template is not None
        else None
    )
    norm = norm_citation(rule.spec.norm)
    places = (citation(context.plan(p.plan), p.cite, p.role, p.part) for p in hit.places)
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=severity(rule, hit),
        plan=hit.plan,
        against=hit.against,
        message=message,
        citations=(norm, *dict.fromkeys(places)),
        subject=subject(rule, hit),
        metric=hit.metric,
        mineral=hit.mineral,
        expected=hit.expected,
        actual=hit.actual,
        requirement=required,
        remedy=remedy,
        also=hit.also_concerns(),
    )


def _message(
    rule: Rule, values: Mapping[str, Fragment], lang: Lang, context: Context, required: Message | None
) -> str:
    """The rule's message in `lang`, ending with what would satisfy the rule when that is a bound."""
    text = render(getattr(rule.spec.message, lang), values, lang, context.vocabulary)
    if required is None:
        return text
    return text + WORDS["requirement.suffix"][lang].format(required=required[lang])


def severity(rule: Rule, hit: Hit) -> Severity:
    """The kind's own severity when its params fix one, else the rule's policy for the hit's attribute."""
    return hit.severity or rule.severity_for(hit.attribute)


def subject(rule: Rule, hit: Hit | Held, scope: tuple[tuple[str, str], ...] | None = None) -> Subject:
    """What the finding is about, from the hit's identifying fields (`scope`: its scope's key, if known)."""
    return Subject(
        rule=rule.id,
        plan=hit.subject_plan(),
        against=hit.against,
        metric=hit.metric,
        mineral=hit.mineral,
        scope=scope_key(hit.scope) if scope is None else scope,
        zone=hit.zone,
        year=hit.year,
        detail=hit.detail,
    )


def scope_key(scope: Scope | None) -> tuple[tuple[str, str], ...]:
    """A scope's stated fields as (name, value) pairs; a plan-wide scope is empty."""
    if scope is None:
        return ()
    return tuple((name, str(value)) for name in SCOPE_FIELDS if (value := getattr(scope, name)) is not None)


def _summaries(project: Project, targets: tuple[str, ...]) -> tuple[PlanSummary, ...]:
    judged = frozenset(targets)
    summaries = []
    for plan_id, item in sorted(project.hierarchy.loaded.items()):
        plan = item.plan
        summaries.append(
            PlanSummary(
                plan.id,
                plan.name,
                plan.level,
                plan.parents,
                plan.jurisdiction,
                plan.is_partial,
                plan_id in judged,
                plan.source.document,
            )
        )
    return tuple(summaries)
