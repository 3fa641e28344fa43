"""period_alignment: a plan's period (base year, start, end) must equal each ancestor's.

For each plan judged and each ancestor (partial ancestors included: their period is recorded, though often
from the planning round rather than read from their text), the `fields` of the two periods are compared.
One finding per plan and ancestor naming the fields that differ. The plan files record the period without a
line, so both citations have line null and the message says so. Severity: the rule's, or
`partial_severity` when the ancestor is only partly known.

Params:
    fields: the period fields compared (base, start, end, outlook; default base, start, end)
    partial_severity: the severity against a partial ancestor (default warning)

Example (FAIL): ancestor `period: {base: 2020, start: 2021, end: 2025}`; plan
`period: {base: 2019, start: 2021, end: 2025}`.
Example (PASS): both `period: {base: 2020, start: 2021, end: 2025, outlook: 2035}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context
from planlint.findings import Finding, Severity
from planlint.model import Period
from planlint.rules import Rule

KIND = "period_alignment"

Field = Literal["base", "start", "end", "outlook"]
FIELD_WORDS: dict[str, dict[str, str]] = {
    "base": {"zh": "基期", "en": "base year"},
    "start": {"zh": "起始年", "en": "start year"},
    "end": {"zh": "目标年", "en": "end year"},
    "outlook": {"zh": "展望年", "en": "outlook year"},
}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fields: tuple[Field, ...] = ("base", "start", "end")
    partial_severity: Severity = "warning"


def period_text(period: Period, fields: tuple[str, ...], lang: str) -> str:
    """The compared fields of a period: '基期2020年，2021—2025年' / 'base year 2020, 2021–2025'."""
    years = [f for f in fields if f not in ("start", "end") and getattr(period, f) is not None]
    if lang == "zh":
        parts = [f"{FIELD_WORDS[f]['zh']}{getattr(period, f)}年" for f in years]
        return "，".join([*parts, f"{period.start}—{period.end}年"])
    parts = [f"{FIELD_WORDS[f]['en']} {getattr(period, f)}" for f in years]
    return ", ".join([*parts, f"{period.start}–{period.end}"])


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    for plan_id in context.targets:
        period = context.plan(plan_id).period
        for ancestor_id in context.ancestors(plan_id):
            ancestor = context.plan(ancestor_id)
            differ = [
                f
                for f in params.fields
                if getattr(period, f) is not None
                and getattr(ancestor.period, f) is not None
                and getattr(period, f) != getattr(ancestor.period, f)
            ]
            if not differ:
                continue
            severity = params.partial_severity if ancestor.is_partial else rule.severity_for(None)
            yield context.finding(
                rule,
                plan=plan_id,
                against=ancestor_id,
                severity=severity,
                subject=f"period|{'/'.join(differ)}",
                values={
                    "actual": {lang: period_text(period, params.fields, lang) for lang in ("zh", "en")},
                    "expected": {
                        lang: period_text(ancestor.period, params.fields, lang) for lang in ("zh", "en")
                    },
                    "fields": {
                        "zh": "、".join(FIELD_WORDS[f]["zh"] for f in differ),
                        "en": ", ".join(FIELD_WORDS[f]["en"] for f in differ),
                    },
                },
                citations=[context.cite(ancestor_id, None, "ancestor"), context.cite(plan_id, None, "plan")],
            )
