"""`--format json`: the report exactly as the JSON contract (../shared/design/cli-contract.md).

Beyond the contract's fields: each finding's `id` (and, in a review round, `waived`, `waiver_expired`,
`baseline`), each judged plan's `verdict` (pass | revise | review) with its words (`verdict_text`) and
why (`verdict_reason`), and at the top level `resolved` (with `--baseline`), `stale_waivers` and
`incomplete_waivers` (with `--waivers`: no 批准文号 or no expiry).
With `--show-passes`, `passes` lists each comparison that held: rule, kind, plan, against (the ancestor;
null for the plan's own rows), the values, its words (`message`, in --lang) and the citations. A nation has
hundreds of thousands: each pass is one line, written as it is made, after the rest of the report.
A check-rights report reviews the rights, not the plans: each entry of `rights` carries the verdict
(pass | revise | review | exempt), its words, why, and its counts, and the plans (what the rights were held
against) carry none.
"""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from planlint import __version__
from planlint.findings import Pass, PlanSummary, Report, RightSummary
from planlint.i18n import Lang
from planlint.report.render import Options, PassJSON, pass_text, reasons
from planlint.review import (
    finding_review,
    grounds,
    right_grounds,
    right_verdict,
    right_verdict_text,
    verdict_text,
)


def _plan(report: Report, plan: PlanSummary, options: Options) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": plan.id,
        "name": plan.name,
        "level": plan.level,
        "parents": list(plan.parents),
    }
    if plan.judged and not report.rights:
        found = grounds(report, plan.id)
        data["verdict"] = found.verdict
        data["verdict_text"] = verdict_text(found.verdict, options.lang)
        data["verdict_reason"] = reasons(found, options.lang)
    return data


def as_data(report: Report, options: Options) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tool": {"name": "planlint", "version": __version__},
        "plans": [_plan(report, p, options) for p in report.plans],
        "summary": report.summary(),
        "findings": [f.as_dict(options.lang) | finding_review(report, f) for f in report.findings],
    }
    review = report.review
    if review is not None:
        if review.baseline is not None:
            data["resolved"] = list(review.resolved)
        if review.stale:
            data["stale_waivers"] = [w.as_dict() for w in review.stale]
        if review.incomplete:
            data["incomplete_waivers"] = [w.as_dict() for w in review.incomplete]
        if review.unjudged or review.unjudged_waivers:
            data["not_judged"] = {
                "baseline": list(review.unjudged),
                "waivers": [w.finding for w in review.unjudged_waivers],
            }
    if report.rights:
        data["rights"] = [_right(report, r, options) for r in report.rights]
    return data


def _right(report: Report, right: RightSummary, options: Options) -> dict[str, Any]:
    code = right_verdict(report, right.id)
    return {
        "id": right.id,
        "name": right.name,
        "jurisdiction": right.jurisdiction,
        "plans": list(right.plans),
        "verdict": code,
        "verdict_text": right_verdict_text(code, options.lang),
        "verdict_reason": reasons(right_grounds(report, right.id), options.lang),
        "summary": report.right_summary(right.id),
    }


def write(report: Report, options: Options, out: TextIO) -> None:
    """The report into `out`; its passes last, one a line, each encoded and written on its own (a nation's
    would take gigabytes as one indented string)."""
    text = json.dumps(as_data(report, options), ensure_ascii=False, indent=2)
    if report.passes is None:
        out.write(text + "\n")
        return
    out.write(text[: -len("\n}")] + ',\n  "passes": [')
    separator = "\n    "
    encoder = PassJSON()  # each bound and cited place encoded once: a nation's passes repeat a few thousand
    for held in report.passes:
        out.write(separator)
        out.write(_pass_line(held, options.lang, encoder))
        separator = ",\n    "
    out.write("\n  ]\n}\n" if report.passes else "]\n}\n")


def _pass_line(held: Pass, lang: Lang, encoder: PassJSON) -> str:
    """A pass as JSON text on one line: `Pass.as_dict` with its message, written piece by piece."""
    text = encoder.text
    citations = ", ".join(encoder.citation(c) for c in held.citations)
    return (
        f'{{"id": {text(held.id)}, "rule": {text(held.rule)}, "kind": {text(held.kind)}, '
        f'{encoder.values(held)}, "message": {text(pass_text(held, lang))}, "citations": [{citations}]}}'
    )


def render(report: Report, options: Options) -> str:
    buffer = io.StringIO()
    write(report, options, buffer)
    return buffer.getvalue()
