"""The synthetic nation in memory: plan drafts with rows, zones, lists, counts and baseline facts.

Values are kept in canonical family units (`catalog.Unit.factor` gives the printed value); a draft is
turned into YAML only by `emit`. Restatements of one indicator (the 专栏 row and the text repeating it)
share a `key`, so a planter changes them together.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from planlint.synth.catalog import Unit
from planlint.synth.shape import Node
from planlint.vocabulary import Vocabulary

_KEYS = itertools.count(1)


def new_key() -> int:
    return next(_KEYS)


@dataclass
class Row:
    """One indicator statement."""

    metric: str
    mineral: str | None  # canonical name
    printed: str | None  # the name as printed
    op: str
    value: float  # canonical units
    unit: Unit
    attribute: str
    label: str
    table: str
    scope: dict[str, str] = field(default_factory=dict)
    year: int | None = 2025
    note: str | None = None
    key: int = field(default_factory=new_key)

    @property
    def low(self) -> float | None:
        return self.value if self.op in (">=", ">", "==") else None

    @property
    def high(self) -> float | None:
        return self.value if self.op in ("<=", "<", "==") else None


@dataclass
class ZoneDraft:
    kind: str
    name: str
    minerals: list[str]  # printed names
    located_in: list[str] = field(default_factory=list)
    limits: list[Row] = field(default_factory=list)
    note: str | None = None
    carried_from: str | None = None  # the plan that set it, when carried


@dataclass
class CountDraft:
    key: str
    total: float
    parts: dict[str, float]
    exhaustive: bool = False
    unit: str = "个"
    note: str | None = None


@dataclass
class BaselineDraft:
    key: str
    values: dict[str, float]
    units: dict[str, str] = field(default_factory=dict)
    note: str | None = None


@dataclass
class PlanDraft:
    node: Node
    rows: list[Row] = field(default_factory=list)
    zones: list[ZoneDraft] = field(default_factory=list)
    encouraged: list[str] = field(default_factory=list)  # printed names
    restricted: list[str] = field(default_factory=list)
    prohibited: list[str] = field(default_factory=list)
    counts: list[CountDraft] = field(default_factory=list)
    baseline: list[BaselineDraft] = field(default_factory=list)
    period: dict[str, int] = field(
        default_factory=lambda: {"base": 2020, "start": 2021, "end": 2025, "outlook": 2035}
    )
    stage: str = "issued"
    completeness: str = "full"
    date: str = "2023-01-01"
    issuer: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def level(self) -> str:
        return self.node.level

    def plan_rows(self, metric: str | None = None) -> list[Row]:
        return [r for r in self.rows if metric is None or r.metric == metric]

    def statements(self, row: Row) -> list[Row]:
        """The row and its restatements."""
        return [r for r in self.rows if r.key == row.key]

    def zone_rows(self) -> list[tuple[ZoneDraft, Row]]:
        return [(z, r) for z in self.zones for r in z.limits]


@dataclass
class Nation:
    nodes: dict[str, Node]
    vocabulary: Vocabulary
    drafts: dict[str, PlanDraft] = field(default_factory=dict)
    seed: int = 0

    def parent(self, plan_id: str) -> PlanDraft | None:
        parent = self.nodes[plan_id].parent
        return self.drafts[parent] if parent is not None else None

    def ancestors(self, plan_id: str) -> list[PlanDraft]:
        """Nearest first."""
        found, parent = [], self.nodes[plan_id].parent
        while parent is not None:
            found.append(self.drafts[parent])
            parent = self.nodes[parent].parent
        return found

    def children(self, plan_id: str) -> list[PlanDraft]:
        return [self.drafts[c] for c in self.nodes[plan_id].children]

    _lineages: dict[str, frozenset[str]] = field(default_factory=dict)
    _canonical: dict[str, str] = field(default_factory=dict)
    _related: dict[tuple[str, str], bool] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        known = self._canonical.get(name)
        if known is None:
            known = self._canonical[name] = self.vocabulary.canonical(name)
        return known

    def lineage(self, mineral: str) -> frozenset[str]:
        known = self._lineages.get(mineral)
        if known is None:
            known = self._lineages[mineral] = self.vocabulary.lineage(mineral)
        return known

    def covers(self, broad: str, narrow: str) -> bool:
        """Whether a rule about `broad` applies to `narrow` (as `Vocabulary.covers`, cached)."""
        return self.canonical(broad) in self.lineage(narrow)

    def related(self, a: str, b: str) -> bool:
        """Whether two minerals may name the same mines (one covers the other, or both cover a third)."""
        key = (a, b)
        if key not in self._related:
            self._related[key] = any({a, b} <= self.lineage(n) for n in self.vocabulary.minerals)
        return self._related[key]


def scopes_overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    return all(a.get(k) is None or b.get(k) is None or a[k] == b[k] for k in ("mine", "deposit", "subset"))


def region_applies(row: Row, regions: tuple[str, ...]) -> bool:
    region = row.scope.get("region")
    return region is None or region in regions


def nice(value: float, up: bool, digits: int = 3) -> float:
    """`value` rounded to `digits` significant digits, up or down (never crossing it the wrong way)."""
    if value <= 0:
        return 0.0
    d = Decimal(repr(value))
    quantum = Decimal(1).scaleb(d.adjusted() - digits + 1)
    rounded = d.quantize(quantum, rounding=ROUND_CEILING if up else ROUND_FLOOR)
    return float(rounded)


def printed_number(value: float) -> float | int:
    """A number as a plan prints it: whole numbers without a decimal point."""
    rounded = round(value, 9)
    return int(rounded) if float(rounded).is_integer() else float(f"{rounded:.12g}")
