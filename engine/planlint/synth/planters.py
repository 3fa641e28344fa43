"""Every planter by the rule kind it breaks, and planting the violations a run asks for.

The planters import the planting machinery (`plant`); this module imports both, so nothing imports back.
"""

from __future__ import annotations

from typing import Any

from planlint.synth import planters_plans, planters_rows
from planlint.synth.plant import Planted, Planter, Planting

PLANTERS: dict[str, Planter] = {**planters_rows.PLANTERS, **planters_plans.PLANTERS}


def plant_all(planting: Planting, counts: dict[str, int]) -> tuple[list[Planted], dict[str, dict[str, Any]]]:
    """Plant `counts[rule id]` violations of each rule; return the plants and a per-rule summary."""
    planted: list[Planted] = []
    summary: dict[str, dict[str, Any]] = {}
    # Partial plans first: later plants must stay out of them (a partial plan is not judged).
    order = sorted(planting.rules, key=lambda r: (r.kind != "partial_ancestor", r.id))
    for rule in order:
        wanted = counts.get(rule.id, 0)
        planter = PLANTERS.get(rule.kind)
        entry: dict[str, Any] = {"kind": rule.kind, "requested": wanted, "planted": 0}
        if planter is None:
            entry["note"] = f"no planter for kind {rule.kind!r}"
        else:
            for _ in range(wanted):
                item = planter(planting, rule)
                if item is None:
                    entry["note"] = "no more places where this rule can be broken alone"
                    break
                planted.append(item)
                entry["planted"] += 1
        summary[rule.id] = entry
    return planted, summary
