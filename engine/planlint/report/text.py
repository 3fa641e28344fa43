"""The default text report: findings grouped by plan, with severity, rule, message and citations."""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.console import Console
from rich.markup import escape

from planlint.findings import Finding, Report
from planlint.report.render import (
    Options,
    citation_text,
    counterpart,
    finding_waiver,
    review_marks,
    review_notes,
    right_verdict_line,
    right_verdicts_text,
    severity_name,
    summary_text,
    verdict_line,
    waiver_text,
)
from planlint.report.sources import cited_line
from planlint.report.words import word
from planlint.review import right_verdict

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
VERDICT_STYLE = {"revise": "bold red", "review": "yellow", "pass": "green"}


def _finding(report: Report, finding: Finding, options: Options) -> Iterator[str]:
    """A finding's lines, in console markup: severity, rule, review marks and message; its id (and waiver);
    its citations."""
    lang = options.lang
    subject = " ".join(counterpart(finding, lang))
    severity = severity_name(finding.severity, lang)
    marks = "".join(f" [magenta]\\[{escape(mark)}][/]" for mark in review_marks(report, finding, lang))
    yield (
        f"  [{STYLE[finding.severity]}]{severity}[/] [bold]{finding.rule}[/]{marks} "
        f"({escape(subject)}) {escape(finding.text(lang))}"
    )
    about = f"{word('finding_id', lang)} {finding.id}"
    waiver = finding_waiver(report, finding)
    if waiver is not None:
        about += f" · {word(waiver[0], lang)}: {waiver_text(waiver[1], lang)}"
    yield f"[dim]      {escape(about)}[/dim]"
    for citation in finding.citations:
        yield f"[dim]      {escape(citation_text(citation, options.lang, terse=True, subject=finding.plan))}[/dim]"
        quote = cited_line(options.docs, citation, options.texts)
        if quote:
            yield f"[italic]        > {escape(quote)}[/italic]"


def _lines(report: Report, options: Options) -> Iterator[str]:
    """Every line of the report, in console markup."""
    for plan in report.plans:
        findings = report.by_plan.get(plan.id, ())
        if not plan.judged and not findings:
            continue
        yield f"[bold]{plan.id}[/] {escape(plan.name)}"
        if plan.judged and not report.rights:  # a rights review judges the rights, not the plans
            # the verdict's reason says a clean plan has no findings: no second line (a nation has thousands)
            yield f"  {word('verdict', options.lang)}: {escape(verdict_line(report, plan.id, options.lang))}"
        elif not findings:
            yield f"  {word('no_findings', options.lang)}"
        for finding in findings:
            yield from _finding(report, finding, options)
        if report.passes is not None and plan.judged:
            yield f"[green]  {word('passes_count', options.lang, n=report.passes_of(plan.id))}[/green]"
    yield from (escape(note) for note in review_notes(report, options.lang))
    if report.rights:
        yield from _rights(report, options)
    yield escape(summary_text(report, options.lang))


def _rights(report: Report, options: Options) -> Iterator[str]:
    """A rights review's close: each right's verdict with its reasons, then the rights by verdict."""
    lang = options.lang
    colon = "：" if lang == "zh" else ": "
    yield f"[bold]{word('rights_heading', lang)}[/]"
    for right in report.rights:
        style = VERDICT_STYLE.get(right_verdict(report, right.id), "default")
        verdict = f"[{style}]{escape(right_verdict_line(report, right.id, lang))}[/]"
        yield f"  {escape(right.id)} {escape(right.name)}{colon}{verdict}"
    yield word("rights_verdicts", lang, counts=right_verdicts_text(report, lang))


def render(report: Report, options: Options) -> str:
    # NOTE: one print of the whole report: rich's cost is mostly per call (one per line took 0.7 s for a
    # nation). No line is broken (soft_wrap): a saved report keeps one finding's message on one line, to
    # grep and diff, and a terminal wraps long lines itself.
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=options.color, width=120, highlight=False)
    console.print("\n".join(_lines(report, options)), soft_wrap=True)
    return buffer.getvalue()
