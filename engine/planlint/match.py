"""Matching: which prepared row applies to which, under three named relations, answered by one `Index`.

The three relations kinds ask about (every other comparison is a kind's own business):

- `Index.ancestor_rows(ancestor, row)` — **an ancestor's row binds a plan's row**: the same metric; the
  ancestor's mineral is the row's or a broader one (through the vocabulary; a row with no mineral is
  plan-wide); the scopes overlap (mine kind, deposit scale, subset: an absent field means "all"); the
  ancestor's region, if any, is the row's or one the plan lies in; the ancestor's row is not a zone's limit.
  Within one ancestor the most specific mineral wins (lex specialis). Units are not compared here.
  `Index.bound_by(ancestors, row)` asks it of every ancestor in turn, nearest first.
- `Index.plan_rows_over_zone(limit)` — **a plan's plan-wide row bounds its own zone limit**: as above within
  one plan, plus no zone scope, the zone's region (or none), the same year where both give one, and
  comparable units.
- `Index.child_rows_under_cap(parent, child, subsets_meaning_all)` — **a child's cap counts under a parent's
  cap**: the child's plan-wide caps whose mineral is the parent's or a narrower one, whose mine kind,
  deposit scale and subset equal the parent's (a listed subset also accepts none), and whose region is
  absent or the parent's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from planlint.model import Plan, Scope
from planlint.prepared import MatchKey, Stated, prepare
from planlint.units import ParsedUnit
from planlint.vocabulary import Vocabulary

CAP_OPS = ("<=", "<")
# (mine kind, deposit scale, mineral): the kinds of caps a parent's cap counts a child's under
CapKind = tuple[str | None, str | None, str | None]


class Index:
    """Prepared rows of every plan, by plan and by (metric, mineral), and the relations between them."""

    def __init__(self, plans: dict[str, Plan], vocabulary: Vocabulary) -> None:
        names: dict[str, tuple[str, frozenset[str]]] = {}
        units: dict[tuple[str, str], ParsedUnit] = {}
        self.plans = plans
        self.vocabulary = vocabulary
        self.by_plan: dict[str, list[Stated]] = {
            pid: prepare(plan, vocabulary, names, units) for pid, plan in plans.items()
        }
        self._lineages: dict[str, frozenset[str]] = {}
        self._minerals: dict[str, frozenset[str]] = {}
        # plan -> metric -> its rows; (plan, metric) -> mineral -> its rows, made when first asked (`get` asks
        # of ancestors, and of a plan with zone limits for their metric: not of most plans and metrics)
        self._by_metric = {plan_id: _by_metric(rows) for plan_id, rows in self.by_plan.items()}
        self._by_mineral: dict[tuple[str, str], dict[str | None, list[Stated]]] = {}
        # NOTE: several kinds ask for the same ancestor and rows that differ only in what cannot change the
        # answer (their plan, value, unit, zone): the answers are kept here by (ancestor, the row's match key).
        self._ancestor_rows: dict[tuple[str, MatchKey], tuple[Stated, ...]] = {}
        self._bound_by: dict[tuple[tuple[str, ...], MatchKey], tuple[tuple[int, Stated], ...]] = {}
        # (plan, metric) -> the plan's plan-wide caps by kind: every parent cap asks about every child's
        self._caps: dict[tuple[str, str], dict[CapKind, list[Stated]]] = {}

    def of(self, plan_id: str, metric: str | None = None) -> Sequence[Stated]:
        """A plan's rows (plan-wide and zone limits), or only those of one metric."""
        if metric is None:
            return self.by_plan.get(plan_id, [])
        return self._by_metric.get(plan_id, {}).get(metric, ())

    def get(self, plan_id: str, metric: str, mineral: str | None) -> Sequence[Stated]:
        """A plan's rows of one metric and (canonical) mineral."""
        key = (plan_id, metric)
        found = self._by_mineral.get(key)
        if found is None:
            found = self._by_mineral[key] = _by_mineral(self.of(plan_id, metric))
        return found.get(mineral, ())

    def minerals_of(self, plan_id: str) -> frozenset[str]:
        """Every mineral a plan's rows name, and every broader one (the union of their lineages)."""
        found = self._minerals.get(plan_id)
        if found is None:
            rows = self.by_plan.get(plan_id, ())
            found = self._minerals[plan_id] = frozenset().union(*(row.lineage for row in rows))
        return found

    def lineage_of(self, mineral: str) -> frozenset[str]:
        """The mineral and every broader one, memoised."""
        lineage = self._lineages.get(mineral)
        if lineage is None:
            lineage = self._lineages[mineral] = self.vocabulary.lineage(mineral)
        return lineage

    def ancestor_rows(self, ancestor: str, row: Stated) -> tuple[Stated, ...]:
        """The ancestor's rows that bind the plan's `row` (first relation of the module docstring)."""
        key = (ancestor, row.match_key)
        found = self._ancestor_rows.get(key)
        if found is None:
            plan = self.plans[row.plan]
            candidates = [
                c
                for c in self._same_or_broader(ancestor, row)
                if c.zone is None and scopes_overlap(c.scope, row.scope) and region_applies(c, plan, row)
            ]
            found = self._ancestor_rows[key] = tuple(self.most_specific(candidates))
        return found

    def bound_by(self, ancestors: tuple[str, ...], row: Stated) -> tuple[tuple[int, Stated], ...]:
        """Every row of `ancestors` (nearest first) that binds `row`, as (the ancestor's distance, the row):
        `ancestor_rows` of each ancestor in turn, kept per (ancestors, match key) as sibling plans share both."""
        key = (ancestors, row.match_key)
        found = self._bound_by.get(key)
        if found is None:
            found = self._bound_by[key] = tuple(
                (distance, candidate)
                for distance, ancestor in enumerate(ancestors)
                for candidate in self.ancestor_rows(ancestor, row)
            )
        return found

    def plan_rows_over_zone(self, limit: Stated) -> list[Stated]:
        """The plan's plan-wide rows that bound its zone limit `limit` (second relation)."""
        found = [
            row
            for row in self._same_or_broader(limit.plan, limit)
            if row.zone is None
            and row.scope.zone is None
            and scopes_overlap(row.scope, limit.scope)
            and _zone_region_fits(row, limit)
            and (
                row.indicator.year is None
                or limit.indicator.year is None
                or row.indicator.year == limit.indicator.year
            )
            and row.incomparable_with(limit) is None
        ]
        return self.most_specific(found)

    def child_rows_under_cap(
        self, parent: Stated, child: str, subsets_meaning_all: Iterable[str] = ()
    ) -> list[Stated]:
        """The child's caps that count under the parent's cap `parent` (third relation)."""
        ((_, rows),) = self.children_rows_under_cap(parent, (child,), subsets_meaning_all)
        return rows

    def children_rows_under_cap(
        self, parent: Stated, children: Iterable[str], subsets_meaning_all: Iterable[str] = ()
    ) -> list[tuple[str, list[Stated]]]:
        """Each child with its caps that count under the parent's cap `parent`, in turn: what depends on the
        parent alone is worked out once, as every parent cap is asked of each of its (many) children."""
        meaning_all = frozenset(subsets_meaning_all)
        key = (parent.scope.mine, parent.scope.deposit, parent.mineral)
        found = []
        for child in children:
            caps = self._caps_by_kind(child, parent.metric).get(key, ())
            found.append((child, [r for r in caps if _fits_under(parent, r, meaning_all)]))
        return found

    def _caps_by_kind(self, plan_id: str, metric: str) -> dict[CapKind, list[Stated]]:
        """A plan's plan-wide caps of `metric`, in order, by (mine kind, deposit scale, a mineral of their
        lineage or None for all): a parent cap's mine kind and deposit scale must equal theirs, and its
        mineral (if any) be in their lineage."""
        key = (plan_id, metric)
        found = self._caps.get(key)
        if found is None:
            found = self._caps[key] = defaultdict(list)
            for row in self.of(plan_id, metric):
                if is_plan_wide_cap(row):
                    for mineral in (None, *row.lineage):
                        found[(row.scope.mine, row.scope.deposit, mineral)].append(row)
        return found

    def most_specific(self, found: list[Stated]) -> list[Stated]:
        """Drop the rows whose mineral is broader than another row's mineral among `found` (lex specialis)."""
        named = {c.mineral for c in found if c.mineral}
        if len(named) < 2:  # the usual case: one mineral supersedes none
            return list(found)
        superseded = {wider for m in named for wider in (self.lineage_of(m) - {m})}
        return [c for c in found if c.mineral not in superseded]

    def _same_or_broader(self, plan_id: str, row: Stated) -> list[Stated]:
        minerals: tuple[str | None, ...] = _search_order(row.lineage) if row.mineral else (None,)
        return [c for mineral in minerals for c in self.get(plan_id, row.metric, mineral)]


def scopes_overlap(a: Scope, b: Scope) -> bool:
    """Whether two scopes can describe the same mines (an absent field means all)."""
    return (
        (a.mine is None or b.mine is None or a.mine == b.mine)
        and (a.deposit is None or b.deposit is None or a.deposit == b.deposit)
        and (a.subset is None or b.subset is None or a.subset == b.subset)
    )


def region_applies(ancestor_row: Stated, plan: Plan, row: Stated | None = None) -> bool:
    """A region-specific ancestor row applies only to plans (or rows) in that region."""
    region = ancestor_row.scope.region
    if region is None:
        return True
    if row is not None and row.scope.region is not None:
        return row.scope.region == region
    return region in plan.regions


def is_plan_wide_cap(stated: Stated) -> bool:
    """An upper bound that holds over the whole plan (not in a zone, not scoped to one)."""
    return stated.zone is None and stated.scope.zone is None and stated.indicator.op in CAP_OPS


def _zone_region_fits(row: Stated, limit: Stated) -> bool:
    if row.scope.region is None:
        return True
    zone_region = limit.scope.region or (limit.zone.region if limit.zone else None)
    return zone_region == row.scope.region


def _fits_under(parent: Stated, row: Stated, subsets_meaning_all: frozenset[str]) -> bool:
    a, b = parent.scope, row.scope
    subset_ok = a.subset == b.subset or (b.subset is None and a.subset in subsets_meaning_all)
    region_ok = b.region is None or b.region == a.region
    mineral_ok = parent.mineral is None or (row.mineral is not None and parent.mineral in row.lineage)
    return a.mine == b.mine and a.deposit == b.deposit and subset_ok and region_ok and mineral_ok


def _by_metric(rows: Iterable[Stated]) -> dict[str, list[Stated]]:
    """The rows by metric, each group in order."""
    groups: dict[str, list[Stated]] = {}
    for row in rows:
        group = groups.get(row.metric)
        if group is None:
            groups[row.metric] = [row]
        else:
            group.append(row)
    return groups


def _by_mineral(rows: Iterable[Stated]) -> dict[str | None, list[Stated]]:
    """The rows by mineral, each group in order."""
    groups: dict[str | None, list[Stated]] = defaultdict(list)
    for row in rows:
        groups[row.mineral].append(row)
    return groups


@cache
def _search_order(lineage: frozenset[str]) -> tuple[str, ...]:
    """A lineage in a stable order (sorted once per distinct lineage, not once per comparison)."""
    return tuple(sorted(lineage))
