"""`--format docx --output memo.docx`: a Word 审查意见 (review memo), one section per plan judged.

Each section opens with the verdict (通过 / 需修改 / 需人工审查) and the counts, then each finding: the
problem, the plan's own text and the ancestor's (quoted from `--docs` when given, else cited by place),
the norm it rests on, and the change that would satisfy it; a waived finding says by whom and until when.

A check-rights memo reviews the rights, not the plans: a section per right with findings, opening with its
verdict (不符合规划 / 需人工审查 / 无需规划审查 / 符合规划) and its own record; each finding then holds the
right's record against the plan's text, with the norm and the change; the rights that conform with nothing
to say are listed at the end.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from planlint import __version__
from planlint.findings import SEVERITIES, Citation, Finding, PlanSummary, Report, RightSummary
from planlint.i18n import Lang
from planlint.remedy import description_of, remedy
from planlint.report.render import (
    Options,
    baseline_mark,
    citation_place,
    level_name,
    list_separator,
    norm_text,
    plan_named,
    reasons,
    record_text,
    reported_plans,
    resolved_item,
    resolved_plan,
    right_verdicts_text,
    round_notes,
    rule_specs,
    rule_title,
    severity_name,
    waived_apart,
    waiver_mark,
    waiver_text,
)
from planlint.report.sources import cited_quote
from planlint.report.words import word
from planlint.review import Grounds, grounds, right_grounds, right_verdict, right_verdict_text, verdict_text

VERDICT_COLOURS = {
    "pass": RGBColor(0x2E, 0x7D, 0x32),
    "revise": RGBColor(0xC6, 0x28, 0x28),
    "exempt": RGBColor(0x55, 0x55, 0x55),
}
REVIEW_COLOUR = RGBColor(0xE0, 0x78, 0x00)
FONT = "SimSun"

# A text a finding quotes, as (label, text): '本规划原文：' and the cited line with its place.
Quoted = tuple[str, str]


def _labelled(document: Any, label: str, body: str, italic: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(body).italic = italic


def _quote(citation: Citation, options: Options) -> str:
    """The cited text (with its table row for a short cell) or, without it, the place cited."""
    quote = cited_quote(options.docs, citation, options.texts)
    place = citation_place(citation, options.lang)
    if quote is None:
        suffix = (
            "" if options.docs is not None or citation.line is None else word("memo.no_docs", options.lang)
        )
        space = "" if options.lang == "zh" else " "  # full-width brackets take no space before them
        return f"{place}{space}{suffix}".strip()
    before, cited = quote
    return f"「{' '.join([*before, cited])}」 — {place}"


def _plan_texts(finding: Finding, report: Report, options: Options) -> list[Quoted]:
    """A plan finding's texts, each labelled with its plan: the plans' first (本规划 for the finding's own, by
    name for another, as a children's sum quotes every child), then each ancestor's."""
    lang = options.lang
    texts = []
    for citation in sorted(finding.citations, key=lambda c: (c.role != "plan", c.plan != finding.plan)):
        if citation.role == "plan" and citation.plan in (finding.plan, None):
            texts.append((word("memo.plan_text", lang), _quote(citation, options)))
        elif citation.role == "plan" and citation.plan is not None:
            texts.append((_plan_row(report, citation.plan, lang), _quote(citation, options)))
        elif citation.role == "ancestor":
            label = word("memo.ancestor_text", lang, plan=citation.plan)
            texts.append((label, _quote(citation, options)))
    return texts


def _finding(
    document: Any, number: int, finding: Finding, report: Report, options: Options, texts: list[Quoted]
) -> None:
    """A finding: its heading, the problem, the `texts` it quotes, the norm, the change, a waiver, the id."""
    lang = options.lang
    specs = rule_specs(report)
    title = rule_title(specs, finding.rule, lang)
    heading = f"{number}. [{severity_name(finding.severity, lang)}] {finding.rule} {title}".strip()
    review = report.review
    status = review.status(finding) if review is not None else None
    if status is not None:
        heading += word(f"memo.baseline.{status}", lang, mark=baseline_mark(report, finding, lang))
    document.add_heading(heading, level=3)
    _labelled(document, word("memo.problem", lang), finding.text(lang))
    for label, text in texts:
        _labelled(document, label, text, italic=True)
    norm = norm_text(specs, finding.rule, lang)
    if norm:
        _labelled(document, word("memo.norm", lang), norm)
    change = remedy(finding, lang, description_of(specs.get(finding.rule), lang))
    if change:
        _labelled(document, word("memo.remedy", lang), change)
    if review is not None and finding.id in review.waived:
        _labelled(document, word("memo.waived", lang), waiver_text(review.waived[finding.id], lang))
    if review is not None and finding.id in review.expired:
        _labelled(document, word("memo.expired", lang), waiver_text(review.expired[finding.id], lang))
    if review is not None and finding.id in review.changed:
        granted = (
            f"{waiver_mark(report, finding, lang)}；"
            if lang == "zh"
            else f"{waiver_mark(report, finding, lang)}; "
        )
        _labelled(
            document,
            word("memo.waiver_changed", lang),
            granted + waiver_text(review.changed[finding.id], lang),
        )
    _labelled(document, word("memo.id", lang), finding.id)


def _verdict_line(document: Any, report: Report, plan: PlanSummary, lang: Lang) -> None:
    """A plan's verdict line; a plan not judged (findings on it from another's check) gets its counts only."""
    found = grounds(report, plan.id)
    said = (found.verdict, verdict_text(found.verdict, lang)) if plan.judged else None
    held = report.passes_of(plan.id) if report.pass_counts is not None and plan.judged else None
    _verdict(document, said, report.summary(plan.id), found, held, lang)


def _verdict(
    document: Any,
    said: tuple[str, str] | None,
    counts: dict[str, int],
    found: Grounds,
    held: int | None,
    lang: Lang,
) -> None:
    """'审查结论：需修改（错误 0 个（另有 1 个已豁免），…）；已核查并符合：n 项比对' and under it '理由：…'.

    `counts` are all the findings by severity: the counted ones are said, the waived apart.

    `said`: the verdict's code and words (None: no verdict, and no reason); `held`: how many comparisons held,
    when passes were asked for.
    """
    paragraph = document.add_paragraph()
    paragraph.add_run(word("memo.verdict", lang)).bold = True
    if said is not None:
        run = paragraph.add_run(said[1])
        run.bold = True
        run.font.color.rgb = VERDICT_COLOURS.get(said[0], REVIEW_COLOUR)
    counted = {"error": len(found.errors), "warning": len(found.warnings), "info": found.infos}
    apart = {f"{s}_waived": waived_apart(counts[s] - counted[s], lang) for s in counted}
    paragraph.add_run(word("memo.counts", lang, **counted, **apart))
    if held is not None:
        paragraph.add_run(word("memo.passes", lang, n=held))
    if said is not None:
        _labelled(document, word("memo.reason", lang), reasons(found, lang))


def _plan(document: Any, report: Report, plan: PlanSummary, options: Options) -> None:
    lang = options.lang
    document.add_heading(word("memo.about", lang, name=plan.name), level=1)
    document.add_paragraph(f"{plan.id} · {level_name(plan.level, lang)}" if plan.level else plan.id)
    _verdict_line(document, report, plan, lang)
    findings = sorted(
        (f for f in report.findings if f.plan == plan.id),
        key=lambda f: (not report.counted(f), SEVERITIES.index(f.severity)),
    )
    folded = _folded_notes(report, plan) if plan.judged else []
    for note in folded:
        document.add_paragraph(word("memo.partial_restated", lang, ancestor=note.against, id=note.id))
    if not findings and not folded and not plan.judged:  # a judged plan's reason already says 未发现问题
        document.add_paragraph(word("no_findings", lang))
    for number, finding in enumerate(findings, start=1):
        _finding(document, number, finding, report, options, _plan_texts(finding, report, options))
    _resolved_under(document, report, plan, lang)


def _folded_notes(report: Report, plan: PlanSummary) -> list[Finding]:
    """The partial-ancestor notes the plan's verdict rests on that are said under another plan: a section is
    sent to its county alone, so each is restated there, briefly."""
    return [
        f for f in grounds(report, plan.id).undecided if f.kind == "partial_ancestor" and f.plan != plan.id
    ]


def _use_chinese_font(document: Any) -> None:
    """Word shows CJK text in the East Asian font: name one every Chinese Word has."""
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title"):
        style = document.styles[name]
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), FONT)
    document.styles["Normal"].font.size = Pt(11)


def _memo(title: str, lang: Lang) -> Any:
    """A new memo: the Chinese font, the title, the version that made it."""
    document = Document()
    _use_chinese_font(document)
    document.core_properties.title = title
    document.add_heading(title, level=0)
    document.add_paragraph(word("generated", lang, version=__version__))
    return document


def _round_notes(
    document: Any, report: Report, lang: Lang, placed: set[str] | frozenset[str] = frozenset()
) -> None:
    """A review round's notes on the whole memo: the findings resolved that no plan section of the memo
    lists (those of `placed` plans are listed under their plan), the stale and the incomplete waivers, what
    this run could not judge."""
    review = report.review
    elsewhere = [i for i in review.resolved if resolved_plan(report, i) not in placed] if review else []
    if elsewhere:
        document.add_heading(word("memo.resolved", lang), level=2)
    for finding_id in elsewhere:
        item = resolved_item(report, finding_id, lang)
        plan = resolved_plan(report, finding_id)
        if plan is not None:
            name = report.plan_names.get(plan, plan)
            item = word("memo.resolved_elsewhere", lang, name=name, plan=plan, item=item)
        document.add_paragraph(item, style="List Bullet")
    for _, text in round_notes(report, lang):
        document.add_paragraph(text)


def _resolved_under(document: Any, report: Report, plan: PlanSummary, lang: Lang) -> None:
    """The findings of the plan the baseline raised and this round no longer has."""
    review = report.review
    gone = [i for i in review.resolved if resolved_plan(report, i) == plan.id] if review is not None else []
    if not gone:
        return
    document.add_heading(word("memo.resolved", lang), level=3)
    for finding_id in gone:
        document.add_paragraph(resolved_item(report, finding_id, lang), style="List Bullet")


def _saved(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _record(right: RightSummary, lang: Lang, cited: Citation | None = None) -> str:
    """The right's record as printed, and where it is ('… — fuling.csv FLGC202299 第 3 行')."""
    place = cited or right.cited
    return record_text(right, lang) + (f" — {citation_place(place, lang)}" if place is not None else "")


def _right_texts(finding: Finding, report: Report, options: Options) -> list[Quoted]:
    """A rights finding's texts: the right's own record, the plan rows it is held against (each named by its
    plan), then the other rights of the batch counted with it."""
    lang = options.lang
    rights = {r.id: r for r in report.rights}
    own: list[Quoted] = []
    rows: list[Quoted] = []
    others: list[Quoted] = []
    for citation in finding.citations:
        right = rights.get(citation.section or "") if citation.role == "right" else None
        if citation.role == "right" and citation.section == finding.right and right is not None:
            own.append((word("memo.right_text", lang), _record(right, lang, citation)))
        elif citation.role == "right":
            other = _record(right, lang, citation) if right is not None else citation_place(citation, lang)
            name = right.name if right is not None else ""
            text = word("memo.other_record", lang, id=citation.section or "", name=name, record=other)
            others.append((word("memo.other_right", lang), text))
        elif citation.role in ("ancestor", "plan") and citation.plan is not None:
            rows.append((_plan_row(report, citation.plan, lang), _quote(citation, options)))
    return own + rows + others


def _plan_row(report: Report, plan_id: str, lang: Lang) -> str:
    """'规划《重庆市矿产资源总体规划（2021—2025年）》（cq）原文：'."""
    return word("memo.plan_row", lang, name=report.plan_names.get(plan_id, plan_id), plan=plan_id)


def _right(document: Any, report: Report, right: RightSummary, options: Options, held: int | None) -> None:
    """A right's section: its verdict and why, its record, the plans it was held against, its findings."""
    lang = options.lang
    document.add_heading(word("memo.right_about", lang, id=right.id, name=right.name), level=1)
    code = right_verdict(report, right.id)
    found = right_grounds(report, right.id)
    _verdict(
        document, (code, right_verdict_text(code, lang)), report.right_summary(right.id), found, held, lang
    )
    _labelled(document, word("memo.right_text", lang), _record(right, lang))
    separator = list_separator(lang)
    against = separator.join(plan_named(report, p, lang) for p in right.plans)
    document.add_paragraph(word("memo.right_against", lang, plans=against))
    findings = sorted(
        report.by_right.get(right.id, ()),
        key=lambda f: (not report.counted(f), SEVERITIES.index(f.severity)),
    )
    for number, finding in enumerate(findings, start=1):
        _finding(document, number, finding, report, options, _right_texts(finding, report, options))


def _conforming(document: Any, rights: list[RightSummary], lang: Lang) -> None:
    """The rights that conform with nothing to say: one line each, its verdict and record."""
    if not rights:
        return
    document.add_heading(word("memo.rights_passing", lang, n=len(rights)), level=1)
    said = right_verdict_text("pass", lang)
    for right in rights:
        document.add_paragraph(
            word(
                "memo.right_listed",
                lang,
                id=right.id,
                name=right.name,
                verdict=said,
                record=_record(right, lang),
            )
        )


def _render_rights(report: Report, options: Options) -> bytes:
    """A check-rights memo: the rights reviewed, a section for each with something to say."""
    lang = options.lang
    document = _memo(word("memo.rights_title", lang), lang)
    document.add_paragraph(
        word("memo.rights_intro", lang, rights=len(report.rights), counts=right_verdicts_text(report, lang))
    )
    _round_notes(document, report, lang)
    held = report.pass_counts.by_right if report.pass_counts is not None else {}
    quiet = []
    for right in report.rights:
        if not report.by_right.get(right.id) and right_verdict(report, right.id) == "pass":
            quiet.append(right)
            continue
        _right(
            document,
            report,
            right,
            options,
            held.get(right.id, 0) if report.pass_counts is not None else None,
        )
    _conforming(document, quiet, lang)
    return _saved(document)


def render(report: Report, options: Options) -> bytes:
    if report.rights:
        return _render_rights(report, options)
    lang = options.lang
    document = _memo(word("memo.title", lang), lang)
    plans = reported_plans(report)
    _round_notes(document, report, lang, {p.id for p in plans})
    for index, plan in enumerate(plans):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _plan(document, report, plan, options)
    return _saved(document)
