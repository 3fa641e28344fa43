"""mineral_policy: a plan may not plan to mine what an ancestor prohibits, nor encourage what it restricts.

For each plan judged and each entry on an ancestor's `list` (prohibited or restricted minerals), the plan's
uses of a matching mineral are collected: its encouraged list (`encouraged`), its indicators of `metrics`
that let the mineral be mined (`indicators`; an upper bound of zero does not), and its zones and blocks of
`zone_kinds` that name the mineral (`zones`). Minerals match through the vocabulary: with
`match: same_or_narrower` the ancestor's mineral covers the plan's (prohibited 砖瓦用粘土 covers the plan's
可耕地砖瓦用粘土); with `match: broader` the plan's mineral is wider than the ancestor's (the plan mines
砖瓦用粘土 in general while the ancestor prohibits only 可耕地砖瓦用粘土): a fact for a reviewer, reported
only where no ancestor entry of the same list covers the use itself. One finding per plan and ancestor
mineral, against the nearest ancestor listing it, citing every ancestor's entry and every use.
Severity is fixed by the rule (the lists carry no attribute; a policy by attribute reads them as binding).

Params:
    list: prohibited | restricted — the ancestor list checked
    uses: which of the plan's statements count: encouraged, indicators, zones (default all three)
    metrics: indicator metrics that plan mining (default extraction_total, min_scale, max_scale,
        mine_count, production_capacity)
    zone_kinds: zone kinds that plan exploration or mining (default all but reserve, strategic_reserve)
    match: same_or_narrower (default) | broader

Example (FAIL): ancestor `prohibited: [砖瓦用粘土]`; plan `extraction_total 砖瓦用粘土 >= 84 万吨`.
Example (PASS): ancestor `prohibited: [可耕地砖瓦用粘土]`; plan `encouraged: [砖瓦用页岩]`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context, format_value
from planlint.findings import Citation, Finding
from planlint.i18n import zone_kind_text
from planlint.model import Cite, MineralEntry, Zone, ZoneKind
from planlint.resolve import Stated
from planlint.rules import Rule
from planlint.vocabulary import Vocabulary

KIND = "mineral_policy"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    list: Literal["prohibited", "restricted"]
    uses: tuple[Literal["encouraged", "indicators", "zones"], ...] = ("encouraged", "indicators", "zones")
    metrics: tuple[str, ...] = (
        "extraction_total",
        "min_scale",
        "max_scale",
        "mine_count",
        "production_capacity",
    )
    zone_kinds: tuple[ZoneKind, ...] = (
        "key_exploration",
        "key_mining",
        "concentrated_mining",
        "exploration_block",
        "mining_block",
        "national_planned_area",
        "energy_base",
    )
    match: Literal["same_or_narrower", "broader"] = "same_or_narrower"


@dataclass(frozen=True)
class Use:
    """One statement of the plan that plans (or encourages) a mineral."""

    mineral: str
    lineage: frozenset[str]
    cite: Cite
    # NOTE: built only for the uses that hit a listed mineral; building text for every row dominated run time.
    words: Callable[[], dict[str, str]]


def _uses(context: Context, plan_id: str, params: Params) -> list[Use]:
    plan, vocabulary, found = context.plan(plan_id), context.vocabulary, []
    if "encouraged" in params.uses:
        for entry in plan.minerals.encouraged:
            found.append(_use(vocabulary, entry.mineral, entry.cite, partial(_encouraged_words, entry)))
    if "indicators" in params.uses:
        for row in context.index.of(plan_id):
            if (
                row.metric not in params.metrics
                or row.mineral is None
                or (row.high is not None and row.high <= 0)
            ):
                continue
            found.append(Use(row.mineral, row.lineage, row.cite, partial(_indicator_words, context, row)))
    if "zones" in params.uses:
        for zone in plan.zones:
            if zone.kind not in params.zone_kinds:
                continue
            for printed in zone.minerals:
                words = partial(_zone_words, zone, printed)
                found.append(_use(vocabulary, printed, zone.cite, words))
    return found


def _use(vocabulary: Vocabulary, printed: str, cite: Cite, words: Callable[[], dict[str, str]]) -> Use:
    canonical = vocabulary.canonical(printed)
    return Use(canonical, vocabulary.lineage(canonical), cite, words)


def _encouraged_words(entry: MineralEntry) -> dict[str, str]:
    return {
        "zh": f"将{entry.mineral}列为鼓励（重点勘查/开采）矿种",
        "en": f"lists {entry.mineral} as encouraged",
    }


def _indicator_words(context: Context, row: Stated) -> dict[str, str]:
    metric = context.vocabulary.require_metric(row.metric)
    where = (
        {"zh": f"（{row.zone.name}内）", "en": f" in {row.zone.name}"} if row.zone else {"zh": "", "en": ""}
    )
    printed, value = row.indicator.mineral, format_value(row.indicator)
    return {
        "zh": f"规定{printed}{metric.zh} {value}{where['zh']}",
        "en": f"states {printed} {metric.en} {value}{where['en']}",
    }


def _zone_words(zone: Zone, printed: str) -> dict[str, str]:
    return {
        "zh": f"为{printed}设置{zone_kind_text(zone.kind, 'zh')}「{zone.name}」",
        "en": f"sets the {zone_kind_text(zone.kind, 'en')} {zone.name} for {printed}",
    }


def _listed(context: Context, plan_id: str, params: Params) -> dict[str, list[tuple[str, MineralEntry]]]:
    """The ancestors' entries on the list, by canonical mineral, nearest ancestor first."""
    listed: dict[str, list[tuple[str, MineralEntry]]] = {}
    for ancestor in context.ancestors(plan_id):
        for entry in getattr(context.plan(ancestor).minerals, params.list):
            listed.setdefault(context.vocabulary.canonical(entry.mineral), []).append((ancestor, entry))
    return listed


def _join(words: list[str], lang: str, shown: int = 3) -> str:
    """The distinct uses, the first few in full: '…；…；…等7处' / '…; …; … and 4 more'."""
    distinct = list(dict.fromkeys(words))
    text = ("；" if lang == "zh" else "; ").join(distinct[:shown])
    rest = len(distinct) - shown
    if rest > 0:
        text += f"等{len(distinct)}处" if lang == "zh" else f" and {rest} more"
    return text


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = context.vocabulary
    for plan_id in context.targets:
        listed = _listed(context, plan_id, params)
        uses = _uses(context, plan_id, params) if listed else []
        for mineral, entries in sorted(listed.items()):
            # NOTE: membership in each use's lineage (computed once) is `covers` without a name lookup per pair.
            if params.match == "same_or_narrower":
                hits = [u for u in uses if mineral in u.lineage]
            else:
                wider = vocabulary.lineage(mineral)
                hits = [
                    u
                    for u in uses
                    if u.mineral != mineral and u.mineral in wider and not any(o in u.lineage for o in listed)
                ]
            if not hits:
                continue
            ancestor, entry = entries[0]
            citations: list[Citation] = [context.cite(a, e.cite, "ancestor") for a, e in entries]
            citations.extend(context.cite(plan_id, u.cite, "plan") for u in hits)
            described = [u.words() for u in hits]
            joined = {lang: _join([w[lang] for w in described], lang) for lang in ("zh", "en")}
            yield context.finding(
                rule,
                plan=plan_id,
                against=ancestor,
                severity=rule.severity_for("binding"),
                mineral=entry.mineral,
                subject=f"{params.list}|{params.match}|{mineral}",
                values={"ancestor_mineral": entry.mineral, "uses": joined},
                citations=citations,
            )
