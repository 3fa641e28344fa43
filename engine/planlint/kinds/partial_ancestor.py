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

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context
from planlint.findings import Finding
from planlint.model import Cite
from planlint.rules import Rule

KIND = "partial_ancestor"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    for plan_id in context.targets:
        for ancestor_id in context.ancestors(plan_id):
            ancestor = context.plan(ancestor_id)
            if not ancestor.is_partial:
                continue
            lists = ancestor.minerals
            counts = {
                "indicators": len(ancestor.all_indicators()),
                "encouraged": len(lists.encouraged),
                "restricted": len(lists.restricted),
                "prohibited": len(lists.prohibited),
                "zones": len(ancestor.zones),
                "sources": len(ancestor.sources),
            }
            citations = [context.cite(ancestor_id, Cite(ref=s.id), "ancestor") for s in ancestor.sources]
            if not citations:
                citations = [context.cite(ancestor_id, None, "ancestor")]
            yield context.finding(
                rule,
                plan=plan_id,
                against=ancestor_id,
                severity=rule.severity_for(None),
                subject=f"partial|{ancestor_id}",
                values={"name": ancestor.name, **{k: str(v) for k, v in counts.items()}},
                citations=citations,
            )
