"""`--format html`: one self-contained page a reviewer can open, filter, print and file.

No network and no external assets: the styles, the script and the hierarchy (an inline SVG, each plan
coloured by its worst finding) are all in the page, and a Content-Security-Policy forbids loading
anything else. Without JavaScript every finding is shown; with it, findings filter by severity and plan.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from planlint import __version__
from planlint.findings import SEVERITIES, Citation, Finding, PlanSummary, Report
from planlint.i18n import Lang
from planlint.report.render import (
    LEVELS,
    Options,
    citation_place,
    citation_who,
    level_name,
    norm_text,
    reported_plans,
    rule_specs,
    rule_title,
    severity_name,
)
from planlint.report.sources import cited_quote
from planlint.report.words import word

# Status colours: (fill, stroke, text). Severity colours match the badges in the stylesheet.
STATUS_COLOURS: dict[str, tuple[str, str, str]] = {
    "error": ("#fde7e7", "#c62828", "#8e1b1b"),
    "warning": ("#fff1dc", "#e07800", "#8a4b00"),
    "info": ("#e4efff", "#1f63c6", "#174a94"),
    "clean": ("#e6f4ea", "#2e7d32", "#1f5a23"),
    "context": ("#f1f1f1", "#9a9a9a", "#555555"),
}

NODE_W, NODE_H = 168, 58
SLOT_W, ROW_H = 186, 90
LEFT, TOP = 78, 18


def _status(report: Report, plan: PlanSummary) -> str:
    worst = report.worst(plan.id)
    if worst is not None:
        return worst
    return "clean" if plan.judged else "context"


def _counts_text(counts: dict[str, int], lang: Lang, short: bool = False) -> str:
    names = {s: word(f"short.{s}", lang) if short else severity_name(s, lang) for s in SEVERITIES}
    return " · ".join(f"{counts[s]} {names[s]}" for s in SEVERITIES if counts[s])


# ------------------------------------------------------------------------------------------- hierarchy


@dataclass(frozen=True)
class _Node:
    plan: PlanSummary
    x: float
    y: float


def _layout(plans: tuple[PlanSummary, ...]) -> tuple[dict[str, _Node], list[str], float]:
    """Place each plan: one row per level, each parent above the middle of the children it leads to.

    Leaves take consecutive slots in depth-first order; a parent sits at the mean of the slots of the
    children it first reached (a plan with two parents is placed under the first). Returns the nodes,
    the level rows drawn, and the number of slots.
    """
    known = {p.id: p for p in plans}
    children: dict[str, list[str]] = {p.id: [] for p in plans}
    for plan in plans:
        for parent in plan.parents:
            if parent in children:
                children[parent].append(plan.id)
    roots = [p.id for p in plans if not any(parent in known for parent in p.parents)]
    slot_of: dict[str, float] = {}
    next_slot = 0

    def place(plan_id: str) -> None:
        nonlocal next_slot
        slot_of[plan_id] = -1  # visiting: a cycle (impossible after loading) cannot recurse forever
        placed = []
        for child in sorted(children[plan_id]):
            if child not in slot_of:
                place(child)
                placed.append(slot_of[child])
        if placed:
            slot_of[plan_id] = sum(placed) / len(placed)
        else:
            slot_of[plan_id] = next_slot
            next_slot += 1

    for root in sorted(roots) + sorted(known):
        if root not in slot_of:
            place(root)
    rows = [level for level in LEVELS if any(p.level == level for p in plans)]
    rows += sorted({p.level for p in plans} - set(LEVELS))
    nodes = {
        p.id: _Node(
            p, LEFT + slot_of[p.id] * SLOT_W + (SLOT_W - NODE_W) / 2, TOP + rows.index(p.level) * ROW_H
        )
        for p in plans
    }
    return nodes, rows, max(next_slot, 1)


def _shorten(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def hierarchy_svg(report: Report, lang: Lang, linked: Iterable[str]) -> str:
    """The hierarchy as an inline SVG; each plan boxed in its worst finding's colour."""
    if not report.plans:
        return ""
    nodes, rows, slots = _layout(report.plans)
    width = LEFT + slots * SLOT_W + 10
    height = TOP + len(rows) * ROW_H - (ROW_H - NODE_H) + 14
    linked = set(linked)
    title = word("tree_title", lang)
    out = [
        f'<svg id="hierarchy-svg" role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, level in enumerate(rows):
        y = TOP + index * ROW_H + NODE_H / 2
        out.append(
            f'<text class="row-label" x="8" y="{y:.0f}" dominant-baseline="middle">'
            f"{escape(level_name(level, lang))}</text>"
        )
    for node in nodes.values():
        for parent in node.plan.parents:
            if parent not in nodes:
                continue
            top = nodes[parent]
            x1, y1 = top.x + NODE_W / 2, top.y + NODE_H
            x2, y2 = node.x + NODE_W / 2, node.y
            middle = (y1 + y2) / 2
            out.append(
                f'<path class="edge" d="M{x1:.1f},{y1:.1f} C{x1:.1f},{middle:.1f} {x2:.1f},{middle:.1f} '
                f'{x2:.1f},{y2:.1f}"/>'
            )
    for plan_id, node in sorted(nodes.items()):
        plan = node.plan
        status = _status(report, plan)
        fill, stroke, ink = STATUS_COLOURS[status]
        counts = report.summary(plan_id)
        full = _counts_text(counts, lang) if status in SEVERITIES else word(status, lang)
        status_text = _counts_text(counts, lang, short=True) if status in SEVERITIES else full
        dash = ' stroke-dasharray="6 4"' if plan.partial else ""
        tooltip = f"{plan.id} {plan.name} · {level_name(plan.level, lang)} · {full}"
        if plan.partial:
            tooltip += f" · {word('partial', lang)}"
        box = [
            f'<g class="node status-{status}" data-plan="{escape(plan_id)}" data-status="{status}">',
            f"<title>{escape(tooltip)}</title>",
            f'<rect x="{node.x:.1f}" y="{node.y:.1f}" width="{NODE_W}" height="{NODE_H}" rx="8" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="2"{dash}/>',
            f'<text x="{node.x + 10:.1f}" y="{node.y + 19:.1f}" class="node-id" fill="{ink}">'
            f"{escape(_shorten(plan_id, 21))}</text>",
            f'<text x="{node.x + 10:.1f}" y="{node.y + 35:.1f}" class="node-name">'
            f"{escape(_shorten(plan.jurisdiction or plan.name, 11))}</text>",
            f'<text x="{node.x + 10:.1f}" y="{node.y + 50:.1f}" class="node-status" fill="{ink}">'
            f"{escape(_shorten(status_text, 24))}</text>",
            "</g>",
        ]
        if plan_id in linked:
            box = [
                f'<a href="#plan-{escape(plan_id)}" class="node-link" data-plan="{escape(plan_id)}">',
                *box,
                "</a>",
            ]
        out.extend(box)
    out.append("</svg>")
    return "\n".join(out)


def _legend(lang: Lang) -> str:
    items: list[tuple[str, str]] = [(s, severity_name(s, lang)) for s in SEVERITIES]
    items += [("clean", word("clean", lang)), ("context", word("context", lang))]
    parts = []
    for status, name in items:
        fill, stroke, _ = STATUS_COLOURS[status]
        parts.append(
            f'<li><span class="swatch" style="background:{fill};border-color:{stroke}"></span>{escape(name)}</li>'
        )
    parts.append(f'<li><span class="swatch dashed"></span>{escape(word("legend_partial", lang))}</li>')
    return '<ul class="legend">' + "".join(parts) + "</ul>"


# -------------------------------------------------------------------------------------------- findings


def _citation(citation: Citation, options: Options) -> str:
    lang = options.lang
    parts = [
        f'<li class="citation role-{citation.role}">',
        f'<span class="who">{escape(citation_who(citation, lang))}</span> ',
        f'<span class="where">{escape(citation_place(citation, lang))}</span>',
    ]
    quote = cited_quote(options.docs, citation)
    if quote:
        before, cited = quote
        cells = "".join(f'<span class="cell">{escape(cell)}</span>' for cell in before)
        if before:  # a table cell: its row so far, the cell itself marked
            parts.append(f'<blockquote class="quote row">{cells}<mark>{escape(cited)}</mark></blockquote>')
        else:
            parts.append(f'<blockquote class="quote">{escape(cited)}</blockquote>')
    parts.append("</li>")
    return "".join(parts)


def _finding(finding: Finding, number: int, specs: dict[str, Any], options: Options) -> str:
    lang = options.lang
    title = rule_title(specs, finding.rule, lang)
    against = finding.against or word("itself", lang)
    severity = finding.severity
    head = [
        f'<span class="badge sev-{severity}">{escape(severity_name(severity, lang))}</span>',
        f'<span class="rule">{escape(finding.rule)}</span>',
    ]
    if title:
        head.append(f'<span class="rule-title">{escape(title)}</span>')
    head.append(
        f'<span class="against">{escape(word("against", lang))} <code>{escape(against)}</code></span>'
    )
    citations = "".join(_citation(c, options) for c in finding.citations)
    return (
        f'<article class="finding sev-{severity}" id="finding-{escape(finding.plan)}-{number}" '
        f'data-severity="{severity}" data-plan="{escape(finding.plan)}" data-rule="{escape(finding.rule)}">'
        f"<header>{' '.join(head)}</header>"
        f'<p class="message">{escape(finding.text(lang))}</p>'
        f'<ul class="citations">{citations}</ul>'
        "</article>"
    )


def _plan_section(report: Report, plan: PlanSummary, specs: dict[str, Any], options: Options) -> str:
    lang = options.lang
    findings = [f for f in report.findings if f.plan == plan.id]
    counts = report.summary(plan.id)
    status = _status(report, plan)
    badges = [f'<span class="level">{escape(level_name(plan.level, lang))}</span>']
    if plan.partial:
        badges.append(f'<span class="level">{escape(word("partial", lang))}</span>')
    if findings:
        summary = " · ".join(
            f'<span class="sev-{s}">{counts[s]} {escape(severity_name(s, lang))}</span>'
            for s in SEVERITIES
            if counts[s]
        )
    else:
        summary = f'<span class="clean-count">{escape(word("clean", lang))}</span>'

    parents = ", ".join(plan.parents) or word("none", lang)
    body = [_finding(f, i, specs, options) for i, f in enumerate(findings, start=1)]
    if not findings:
        body.append(f'<p class="clean">{escape(word("no_findings", lang))}</p>')
    return (
        f'<section class="plan status-{status}" id="plan-{escape(plan.id)}" data-plan="{escape(plan.id)}">'
        f"<h3><code>{escape(plan.id)}</code> {escape(plan.name)} {''.join(badges)}"
        f'<span class="plan-counts">{summary}</span></h3>'
        f'<p class="plan-meta">{escape(word("parents", lang))}: {escape(parents)}'
        + (f" · {escape(plan.document)}" if plan.document else "")
        + "</p>"
        + "".join(body)
        + "</section>"
    )


def _summary(report: Report, lang: Lang) -> str:
    totals = report.summary()
    judged = sum(1 for p in report.plans if p.judged)
    cards = [
        f'<div class="card sev-{s}"><span class="count" id="count-{s}">{totals[s]}</span>'
        f'<span class="card-label">{escape(severity_name(s, lang))}</span></div>'
        for s in SEVERITIES
    ]
    cards.append(
        f'<div class="card plans"><span class="count" id="count-plans">{judged}</span>'
        f'<span class="card-label">{escape(word("plans_judged", lang))}</span></div>'
    )
    head = "".join(f"<th>{escape(word(k, lang))}</th>" for k in ("plan_col", "name_col", "level_col"))
    head += "".join(f'<th class="num">{escape(severity_name(s, lang))}</th>' for s in SEVERITIES)
    rows = []
    for plan in reported_plans(report):
        counts = report.summary(plan.id)
        cells = "".join(
            f'<td class="num{" hot sev-" + s if counts[s] else ""}">{counts[s]}</td>' for s in SEVERITIES
        )
        rows.append(
            f'<tr data-plan="{escape(plan.id)}"><td><a href="#plan-{escape(plan.id)}"><code>{escape(plan.id)}</code></a></td>'
            f"<td>{escape(plan.name)}</td><td>{escape(level_name(plan.level, lang))}</td>{cells}</tr>"
        )
    total_cells = "".join(f'<td class="num">{totals[s]}</td>' for s in SEVERITIES)
    rows.append(f'<tr class="total"><td colspan="3">{escape(word("total", lang))}</td>{total_cells}</tr>')
    return (
        f'<section id="summary"><h2>{escape(word("summary_heading", lang))}</h2>'
        f'<div class="cards">{"".join(cards)}</div>'
        f'<table class="summary-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        "</section>"
    )


def _filters(report: Report, lang: Lang) -> str:
    totals = report.summary()
    boxes = "".join(
        f'<label class="chip sev-{s}"><input type="checkbox" name="severity" value="{s}" id="filter-{s}" checked> '
        f"{escape(severity_name(s, lang))} ({totals[s]})</label>"
        for s in SEVERITIES
    )
    options = [f'<option value="">{escape(word("all_plans", lang))}</option>']
    for plan in reported_plans(report):
        count = sum(1 for f in report.findings if f.plan == plan.id)
        options.append(f'<option value="{escape(plan.id)}">{escape(plan.id)} ({count})</option>')
    template = word("shown", lang, shown="{shown}", total="{total}")
    total = len(report.findings)
    return (
        f'<form id="filters" class="filters" aria-label="{escape(word("filter", lang))}" onsubmit="return false">'
        f"<fieldset><legend>{escape(word('filter', lang))}</legend>{boxes}"
        f'<label class="select">{escape(word("filter_plan", lang))} '
        f'<select id="plan-filter" name="plan">{"".join(options)}</select></label>'
        f'<output id="shown" data-template="{escape(template)}" data-total="{total}">'
        f"{escape(word('shown', lang, shown=total, total=total))}</output>"
        "</fieldset></form>"
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
            + f"</td><td>{escape(norm_text(specs, rule_id))}</td></tr>"
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
main{max-width:1080px;margin:0 auto;padding:24px 28px 48px;background:var(--paper);min-height:100vh}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:28px 0 12px;padding-bottom:6px;
border-bottom:2px solid var(--line)}h3{font-size:1.05rem;margin:0 0 4px;display:flex;flex-wrap:wrap;
align-items:baseline;gap:8px}
code{font-family:"Noto Sans Mono CJK SC","DejaVu Sans Mono",Consolas,monospace;font-size:.92em}
a{color:#1a56a8}
.meta{color:var(--muted);margin:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}
.card{flex:1 1 140px;border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:8px;
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
.diagram{overflow-x:auto;border:1px solid var(--line);border-radius:8px;padding:8px;background:#fcfdfe}
.diagram svg{display:block;max-width:100%;height:auto;margin:0 auto}
svg .edge{fill:none;stroke:#9aa4ae;stroke-width:1.6}
svg .row-label{font-size:12px;fill:var(--muted)}
svg .node-id{font-size:12.5px;font-weight:700;font-family:"DejaVu Sans Mono",Consolas,monospace}
svg .node-name{font-size:12.5px;fill:var(--ink)}svg .node-status{font-size:11.5px}
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
select{font:inherit;padding:3px 6px}
#shown{margin-left:auto;color:var(--muted)}
section.plan{border-top:1px solid var(--line);padding:14px 0 6px}
.plan-meta{color:var(--muted);font-size:.86rem;margin:0 0 10px}
.level{font-size:.78rem;font-weight:400;border:1px solid var(--line);border-radius:4px;padding:0 6px;
color:var(--muted)}
.plan-counts{margin-left:auto;font-size:.88rem;font-weight:600}
.plan-counts .sev-error{color:var(--error)}.plan-counts .sev-warning{color:var(--warning)}
.plan-counts .sev-info{color:var(--info)}.plan-counts .clean-count{color:var(--clean)}
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
  var form = document.getElementById('filters');
  if (!form) { return; }
  var select = document.getElementById('plan-filter');
  var shown = document.getElementById('shown');
  var none = document.getElementById('none-shown');
  function apply() {
    var wanted = {}, every = true;
    form.querySelectorAll('input[name=severity]').forEach(function (box) {
      wanted[box.value] = box.checked; every = every && box.checked;
    });
    var plan = select.value, count = 0;
    document.querySelectorAll('article.finding').forEach(function (item) {
      var show = wanted[item.dataset.severity] && (!plan || item.dataset.plan === plan);
      item.hidden = !show;
      if (show) { count += 1; }
    });
    document.querySelectorAll('section.plan').forEach(function (section) {
      var match = !plan || section.dataset.plan === plan;
      var visible = section.querySelector('article.finding:not([hidden])');
      var empty = !section.querySelector('article.finding');
      section.hidden = !(match && (visible || (empty && (plan || every))));
    });
    document.querySelectorAll('#hierarchy-svg .node').forEach(function (node) {
      node.classList.toggle('selected', !!plan && node.dataset.plan === plan);
    });
    shown.textContent = shown.dataset.template.replace('{shown}', count).replace('{total}', shown.dataset.total);
    none.hidden = count > 0 || Number(shown.dataset.total) === 0;
  }
  form.addEventListener('change', apply);
  document.querySelectorAll('#hierarchy-svg a.node-link').forEach(function (link) {
    link.addEventListener('click', function () { select.value = link.dataset.plan; apply(); });
  });
  document.querySelectorAll('.summary-table a').forEach(function (link) {
    link.addEventListener('click', function () { select.value = link.closest('tr').dataset.plan; apply(); });
  });
  apply();
})();
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def render(report: Report, options: Options) -> str:
    lang = options.lang
    specs = rule_specs(report)
    judged = sum(1 for p in report.plans if p.judged)
    listed = reported_plans(report)
    title = word("title", lang)
    meta = f"{word('generated', lang, version=__version__)} · " + word(
        "summary", lang, plans=judged, **report.summary()
    )
    notes = []
    if options.docs is None and report.findings:
        notes.append(f'<p class="meta">{escape(word("no_docs", lang).replace("`", ""))}</p>')
    context = [p.id for p in report.plans if p.id not in {q.id for q in listed}]
    if context:
        notes.append(f'<p class="meta">{escape(word("context_plans", lang, plans=", ".join(context)))}</p>')
    sections = "".join(_plan_section(report, plan, specs, options) for plan in listed)
    if not report.findings:
        sections = f'<p class="clean">{escape(word("all_clean", lang))}</p>' + sections
    svg = hierarchy_svg(report, lang, (p.id for p in listed))
    data = json.dumps({"summary": report.summary(), "plans": [p.id for p in listed]}, ensure_ascii=False)
    data = data.replace("</", "<\\/")  # keep the JSON from closing its script element
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
            f'<header><h1>{escape(title)}</h1><p class="meta">{escape(meta)}</p>{"".join(notes)}</header>',
            _summary(report, lang),
            f'<section id="hierarchy"><h2>{escape(word("tree_title", lang))}</h2>'
            f'<div class="diagram">{svg}</div>{_legend(lang)}</section>',
            f'<section id="findings"><h2>{escape(word("findings", lang))}</h2>',
            _filters(report, lang),
            f'<p id="none-shown" hidden>{escape(word("none_shown", lang))}</p>',
            sections,
            "</section>",
            _rules(report, specs, lang),
            f"<footer>{escape(word('generated', lang, version=__version__))}</footer>",
            "</main>",
            f'<script type="application/json" id="report-data">{data}</script>',
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
