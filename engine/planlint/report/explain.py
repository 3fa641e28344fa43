"""Why a finding was raised (`planlint explain FINDING_ID`): the rows compared, the mineral match through
the vocabulary, the unit conversion and the scope reasoning, in the reader's language.

The rows are found again from the finding's citations (a plan and a cited line), so the explanation shows
exactly the rows the finding rests on, as the plan files record them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

from planlint.api import Project
from planlint.findings import Citation, Finding, Report
from planlint.i18n import Lang, scope_text
from planlint.model import Indicator, Zone
from planlint.remedy import description_of, remedy
from planlint.report.render import (
    citation_place,
    citation_who,
    norm_text,
    rule_specs,
    rule_title,
    severity_name,
)
from planlint.report.sources import cited_quote
from planlint.report.words import word
from planlint.review import verdict_text
from planlint.units import UnitError, parse_unit, registry
from planlint.vocabulary import Vocabulary

OP_SIGNS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "=", "range": ""}
# dimension → (zh unit, en unit, base units per display unit) for showing converted values
DISPLAY: dict[str, tuple[str, str, float]] = {
    "[mass]": ("吨", "t", 1000.0),
    "[length] ** 3": ("立方米", "m³", 1.0),
    "[length] ** 2": ("平方米", "m²", 1.0),
    "[item]": ("个", "items", 1.0),
    "dimensionless": ("%", "%", 0.01),
    "[currency]": ("元", "yuan", 1.0),
}


@dataclass(frozen=True)
class Row:
    """A cited row of a plan: the citation and the indicator it points at."""

    citation: Citation
    indicator: Indicator
    zone: Zone | None


def cited_rows(project: Project, finding: Finding) -> list[Row]:
    """The indicators the finding's citations point at (same plan, line, table and section)."""
    rows = []
    for citation in finding.citations:
        if citation.role == "norm" or citation.plan is None or citation.line is None:
            continue
        plan = project.hierarchy.plan(citation.plan)
        place = (citation.line, citation.table, citation.section)
        for indicator, zone in plan.all_indicators():
            cite = indicator.cite
            same_metric = finding.metric is None or indicator.metric == finding.metric
            if same_metric and (cite.line, cite.table, cite.section) == place:
                rows.append(Row(citation, indicator, zone))
    return rows


def mineral_path(vocabulary: Vocabulary, narrow: str, broad: str) -> list[str] | None:
    """The chain of `broader` links from `narrow` up to `broad` (both canonical), or None."""
    start, goal = vocabulary.canonical(narrow), vocabulary.canonical(broad)
    queue: deque[list[str]] = deque([[start]])
    while queue:
        path = queue.popleft()
        if path[-1] == goal:
            return path
        queue.extend([*path, wider] for wider in vocabulary.minerals[path[-1]].broader if wider not in path)
    return None


def _value(indicator: Indicator) -> str:
    value = indicator.value
    number = f"{value[0]:.12g}–{value[1]:.12g}" if isinstance(value, tuple) else f"{value:.12g}"
    return f"{OP_SIGNS[indicator.op]} {number} {indicator.unit}".strip()


def _row_line(row: Row, vocabulary: Vocabulary, lang: Lang) -> str:
    indicator = row.indicator
    metric = vocabulary.metrics.get(indicator.metric)
    name = getattr(metric, lang) if metric is not None else indicator.metric
    scope = scope_text(indicator.scope, lang)
    parts = [name, indicator.mineral or "", _value(indicator)]
    if scope:
        parts.append(f"（{scope}）" if lang == "zh" else f"({scope})")
    if row.zone is not None:
        parts.append(word("explain.zone", lang, zone=row.zone.name))
    parts.append(f"[{word(f'explain.attribute.{indicator.attribute}', lang)}]")
    return " ".join(p for p in parts if p)


def _converted(row: Row, vocabulary: Vocabulary, lang: Lang) -> str:
    indicator = row.indicator
    metric = vocabulary.metrics.get(indicator.metric)
    annual = bool(metric is not None and metric.annual)
    try:
        unit = parse_unit(indicator.unit)
    except UnitError:
        return f"{_value(indicator)}: ?"
    dimension = unit.dimension
    per_year = 1.0
    note = ""
    if unit.is_rate:
        dimension = dimension.removesuffix(" / [time]")
        per_year = float(registry()("year").to("second").magnitude)
    elif annual:
        note = word("explain.annual", lang)
    display = DISPLAY.get(dimension)
    values = indicator.value if isinstance(indicator.value, tuple) else (indicator.value,)
    if display is None:
        return f"{_value(indicator)} → {unit.expression}"
    zh_unit, en_unit, size = display
    shown = "–".join(f"{round(unit.to_base(v) * per_year / size, 6):.12g}" for v in values)
    rate = ("/年" if lang == "zh" else "/year") if unit.is_rate or annual else ""
    basis = f" {unit.basis}" if unit.basis else ""
    shown_unit = zh_unit if lang == "zh" else en_unit
    return f"{_value(indicator)} = {OP_SIGNS[indicator.op]} {shown} {shown_unit}{rate}{basis}{note}".replace(
        "  ", " "
    )


def _mineral_line(plan_row: Row, ancestor_row: Row, vocabulary: Vocabulary, lang: Lang) -> str:
    narrow, broad = plan_row.indicator.mineral, ancestor_row.indicator.mineral
    if broad is None:
        return word("explain.plan_wide", lang)
    if narrow is None:
        return word("explain.unrelated", lang, a="—", b=broad)
    if vocabulary.canonical(narrow) == vocabulary.canonical(broad):
        return word("explain.same_mineral", lang, a=narrow, b=broad, entry=vocabulary.canonical(narrow))
    path = mineral_path(vocabulary, narrow, broad) or mineral_path(vocabulary, broad, narrow)
    if path is None:
        return word("explain.unrelated", lang, a=narrow, b=broad)
    return word("explain.broader", lang, narrow=path[0], broad=path[-1], path=" → ".join(path))


def _scope_lines(project: Project, plan_row: Row, ancestor_row: Row, lang: Lang) -> list[str]:
    lines = []
    mine, theirs = plan_row.indicator.scope, ancestor_row.indicator.scope
    who = word("ancestor", lang)
    for field in ("mine", "deposit", "subset"):
        a, b = getattr(mine, field), getattr(theirs, field)
        if a is None and b is None:
            continue
        overlap = a is None or b is None or a == b
        lines.append(
            word(
                "explain.scope_line",
                lang,
                field=word(f"explain.field.{field}", lang),
                plan=_scope_value(field, a, lang),
                who=who,
                ancestor=_scope_value(field, b, lang),
                verdict=word("explain.overlap" if overlap else "explain.disjoint", lang),
            )
        )
    if theirs.region is not None:
        plan = project.hierarchy.plan(plan_row.citation.plan or "")
        inside = theirs.region in plan.regions or mine.region == theirs.region
        lines.append(
            f"{word('explain.field.region', lang)}："
            + word("explain.region_in" if inside else "explain.region_out", lang, region=theirs.region)
        )
    return lines


def _scope_value(field: str, value: str | None, lang: Lang) -> str:
    from planlint.i18n import SCOPE_WORDS

    if value is None:
        return word("explain.all", lang)
    return SCOPE_WORDS.get(field, {}).get(value, {}).get(lang, value)


def _citation_block(citation: Citation, docs: Path | None, lang: Lang) -> list[str]:
    who = citation_who(citation, lang)
    lines = [f"  {who}: {citation_place(citation, lang)}"]
    quote = cited_quote(docs, citation)
    if quote is not None:
        before, cited = quote
        lines.append("    > " + " · ".join([*before, cited]))
    return lines


def explain_finding(project: Project, report: Report, finding: Finding, lang: Lang, docs: Path | None) -> str:
    """Everything about why one finding was raised, as plain text."""
    specs = rule_specs(report)
    vocabulary = project.vocabulary
    against = finding.against or word("itself", lang)
    severity = severity_name(finding.severity, lang)
    lines = [
        f"{finding.id}  {severity} · {finding.rule} {rule_title(specs, finding.rule, lang)}",
        f"{finding.plan} {word('against', lang)} {against}",
        "",
        finding.text(lang),
        "",
        f"{word('explain.rows', lang)}:",
    ]
    rows = cited_rows(project, finding)
    if not rows:
        lines.append(f"  {word('explain.no_rows', lang)}")
    for citation in finding.citations:
        if citation.role == "norm":
            continue
        lines += _citation_block(citation, docs, lang)
        for row in rows:
            if row.citation == citation:
                lines.append(f"    {_row_line(row, vocabulary, lang)}")
    plan_rows = [r for r in rows if r.citation.role == "plan"]
    ancestor_rows = [r for r in rows if r.citation.role == "ancestor"]
    if plan_rows and ancestor_rows:
        lines += ["", f"{word('explain.mineral', lang)}:"]
        matches = (_mineral_line(plan_rows[0], a, vocabulary, lang) for a in ancestor_rows)
        lines += [f"  {line}" for line in dict.fromkeys(matches)]
    if rows:
        lines += ["", f"{word('explain.units', lang)}:"]
        lines += [f"  {_converted(row, vocabulary, lang)}" for row in rows]
    if plan_rows and ancestor_rows:
        scope = [line for a in ancestor_rows for line in _scope_lines(project, plan_rows[0], a, lang)]
        if scope:
            lines += ["", f"{word('explain.scope', lang)}:", *(f"  {line}" for line in dict.fromkeys(scope))]
    norm = norm_text(specs, finding.rule)
    if norm:
        lines += ["", f"{word('explain.norm', lang)}: {norm}"]
    change = remedy(finding, lang, description_of(specs.get(finding.rule), lang))
    if change:
        lines.append(f"{word('explain.remedy', lang)}: {change}")
    if any(p.id == finding.plan and p.judged for p in report.plans):
        from planlint.review import verdict

        lines.append(f"{word('explain.verdict', lang)}: {verdict_text(verdict(report, finding.plan), lang)}")
    return "\n".join(lines) + "\n"
