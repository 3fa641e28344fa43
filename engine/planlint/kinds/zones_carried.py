"""zones_carried: zones an ancestor sets inside a plan's territory must be carried into the plan (规划传导).

For each plan judged, every zone of an ancestor that lies in the plan's territory (its `located_in` names the
plan's id or a place inside the plan's jurisdiction, or it has no `located_in` and is named after such a
district: `Hierarchy.zones_located_in`) and whose kind is in `kinds` is looked for among the plan's zones of a
compatible kind: the same kind, or one of the same `carried_by` group in the vocabulary (exploration:
key_exploration, exploration_block; mining: key_mining, concentrated_mining, mining_block). Names are compared after normalising: punctuation and spaces removed, 黏
read as 粘, leading place names stripped (the jurisdictions of the loaded plans, with and without 省/市/区/县, and
`place_names`), and one trailing `suffixes` entry stripped. An equal name carries the zone. Otherwise the zone
is carried under another name when a plan zone of a compatible kind shares a mineral (through the vocabulary;
a zone with no minerals shares any): `report: renamed` names the closest such zone (same kind first, then by
difflib). With no such zone the ancestor's zone is missing (`report: missing`); the closest zone of a
compatible kind, if any, is named. Severity is fixed by the rule. With passes asked for, a zone carried under
an equal name is a held comparison citing both zones (for both rules: neither outcome happened).

Params:
    report: missing | renamed — which outcome the rule reports
    kinds: the ancestor zone kinds checked (default all)
    place_names: more place names to strip (e.g. districts without a loaded plan: 铜梁, 璧山)
    suffixes: name endings to strip (default 重点开采区, 集中开采区, 重点勘查区, 开采规划区块, ...)

Example (FAIL, missing): ancestor zone `{kind: key_mining, name: 大足锶矿重点开采区, located_in: [cq-dazu]}`;
the plan `cq-dazu` sets no mining zone. (FAIL, renamed): the plan's `大足区古龙建筑石料用灰岩集中开采区`
for the ancestor's `大足万古集中开采区`.
Example (PASS): the plan sets `{kind: key_exploration, name: 锶矿重点勘查区}` for the ancestor's
`大足—铜梁锶矿重点勘查区` (大足 and 铜梁 stripped as place names).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.hits import Fragment, Held, Hit, Place, Words, ZoneKindName
from planlint.model import Zone, ZoneKind
from planlint.vocabulary import Vocabulary

KIND = "zones_carried"

PLACE_SUFFIX = re.compile(r"(?:自治区|自治州|自治县|省|市|区|县|旗)$")
PLACE_PART = re.compile(r".+?(?:自治区|自治州|自治县|省|市|区|县|旗)")
NOT_WORD = re.compile(r"[\W_]+")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    report: Literal["missing", "renamed"]
    kinds: tuple[ZoneKind, ...] | None = None
    place_names: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = (
        "重点开采区",
        "集中开采区",
        "重点勘查区",
        "开采规划区块",
        "勘查规划区块",
        "规划区块",
        "开采区块",
        "勘查区块",
        "开采区",
        "勘查区",
    )


@dataclass(frozen=True, kw_only=True)
class ZoneNotCarried(Hit):
    """An ancestor's zone in the plan's territory that the plan does not carry (or carries renamed)."""

    PLACEHOLDERS = ("zone", "zone_kind", "candidate", "closest")

    ancestor_zone: Zone
    closest: Zone | None

    def values(self) -> Mapping[str, Fragment]:
        closest = self.closest
        return {
            "zone": self.ancestor_zone.name,
            "zone_kind": ZoneKindName(self.ancestor_zone.kind),
            "candidate": closest.name if closest else "",
            "closest": Words.of("zones.closest", name=closest.name) if closest else Words("zones.none"),
        }


HITS = (ZoneNotCarried,)


def compatible(vocabulary: Vocabulary, a: str, b: str) -> bool:
    """Whether a zone of kind `b` can carry one of kind `a`: the same kind, or the same `carried_by` group."""
    group = vocabulary.require_zone_kind(a).carried_by
    return a == b or (group is not None and vocabulary.require_zone_kind(b).carried_by == group)


@dataclass(frozen=True)
class PlaceNames:
    """The place names a zone name may start with, and their lengths, longest first.

    NOTE: prefixes are looked up by length in the set, longest first: a scan of every place name per zone
    grew with the square of the nation's size. The lengths are computed once per check (they were kept in a
    cache keyed by the set, which compared each check's new set with the first one's, 6,000 names, per zone).
    """

    names: frozenset[str]
    lengths: tuple[int, ...]


def _places(context: Context, extra: tuple[str, ...]) -> PlaceNames:
    names: set[str] = set()
    for jurisdiction in context.hierarchy.jurisdictions:
        names.update(PLACE_PART.findall(jurisdiction) or [jurisdiction])
    names.update(extra)
    forms = {form for name in names for form in (name, PLACE_SUFFIX.sub("", name))}
    found = frozenset(f for f in forms if len(f) >= 2)
    return PlaceNames(found, tuple(sorted({len(p) for p in found}, reverse=True)))


def normalise(name: str, places: PlaceNames, suffixes: tuple[str, ...]) -> str:
    """A zone name without punctuation, leading place names and a trailing kind word."""
    text = NOT_WORD.sub("", name.replace("黏", "粘"))
    for suffix in sorted(suffixes, key=len, reverse=True):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    stripped = True
    while stripped:
        stripped = False
        for length in places.lengths:
            if len(text) > length and text[:length] in places.names:
                text, stripped = text[length:], True
                break
    return text


def _shares_mineral(context: Context, a: Zone, b: Zone) -> bool:
    if not a.minerals or not b.minerals:
        return True
    covers = context.vocabulary.covers
    return any(covers(x, y) or covers(y, x) for x in a.minerals for y in b.minerals)


def _held(plan_id: str, ancestor: str, zone: Zone, carrier: Zone) -> Held:
    """An ancestor's zone carried by the plan's zone of the same name: a held comparison citing both."""
    return Held(
        plan=plan_id,
        against=ancestor,
        places=(Place("ancestor", ancestor, zone.cite), Place("plan", plan_id, carrier.cite)),
        mineral="、".join(zone.minerals) or None,
        zone=zone.name,
        detail=(zone.kind,),
    )


@dataclass(frozen=True)
class Comparison:
    """How an ancestor's zone was looked for among a plan's zones: the plan's zones of a compatible kind
    (`pool`), the one of an equal normalised name (`carrier`), those sharing a mineral (`near`), the closest
    (same kind first, then by name similarity) and the normalised names compared (`names`, by zone name)."""

    zone: Zone
    pool: tuple[Zone, ...]
    carrier: Zone | None
    near: tuple[Zone, ...]
    closest: Zone | None
    names: Mapping[str, str]

    @property
    def outcome(self) -> Literal["carried", "renamed", "missing"]:
        if self.carrier is not None:
            return "carried"
        return "renamed" if self.near else "missing"

    def similarity(self, other: Zone) -> float:
        """How alike the normalised names of the ancestor's zone and `other` are (difflib's ratio, 0 to 1)."""
        return difflib.SequenceMatcher(None, self.names[self.zone.name], self.names[other.name]).ratio()


class Normaliser:
    """Zone names normalised once per check (`normalise`), the place names gathered once."""

    def __init__(self, context: Context, params: Params) -> None:
        self.places = _places(context, params.place_names)
        self.suffixes = params.suffixes
        self.keys: dict[str, str] = {}

    def __call__(self, zone: Zone) -> str:
        if zone.name not in self.keys:
            self.keys[zone.name] = normalise(zone.name, self.places, self.suffixes)
        return self.keys[zone.name]


def compare(context: Context, key: Normaliser, zone: Zone, own: tuple[Zone, ...]) -> Comparison:
    """Look for the ancestor's `zone` among the plan's zones `own` (`explain` shows the same reasoning)."""
    pool = tuple(z for z in own if compatible(context.vocabulary, zone.kind, z.kind))
    carrier = next((z for z in pool if key(z) == key(zone)), None)
    near = tuple(z for z in pool if _shares_mineral(context, zone, z)) if carrier is None else ()
    closest = None
    if carrier is None:  # ranking by name similarity is the costly part: only for a zone not carried
        ranked = sorted(
            near or pool,
            key=lambda z: (z.kind != zone.kind, -difflib.SequenceMatcher(None, key(zone), key(z)).ratio()),
        )
        closest = ranked[0] if ranked else None
    names = {z.name: key(z) for z in (zone, *pool)}
    return Comparison(zone, pool, carrier, near, closest, names)


def check(context: Context, params: Params) -> Iterator[ZoneNotCarried | Held]:
    key = Normaliser(context, params)
    for plan_id in context.targets:
        own = tuple(context.plan(plan_id).zones)
        for ancestor in context.ancestors(plan_id):
            for zone in context.hierarchy.zones_located_in(ancestor, plan_id):
                if params.kinds is not None and zone.kind not in params.kinds:
                    continue
                found = compare(context, key, zone, own)
                if found.carrier is not None:
                    if context.passes:
                        yield _held(plan_id, ancestor, zone, found.carrier)
                    continue
                if found.outcome != params.report:
                    continue
                closest = found.closest
                # NOTE: a missing zone is a silence of the plan (line null); a renamed one cites the candidate.
                cited = closest.cite if closest is not None and found.outcome == "renamed" else None
                yield ZoneNotCarried(
                    plan=plan_id,
                    against=ancestor,
                    places=(Place("ancestor", ancestor, zone.cite), Place("plan", plan_id, cited)),
                    mineral="、".join(zone.minerals) or None,
                    zone=zone.name,
                    detail=(zone.kind,),
                    ancestor_zone=zone,
                    closest=closest,
                )
