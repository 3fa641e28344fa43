"""Which plan rows apply to a right, and what the record lacks to tell.

A plan row applies to a right when its metric is the one asked, its mineral is the right's or a broader
one (through the vocabulary), it is plan-wide or a limit of the zone the right names, and every field of its
scope fits the right: mine kind (新设 → new; 整合扩能, 增划资源 → expansion), deposit scale, region, and the
subsets a right can answer (露天/地下开采, 集中开采区). A field the record leaves open makes the row one that
*may* apply: `Candidate.missing` names what would settle it. Within one plan the most specific mineral wins
(`planlint.match.Index.most_specific`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from planlint.match import Index
from planlint.prepared import Stated
from planlint.rights.prepare import PreparedRight

# The oil and gas minerals a plan's 非油气 (non-oil-and-gas) rows leave out.
OIL_AND_GAS = frozenset({"石油", "天然气", "页岩气", "页岩油", "煤层气"})

# What a record may lack, with the words reports use.
MISSING_TEXT: dict[str, dict[str, str]] = {
    "kind": {"zh": "新设/整合扩能/增划资源类别", "en": "whether it is new or an expansion"},
    "deposit": {"zh": "矿床规模（大型/中型/小型）", "en": "the deposit's reserve scale (large/medium/small)"},
    "region": {"zh": "所在区域", "en": "the region"},
    "method": {"zh": "开采方式（露天/地下）", "en": "the mining method (open pit/underground)"},
    "zone": {"zh": "所在集中开采区或规划区块", "en": "the zone or planned block"},
    "subset": {"zh": "是否属于该行所指的矿山范围", "en": "whether it belongs to the row's subset of mines"},
    "unit": {"zh": "可换算的单位（体重）", "en": "a unit comparable with the row's (a density)"},
    "life": {"zh": "出让年限或可采储量", "en": "the term or the recoverable reserves"},
}


@dataclass(frozen=True)
class Candidate:
    """A plan row that applies to a right (`missing` empty) or may apply (what the record lacks)."""

    stated: Stated
    missing: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        return not self.missing


def candidates(index: Index, plan_id: str, right: PreparedRight, metric: str) -> list[Candidate]:
    """The plan's rows of `metric` that apply or may apply to the right, the most specific mineral first.

    The answer depends only on `right.match_key`; `RightsContext.candidates` keeps it per combination.
    """
    rows = [row for mineral in sorted(right.lineage) for row in index.get(plan_id, metric, mineral)]
    found = []
    for row in rows:
        if row.zone is not None and row.zone.name != right.right.zone:
            continue
        fit = scope_fit(row, right)
        if fit is not None:
            found.append(Candidate(row, fit))
    kept = {id(s) for s in index.most_specific([c.stated for c in found])}
    return [c for c in found if id(c.stated) in kept]


def scope_fit(row: Stated, right: PreparedRight) -> tuple[str, ...] | None:
    """None when the row's scope excludes the right; else what the record lacks to be sure it applies."""
    missing: list[str] = []
    for field, fit in (
        ("kind", _mine_fit(row.scope.mine, right.mine)),
        ("deposit", _equal_fit(row.scope.deposit, right.right.deposit)),
        ("region", _region_fit(row.scope.region, right)),
        *_subset_fit(row.scope.subset, right),
    ):
        if fit is False:
            return None
        if fit is None:
            missing.append(field)
    return tuple(missing)


def _mine_fit(row_mine: str | None, right_mine: str | None) -> bool | None:
    if row_mine is None:
        return True
    if right_mine is None:
        return None
    # an expansion is of an existing mine: rows for existing mines bind it too
    return row_mine == right_mine or (row_mine == "existing" and right_mine == "expansion")


def _equal_fit(row_value: str | None, right_value: str | None) -> bool | None:
    if row_value is None:
        return True
    return None if right_value is None else row_value == right_value


def _region_fit(region: str | None, right: PreparedRight) -> bool | None:
    if region is None:
        return True
    regions = right.location.regions
    return None if not regions else region in regions


def _subset_fit(subset: str | None, right: PreparedRight) -> list[tuple[str, bool | None]]:
    if subset is None:
        return []
    method = right.right.method
    if subset == "非油气":
        return [("subset", not right.lineage & OIL_AND_GAS)]
    if "露天" in subset:
        return [("method", None if method is None else method == "open_pit")]
    if "地下" in subset or "井工" in subset:
        return [("method", None if method is None else method == "underground")]
    if "集中开采区" in subset:
        zone = right.right.zone
        inside = None if zone is None else "集中开采区" in zone
        outside = "集中开采区外" in subset
        return [("zone", None if inside is None else inside != outside)]
    return [("subset", None)]


# The values a record's missing fact can take, where the vocabulary of scopes knows them all: a reviewed right is
# new or an expansion; a deposit is large, medium or small; a mine is open pit or underground; a right lies inside
# a 集中开采区 or outside. A region or another subset may be one no row names: `None` stands for it.
_KNOWN_VALUES: dict[str, tuple[object, ...]] = {
    "kind": ("new", "expansion"),
    "deposit": ("large", "medium", "small"),
    "method": ("open_pit", "underground"),
    "zone": (True, False),
}


def one_always_applies(found: list[Candidate]) -> bool:
    """Whether, whatever the record's missing facts turn out to be, at least one of these rows applies."""
    fields = sorted({f for c in found for f in c.missing})
    values = [_possible_values(field, found) for field in fields]
    for world in itertools.product(*values):
        facts = dict(zip(fields, world, strict=True))
        if not any(all(_row_fits(c.stated, f, facts[f]) for f in c.missing) for c in found):
            return False
    return True


def _possible_values(field: str, found: list[Candidate]) -> tuple[object, ...]:
    if field in _KNOWN_VALUES:
        return _KNOWN_VALUES[field]
    if field == "region":
        return (*sorted({c.stated.scope.region for c in found if c.stated.scope.region}), None)
    return (None,)  # an unnamed subset: no row can be relied on to apply


def _row_fits(row: Stated, field: str, value: object) -> bool:
    """Whether the row applies to a right whose missing `field` is `value`."""
    scope = row.scope
    subset = scope.subset or ""
    if field == "kind":
        return _mine_fit(scope.mine, value) is True  # type: ignore[arg-type]
    if field == "deposit":
        return scope.deposit == value
    if field == "region":
        return value is not None and scope.region == value
    if field == "method":
        return value == ("open_pit" if "露天" in subset else "underground")
    if field == "zone":
        return value != ("集中开采区外" in subset)
    return False
