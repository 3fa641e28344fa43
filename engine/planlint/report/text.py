"""The default text report: findings grouped by plan, with severity, rule, message and citations."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape

from planlint.findings import Citation, Finding, Report
from planlint.i18n import text
from planlint.report import Options
from planlint.report.sources import cited_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def citation_text(citation: Citation, options: Options) -> str:
    """'ancestor cq: 001_….txt 专栏10 line 342' (or 'the plan is silent')."""
    lang = options.lang
    label = text(citation.role, lang)
    if citation.role == "norm":
        return f"{label}: {citation.document}" + (f" · {citation.locator}" if citation.locator else "")
    place = " ".join(x for x in (citation.document, citation.table, citation.section) if x)
    if citation.line is not None:
        place += f" L{citation.line}"
    elif citation.locator:
        place += f" {citation.locator}"
    elif citation.role == "plan":
        place += f" ({text('plan_silent', lang)})"
    who = f"{label} {citation.plan}" if citation.plan else label
    return f"{who}: {place}".rstrip()


def _finding(console: Console, finding: Finding, options: Options) -> None:
    if finding.right is not None:
        subject = f"{text('right', options.lang)} {finding.right}"
    else:
        subject = f"{text('against', options.lang)} {finding.against or text('itself', options.lang)}"
    severity = text(f"severity.{finding.severity}", options.lang)
    console.print(
        f"  [{STYLE[finding.severity]}]{severity}[/] [bold]{finding.rule}[/] "
        f"({escape(subject)}) {escape(finding.text(options.lang))}"
    )
    for citation in finding.citations:
        console.print(f"      {escape(citation_text(citation, options))}", style="dim")
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
            console.print(f"  {text('no_findings', options.lang)}")
        for finding in findings:
            _finding(console, finding, options)
    if report.rights:
        console.print(text("rights_summary", options.lang, rights=len(report.rights), **report.summary()))
        return buffer.getvalue()
    judged = sum(1 for p in report.plans if p.judged)
    console.print(text("summary", options.lang, plans=judged, **report.summary()))
    return buffer.getvalue()
