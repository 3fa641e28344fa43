"""The default text report: findings grouped by plan, with severity, rule, message and citations; a
check-rights report groups them by right instead, each right with its verdict line and its record."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from rich.console import Console
from rich.markup import escape

from planlint.findings import Finding, Report, RightSummary
from planlint.i18n import Lang
from planlint.report.render import (
    Options,
    citation_place,
    citation_text,
    counterpart,
    finding_waiver,
    record_text,
    resolved_by_plan,
    resolved_heading,
    resolved_item,
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
from planlint.review import right_verdict, right_verdict_text

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
VERDICT_STYLE = {"revise": "bold red", "review": "yellow", "pass": "green"}


def _finding(report: Report, finding: Finding, options: Options, under_right: bool = False) -> Iterator[str]:
    """A finding's lines, in console markup: severity, rule, review marks and message; its id (and waiver);
    its citations. Under its right (`under_right`), the finding names the plan whose row it breaks."""
    lang = options.lang
    label, who = counterpart(finding, lang)
    if under_right:
        label, who = word("plan_col", lang).lower(), finding.plan
    subject = f"{label} {who}"
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
    if report.rights:  # a rights review judges the rights, not the plans
        yield from _rights_lines(report, options)
        return
    for plan in report.plans:
        findings = report.by_plan.get(plan.id, ())
        if not plan.judged and not findings:
            continue
        yield f"[bold]{plan.id}[/] {escape(plan.name)}"
        if plan.judged:
            # the verdict's reason says a clean plan has no findings: no second line (a nation has thousands)
            yield f"  {word('verdict', options.lang)}: {escape(verdict_line(report, plan.id, options.lang))}"
        elif not findings:
            yield f"  {word('no_findings', options.lang)}"
        for finding in findings:
            yield from _finding(report, finding, options)
        if report.pass_counts is not None and plan.judged:
            yield f"[green]  {word('passes_count', options.lang, n=report.passes_of(plan.id))}[/green]"
    yield from (escape(note) for note in review_notes(report, options.lang))
    yield escape(summary_text(report, options.lang))
    yield from _resolved(report, options.lang)


def _resolved(report: Report, lang: Lang) -> Iterator[str]:
    """The findings the baseline raised and this round no longer has, under their plan, after the summary."""
    groups = resolved_by_plan(report)
    if not groups:
        return
    yield f"[bold]{escape(word('resolved_heading', lang))}[/]"
    for plan, ids in groups:
        yield f"  {escape(resolved_heading(report, plan, lang))}"
        yield from (f"    - {escape(resolved_item(report, i, lang))}" for i in ids)


def _rights_lines(report: Report, options: Options) -> Iterator[str]:
    """A rights review: each right with its verdict, its record and its findings, then the totals."""
    counts = report.pass_counts
    for right in report.rights:
        yield from _right(report, right, options)
        if counts is not None:
            yield f"[green]  {word('passes_count', options.lang, n=counts.by_right.get(right.id, 0))}[/green]"
    yield from (escape(note) for note in review_notes(report, options.lang))
    yield word("rights_verdicts", options.lang, counts=right_verdicts_text(report, options.lang))
    yield escape(summary_text(report, options.lang))
    yield from _resolved(report, options.lang)


def _right(report: Report, right: RightSummary, options: Options) -> Iterator[str]:
    """A right's heading, its verdict line with the reason, its record (and where it is), its findings."""
    lang = options.lang
    code = right_verdict(report, right.id)
    style = VERDICT_STYLE.get(code, "default")
    yield f"[bold]{escape(right.id)}[/] {escape(right.name)} — [{style}]{right_verdict_text(code, lang)}[/]"
    yield f"  {word('verdict', lang)}: [{style}]{escape(right_verdict_line(report, right.id, lang))}[/]"
    place = f" — {citation_place(right.cited, lang, terse=True)}" if right.cited is not None else ""
    yield f"[dim]  {word('right_record', lang)}: {escape(record_text(right, lang) + place)}[/dim]"
    for finding in report.by_right.get(right.id, ()):
        yield from _finding(report, finding, options, under_right=True)


def render(report: Report, options: Options) -> str:
    lines = list(_lines(report, options))
    return _printed(lines, color=True) if options.color else _plain(lines)


def _plain(lines: list[str]) -> str:
    """The lines of markup as rich's console prints them without colour (a newline after the last).

    rich only drops the tags of most lines: those are untagged here (a national report's 7,000 lines went
    through rich's markup parser and console in 0.12 of its 0.17 CPU s); the others still go through rich,
    which expands tabs, drops some control codes and emoji codes, and trims trailing spaces. Each line is
    markup of its own, closed on the line: an unclosed `[a` of one line never pairs with a later `]`.
    """
    printed = [
        _MARKUP_TAG.sub("", line) if _only_tags_to_drop(line) else _printed([line], color=False)[:-1]
        for line in lines
    ]
    return "\n".join(printed) + "\n"


def _printed(lines: list[str], color: bool) -> str:
    """The lines as rich's console prints them (a newline after the last)."""
    # NOTE: one print of the whole report: rich's cost is mostly per call (one per line took 0.7 s for a
    # nation). No line is broken (soft_wrap): a saved report keeps one finding's message on one line, to
    # grep and diff, and a terminal wraps long lines itself.
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, width=120, highlight=False)
    console.print("\n".join(lines), soft_wrap=True)
    return buffer.getvalue()


# rich.markup's tag pattern (rich 13-15): a `[` starting a tag name, up to the next `]`
_MARKUP_TAG = re.compile(r"\[([a-z#/@][^\[]*?)]")
# What rich prints otherwise than the text without its tags: an escaped `\[`, a tab (expanded), a control
# code (some dropped), a `:name:` emoji code, and trailing whitespace (trimmed past the width)
_RICH_CHANGES = re.compile(r"[\\\x00-\x09\x0b-\x1f\x7f]|:\S*?:|\s(?:\n|$)")


def _only_tags_to_drop(line: str) -> bool:
    """Whether rich prints this line of markup, without colour, as the text without its tags."""
    return _RICH_CHANGES.search(line) is None
