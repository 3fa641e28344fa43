"""right_zone: the zone or planned block a right names exists above it, allows its mineral, and holds one right.

`check: exists`: no plan above the right has a zone or block of that name (the nearest names are suggested).
`check: mineral`: the zone lists its minerals and the right's mineral is none of them nor narrower than one.
`check: one_right`: a planned block (勘查/开采规划区块) is for one right only (001 七（二）, line 383: 一个勘查开采
规划区块只设置一个矿业权): every right of the batch after the first (by id) in the same block is reported.

With passes asked for, a zone found (`exists`) or allowing the right's mineral (`mineral`) is a held check
citing the zone.

Params:
    check: exists | mineral | one_right

Example (FAIL, exists): zone 永川红炉北集中开采区 (001 has 永川红炉集中开采区).
Example (PASS): zone 永川红炉集中开采区 for 建筑石料用灰岩.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.model import Zone
from planlint.rights.evaluate import RightHeld, RightHit, RightsContext
from planlint.rights.kinds._common import reviewed
from planlint.rights.prepare import PreparedRight
from planlint.rules import Rule

KIND = "right_zone"
BLOCKS = ("exploration_block", "mining_block")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    check: Literal["exists", "mineral", "one_right"]


def check(context: RightsContext, rule: Rule) -> Iterator[RightHit]:
    params = rule.params
    assert isinstance(params, Params)
    if params.check == "one_right":
        yield from _shared_blocks(context)
        return
    for right in reviewed(context):
        if not right.right.zone:
            continue
        zones = context.zones_named(right)
        if params.check == "exists" and not zones:
            yield _unknown_zone(context, right)
        elif params.check == "exists" and context.passes:
            yield from (_held(right, plan_id, zone, "exists") for plan_id, zone in zones)
        elif params.check == "mineral" and zones:
            yield from _mineral(context, right, zones)


def _unknown_zone(context: RightsContext, right: PreparedRight) -> RightHit:
    names = sorted({z.name for p in right.plans for z in context.plan(p).zones})
    close = difflib.get_close_matches(right.right.zone or "", names, n=2, cutoff=0.5)
    suggestion = {
        "zh": f"（相近的有：{'、'.join(close)}）" if close else "",
        "en": f" (close: {', '.join(close)})" if close else "",
    }
    return RightHit(
        right=right,
        plan=right.plans[0],
        subject=f"zone|exists|{right.right.zone}",
        values={"zone": right.right.zone, "plans": "、".join(right.plans), "suggestion": suggestion},
    )


def _mineral(context: RightsContext, right: PreparedRight, zones: list) -> Iterator[RightHit]:  # type: ignore[type-arg]
    vocabulary = context.project.vocabulary
    for plan_id, zone in zones:
        allowed = {vocabulary.canonical(m) for m in zone.minerals}
        if allowed and allowed & right.lineage and context.passes:
            yield _held(right, plan_id, zone, "mineral")
        elif allowed and not allowed & right.lineage:
            yield RightHit(
                right=right,
                plan=plan_id,
                places=((plan_id, zone.cite),),
                subject=f"zone|mineral|{zone.name}",
                values={
                    "zone": zone.name,
                    "zone_kind": _zone_kind_names(context, zone.kind),
                    "allowed": "、".join(zone.minerals),
                },
            )


def _held(right: PreparedRight, plan_id: str, zone: Zone, check: str) -> RightHeld:
    """The zone the right names, found in a plan above it (and, for `mineral`, allowing its mineral)."""
    return RightHeld(
        right=right, plan=plan_id, places=((plan_id, zone.cite),), subject=f"zone|{check}|{zone.name}|held"
    )


def _shared_blocks(context: RightsContext) -> Iterator[RightHit]:
    holders: dict[tuple[str, str], list[PreparedRight]] = defaultdict(list)
    for right in reviewed(context):
        for plan_id, zone in context.zones_named(right):
            # a named group of blocks (规划开采区块, count 33) is not one block
            if zone.kind in BLOCKS and (zone.count or 1) == 1 and right.right.kind in ("new", "unknown"):
                holders[(plan_id, zone.name)].append(right)
                break
    for (plan_id, name), rights in sorted(holders.items()):
        first, *others = sorted(rights, key=lambda r: r.id)
        cite = next(z.cite for z in context.plan(plan_id).zones if z.name == name)
        for right in others:
            yield RightHit(
                right=right,
                plan=plan_id,
                places=((plan_id, cite),),
                others=(first,),
                subject=f"zone|one_right|{name}",
                values={"zone": name, "first": first.id},
            )


def _zone_kind_names(context: RightsContext, kind: str) -> dict[str, str]:
    entry = context.project.vocabulary.require_zone_kind(kind)
    return {"zh": entry.zh, "en": entry.en}
