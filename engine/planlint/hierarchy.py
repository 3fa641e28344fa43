"""The plan hierarchy: a networkx DiGraph with an edge parent → child for every `parents` entry.

Checks unknown parents, cycles and level inversions; gives each plan its ancestors (nearest first) and
checks that the regions a plan says it lies in are defined by one of its ancestors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from planlint.errors import HierarchyError, PlanlintError
from planlint.loader import InputErrors, LoadedPlan
from planlint.model import LEVEL_RANK, LEVEL_ZH, Plan, Zone
from planlint.places import Register, register
from planlint.territory import Territory, find_parents, locate, settle
from planlint.yamlio import line_of


@dataclass
class Hierarchy:
    """All loaded plans and how they hang together."""

    graph: nx.DiGraph
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
        upward = self.graph.reverse(copy=False)  # a view: made once, it costs more than one plan's search
        return {plan_id: self._ordered_ancestors(upward, plan_id) for plan_id in self.loaded}

    def _ordered_ancestors(self, upward: nx.DiGraph, plan_id: str) -> tuple[str, ...]:
        distance = nx.single_source_shortest_path_length(upward, plan_id)
        others = [a for a in distance if a != plan_id]
        return tuple(sorted(others, key=lambda a: (distance[a], LEVEL_RANK[self.plan(a).level] * -1, a)))

    def ancestors(self, plan_id: str) -> tuple[str, ...]:
        """Every plan `plan_id` must conform to, nearest first (parent, grandparent, ...)."""
        return self._ancestors[plan_id]

    @cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        return {plan_id: tuple(sorted(self.graph.successors(plan_id))) for plan_id in self.graph}

    def children(self, plan_id: str) -> tuple[str, ...]:
        return self._children[plan_id]

    def roots(self) -> tuple[str, ...]:
        return tuple(sorted(n for n in self.graph if self.graph.in_degree(n) == 0))

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
    graph = nx.DiGraph()
    graph.add_nodes_from(items)
    for plan_id, item in items.items():
        for index, parent in enumerate(item.plan.parents):
            problems.extend(_edge_problems(items, item, parent, index))
            if parent in items:
                graph.add_edge(parent, plan_id)
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
        zh = (
            f"层级倒置：上级规划 {parent!r} 为{LEVEL_ZH[parent_level]}规划，"
            f"不高于本规划（{LEVEL_ZH[item.plan.level]}）"
        )
        return [_error(item, message, loc, zh)]
    return []


def _cycle_problems(graph: nx.DiGraph, items: dict[str, LoadedPlan]) -> list[PlanlintError]:
    problems: list[PlanlintError] = []
    if nx.is_directed_acyclic_graph(graph):  # the usual case, told apart in linear time
        return problems
    for cycle in sorted(nx.simple_cycles(graph), key=sorted):
        first = min(cycle)
        path = " → ".join([*cycle, cycle[0]])
        zh = f"上级规划关系成环：{path}"
        problems.append(_error(items[first], f"the parents form a cycle: {path}", ("parents",), zh))
    return problems


def _region_problems(hierarchy: Hierarchy) -> list[PlanlintError]:
    problems: list[PlanlintError] = []
    for plan_id, item in sorted(hierarchy.loaded.items()):
        if not item.plan.regions:
            continue
        available = hierarchy.regions_available(plan_id)
        partial_above = any(hierarchy.plan(a).is_partial for a in hierarchy.ancestors(plan_id))
        for index, region in enumerate(item.plan.regions):
            if region not in available and not partial_above:
                known = sorted(available)
                message = f"region {region!r} is not defined by any ancestor (defined: {', '.join(known) or 'none'})"
                zh = f"区域 {region!r} 未由任何上级规划划定（已划定：{'、'.join(known) or '无'}）"
                problems.append(_error(item, message, ("regions", index), zh))
    return problems
