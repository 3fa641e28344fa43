"""partial_ancestor: say where an ancestor's content is unknown, so silence is not read as conformance.

For each plan judged and each of its ancestors with `completeness: partial`, one finding says that the
ancestor is only partly known, what it records (its indicators, mineral-list entries and zones, counted) and
that conformance to it was therefore checked only against what is recorded: what it does not record is
unknown, not absent. It cites each of the ancestor's public sources (or the ancestor with no place, when it
records none). Severity is fixed by the rule (info).

Params:
    (none)

Example (FAIL, i.e. reported): ancestor `{id: ha, completeness: partial, sources: [{id: S1, ...}]}`; any
plan judged under it gets one info finding citing S1.
Example (PASS): every ancestor has `completeness: full` (the default).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.hits import Fragment, Hit, Place
from planlint.model import Cite

KIND = "partial_ancestor"
COUNTED = ("indicators", "encouraged", "restricted", "prohibited", "zones", "sources")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, kw_only=True)
class PartlyKnown(Hit):
    """An ancestor known only in part: its name and what it records, counted."""

    PLACEHOLDERS = ("name", *COUNTED)

    name: str
    counts: tuple[int, ...]

    def values(self) -> Mapping[str, Fragment]:
        return {"name": self.name, **{k: str(v) for k, v in zip(COUNTED, self.counts, strict=True)}}


HITS = (PartlyKnown,)


def check(context: Context, params: Params) -> Iterator[PartlyKnown]:
    for plan_id in context.targets:
        for ancestor_id in context.ancestors(plan_id):
            ancestor = context.plan(ancestor_id)
            if not ancestor.is_partial:
                continue
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
                plan=plan_id,
                against=ancestor_id,
                places=tuple(places or [Place("ancestor", ancestor_id)]),
                detail=("partial",),
                name=ancestor.name,
                counts=counts,
            )
