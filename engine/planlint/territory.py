"""Where each loaded plan lies: its jurisdiction through the register of places, a missing parent found
there, the regions it lies in, and the ancestors' zones that lie in its territory.

Called by `hierarchy.build_hierarchy` in two steps: `find_parents` before the graph is built (a county or
city plan without `parents` takes the nearest plan of a division containing it, or is bad input), and
`settle` once the ancestors are known (regions derived from the members an ancestor records, zones
placed by `located_in` places or by the district a zone is named after). Everything that cannot be
settled is bad input; a jurisdiction missing from the register is bad input only where something depends
on it (a missing parent, regions recorded by members, zones placed by jurisdiction).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from planlint.errors import HierarchyError, PlanlintError
from planlint.loader import LoadedPlan
from planlint.model import LEVEL_RANK, Zone
from planlint.places import CODE, Place, Register
from planlint.yamlio import line_of

PLAN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
Ancestors = Callable[[str], tuple[str, ...]]


@dataclass
class Territory:
    """The place of every loaded plan (None where the register does not know it) and of every zone."""

    register: Register
    places: dict[str, Place | None]
    zone_places: dict[tuple[str, int], tuple[Place, ...]] = field(default_factory=dict)

    def place(self, plan_id: str) -> Place | None:
        return self.places.get(plan_id)

    def zone_lies_in(self, owner: str, index: int, zone: Zone, plan_id: str) -> bool:
        """True when the zone `owner` sets lies in `plan_id`'s territory: named by id, or by a place in it."""
        if plan_id in zone.located_in:
            return True
        place = self.places.get(plan_id)
        if place is None:
            return False
        return any(self.register.contains(place, z) for z in self.zone_places.get((owner, index), ()))


def _error(item: LoadedPlan, loc: tuple[str | int, ...], en: str, zh: str) -> HierarchyError:
    where = ".".join(str(p) for p in loc)
    return HierarchyError(en, path=item.path, line=line_of(item.path, loc), field=where, zh=zh)


def _replace(item: LoadedPlan, **update: object) -> LoadedPlan:
    return LoadedPlan(item.plan.model_copy(update=update), item.path)


def locate(
    items: dict[str, LoadedPlan], register: Register
) -> tuple[dict[str, Place | None], list[PlanlintError]]:
    """Each plan's place: its jurisdiction through the register, confirmed by its parents' places.

    A plan with parents has a place only when a parent's place is known and contains it (the jurisdiction is
    looked up inside the parent's place first, so 朝阳区 under 北京市 is found). A parent with a known place
    that does not contain the plan's is bad input. A plan whose parents have no known place has none either:
    in a made-up hierarchy (tests, synthetic nations) a name that happens to be real places nothing.
    """
    places: dict[str, Place | None] = {}
    problems: list[PlanlintError] = []

    def visit(plan_id: str, trail: frozenset[str]) -> Place | None:
        if plan_id in places or plan_id in trail or plan_id not in items:
            return places.get(plan_id)
        item = items[plan_id]
        outers = [(i, p, visit(p, trail | {plan_id})) for i, p in enumerate(item.plan.parents)]
        known = [(i, p, o) for i, p, o in outers if o is not None]
        place = _within_parents(item, register, known, problems)
        if not item.plan.parents:
            place = _resolve_at_level(register, item, None)
        places[plan_id] = place
        return place

    for plan_id in sorted(items):
        visit(plan_id, frozenset())
    return places, problems


def _resolve_at_level(register: Register, item: LoadedPlan, within: Place | None) -> Place | None:
    """The division a plan's jurisdiction names at the plan's own level (a province plan's 东阳市 is no
    county-level city): a made-up name that happens to be real at another level places nothing."""
    found = register.matches(item.plan.jurisdiction, within)
    return register.pick(p for p in found if p.level == item.plan.level)


def _within_parents(
    item: LoadedPlan,
    register: Register,
    known: list[tuple[int, str, Place]],
    problems: list[PlanlintError],
) -> Place | None:
    """The plan's place inside its parents' known places, or None; a parent that cannot contain it is bad."""
    for _, _, outer in known:
        place = _resolve_at_level(register, item, outer)
        if place is not None:
            return place
    place = _resolve_at_level(register, item, None)
    if place is None:
        return None
    for index, parent, outer in known:
        problems.append(
            _error(
                item,
                ("parents", index),
                f"parent {parent!r} is the plan of {register.full_name(outer)}, which does not contain "
                f"this plan's jurisdiction {register.full_name(place)}",
                f"上级规划 {parent!r} 的辖区 {register.full_name(outer)} 不包含本规划的辖区 "
                f"{register.full_name(place)}",
            )
        )
    return None


def _unknown_place(register: Register, text: str, within: Place | None = None) -> tuple[str, str]:
    """Why `text` names no one place, in English and Chinese, with the candidates or the closest names."""
    several = register.matches(text, within)
    if several:
        names = "、".join(f"{register.full_name(p)} ({p.code})" for p in several[:5])
        return f"{text!r} names several places: {names}", f"{text!r} 可指多处：{names}"
    close = "、".join(f"{register.full_name(p)} ({p.code})" for p in register.suggest(text, within)) or "—"
    return (
        f"{text!r} is not a division in the register of places (closest: {close})",
        f"{text!r} 不在行政区划名录中（最接近：{close}）",
    )


def find_parents(
    items: dict[str, LoadedPlan], register: Register, places: dict[str, Place | None]
) -> tuple[dict[str, LoadedPlan], list[PlanlintError]]:
    """Give a county or city plan without parents the nearest loaded plan of a division containing it."""
    settled = dict(items)
    problems: list[PlanlintError] = []
    for plan_id, item in sorted(items.items()):
        plan, place = item.plan, places[plan_id]
        if plan.parents or plan.level not in ("county", "city"):
            continue
        found, problem = _parent_through_register(item, items, register, place, places)
        if problem is not None:
            problems.append(problem)
        elif found:
            settled[plan_id] = _replace(item, parents=(found,))
    return settled, problems


def _parent_through_register(
    item: LoadedPlan,
    items: dict[str, LoadedPlan],
    register: Register,
    place: Place | None,
    places: dict[str, Place | None],
) -> tuple[str | None, PlanlintError | None]:
    plan = item.plan
    never = "a {level} plan is never judged against nothing: give its parent plan (`parents`, or --parent)"
    never_zh = "县级、市级规划不能在没有上级规划的情况下评判：请给出上级规划（parents 或 --parent）"
    if place is None:
        why, why_zh = _unknown_place(register, plan.jurisdiction)
        return None, _error(
            item,
            ("parents",),
            f"no parent plan, and the parent cannot be found through the jurisdiction: {why}; "
            + never.format(level=plan.level),
            f"未给出上级规划，也无法由辖区找到：{why_zh}；{never_zh}",
        )
    for outer in register.parents(place):
        if outer.level == "national":
            break
        found = sorted(
            pid
            for pid, other in items.items()
            if places[pid] == outer and LEVEL_RANK[other.plan.level] < LEVEL_RANK[plan.level]
        )
        if len(found) == 1:
            return found[0], None
        if found:
            return None, _error(
                item,
                ("parents",),
                f"no parent plan, and several loaded plans are of {outer.name}: {', '.join(found)}; give `parents`",
                f"未给出上级规划，且载入的规划中有多个属于{outer.name}：{'、'.join(found)}；请给出 parents",
            )
    above = "、".join(p.name for p in register.parents(place) if p.level != "national")
    return None, _error(
        item,
        ("parents",),
        f"no parent plan, and none of the loaded plans is of a division containing {place.name} "
        f"({above}); " + never.format(level=plan.level),
        f"未给出上级规划，载入的规划中也没有包含{place.name}的行政区（{above}）的规划；{never_zh}",
    )


def settle(
    items: dict[str, LoadedPlan], ancestors: Ancestors, register: Register, places: dict[str, Place | None]
) -> tuple[dict[str, LoadedPlan], Territory, list[PlanlintError]]:
    """Place the zones, then derive each plan's regions; every contradiction or unknown is a problem."""
    territory = Territory(register, places)
    problems: list[PlanlintError] = []
    members: dict[str, dict[str, tuple[Place, ...]]] = {}
    for plan_id, item in sorted(items.items()):
        problems.extend(_place_zones(territory, item))
        members[plan_id], found = _members(item, register, places[plan_id])
        problems.extend(found)
    settled = dict(items)
    for plan_id, item in sorted(items.items()):
        regions, found = _regions(item, ancestors(plan_id), members, territory)
        problems.extend(found)
        problems.extend(_unplaced(item, ancestors(plan_id), territory))
        if regions != item.plan.regions:
            settled[plan_id] = _replace(item, regions=regions)
    return settled, territory, problems


def _place_zones(territory: Territory, item: LoadedPlan) -> Iterator[PlanlintError]:
    plan, register = item.plan, territory.register
    place = territory.places[plan.id]
    for index, zone in enumerate(plan.zones):
        found: list[Place] = []
        for position, entry in enumerate(zone.located_in):
            if PLAN_ID.match(entry) and not CODE.match(entry):
                continue
            target = register.resolve(entry, within=place) or (
                register.resolve(entry) if place is None else None
            )
            if target is None:
                why, why_zh = _unknown_place(register, entry, place)
                yield _error(
                    item,
                    ("zones", index, "located_in", position),
                    f"neither a plan id nor a place inside {plan.jurisdiction}: {why}",
                    f"既不是规划 id，也不是{plan.jurisdiction}内的行政区：{why_zh}",
                )
                continue
            found.append(target)
        if not zone.located_in and place is not None and plan.level in ("province", "city"):
            found.extend(register.named_in(zone.name, within=place))
        if found:
            territory.zone_places[(plan.id, index)] = tuple(found)


def _members(
    item: LoadedPlan, register: Register, place: Place | None
) -> tuple[dict[str, tuple[Place, ...]], list[PlanlintError]]:
    resolved: dict[str, tuple[Place, ...]] = {}
    problems: list[PlanlintError] = []
    for region, entry in item.plan.region_members.items():
        places: list[Place] = []
        for index, member in enumerate(entry.members):
            target = register.resolve(member, within=place)
            if target is None:
                why, why_zh = _unknown_place(register, member, place)
                loc = ("region_members", region, "members", index)
                problems.append(_error(item, loc, f"member of {region}: {why}", f"{region}的成员：{why_zh}"))
                continue
            places.append(target)
        resolved[region] = tuple(places)
    return resolved, problems


def _regions(
    item: LoadedPlan,
    above: tuple[str, ...],
    members: dict[str, dict[str, tuple[Place, ...]]],
    territory: Territory,
) -> tuple[tuple[str, ...], list[PlanlintError]]:
    """The regions stated, then those an ancestor's members put the plan in; a stated one it is not in is bad."""
    plan, register = item.plan, territory.register
    place = territory.places[plan.id]
    recorded = {r: m for a in above for r, m in members.get(a, {}).items()}
    if not recorded:
        return plan.regions, []
    if place is None:
        if plan.regions:
            return plan.regions, []
        why, why_zh = _unknown_place(register, plan.jurisdiction)
        regions = "、".join(recorded)
        return plan.regions, [
            _error(
                item,
                ("jurisdiction",),
                f"cannot tell which of the regions {regions} this plan lies in: {why}",
                f"无法判断本规划位于 {regions} 中的哪个区域：{why_zh}",
            )
        ]
    inside = [r for r, m in recorded.items() if any(register.contains(p, place) for p in m)]
    problems: list[PlanlintError] = []
    for index, region in enumerate(plan.regions):
        if region in recorded and region not in inside:
            actual = "、".join(inside) or "none of them"
            problems.append(
                _error(
                    item,
                    ("regions", index),
                    f"{register.full_name(place)} is not a member of {region} as its ancestors record it "
                    f"(it lies in: {actual})",
                    f"{register.full_name(place)} 不是上级规划所列 {region} 的成员（实际位于：{'、'.join(inside) or '无'}）",
                )
            )
    return tuple(dict.fromkeys([*plan.regions, *inside])), problems


def _unplaced(item: LoadedPlan, above: tuple[str, ...], territory: Territory) -> Iterator[PlanlintError]:
    """A plan of an unknown place under ancestors that place zones by jurisdiction cannot be judged fully."""
    plan = item.plan
    if territory.places[plan.id] is not None or plan.level == "national":
        return
    placing = [a for a in above if any(key[0] == a for key in territory.zone_places)]
    if not placing:
        return
    why, why_zh = _unknown_place(territory.register, plan.jurisdiction)
    yield _error(
        item,
        ("jurisdiction",),
        f"{', '.join(placing)} place zones by jurisdiction, and this plan's cannot be placed: {why}",
        f"{'、'.join(placing)} 按行政区设置分区，而无法确定本规划的辖区：{why_zh}",
    )
