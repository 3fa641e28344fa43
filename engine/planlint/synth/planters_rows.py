"""Planters that change indicator rows: bounds against ancestors, sums over siblings, attributes,
restatements, zone limits, required indicators and units.
"""

from __future__ import annotations

from typing import Any

from planlint.synth import catalog as cat
from planlint.synth.draft import PlanDraft, Row, nice
from planlint.synth.plant import Key, Planted, Planter, Planting, subject


def _fmt(row: Row, value: float | None = None) -> str:
    shown = (row.value if value is None else value) * row.unit.factor
    return f"{row.metric} {row.printed or ''} {row.scope or ''} {row.op} {shown:g} {row.unit.text}".replace(
        "  ", " "
    )


def _aggregate_rules(planting: Planting, metric: str) -> list[Any]:
    return planting.rules_of("aggregate_children", metric=metric)


def ancestor_bound(planting: Planting, rule: Any) -> Planted | None:
    """A floor below (or a cap above) the same mineral's row in an ancestor."""
    metric, floor = rule.params.metric, rule.params.direction == "floor"
    aggregates = _aggregate_rules(planting, metric) if not floor else []
    for draft in planting.plans():
        for row in draft.rows:
            if row.metric != metric or row.scope.get("region") or draft.statements(row)[0] is not row:
                continue
            key = subject(row)
            if not planting.free(draft.id, key) or (aggregates and not planting.family_free(draft.id, key)):
                continue
            limits = [r.value for r in planting.ancestor_rows(draft, metric, row.mineral, row.scope)]
            if not limits:
                continue
            value = nice(min(limits) * 0.6, up=False) if floor else nice(max(limits) * 1.5, up=True)
            if metric in ("large_medium_ratio", "min_service_years", "mine_count"):
                value = float(int(value)) if floor else float(int(value) + 1)
            if value <= 0:
                continue
            detail = f"{_fmt(row)} → {value * row.unit.factor:g} (ancestor {'floor' if floor else 'cap'} {min(limits) if floor else max(limits):g} canonical)"
            for statement in draft.statements(row):
                statement.value = value
            planting.lock(draft.id, key)
            expect: list[Key] = [(draft.id, rule.id, row.mineral)]
            for (
                aggregate
            ) in aggregates:  # the child alone exceeds the parent's cap: so do the children together
                planting.family_lock(draft.id, key)
                if planting.nation.nodes[draft.id].parent is not None:
                    expect.append((draft.id, aggregate.id, row.mineral))
            return Planted(draft.id, rule.id, rule.kind, row.mineral, detail, expect)
    return None


def aggregate_children(planting: Planting, rule: Any) -> Planted | None:
    """One child's cap raised to 97 % of the parent's: alone it fits, with its siblings it does not."""
    metric = rule.params.metric
    for parent in planting.plans(leaf=False, national=True):
        children = planting.nation.children(parent.id)
        if len(children) < 2:
            continue
        for prow in parent.rows:
            if prow.metric != metric or prow.op not in ("<=", "<") or prow.scope:
                continue
            key = subject(prow)
            shares: dict[str, float] = {}
            for child in children:
                own = [
                    r.value
                    for r in child.rows
                    if r.metric == metric and r.mineral == prow.mineral and not r.scope
                ]
                if own:
                    shares[child.id] = min(own)
            judged = [
                c
                for c in children
                if c.id in shares and c.id not in planting.reserved and c.completeness == "full"
            ]
            if not judged:
                continue
            target = planting.rng.choice(judged)
            if not planting.family_free(target.id, key):
                continue
            value = nice(prow.value * 0.97, up=False)
            if metric == "mine_count":
                value = float(int(value))
            others = [v for c, v in shares.items() if c != target.id]
            if sum(others) + value <= prow.value * (1 + 1e-6) or value <= max(others, default=0.0):
                continue
            rows = [
                r for r in target.rows if r.metric == metric and r.mineral == prow.mineral and not r.scope
            ]
            detail = f"{_fmt(rows[0])} → {value * rows[0].unit.factor:g}; with its siblings above {parent.id}'s {_fmt(prow)}"
            for row in rows:
                row.value = value
            planting.family_lock(target.id, key)
            return Planted(
                target.id, rule.id, rule.kind, prow.mineral, detail, [(target.id, rule.id, prow.mineral)]
            )
    return None


def binding_carried(planting: Planting, rule: Any) -> Planted | None:
    """A row binding in an ancestor stated as expected (or unspecified) by the plan."""
    attribute = rule.params.plan_attributes[0]
    metrics = rule.params.metrics
    for draft in planting.plans():
        for row in draft.rows:
            if row.attribute != "binding" or (metrics is not None and row.metric not in metrics):
                continue
            key = subject(row)
            if not planting.free(draft.id, key):
                continue
            ancestors = planting.ancestor_rows(draft, row.metric, row.mineral, row.scope)
            if not any(r.attribute == "binding" for r in ancestors):
                continue
            row.attribute = attribute
            planting.lock(draft.id, key)
            expect: list[Key] = [
                (draft.id, other.id, row.mineral)
                for other in planting.rules_of("binding_carried")
                if attribute in other.params.plan_attributes
                and (other.params.metrics is None or row.metric in other.params.metrics)
            ]
            return Planted(
                draft.id,
                rule.id,
                rule.kind,
                row.mineral,
                f"{_fmt(row)}: binding in an ancestor, {attribute} here",
                expect,
            )
    return None


def duplicate_indicator(planting: Planting, rule: Any) -> Planted | None:
    """The text restates a cap with a smaller number than the table."""
    metrics = rule.params.metrics
    for draft in planting.plans(leaf=True):
        for row in draft.rows:
            statements = draft.statements(row)
            if len(statements) < 2 or statements[0] is not row or (metrics and row.metric not in metrics):
                continue
            key = subject(row)
            if (
                row.op not in ("<=", "<")
                or not planting.free(draft.id, key)
                or not planting.family_free(draft.id, key)
            ):
                continue
            value = row.value - 1 if row.metric == "mine_count" else nice(row.value * 0.9, up=False)
            if value <= 0:
                continue
            statements[1].value = value
            planting.family_lock(draft.id, key)
            detail = (
                f"{_fmt(row)} restated as {value * statements[1].unit.factor:g} {statements[1].unit.text}"
            )
            return Planted(
                draft.id, rule.id, rule.kind, row.mineral, detail, [(draft.id, rule.id, row.mineral)]
            )
    return None


def zone_vs_plan(planting: Planting, rule: Any) -> Planted | None:
    """A zone's floor below (or cap above) the plan's own, but still within every ancestor's."""
    metric, floor = rule.params.metric, rule.params.direction == "floor"
    for draft in planting.plans():
        for zone, limit in draft.zone_rows():
            if limit.metric != metric or limit.mineral is None:
                continue
            if not planting.free(draft.id, limit.mineral, f"#zone:{zone.name}"):
                continue
            own = [
                r.value
                for r in draft.rows
                if r.metric == metric and r.mineral == limit.mineral and not r.scope.get("region")
            ]
            outside = [
                r.value for r in planting.ancestor_rows(draft, metric, limit.mineral, {}, lineage=True)
            ]
            if not own:
                continue
            if floor:
                low, high = max(outside, default=0.0), max(own)
                value = nice((low + high) / 2, up=True)
                ok = low <= value < high * (1 - 1e-6)
            else:
                low, high = min(own), min(outside, default=float("inf"))
                value = nice(low * 1.05, up=True)
                ok = low * (1 + 1e-6) < value <= high
            if not ok:
                continue
            detail = f"zone {zone.name}: {_fmt(limit)} → {value * limit.unit.factor:g}"
            limit.value = value
            planting.lock(draft.id, limit.mineral, f"#zone:{zone.name}")
            return Planted(
                draft.id, rule.id, rule.kind, limit.mineral, detail, [(draft.id, rule.id, limit.mineral)]
            )
    return None


def _present(draft: PlanDraft, mineral: str, nation: Any, metric: str) -> bool:
    covers = nation.covers
    rows = [r.mineral for r in draft.rows if r.metric != metric and r.mineral]
    zones = [m for z in draft.zones for m in z.minerals] + [
        r.mineral for _, r in draft.zone_rows() if r.mineral
    ]
    listed = [nation.canonical(m) for m in draft.encouraged]
    return any(covers(mineral, m) for m in rows + zones + listed)


def required_content(planting: Planting, rule: Any) -> Planted | None:
    """A county silent on an indicator it must state (or on a cap for a mineral an ancestor caps)."""
    params = rule.params
    for draft in planting.plans(level=params.level):
        rows = [r for r in draft.rows if r.metric == params.metric]
        if params.ancestor_caps:
            for row in rows:
                key = subject(row)
                if (
                    row.mineral is None
                    or not planting.free(draft.id, key)
                    or not planting.family_free(draft.id, key)
                ):
                    continue
                capped = [
                    r
                    for r in planting.ancestor_rows(draft, params.metric, row.mineral, {})
                    if r.op in ("<=", "<")
                ]
                if not capped or not _present(draft, row.mineral, planting.nation, params.metric):
                    continue
                draft.rows = [
                    r for r in draft.rows if not (r.metric == params.metric and r.mineral == row.mineral)
                ]
                planting.family_lock(draft.id, key)
                same = planting.rules_of(
                    "required_content", level=params.level, metric=params.metric, ancestor_caps=True
                )
                expect: list[Key] = [(draft.id, r.id, row.mineral) for r in same]
                return Planted(
                    draft.id, rule.id, rule.kind, row.mineral, f"no {params.metric} for {row.mineral}", expect
                )
            continue
        keys = sorted({subject(r) for r in rows} | {f"#{params.metric}"})
        summed = bool(_aggregate_rules(planting, params.metric))
        if not rows or not all(
            planting.free(draft.id, k) and (not summed or planting.family_free(draft.id, k)) for k in keys
        ):
            continue
        draft.rows = [r for r in draft.rows if r.metric != params.metric]
        for k in keys:
            (planting.family_lock if summed else planting.lock)(draft.id, k)
        same = planting.rules_of(
            "required_content", level=params.level, metric=params.metric, ancestor_caps=False
        )
        return Planted(
            draft.id,
            rule.id,
            rule.kind,
            None,
            f"every {params.metric} row removed",
            [(draft.id, r.id, None) for r in same],
        )
    return None


def incomparable_units(planting: Planting, rule: Any) -> Planted | None:
    """A row printed in a unit of another dimension than the ancestor's row it answers to."""
    for draft in planting.plans(leaf=True):
        for row in draft.rows:
            if row.metric not in rule.params.metrics or row.mineral is None:
                continue
            key = subject(row)
            if not planting.free(draft.id, key) or not planting.family_free(draft.id, key):
                continue
            if not planting.ancestor_rows(draft, row.metric, row.mineral, row.scope):
                continue
            spec = cat.SPECS[row.mineral]
            family = spec.cap_family if row.metric == "extraction_total" else spec.scale_family
            if family is None:
                continue
            before = _fmt(row)
            row.unit = cat.FOREIGN[family]
            planting.family_lock(draft.id, key)
            return Planted(
                draft.id,
                rule.id,
                rule.kind,
                row.mineral,
                f"{before} → unit {row.unit.text}",
                [(draft.id, rule.id, row.mineral)],
            )
    return None


PLANTERS: dict[str, Planter] = {
    "ancestor_bound": ancestor_bound,
    "aggregate_children": aggregate_children,
    "binding_carried": binding_carried,
    "duplicate_indicator": duplicate_indicator,
    "zone_vs_plan": zone_vs_plan,
    "required_content": required_content,
    "incomparable_units": incomparable_units,
}
