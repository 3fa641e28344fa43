"""The clean nation: every plan conforms to its ancestors and to itself, top-down.

A child restates everything its parent states (caps for every capped mineral, floors for every scaled
mineral, the ratio, counts ...) and adds a few minerals of its own. Caps are shared out among siblings
(the shares add up to at most 85 % of the parent's cap or count); floors are the strictest ancestor floor
that overlaps, times 1–1.2; per-mine maxima shrink; attributes follow the metric (and, for caps, the
mineral), so binding stays binding. Zones an ancestor sets in a county are carried under the same name.
Minerals that any plan prohibits are never mined, and restricted ones are never encouraged.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from planlint.synth import catalog as cat
from planlint.synth.draft import (
    BaselineDraft,
    CountDraft,
    Nation,
    PlanDraft,
    Row,
    ZoneDraft,
    nice,
    region_applies,
    scopes_overlap,
)
from planlint.synth.shape import Node, allocate

LEVEL_SCALE = {"national": 1.0, "province": 20.0, "city": 200.0, "county": 1500.0}
SHARE_TOTAL = 0.85
DEPOSIT3 = ({"deposit": "large"}, {"deposit": "medium"}, {"deposit": "small"})
MINE2 = ({"mine": "new"}, {"mine": "expansion"})
SINGLE: tuple[dict[str, str], ...] = ({},)
MIN_ROWS, MAX_ROWS = 40, 80


class Builder:
    """Builds the plans in hierarchy order (the nodes' insertion order puts parents first)."""

    def __init__(self, nation: Nation, rng: random.Random) -> None:
        self.nation = nation
        self.rng = rng
        self._shares: dict[tuple[str, str], dict[str, float]] = {}
        self._whole: dict[tuple[str, str], dict[str, int]] = {}
        banned = {m for pair in cat.PROHIBITED_PAIRS for m in pair} | set(
            cat.PROHIBITED_MUST + cat.PROHIBITED_MAYBE
        )
        self.banned = sorted(banned)

    # ---- helpers ---------------------------------------------------------------------------------------
    def spelled(self, mineral: str) -> str:
        options = cat.SPELLINGS.get(mineral, ())
        options = tuple(o for o in options if self.nation.vocabulary.resolve(o) is not None)
        return self.rng.choice(options) if options and self.rng.random() < 0.25 else mineral

    def mined_ok(self, mineral: str) -> bool:
        """Never prohibited anywhere, nor wider or narrower than a prohibited mineral."""
        covers = self.nation.covers
        return all(not covers(p, mineral) and not covers(mineral, p) for p in self.banned)

    def encourage_ok(self, mineral: str) -> bool:
        return self.mined_ok(mineral) and not (self.nation.lineage(mineral) & set(cat.RESTRICTED_POOL))

    def share(self, parent: PlanDraft, child: str, what: str) -> float:
        """The child's share of the parent's cap or count of `what` (the siblings' shares add up to 0.85)."""
        key = (parent.id, what)
        if key not in self._shares:
            children = parent.node.children
            weights = [self.rng.uniform(0.5, 1.5) for _ in children]
            total = sum(weights)
            self._shares[key] = {c: SHARE_TOTAL * w / total for c, w in zip(children, weights, strict=True)}
        return self._shares[key][child]

    def whole_shares(self, parent: PlanDraft, what: str, total: int) -> dict[str, int]:
        """Whole-number shares of `total` (at most 85 % of it in all; each at least 1 where it can be)."""
        key = (parent.id, what)
        if key not in self._whole:
            children = parent.node.children
            weights = [self.share(parent, c, "#mine_count") for c in children]
            self._whole[key] = dict(zip(children, allocate(int(total * SHARE_TOTAL), weights), strict=True))
        return self._whole[key]

    def unit(self, family: str) -> cat.Unit:
        units = cat.FAMILIES[family]
        return units[0] if self.rng.random() < 0.55 else self.rng.choice(units)

    @staticmethod
    def primary(rows: Iterable[Row]) -> list[Row]:
        seen: set[int] = set()
        found = []
        for row in rows:
            if row.key not in seen:
                seen.add(row.key)
                found.append(row)
        return found

    def floor_limit(
        self,
        ancestors: list[PlanDraft],
        metric: str,
        mineral: str | None,
        scope: dict[str, str],
        regions: tuple[str, ...],
    ) -> float:
        """The strictest ancestor floor that applies (conservatively: any lineage, any overlapping scope)."""
        lineage = self.nation.lineage(mineral) if mineral else frozenset({None})
        values = [
            r.value
            for a in ancestors
            for r in a.rows
            if r.metric == metric
            and r.mineral in lineage
            and scopes_overlap(r.scope, scope)
            and region_applies(r, regions)
        ]
        return max(values, default=0.0)

    def cap_limit(self, ancestors: list[PlanDraft], metric: str, mineral: str | None) -> float | None:
        lineage = self.nation.lineage(mineral) if mineral else frozenset({None})
        values = [r.value for a in ancestors for r in a.rows if r.metric == metric and r.mineral in lineage]
        return min(values, default=None)

    # ---- the plan ----------------------------------------------------------------------------------------
    def build(self) -> Nation:
        for node in self.nation.nodes.values():
            self.nation.drafts[node.id] = self.plan(node)
        return self.nation

    def plan(self, node: Node) -> PlanDraft:
        rng = self.rng
        draft = PlanDraft(node)
        draft.issuer = f"{node.name}人民政府" if node.level != "national" else "自然资源部"
        draft.date = f"{rng.choice((2022, 2023))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        draft.stage = "draft" if rng.random() < 0.15 else "issued"
        ancestors = self.nation.ancestors(node.id)
        self.caps(draft, ancestors)
        self.floors(draft, ancestors)
        self.maxima(draft, ancestors)
        self.structure(draft, ancestors)
        self.exploration(draft, ancestors)
        self.lists(draft, ancestors)
        self.zones(draft, ancestors)
        self.restatements(draft)
        self.facts(draft)
        self.pad(draft, ancestors)
        return draft

    # ---- caps ----------------------------------------------------------------------------------------------
    def caps(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        parent = ancestors[0] if ancestors else None
        if parent is not None:
            for row in self.primary(parent.plan_rows("extraction_total")):
                assert row.mineral is not None
                value = nice(row.value * self.share(parent, draft.id, row.mineral), up=False)
                draft.rows.append(self.cap_row(row.mineral, value))
        level = draft.level
        if level == "national":
            wanted, pool = len(cat.NATIONAL_CAPS), list(cat.NATIONAL_CAPS)
        elif level == "province":  # every province regulates building stone (砂石 is a 重点专题)
            stone = [m for m in ("建筑石料用灰岩", "建筑石料") if m not in [r.mineral for r in draft.rows]]
            rest = [m for m in cat.PROVINCE_POOL if m not in stone]
            wanted, pool = (
                self.rng.randint(3, 5),
                self.rng.sample(stone, len(stone))[:1] + self.rng.sample(rest, len(rest)),
            )
        else:
            wanted = self.rng.choice((1, 2) if level == "city" else (0, 1, 1, 2))
            pool = self.rng.sample(cat.LOCAL_POOL, len(cat.LOCAL_POOL))
        capped = [r.mineral for r in draft.rows if r.metric == "extraction_total" and r.mineral]
        for mineral in pool:
            if wanted <= 0:
                break
            if not self.mined_ok(mineral) or any(self.nation.related(mineral, c) for c in capped):
                continue
            spec = cat.SPECS[mineral]
            value = nice(spec.magnitude * self.rng.uniform(0.5, 2.0) / LEVEL_SCALE[level], up=False)
            draft.rows.append(self.cap_row(mineral, value))
            capped.append(mineral)
            wanted -= 1

    def cap_row(self, mineral: str, value: float) -> Row:
        spec = cat.SPECS[mineral]
        return Row(
            "extraction_total",
            mineral,
            self.spelled(mineral),
            "<=",
            value,
            self.unit(spec.cap_family),
            "binding" if spec.binding_cap else "expected",
            "年开采总量",
            "专栏2",
        )

    # ---- floors (min_scale) -------------------------------------------------------------------------------
    def floors(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        parent = ancestors[0] if ancestors else None
        regions = draft.node.regions
        order: list[str] = []
        scopes: dict[str, list[dict[str, str]]] = {}
        if parent is not None:
            for row in self.primary(parent.plan_rows("min_scale")):
                if row.scope.get("region") or row.mineral is None:
                    continue
                if row.mineral not in scopes:
                    order.append(row.mineral)
                    scopes[row.mineral] = []
                scopes[row.mineral].append(dict(row.scope))
        for mineral in order:
            structure = scopes[mineral] if self.rng.random() < 0.7 else [{}]
            factor = self.rng.choice((1.0, 1.0, 1.0, 1.1, 1.2))
            for scope in structure:
                limit = self.floor_limit(ancestors, "min_scale", mineral, scope, regions)
                draft.rows.append(self.floor_row(mineral, nice(limit * factor, up=True), scope))
        for mineral in self.new_scaled(draft, order):
            spec = cat.SPECS[mineral]
            large, medium, small = (f * self.rng.uniform(1.0, 1.3) for f in spec.floors)
            shape = self.rng.choice(("deposit", "deposit", "mine", "single"))
            if draft.level == "national":
                shape = {"煤": "deposit", "铁": "deposit", "萤石": "mine"}.get(mineral, "single")
            bases = {"deposit": (large, medium, small), "mine": (medium, small), "single": (medium,)}[shape]
            split = {"deposit": DEPOSIT3, "mine": MINE2, "single": SINGLE}[shape]
            for scope, base in zip(split, bases, strict=True):
                limit = self.floor_limit(ancestors, "min_scale", mineral, scope, regions)
                draft.rows.append(self.floor_row(mineral, nice(max(base, limit), up=True), dict(scope)))
        if draft.node.defines_regions:
            self.region_floors(draft, ancestors)

    def new_scaled(self, draft: PlanDraft, inherited: list[str]) -> list[str]:
        level = draft.level
        if level == "national":
            return list(cat.NATIONAL_CAPS)
        capped = [r.mineral for r in draft.rows if r.metric == "extraction_total" and r.mineral]
        candidates = [m for m in capped if m not in inherited and cat.SPECS[m].scale_family]
        stone = [m for m in candidates if cat.SPECS[m].max_scale]
        refinements = [
            n
            for n, spec in cat.SPECS.items()
            if n not in inherited
            and spec.scale_family
            and self.mined_ok(n)
            and any(
                b != n and b in self.nation.lineage(n) and cat.SPECS[b].scale_family == spec.scale_family
                for b in inherited
            )
        ]
        wanted = {"province": self.rng.randint(2, 3), "city": 1, "county": self.rng.choice((0, 1))}[level]
        chosen = stone[:1] if level == "province" else []
        rest = [m for m in candidates if m not in chosen]
        chosen += self.rng.sample(rest, min(wanted - len(chosen), len(rest)))
        if refinements and self.rng.random() < 0.4:
            chosen.append(self.rng.choice(sorted(refinements)))
        return sorted(set(chosen), key=chosen.index)

    def region_floors(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        scaled = sorted({r.mineral for r in draft.rows if r.metric == "min_scale" and r.mineral})
        for mineral in self.rng.sample(scaled, min(len(scaled), self.rng.choice((1, 2)))):
            own = max(r.value for r in draft.rows if r.metric == "min_scale" and r.mineral == mineral)
            regions = draft.node.defines_regions
            for region in self.rng.sample(regions, self.rng.randint(1, len(regions))):
                limit = self.floor_limit(ancestors, "min_scale", mineral, {}, (region,))
                value = nice(max(own * self.rng.uniform(1.1, 1.4), limit), up=True)
                row = self.floor_row(mineral, value, {"region": region})
                row.note = f"{region}执行的最低开采规模"
                draft.rows.append(row)

    def floor_row(self, mineral: str, value: float, scope: dict[str, str]) -> Row:
        family = cat.SPECS[mineral].scale_family
        assert family is not None
        return Row(
            "min_scale",
            mineral,
            self.spelled(mineral),
            ">=",
            value,
            self.unit(family),
            "binding",
            "最低开采规模",
            "专栏5",
            scope,
        )

    # ---- per-mine maxima ---------------------------------------------------------------------------------
    def maxima(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        scaled = sorted({r.mineral for r in draft.rows if r.metric == "min_scale" and r.mineral})
        for mineral in scaled:
            spec = cat.SPECS[mineral]
            limit = self.cap_limit(ancestors, "max_scale", mineral)
            own = [r for r in draft.rows if r.metric == "max_scale" and r.mineral == mineral]
            if own or (
                limit is None and not (spec.max_scale and draft.level in ("national", "province", "city"))
            ):
                continue
            top = max(r.value for r in draft.rows if r.metric == "min_scale" and r.mineral == mineral)
            value = 6 * top if limit is None else limit * self.rng.choice((1.0, 1.0, 0.95, 0.9))
            family = spec.scale_family
            assert family is not None
            draft.rows.append(
                Row(
                    "max_scale",
                    mineral,
                    self.spelled(mineral),
                    "<=",
                    nice(value, up=False),
                    self.unit(family),
                    "binding",
                    "单个矿山最大生产规模",
                    "专栏5",
                )
            )

    # ---- plan-wide structure: ratio, service life, green mines, mine counts ------------------------------
    def structure(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        rng, parent = self.rng, (ancestors[0] if ancestors else None)

        def inherited(metric: str, default: float, steps: tuple[float, ...], top: float) -> float:
            rows = [r for r in (parent.rows if parent else []) if r.metric == metric]
            return min(top, rows[0].value + rng.choice(steps)) if rows else default

        ratio = inherited("large_medium_ratio", 30, (0, 0, 0, 2, 5), 95)
        draft.rows.append(
            Row(
                "large_medium_ratio",
                None,
                None,
                ">=",
                ratio,
                cat.PERCENT,
                "binding",
                "大中型矿山比例",
                "专栏2",
            )
        )
        years = inherited("min_service_years", 5, (0, 0, 0, 1, 2), 30)
        draft.rows.append(
            Row(
                "min_service_years",
                None,
                None,
                ">=",
                years,
                cat.YEARS,
                "binding",
                "新建矿山最低服务年限",
                "专栏5",
                {"mine": "new"},
            )
        )
        green = inherited("green_mine_ratio", 50, (0, 5, 10), 100)
        draft.rows.append(
            Row(
                "green_mine_ratio",
                None,
                None,
                ">=",
                green,
                cat.PERCENT,
                "expected",
                "绿色矿山建设比例",
                "专栏2",
            )
        )
        for subset in (None, "砂石土"):
            value = self.count_value(draft, parent, subset)
            if value is not None:
                scope = {"subset": subset} if subset else {}
                label = f"{subset}矿山数量" if subset else "矿山数量"
                draft.rows.append(
                    Row("mine_count", None, None, "<=", value, cat.COUNT, "binding", label, "专栏2", scope)
                )

    def count_value(self, draft: PlanDraft, parent: PlanDraft | None, subset: str | None) -> float | None:
        if parent is None:  # about 30,000 mines for the whole nation: 10.6 per county
            counties = sum(1 for n in self.nation.nodes.values() if n.level == "county")
            return float(max(200, round(30000 * counties / 2840))) if subset is None else None
        rows = [r for r in parent.rows if r.metric == "mine_count" and r.scope.get("subset") == subset]
        if rows:
            counts = self.whole_shares(parent, f"#mine_count|{subset}", int(rows[0].value))
            value = counts[draft.id]
            return float(value) if value or subset is None else None
        if subset is not None and draft.level == "province":
            total = next(r.value for r in draft.rows if r.metric == "mine_count" and not r.scope)
            return float(int(total * 0.6))
        return None

    # ---- exploration targets -----------------------------------------------------------------------------
    def exploration(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        rng = self.rng
        own = sorted({r.mineral for r in draft.rows if r.mineral})
        pool = sorted(set(cat.EXPLORATION_POOL) | set(own))
        count = 20 if draft.level == "national" else rng.randint(3, 7)
        for mineral in rng.sample(pool, min(count, len(pool))):
            if not self.mined_ok(mineral):
                continue
            draft.rows.append(self.exploration_row(draft, mineral))
        deposits = {"national": 150, "province": rng.randint(5, 12), "city": rng.randint(1, 4), "county": 1}[
            draft.level
        ]
        draft.rows.append(
            Row(
                "new_deposits",
                None,
                None,
                ">=",
                deposits,
                cat.Unit("处", 1, "none"),
                "expected",
                "新发现大中型矿产地",
                "专栏1",
            )
        )

    # ---- mineral lists -------------------------------------------------------------------------------------
    def exploration_row(self, draft: PlanDraft, mineral: str) -> Row:
        """A 新增资源量 target for a mineral, scaled to the plan's level."""
        spec = cat.SPECS[mineral]
        value = nice(spec.magnitude * self.rng.uniform(0.5, 3.0) / LEVEL_SCALE[draft.level], up=False)
        unit = cat.STOCKS[spec.cap_family]
        return Row(
            "new_resources",
            mineral,
            self.spelled(mineral),
            ">=",
            value,
            unit,
            "expected",
            "新增资源量",
            "专栏1",
        )

    def lists(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        rng = self.rng
        if draft.level == "national":
            draft.prohibited = list(cat.PROHIBITED_MUST)
        elif draft.level == "province":
            prohibited = list(cat.PROHIBITED_MUST)
            for pair, chance in zip(cat.PROHIBITED_PAIRS, (0.9, 0.5), strict=True):
                if rng.random() < chance:
                    prohibited.append(rng.choice(pair))
            prohibited += [m for m in cat.PROHIBITED_MAYBE if rng.random() < 0.3]
            draft.prohibited = prohibited
            draft.restricted = rng.sample(cat.RESTRICTED_POOL, rng.randint(2, 4))
        elif rng.random() < 0.5:
            draft.prohibited = sorted({m for a in ancestors for m in a.prohibited})
            draft.restricted = sorted({m for a in ancestors for m in a.restricted})
        minerals = sorted(
            {r.mineral for r in draft.rows if r.mineral and r.metric in ("extraction_total", "min_scale")}
        )
        eligible = [m for m in minerals if self.encourage_ok(m)]
        chosen = rng.sample(eligible, min(len(eligible), rng.randint(2, 5)))
        draft.encouraged = [self.spelled(m) for m in sorted(chosen)]

    # ---- zones -----------------------------------------------------------------------------------------------
    def zone_minerals(self, draft: PlanDraft) -> list[str]:
        capped = {r.mineral for r in draft.rows if r.metric == "extraction_total"}
        scaled = {r.mineral for r in draft.rows if r.metric == "min_scale" and not r.scope.get("region")}
        return sorted(m for m in capped & scaled if m and self.encourage_ok(m))

    def zone_name(self, place: str, mineral: str, kind: str, taken: set[str]) -> str:
        while True:
            locality = "".join(self.rng.sample(cat.LOCALITY_CHARS, 2)) + self.rng.choice(cat.LOCALITY_ENDS)
            name = f"{place}{locality}{mineral}{cat.ZONE_SUFFIX[kind]}"
            if name not in taken:
                taken.add(name)
                return name

    def counties_under(self, plan_id: str) -> list[str]:
        found, stack = [], [plan_id]
        while stack:
            node = self.nation.nodes[stack.pop()]
            stack.extend(reversed(node.children))
            if node.level == "county":
                found.append(node.id)
        return sorted(found)

    def zones(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        rng, nodes = self.rng, self.nation.nodes
        taken: set[str] = set()
        # carried: every ancestor zone located in this plan's territory, under the same name
        mine = set(self.counties_under(draft.id)) if draft.level != "county" else {draft.id}
        for ancestor in reversed(ancestors):
            for zone in ancestor.zones:
                if zone.carried_from is None and set(zone.located_in) & mine and zone.name not in taken:
                    taken.add(zone.name)
                    located = [] if draft.level == "county" else list(zone.located_in)
                    draft.zones.append(self.copy_zone(zone, located, ancestor.id))
        minerals = self.zone_minerals(draft)
        counties = self.counties_under(draft.id)
        if draft.level == "province" and counties:
            exploration = sorted(
                {
                    r.mineral
                    for r in draft.rows
                    if r.metric == "new_resources" and r.mineral and self.encourage_ok(r.mineral)
                }
            )
            for _ in range(rng.randint(2, 4)):
                kind = "key_mining" if rng.random() < 0.6 else "key_exploration"
                pool = minerals if kind == "key_mining" else exploration
                if not pool:
                    continue
                county = rng.choice(counties)
                mineral = rng.choice(pool)
                name = self.zone_name(nodes[county].name, mineral, kind, taken)
                draft.zones.append(ZoneDraft(kind, name, [mineral], [county]))
        elif draft.level == "city" and counties and minerals:
            for _ in range(rng.randint(1, 2)):
                county, mineral = rng.choice(counties), rng.choice(minerals)
                name = self.zone_name(nodes[county].name, mineral, "concentrated_mining", taken)
                draft.zones.append(self.concentrated(draft, name, mineral, [county], cap=False))
        elif draft.level == "county" and minerals:
            for _ in range(rng.choice((0, 1, 1, 2))):
                mineral = rng.choice(minerals)
                name = self.zone_name(draft.node.name, mineral, "concentrated_mining", taken)
                draft.zones.append(self.concentrated(draft, name, mineral, [], cap=rng.random() < 0.6))

    def concentrated(
        self, draft: PlanDraft, name: str, mineral: str, located: list[str], cap: bool
    ) -> ZoneDraft:
        lineage = self.nation.lineage(mineral)
        top = max(r.value for r in draft.rows if r.metric == "min_scale" and r.mineral in lineage)
        family = cat.SPECS[mineral].scale_family
        assert family is not None
        zone = {"zone": name}
        limits = [
            Row(
                "min_scale",
                mineral,
                mineral,
                ">=",
                nice(2 * top, up=True),
                self.unit(family),
                "binding",
                "最低开采规模",
                "专栏6",
                dict(zone),
                None,
            )
        ]
        if cap:
            plan_cap = next(
                r.value for r in draft.rows if r.metric == "extraction_total" and r.mineral == mineral
            )
            unit = self.unit(cat.SPECS[mineral].cap_family)
            limits.append(
                Row(
                    "extraction_total",
                    mineral,
                    mineral,
                    "<=",
                    nice(0.2 * plan_cap, up=False),
                    unit,
                    "expected",
                    "允许开采总量",
                    "专栏6",
                    dict(zone),
                    None,
                )
            )
        limits.append(
            Row(
                "mine_count",
                None,
                None,
                "==",
                self.rng.randint(1, 3),
                cat.COUNT,
                "expected",
                "拟设采矿权",
                "专栏6",
                dict(zone),
                None,
            )
        )
        return ZoneDraft("concentrated_mining", name, [mineral], located, limits)

    @staticmethod
    def copy_zone(zone: ZoneDraft, located: list[str], origin: str) -> ZoneDraft:
        limits = [
            Row(
                r.metric,
                r.mineral,
                r.printed,
                r.op,
                r.value,
                r.unit,
                r.attribute,
                r.label,
                r.table,
                dict(r.scope),
                r.year,
            )
            for r in zone.limits
        ]
        note = f"落实上级规划（{origin}）划定的规划分区"
        return ZoneDraft(zone.kind, zone.name, list(zone.minerals), located, limits, note, origin)

    # ---- restatements, counts, baseline, size ----------------------------------------------------------------
    def restatements(self, draft: PlanDraft) -> None:
        candidates = [
            r
            for r in draft.rows
            if r.metric in ("extraction_total", "mine_count") and not r.scope.get("subset")
        ]
        for row in self.rng.sample(candidates, min(len(candidates), self.rng.randint(1, 3))):
            unit = row.unit
            if row.mineral:
                unit = self.unit(cat.SPECS[row.mineral].cap_family)
            twin = Row(
                row.metric,
                row.mineral,
                row.printed,
                row.op,
                row.value,
                unit,
                row.attribute,
                row.label,
                "",
                dict(row.scope),
                row.year,
                "正文重述专栏指标",
                row.key,
            )
            draft.rows.append(twin)

    def facts(self, draft: PlanDraft) -> None:
        rng = self.rng
        rights = rng.randint(3, 40) * (
            30 if draft.level == "national" else 3 if draft.level == "province" else 1
        )
        new = rng.randint(0, rights)
        draft.counts.append(
            CountDraft(
                "mining_rights_planned", rights, {"new": new, "retained": rights - new}, exhaustive=True
            )
        )
        exploration, mining = rng.randint(1, 20), rng.randint(2, 30)
        draft.counts.append(
            CountDraft(
                "planned_blocks",
                exploration + mining,
                {"exploration": exploration, "mining": mining},
                exhaustive=True,
            )
        )
        retained = rng.randint(0, mining)
        draft.counts.append(
            CountDraft("planned_blocks_mining", mining, {"retained": retained, "new": mining - retained})
        )
        current = next(r.value for r in draft.rows if r.metric == "mine_count" and not r.scope)
        total = int(current) + rng.randint(0, max(1, int(current) // 3))
        medium = max(1, int(total * rng.uniform(0.1, 0.3)))
        large = int(total * rng.uniform(0.0, 0.2))
        if round(large / medium, 1) == 1.0:  # the ratio's reference part must be the medium one only
            large = int(medium * 0.7)
        small = max(0, total - large - medium)
        total = large + medium + small
        values: dict[str, float] = {
            "total": total,
            "large": large,
            "medium": medium,
            "small": small,
            "large_medium": large + medium,
        }
        values["large_medium_pct"] = round(100 * (large + medium) / total, 1)
        units = dict.fromkeys(values, "个") | {"large_medium_pct": "%"}
        if rng.random() < 0.5:
            values |= {
                "ratio_large": round(large / medium, 1),
                "ratio_medium": 1.0,
                "ratio_small": round(small / medium, 1),
            }
        draft.baseline.append(BaselineDraft("mines", values, units, "截至2020年底的矿山数量及大中型矿山比例"))
        deposits = [rng.randint(0, 8), rng.randint(1, 15), rng.randint(3, 60)]
        dvalues = {
            "total": float(sum(deposits)),
            "large": deposits[0],
            "medium": deposits[1],
            "small": deposits[2],
        }
        draft.baseline.append(BaselineDraft("deposits_by_scale", dvalues, dict.fromkeys(dvalues, "处")))

    def pad(self, draft: PlanDraft, ancestors: list[PlanDraft]) -> None:
        """Keep each plan at 40–80 indicators: recovery-rate floors are added, exploration targets trimmed."""
        minerals = sorted(
            {r.mineral for r in draft.rows if r.metric in ("extraction_total", "min_scale") and r.mineral}
        )
        rng = self.rng

        def size() -> int:
            return len(draft.rows) + sum(len(z.limits) for z in draft.zones)

        for mineral in minerals:
            if size() >= MIN_ROWS + rng.randint(0, 10):
                break
            limit = self.floor_limit(ancestors, "recovery_rate", mineral, {}, draft.node.regions)
            value = max(limit, float(rng.randint(80, 95)))
            draft.rows.append(
                Row(
                    "recovery_rate",
                    mineral,
                    self.spelled(mineral),
                    ">=",
                    value,
                    cat.PERCENT,
                    "expected",
                    "开采回采率",
                    "专栏7",
                )
            )
        known = {r.mineral for r in draft.rows if r.metric == "new_resources"}
        more = [m for m in sorted(cat.SPECS) if m not in known and self.mined_ok(m)]
        for mineral in rng.sample(more, len(more)):
            if size() >= MIN_ROWS:
                break
            draft.rows.append(self.exploration_row(draft, mineral))
        while size() > MAX_ROWS:
            extra = [r for r in draft.rows if r.metric in ("new_resources", "recovery_rate")]
            if not extra:
                break
            draft.rows.remove(extra[-1])
