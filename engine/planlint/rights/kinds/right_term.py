"""right_term: the licence term within the national maximum for the mine's production scale class.

《矿产资源开采登记管理办法》第七条: 采矿许可证有效期按照矿山建设规模确定：大型以上的最长30年，中型的最长20年，小型的
最长10年. The mine's class comes from its capacity through the classification table in the params
(国土资发〔2004〕208号 矿山生产建设规模分类), matched by mineral through the vocabulary and compared only in
comparable units. `outcome: broken`: the term exceeds the longest the class allows. `outcome: undecided`:
the class cannot be told (no table row for the mineral, units not comparable, or rows disagreeing) and the
term exceeds what the smallest class allows. With passes asked for, a term within the longest its class
allows (the class told) is a held check of the `broken` rule.

Params:
    max_years: {large: 30, medium: 20, small: 10}
    classes: [{mineral, unit, large, medium, source}]: a capacity ≥ large is large, ≥ medium is medium
    outcome: broken | undecided

Example (FAIL): 建筑石料用灰岩 40 万吨/年 (small: < 50 under 石灰岩) with a term of 15 years.
Example (PASS): 295 万吨/年 (large) for 30 years (涪陵 FLGC202203).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.findings import Bound
from planlint.prepared import EPSILON, metric_unit
from planlint.rights.evaluate import RightHeld, RightHit, RightsContext
from planlint.rights.kinds._common import reviewed
from planlint.rights.prepare import PreparedRight
from planlint.rules import Rule
from planlint.units import incompatibility

KIND = "right_term"
ScaleClass = Literal["large", "medium", "small"]
CLASS_WORDS = {
    "large": {"zh": "大型", "en": "large"},
    "medium": {"zh": "中型", "en": "medium"},
    "small": {"zh": "小型", "en": "small"},
}
# no row of the class table fits the right (its mineral is not in the table, or the units do not compare)
NO_CLASS_WORDS = {"zh": "分类表中无适用的行", "en": "no row of the class table applies"}


class ClassRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mineral: str
    unit: str
    large: float
    medium: float
    source: str


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_years: dict[ScaleClass, float]
    classes: tuple[ClassRow, ...]
    outcome: Literal["broken", "undecided"] = "broken"


def scale_classes(rows: Sequence[tuple[ClassRow, float]], capacity: float) -> set[ScaleClass]:
    """The production scale classes the table rows give a capacity (in base units; empty: cannot tell)."""
    found: set[ScaleClass] = set()
    for row, factor in rows:
        value = capacity / factor
        found.add("large" if value >= row.large else "medium" if value >= row.medium else "small")
    return found


def _class_rows(context: RightsContext, right: PreparedRight, params: Params) -> list[tuple[ClassRow, float]]:
    """The table rows for the right's mineral (through the vocabulary) in units comparable with its capacity."""
    vocabulary = context.project.vocabulary
    rows = []
    for row in params.classes:
        if vocabulary.canonical(row.mineral) not in right.lineage:
            continue
        unit = metric_unit(row.unit, True)
        if incompatibility(unit, "none", right.capacity_unit, right.capacity_basis) is None:
            rows.append((row, unit.factor))
    return rows


def check(context: RightsContext, rule: Rule) -> Iterator[RightHit]:
    params = rule.params
    assert isinstance(params, Params)
    rows_for: dict[tuple[str, str, str], list[tuple[ClassRow, float]]] = {}
    for right in reviewed(context):
        term = right.right.term_years
        if term is None:
            continue
        key = (right.mineral, right.capacity_unit.text, right.capacity_basis)
        if key not in rows_for:
            rows_for[key] = _class_rows(context, right, params)
        classes = scale_classes(rows_for[key], right.capacity)
        allowed = {c: params.max_years[c] for c in classes}
        longest = max(allowed.values()) if allowed else None
        shortest = min(allowed.values() if allowed else params.max_years.values())
        broken = longest is not None and term > longest * (1 + EPSILON)
        undecided = not broken and term > shortest * (1 + EPSILON) and len(set(allowed.values())) != 1
        if params.outcome == "broken" and broken and longest is not None:
            yield _hit(right, params, classes, longest)
        elif params.outcome == "broken" and context.passes and longest is not None and not broken:
            yield _held(right, classes, longest)
        elif params.outcome == "undecided" and undecided:
            yield _hit(right, params, classes, shortest)


def _held(right: PreparedRight, classes: set[ScaleClass], limit: float) -> RightHeld:
    """The term within the longest its class allows (the class told from the capacity)."""
    return RightHeld(
        right=right,
        plan=right.plans[0],
        subject="term|held|" + ",".join(sorted(classes)),
        metric="term_years",
        expected=Bound("<=", limit, "年"),
        actual=Bound("==", right.right.term_years, "年"),
    )


def _hit(right: PreparedRight, params: Params, classes: set[ScaleClass], limit: float) -> RightHit:
    term = right.right.term_years or 0.0
    names = sorted(classes, key=("large", "medium", "small").index)
    words = {
        lang: ("、" if lang == "zh" else ", ").join(CLASS_WORDS[c][lang] for c in names)
        or NO_CLASS_WORDS[lang]
        for lang in ("zh", "en")
    }
    return RightHit(
        right=right,
        plan=right.plans[0],
        subject=f"term|{params.outcome}",
        metric="term_years",
        expected=Bound("<=", limit, "年"),
        actual=Bound("==", term, "年"),
        values={"term": f"{term:g}", "limit": f"{limit:g}", "class": words},
    )
