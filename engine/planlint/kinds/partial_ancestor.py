"""partial_ancestor: say where an ancestor's content is unknown, so silence is not read as conformance.

For each ancestor with `completeness: partial` of the plans judged, one finding (on the first judged plan
under it, naming every judged plan under it: the note is the same for all, so it is said once) says that the
ancestor is only partly known, what it records (its indicators, mineral-list entries and zones, counted) and
that conformance to it was therefore checked only against what is recorded: what it does not record is
unknown, not absent. It cites each of the ancestor's public sources (or the ancestor with no place, when it
records none). Severity is fixed by the rule (info).

Params:
    (none)

Example (FAIL, i.e. reported): ancestor `{id: ha, completeness: partial, sources: [{id: S1, ...}]}` with
plans a and b judged under it: one info finding on a, naming a and b, citing S1.
Example (PASS): every ancestor has `completeness: full` (the default).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.hits import Fragment, Hit, Joined, Place
from planlint.model import Cite

KIND = "partial_ancestor"
COUNTED = ("indicators", "encouraged", "restricted", "prohibited", "zones", "sources")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, kw_only=True)
class PartlyKnown(Hit):
    """An ancestor known only in part: its name and what it records, counted."""

    PLACEHOLDERS = ("name", "plans", *COUNTED)

    name: str
    plans: tuple[str, ...]
    counts: tuple[int, ...]

    def values(self) -> Mapping[str, Fragment]:
        counts = {k: str(v) for k, v in zip(COUNTED, self.counts, strict=True)}
        return {"name": self.name, "plans": Joined(self.plans, "list"), **counts}

    def also_concerns(self) -> tuple[str, ...]:
        return self.plans

    def subject_plan(self) -> str:
        # NOTE: the note is about the ancestor; the judged plan it is placed on depends on which plans are
        # judged (--plan), so it must not enter the finding's id.
        return self.against or self.plan


HITS = (PartlyKnown,)


def check(context: Context, params: Params) -> Iterator[PartlyKnown]:
    for ancestor_id, plans in _judged_under_partial(context).items():
        ancestor = context.plan(ancestor_id)
        lists = ancestor.minerals
        counts = (
            len(ancestor.all_indicators()),
            len(lists.encouraged),
            len(lists.restricted),
            len(lists.prohibited),
            len(ancestor.zones),
            len(ancestor.sources),
        )
        places = [Place("ancestor", ancestor_id, Cite(ref=s.id)) for s in ancestor.sources]
        yield PartlyKnown(
            plan=plans[0],
            against=ancestor_id,
            places=tuple(places or [Place("ancestor", ancestor_id)]),
            detail=("partial",),
            name=ancestor.name,
            plans=tuple(plans),
            counts=counts,
        )


def _judged_under_partial(context: Context) -> dict[str, list[str]]:
    """Each partly known ancestor of the judged plans, with the judged plans under it (in judging order)."""
    under: dict[str, list[str]] = {}
    for plan_id in context.targets:
        for ancestor_id in context.ancestors(plan_id):
            if context.plan(ancestor_id).is_partial:
                under.setdefault(ancestor_id, []).append(plan_id)
    return under
