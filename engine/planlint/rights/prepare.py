"""Rights prepared once for every rule: canonical mineral and lineage, capacity and reserves in base units,
the right's place, and the plans it is judged against (the nearest plans above it and their ancestors).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from planlint.errors import PlanlintError
from planlint.hierarchy import Hierarchy
from planlint.loader import InputErrors
from planlint.places import Place
from planlint.prepared import metric_unit
from planlint.rights.locate import Location, locate, parts
from planlint.rights.model import Right
from planlint.rights.read import LoadedRight
from planlint.units import Basis, ParsedUnit, parse_unit, resolve_basis
from planlint.vocabulary import Vocabulary

SECONDS_PER_YEAR = 365.25 * 24 * 3600


@dataclass(frozen=True)
class PreparedRight:
    """One right, ready for comparison with plan rows (see `planlint.rights.match`)."""

    loaded: LoadedRight
    mineral: str
    lineage: frozenset[str]
    capacity_unit: ParsedUnit
    capacity_basis: Basis
    location: Location
    plans: tuple[str, ...]

    @property
    def right(self) -> Right:
        return self.loaded.right

    @property
    def id(self) -> str:
        return self.right.id

    @property
    def mine(self) -> str | None:
        """The plan scope the right falls under: new, expansion (整合扩能 and 增划资源), or unknown (None)."""
        kind = self.right.kind
        return "new" if kind == "new" else "expansion" if kind in ("expansion", "addition") else None

    @cached_property
    def match_key(self) -> tuple[object, ...]:
        """What deciding which plan rows apply to the right depends on (`planlint.rights.match`)."""
        right = self.right
        return (self.mineral, self.mine, right.deposit, self.location.regions, right.method, right.zone)

    @property
    def capacity(self) -> float:
        """The production capacity in base units per second."""
        return self.capacity_unit.to_base(self.right.capacity.value)

    @cached_property
    def reserves_rate(self) -> float | None:
        """Reserves printed as a rate (地热 允许开采量, 21.9 万立方米/年), in base units per second."""
        reserves = self.right.reserves
        if reserves is None:
            return None
        unit = parse_unit(reserves.unit)
        return unit.to_base(reserves.value) if unit.is_rate else None

    @cached_property
    def reserves_years(self) -> float | None:
        """How many years the reserves last at the right's capacity, where both are given and comparable."""
        reserves = self.right.reserves
        if reserves is None or self.reserves_rate is not None or self.capacity <= 0:
            return None
        unit = parse_unit(reserves.unit)
        per_year = self.capacity * SECONDS_PER_YEAR
        if f"{unit.dimension} / [time]" != self.capacity_unit.dimension:
            return None
        return unit.to_base(reserves.value) / per_year

    @property
    def life_years(self) -> tuple[float, bool] | None:
        """The right's service life (可开采年限) and whether it is exact.

        The term (出让年限) is set from 可采储量 / 生产规模, so it is the life when given; else recoverable
        reserves give it exactly, and resources in the ground (资源储量) only an upper bound.
        """
        if self.right.term_years is not None:
            return self.right.term_years, True
        years = self.reserves_years
        if years is None or self.right.reserves is None:
            return None
        return years, self.right.reserves.recoverable


def prepare_rights(
    loaded: Sequence[LoadedRight], hierarchy: Hierarchy, vocabulary: Vocabulary
) -> list[PreparedRight]:
    """Prepare every right; a right no loaded plan contains is bad input (never judged against nothing)."""
    places = PlanPlaces(hierarchy)
    prepared, problems = [], []
    for item in loaded:
        try:
            prepared.append(prepare_right(item, places, vocabulary))
        except PlanlintError as error:
            problems.append(error.moved(item.path, item.line, "jurisdiction"))
    if problems:
        raise InputErrors(problems)
    return prepared


def prepare_right(item: LoadedRight, places: PlanPlaces, vocabulary: Vocabulary) -> PreparedRight:
    """One right prepared; a PlanlintError when no loaded plan contains it."""
    right = item.right
    canonical = vocabulary.canonical(right.mineral)
    unit = metric_unit(right.capacity.unit, True)
    basis = resolve_basis(unit, right.capacity.basis)
    location = locate(right.jurisdiction, right.region)
    plans, county_regions = places.above(location)
    if county_regions - location.regions:
        location = replace(location, regions=location.regions | county_regions)
    return PreparedRight(item, canonical, vocabulary.lineage(canonical), unit, basis, location, plans)


class PlanPlaces:
    """The loaded plans by the place they govern: which plans lie above a right's place, found once per place.

    A place the register of divisions knows (`planlint.places`: 永川区, 重庆市永川区, 500118) is contained in
    the places of the plans above it, and lies in the regions whose recorded members contain it. A place
    it does not know is compared by the parts of its name (`planlint.rights.locate`).
    """

    def __init__(self, hierarchy: Hierarchy) -> None:
        self.hierarchy = hierarchy
        self.territory = hierarchy.territory
        self._by_part: dict[str, list[str]] = defaultdict(list)
        self._by_place: dict[str, list[str]] = defaultdict(list)
        self._national: list[str] = []
        for plan_id, item in sorted(hierarchy.loaded.items()):
            place = self.territory.place(plan_id) if self.territory else None
            if place is not None:
                self._by_place[place.code].append(plan_id)
                continue
            plan_parts = parts(item.plan.jurisdiction)
            (self._by_part[plan_parts[-1]] if plan_parts else self._national).append(plan_id)
        self._above: dict[tuple[str, ...], tuple[tuple[str, ...], frozenset[str]]] = {}
        self._members: dict[tuple[str, str], tuple[Place, ...]] = {}

    def above(self, location: Location) -> tuple[tuple[str, ...], frozenset[str]]:
        """The plans above the place, nearest first, and the regions it lies in without saying so."""
        known = self._above.get(location.parts)
        if known is None:
            known = self._above[location.parts] = self._find(location)
        return known

    def place_of(self, location: Location) -> Place | None:
        """The division the right's jurisdiction names; a name several bear, the one a loaded plan governs."""
        if self.territory is None:
            return None
        register = self.territory.register
        found = register.matches(location.jurisdiction)
        if len(found) > 1:
            governed = [p for p in found if any(self._by_place.get(o.code) for o in register.parents(p)[:-1])]
            found = tuple(governed)
        return register.pick(found)

    def _find(self, location: Location) -> tuple[tuple[str, ...], frozenset[str]]:
        place = self.place_of(location)
        depths = dict.fromkeys(self._national, 0)
        for depth, part in enumerate(location.parts, start=1):
            depths.update(dict.fromkeys(self._by_part.get(part, ()), depth))
        lineage: tuple[Place, ...] = ()
        if place is not None and self.territory is not None:
            lineage = self.territory.register.lineage(place)
            for depth, outer in enumerate(reversed(lineage)):
                depths.update(dict.fromkeys(self._by_place.get(outer.code, ()), depth))
        if not depths or max(depths.values()) == 0 and (location.parts or lineage[1:]):
            raise PlanlintError(
                f"no loaded plan contains {location.jurisdiction!r}: give the plans above it, or the full "
                "name (重庆市永川区)",
                zh=f"没有载入的规划包含 {location.jurisdiction!r}：请给出其上级规划，或写全称（如 重庆市永川区）",
            )
        deepest = max(depths.values())
        nearest = sorted(p for p, d in depths.items() if d == deepest)
        ordered = list(nearest)
        for plan_id in nearest:
            ordered.extend(a for a in self.hierarchy.ancestors(plan_id) if a not in ordered)
        ordered.extend(sorted((p for p in depths if p not in ordered), key=lambda p: (-depths[p], p)))
        own = max(len(location.parts), len(lineage) - 1)
        # a county plan's regions are its county's: a right there lies in them without saying so
        regions = {r for p, d in depths.items() if own and d == own for r in self.hierarchy.plan(p).regions}
        if place is not None:
            regions |= self._member_regions(ordered, place)
        return tuple(ordered), frozenset(regions)

    def _member_regions(self, plans: list[str], place: Place) -> set[str]:
        """The regions a plan above records the place (or a division containing it) as a member of."""
        assert self.territory is not None
        register = self.territory.register
        found = set()
        for plan_id in plans:
            for region, entry in self.hierarchy.plan(plan_id).region_members.items():
                key = (plan_id, region)
                if key not in self._members:
                    within = self.territory.place(plan_id)
                    resolved = (register.resolve(m, within=within) for m in entry.members)
                    self._members[key] = tuple(m for m in resolved if m is not None)
                if any(register.contains(m, place) for m in self._members[key]):
                    found.add(region)
        return found
