"""How many plans, where: the national plan, provinces (some municipalities), cities and counties.

A `Shape` gives totals; `layout` spreads them over the hierarchy with seeded, uneven weights (as real
provinces and cities differ in size) and names every jurisdiction. Municipalities (直辖市) have no cities:
their districts are counties directly under them, as Chongqing's are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from planlint.synth.catalog import PLACE_CHARS, REGION_WORDS

NATION = (31, 4, 333, 2840)  # provinces, of which municipalities, cities, counties (districts included)
MUNICIPAL_WEIGHT = 3.0  # a municipality has about as many districts as three cities have counties


@dataclass(frozen=True)
class Shape:
    provinces: int = NATION[0]
    municipalities: int = NATION[1]
    cities: int = NATION[2]
    counties: int = NATION[3]

    @classmethod
    def scaled(cls, scale: float) -> Shape:
        """The nation at a fraction (or multiple) of its size: every level scaled alike."""
        provinces, municipalities, cities, counties = (round(n * scale) for n in NATION)
        return cls(max(1, provinces), min(municipalities, max(1, provinces)), cities, counties)

    @classmethod
    def per(
        cls, provinces: int, cities_per_province: float, counties_per_city: float, municipalities: int
    ) -> Shape:
        """From averages: cities per (non-municipal) province, counties per city."""
        municipalities = min(municipalities, provinces)
        cities = round((provinces - municipalities) * cities_per_province)
        counties = round(cities * counties_per_city + municipalities * counties_per_city * MUNICIPAL_WEIGHT)
        return cls(provinces, municipalities, cities, counties)

    @property
    def plans(self) -> int:
        return 1 + self.provinces + self.cities + self.counties


@dataclass
class Node:
    """One jurisdiction and its plan's place in the hierarchy."""

    id: str
    level: str
    name: str  # the jurisdiction as printed: 安平省, 清河市, 柳林县
    parent: str | None
    children: list[str] = field(default_factory=list)
    regions: tuple[str, ...] = ()  # regions the plan lies in
    defines_regions: tuple[str, ...] = ()


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder); every share is at least 1 if it can be."""
    if not weights:
        return []
    floor = 1 if total >= len(weights) else 0
    rest = total - floor * len(weights)
    scale = rest / sum(weights)
    raw = [w * scale for w in weights]
    shares = [int(r) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - shares[i]), i))
    for i in order[: rest - sum(shares)]:
        shares[i] += 1
    return [s + floor for s in shares]


class Namer:
    """Unique two- or three-character place names from PLACE_CHARS."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def stem(self) -> str:
        for length in (2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4):
            name = "".join(self.rng.sample(PLACE_CHARS, length))
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of place names")  # pragma: no cover - 62 characters, 4 letters


def layout(shape: Shape, rng: random.Random) -> dict[str, Node]:
    """Every node, parents before children (insertion order), with names and regions."""
    namer = Namer(rng)
    nodes: dict[str, Node] = {"nation": Node("nation", "national", "全国", None)}
    municipal = set(rng.sample(range(shape.provinces), shape.municipalities))
    ordinary = [i for i in range(shape.provinces) if i not in municipal]
    cities = allocate(shape.cities, [rng.uniform(0.6, 1.4) for _ in ordinary])
    city_count = dict(zip(ordinary, cities, strict=True))
    units: list[tuple[int, int | None]] = []  # (province index, city index or None for a municipality)
    for p in range(shape.provinces):
        units.extend([(p, None)] if p in municipal else [(p, c) for c in range(city_count[p])])
    weights = [rng.uniform(0.5, 1.5) * (MUNICIPAL_WEIGHT if c is None else 1.0) for _, c in units]
    counties = dict(zip(units, allocate(shape.counties, weights), strict=True))
    for p in range(shape.provinces):
        _province(nodes, namer, rng, p, p in municipal, city_count.get(p, 0), counties)
    return nodes


def _add(nodes: dict[str, Node], node: Node) -> Node:
    nodes[node.id] = node
    if node.parent is not None:
        nodes[node.parent].children.append(node.id)
    return node


def _province(
    nodes: dict[str, Node],
    namer: Namer,
    rng: random.Random,
    index: int,
    municipal: bool,
    cities: int,
    counties: dict[tuple[int, int | None], int],
) -> None:
    stem = namer.stem()
    province = _add(
        nodes, Node(f"p{index + 1:02d}", "province", stem + ("市" if municipal else "省"), "nation")
    )
    units = counties[(index, None)] if municipal else cities
    if units >= 2 and rng.random() < 0.35:
        words = rng.sample(REGION_WORDS, rng.choice((2, 3)))
        province.defines_regions = tuple(f"{stem}{w}片区" for w in words)
    if municipal:
        for d in range(counties[(index, None)]):
            region = _region(province, rng)
            name = namer.stem() + "区"
            _add(nodes, Node(f"{province.id}-d{d + 1:02d}", "county", name, province.id, regions=region))
        return
    for c in range(cities):
        region = _region(province, rng)
        city = _add(
            nodes,
            Node(f"{province.id}-c{c + 1:02d}", "city", namer.stem() + "市", province.id, regions=region),
        )
        for k in range(counties[(index, c)]):
            name = namer.stem() + ("区" if rng.random() < 0.3 else "县")
            _add(nodes, Node(f"{city.id}-k{k + 1:02d}", "county", name, city.id, regions=region))


def _region(province: Node, rng: random.Random) -> tuple[str, ...]:
    return (rng.choice(province.defines_regions),) if province.defines_regions else ()
