"""right_mineral_policy: a right's mineral against the policy lists of every plan above it.

`list: prohibited` (match narrower): the right mines a prohibited mineral or a narrower one — no new right
(001 七（二）, line 383). `list: prohibited, match: broader`: the plan prohibits only part of the right's
mineral (可耕地砖瓦用粘土 within 砖瓦用粘土): the right must show it is outside that part. `list: restricted`:
the right mines a restricted mineral, which is allowed only within the plan's extraction caps and access
conditions (checked by the scale and total rules); the finding names the conditions. With passes asked for,
a plan whose list has entries and none matches the right is a held check citing the entries.

Params:
    list: prohibited | restricted
    match: narrower | broader

Example (FAIL): 001 prohibits 砖瓦用粘土; a new right for 砖瓦用粘土 in 重庆市永川区.
Example (PASS): a right for 砖瓦用页岩 (页岩, not 粘土).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.model import MineralEntry
from planlint.rights.evaluate import RightHeld, RightHit, RightsContext
from planlint.rights.kinds._common import reviewed
from planlint.rights.prepare import PreparedRight
from planlint.rules import Rule

KIND = "right_mineral_policy"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    list: Literal["prohibited", "restricted"]
    match: Literal["narrower", "broader"] = "narrower"


def check(context: RightsContext, rule: Rule) -> Iterator[RightHit]:
    params = rule.params
    assert isinstance(params, Params)
    vocabulary = context.project.vocabulary
    listed: dict[str, list[tuple[MineralEntry, str]]] = {}
    for right in reviewed(context):
        for plan_id in right.plans:
            if plan_id not in listed:
                entries: tuple[MineralEntry, ...] = getattr(context.plan(plan_id).minerals, params.list)
                listed[plan_id] = [(e, vocabulary.canonical(e.mineral)) for e in entries]
            matched = [
                e for e, canonical in listed[plan_id] if _matches(context, right, canonical, params.match)
            ]
            for entry in matched:
                yield _hit(right, plan_id, entry, params)
            if context.passes and listed[plan_id] and not matched:
                yield _held(right, plan_id, [e for e, _ in listed[plan_id]], params)


def _matches(context: RightsContext, right: PreparedRight, listed: str, match: str) -> bool:
    if match == "narrower":
        return listed in right.lineage
    return listed != right.mineral and right.mineral in context.project.vocabulary.lineage(listed)


def _held(right: PreparedRight, plan_id: str, entries: list[MineralEntry], params: Params) -> RightHeld:
    """The right's mineral compared with every entry of the plan's list, none matching."""
    return RightHeld(
        right=right,
        plan=plan_id,
        places=tuple((plan_id, e.cite) for e in entries),
        subject=f"{params.list}|{params.match}|held",
    )


def _hit(right: PreparedRight, plan_id: str, entry: MineralEntry, params: Params) -> RightHit:
    return RightHit(
        right=right,
        plan=plan_id,
        places=((plan_id, entry.cite),),
        subject=f"{params.list}|{params.match}|{entry.mineral}",
        values={"listed": entry.mineral},
    )
