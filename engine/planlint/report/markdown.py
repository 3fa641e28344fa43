"""`--format markdown`: a memo-ready report — a summary table per plan and severity, then the findings
grouped by plan with every citation and, with `--docs`, the cited lines quoted. A check-rights report is a
review of the rights: a table of every right with its verdict, then the findings grouped by right, each
right's own record first.
"""

from __future__ import annotations

import re
from typing import Any

from planlint import __version__
from planlint.findings import SEVERITIES, Finding, Report, RightSummary
from planlint.i18n import Lang
from planlint.report.render import (
    Options,
    citation_place,
    citation_who,
    context_plans,
    count_cell,
    counterpart,
    finding_waiver,
    level_name,
    list_separator,
    norm_text,
    record_text,
    reported_plans,
    resolved_by_plan,
    resolved_heading,
    resolved_item,
    review_marks,
    review_notes,
    right_verdict_line,
    right_verdicts_text,
    rule_specs,
    rule_title,
    severity_counts,
    severity_name,
    summary_text,
    verdict_line,
    waiver_text,
)
from planlint.report.render import colon as colon_after
from planlint.report.sources import cited_quote
from planlint.report.words import word
from planlint.review import right_verdict, right_verdict_text, verdict, verdict_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(value: str) -> str:
    """Escape the characters Markdown would read as markup; keeps a line a line."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _summary(report: Report, lang: Lang) -> list[str]:
    severities = [severity_name(s, lang).capitalize() for s in SEVERITIES]
    header = [word(k, lang) for k in ("plan_col", "name_col", "level_col", "verdict")] + severities
    lines = [
        "| " + " | ".join(header) + " |",
        "| --- | --- | --- | --- | " + " | ".join("---:" for _ in SEVERITIES) + " |",
    ]
    for plan in reported_plans(report):
        counts = severity_counts(report, report.by_plan.get(plan.id, ()))
        level = level_name(plan.level, lang)
        judged = verdict_text(verdict(report, plan.id), lang) if plan.judged else ""
        cells = [f"`{plan.id}`", escape(plan.name), escape(level), judged] + _count_cells(counts, lang)
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(f"| **{word('total', lang)}** | | | | " + " | ".join(_total_cells(report, lang)) + " |")
    return lines


def _count_cells(counts: dict[str, tuple[int, int]], lang: Lang) -> list[str]:
    """A row's counts by severity: the counted findings, the waived apart ('0（另有 1 个已豁免）')."""
    return [escape(count_cell(counts[s], lang)) or "0" for s in SEVERITIES]


def _total_cells(report: Report, lang: Lang) -> list[str]:
    return [f"**{cell}**" for cell in _count_cells(severity_counts(report, report.findings), lang)]


def _finding(
    report: Report,
    number: int,
    finding: Finding,
    specs: dict[str, Any],
    options: Options,
    under_right: bool = False,
) -> list[str]:
    lang = options.lang
    colon = colon_after(lang)
    severity = severity_name(finding.severity, lang)
    title = rule_title(specs, finding.rule, lang)
    label, who = counterpart(finding, lang)
    if under_right:  # the right is the section's: name the plan whose row it breaks
        label, who = word("plan_col", lang), finding.plan
    heading = f"#### {number}. {severity} · {finding.rule}" + (f" {escape(title)}" if title else "")
    heading += "".join(f" · **{escape(mark)}**" for mark in review_marks(report, finding, lang))
    lines = [heading, "", f"*{label} `{who}`* — {escape(finding.text(lang))}", ""]
    lines.append(f"- **{word('finding_id', lang)}**{colon}`{finding.id}`")
    waiver = finding_waiver(report, finding)
    if waiver is not None:
        lines.append(f"- **{word(waiver[0], lang)}**{colon}{escape(waiver_text(waiver[1], lang))}")
    for citation in finding.citations:
        lines.append(
            f"- **{escape(citation_who(citation, lang, finding.plan))}**{colon}{escape(citation_place(citation, lang))}"
        )
        quote = cited_quote(options.docs, citation, options.texts)
        if quote:
            before, cited = quote
            if before:
                lines.append(
                    "  > " + " · ".join([*(escape(cell) for cell in before), f"**{escape(cited)}**"])
                )
            else:
                lines.append(f"  > {escape(cited)}")
    lines.append("")
    return lines


def _rules(report: Report, specs: dict[str, Any], lang: Lang) -> list[str]:
    fired = sorted({f.rule for f in report.findings})
    if not fired:
        return []
    lines = [
        f"## {word('rules', lang)}",
        "",
        f"| {word('rule_col', lang)} | {word('title_col', lang)} | {word('norm_col', lang)} |",
        "| --- | --- | --- |",
    ]
    for rule_id in fired:
        norm = norm_text(specs, rule_id, lang)
        lines.append(f"| `{rule_id}` | {escape(rule_title(specs, rule_id, lang))} | {escape(norm)} |")
    return lines + [""]


def _rights_summary(report: Report, lang: Lang) -> list[str]:
    severities = [severity_name(s, lang).capitalize() for s in SEVERITIES]
    keys = ("right_col", "name_col", "jurisdiction_col", "against_col", "verdict")
    header = [word(k, lang) for k in keys] + severities
    lines = [
        "| " + " | ".join(header) + " |",
        "| --- | --- | --- | --- | --- | " + " | ".join("---:" for _ in SEVERITIES) + " |",
    ]
    for right in report.rights:
        counts = severity_counts(report, report.by_right.get(right.id, ()))
        verdict = right_verdict_text(right_verdict(report, right.id), lang)
        plans = ", ".join(f"`{p}`" for p in right.plans)
        cells = [f"`{escape(right.id)}`", escape(right.name), escape(right.jurisdiction), plans, verdict]
        lines.append("| " + " | ".join(cells + _count_cells(counts, lang)) + " |")
    lines.append(f"| **{word('total', lang)}** | | | | | " + " | ".join(_total_cells(report, lang)) + " |")
    return lines


def _right(report: Report, right: RightSummary, specs: dict[str, Any], options: Options) -> list[str]:
    lang = options.lang
    verdict = right_verdict_text(right_verdict(report, right.id), lang)
    colon = colon_after(lang)
    lines = [f"### `{escape(right.id)}` {escape(right.name)} — {verdict}", ""]
    lines += [f"**{word('verdict', lang)}**{colon}{escape(right_verdict_line(report, right.id, lang))}", ""]
    place = f" — {escape(citation_place(right.cited, lang))}" if right.cited is not None else ""
    lines += [f"**{word('right_record', lang)}**{colon}{escape(record_text(right, lang))}{place}", ""]
    findings = report.by_right.get(right.id, ())
    if not findings:
        lines += [word("no_findings", lang), ""]
    for number, finding in enumerate(findings, start=1):
        lines += _finding(report, number, finding, specs, options, under_right=True)
    return lines


def _resolved(report: Report, lang: Lang) -> list[str]:
    """The findings the baseline raised and this round no longer has, under their plan, after the summary."""
    groups = resolved_by_plan(report)
    if not groups:
        return []
    lines = [f"## {word('resolved_heading', lang)}", ""]
    for plan, ids in groups:
        lines += [f"### {escape(resolved_heading(report, plan, lang))}", ""]
        lines += [f"- {escape(resolved_item(report, i, lang))}" for i in ids] + [""]
    return lines


def _render_rights(report: Report, options: Options) -> str:
    """A check-rights report: the rights reviewed, each with its verdict and findings."""
    lang = options.lang
    specs = rule_specs(report)
    lines = [
        f"# {word('rights_title', lang)}",
        "",
        f"{word('generated', lang, version=__version__)} · " + summary_text(report, lang),
        "",
        escape(word("rights_verdicts", lang, counts=right_verdicts_text(report, lang))),
        "",
        *(line for note in review_notes(report, lang) for line in (escape(note), "")),
        f"## {word('rights_heading', lang)}",
        "",
        *_rights_summary(report, lang),
        "",
        *_resolved(report, lang),
        f"## {word('findings', lang)}",
        "",
    ]
    if options.docs is None and report.findings:
        lines += [f"*{word('no_docs', lang)}*", ""]
    for right in report.rights:
        lines += _right(report, right, specs, options)
    lines += _rules(report, specs, lang)
    return "\n".join(lines).rstrip() + "\n"


def render(report: Report, options: Options) -> str:
    if report.rights:
        return _render_rights(report, options)
    lang = options.lang
    specs = rule_specs(report)
    lines = [
        f"# {word('title', lang)}",
        "",
        f"{word('generated', lang, version=__version__)} · " + summary_text(report, lang),
        "",
        *(line for note in review_notes(report, lang) for line in (escape(note), "")),
        f"## {word('summary_heading', lang)}",
        "",
        *_summary(report, lang),
        "",
        *_resolved(report, lang),
    ]
    context = context_plans(report)
    if context:
        named = list_separator(lang).join(f"`{p.id}` {escape(p.name)}" for p in context)
        lines += [word("context_plans", lang, plans=named), ""]
    lines += [f"## {word('findings', lang)}", ""]
    if options.docs is None and report.findings:
        lines += [f"*{word('no_docs', lang)}*", ""]
    for plan in reported_plans(report):
        findings = report.by_plan.get(plan.id, ())
        partial = f" ({word('partial', lang)})" if plan.partial else ""
        lines += [f"### `{plan.id}` {escape(plan.name)}{partial}", ""]
        if plan.judged:
            colon = colon_after(lang)
            lines += [f"**{word('verdict', lang)}**{colon}{escape(verdict_line(report, plan.id, lang))}", ""]
        if not findings:
            lines += [word("no_findings", lang), ""]
        for number, finding in enumerate(findings, start=1):
            lines += _finding(report, number, finding, specs, options)
        if report.pass_counts is not None and plan.judged:
            lines += [word("passes_count", lang, n=report.passes_of(plan.id)), ""]
    lines += _rules(report, specs, lang)
    return "\n".join(lines).rstrip() + "\n"
