"""Synthetic mining rights for a synthetic nation: a clean batch, then planted breaches, as a CSV table.

A clean right is built from the plans above its county: a mineral with minimum-scale rows there (never one
any of them prohibits or restricts), every fact given (new, deposit scale, method), a capacity above every
floor that may apply and below every maximum, a term within the licence maximum for its scale class, the
plans' minimum service life and what its reserves allow, and capacities and new rights that keep inside
every extraction cap and mine count of its plans (budgets taken as rights are added). Breaches are then
planted into copies of clean rights, one rule at a time, and listed in the manifest as (right, rule).
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from planlint.api import Project
from planlint.errors import PlanlintError
from planlint.prepared import Stated, side
from planlint.rights.evaluate import RightsContext
from planlint.rights.kinds import right_term, rights_total
from planlint.rights.model import Amount, Reserves, Right
from planlint.rights.prepare import SECONDS_PER_YEAR, PlanPlaces, PreparedRight, prepare_right
from planlint.rights.read import LoadedRight
from planlint.rules import Rule

M = TypeVar("M", bound=BaseModel)
HEADER: tuple[str, ...] = ("项目编号", "采矿权名称", "行政区", "矿种", "出让类型", "生产规模", "资源储量")
HEADER += ("出让年限（年）", "矿床规模", "开采方式", "集中开采区")
KIND_WORDS = {"new": "新设", "renewal": "延续"}
DEPOSIT_WORDS = {"large": "大型", "medium": "中型", "small": "小型"}
METHOD_WORDS = {"open_pit": "露天开采", "underground": "地下开采"}
OVER_CAPS = 0.02  # the share of rights written although a cap of theirs is already full
PLANTED_RULES = ("PL501", "PL510", "PL512", "PL520", "PL522", "PL530", "PL550")


@dataclass
class Batch:
    """The rights written so far and what remains of each cap (plan row → base units or count)."""

    rights: list[Right] = field(default_factory=list)
    totals: dict[int, float] = field(default_factory=dict)  # id(cap row) → what the rights add up to
    planted: list[dict[str, str]] = field(default_factory=list)


def write_rights(out: Path, project: Project, count: int, breaches: int, seed: int) -> dict[str, Any]:
    """Write `out/rights.csv` (`count` clean rights, then rights carrying `breaches` planted per rule).

    Returns the manifest part."""
    from planlint.rights import RIGHTS_PACKS
    from planlint.rights.kinds import REGISTRY
    from planlint.rules import load_rules

    rng = random.Random(seed + 7)
    rules = {r.id: r for r in load_rules(project.rule_dirs, RIGHTS_PACKS, REGISTRY)}
    maker = Maker(project, RightsContext(project, ()), rules["PL520"], rng)
    batch = Batch()
    counties = sorted(
        p.id for p in project.hierarchy.plans.values() if p.level == "county" and not p.is_partial
    )
    attempts = 0
    while len(batch.rights) < count and attempts < count * 20:
        attempts += 1
        crowded = attempts > 4 * count
        right = maker.clean(rng.choice(counties), f"SR{len(batch.rights) + 1:06d}", batch, crowded)
        if right is not None:
            maker.account(right, batch)
            batch.rights.append(right)
    for rule in PLANTED_RULES:
        for _ in range(breaches):
            maker.plant(rule, batch)
    for right in batch.rights:
        if right.id.startswith("SX"):
            maker.account(right, batch)
    rows = sorted(batch.rights, key=lambda r: r.id)
    with (out / "rights.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(_row(r) for r in rows)
    planted = {rule: sum(1 for b in batch.planted if b["rule"] == rule) for rule in PLANTED_RULES}
    summary = {rule: {"requested": breaches, "planted": n} for rule, n in planted.items()}
    summary |= {
        rule: {"from_totals": sum(1 for b in batch.planted if b["rule"] == rule)}
        for rule in ("PL540", "PL541")
    }
    clean = sum(1 for r in rows if not r.id.startswith("SX"))
    return {
        "file": "rights.csv",
        "count": len(rows),
        "clean": clean,
        "rules": summary,
        "breaches": batch.planted,
    }


def _row(right: Right) -> list[str]:
    reserves = right.reserves
    return [
        right.id,
        right.name,
        right.jurisdiction,
        right.mineral,
        KIND_WORDS[right.kind],
        f"{right.capacity.value:g}{right.capacity.unit}",
        f"{reserves.value:g}{reserves.unit}" if reserves else "",
        f"{right.term_years:g}" if right.term_years else "",
        DEPOSIT_WORDS[right.deposit] if right.deposit else "",
        METHOD_WORDS[right.method] if right.method else "",
        right.zone or "",
    ]


class Maker:
    """Builds clean rights and plants breaches, asking the plans (through the matcher) what applies."""

    def __init__(self, project: Project, context: RightsContext, term_rule: Rule, rng: random.Random) -> None:
        self.project = project
        self.context = context
        assert isinstance(term_rule.params, right_term.Params)
        self.term = term_rule.params
        self.rng = rng
        self.places = PlanPlaces(project.hierarchy)
        self._by_county: dict[str, list[str]] = {}
        self._cap_rows: dict[tuple[object, ...], list[tuple[str, Stated, float]]] = {}
        vocabulary = project.vocabulary
        self._listed: dict[str, set[str]] = {}
        for plan_id, plan in project.hierarchy.plans.items():
            lists = (plan.minerals.prohibited, plan.minerals.restricted)
            self._listed[plan_id] = {vocabulary.canonical(e.mineral) for lst in lists for e in lst}

    # ---- clean rights ----------------------------------------------------------------------------------
    def clean(self, county: str, right_id: str, batch: Batch, crowded: bool = False) -> Right | None:
        minerals = self._minerals(county)
        if not minerals:
            return None
        mineral = self.rng.choice(minerals)
        draft = Right(
            id=right_id,
            name=f"{self.project.hierarchy.plan(county).jurisdiction}{right_id}号{mineral}矿",
            jurisdiction=self.project.hierarchy.plan(county).jurisdiction,
            mineral=mineral,
            kind="new",
            capacity=Amount(value=1, unit="万吨/年"),
            deposit=self.rng.choice(("large", "medium", "small")),
            method=self.rng.choice(("open_pit", "underground")),
        )
        prepared = self._prepared(draft)
        if prepared is None:
            return None
        window = self._window(prepared)
        if window is None:
            return None
        unit, low, high = window
        capacity = low * self.rng.uniform(1.05, 1.4) if high is None else self.rng.uniform(low, high)
        if high is not None and capacity > high:
            return None
        sized = right_with(draft, capacity=Amount(value=_round_up(capacity / unit.factor), unit=unit.text))
        right = self._with_term(sized)
        # most rights are placed where the caps still have room; the others (all of them once the caps are
        # crowded: a batch of 10,000 is more than the caps allow) are written anyway, and the totals they
        # push over a cap are breaches to find
        over = OVER_CAPS if not crowded else 1.0
        if right is None or (not self._fits(right, batch) and self.rng.random() > over):
            return None
        return right

    def _minerals(self, county: str) -> list[str]:
        """The minerals with minimum-scale rows above the county that no plan above it lists (kept)."""
        known = self._by_county.get(county)
        if known is None:
            plans = (county, *self.project.hierarchy.ancestors(county))
            index = self.context.index
            found = sorted({s.mineral for p in plans for s in index.of(p, "min_scale") if s.mineral})
            known = self._by_county[county] = [m for m in found if self._minable(m, plans)]
        return known

    def _minable(self, mineral: str, plans: Iterable[str]) -> bool:
        lineage = self.project.vocabulary.lineage(mineral)
        return not any(
            lineage & self._listed[p]
            or any(mineral in self.project.vocabulary.lineage(m) for m in self._listed[p])
            for p in plans
        )

    def _prepared(self, right: Right) -> PreparedRight | None:
        loaded = LoadedRight(right, Path("rights.csv"), None)
        try:
            return prepare_right(loaded, self.places, self.project.vocabulary)
        except PlanlintError:  # a county the names do not place is skipped, not written
            return None

    def _rows(self, right: PreparedRight, metric: str) -> list[Stated]:
        return [c.stated for p in right.plans for c in self.context.candidates(p, right, metric)]

    def _window(self, right: PreparedRight) -> tuple[Any, float, float | None] | None:
        """(unit of the strictest floor, lowest capacity, highest capacity) in base units, or None."""
        floors = self._rows(right, "min_scale")
        caps = self._rows(right, "max_scale")
        if not floors or any(r.unit.dimension != floors[0].unit.dimension for r in floors + caps):
            return None
        low = max(side(r, "floor") or 0.0 for r in floors)
        high = min((c for r in caps if (c := side(r, "cap")) is not None), default=None)
        if low <= 0 or (high is not None and high < low * 1.05):
            return None
        strictest = max(floors, key=lambda r: side(r, "floor") or 0.0)
        unit_text = "万吨/年" if "[mass]" in strictest.unit.dimension else "万立方米/年"
        from planlint.prepared import metric_unit

        return metric_unit(unit_text, True), low * 1.05, None if high is None else high * 0.98

    def _with_term(self, right: Right) -> Right | None:
        prepared = self._prepared(right)
        if prepared is None:
            return None
        classes = right_term.scale_classes(
            right_term._class_rows(self.context, prepared, self.term), prepared.capacity
        )
        longest = min((self.term.max_years[c] for c in classes), default=min(self.term.max_years.values()))
        floors = [side(r, "floor") or 0.0 for r in self._rows(prepared, "min_service_years")]
        shortest = max(floors, default=0.0) / SECONDS_PER_YEAR
        if shortest > longest:
            return None
        term = round(self.rng.uniform(max(shortest, 1.0), longest) * 10) / 10
        term = min(max(term, math.ceil(shortest * 10) / 10), longest)
        reserves = right.capacity.value * term * self.rng.uniform(1.1, 1.6)
        stock = right.capacity.unit.removesuffix("/年")
        return right_with(right, term_years=term, reserves=Reserves(value=_round_up(reserves), unit=stock))

    def _caps(self, prepared: PreparedRight) -> list[tuple[str, Stated, float, float]]:
        """(rule, cap row, cap, what the right adds) for every cap of its plans that surely covers it."""
        key = (prepared.plans, prepared.match_key, prepared.right.kind, prepared.capacity_unit.dimension)
        rows = self._cap_rows.get(key)
        if rows is None:  # the rows that cover a right depend on what matching depends on, not its capacity
            rows = self._cap_rows[key] = [
                (rule, row, limit)
                for plan_id in prepared.plans
                for metric, rule in (("extraction_total", "PL540"), ("mine_count", "PL541"))
                for row in self.context.index.of(plan_id, metric)
                if (limit := rights_total.cap_of(row, metric)) is not None
                and rights_total.amount_of(self.context, prepared, row, metric) is not None
            ]
        found = []
        for rule, row, limit in rows:
            amount = rights_total.amount_of(self.context, prepared, row, row.metric)
            if amount is not None:
                found.append((rule, row, limit, amount))
        return found

    def _fits(self, right: Right, batch: Batch) -> bool:
        prepared = self._prepared(right)
        return prepared is not None and not any(
            rights_total.exceeds(batch.totals.get(id(row), 0.0) + amount, limit)
            for _, row, limit, amount in self._caps(prepared)
        )

    def account(self, right: Right, batch: Batch) -> None:
        """Add the right to the running totals (in id order, as the check adds them); where a total first
        exceeds its cap, the check must report it at this right."""
        prepared = self._prepared(right)
        if prepared is None or not right.reviewed:
            return
        for rule, row, limit, amount in self._caps(prepared):
            before = batch.totals.get(id(row), 0.0)
            batch.totals[id(row)] = before + amount
            if not rights_total.exceeds(before, limit) and rights_total.exceeds(before + amount, limit):
                batch.planted.append({"right": right.id, "rule": rule, "plan": row.plan})

    # ---- breaches ---------------------------------------------------------------------------------------
    def plant(self, rule: str, batch: Batch) -> None:
        """Add a copy of a clean right (under a new id, after every clean one) that breaks `rule`."""
        planter: Callable[[Right], Right | None] = getattr(self, f"_plant_{rule.lower()}")
        for _ in range(50):
            base = self.rng.choice(batch.rights)
            if not base.id.startswith("SR"):
                continue
            right_id = f"SX{sum(1 for r in batch.rights if r.id.startswith('SX')) + 1:05d}"
            planted = planter(right_with(base, id=right_id, name=f"{base.name}（{rule}）"))
            if planted is None:
                continue
            batch.rights.append(planted)
            batch.planted.append({"right": right_id, "rule": rule})
            return

    def _plant_pl501(self, right: Right) -> Right | None:
        prepared = self._prepared(right)
        if prepared is None:
            return None
        for plan_id in prepared.plans:
            for entry in self.project.hierarchy.plan(plan_id).minerals.prohibited:
                return right_with(right, mineral=entry.mineral)
        return None

    def _plant_pl510(self, right: Right) -> Right | None:
        prepared = self._prepared(right)
        floors = self._rows(prepared, "min_scale") if prepared else []
        if prepared is None or not floors:
            return None
        low = max(side(r, "floor") or 0.0 for r in floors) / prepared.capacity_unit.factor
        return right_with(
            right, capacity=right_with(right.capacity, value=_round_down(low * 0.6)), term_years=None
        )

    def _plant_pl512(self, right: Right) -> Right | None:
        prepared = self._prepared(right)
        caps = self._rows(prepared, "max_scale") if prepared else []
        if prepared is None or not caps:
            return None
        high = min(side(r, "cap") or math.inf for r in caps) / prepared.capacity_unit.factor
        return right_with(
            right, capacity=right_with(right.capacity, value=_round_up(high * 1.5)), term_years=None
        )

    def _plant_pl520(self, right: Right) -> Right | None:
        if right.term_years is None or right.reserves is None:
            return None
        prepared = self._prepared(right)
        assert prepared is not None
        rows = right_term._class_rows(self.context, prepared, self.term)
        classes = right_term.scale_classes(rows, prepared.capacity)
        if not classes:
            return None
        longest = max(self.term.max_years[c] for c in classes)
        term = longest + 5
        reserves = right_with(right.reserves, value=_round_up(right.capacity.value * term * 2))
        return right_with(right, term_years=term, reserves=reserves)

    def _plant_pl522(self, right: Right) -> Right | None:
        if right.term_years is None or right.reserves is None:
            return None
        short = _round_down(right.capacity.value * right.term_years * 0.5)
        return right_with(right, reserves=right_with(right.reserves, value=short)) if short > 0 else None

    def _plant_pl530(self, right: Right) -> Right | None:
        return right_with(right, zone=f"{right.jurisdiction}无此集中开采区")

    def _plant_pl550(self, right: Right) -> Right | None:
        return right_with(right, kind="renewal")


def right_with(model: M, **changes: Any) -> M:
    """A copy of a frozen model with some fields changed."""
    return model.model_copy(update=changes)


def _round_up(value: float) -> float:
    return math.ceil(value * 100) / 100


def _round_down(value: float) -> float:
    return math.floor(value * 100) / 100
