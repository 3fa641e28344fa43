"""`--format html`: one self-contained page a reviewer can open, filter, print and file.

No network and no external assets: the styles, the script and the hierarchy (an inline SVG, each box
coloured by the worst verdict of its plan and the plans below it) are all in the page, and a
Content-Security-Policy forbids loading anything else. Without JavaScript every finding is shown; with it, findings filter by severity and plan.
A check-rights report reviews the rights: it counts them, gives each its verdict in a table (with its own
record), and gives the plans, which the rights were held against, no verdict.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any

from planlint import __version__
from planlint.findings import SEVERITIES, Citation, Finding, PlanSummary, Report, RightSummary
from planlint.i18n import Lang
from planlint.report.render import (
    LEVELS,
    Options,
    baseline_mark,
    citation_place,
    citation_who,
    colon,
    context_plans,
    count_cell,
    counterpart,
    finding_waiver,
    level_name,
    list_separator,
    norm_text,
    reasons,
    record_text,
    reported_plans,
    resolved_by_plan,
    resolved_heading,
    resolved_item,
    round_counts,
    round_notes,
    rule_specs,
    rule_title,
    severity_counts,
    severity_name,
    summary_text,
    verdict_line,
    waived_apart,
    waiver_mark,
    waiver_text,
)
from planlint.report.sources import cited_quote
from planlint.report.words import word
from planlint.review import (
    RIGHT_VERDICT_WORDS,
    grounds,
    right_grounds,
    right_verdict,
    right_verdict_text,
    verdict,
    verdict_text,
)

VERDICT_ORDER = ("revise", "review", "pass")
# Up to this many plans the whole hierarchy is drawn; above it, only the selected plan's neighbourhood.
WHOLE_TREE = 40

# Box colours by verdict: (fill, stroke, text). A box takes the worst verdict of its plan and every plan
# below it, so the top levels of a nation show where the problems are; they match the verdict badges.
STATUS_COLOURS: dict[str, tuple[str, str, str]] = {
    "revise": ("#fde7e7", "#c62828", "#8e1b1b"),
    "review": ("#fff1dc", "#e07800", "#8a4b00"),
    "pass": ("#e6f4ea", "#2e7d32", "#1f5a23"),
    "context": ("#f1f1f1", "#9a9a9a", "#555555"),
}
# A rights review judges no plan: its boxes take the colour of the worst finding held against the plan.
RIGHTS_COLOUR = {"error": "revise", "warning": "review"}

NODE_W, NODE_H = 168, 58


def _counts_text(counts: dict[str, int], lang: Lang, short: bool = False) -> str:
    names = {s: word(f"short.{s}", lang) if short else severity_name(s, lang) for s in SEVERITIES}
    return " · ".join(f"{counts[s]} {names[s]}" for s in SEVERITIES if counts[s])


# ------------------------------------------------------------------------------------------- hierarchy


def _dfs_order(plans: tuple[PlanSummary, ...]) -> list[PlanSummary]:
    """Plans in depth-first order from the roots (children by id), so a row lists siblings together."""
    known = {p.id: p for p in plans}
    children: dict[str, list[str]] = {p.id: [] for p in plans}
    for plan in plans:
        for parent in plan.parents:
            if parent in children:
                children[parent].append(plan.id)
    order: dict[str, None] = {}
    roots = [p.id for p in plans if not any(parent in known for parent in p.parents)]
    stack = list(reversed(sorted(roots) + sorted(known)))
    while stack:
        plan_id = stack.pop()
        if plan_id in order:
            continue
        order[plan_id] = None
        stack.extend(reversed(sorted(children[plan_id])))
    return [known[pid] for pid in order]


def _verdicts_below(report: Report, verdicts: Mapping[str, str]) -> dict[str, Counter[str]]:
    """For each plan, the verdicts of the judged plans below it (each counted once, whatever its paths)."""
    known = {p.id for p in report.plans}
    below: dict[str, Counter[str]] = {p.id: Counter() for p in report.plans}
    for plan_id, code in verdicts.items():
        seen: set[str] = set()
        todo = [p for p in report.parents.get(plan_id, ()) if p in known]
        while todo:
            above = todo.pop()
            if above in seen:
                continue
            seen.add(above)
            below[above][code] += 1
            todo.extend(p for p in report.parents.get(above, ()) if p in known)
    return below


def _box_status(own: str | None, below: Counter[str]) -> str:
    """The worst verdict of a plan (None: not judged) and the plans below it; 'context' if none is judged."""
    found = [code for code in VERDICT_ORDER if code == own or below[code]]
    return found[0] if found else "context"


def _own_text(report: Report, plan: PlanSummary, own: str | None, lang: Lang) -> str:
    """A box's line about the plan itself: its counted findings, 无问题, 仅作对照, or 需人工审查."""
    split = severity_counts(report, report.by_plan.get(plan.id, ()))
    counts = {s: counted for s, (counted, _) in split.items()}
    if any(counts.values()):
        return _counts_text(counts, lang, short=True)
    if own is None:
        return word("context", lang)
    return word("clean", lang) if own == "pass" else word("box.undecided", lang)


def _below_text(below: Counter[str], lang: Lang, short: bool) -> str:
    """'下辖 2 个需修改' (the worst verdict below, `short`) or every verdict below; '' with none judged."""
    if not below:
        return ""
    if short:
        code = next(code for code in VERDICT_ORDER if below[code])
        if code == "pass":
            return word("box.below_all_pass", lang, n=below[code])
        return word("box.below", lang, n=below[code], verdict=word(f"box.verdict.{code}", lang))
    parts = [
        word("box.below_count", lang, n=below[code], verdict=verdict_text(code, lang))
        for code in VERDICT_ORDER
        if below[code]
    ]
    return word("box.below_all", lang, n=sum(below.values()), verdicts=list_separator(lang).join(parts))


def hierarchy_data(report: Report, lang: Lang, linked: Iterable[str]) -> list[list[Any]]:
    """What the page's script needs to draw the hierarchy around a plan: one short row per plan, with the
    box's colour (the worst verdict of the plan and the plans below it), a line about the plan itself, its
    tooltip and a line about the plans below it. A rights review gives the plans no verdict: a box is
    coloured by the worst finding of the rights held against its plan, and says nothing of the plans below."""
    linked = set(linked)
    box = _rights_box if report.rights else _plan_box(report)
    rows = []
    for plan in _dfs_order(report.plans):
        status, own, tip, below = box(report, plan, lang)
        rows.append(
            [
                plan.id,
                plan.name,
                plan.jurisdiction or plan.name,
                plan.level,
                list(plan.parents),
                status,
                int(plan.partial),
                int(plan.id in linked),
                own,
                " · ".join(
                    [level_name(plan.level, lang), *tip] + ([word("partial", lang)] if plan.partial else [])
                ),
                below,
            ]
        )
    return rows


Box = tuple[str, str, list[str], str]  # colour, the line on the plan, the tooltip's words, the line below


def _plan_box(report: Report) -> Callable[[Report, PlanSummary, Lang], Box]:
    """A plan review's box: the worst verdict of the plan and the plans below it, and both in words."""
    verdicts = {p.id: verdict(report, p.id) for p in report.plans if p.judged}
    below = _verdicts_below(report, verdicts)

    def box(report: Report, plan: PlanSummary, lang: Lang) -> Box:
        own = verdicts.get(plan.id)
        # always '本级：…', set apart from the line on the plans below it
        own_text = word("box.own", lang, said=_own_text(report, plan, own, lang))
        tip = [verdict_line(report, plan.id, lang) if own is not None else own_text]
        if below[plan.id]:
            tip.append(_below_text(below[plan.id], lang, short=False))
        return _box_status(own, below[plan.id]), own_text, tip, _below_text(below[plan.id], lang, short=True)

    return box


def _rights_box(report: Report, plan: PlanSummary, lang: Lang) -> Box:
    """A rights review's box: the worst finding of the rights held against the plan, no verdict."""
    worst = report.worst(plan.id)
    status = RIGHTS_COLOUR.get(worst or "", "pass" if worst or plan.judged else "context")
    own = _own_text(report, plan, "pass" if plan.judged else None, lang)
    return status, own, [own], ""


def _legend(report: Report, lang: Lang) -> str:
    if report.rights:
        items = [(RIGHTS_COLOUR[s], severity_name(s, lang)) for s in ("error", "warning")]
        items += [("pass", word("clean", lang)), ("context", word("context", lang))]
    else:
        items = [(code, verdict_text(code, lang)) for code in VERDICT_ORDER] + [
            ("context", word("context", lang))
        ]
    parts = []
    for status, name in items:
        fill, stroke, _ = STATUS_COLOURS[status]
        parts.append(
            f'<li><span class="swatch" style="background:{fill};border-color:{stroke}"></span>{escape(name)}</li>'
        )
    parts.append(f'<li><span class="swatch dashed"></span>{escape(word("legend_partial", lang))}</li>')
    if not report.rights:
        parts.append(f'<li class="legend-note">{escape(word("legend_below", lang))}</li>')
    return '<ul class="legend">' + "".join(parts) + "</ul>"


# -------------------------------------------------------------------------------------------- findings


def _citation(citation: Citation, options: Options, subject: str | None = None) -> str:
    lang = options.lang
    parts = [
        f'<li class="citation role-{citation.role}">',
        f'<span class="who">{escape(citation_who(citation, lang, subject))}</span> ',
        f'<span class="where">{escape(citation_place(citation, lang))}</span>',
    ]
    quote = cited_quote(options.docs, citation, options.texts)
    if quote:
        before, cited = quote
        cells = "".join(f'<span class="cell">{escape(cell)}</span>' for cell in before)
        if before:  # a table cell: its row so far, the cell itself marked
            parts.append(f'<blockquote class="quote row">{cells}<mark>{escape(cited)}</mark></blockquote>')
        else:
            parts.append(f'<blockquote class="quote">{escape(cited)}</blockquote>')
    parts.append("</li>")
    return "".join(parts)


def _review_badges(report: Report, finding: Finding, lang: Lang) -> list[str]:
    """'waived' (with who and why) and 'new' / 'unchanged' against the baseline, in a review round."""
    review = report.review
    if review is None:
        return []
    badges = []
    waiver = finding_waiver(report, finding)
    if waiver is not None:
        mark, given = waiver
        css = "waived" if mark == "waived" else mark.replace("_", "-")
        who = waiver_text(given, lang)
        said = waiver_mark(report, finding, lang)
        badges.append(f'<span class="tag {css}" title="{escape(who)}">{escape(said)}</span>')
    status = review.status(finding)
    if status is not None:
        badges.append(
            f'<span class="tag baseline-{status}">{escape(baseline_mark(report, finding, lang))}</span>'
        )
    return badges


def _finding(report: Report, finding: Finding, specs: dict[str, Any], options: Options) -> str:
    lang = options.lang
    title = rule_title(specs, finding.rule, lang)
    label, who = counterpart(finding, lang)
    severity = finding.severity
    head = [
        f'<span class="badge sev-{severity}">{escape(severity_name(severity, lang))}</span>',
        f'<span class="rule">{escape(finding.rule)}</span>',
    ]
    if title:
        head.append(f'<span class="rule-title">{escape(title)}</span>')
    head += _review_badges(report, finding, lang)
    head.append(f'<span class="against">{escape(label)} <code>{escape(who)}</code></span>')
    citations = "".join(_citation(c, options, finding.plan) for c in finding.citations)
    waived = " waived" if not report.counted(finding) else ""
    return (
        f'<article class="finding sev-{severity}{waived}" id="finding-{escape(finding.id)}" '
        f'data-severity="{severity}" data-plan="{escape(finding.plan)}" data-rule="{escape(finding.rule)}"'
        f"{_round_attribute(report, finding)}>"
        f"<header>{' '.join(head)}</header>"
        f'<p class="message">{escape(finding.text(lang))}</p>'
        f"{_waiver_line(report, finding, lang)}"
        f'<ul class="citations">{citations}</ul>'
        f'<p class="finding-id"><code>{escape(finding.id)}</code></p>'
        "</article>"
    )


def _round_attribute(report: Report, finding: Finding) -> str:
    """' data-round="new"' (the finding's status against the baseline, for the round filter); '' without one."""
    status = report.review.status(finding) if report.review is not None else None
    return f' data-round="{status}"' if status else ""


def _waiver_line(report: Report, finding: Finding, lang: Lang) -> str:
    """'已豁免：reason（approver，document，有效期至 …）' (or 豁免已过期) under a finding a waiver names."""
    waiver = finding_waiver(report, finding)
    if waiver is None:
        return ""
    mark, given = waiver
    return f'<p class="waiver {mark}"><strong>{escape(word(mark, lang))}</strong>{colon(lang)}{escape(waiver_text(given, lang))}</p>'


def _verdict_badge(report: Report, plan: PlanSummary, lang: Lang) -> str:
    """The verdict as a badge, its reason as the badge's title."""
    if not plan.judged or report.rights:  # a rights review judges the rights, not the plans
        return ""
    found = grounds(report, plan.id)
    code = found.verdict
    return (
        f'<span class="verdict verdict-{code}" title="{escape(reasons(found, lang))}">'
        f"{escape(verdict_text(code, lang))}</span>"
    )


def _verdict_reason(report: Report, plan: PlanSummary, lang: Lang) -> str:
    if not plan.judged or report.rights:
        return ""
    line = _linked_notes(verdict_line(report, plan.id, lang), grounds(report, plan.id).undecided)
    return (
        f'<p class="verdict-reason"><strong>{escape(word("verdict", lang))}</strong>{colon(lang)}{line}</p>'
    )


def _linked_notes(text: str, notes: Iterable[Finding]) -> str:
    """`text` escaped, each note's id in it a link that shows the note (said once, maybe on another plan)."""
    marked = escape(text)
    for note in notes:
        link = f'<a href="#finding-{escape(note.id)}" class="note-link" data-finding="{escape(note.id)}">'
        marked = marked.replace(escape(note.id), f"{link}{escape(note.id)}</a>")
    return marked


def _clean_or_why(report: Report, plan: PlanSummary, lang: Lang) -> str:
    """The heading's counts for a plan with no findings: 无问题 when it passes, else why it does not (a
    note said on another plan about its ancestor): never 无问题 under 需人工审查."""
    found = grounds(report, plan.id)
    if found.verdict == "pass":
        return f'<span class="clean-count">{escape(word("clean", lang))}</span>'
    return f'<span class="undecided-count">{_linked_notes(reasons(found, lang), found.undecided)}</span>'


def _plan_section(
    report: Report, plan: PlanSummary, findings: list[Finding], specs: dict[str, Any], options: Options
) -> str:
    lang = options.lang
    badges = [f'<span class="level">{escape(level_name(plan.level, lang))}</span>']
    if plan.partial:
        badges.append(f'<span class="level">{escape(word("partial", lang))}</span>')
    badges.append(_verdict_badge(report, plan, lang))
    if findings:
        split = severity_counts(report, findings)
        summary = " · ".join(
            f'<span class="sev-{s}">{counted} {escape(severity_name(s, lang))}{escape(waived_apart(waived, lang))}</span>'
            for s, (counted, waived) in split.items()
            if counted or waived
        )
    else:
        summary = _clean_or_why(report, plan, lang)

    parents = ", ".join(plan.parents) or word("none", lang)
    body = [_finding(report, f, specs, options) for f in findings]
    if not findings and verdict(report, plan.id) == "pass":  # else the verdict's line says why, not 无问题
        body.append(f'<p class="clean">{escape(word("no_findings", lang))}</p>')
    return (
        f'<section class="plan" id="plan-{escape(plan.id)}" data-plan="{escape(plan.id)}">'
        f"<h3><code>{escape(plan.id)}</code> {escape(plan.name)} {''.join(badges)}"
        f'<span class="plan-counts">{summary}</span></h3>'
        f'<p class="plan-meta">{escape(word("parents", lang))}{colon(lang)}{escape(parents)}'
        + (f" · {escape(plan.document)}" if plan.document else "")
        + _passes_count(report, plan, lang)
        + "</p>"
        + _verdict_reason(report, plan, lang)
        + "".join(body)
        + "</section>"
    )


def _passes_count(report: Report, plan: PlanSummary, lang: Lang) -> str:
    """' · 12 comparison(s) checked and held' when passes were asked for (--show-passes)."""
    if report.pass_counts is None or not plan.judged:
        return ""
    n = report.passes_of(plan.id)
    return f' · <span class="passes" data-passes="{n}">{escape(word("passes_count", lang, n=n))}</span>'


def _summary(report: Report, lang: Lang) -> str:
    """The counts: findings by severity, plans judged, and plans by verdict (rights, in a rights review)."""
    if report.rights:
        return _rights_summary(report, lang)
    judged = [p for p in report.plans if p.judged]
    cards = _severity_cards(report, lang)
    cards.append(
        f'<div class="card plans"><span class="count" id="count-plans">{len(judged)}</span>'
        f'<span class="card-label">{escape(word("plans_judged", lang))}</span></div>'
    )
    if report.pass_counts is not None:
        cards.append(
            f'<div class="card passes"><span class="count" id="count-passes">{report.pass_counts.total}</span>'
            f'<span class="card-label">{escape(word("passes", lang))}</span></div>'
        )
    verdicts: Counter[str] = Counter(verdict(report, p.id) for p in judged)
    for code in VERDICT_ORDER:
        cards.append(
            f'<div class="card verdict-{code}"><span class="count" id="count-verdict-{code}">{verdicts[code]}</span>'
            f'<span class="card-label">{escape(verdict_text(code, lang))}</span></div>'
        )
    cards += _round_cards(report, lang)
    return (
        f'<section id="summary"><h2>{escape(word("summary_heading", lang))}</h2>'
        f'<div class="cards">{"".join(cards)}</div></section>'
    )


def _resolved(report: Report, lang: Lang) -> str:
    """The findings the baseline raised and this round no longer has, under their plan: collapsed, after the
    summary (a national round resolves hundreds)."""
    groups = resolved_by_plan(report)
    if not groups:
        return ""
    parts = []
    for plan, ids in groups:
        items = "".join(f"<li>{escape(resolved_item(report, i, lang))}</li>" for i in ids)
        parts.append(f"<h3>{escape(resolved_heading(report, plan, lang))}</h3><ul>{items}</ul>")
    total = sum(len(ids) for _, ids in groups)
    heading = f"{word('resolved_heading', lang)}{'（' if lang == 'zh' else ' ('}{total}{'）' if lang == 'zh' else ')'}"
    return f'<section id="resolved"><details><summary>{escape(heading)}</summary>{"".join(parts)}</details></section>'


def _round_cards(report: Report, lang: Lang) -> list[str]:
    """Against a baseline, a card each for the findings new this round, raised before, and resolved."""
    counts = round_counts(report)
    return [
        f'<div class="card round-{key}"><span class="count" id="count-round-{key}">{n}</span>'
        f'<span class="card-label">{escape(word(f"round.{key}", lang))}</span></div>'
        for key, n in (counts or {}).items()
    ]


def _severity_cards(report: Report, lang: Lang) -> list[str]:
    """A card per severity: the counted findings, the waived said under the label."""
    totals = severity_counts(report, report.findings)
    return [
        f'<div class="card sev-{s}"><span class="count" id="count-{s}">{counted}</span>'
        f'<span class="card-label">{escape(severity_name(s, lang))}{escape(waived_apart(waived, lang))}</span></div>'
        for s, (counted, waived) in totals.items()
    ]


def _rights_summary(report: Report, lang: Lang) -> str:
    """A rights review's counts: findings by severity, rights reviewed, and rights by verdict."""
    cards = _severity_cards(report, lang)
    cards.append(
        f'<div class="card plans"><span class="count" id="count-rights">{len(report.rights)}</span>'
        f'<span class="card-label">{escape(word("rights_reviewed", lang))}</span></div>'
    )
    verdicts: Counter[str] = Counter(right_verdict(report, r.id) for r in report.rights)
    for code in RIGHT_VERDICT_WORDS:
        cards.append(
            f'<div class="card verdict-{code}"><span class="count" id="count-right-verdict-{code}">'
            f'{verdicts[code]}</span><span class="card-label">{escape(right_verdict_text(code, lang))}</span></div>'
        )
    cards += _round_cards(report, lang)
    return (
        f'<section id="summary"><h2>{escape(word("summary_heading", lang))}</h2>'
        f'<div class="cards">{"".join(cards)}</div></section>'
    )


def _right_row(report: Report, right: RightSummary, lang: Lang) -> str:
    code = right_verdict(report, right.id)
    split = severity_counts(report, report.by_right.get(right.id, ()))
    place = citation_place(right.cited, lang) if right.cited is not None else ""
    cells = [
        f"<td><code>{escape(right.id)}</code> {escape(right.name)}</td>",
        f"<td>{escape(right.jurisdiction)}</td>",
        f"<td>{escape(', '.join(right.plans))}</td>",
        f'<td><span class="verdict verdict-{code}" title="{escape(reasons(right_grounds(report, right.id), lang))}">'
        f"{escape(right_verdict_text(code, lang))}</span></td>",
        *(
            f'<td class="num{" hot sev-" + s if split[s][0] else ""}">{escape(count_cell(split[s], lang))}</td>'
            for s in SEVERITIES
        ),
        f'<td class="record">{escape(record_text(right, lang))}<br><small>{escape(place)}</small></td>',
    ]
    return f'<tr data-right="{escape(right.id)}">{"".join(cells)}</tr>'


def _rights_overview(report: Report, lang: Lang) -> str:
    """Every right reviewed: its place, the plans it was held against, its verdict, counts and record."""
    keys = ("right_col", "jurisdiction_col", "against_col", "verdict")
    head = [f"<th>{escape(word(k, lang))}</th>" for k in keys]
    head += [f'<th class="num">{escape(severity_name(s, lang))}</th>' for s in SEVERITIES]
    head.append(f"<th>{escape(word('right_record', lang))}</th>")
    rows = "".join(_right_row(report, r, lang) for r in report.rights)
    return (
        f'<section id="rights"><h2>{escape(word("rights_heading", lang))}</h2>'
        f'<div class="overview-wrap"><table class="summary-table" id="rights-table">'
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{rows}</tbody></table></div></section>"
    )


def _overview(
    report: Report, listed: list[PlanSummary], by_plan: dict[str, list[Finding]], lang: Lang
) -> str:
    """Plans × rules: the verdict, the counts by severity and by rule; sortable, worst first."""
    specs = rule_specs(report)
    fired = sorted({f.rule for f in report.findings})
    head = [
        f'<th data-sort="text">{escape(word("plan_col", lang))}</th>',
        f'<th data-sort="text">{escape(word("level_col", lang))}</th>',
        f'<th data-sort="num">{escape(word("verdict", lang))}</th>',
    ]
    head += [f'<th class="num" data-sort="num">{escape(severity_name(s, lang))}</th>' for s in SEVERITIES]
    head += [
        f'<th class="num rule-col" data-sort="num" title="{escape(rule_title(specs, r, lang))}">{escape(r)}</th>'
        for r in fired
    ]
    rank = {code: i for i, code in enumerate(reversed(VERDICT_ORDER))}
    rows = []
    for plan in sorted(listed, key=lambda p: _overview_key(report, p)):
        code = verdict(report, plan.id) if plan.judged else None
        rules = Counter(f.rule for f in by_plan.get(plan.id, ()))
        worst = {f.rule: f.severity for f in reversed(by_plan.get(plan.id, ()))}
        cells = [
            f'<td data-v="{escape(plan.name)}"><a href="#plan-{escape(plan.id)}">{escape(plan.name)}</a> '
            f"<code>{escape(plan.id)}</code></td>",
            f"<td>{escape(level_name(plan.level, lang))}</td>",
            f'<td data-v="{rank[code] if code else -1}">{_verdict_badge(report, plan, lang)}</td>',
        ]
        split = severity_counts(report, by_plan.get(plan.id, ()))
        cells += [
            f'<td class="num{" hot sev-" + s if split[s][0] else ""}" data-v="{split[s][0]}">'
            f"{escape(count_cell(split[s], lang))}</td>"
            for s in SEVERITIES
        ]
        cells += [
            f'<td class="num hot sev-{worst[r]}">{rules[r]}</td>' if rules[r] else "<td></td>" for r in fired
        ]
        rows.append(f'<tr data-plan="{escape(plan.id)}">{"".join(cells)}</tr>')
    return (
        f'<section id="overview"><h2>{escape(word("overview", lang))}</h2>'
        f'<p class="meta no-print">{escape(word("sort_hint", lang))}</p>'
        f'<div class="overview-wrap"><table class="summary-table" id="overview-table">'
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _overview_key(report: Report, plan: PlanSummary) -> tuple[int, int, int, str]:
    counts = report.summary(plan.id)
    return (-counts["error"], -counts["warning"], -counts["info"], plan.id)


def _filters(report: Report, listed: list[PlanSummary], by_plan: dict[str, list[Finding]], lang: Lang) -> str:
    totals = report.summary()
    boxes = "".join(
        f'<label class="chip sev-{s}"><input type="checkbox" name="severity" value="{s}" id="filter-{s}" checked> '
        f"{escape(severity_name(s, lang))} ({totals[s]})</label>"
        for s in SEVERITIES
    ) + _round_chips(report, lang)
    options = [f'<option value="">{escape(word("all_plans", lang))}</option>']
    for plan in listed:
        count = len(by_plan.get(plan.id, ()))
        options.append(
            f'<option value="{escape(plan.id)}">{escape(plan.name)}（{escape(plan.id)}）· {count}</option>'
        )
    template = word("shown", lang, shown="{shown}", total="{total}")
    search, matches = word("plan_search", lang), word("plan_matches", lang, n="{n}")
    total = len(report.findings)
    return (
        f'<form id="filters" class="filters" aria-label="{escape(word("filter", lang))}" onsubmit="return false">'
        f"<fieldset><legend>{escape(word('filter', lang))}</legend>{boxes}"
        f'<label class="select">{escape(word("filter_plan", lang))} '
        f'<input type="search" id="plan-search" autocomplete="off" placeholder="{escape(search)}" '
        f'aria-label="{escape(search)}"> '
        f'<select id="plan-filter" name="plan">{"".join(options)}</select></label>'
        f'<span id="plan-matches" aria-live="polite" data-template="{escape(matches)}"></span>'
        f'<output id="shown" data-template="{escape(template)}" data-total="{total}">'
        f"{escape(word('shown', lang, shown=total, total=total))}</output>"
        "</fieldset></form>"
    )


ROUND_STATUSES = ("new", "unchanged", "changed", "not_judged")


def _round_chips(report: Report, lang: Lang) -> str:
    """Against a baseline, a chip per round status (本轮新增, 上轮已提出, 数值已变, 上轮未检查) with its count;
    '' without one."""
    review = report.review
    if review is None or review.baseline is None:
        return ""
    counts = Counter(review.status(f) for f in report.findings)
    return "".join(
        f'<label class="chip round-{status}"><input type="checkbox" name="round" value="{status}" '
        f'id="filter-round-{status}" checked> {escape(word(f"round_filter.{status}", lang))} ({counts[status]})'
        "</label>"
        for status in ROUND_STATUSES
    )


def _rules(report: Report, specs: dict[str, Any], lang: Lang) -> str:
    fired = sorted({f.rule for f in report.findings})
    if not fired:
        return ""
    rows = []
    for rule_id in fired:
        description = getattr(specs.get(rule_id), "description", None)
        rows.append(
            f"<tr><td><code>{escape(rule_id)}</code></td><td><strong>{escape(rule_title(specs, rule_id, lang))}</strong>"
            + (f"<br><small>{escape(description.get(lang))}</small>" if description is not None else "")
            + f"</td><td>{escape(norm_text(specs, rule_id, lang))}</td></tr>"
        )
    head = "".join(f"<th>{escape(word(k, lang))}</th>" for k in ("rule_col", "title_col", "norm_col"))
    return (
        f'<section id="rules"><h2>{escape(word("rules", lang))}</h2>'
        f'<table class="rules-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


STYLE = """
:root{--error:#c62828;--warning:#e07800;--info:#1f63c6;--clean:#2e7d32;--ink:#1d232a;--muted:#5d6670;
--line:#d9dee4;--paper:#ffffff;--wash:#f5f7f9}
*{box-sizing:border-box}
body{margin:0;background:var(--wash);color:var(--ink);line-height:1.55;font-size:15px;
font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Hiragino Sans GB",
system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:1240px;margin:0 auto;padding:24px 28px 48px;background:var(--paper);min-height:100vh}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:28px 0 12px;padding-bottom:6px;
border-bottom:2px solid var(--line)}h3{font-size:1.05rem;margin:0 0 4px;display:flex;flex-wrap:wrap;
align-items:baseline;gap:8px}
code{font-family:"Noto Sans Mono CJK SC","DejaVu Sans Mono",Consolas,monospace;font-size:.92em}
a{color:#1a56a8}
.meta{color:var(--muted);margin:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}
.card{flex:1 1 120px;border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:8px;
padding:10px 14px;display:flex;align-items:baseline;gap:10px;background:#fff}
.card .count{font-size:2rem;font-weight:700;line-height:1}
.card.sev-error{border-left-color:var(--error)}.card.sev-error .count{color:var(--error)}
.card.sev-warning{border-left-color:var(--warning)}.card.sev-warning .count{color:var(--warning)}
.card.sev-info{border-left-color:var(--info)}.card.sev-info .count{color:var(--info)}
table{border-collapse:collapse;width:100%;font-size:.93rem}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--wash);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;width:4.5em}
td.hot{font-weight:700}td.sev-error{color:var(--error)}td.sev-warning{color:var(--warning)}
td.sev-info{color:var(--info)}tr.total td{font-weight:700;border-top:2px solid var(--ink)}
.overview-wrap{max-height:70vh;overflow:auto;border:1px solid var(--line);border-radius:8px}
#overview-table thead th{position:sticky;top:0;z-index:1;cursor:pointer;white-space:nowrap}
#overview-table th[aria-sort=descending]::after{content:" ▼"}#overview-table th[aria-sort=ascending]::after{content:" ▲"}
#overview-table td{white-space:nowrap}#overview-table .rule-col{width:3.6em;font-size:.8rem}
#overview-table tbody tr:hover{background:#f0f5fb}
.verdict{font-size:.8rem;font-weight:700;border-radius:4px;padding:0 8px;color:#fff;white-space:nowrap}
span.verdict-revise{background:var(--error)}span.verdict-review{background:var(--warning)}
span.verdict-pass{background:var(--clean)}.card.verdict-revise{border-left-color:var(--error)}
.card.verdict-review{border-left-color:var(--warning)}.card.verdict-pass{border-left-color:var(--clean)}
.card.verdict-revise .count{color:var(--error)}.card.verdict-review .count{color:var(--warning)}
.card.verdict-pass .count{color:var(--clean)}
span.verdict-exempt{background:#666}.card.verdict-exempt{border-left-color:#666}td.record{font-size:.85rem}
.tag{font-size:.78rem;border:1px solid var(--line);border-radius:4px;padding:0 6px;color:var(--muted)}
.tag.waived{border-color:var(--clean);color:var(--clean)}.tag.baseline-new{border-color:var(--error);color:var(--error)}
.tag.baseline-not_judged{border-color:var(--muted);color:var(--muted)}
.tag.waiver-expired,.tag.waiver-changed,.tag.waiver-limit-changed,.tag.baseline-changed{border-color:var(--warning);color:var(--warning)}
.waiver{margin:4px 0;font-size:.85rem}.verdict-reason{margin:4px 0 8px;font-size:.9rem}
.finding.waived{opacity:.72}.finding-id{margin:4px 0 0;font-size:.78rem;color:var(--muted)}
#hierarchy h3{margin-top:8px}
.diagram{overflow-x:auto;border:1px solid var(--line);border-radius:8px;padding:8px;background:#fcfdfe}
.diagram svg{display:block;max-width:100%;height:auto;margin:0 auto}
svg .edge{fill:none;stroke:#9aa4ae;stroke-width:1.6}
svg .row-label{font-size:12px;fill:var(--muted)}
svg .node-id{font-size:12.5px;font-weight:700;font-family:"DejaVu Sans Mono",Consolas,monospace}
svg .node-name{font-size:12.5px;fill:var(--ink)}svg .node-status,svg .node-below{font-size:11.5px}
svg .node-below{font-weight:700}
svg a.node-link{cursor:pointer}svg a.node-link:hover rect,svg .node.selected rect{stroke-width:4}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:10px 0 0;font-size:.88rem;
color:var(--muted)}
.swatch{display:inline-block;width:14px;height:14px;border:2px solid;border-radius:3px;margin-right:6px;
vertical-align:-2px}.swatch.dashed{border:2px dashed var(--muted);background:#fff}
.filters fieldset{border:1px solid var(--line);border-radius:8px;display:flex;flex-wrap:wrap;gap:10px 16px;
align-items:center;padding:10px 14px;margin:0 0 16px}
.filters legend{font-weight:600;padding:0 6px}
.chip{border:1px solid var(--line);border-radius:999px;padding:3px 12px;cursor:pointer;user-select:none}
.chip.sev-error{color:var(--error)}.chip.sev-warning{color:var(--warning)}.chip.sev-info{color:var(--info)}
select,input[type=search]{font:inherit;padding:3px 6px}#plan-search{width:15em}
#plan-matches{color:var(--muted);font-size:.88rem}
#shown{margin-left:auto;color:var(--muted)}
section.plan{border-top:1px solid var(--line);padding:14px 0 6px}
.plan-meta{color:var(--muted);font-size:.86rem;margin:0 0 10px}
.level{font-size:.78rem;font-weight:400;border:1px solid var(--line);border-radius:4px;padding:0 6px;
color:var(--muted)}
.plan-counts{margin-left:auto;font-size:.88rem;font-weight:600}
.plan-counts .sev-error{color:var(--error)}.plan-counts .sev-warning{color:var(--warning)}
.plan-counts .sev-info{color:var(--info)}.plan-counts .clean-count{color:var(--clean)}
.plan-counts .undecided-count{color:var(--warning);font-weight:400}
.borrowed{border:1px dashed var(--warning);border-radius:6px;padding:6px 10px;margin:0 0 12px}
.borrowed .finding{margin:6px 0 0}.borrowed-from{margin:0;font-size:.86rem;color:var(--muted)}
.finding{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;padding:10px 14px;
margin:0 0 12px;background:#fff}
.finding.sev-error{border-left-color:var(--error)}.finding.sev-warning{border-left-color:var(--warning)}
.finding.sev-info{border-left-color:var(--info)}
.finding header{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.badge{color:#fff;border-radius:4px;padding:0 8px;font-size:.82rem;font-weight:600}
.badge.sev-error{background:var(--error)}.badge.sev-warning{background:var(--warning)}
.badge.sev-info{background:var(--info)}
.rule{font-weight:700;font-family:"DejaVu Sans Mono",Consolas,monospace}.rule-title{font-weight:600}
.against{color:var(--muted);margin-left:auto;font-size:.9rem}
.message{margin:6px 0 8px;font-size:1.02rem}
.citations{list-style:none;margin:0;padding:0;font-size:.9rem}
.citation{padding:4px 0 4px 10px;border-left:2px solid var(--line);margin:3px 0}
.citation .who{font-weight:600;display:inline-block;min-width:7.5em}
.citation .where{color:var(--muted)}
.role-plan .who{color:#6a1b9a}.role-ancestor .who{color:#0d5e63}.role-norm .who{color:#5d4037}
blockquote.quote{margin:4px 0 2px;padding:4px 10px;background:#fbf8ee;border-left:3px solid #d8c27a;
font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif}
blockquote.row .cell{color:var(--muted)}blockquote.row .cell::after{content:" │ ";color:#c9b46a}
mark{background:#ffe58a;padding:0 2px}
.clean{color:var(--clean);margin:4px 0 10px}
#none-shown{color:var(--muted);font-style:italic}
footer{margin-top:32px;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line);padding-top:8px}
[hidden]{display:none!important}
@media print{
@page{margin:14mm 12mm}
body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}
.filters,.no-print{display:none!important}
h2{break-after:avoid}.finding,.card,tr,section.plan>h3{break-inside:avoid}
.diagram{border:none;break-inside:avoid}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var form = document.getElementById('filters');
  var select = document.getElementById('plan-filter');
  var shown = document.getElementById('shown');
  var none = document.getElementById('none-shown');
  var plans = {}, order = {}, children = {};
  data.plans.forEach(function (row, index) {
    var plan = {id: row[0], name: row[1], place: row[2], level: row[3], parents: row[4], status: row[5],
      partial: row[6], linked: row[7], short: row[8], tip: row[9], below: row[10]};
    plans[plan.id] = plan; order[plan.id] = index; children[plan.id] = [];
  });
  data.plans.forEach(function (row) {
    row[4].forEach(function (parent) { if (children[parent]) { children[parent].push(row[0]); } });
  });
  var NS = 'http://www.w3.org/2000/svg', W = 168, GAP = 18, GUTTER = 30, PER_ROW = 7, LEFT = 78, TOP = 14;
  var H = 58, ROW = H + GUTTER;
  function shownAround(selected) {
    var ids = Object.keys(plans);
    if (ids.length <= data.whole) { return ids; }
    var keep = {};
    if (!selected) {
      ids.forEach(function (id) {
        var root = !plans[id].parents.some(function (p) { return plans[p]; });
        if (root) { keep[id] = 1; children[id].forEach(function (c) { keep[c] = 1; }); }
      });
    } else {
      var stack = [selected];
      while (stack.length) {
        var id = stack.pop();
        if (keep[id]) { continue; }
        keep[id] = 1;
        plans[id].parents.forEach(function (p) { if (plans[p]) { stack.push(p); } });
      }
      children[selected].forEach(function (c) { keep[c] = 1; });
    }
    return Object.keys(keep);
  }
  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function cut(value, limit) { return value.length <= limit ? value : value.slice(0, limit - 1) + '\u2026'; }
  function layout(ids) {
    // rows: a level per row, at most PER_ROW boxes each, centred; place[id] = {x, y, row}
    var levels = [];
    data.levels.forEach(function (level) {
      if (ids.some(function (id) { return plans[id].level === level; })) { levels.push(level); }
    });
    ids.forEach(function (id) { if (levels.indexOf(plans[id].level) < 0) { levels.push(plans[id].level); } });
    var place = {}, rows = [], labels = [], widest = 1;
    levels.forEach(function (level) {
      var row = ids.filter(function (id) { return plans[id].level === level; });
      labels.push({level: level, row: rows.length});
      for (var start = 0; start < row.length; start += PER_ROW) {
        var part = row.slice(start, start + PER_ROW), y = TOP + rows.length * ROW;
        widest = Math.max(widest, part.length);
        part.forEach(function (id, i) { place[id] = {i: i, n: part.length, y: y, row: rows.length}; });
        rows.push(y);
      }
    });
    Object.keys(place).forEach(function (id) {
      var p = place[id];
      p.x = LEFT + (widest - p.n) * (W + GAP) / 2 + p.i * (W + GAP);
    });
    var lefts = rows.map(function () { return Infinity; });
    Object.keys(place).forEach(function (id) {
      lefts[place[id].row] = Math.min(lefts[place[id].row], place[id].x);
    });
    return {place: place, rows: rows, lefts: lefts, labels: labels, width: LEFT + widest * (W + GAP)};
  }
  function edges(svg, ids, place, lefts) {
    // A parent whose children all sit in the row below, at most a row of them, gets a curve to each; one
    // with more gets a bus: down to the gutter under its row, along it, then down the left margin to the
    // gutter above each further row of children and along it; no line runs through a box.
    var trunks = 0;
    ids.forEach(function (parent) {
      var a = place[parent];
      if (!a) { return; }
      var kids = children[parent].filter(function (c) { return place[c]; });
      if (!kids.length) { return; }
      var x1 = a.x + W / 2, y1 = a.y + H;
      var near = kids.every(function (c) { return place[c].row === a.row + 1; });  // no row between
      if (near && kids.length <= PER_ROW) {
        kids.forEach(function (c) {
          var b = place[c], x2 = b.x + W / 2, y2 = b.y, mid = (y1 + y2) / 2;
          svg.appendChild(el('path', {'class': 'edge', 'data-from': parent, 'data-to': c,
            d: 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + mid + ' ' + x2 + ',' + mid + ' ' + x2 + ',' + y2}));
        });
        return;
      }
      var byRow = {}, last = a.row + 1;
      kids.forEach(function (c) {
        var row = place[c].row;
        (byRow[row] = byRow[row] || []).push(place[c].x + W / 2);
        last = Math.max(last, row);
      });
      // the trunk to further rows: straight down if no box of the rows between is left of it, else just
      // left of the leftmost box of those rows
      var left = Infinity;
      for (var r = a.row + 1; r < last; r += 1) { left = Math.min(left, lefts[r]); }
      var first = y1 + GUTTER / 2, trunk = x1 < left - GAP ? x1 : left - GAP / 2 - 4 * (trunks++ % 3);
      var d = 'M' + x1 + ',' + y1 + ' V' + first, deepest = first;
      Object.keys(byRow).forEach(function (row) {
        var xs = byRow[row], y = TOP + Number(row) * ROW - GUTTER / 2;
        var from = Number(row) === a.row + 1 ? x1 : trunk;
        d += ' M' + Math.min.apply(null, xs.concat([from])) + ',' + y + ' H' + Math.max.apply(null, xs.concat([from]));
        xs.forEach(function (x) { d += ' M' + x + ',' + y + ' V' + (y + GUTTER / 2); });
        if (Number(row) !== a.row + 1) { deepest = Math.max(deepest, y); }
      });
      if (deepest > first) { d += ' M' + x1 + ',' + first + ' H' + trunk + ' V' + deepest; }
      svg.appendChild(el('path', {'class': 'edge bus', 'data-from': parent, d: d}));
    });
  }
  function box(svg, id, p, selected) {
    var plan = plans[id], colours = data.colours[plan.status];
    var group = el('g', {'class': 'node status-' + plan.status + (id === selected ? ' selected' : ''),
      'data-plan': id, 'data-status': plan.status});
    group.appendChild(el('title', {}, id + ' ' + plan.name + ' \u00b7 ' + plan.tip));
    var rect = el('rect', {x: p.x, y: p.y, width: W, height: H, rx: 8, fill: colours[0], stroke: colours[1],
      'stroke-width': 2});
    if (plan.partial) { rect.setAttribute('stroke-dasharray', '6 4'); }
    group.appendChild(rect);
    group.appendChild(el('text', {x: p.x + 10, y: p.y + 19, 'class': 'node-id', fill: colours[2]}, cut(id, 21)));
    group.appendChild(el('text', {x: p.x + 10, y: p.y + 35, 'class': 'node-name'}, cut(plan.place, 11)));
    group.appendChild(el('text', {x: p.x + 10, y: p.y + 50, 'class': 'node-status', fill: colours[2]},
      cut(plan.short, 24)));
    if (plan.below) {
      group.appendChild(el('text', {x: p.x + 10, y: p.y + 66, 'class': 'node-below', fill: colours[2]},
        cut(plan.below, 24)));
    }
    if (plan.linked) {
      var link = el('a', {href: '#plan-' + id, 'class': 'node-link', 'data-plan': id});
      link.appendChild(group);
      link.addEventListener('click', function (event) { event.preventDefault(); pick(id); });
      svg.appendChild(link);
    } else {
      svg.appendChild(group);
    }
  }
  function draw(selected) {
    var svg = document.getElementById('hierarchy-svg');
    if (!svg) { return; }
    while (svg.lastChild && svg.lastChild.nodeName !== 'title') { svg.removeChild(svg.lastChild); }
    var ids = shownAround(selected).sort(function (a, b) { return order[a] - order[b]; });
    H = ids.some(function (id) { return plans[id].below; }) ? 74 : 58;
    ROW = H + GUTTER;
    var drawn = layout(ids), place = drawn.place;
    drawn.labels.forEach(function (label) {
      svg.appendChild(el('text', {'class': 'row-label', x: 8, y: drawn.rows[label.row] + H / 2,
        'dominant-baseline': 'middle'}, data.levelNames[label.level] || label.level));
    });
    edges(svg, ids, place, drawn.lefts);
    ids.forEach(function (id) { box(svg, id, place[id], selected); });
    var height = drawn.rows[drawn.rows.length - 1] + H + TOP;
    svg.setAttribute('viewBox', '0 0 ' + drawn.width + ' ' + height);
    svg.setAttribute('width', drawn.width);
    svg.setAttribute('height', height);
  }
  function apply() {
    var wanted = {}, every = true;
    form.querySelectorAll('input[name=severity]').forEach(function (box) {
      wanted[box.value] = box.checked; every = every && box.checked;
    });
    var rounds = {};  // against a baseline: the round statuses checked (本轮新增, 上轮已提出, …)
    form.querySelectorAll('input[name=round]').forEach(function (box) { rounds[box.value] = box.checked; });
    var plan = select.value, count = 0;
    document.querySelectorAll('article.finding').forEach(function (item) {
      var round = item.dataset.round, inRound = round === undefined || rounds[round] !== false;
      var show = wanted[item.dataset.severity] && inRound && (!plan || item.dataset.plan === plan);
      item.hidden = !show;
      if (show) { count += 1; }
    });
    document.querySelectorAll('section.plan').forEach(function (section) {
      var match = !plan || section.dataset.plan === plan;
      var visible = section.querySelector('article.finding:not([hidden])');
      var empty = !section.querySelector('article.finding');
      section.hidden = !(match && (visible || (empty && plan)));
    });
    draw(plan);
    shown.textContent = shown.dataset.template.replace('{shown}', count).replace('{total}', shown.dataset.total);
    none.hidden = count > 0 || Number(shown.dataset.total) === 0;
  }
  function pick(id) { select.value = id; apply(); }
  // A verdict's note said once on another plan (an ancestor only partly known): its link shows a copy of
  // the note under this plan's verdict, saying where it is listed; a note of this plan is scrolled to.
  function showNote(link) {
    var note = document.getElementById('finding-' + link.dataset.finding);
    var section = link.closest('section.plan');
    if (!note || !section) { return; }
    if (note.closest('section.plan') === section) { note.scrollIntoView({block: 'center'}); return; }
    var shown = section.querySelector('.borrowed[data-finding="' + link.dataset.finding + '"]');
    if (!shown) {
      var owner = plans[note.dataset.plan] || {name: note.dataset.plan};
      shown = document.createElement('aside');
      shown.className = 'borrowed';
      shown.dataset.finding = link.dataset.finding;
      var from = document.createElement('p');
      from.className = 'borrowed-from';
      from.textContent = data.noteFrom.replace('{plan}', owner.name + ' ' + note.dataset.plan);
      var copy = document.createElement('div');
      copy.className = note.className;
      copy.innerHTML = note.innerHTML;
      shown.appendChild(from);
      shown.appendChild(copy);
      section.querySelector('.verdict-reason').insertAdjacentElement('afterend', shown);
    }
    shown.scrollIntoView({block: 'nearest'});
  }
  document.querySelectorAll('a.note-link').forEach(function (link) {
    link.addEventListener('click', function (event) { event.preventDefault(); showNote(link); });
  });
  form.addEventListener('change', function (event) { if (event.target !== search) { apply(); } });
  // The plan finder: narrows the picker to the plans whose name or id holds the text (any case; Chinese
  // typed through an input method is matched once composed); one match, or Enter, picks it.
  var search = document.getElementById('plan-search'), matches = document.getElementById('plan-matches');
  var choices = Array.prototype.slice.call(select.options, 1).map(function (option) {
    var named = option.textContent.replace(/\\s*\u00b7\\s*\\d+$/, '');  // not the count of findings
    return {option: option, text: (option.value + ' ' + named).toLowerCase()};
  });
  function found() {
    var wanted = search.value.trim().toLowerCase(), hits = [];
    choices.forEach(function (choice) {
      var hit = !wanted || choice.text.indexOf(wanted) >= 0;
      choice.option.hidden = !hit;
      if (hit && wanted) { hits.push(choice.option.value); }
    });
    matches.textContent = wanted ? matches.dataset.template.replace('{n}', hits.length) : '';
    return hits;
  }
  // A picked plan the text no longer matches gives way to the first match (none picked with no match),
  // so the page never shows a plan the finder has left out.
  function narrow(event) {
    if (event.isComposing) { return; }
    var hits = found(), wanted = search.value.trim();
    if (hits.length === 1 && select.value !== hits[0]) { pick(hits[0]); return; }
    if (wanted && select.value && hits.indexOf(select.value) < 0) { pick(hits.length ? hits[0] : ''); }
  }
  search.addEventListener('input', narrow);
  search.addEventListener('compositionend', narrow);
  search.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.isComposing) { return; }
    event.preventDefault();
    var hits = found();
    if (hits.length) { pick(hits[0]); }
  });
  document.querySelectorAll('#overview-table tbody a').forEach(function (link) {
    link.addEventListener('click', function () { pick(link.closest('tr').dataset.plan); });
  });
  function cellValue(row, index, numeric) {
    var cell = row.cells[index], value = cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent;
    return numeric ? Number(value || 0) : value;
  }
  document.querySelectorAll('#overview-table th').forEach(function (th, index) {
    th.addEventListener('click', function () {
      var numeric = th.dataset.sort === 'num', body = th.closest('table').tBodies[0];
      var first = numeric ? 'descending' : 'ascending';
      var now = th.getAttribute('aria-sort');
      var direction = now === first ? (first === 'descending' ? 'ascending' : 'descending') : first;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
        var c = numeric ? x - y : String(x).localeCompare(String(y));
        return direction === 'ascending' ? c : -c;
      });
      th.closest('tr').querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', direction);
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  apply();
})();
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _data(report: Report, lang: Lang, listed: list[PlanSummary]) -> str:
    data = {
        "summary": report.summary(),
        "whole": WHOLE_TREE,
        "levels": list(LEVELS),
        "levelNames": {level: level_name(level, lang) for level in LEVELS},
        "colours": STATUS_COLOURS,
        "noteFrom": word("note_from", lang, plan="{plan}"),
        "plans": hierarchy_data(report, lang, (p.id for p in listed)),
    }
    text_ = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text_.replace("</", "<\\/")  # keep the JSON from closing its script element


def _notes(report: Report, options: Options) -> list[str]:
    lang = options.lang
    notes = []
    if options.docs is None and report.findings:
        notes.append(f'<p class="meta">{escape(word("no_docs", lang).replace("`", ""))}</p>')
    context = context_plans(report)
    if context:
        named = list_separator(lang).join(f"<code>{escape(p.id)}</code> {escape(p.name)}" for p in context)
        # the words escaped around the names' markup
        label, after = escape(word("context_plans", lang, plans="\0")).split("\0")
        notes.append(f'<p class="meta">{label}{named}{after}</p>')
    notes += [f'<p class="meta" id="{key}">{escape(text)}</p>' for key, text in round_notes(report, lang)]
    return notes


def render(report: Report, options: Options) -> str:
    lang = options.lang
    specs = rule_specs(report)
    listed = reported_plans(report)
    by_plan: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_plan.setdefault(finding.plan, []).append(finding)
    title = word("rights_title" if report.rights else "title", lang)
    meta = f"{word('generated', lang, version=__version__)} · " + summary_text(report, lang)
    sections = "".join(_plan_section(report, p, by_plan.get(p.id, []), specs, options) for p in listed)
    if not report.findings:
        sections = f'<p class="clean">{escape(word("all_clean", lang))}</p>' + sections
    tree = word("tree_title", lang)
    svg = (
        f'<svg id="hierarchy-svg" role="img" aria-label="{escape(tree)}" xmlns="http://www.w3.org/2000/svg" '
        f'width="0" height="0"><title>{escape(tree)}</title></svg>'
        if report.plans
        else ""
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f'<meta name="generator" content="planlint {escape(__version__)}">',
            f"<title>{escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<main>",
            f'<header><h1>{escape(title)}</h1><p class="meta">{escape(meta)}</p>'
            f"{''.join(_notes(report, options))}</header>",
            _summary(report, lang),
            _resolved(report, lang),
            _rights_overview(report, lang) if report.rights else _overview(report, listed, by_plan, lang),
            f'<section id="findings"><h2>{escape(word("findings", lang))}</h2>',
            _filters(report, listed, by_plan, lang),
            f'<div id="hierarchy"><h3>{escape(tree)}</h3>'
            f'<p class="meta no-print">{escape(word("hierarchy_hint", lang))}</p>'
            f'<div class="diagram">{svg}</div>{_legend(report, lang)}</div>',
            f'<p id="none-shown" hidden>{escape(word("none_shown", lang))}</p>',
            sections,
            "</section>",
            _rules(report, specs, lang),
            f"<footer>{escape(word('generated', lang, version=__version__))}</footer>",
            "</main>",
            f'<script type="application/json" id="report-data">{_data(report, lang, listed)}</script>',
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
