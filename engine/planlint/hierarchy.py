"""The plan hierarchy: an edge parent → child for every `parents` entry naming a loaded plan.

Checks unknown parents, cycles and level inversions; gives each plan its ancestors (nearest first) and
checks that the regions a plan says it lies in are defined by one of its ancestors. The graph is two plain
maps (a plan's parents, its children); networkx is imported only to name the cycles of a cyclic one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from planlint.errors import HierarchyError, PlanlintError
from planlint.loader import InputErrors, LoadedPlan
from planlint.model import LEVEL_RANK, Plan, Zone
from planlint.places import Register, register
from planlint.territory import Territory, find_parents, locate, settle
from planlint.yamlio import line_of


@dataclass(frozen=True)
class Graph:
    """Which loaded plans are each plan's parents and children (every plan is a key of both)."""

    parents: dict[str, tuple[str, ...]]
    children: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, edges: dict[str, Iterable[str]]) -> Graph:
        """The graph of `edges`: each plan id → the ids of its loaded parents (repeats count once)."""
        parents = {child: tuple(dict.fromkeys(above)) for child, above in edges.items()}
        children: dict[str, list[str]] = {plan_id: [] for plan_id in parents}
        for child, above in parents.items():
            for parent in above:
                children[parent].append(child)
        return cls(parents, {plan_id: tuple(sorted(below)) for plan_id, below in children.items()})

    def distances_up(self, plan_id: str) -> dict[str, int]:
        """Each ancestor of `plan_id` (and itself, at 0) by its fewest steps up."""
        distance = {plan_id: 0}
        pending = deque([plan_id])
        while pending:
            current = pending.popleft()
            for parent in self.parents[current]:
                if parent not in distance:
                    distance[parent] = distance[current] + 1
                    pending.append(parent)
        return distance

    def has_cycle(self) -> bool:
        """Whether following parents ever leads back to where it started (Kahn's algorithm)."""
        waiting = {plan_id: len(above) for plan_id, above in self.parents.items()}
        ready = [plan_id for plan_id, count in waiting.items() if count == 0]
        placed = 0
        while ready:
            placed += 1
            for child in self.children[ready.pop()]:
                waiting[child] -= 1
                if waiting[child] == 0:
                    ready.append(child)
        return placed < len(waiting)


@dataclass
class Hierarchy:
    """All loaded plans and how they hang together."""

    graph: Graph
    loaded: dict[str, LoadedPlan] = field(default_factory=dict)
    territory: Territory | None = None
    # jurisdictions of plans that exist but were not loaded (a check of one plan loads only its lineage)
    unloaded_jurisdictions: frozenset[str] = frozenset()

    @property
    def plans(self) -> dict[str, Plan]:
        return {plan_id: item.plan for plan_id, item in self.loaded.items()}

    def plan(self, plan_id: str) -> Plan:
        return self.loaded[plan_id].plan

    @property
    def jurisdictions(self) -> frozenset[str]:
        """The jurisdiction of every plan, loaded or not: the place names a zone's name may start with."""
        loaded = {item.plan.jurisdiction for item in self.loaded.values()}
        return frozenset(loaded) | self.unloaded_jurisdictions

    @cached_property
    def _ancestors(self) -> dict[str, tuple[str, ...]]:
        return {plan_id: self._ordered_ancestors(plan_id) for plan_id in self.loaded}

    def _ordered_ancestors(self, plan_id: str) -> tuple[str, ...]:
        distance = self.graph.distances_up(plan_id)
        others = [a for a in distance if a != plan_id]
        return tuple(sorted(others, key=lambda a: (distance[a], LEVEL_RANK[self.plan(a).level] * -1, a)))

    def ancestors(self, plan_id: str) -> tuple[str, ...]:
        """Every plan `plan_id` must conform to, nearest first (parent, grandparent, ...)."""
        return self._ancestors[plan_id]

    def children(self, plan_id: str) -> tuple[str, ...]:
        return self.graph.children[plan_id]

    def roots(self) -> tuple[str, ...]:
        return tuple(sorted(n for n, parents in self.graph.parents.items() if not parents))

    def zones_located_in(self, ancestor: str, plan_id: str) -> tuple[Zone, ...]:
        """The zones `ancestor` sets that lie in `plan_id`'s territory (by plan id, or by place)."""
        zones = self.plan(ancestor).zones
        if self.territory is None:
            return tuple(z for z in zones if plan_id in z.located_in)
        lies_in = self.territory.zone_lies_in
        return tuple(z for i, z in enumerate(zones) if lies_in(ancestor, i, z, plan_id))

    def regions_available(self, plan_id: str) -> set[str]:
        """Regions defined by the plan's ancestors (the names a plan may say it lies in)."""
        return {r for a in self.ancestors(plan_id) for r in self.plan(a).defines_regions}


def build_hierarchy(
    loaded: Iterable[LoadedPlan], places: Register | None = None, unloaded_jurisdictions: Iterable[str] = ()
) -> Hierarchy:
    """Build and check the hierarchy; raise InputErrors for unknown parents, cycles, inversions, regions.

    Jurisdictions go through the register of places (`territory`): a missing parent is found there, regions
    are derived from the members an ancestor records, zones are placed by jurisdiction.
    `unloaded_jurisdictions`: those of the plans not loaded (a check of one plan loads only what it needs).
    """
    places = places or register()
    items = {item.plan.id: item for item in loaded}
    located, problems = locate(items, places)
    items, orphans = find_parents(items, places, located)
    problems.extend(orphans)
    for item in items.values():
        for index, parent in enumerate(item.plan.parents):
            problems.extend(_edge_problems(items, item, parent, index))
    graph = Graph.of({i: [p for p in item.plan.parents if p in items] for i, item in items.items()})
    if graph.has_cycle():
        problems.extend(_cycle_problems(graph, items))
    hierarchy = Hierarchy(graph, items, unloaded_jurisdictions=frozenset(unloaded_jurisdictions))
    if not problems:
        items, hierarchy.territory, found = settle(items, hierarchy.ancestors, places, located)
        hierarchy.loaded = items
        problems.extend(found)
    if not problems:
        problems.extend(_region_problems(hierarchy))
    if problems:
        raise InputErrors(problems)
    return hierarchy


def _error(item: LoadedPlan, message: str, loc: tuple[str | int, ...], zh: str) -> HierarchyError:
    field = ".".join(str(p) for p in loc)
    return HierarchyError(message, path=item.path, line=line_of(item.path, loc), field=field, zh=zh)


def _edge_problems(
    items: dict[str, LoadedPlan], item: LoadedPlan, parent: str, index: int
) -> list[PlanlintError]:
    loc = ("parents", index)
    if parent not in items:
        zh = f"未知上级规划 {parent!r}（没有载入此 id 的规划）"
        return [_error(item, f"unknown parent {parent!r} (no loaded plan has this id)", loc, zh)]
    parent_level = items[parent].plan.level
    if LEVEL_RANK[parent_level] >= LEVEL_RANK[item.plan.level]:
        message = (
            f"level inversion: parent {parent!r} is {parent_level}, not above this {item.plan.level} plan"
        )
        zh = f"层级倒置：上级规划 {parent!r} 为 {parent_level}，不高于本规划（{item.plan.level}）"
        return [_error(item, message, loc, zh)]
    return []


def _cycle_problems(graph: Graph, items: dict[str, LoadedPlan]) -> list[PlanlintError]:
    import networkx as nx  # only to name the cycles of a graph known to have some

    edges = nx.DiGraph()
    edges.add_nodes_from(graph.parents)
    edges.add_edges_from((parent, child) for child, above in graph.parents.items() for parent in above)
    problems: list[PlanlintError] = []
    for cycle in sorted(nx.simple_cycles(edges), key=sorted):
        first = min(cycle)
        path = " → ".join([*cycle, cycle[0]])
        zh = f"上级规划关系成环：{path}"
        problems.append(_error(items[first], f"the parents form a cycle: {path}", ("parents",), zh))
    return problems


def _region_problems(hierarchy: Hierarchy) -> list[PlanlintError]:
    problems: list[PlanlintError] = []
    for plan_id, item in sorted(hierarchy.loaded.items()):
        available = hierarchy.regions_available(plan_id)
        partial_above = any(hierarchy.plan(a).is_partial for a in hierarchy.ancestors(plan_id))
        for index, region in enumerate(item.plan.regions):
            if region not in available and not partial_above:
                known = sorted(available)
                message = f"region {region!r} is not defined by any ancestor (defined: {', '.join(known) or 'none'})"
                zh = f"区域 {region!r} 未由任何上级规划划定（已划定：{'、'.join(known) or '无'}）"
                problems.append(_error(item, message, ("regions", index), zh))
    return problems
