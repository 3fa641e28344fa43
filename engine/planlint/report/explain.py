"""Why a finding was raised (`planlint explain FINDING_ID`): the rows compared, the mineral match through
the vocabulary, the unit conversion and the scope reasoning, in the reader's language.

The rows are found again from the finding's citations (a plan and a cited line), so the explanation shows
exactly the rows the finding rests on, as the plan files record them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planlint.api import Project
from planlint.findings import Citation, Finding, Pass, Report
from planlint.i18n import Lang, scope_text
from planlint.model import Indicator, Zone
from planlint.remedy import description_of, remedy
from planlint.report.render import (
    citation_place,
    citation_who,
    held_title,
    list_separator,
    norm_text,
    rule_specs,
    rule_title,
    severity_name,
)
from planlint.report.sources import Texts, cited_quote
from planlint.report.words import word
from planlint.review import verdict_text
from planlint.unit_table import SECONDS_PER_YEAR
from planlint.units import BASIS_LABELS, UnitError, parse_unit, printed_unit
from planlint.vocabulary import Vocabulary

if TYPE_CHECKING:
    from planlint.kinds.zones_carried import Comparison
    from planlint.rights.model import Right
    from planlint.rights.prepare import PreparedRight

ZONE_KINDS = frozenset({"zones_carried"})
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


def cited_rows(project: Project, finding: Finding | Pass) -> list[Row]:
    """The indicators the finding compared: those its citations point at (same plan, line, table and
    section) of its metric, or, for a finding about a mineral and no metric, naming a related mineral.
    Other rows printed at a cited place (a zone's area on the zone's line) were not compared."""
    if finding.kind in ZONE_KINDS:  # zones are compared by name, kind and minerals (`_zone_lines`)
        return []
    rows = []
    for citation in finding.citations:
        if citation.role == "norm" or citation.plan is None or citation.line is None:
            continue
        plan = project.hierarchy.plan(citation.plan)
        place = (citation.line, citation.table, citation.section)
        for indicator, zone in plan.all_indicators():
            cite = indicator.cite
            if (cite.line, cite.table, cite.section) == place and _compared(project, finding, indicator):
                rows.append(Row(citation, indicator, zone))
    return rows


def _compared(project: Project, finding: Finding | Pass, indicator: Indicator) -> bool:
    if finding.metric is not None:
        return indicator.metric == finding.metric
    if finding.mineral is None or indicator.mineral is None:
        return False
    return _relation(project.vocabulary, indicator.mineral, finding.mineral) is not None


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
    return f"{OP_SIGNS[indicator.op]} {number} {printed_unit(indicator.unit)}".strip()


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


def _converted(row: Row, vocabulary: Vocabulary, lang: Lang) -> str | None:
    """'≥ 20 万立方米 = ≥ 200000 立方米/年…': the row's value in its dimension's display unit (an equality's
    '=' said once), or None when there is nothing to convert it to."""
    indicator = row.indicator
    metric = vocabulary.metrics.get(indicator.metric)
    annual = bool(metric is not None and metric.annual)
    values = indicator.value if isinstance(indicator.value, tuple) else (indicator.value,)
    sign = "" if indicator.op == "==" else OP_SIGNS[indicator.op]
    converted = _in_base(values, indicator.unit, annual, sign, lang)
    shown = _value(indicator)
    if not converted or _spaceless(converted.removeprefix(" = ")) == _spaceless(shown):
        return None  # nothing to convert to, or already in the display unit ('> 40 %')
    return f"{shown}{converted}"


def _spaceless(text: str) -> str:
    return "".join(text.split())


def _units_lines(rows: list[Row], vocabulary: Vocabulary, lang: Lang) -> list[str]:
    """The unit section: a line per row converted; nothing when no row was."""
    converted = list(dict.fromkeys(c for c in (_converted(row, vocabulary, lang) for row in rows) if c))
    if not converted:
        return []
    return ["", f"{word('explain.units', lang)}:", *(f"  {line}" for line in converted)]


def _in_base(values: tuple[float, ...], unit_text: str, annual: bool, sign: str, lang: Lang) -> str:
    """' = ≥ 200000 立方米/年（年度指标…）': the values in the display unit of their dimension, per year."""
    try:
        unit = parse_unit(unit_text)
    except UnitError:
        return ": ?"
    dimension = unit.dimension
    per_year = 1.0
    note = ""
    if unit.is_rate:
        dimension = dimension.removesuffix(" / [time]")
        per_year = SECONDS_PER_YEAR
    elif annual:
        note = word("explain.annual", lang)
    display = DISPLAY.get(dimension)
    if display is None:  # no display unit for this dimension (years, counts): nothing to convert to
        return ""
    zh_unit, en_unit, size = display
    shown = "–".join(f"{round(unit.to_base(v) * per_year / size, 6):.12g}" for v in values)
    rate = ("/年" if lang == "zh" else "/year") if unit.is_rate or annual else ""
    label = BASIS_LABELS[unit.basis][lang] if unit.basis else ""
    if lang == "zh":  # the basis before the unit, as plans print it: '300000 矿石 吨/年'
        return f" = {sign} {shown} {label} {zh_unit}{rate}{note}".replace("  ", " ")
    return f" = {sign} {shown} {en_unit}{rate} {label}{note}".replace("  ", " ").rstrip()


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


def _plan_minerals(project: Project, finding: Finding) -> list[str]:
    """The minerals the plan names at the places the finding cites (list entries, rows, zones), in order."""
    names: dict[str, None] = {}
    for citation in finding.citations:
        if citation.role != "plan" or citation.plan is None or citation.line is None:
            continue
        plan = project.hierarchy.plan(citation.plan)
        place = (citation.line, citation.table, citation.section)
        lists = plan.minerals
        for entry in (*lists.encouraged, *lists.restricted, *lists.prohibited):
            if (entry.cite.line, entry.cite.table, entry.cite.section) == place:
                names.setdefault(entry.mineral)
        for indicator, _zone in plan.all_indicators():
            cite = indicator.cite
            if indicator.mineral and (cite.line, cite.table, cite.section) == place:
                names.setdefault(indicator.mineral)
        for zone in plan.zones:
            if (zone.cite.line, zone.cite.table, zone.cite.section) == place:
                names.update(dict.fromkeys(zone.minerals))
    return list(names)


def _related_first(names: list[str], listed: str, vocabulary: Vocabulary) -> list[str]:
    """The names the vocabulary relates to the listed mineral (all of them when none is related)."""
    related = [n for n in names if _relation(vocabulary, n, listed) is not None]
    return related or names


def _relation(vocabulary: Vocabulary, a: str, b: str) -> list[str] | None:
    if a not in vocabulary.minerals and vocabulary.canonical(a) not in vocabulary.minerals:
        return None
    if vocabulary.canonical(a) == vocabulary.canonical(b):
        return [a]
    return mineral_path(vocabulary, a, b) or mineral_path(vocabulary, b, a)


def _listed_line(plan_mineral: str, listed: str, vocabulary: Vocabulary, lang: Lang) -> str:
    """How a mineral the plan names meets the mineral an ancestor lists, through the vocabulary."""
    if (
        plan_mineral not in vocabulary.minerals
        and vocabulary.canonical(plan_mineral) not in vocabulary.minerals
    ):
        return word("explain.unrelated", lang, a=plan_mineral, b=listed)
    if vocabulary.canonical(plan_mineral) == vocabulary.canonical(listed):
        return word(
            "explain.same_mineral", lang, a=plan_mineral, b=listed, entry=vocabulary.canonical(listed)
        )
    narrower = mineral_path(vocabulary, plan_mineral, listed)
    if narrower is not None:
        return word(
            "explain.listed_covers", lang, plan=plan_mineral, listed=listed, path=" → ".join(narrower)
        )
    wider = mineral_path(vocabulary, listed, plan_mineral)
    if wider is not None:
        return word("explain.plan_wider", lang, plan=plan_mineral, listed=listed, path=" → ".join(wider))
    return word("explain.unrelated", lang, a=plan_mineral, b=listed)


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


def _citation_block(
    citation: Citation, docs: Path | None, lang: Lang, subject: str | None = None, texts: Texts | None = None
) -> list[str]:
    """Who is cited and where, and the cited line quoted: from the plan document read in this run (`texts`),
    else from --docs."""
    who = citation_who(citation, lang, subject)
    lines = [f"  {who}: {citation_place(citation, lang)}"]
    quote = cited_quote(docs, citation, texts)
    if quote is not None:
        before, cited = quote
        lines.append("    > " + " · ".join([*before, cited]))
    return lines


def _row_lines(
    project: Project, finding: Finding, docs: Path | None, lang: Lang, texts: Texts | None = None
) -> list[str]:
    """The rows compared under their citations, then the mineral match, the units and the scope."""
    vocabulary = project.vocabulary
    rows = cited_rows(project, finding)
    lines = [] if rows else [f"  {word('explain.no_rows', lang)}"]
    for citation in finding.citations:
        if citation.role == "norm":
            continue
        lines += _citation_block(citation, docs, lang, finding.plan, texts)
        lines += [f"    {_row_line(row, vocabulary, lang)}" for row in rows if row.citation == citation]
    plan_rows = [r for r in rows if r.citation.role == "plan" and r.citation.plan == finding.plan]
    ancestor_rows = [r for r in rows if r.citation.role == "ancestor"]
    if plan_rows and ancestor_rows:
        lines += ["", f"{word('explain.mineral', lang)}:"]
        matches = (_mineral_line(plan_rows[0], a, vocabulary, lang) for a in ancestor_rows)
        lines += [f"  {line}" for line in dict.fromkeys(matches)]
    elif finding.mineral is not None:
        names = _related_first(_plan_minerals(project, finding), finding.mineral, vocabulary)
        if names:
            lines += ["", f"{word('explain.mineral', lang)}:"]
            lines += [f"  {_listed_line(n, finding.mineral, vocabulary, lang)}" for n in names]
    lines += _units_lines(rows, vocabulary, lang)
    if plan_rows and ancestor_rows:
        scope = [line for a in ancestor_rows for line in _scope_lines(project, plan_rows[0], a, lang)]
        if scope:
            lines += ["", f"{word('explain.scope', lang)}:", *(f"  {line}" for line in dict.fromkeys(scope))]
    return lines


def _zone_lines(
    project: Project, finding: Finding, docs: Path | None, lang: Lang, texts: Texts | None = None
) -> list[str]:
    """A zone finding (PL120/PL121): the ancestor's zone and the plan's closest, under their citations,
    then how their names were compared (as `kinds.zones_carried.compare` did)."""
    found = _zone_comparison(project, finding)
    if found is None:  # the ancestor's zone is no longer there to compare: show the citations only
        lines = [f"  {word('explain.no_rows', lang)}"]
        for citation in (c for c in finding.citations if c.role != "norm"):
            lines += _citation_block(citation, docs, lang, texts=texts)
        return lines
    sides = {"ancestor": found.zone, "plan": found.closest}
    lines = []
    for citation in (c for c in finding.citations if c.role != "norm"):
        lines += _citation_block(citation, docs, lang, texts=texts)
        zone = sides.get(citation.role)
        if zone is None:
            continue
        uncited = citation.line is None and zone.cite.line is not None  # a missing zone's closest
        closest = (
            word("explain.zone_closest", lang, line=_line_words(zone.cite.line, lang)) if uncited else ""
        )
        lines.append(f"    {closest}{_zone_side(project, zone, lang)}")
    return [
        *lines,
        "",
        f"{word('explain.zone_names', lang)}:",
        *(f"  {r}" for r in _zone_reasons(project, found, lang)),
    ]


def _zone_comparison(project: Project, finding: Finding) -> Comparison | None:
    """The comparison the finding's rule made for the ancestor's zone the finding names, made again."""
    from planlint.context import Context
    from planlint.kinds.zones_carried import Normaliser, Params, compare

    rule = next((r for r in project.rules if r.id == finding.rule), None)
    if rule is None or not isinstance(rule.params, Params) or finding.against is None:
        return None
    kind = finding.subject.detail[0] if finding.subject.detail else None
    ancestor = project.hierarchy.plan(finding.against)
    zone = next((z for z in ancestor.zones if z.name == finding.subject.zone and z.kind == kind), None)
    if zone is None:
        return None
    context = Context(project, (finding.plan,))
    own = tuple(project.hierarchy.plan(finding.plan).zones)
    return compare(context, Normaliser(context, rule.params), zone, own)


def _zone_side(project: Project, zone: Zone, lang: Lang) -> str:
    kind = project.vocabulary.require_zone_kind(zone.kind)
    separator = list_separator(lang)
    return word(
        "explain.zone_side",
        lang,
        kind=getattr(kind, lang),
        name=zone.name,
        minerals=separator.join(zone.minerals) or word("explain.zone_no_minerals", lang),
    )


def _zone_reasons(project: Project, found: Comparison, lang: Lang) -> list[str]:
    """Why the zone was judged renamed or missing: the names as compared, the candidates, the closest."""
    zone, closest = found.zone, found.closest
    separator = list_separator(lang)
    if closest is None:
        kind = project.vocabulary.require_zone_kind(zone.kind)
        return [word("explain.zone_none", lang, kind=getattr(kind, lang))]
    names = found.names
    reasons = [
        word(
            "explain.zone_normalised",
            lang,
            ancestor=zone.name,
            a=names[zone.name],
            plan=closest.name,
            b=names[closest.name],
            ratio=f"{found.similarity(closest):.2f}",
        )
    ]
    if found.outcome == "renamed":
        listed = separator.join(f"「{z.name}」" if lang == "zh" else z.name for z in found.near)
        reasons.append(word("explain.zone_renamed", lang, names=listed, closest=closest.name))
    else:
        listed = separator.join(f"「{z.name}」" if lang == "zh" else z.name for z in found.pool)
        reasons.append(word("explain.zone_missing", lang, names=listed, closest=closest.name))
    return reasons


def _opening(finding: Finding, specs: dict[str, Any], subject: str, lang: Lang) -> list[str]:
    """An explanation's first lines: the finding's id, severity and rule, what it is about, its message."""
    severity = severity_name(finding.severity, lang)
    title = f"{finding.id}  {severity} · {finding.rule} {rule_title(specs, finding.rule, lang)}"
    return [title, subject, "", finding.text(lang), ""]


def explain_finding(
    project: Project,
    report: Report,
    finding: Finding,
    lang: Lang,
    docs: Path | None,
    texts: Texts | None = None,
) -> str:
    """Everything about why one finding was raised, as plain text."""
    specs = rule_specs(report)
    against = finding.against or word("itself", lang)
    lines = [
        *_opening(finding, specs, f"{finding.plan} {word('against', lang)} {against}", lang),
        f"{word('explain.zones' if finding.kind in ZONE_KINDS else 'explain.rows', lang)}:",
    ]
    if finding.kind in ZONE_KINDS:
        lines += _zone_lines(project, finding, docs, lang, texts)
    else:
        lines += _row_lines(project, finding, docs, lang, texts)
    norm = norm_text(specs, finding.rule, lang)
    if norm:
        lines += ["", f"{word('explain.norm', lang)}: {norm}"]
    change = remedy(finding, lang, description_of(specs.get(finding.rule), lang))
    if change:
        lines.append(f"{word('explain.remedy', lang)}: {change}")
    if any(p.id == finding.plan and p.judged for p in report.plans):
        from planlint.review import verdict

        lines.append(f"{word('explain.verdict', lang)}: {verdict_text(verdict(report, finding.plan), lang)}")
    return "\n".join(lines) + "\n"


def explain_pass(
    project: Project, report: Report, held: Pass, lang: Lang, docs: Path | None, texts: Texts | None = None
) -> str:
    """What a pass (a comparison that held) compared: the rows on both sides, the mineral match, the units."""
    specs = rule_specs(report)
    vocabulary = project.vocabulary
    against = held.against or word("itself", lang)
    subject = f"{word('explain.right', lang)} {held.right}" if held.right else held.plan
    lines = [
        f"{held.id}  {word('explain.pass', lang)} · {held.rule} {held_title(held, lang)}",
        f"{subject} {word('against', lang)} {against}",
        "",
        f"{word('explain.rows', lang)}:",
    ]
    rows = cited_rows(project, held)
    for citation in held.citations:
        if citation.role != "norm":
            lines += _citation_block(citation, docs, lang, held.plan, texts)
            lines += [f"    {_row_line(r, vocabulary, lang)}" for r in rows if r.citation == citation]
    plan_rows = [r for r in rows if r.citation.role == "plan"]
    ancestor_rows = [r for r in rows if r.citation.role == "ancestor"]
    if plan_rows and ancestor_rows:
        lines += ["", f"{word('explain.mineral', lang)}:"]
        matches = (_mineral_line(plan_rows[0], a, vocabulary, lang) for a in ancestor_rows)
        lines += [f"  {line}" for line in dict.fromkeys(matches)]
    lines += _units_lines(rows, vocabulary, lang)
    norm = norm_text(specs, held.rule, lang)
    if norm:
        lines += ["", f"{word('explain.norm', lang)}: {norm}"]
    return "\n".join(lines) + "\n"


def explain_right_finding(
    project: Project, report: Report, finding: Finding, rights: Path, lang: Lang, docs: Path | None
) -> str:
    """Why a check-rights finding was raised: the right's record, where it was placed, the plan rows it was
    compared with (and what the record lacks to decide each), the mineral match and the units."""
    from planlint.rights.prepare import prepare_rights
    from planlint.rights.read import load_rights

    specs = rule_specs(report)
    vocabulary = project.vocabulary
    loaded = load_rights(rights, vocabulary)
    prepared = next(
        p for p in prepare_rights(loaded, project.hierarchy, vocabulary) if p.right.id == finding.right
    )
    right = prepared.right
    lines = [
        *_opening(
            finding,
            specs,
            f"{word('explain.right', lang)} {right.id} {word('against', lang)} {finding.plan}",
            lang,
        ),
        f"{word('explain.right_record', lang)} ({prepared.loaded.path.name} {_line_words(prepared.loaded.line, lang)}):",
        *(f"  {label}: {value}" for label, value in _record(right, lang)),
        "",
        word(
            "explain.placed",
            lang,
            place=right.jurisdiction,
            plans=list_separator(lang).join(prepared.plans),
        ),
        "",
        f"{word('explain.rows', lang)}:",
    ]
    rows = [r for r in cited_rows(project, finding) if r.citation.role != "right"]
    if not rows:
        cites_a_plan = any(c.role not in ("norm", "right") for c in finding.citations)
        lines.append(f"  {word('explain.no_rows' if cites_a_plan else 'explain.own_record', lang)}")
    lacking = _lacking(project, prepared, finding, lang)
    for citation in finding.citations:
        if citation.role in ("norm", "right"):
            continue
        lines += _citation_block(citation, docs, lang)
        for row in (r for r in rows if r.citation == citation):
            lines.append(f"    {_row_line(row, vocabulary, lang)}")
            missing = lacking.get(
                (row.indicator.cite.line, row.indicator.cite.table, row.indicator.cite.section)
            )
            if missing:
                lines.append(f"      {word('explain.missing', lang, fields=missing)}")
    if rows:
        lines += ["", f"{word('explain.mineral', lang)}:"]
        lines += [
            f"  {line}"
            for line in dict.fromkeys(_right_mineral_line(right.mineral, r, vocabulary, lang) for r in rows)
        ]
    lines += [
        "",
        f"{word('explain.units', lang)}:",
        f"  {word('explain.right', lang)}: {_right_capacity(right, lang)}",
    ]
    lines += [f"  {c}" for c in (_converted(row, vocabulary, lang) for row in rows) if c is not None]
    norm = norm_text(specs, finding.rule, lang)
    if norm:
        lines += ["", f"{word('explain.norm', lang)}: {norm}"]
    change = remedy(finding, lang, description_of(specs.get(finding.rule), lang))
    if change:
        lines.append(f"{word('explain.remedy', lang)}: {change}")
    return "\n".join(lines) + "\n"


RECORD_FIELDS = (
    "id",
    "name",
    "jurisdiction",
    "location",
    "mineral",
    "kind",
    "capacity",
    "reserves",
    "term_years",
    "deposit",
    "method",
    "region",
    "zone",
    "note",
)


def _record(right: Right, lang: Lang) -> list[tuple[str, str]]:
    """The right's record as read, field by field; a field the record leaves out says so."""
    shown = []
    for field in RECORD_FIELDS:
        value = getattr(right, field)
        if field in ("capacity", "reserves") and value is not None:
            basis = "" if value.basis == "none" else f" ({BASIS_LABELS[value.basis][lang]})"
            value = f"{value.value:.12g} {printed_unit(value.unit)}{basis}"
        elif field == "term_years" and value is not None:
            value = f"{value:.12g} {'年' if lang == 'zh' else 'years'}"
        elif field == "kind" and value == "unknown":
            value = None
        elif field in ("kind", "deposit", "method") and value is not None:
            value = word(f"{field}.{value}", lang)  # as the right's record is printed in every report
        shown.append(
            (
                word(f"explain.right.{field}", lang),
                word("explain.not_stated", lang) if value is None else str(value),
            )
        )
    return shown


def _line_words(line: int | None, lang: Lang) -> str:
    if line is None:
        return ""
    return f"第 {line} 行" if lang == "zh" else f"line {line}"


def _lacking(
    project: Project, prepared: PreparedRight, finding: Finding, lang: Lang
) -> dict[tuple[object, ...], str]:
    """For each plan row the right may fall under, what its record lacks to decide it (in words), by row place."""
    from planlint.match import Index
    from planlint.rights.match import MISSING_TEXT, candidates

    if finding.metric is None:
        return {}
    index = Index(project.hierarchy.plans, project.vocabulary)
    separator = list_separator(lang)
    lacking: dict[tuple[object, ...], str] = {}
    for plan_id in prepared.plans:
        for candidate in candidates(index, plan_id, prepared, finding.metric):
            if candidate.missing:
                cite = candidate.stated.cite
                fields = sorted(set(candidate.missing))
                lacking[(cite.line, cite.table, cite.section)] = separator.join(
                    MISSING_TEXT[f][lang] for f in fields
                )
    return lacking


def _right_mineral_line(mineral: str, row: Row, vocabulary: Vocabulary, lang: Lang) -> str:
    """How the right's mineral meets a plan row's, through the vocabulary."""
    listed = row.indicator.mineral
    if listed is None:
        return word("explain.plan_wide", lang)
    if vocabulary.canonical(mineral) == vocabulary.canonical(listed):
        return word("explain.same_mineral", lang, a=mineral, b=listed, entry=vocabulary.canonical(listed))
    path = mineral_path(vocabulary, mineral, listed)
    if path is None:
        return word("explain.unrelated", lang, a=mineral, b=listed)
    return word("explain.right_broader", lang, narrow=mineral, broad=listed, path=" → ".join(path))


def _right_capacity(right: Right, lang: Lang) -> str:
    amount = right.capacity
    printed = f"{amount.value:.12g} {printed_unit(amount.unit)}"
    return f"{printed}{_in_base((amount.value,), amount.unit, False, '', lang)}".replace("=  ", "= ")
