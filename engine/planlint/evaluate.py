"""The evaluator: run every rule's kind over the plans to judge, and collect sorted, unique findings.

A dispatcher with no domain decisions: those live in the kind modules (`planlint.kinds`) and in
`planlint.resolve`. Only plans with `completeness: full` are judged; partial plans are context.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from planlint.api import Project
from planlint.errors import PlanlintError
from planlint.findings import Bound, Citation, Finding, PlanSummary, Report, Severity
from planlint.hierarchy import Hierarchy
from planlint.loader import gc_paused
from planlint.model import Cite, Indicator, Plan
from planlint.resolve import Index
from planlint.rules import Rule
from planlint.vocabulary import Vocabulary

OP_SIGNS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "=", "range": ""}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_value(indicator: Indicator) -> str:
    """An indicator's bound as a reader would write it: '≥ 100 万吨/年', '10–15 %'."""
    value = indicator.value
    if isinstance(value, tuple):
        return f"{_number(value[0])}–{_number(value[1])} {indicator.unit}"
    return f"{OP_SIGNS[indicator.op]} {_number(value)} {indicator.unit}".strip()


def _number(value: float) -> str:
    return f"{value:.12g}"


def bound(indicator: Indicator) -> Bound:
    return Bound(indicator.op, indicator.value, indicator.unit)


@dataclass
class Context:
    """What kinds see: the typed plans, their prepared indicators, and helpers to build findings."""

    project: Project
    targets: tuple[str, ...]

    @property
    def hierarchy(self) -> Hierarchy:
        return self.project.hierarchy

    @property
    def vocabulary(self) -> Vocabulary:
        return self.project.vocabulary

    @cached_property
    def index(self) -> Index:
        return Index(self.hierarchy.plans, self.vocabulary)

    def plan(self, plan_id: str) -> Plan:
        return self.hierarchy.plan(plan_id)

    def ancestors(self, plan_id: str) -> tuple[str, ...]:
        return self.hierarchy.ancestors(plan_id)

    def cite(self, plan_id: str, cite: Cite | None, role: str) -> Citation:
        """A citation of a plan's place; `cite=None` means the plan is silent there."""
        plan = self.plan(plan_id)
        if cite is not None and cite.ref is not None:
            source = next(s for s in plan.sources if s.id == cite.ref)
            document = source.title or source.url
            locator = " · ".join(x for x in (source.url, cite.locator) if x)
            return Citation(role, plan_id, document, cite.section, cite.table, None, locator or None)  # type: ignore[arg-type]
        document = plan.source.document
        if cite is None:
            return Citation(role, plan_id, document, None, None, None, None)  # type: ignore[arg-type]
        return Citation(role, plan_id, document, cite.section, cite.table, cite.line, None)  # type: ignore[arg-type]

    def finding(
        self,
        rule: Rule,
        *,
        plan: str,
        against: str | None,
        severity: Severity,
        values: Mapping[str, Any],
        citations: Sequence[Citation],
        metric: str | None = None,
        mineral: str | None = None,
        subject: str = "",
        expected: Bound | None = None,
        actual: Bound | None = None,
    ) -> Finding:
        """A finding with the rule's messages filled in and the norm cited first."""
        base = {"plan": plan, "against": against or "", "mineral": mineral or "", "metric": metric or ""}
        message = {}
        for lang in ("zh", "en"):
            fill = _Blank(base)
            fill.update({k: v[lang] if isinstance(v, dict) else v for k, v in values.items()})
            message[lang] = getattr(rule.spec.message, lang).format_map(fill)
        norm = Citation("norm", None, rule.spec.norm.document, None, None, None, rule.spec.norm.clause)
        return Finding(
            rule=rule.id,
            kind=rule.kind,
            severity=severity,
            plan=plan,
            against=against,
            message=message,
            citations=(norm, *dict.fromkeys(citations)),
            metric=metric,
            mineral=mineral,
            subject=subject,
            expected=expected,
            actual=actual,
        )


def judged_plans(project: Project, only: Iterable[str] | None = None) -> tuple[str, ...]:
    """The plans to judge: every fully known plan, or the ones asked for."""
    hierarchy = project.hierarchy
    if only:
        missing = [p for p in only if p not in hierarchy.loaded]
        if missing:
            known = ", ".join(sorted(hierarchy.loaded))
            raise PlanlintError(
                f"no loaded plan has id {missing[0]!r} (loaded: {known})",
                field="--plan",
                zh=f"没有载入 id 为 {missing[0]!r} 的规划（已载入：{known}）",
            )
        return tuple(sorted(only))
    return tuple(sorted(pid for pid, item in hierarchy.loaded.items() if not item.plan.is_partial))


def evaluate(project: Project, rules: Sequence[Rule], only: Iterable[str] | None = None) -> Report:
    """Run every rule over the plans to judge; return the findings sorted and without duplicates."""
    from planlint.kinds import REGISTRY

    context = Context(project, judged_plans(project, only))
    findings: dict[tuple[Any, ...], Finding] = {}
    with gc_paused():  # the prepared index and the findings are many small objects and no cycles
        for rule in rules:
            for finding in REGISTRY[rule.kind].check(context, rule):
                findings.setdefault(finding.sort_key() + (finding.citations,), finding)
        ordered = tuple(sorted(findings.values(), key=Finding.sort_key))
    return Report(_summaries(project, context.targets), ordered, tuple(rules))


def _summaries(project: Project, targets: tuple[str, ...]) -> tuple[PlanSummary, ...]:
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
                plan_id in targets,
                plan.source.document,
            )
        )
    return tuple(summaries)
