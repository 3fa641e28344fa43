"""incomparable_units: an ancestor's entry applies to a plan's entry, but their units cannot be compared.

For each judged plan, each of its entries of the listed metrics (plan-wide and zone limits) and each ancestor
entry that `planlint.resolve.applicable` matches to it (same or broader mineral, overlapping scope, region):
when the two units differ in dimension (tonnes against cubic metres) or in basis (ore against metal or
mineral tonnes), the comparison the other rules would make is impossible without a stated conversion. Each
such pair is its own finding, naming both units and the reason, so no check passes silently. Severity
follows the attribute of the ancestor's entry (the rule pack sets how much a skipped check weighs).

Params:
    metrics: the metrics whose pairs are examined (default: min_scale, extraction_total, max_scale,
        large_medium_ratio, min_service_years, mine_count)

Example (FAIL): ancestor `extraction_total 萤石 <= 100 矿石 万吨`; plan `extraction_total 萤石 <= 17 矿物量万吨`
(ore against mineral tonnes), or `min_scale 建筑石料 >= 10 万立方米/年` against an ancestor's `>= 50 万吨/年`.
Example (PASS): the plan states `<= 170000 吨/年` on an ore basis: the units differ but convert.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context, bound, format_value
from planlint.findings import Finding
from planlint.i18n import both, scope_suffix
from planlint.resolve import Stated, applicable
from planlint.rules import Rule
from planlint.units import BASIS_LABELS

KIND = "incomparable_units"

DIMENSION_WORDS: tuple[tuple[str, str, str], ...] = (
    ("[mass]", "质量", "mass"),
    ("[length] ** 3", "体积", "volume"),
    ("[length] ** 2", "面积", "area"),
    ("[item]", "个数", "count"),
    ("[currency]", "金额", "money"),
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metrics: tuple[str, ...] = (
        "min_scale",
        "extraction_total",
        "max_scale",
        "large_medium_ratio",
        "min_service_years",
        "mine_count",
    )


def _dimension(stated: Stated, lang: str) -> str:
    dimension = stated.unit.dimension
    for key, zh, en in DIMENSION_WORDS:
        if key in dimension:
            word = zh if lang == "zh" else en
            if "[time]" in dimension and "/" in dimension:
                return f"{word}/时间" if lang == "zh" else f"{word} per time"
            return word
    if dimension == "dimensionless":
        return "无量纲" if lang == "zh" else "dimensionless"
    return dimension


def _basis(stated: Stated, lang: str) -> str:
    return BASIS_LABELS[stated.basis][lang] or ("未注明" if lang == "zh" else "unstated")


def reason(row: Stated, other: Stated) -> dict[str, str] | None:
    """Why two entries cannot be compared, in both languages; None when they can."""
    if row.incomparable_with(other) is None:
        return None
    if row.unit.dimension != other.unit.dimension:
        return {
            lang: (
                f"量纲不同（{_dimension(row, lang)} 与 {_dimension(other, lang)}）"
                if lang == "zh"
                else f"different dimensions ({_dimension(row, lang)} and {_dimension(other, lang)})"
            )
            for lang in ("zh", "en")
        }
    return {
        lang: (
            f"计量基准不同（{_basis(row, lang)} 与 {_basis(other, lang)}）"
            if lang == "zh"
            else f"different bases ({_basis(row, lang)} and {_basis(other, lang)})"
        )
        for lang in ("zh", "en")
    }


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    for plan_id in context.targets:
        plan = context.plan(plan_id)
        for metric in params.metrics:
            name = context.vocabulary.require_metric(metric)
            for row in context.index.of(plan_id, metric):
                for ancestor in context.ancestors(plan_id):
                    for candidate in applicable(context.index, ancestor, row, plan):
                        why = reason(row, candidate)
                        if why is None:
                            continue
                        yield context.finding(
                            rule,
                            plan=plan_id,
                            against=ancestor,
                            severity=rule.severity_for(candidate.attribute),
                            metric=metric,
                            mineral=row.indicator.mineral,
                            subject=f"{row.indicator.mineral}|{row.scope}|{row.zone.name if row.zone else ''}"
                            f"|{candidate.cite.line}",
                            expected=bound(candidate.indicator),
                            actual=bound(row.indicator),
                            values={
                                "actual": format_value(row.indicator),
                                "expected": format_value(candidate.indicator),
                                "unit": row.indicator.unit,
                                "ancestor_unit": candidate.indicator.unit,
                                "reason": why,
                                "scope": both(scope_suffix, row.scope),
                                "ancestor_mineral": candidate.indicator.mineral or "",
                                "metric_name": {"zh": name.zh, "en": name.en},
                            },
                            citations=[
                                context.cite(ancestor, candidate.cite, "ancestor"),
                                context.cite(plan_id, row.cite, "plan"),
                            ],
                        )
