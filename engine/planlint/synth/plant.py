"""Planting violations: one planter per rule kind, driven by the rules actually loaded.

Each planter changes the clean nation so that exactly one rule fires (or says which others must fire too:
a cap raised above the parent's also makes the children's caps add up to more than the parent's), and
returns a `Planted` record with every finding it causes as (plan, rule, mineral). Planters never touch
the same plan and subject twice: `Planting.free`/`lock` keep plants from masking each other, and a
"family" lock (a parent and all its children) guards the sums over siblings.

Minerals in the manifest are canonical vocabulary names (None where a finding names no mineral).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from planlint.synth.draft import Nation, PlanDraft, Row, region_applies, scopes_overlap

Key = tuple[str, str, str | None]  # (plan, rule, mineral)


@dataclass
class Planted:
    plan: str
    rule: str
    kind: str
    mineral: str | None
    detail: str
    expect: list[Key] = field(default_factory=list)

    def as_dict(self, path: str) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "rule": self.rule,
            "kind": self.kind,
            "mineral": self.mineral,
            "file": path,
            "detail": self.detail,
            "findings": [{"plan": p, "rule": r, "mineral": m} for p, r, m in sorted(self.expect, key=str)],
        }


@dataclass
class Planting:
    """The nation being changed, the loaded rules, and which subjects are already used."""

    nation: Nation
    rules: Sequence[Any]  # planlint.rules.Rule
    rng: random.Random
    locks: set[tuple[str, str]] = field(default_factory=set)
    reserved: set[str] = field(default_factory=set)  # plans made partial: never judged, never touched

    # ---- which plans and subjects are free --------------------------------------------------------------
    def plans(
        self, level: str | None = None, leaf: bool | None = None, national: bool = False
    ) -> Iterator[PlanDraft]:
        """Judged plans in a random order."""
        drafts = list(self.nation.drafts.values())
        self.rng.shuffle(drafts)
        for draft in drafts:
            if draft.id in self.reserved or draft.completeness != "full":
                continue
            if (level and draft.level != level) or (not national and draft.level == "national"):
                continue
            if leaf is not None and (not draft.node.children) != leaf:
                continue
            yield draft

    def free(self, plan: str, *keys: str) -> bool:
        return plan not in self.reserved and not any((plan, k) in self.locks for k in keys)

    def lock(self, plan: str, *keys: str) -> None:
        self.locks.update((plan, k) for k in keys)

    def family(self, plan: str) -> list[str]:
        """The plan's parent and the parent's children (the sums over siblings the plan takes part in)."""
        parent = self.nation.nodes[plan].parent
        return [] if parent is None else [parent, *self.nation.nodes[parent].children]

    def family_free(self, plan: str, key: str) -> bool:
        return all(
            (p, key) not in self.locks for p in [plan, *self.family(plan), *self.nation.nodes[plan].children]
        )

    def family_lock(self, plan: str, key: str) -> None:
        for p in [plan, *self.family(plan), *self.nation.nodes[plan].children]:
            self.locks.add((p, key))

    # ---- rules -------------------------------------------------------------------------------------------------
    def rules_of(self, kind: str, **params: Any) -> list[Any]:
        """The loaded rules of a kind whose params have the given values."""
        return [
            r
            for r in self.rules
            if r.kind == kind and all(getattr(r.params, k) == v for k, v in params.items())
        ]

    # ---- rows --------------------------------------------------------------------------------------------------
    def ancestor_rows(
        self, plan: PlanDraft, metric: str, mineral: str | None, scope: dict[str, str], lineage: bool = False
    ) -> list[Row]:
        """Ancestor rows of `metric` that apply to a row of `plan` with this mineral and scope."""
        if mineral is None:
            minerals: frozenset[str | None] = frozenset({None})
        else:
            minerals = frozenset(self.nation.lineage(mineral)) if lineage else frozenset({mineral})
        regions = plan.node.regions
        return [
            r
            for a in self.nation.ancestors(plan.id)
            for r in a.rows
            if r.metric == metric
            and r.mineral in minerals
            and scopes_overlap(r.scope, scope)
            and region_applies(r, regions)
        ]


def subject(row: Row) -> str:
    return row.mineral or f"#{row.metric}"


Planter = Callable[[Planting, Any], Planted | None]
