"""Planters that change a plan's lists, zones, period, completeness, counts or baseline facts."""

from __future__ import annotations

from typing import Any

from planlint.synth import catalog as cat
from planlint.synth.plant import Key, Planted, Planter, Planting


def _listed(planting: Planting, plan: str, which: str) -> list[str]:
    """Canonical minerals on the ancestors' `which` list."""
    canonical = planting.nation.canonical
    return sorted({canonical(m) for a in planting.nation.ancestors(plan) for m in getattr(a, which)})


def _policy_hits(planting: Planting, plan: str, mineral: str) -> list[Key]:
    """The mineral_policy findings that encouraging `mineral` in `plan` causes (encouraged uses only)."""
    covers = planting.nation.covers
    hits: list[Key] = []
    for rule in planting.rules_of("mineral_policy"):
        if "encouraged" not in rule.params.uses:
            continue
        listed = _listed(planting, plan, rule.params.list)
        if rule.params.match == "same_or_narrower":
            hits += [(plan, rule.id, m) for m in listed if covers(m, mineral)]
        elif not any(covers(other, mineral) for other in listed):
            hits += [(plan, rule.id, m) for m in listed if m != mineral and covers(mineral, m)]
    return hits


def mineral_policy(planting: Planting, rule: Any) -> Planted | None:
    """The plan encourages a mineral an ancestor prohibits or restricts (or a wider one, for `broader`)."""
    params = rule.params
    if "encouraged" not in params.uses:
        return None
    lineage = planting.nation.lineage
    for draft in planting.plans():
        if not planting.free(draft.id, "#encouraged"):
            continue
        listed = _listed(planting, draft.id, params.list)
        if params.match == "same_or_narrower":
            options = listed
        else:
            options = sorted({b for m in listed for b in lineage(m) - {m}} - set(listed))
        for mineral in options:
            hits = _policy_hits(planting, draft.id, mineral)
            already = {planting.nation.canonical(m) for m in draft.encouraged}
            if not any(r == rule.id for _, r, _ in hits) or mineral in already:
                continue
            draft.encouraged.append(mineral)
            planting.lock(draft.id, "#encouraged")
            detail = f"{mineral} listed as encouraged; an ancestor's {params.list} list has {', '.join(m for _, r, m in hits if r == rule.id and m)}"
            mine = next(m for _, r, m in hits if r == rule.id)
            return Planted(draft.id, rule.id, rule.kind, mine, detail, hits)
    return None


def zones_carried(planting: Planting, rule: Any) -> Planted | None:
    """A county drops (`missing`) or renames (`renamed`) a zone an ancestor set in its territory."""
    params = rule.params
    nation = planting.nation
    builder_rng = planting.rng
    for draft in planting.plans(level="county"):
        for zone in list(draft.zones):
            if zone.carried_from is None or not planting.free(draft.id, f"#zone:{zone.name}"):
                continue
            if params.kinds is not None and zone.kind not in params.kinds:
                continue
            if params.report == "missing":
                rest = [z for z in draft.zones if z is not zone and _compatible(z.kind, zone.kind)]
                if any(_shares(nation, zone.minerals, z.minerals) for z in rest):
                    continue
                draft.zones.remove(zone)
                detail = f"zone {zone.name} (set by {zone.carried_from}) not carried"
            else:
                place = draft.node.name
                while True:
                    locality = "".join(builder_rng.sample(cat.LOCALITY_CHARS, 2)) + builder_rng.choice(
                        cat.LOCALITY_ENDS
                    )
                    name = f"{place}{locality}{zone.minerals[0]}{cat.ZONE_SUFFIX[zone.kind]}"
                    if name != zone.name:
                        break
                detail = f"zone {zone.name} (set by {zone.carried_from}) carried as {name}"
                zone.name = name
            planting.lock(draft.id, f"#zone:{zone.name}", *(nation.canonical(m) for m in zone.minerals))
            mineral = nation.canonical(zone.minerals[0]) if len(zone.minerals) == 1 else None
            return Planted(draft.id, rule.id, rule.kind, mineral, detail, [(draft.id, rule.id, mineral)])
    return None


def _compatible(a: str, b: str) -> bool:
    groups = ({"key_exploration", "exploration_block"}, {"key_mining", "concentrated_mining", "mining_block"})
    return a == b or any(a in g and b in g for g in groups)


def _shares(nation: Any, a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    canonical = nation.canonical
    return any(
        nation.covers(canonical(x), canonical(y)) or nation.covers(canonical(y), canonical(x))
        for x in a
        for y in b
    )


def period_alignment(planting: Planting, rule: Any) -> Planted | None:
    """A county whose base year (or start, end) differs from its ancestors'."""
    field = rule.params.fields[0]
    shift = {"base": -1, "start": 1, "end": 1, "outlook": 5}[field]
    for draft in planting.plans(leaf=True):
        if not planting.free(draft.id, "#period"):
            continue
        draft.period[field] += shift
        planting.lock(draft.id, "#period")
        same = [r for r in planting.rules_of("period_alignment") if field in r.params.fields]
        return Planted(
            draft.id,
            rule.id,
            rule.kind,
            None,
            f"period {field} {draft.period[field]}",
            [(draft.id, r.id, None) for r in same],
        )
    return None


def partial_ancestor(planting: Planting, rule: Any) -> Planted | None:
    """A city known only partly: told once, on the first plan below it (plans are judged in id order)."""
    for draft in planting.plans(level="city", leaf=False):
        if any(plan == draft.id for plan, _ in planting.locks):
            continue
        draft.completeness = "partial"
        planting.reserved.add(draft.id)
        below = [d.id for d in planting.nation.children(draft.id)]
        same = planting.rules_of("partial_ancestor")
        expect: list[Key] = [(min(below), r.id, None) for r in same] if below else []
        return Planted(draft.id, rule.id, rule.kind, None, f"{draft.id} marked completeness: partial", expect)
    return None


def count_parts(planting: Planting, rule: Any) -> Planted | None:
    """A stated total whose parts add up to more (`sum`), or a part whose own breakdown differs (`breakdown`)."""
    check = rule.params.check
    for draft in planting.plans():
        if not planting.free(draft.id, "#counts"):
            continue
        keys = {c.key: c for c in draft.counts}
        for count in draft.counts:
            for part in list(count.parts):
                nested = keys.get(f"{count.key}_{part}")
                if check == "sum" and nested is None:
                    count.parts[part] += 2
                    detail = f"{count.key}: part {part} raised by 2 (parts now add up to more than {count.total:g})"
                elif check == "breakdown" and nested is not None and not nested.exhaustive:
                    nested.total += 3
                    detail = f"{nested.key}: total {nested.total:g}, but {count.key} gives {part} {count.parts[part]:g}"
                else:
                    continue
                planting.lock(draft.id, "#counts")
                return Planted(draft.id, rule.id, rule.kind, None, detail, [(draft.id, rule.id, None)])
    return None


def baseline_ratio(planting: Planting, rule: Any) -> Planted | None:
    """A 基期 percentage (or ratio series) that disagrees with the counts stated beside it."""
    params = rule.params
    for draft in planting.plans():
        if not planting.free(draft.id, "#baseline"):
            continue
        for fact in draft.baseline:
            names = set(fact.values)
            target = None
            for pct in params.percentages:
                needed = {pct.percent, *(n.lstrip("-") for n in (*pct.numerator, *pct.denominator))}
                if needed <= names:
                    target = pct.percent
                    break
            for series in params.ratios:
                if target is None and set(series.ratio) | set(series.counts) <= names:
                    target = next(k for k in series.ratio if fact.values[k] != 1.0)
            if target is None:
                continue
            value = fact.values[target]
            fact.values[target] = round(value + (7 if value < 50 else -7), 1)
            planting.lock(draft.id, "#baseline")
            detail = f"baseline {fact.key}: {target} {value:g} → {fact.values[target]:g}"
            return Planted(draft.id, rule.id, rule.kind, None, detail, [(draft.id, rule.id, None)])
    return None


PLANTERS: dict[str, Planter] = {
    "mineral_policy": mineral_policy,
    "zones_carried": zones_carried,
    "period_alignment": period_alignment,
    "partial_ancestor": partial_ancestor,
    "count_parts": count_parts,
    "baseline_ratio": baseline_ratio,
}
