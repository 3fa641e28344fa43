"""What a plan's ancestors require of it: the checklist a county bureau drafts against (`planlint requirements`).

Floors, caps, ratios and per-mine limits of every ancestor that apply in the plan's regions; prohibited and
restricted minerals; zones the ancestors place in the plan's territory; and which ancestors are only partly
known. Each item cites the ancestor's clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from planlint.citing import citation
from planlint.context import Context
from planlint.evaluate import judged_plans
from planlint.findings import Citation
from planlint.i18n import scope_suffix
from planlint.messages import format_value
from planlint.project import Project

CATEGORY_ORDER = ("floor", "cap", "binding", "prohibited", "restricted", "zone", "unknown")
CATEGORY_TEXT = {
    "floor": {"zh": "下限（不得低于）", "en": "floors (not lower than)"},
    "cap": {"zh": "上限（不得超过）", "en": "caps (not higher than)"},
    "binding": {"zh": "约束性指标（须同为约束性）", "en": "binding indicators (must stay binding)"},
    "prohibited": {"zh": "禁止开采矿种", "en": "prohibited minerals"},
    "restricted": {"zh": "限制开采矿种（不得列为鼓励）", "en": "restricted minerals (not to be encouraged)"},
    "zone": {"zh": "须落实的上级规划分区", "en": "ancestor zones to carry into the plan"},
    "unknown": {"zh": "内容部分未知的上级规划", "en": "ancestors known only in part"},
}


@dataclass(frozen=True)
class Requirement:
    category: str
    ancestor: str
    text: dict[str, str]
    citation: Citation


def _label(metric_zh: str, metric_en: str, mineral: str | None, scope: object, bound: str) -> dict[str, str]:
    name = mineral or ""
    return {
        "zh": f"{metric_zh} {name}{scope_suffix(scope, 'zh')} {bound}".replace("  ", " "),
        "en": f"{metric_en} {name}{scope_suffix(scope, 'en')} {bound}".replace("  ", " "),
    }


def requirements(project: Project, plan_id: str) -> list[Requirement]:
    """Everything the ancestors of `plan_id` require of it, in a stable order."""
    judged_plans(project, [plan_id])  # an unknown id is a clear error
    context = Context(project, (plan_id,))
    plan = context.plan(plan_id)
    # NOTE: only limits bind lower plans; exploration targets and output values are the ancestor's own goals
    limits = frozenset(project.vocabulary.metrics_of("limit"))
    items: list[Requirement] = []
    for ancestor in context.ancestors(plan_id):
        upper = context.plan(ancestor)
        for stated in context.index.of(ancestor):
            region = stated.scope.region
            if stated.metric not in limits or stated.zone is not None:
                continue
            if region is not None and region not in plan.regions:
                continue
            metric = context.vocabulary.require_metric(stated.metric)
            label = _label(
                metric.zh, metric.en, stated.indicator.mineral, stated.scope, format_value(stated.indicator)
            )
            cite = citation(upper, stated.cite, "ancestor")
            if stated.indicator.op in (">=", ">"):
                items.append(Requirement("floor", ancestor, label, cite))
            elif stated.indicator.op in ("<=", "<"):
                items.append(Requirement("cap", ancestor, label, cite))
            if stated.attribute == "binding":
                items.append(Requirement("binding", ancestor, label, cite))
        for category in ("prohibited", "restricted"):
            for entry in getattr(upper.minerals, category):
                text = {"zh": entry.mineral, "en": entry.mineral}
                items.append(Requirement(category, ancestor, text, citation(upper, entry.cite, "ancestor")))
        for zone in context.hierarchy.zones_located_in(ancestor, plan_id):
            kind = context.vocabulary.require_zone_kind(zone.kind)
            text = {"zh": f"{zone.name}（{kind.zh}）", "en": f"{zone.name} ({kind.en})"}
            items.append(Requirement("zone", ancestor, text, citation(upper, zone.cite, "ancestor")))
        if upper.is_partial:
            text = {"zh": f"{upper.name}：仅部分内容可考", "en": f"{upper.name}: only partly known"}
            items.append(Requirement("unknown", ancestor, text, Citation("ancestor", ancestor, upper.name)))
    return sorted(items, key=lambda r: (CATEGORY_ORDER.index(r.category), r.ancestor, r.citation.line or 0))
