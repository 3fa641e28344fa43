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
With passes asked for, a listed mineral that none of the plan's uses matches is held (a plan with no uses
compared nothing).

Params:
    list: prohibited | restricted — the ancestor list checked
    uses: which of the plan's statements count: encouraged, indicators, zones (default all three)
    metrics: indicator metrics that plan mining (default: the vocabulary's metrics with `mines: true`:
        extraction_total, mine_count, min_scale, max_scale, production_capacity)
    zone_kinds: zone kinds that plan exploration or mining (default: the vocabulary's zone kinds of
        activity exploration or mining: all but reserve, strategic_reserve)
    match: same_or_narrower (default) | broader

Example (FAIL): ancestor `prohibited: [砖瓦用粘土]`; plan `extraction_total 砖瓦用粘土 >= 84 万吨`.
Example (PASS): ancestor `prohibited: [可耕地砖瓦用粘土]`; plan `encouraged: [砖瓦用页岩]`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, partial
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from planlint.context import Context
from planlint.hits import Fragment, Held, Hit, Joined, MetricName, Place, Value, Words, ZoneKindName
from planlint.model import Cite, MineralEntry, Zone, ZoneKind
from planlint.params import Metric, fill_from_vocabulary
from planlint.prepared import Stated
from planlint.vocabulary import Vocabulary

KIND = "mineral_policy"
SHOWN_USES = 3
# a printed mineral name -> its canonical name and lineage
Named = Callable[[str], tuple[str, frozenset[str]]]


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    list: Literal["prohibited", "restricted"]
    uses: tuple[Literal["encouraged", "indicators", "zones"], ...] = ("encouraged", "indicators", "zones")
    metrics: tuple[Metric, ...] | None = None
    zone_kinds: tuple[ZoneKind, ...] | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: object, info: ValidationInfo) -> object:
        return fill_from_vocabulary(
            data,
            info,
            metrics=lambda v: v.mining_metrics(),
            zone_kinds=lambda v: v.zone_kinds_for("exploration", "mining"),
        )

    match: Literal["same_or_narrower", "broader"] = "same_or_narrower"


@dataclass(frozen=True)
class Use:
    """One statement of the plan that plans (or encourages) a mineral."""

    mineral: str
    lineage: frozenset[str]
    cite: Cite
    # NOTE: described only for the uses that hit a listed mineral; describing every row dominated run time.
    describe: Callable[[], Fragment]


@dataclass(frozen=True, kw_only=True)
class ListedMineralUsed(Hit):
    """The plan uses a mineral on an ancestor's list (or, with `match: broader`, a wider one)."""

    PLACEHOLDERS = ("ancestor_mineral", "uses")

    ancestor_mineral: str
    uses: tuple[Use, ...]

    def values(self) -> Mapping[str, Fragment]:
        described = tuple(u.describe() for u in self.uses)
        return {"ancestor_mineral": self.ancestor_mineral, "uses": Joined(described, "uses", SHOWN_USES)}


HITS = (ListedMineralUsed,)


@dataclass(frozen=True)
class Counted:
    """What counts as a use: the metrics of rows that plan mining, the zone kinds that plan it."""

    metrics: frozenset[str]
    zone_kinds: frozenset[str]

    @classmethod
    def of(cls, params: Params, vocabulary: Vocabulary) -> Counted:
        return cls(
            frozenset(params.metrics or vocabulary.mining_metrics()),
            frozenset(params.zone_kinds or vocabulary.zone_kinds_for("exploration", "mining")),
        )


def _uses(
    context: Context, plan_id: str, params: Params, counted: Counted, reach: frozenset[str], named: Named
) -> list[Use]:
    """The plan's uses whose lineage meets `reach`, in order: no other use can hit a listed mineral."""
    plan, found = context.plan(plan_id), []
    metrics, zone_kinds = counted.metrics, counted.zone_kinds
    if "encouraged" in params.uses:
        for entry in plan.minerals.encouraged:
            mineral, lineage = named(entry.mineral)
            if not reach.isdisjoint(lineage):
                found.append(Use(mineral, lineage, entry.cite, partial(_encouraged_words, entry)))
    if "indicators" in params.uses and not reach.isdisjoint(context.index.minerals_of(plan_id)):
        for row in context.index.of(plan_id):
            if row.metric not in metrics or row.mineral is None or (row.high is not None and row.high <= 0):
                continue
            if not reach.isdisjoint(row.lineage):
                found.append(Use(row.mineral, row.lineage, row.cite, partial(_indicator_words, row)))
    if "zones" in params.uses:
        for zone in plan.zones:
            if zone.kind not in zone_kinds:
                continue
            for printed in zone.minerals:
                mineral, lineage = named(printed)
                if not reach.isdisjoint(lineage):
                    found.append(Use(mineral, lineage, zone.cite, partial(_zone_words, zone, printed)))
    return found


def _reach(vocabulary: Vocabulary, listed: Iterable[str], params: Params, passes: bool) -> frozenset[str]:
    """The minerals a use's lineage must meet to hit one of `listed`: those (`same_or_narrower`: a use of
    the mineral or a narrower one) or every broader one (`broader`: a use of a wider mineral). With passes
    asked for, every mineral: a listed mineral no use hits holds only where the plan has uses at all."""
    if passes:
        return frozenset(vocabulary.minerals)
    if params.match == "same_or_narrower":
        return frozenset(listed)
    return frozenset().union(*(vocabulary.lineage(m) for m in listed))


def _names(vocabulary: Vocabulary) -> Named:
    """A printed mineral name's canonical name and lineage, looked up once per name within one check."""

    @cache
    def named(printed: str) -> tuple[str, frozenset[str]]:
        canonical = vocabulary.canonical(printed)
        return canonical, vocabulary.lineage(canonical)

    return named


def _encouraged_words(entry: MineralEntry) -> Fragment:
    return Words.of("use.encouraged", mineral=entry.mineral)


def _indicator_words(row: Stated) -> Fragment:
    where: Fragment = Words.of("use.in_zone", zone=row.zone.name) if row.zone else ""
    return Words.of(
        "use.indicator",
        mineral=row.indicator.mineral or "",
        metric=MetricName(row.metric),
        value=Value(row.indicator),
        where=where,
    )


def _zone_words(zone: Zone, printed: str) -> Fragment:
    return Words.of("use.zone", mineral=printed, zone_kind=ZoneKindName(zone.kind), zone=zone.name)


def _listed(
    context: Context, ancestors: tuple[str, ...], params: Params, named: Named
) -> dict[str, list[tuple[str, MineralEntry]]]:
    """The ancestors' entries on the list, by canonical mineral, nearest ancestor first."""
    listed: dict[str, list[tuple[str, MineralEntry]]] = {}
    for ancestor in ancestors:
        for entry in getattr(context.plan(ancestor).minerals, params.list):
            listed.setdefault(named(entry.mineral)[0], []).append((ancestor, entry))
    return listed


def _held(plan_id: str, mineral: str, entries: list[tuple[str, MineralEntry]], params: Params) -> Held:
    """An ancestor's listed mineral compared with every use of the plan, none of which matched it: the plan
    is silent about it (a plan citation without a line)."""
    ancestor, entry = entries[0]
    return Held(
        plan=plan_id,
        against=ancestor,
        places=(*(Place("ancestor", a, e.cite) for a, e in entries), Place("plan", plan_id)),
        mineral=entry.mineral,
        detail=(params.list, params.match, mineral),
    )


def check(context: Context, params: Params) -> Iterator[ListedMineralUsed | Held]:
    vocabulary = context.vocabulary
    named = _names(vocabulary)
    counted = Counted.of(params, vocabulary)
    # what the ancestors list, and the minerals a use must meet to hit it: the same for sibling plans
    listed_above: dict[tuple[str, ...], tuple[dict[str, list[tuple[str, MineralEntry]]], frozenset[str]]] = {}
    for plan_id in context.targets:
        ancestors = context.ancestors(plan_id)
        if ancestors not in listed_above:
            listed = _listed(context, ancestors, params, named)
            listed_above[ancestors] = (listed, _reach(vocabulary, listed, params, context.passes))
        listed, reach = listed_above[ancestors]
        uses = []
        if listed:
            uses = _uses(context, plan_id, params, counted, reach, named)
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
                if context.passes and uses:
                    yield _held(plan_id, mineral, entries, params)
                continue
            ancestor, entry = entries[0]
            places = [Place("ancestor", a, e.cite) for a, e in entries]
            places.extend(Place("plan", plan_id, u.cite) for u in hits)
            yield ListedMineralUsed(
                plan=plan_id,
                against=ancestor,
                places=tuple(places),
                attribute="binding",
                mineral=entry.mineral,
                detail=(params.list, params.match, mineral),
                ancestor_mineral=entry.mineral,
                uses=tuple(hits),
            )
