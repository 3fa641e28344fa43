"""The default text report: findings grouped by plan, with severity, rule, message and citations."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape

from planlint.findings import Finding, Report
from planlint.report.render import Options, citation_text, counterpart, severity_name
from planlint.report.sources import cited_line
from planlint.report.words import word

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _finding(console: Console, finding: Finding, options: Options) -> None:
    subject = " ".join(counterpart(finding, options.lang))
    severity = severity_name(finding.severity, options.lang)
    console.print(
        f"  [{STYLE[finding.severity]}]{severity}[/] [bold]{finding.rule}[/] "
        f"({escape(subject)}) {escape(finding.text(options.lang))}"
    )
    for citation in finding.citations:
        console.print(f"      {escape(citation_text(citation, options.lang, terse=True))}", style="dim")
        quote = cited_line(options.docs, citation)
        if quote:
            console.print(f"        > {escape(quote)}", style="italic")


def render(report: Report, options: Options) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=options.color, width=120, highlight=False)
    for plan in report.plans:
        findings = [f for f in report.findings if f.plan == plan.id]
        if not plan.judged and not findings:
            continue
        console.print(f"[bold]{plan.id}[/] {escape(plan.name)}")
        if not findings:
            console.print(f"  {word('no_findings', options.lang)}")
        for finding in findings:
            _finding(console, finding, options)
        if report.passes is not None and plan.judged:
            console.print(
                f"  {word('passes_count', options.lang, n=report.passes_of(plan.id))}", style="green"
            )
    if report.rights:
        console.print(word("rights_summary", options.lang, rights=len(report.rights), **report.summary()))
        return buffer.getvalue()
    judged = sum(1 for p in report.plans if p.judged)
    console.print(word("summary", options.lang, plans=judged, **report.summary()))
    return buffer.getvalue()
