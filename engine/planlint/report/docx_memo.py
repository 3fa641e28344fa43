"""`--format docx --output memo.docx`: a Word 审查意见 (review memo), one section per plan judged.

Each section opens with the verdict (通过 / 需修改 / 需人工审查) and the counts, then each finding: the
problem, the plan's own text and the ancestor's (quoted from `--docs` when given, else cited by place),
the norm it rests on, and the change that would satisfy it; a waived finding says by whom and until when.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from planlint import __version__
from planlint.findings import SEVERITIES, Citation, Finding, PlanSummary, Report
from planlint.i18n import Lang
from planlint.remedy import description_of, remedy
from planlint.report.render import (
    Options,
    citation_place,
    level_name,
    norm_text,
    reasons,
    reported_plans,
    rule_specs,
    rule_title,
    severity_name,
    waiver_text,
)
from planlint.report.sources import cited_quote
from planlint.report.words import word
from planlint.review import grounds, verdict, verdict_text

VERDICT_COLOURS = {"pass": RGBColor(0x2E, 0x7D, 0x32), "revise": RGBColor(0xC6, 0x28, 0x28)}
REVIEW_COLOUR = RGBColor(0xE0, 0x78, 0x00)
FONT = "SimSun"


def _labelled(document: Any, label: str, body: str, italic: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(body).italic = italic


def _quote(citation: Citation, options: Options) -> str:
    """The cited text (with its table row for a short cell) or, without it, the place cited."""
    quote = cited_quote(options.docs, citation)
    place = citation_place(citation, options.lang)
    if quote is None:
        suffix = (
            "" if options.docs is not None or citation.line is None else word("memo.no_docs", options.lang)
        )
        return f"{place} {suffix}".strip()
    before, cited = quote
    return f"「{' '.join([*before, cited])}」 — {place}"


def _finding(document: Any, number: int, finding: Finding, report: Report, options: Options) -> None:
    lang = options.lang
    specs = rule_specs(report)
    title = rule_title(specs, finding.rule, lang)
    heading = f"{number}. [{severity_name(finding.severity, lang)}] {finding.rule} {title}".strip()
    review = report.review
    status = review.status(finding) if review is not None else None
    if status is not None:
        heading += word(f"memo.baseline.{status}", lang)
    document.add_heading(heading, level=3)
    _labelled(document, word("memo.problem", lang), finding.text(lang))
    for citation in sorted(finding.citations, key=lambda c: c.role != "plan"):
        if citation.role == "plan":
            _labelled(document, word("memo.plan_text", lang), _quote(citation, options), italic=True)
        elif citation.role == "ancestor":
            label = word("memo.ancestor_text", lang, plan=citation.plan)
            _labelled(document, label, _quote(citation, options), italic=True)
    norm = norm_text(specs, finding.rule)
    if norm:
        _labelled(document, word("memo.norm", lang), norm)
    change = remedy(finding, lang, description_of(specs.get(finding.rule), lang))
    if change:
        _labelled(document, word("memo.remedy", lang), change)
    if review is not None and finding.id in review.waived:
        _labelled(document, word("memo.waived", lang), waiver_text(review.waived[finding.id], lang))
    if review is not None and finding.id in review.expired:
        _labelled(document, word("memo.expired", lang), waiver_text(review.expired[finding.id], lang))
    _labelled(document, word("memo.id", lang), finding.id)


def _verdict_line(document: Any, report: Report, plan: PlanSummary, lang: Lang) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(word("memo.verdict", lang)).bold = True
    if plan.judged:
        code = verdict(report, plan.id)
        run = paragraph.add_run(verdict_text(code, lang))
        run.bold = True
        run.font.color.rgb = VERDICT_COLOURS.get(code, REVIEW_COLOUR)
    findings = [f for f in report.findings if f.plan == plan.id]
    waived = sum(1 for f in findings if not report.counted(f))
    counts = report.summary(plan.id)
    more = word("memo.waived_count", lang, n=waived) if waived else ""
    paragraph.add_run(word("memo.counts", lang, waived=more, **counts))
    if report.passes is not None and plan.judged:
        paragraph.add_run(word("memo.passes", lang, n=report.passes_of(plan.id)))
    if plan.judged:
        _labelled(document, word("memo.reason", lang), reasons(grounds(report, plan.id), lang))


def _plan(document: Any, report: Report, plan: PlanSummary, options: Options) -> None:
    lang = options.lang
    document.add_heading(word("memo.about", lang, name=plan.name), level=1)
    document.add_paragraph(f"{plan.id} · {level_name(plan.level, lang)}" if plan.level else plan.id)
    _verdict_line(document, report, plan, lang)
    findings = sorted(
        (f for f in report.findings if f.plan == plan.id),
        key=lambda f: (not report.counted(f), SEVERITIES.index(f.severity)),
    )
    if not findings:
        document.add_paragraph(word("no_findings", lang))
    for number, finding in enumerate(findings, start=1):
        _finding(document, number, finding, report, options)


def _use_chinese_font(document: Any) -> None:
    """Word shows CJK text in the East Asian font: name one every Chinese Word has."""
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title"):
        style = document.styles[name]
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), FONT)
    document.styles["Normal"].font.size = Pt(11)


def render(report: Report, options: Options) -> bytes:
    lang = options.lang
    document = Document()
    _use_chinese_font(document)
    document.core_properties.title = word("memo.title", lang)
    document.add_heading(word("memo.title", lang), level=0)
    document.add_paragraph(word("generated", lang, version=__version__))
    review = report.review
    if review is not None and review.resolved:
        document.add_paragraph(word("memo.resolved", lang, ids="、".join(review.resolved)))
    if review is not None and (review.unjudged or review.unjudged_waivers):
        document.add_paragraph(
            word("not_judged", lang, ids=len(review.unjudged), waivers=len(review.unjudged_waivers))
        )
    for index, plan in enumerate(reported_plans(report)):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _plan(document, report, plan, options)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
