"""What every reporter shares: its options, citations in words, rule titles and norms, plan and severity names.

Reporters import the findings model, this module, `words` and `sources`, never each other.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planlint.findings import SEVERITIES, Bound, Citation, Finding, Pass, PlanSummary, Report, RightSummary
from planlint.i18n import Lang, scope_suffix
from planlint.messages import OP_SIGNS
from planlint.remedy import bound_text
from planlint.report.words import WORDS, word
from planlint.review import (
    RIGHT_VERDICT_WORDS,
    Grounds,
    Waiver,
    grounds,
    missing_words,
    right_grounds,
    right_verdict,
    right_verdict_text,
    unmatched_plans,
    verdict_text,
)

LEVELS = ("national", "province", "city", "county")
WORD_LOCATOR = re.compile(r"第\d+段|表\d+(?:第\d+行)?")
RULES_NAMED = 6  # a verdict's reason names at most this many rules per severity


@dataclass(frozen=True)
class Options:
    """What every reporter may use: the language and where the cited documents are (`--docs`)."""

    lang: Lang = "en"
    docs: Path | None = None
    color: bool = False
    # the text of each plan document read in this run (a draft), by plan id: quoted with or without --docs
    texts: Mapping[str, Sequence[str]] = field(default_factory=dict, hash=False)
    # the path, as given, of each plan document read in this run, by plan id (SARIF's artifact uri)
    documents: Mapping[str, Path] = field(default_factory=dict, hash=False)


def counterpart(finding: Finding, lang: Lang) -> tuple[str, str]:
    """What a finding is about besides its plan, as (label, id): the ancestor, itself, or a mining right."""
    if finding.right is not None:
        return word("right", lang), finding.right
    return word("against", lang), finding.against or word("itself", lang)


def pass_text(held: Pass, lang: Lang) -> str:
    """A held comparison in words: the plan's value against the ancestor's (or its own row's), or what was
    checked when a kind compares no values."""
    against = held.against or word("itself", lang)
    values = {"plan": held.plan, "rule": held.rule, "against": against, "right": held.right}
    prefix = "pass.right_" if held.right is not None else "pass."
    if held.expected is None or held.actual is None or None in (held.expected.value, held.actual.value):
        return word(prefix + "checked", lang, **values)
    return word(
        prefix + "compared",
        lang,
        actual=_bound(held.actual),
        expected=_bound(held.expected),
        scope=scope_suffix(held.expected_scope, lang),
        **values,
    )


class PassJSON:
    """Pieces of a pass as JSON text, for the writers of a nation's passes (JSON, SARIF): each value written
    as `json.dumps` would (a test compares them), the bounds and citations, which repeat, encoded once."""

    def __init__(self) -> None:
        self._bounds: dict[Bound, str] = {}
        self._citations: dict[Citation, str] = {}

    @staticmethod
    def text(value: str | None) -> str:
        return "null" if value is None else _quoted(value)

    def bound(self, bound: Bound | None) -> str:
        if bound is None:
            return "null"
        found = self._bounds.get(bound)
        if found is None:
            found = self._bounds[bound] = json.dumps(bound.as_dict(), ensure_ascii=False)
        return found

    def citation(self, citation: Citation) -> str:
        found = self._citations.get(citation)
        if found is None:
            found = self._citations[citation] = json.dumps(citation.as_dict(), ensure_ascii=False)
        return found

    def values(self, held: Pass) -> str:
        """'"plan": …, "against": …[, "right": …], "metric": …, "mineral": …, "expected": …, "actual": …'."""
        right = f', "right": {_quoted(held.right)}' if held.right is not None else ""
        return (
            f'"plan": {self.text(held.plan)}, "against": {self.text(held.against)}{right}, '
            f'"metric": {self.text(held.metric)}, "mineral": {self.text(held.mineral)}, '
            f'"expected": {self.bound(held.expected)}, "actual": {self.bound(held.actual)}'
        )


_quoted = json.encoder.encode_basestring  # type: ignore[attr-defined]  # json.dumps' own, for a str


def held_title(held: Pass, lang: Lang) -> str:
    """What a pass held, in words ('不低于上级规划'): its kind's, a bound's by its direction."""
    direction = ""
    if held.expected is not None and held.expected.op in FLOOR_OPS:
        direction = ".floor"
    elif held.expected is not None and held.expected.op in CAP_OPS:
        direction = ".cap"
    for key in (f"held.{held.kind}{direction}", f"held.{held.kind}"):
        if key in WORDS:
            return word(key, lang)
    return word("held.other", lang)


FLOOR_OPS = frozenset({">=", ">"})
CAP_OPS = frozenset({"<=", "<"})


def _bound(bound: Bound) -> str:
    """'≥ 5 万立方米/年'; a plain value (a right's capacity: op '==') without a sign."""
    sign = "" if bound.op in ("=", "==") else OP_SIGNS.get(bound.op, bound.op)
    return f"{sign} {bound_text(bound)}".strip()


def citation_who(citation: Citation, lang: Lang, subject: str | None = None) -> str:
    """'依据' / 'ancestor cq' / 'plan cq-banan'; with `subject` (the finding's plan), a plan citation of another
    plan (a child of the parent whose cap a children's sum exceeds) is 'child plan p01-c02' / '下级规划'."""
    role = word(_role_word(citation, subject), lang)
    if citation.role == "norm" or not citation.plan:
        return role
    return f"{role} {citation.plan}"


def _role_word(citation: Citation, subject: str | None) -> str:
    if citation.role == "plan" and subject is not None and citation.plan not in (subject, None):
        return "child_plan"
    return citation.role


def citation_place(citation: Citation, lang: Lang, terse: bool = False) -> str:
    """Where in the document: '001_….txt 五（三） 专栏9 line 260', the locator, or '(the plan is silent)'.

    `terse` is the terminal's form: table before section and the line as 'L260'.
    """
    if citation.role == "norm":
        words = (
            citation.en if lang == "en" and citation.en is not None else (citation.document, citation.locator)
        )
        return " · ".join(x for x in words if x)
    order = (citation.table, citation.section) if terse else (citation.section, citation.table)
    # a 专栏 that is both the table and the section is named once
    parts = [x for x in dict.fromkeys((citation.document, *order)) if x]
    if citation.line is not None:
        parts.append(f"L{citation.line}" if terse else word("line", lang, n=citation.line))
        if citation.locator:  # the same place in Word terms
            locator = _locator(citation.locator, lang)
            if lang == "zh":  # full-width brackets take no space before them
                parts[-1] += f"（{locator}）"
            else:
                parts.append(f"({locator})")
    elif citation.locator:
        parts.append(_locator(citation.locator, lang))
    elif citation.role == "plan":
        parts.append(f"({word('plan_silent', lang)})")
    if not parts:  # a plan known only by name (no text, no public source): say so, not an empty place
        parts.append(f"({word('unsourced', lang)})")
    return " ".join(parts)


def _locator(locator: str, lang: Lang) -> str:
    """A Word locator (第288段, 表2第3行: extract's) as Chinese text sets it, numbers spaced from the
    characters: 第 288 段, 表 2 第 3 行. Any other locator (a 文号, an address) as it is."""
    if lang != "zh" or not WORD_LOCATOR.fullmatch(locator):
        return locator
    return re.sub(r"(\d+)", r" \1 ", locator).rstrip()


def citation_text(citation: Citation, lang: Lang, terse: bool = False, subject: str | None = None) -> str:
    """'ancestor cq: 001_….txt 专栏10 line 342': who is cited, and where (the terminal trims a missing place);
    `subject` as for `citation_who`."""
    cited = f"{citation_who(citation, lang, subject)}: {citation_place(citation, lang, terse)}"
    return cited.rstrip() if terse else cited


def severity_name(severity: str, lang: Lang) -> str:
    return word(f"severity.{severity}", lang)


def level_name(level: str, lang: Lang) -> str:
    """'省级' / 'province'; a level planlint has no words for is printed as recorded."""
    return word(f"level.{level}", lang) if level in LEVELS else level


def plan_named(report: Report, plan_id: str, lang: Lang) -> str:
    """'重庆市矿产资源总体规划（2021—2025年）（cq）': a plan by its name and id (by its id, if not reported)."""
    name = report.plan_names.get(plan_id)
    if name is None:
        return plan_id
    return f"{name}（{plan_id}）" if lang == "zh" else f"{name} ({plan_id})"


def reported_plans(report: Report) -> list[PlanSummary]:
    """The plans a reader wants listed: those judged and any that carry findings, in report order."""
    with_findings = {f.plan for f in report.findings}
    return [p for p in report.plans if p.judged or p.id in with_findings]


def context_plans(report: Report) -> list[PlanSummary]:
    """The plans only compared (仅作对照): loaded, not judged, and with no finding of their own."""
    listed = {p.id for p in reported_plans(report)}
    return [p for p in report.plans if p.id not in listed]


def list_separator(lang: Lang) -> str:
    return "、" if lang == "zh" else ", "


def colon(lang: Lang) -> str:
    """The colon after a label: full-width in Chinese, ': ' in English."""
    return "：" if lang == "zh" else ": "


def rule_specs(report: Report) -> dict[str, Any]:
    """Rule id → the rule's spec (title, description, norm), for the rules the report was run with."""
    specs: dict[str, Any] = {}
    for rule in report.rules:
        spec = getattr(rule, "spec", None)
        if spec is not None and getattr(spec, "id", None):
            specs[spec.id] = spec
    return specs


def rule_title(specs: dict[str, Any], rule_id: str, lang: Lang) -> str:
    spec = specs.get(rule_id)
    title = getattr(spec, "title", None)
    return title.get(lang) if title is not None else ""


def norm_text(specs: dict[str, Any], rule_id: str, lang: Lang) -> str:
    """'document · clause' of the norm a rule rests on, in `lang` (`Norm.text`), or '' for a rule the report
    does not carry."""
    norm = getattr(specs.get(rule_id), "norm", None)
    return norm.text(lang) if norm is not None else ""


def severity_counts(report: Report, findings: Iterable[Finding]) -> dict[str, tuple[int, int]]:
    """Findings by severity as (counted, waived): a waived finding counts for neither --fail-on nor the
    verdict, so every count a reader sees is of the counted ones, the waived said apart."""
    counts = {s: [0, 0] for s in SEVERITIES}
    for finding in findings:
        counts[finding.severity][0 if report.counted(finding) else 1] += 1
    return {s: (counted, waived) for s, (counted, waived) in counts.items()}


def waived_apart(waived: int, lang: Lang) -> str:
    """'（另有 1 个已豁免）' after a count of the counted findings ('' when none is waived)."""
    return word("count.waived", lang, n=waived) if waived else ""


def count_cell(counts: tuple[int, int], lang: Lang) -> str:
    """A table cell: '0（另有 1 个已豁免）', '2', or '' for none at all."""
    counted, waived = counts
    if not counted and not waived:
        return ""
    return f"{counted}{waived_apart(waived, lang)}"


def summary_text(report: Report, lang: Lang) -> str:
    """'7 plan(s) checked: 3 error(s) (+1 waived), 9 warning(s), 5 info.' (rights counted in a rights check)."""
    totals = severity_counts(report, report.findings)
    counts = {
        s: word(f"count.{s}", lang, n=counted) + waived_apart(waived, lang)
        for s, (counted, waived) in totals.items()
    }
    if report.rights:
        said = word("rights_summary", lang, rights=len(report.rights), **counts)
    else:
        said = word("summary", lang, plans=sum(1 for p in report.plans if p.judged), **counts)
    against = round_counts_text(report, lang)
    return f"{said}{'' if lang == 'zh' else ' '}{against}" if against else said


def round_counts_text(report: Report, lang: Lang) -> str:
    """'与上轮相比：本轮新增 2 个，上轮已提出 5 个，已解决 1 个。' ('' without a baseline); raised before counts
    those with other values too, and neither counts a finding of a plan the baseline did not judge."""
    counts = round_counts(report)
    return word("round_counts", lang, **counts) if counts is not None else ""


def round_counts(report: Report) -> dict[str, int] | None:
    """The findings new this round, raised before (with other values or not), and resolved; None without a
    baseline."""
    review = report.review
    if review is None or review.baseline is None:
        return None
    statuses = Counter(review.status(f) for f in report.findings)
    raised = statuses["unchanged"] + statuses["changed"]
    return {"new": statuses["new"], "raised": raised, "resolved": len(review.resolved)}


def resolved_plan(report: Report, finding_id: str) -> str | None:
    """The plan of a finding the baseline raised, as the baseline says (None when it does not)."""
    earlier = report.review.earlier.get(finding_id) if report.review is not None else None
    return earlier.plan if earlier is not None else None


def resolved_item(report: Report, finding_id: str, lang: Lang) -> str:
    """'PL101 最低开采规模低于上级规划：地热…低于 cq 规定的…（问题编号：PL101-4c2d5889fc）', as the baseline
    said it (its message in the baseline's language); the bare id when the baseline says nothing more."""
    earlier = report.review.earlier.get(finding_id) if report.review is not None else None
    if earlier is None or earlier.rule is None or earlier.message is None:
        return finding_id
    rule = " ".join(x for x in (earlier.rule, rule_title(rule_specs(report), earlier.rule, lang)) if x)
    return word("resolved_item", lang, rule=rule, message=earlier.message, id=finding_id)


def resolved_heading(report: Report, plan: str | None, lang: Lang) -> str:
    """'cq-banan 重庆市巴南区矿产资源总体规划（2021—2025年）': the plan a group of resolved findings was of."""
    if plan is None:
        return word("resolved_elsewhere", lang)
    name = report.plan_names.get(plan)
    return f"{plan} {name}" if name else plan


def resolved_by_plan(report: Report) -> list[tuple[str | None, list[str]]]:
    """The resolved findings grouped by their plan: the plans in the report's order, then the others (by id),
    then those whose plan the baseline does not say (None)."""
    review = report.review
    groups: dict[str | None, list[str]] = {}
    for finding_id in review.resolved if review is not None else ():
        groups.setdefault(resolved_plan(report, finding_id), []).append(finding_id)
    order = {plan.id: index for index, plan in enumerate(report.plans)}
    return sorted(
        groups.items(),
        key=lambda group: (group[0] is None, order.get(group[0] or "", len(order)), group[0] or ""),
    )


def verdict_line(report: Report, plan_id: str, lang: Lang) -> str:
    """'需人工审查（上级规划 cn 仅部分已知，见 PL150-8d41e0625a）': a plan's verdict with its reasons."""
    found = grounds(report, plan_id)
    return word(
        "verdict.because", lang, verdict=verdict_text(found.verdict, lang), reasons=reasons(found, lang)
    )


def reasons(found: Grounds, lang: Lang) -> str:
    """Why a verdict: the counted errors and warnings by rule, the ancestors only partly known, what was waived."""
    parts = []
    for key, findings in (("reason.errors", found.errors), ("reason.warnings", found.warnings)):
        if findings:
            parts.append(word(key, lang, n=len(findings), rules=_rule_list(findings, lang)))
    partial = [f for f in found.undecided if f.kind == "partial_ancestor"]
    parts += [word("reason.partial", lang, ancestor=f.against, id=f.id) for f in partial]
    unchecked = [f for f in found.undecided if f.kind != "partial_ancestor"]
    if unchecked:
        parts.append(word("reason.incomparable", lang, n=len(unchecked), ids=_id_list(unchecked, lang)))
    if not parts:
        parts.append(word("reason.infos", lang, n=found.infos) if found.infos else word("reason.clean", lang))
    if found.waived:
        parts.append(word("reason.waived", lang, n=found.waived))
    return ("；" if lang == "zh" else "; ").join(parts)


def _id_list(findings: list[Finding], lang: Lang) -> str:
    named = list_separator(lang).join(f.id for f in findings[:RULES_NAMED])
    return named + ("…" if len(findings) > RULES_NAMED else "")


def _rule_list(findings: tuple[Finding, ...], lang: Lang) -> str:
    rules = list(dict.fromkeys(f.rule for f in findings))
    named = list_separator(lang).join(rules[:RULES_NAMED])
    return named + ("…" if len(rules) > RULES_NAMED else "")


def review_marks(report: Report, finding: Finding, lang: Lang) -> list[str]:
    """A finding's marks in a review round: 已豁免, 豁免已过期 or 已豁免，但数值已变：10 万吨/年 → 1 万吨/年, and
    本轮新增, 上轮已提出 or 上轮已提出，数值已变：10 万吨/年 → 1 万吨/年."""
    marks = [waiver_mark(report, finding, lang), baseline_mark(report, finding, lang)]
    return [mark for mark in marks if mark]


def waiver_mark(report: Report, finding: Finding, lang: Lang) -> str:
    """'已豁免', '豁免已过期', '已豁免，但数值已变：10 万吨/年 → 1 万吨/年' (the plan's own value, in the unit it
    has now) or '已豁免，但所违反的限值已变：20 年 → 10 年' (the bound it breaks) ('' when no waiver names the finding)."""
    named = finding_waiver(report, finding)
    if named is None:
        return ""
    key, waiver = named
    if key not in CHANGED_KEYS:
        return word(key, lang)
    if key == "waiver_limit_changed":
        recorded, bound = waiver.limit, finding.expected
    else:
        recorded, bound = waiver.value, finding.actual
    unit = bound.unit if bound is not None else None
    before = {"value": recorded, "unit": unit}
    after = bound.as_dict() if bound is not None else None
    return word("value_change", lang, mark=word(key, lang), change=value_change_text(before, after))


def baseline_mark(report: Report, finding: Finding, lang: Lang) -> str:
    """'本轮新增', '上轮已提出' or '上轮已提出，数值已变：10 万吨/年 → 1 万吨/年' ('' without a baseline)."""
    review = report.review
    status = review.status(finding) if review is not None else None
    if review is None or status is None:
        return ""
    mark = word(f"baseline.{status}", lang)
    change = review.value_change(finding)
    return (
        mark if change is None else word("value_change", lang, mark=mark, change=value_change_text(*change))
    )


def value_change_text(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """'10 万吨/年 → 1 万吨/年': each side with its own unit (so a waiver's and a baseline's change read alike),
    '—' for a side with no value."""
    return f"{_value_text(before)} → {_value_text(after)}"


def _value_text(side: dict[str, Any] | None) -> str:
    value = side.get("value") if side is not None else None
    if value is None:
        return "—"
    number = f"{value[0]:.12g}–{value[1]:.12g}" if isinstance(value, (list, tuple)) else f"{value:.12g}"
    unit = side.get("unit") if side is not None else None
    return f"{number} {unit}" if unit else number


CHANGED_KEYS = ("waiver_changed", "waiver_limit_changed")


def finding_waiver(report: Report, finding: Finding) -> tuple[str, Waiver] | None:
    """('waived' | 'waiver_expired' | 'waiver_changed' | 'waiver_limit_changed', the waiver) when a waiver
    names the finding ('waiver_limit_changed': granted against another bound than the one it breaks now)."""
    review = report.review
    if review is None:
        return None
    for key, waivers in (
        ("waived", review.waived),
        ("waiver_expired", review.expired),
        ("waiver_changed", review.changed),
    ):
        if finding.id in waivers:
            waiver = waivers[finding.id]
            if key == "waiver_changed" and waiver.changed_side(finding) == "limit":
                key = "waiver_limit_changed"
            return key, waiver
    return None


def waiver_text(waiver: Waiver, lang: Lang) -> str:
    """'经论证，同意（重庆市规划和自然资源局，渝规资〔2023〕12号，有效期至 2025-12-31）'."""
    comma = "，" if lang == "zh" else ", "
    document = f"{comma}{waiver.document}" if waiver.document else ""
    expires = word("waiver_until", lang, date=waiver.expires.isoformat()) if waiver.expires else ""
    return word(
        "waiver_by", lang, reason=waiver.reason, approver=waiver.approver, document=document, expires=expires
    )


def review_notes(report: Report, lang: Lang) -> list[str]:
    """The round's notes on the whole report, in words (see `round_notes`)."""
    return [text for _, text in round_notes(report, lang)]


def round_notes(report: Report, lang: Lang) -> list[tuple[str, str]]:
    """The round's notes on the whole report as (key, words): the stale waivers ('stale-waivers'), the
    incomplete ones ('incomplete-waivers'), what this run could not judge ('not-judged'). The resolved
    findings are counted in the summary (`round_counts_text`) and listed by plan (`resolved_by_plan`)."""
    review = report.review
    if review is None:
        return []
    separator = list_separator(lang)
    notes = []
    if review.stale:
        stale = word("stale_waivers", lang, ids=separator.join(w.finding for w in review.stale))
        notes.append(("stale-waivers", stale))
    if review.incomplete:
        listed = separator.join(
            word("incomplete_waiver", lang, id=w.finding, missing=missing_words(w, lang))
            for w in review.incomplete
        )
        notes.append(("incomplete-waivers", word("incomplete_waivers", lang, waivers=listed)))
    if review.unjudged or review.unjudged_waivers:
        notes.append(("not-judged", not_judged_text(report, lang)))
    if review.unmatched:
        notes.append(
            ("unmatched-baseline", word("unmatched_baseline", lang, plans=unmatched_plans(review, lang)))
        )
    return notes


def not_judged_text(report: Report, lang: Lang) -> str:
    """'基线中 15 个问题、1 条豁免所属的规划本次未检查（本次只检查了 cq-banan），不计为已解决或失效': worded
    from what was given (a baseline, waivers, or both) and naming the plans that were judged."""
    review = report.review
    assert review is not None
    what = []
    if review.unjudged:
        what.append(word("not_judged.ids", lang, n=len(review.unjudged)))
    if review.unjudged_waivers:
        what.append(word("not_judged.waivers", lang, n=len(review.unjudged_waivers)))
    outcome = "both" if len(what) == 2 else ("resolved" if review.unjudged else "stale")
    judged = [p.id for p in report.plans if p.judged]
    named = list_separator(lang).join(judged[:RULES_NAMED]) + ("…" if len(judged) > RULES_NAMED else "")
    return word(
        "not_judged",
        lang,
        what=word("not_judged.and", lang).join(what),
        judged=word("not_judged.only", lang, plans=named) if judged else "",
        outcome=word(f"not_judged.{outcome}", lang),
    )


def record_text(right: RightSummary, lang: Lang) -> str:
    """The right's own record in words: '矿种 建筑石料用灰岩；生产规模 60 万吨/年；出让年限 30 年'."""
    parts = []
    for key, value in right.record:
        if key in ("kind", "deposit", "method"):
            value = word(f"{key}.{value}", lang)
        elif key == "term_years":
            value = word("record.years", lang, n=value)
        parts.append(f"{word('record.' + key, lang)} {value}")
    return ("；" if lang == "zh" else "; ").join(parts)


def right_verdicts_text(report: Report, lang: Lang) -> str:
    """How many rights got each verdict: '1 个符合规划、1 个不符合规划'."""
    counts = dict.fromkeys(RIGHT_VERDICT_WORDS, 0)
    for right in report.rights:
        counts[right_verdict(report, right.id)] += 1
    parts = [
        f"{n} 个{right_verdict_text(code, lang)}" if lang == "zh" else f"{n} {right_verdict_text(code, lang)}"
        for code, n in counts.items()
        if n
    ]
    return list_separator(lang).join(parts)


def right_verdict_line(report: Report, right_id: str, lang: Lang) -> str:
    """'不符合规划（2 个错误：PL520、PL522；1 个警告：PL511）': a right's verdict with its reasons."""
    code = right_verdict(report, right_id)
    found = right_grounds(report, right_id)
    return word("verdict.because", lang, verdict=right_verdict_text(code, lang), reasons=reasons(found, lang))
