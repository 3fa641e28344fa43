"""right_scale: a right's capacity (or service life) against every plan row that bounds it.

For each plan above the right, the rows of `metric` that apply (`planlint.rights.match.candidates`) are
compared with the right's capacity (`quantity: capacity`) or service life (`quantity: life`). A floor is
broken when the right is lower, a cap when it is higher. `outcome: broken` reports rows that surely apply
and are broken, naming the strictest; `outcome: undecided` reports, where no row is surely broken, the rows
that would be broken if the record said what it lacks (kind, deposit scale, region, method, zone, a
comparable unit, the term) — never a silent pass. A right that breaks every comparable row that may apply,
one of which applies whatever the record lacks (`planlint.rights.match.one_always_applies`), is decided:
`outcome: broken` reports it, naming the least strict row, and `outcome: undecided` stays silent. With
passes asked for, each row that is met is a held check: for `outcome: broken` the rows that surely apply,
for `outcome: undecided` those that may apply.

Params:
    metric: min_scale | max_scale | min_service_years
    direction: floor | cap
    quantity: capacity | life
    outcome: broken | undecided

Example (FAIL, broken): 001 专栏10 建筑石料用灰岩 主城都市区 新设 ≥ 100; a new right of 永川区 at 80 万吨/年.
Example (FAIL, undecided): the same right at 60 万吨/年 with kind unknown (新设 ≥ 100, 整合扩能 ≥ 50).
Example (FAIL, broken): 涪陵区 建筑石料用灰岩 at 10 万吨/年, kind and deposit unknown: below 大型 ≥ 100, 中型 ≥ 50, 小型 ≥ 20.
Example (PASS): 276 万吨/年, kind unknown: every row that could apply is met.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlint.errors import UnitError
from planlint.findings import Bound
from planlint.hits import bound, row_detail
from planlint.i18n import scope_suffix, scope_text
from planlint.messages import format_value
from planlint.prepared import Stated, side
from planlint.rights.evaluate import RightHeld, RightHit, RightsContext
from planlint.rights.kinds._common import beyond, missing_words, reviewed, rows_words, scope_words
from planlint.rights.match import Candidate, one_always_applies
from planlint.rights.prepare import SECONDS_PER_YEAR, PreparedRight
from planlint.rules import Rule
from planlint.units import convert, incompatibility

KIND = "right_scale"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    direction: Literal["floor", "cap"]
    quantity: Literal["capacity", "life"] = "capacity"
    outcome: Literal["broken", "undecided"] = "broken"


def check(context: RightsContext, rule: Rule) -> Iterator[RightHit]:
    params = rule.params
    assert isinstance(params, Params)
    for right in reviewed(context):
        for plan_id in right.plans:
            yield from _judge(context, right, plan_id, params)


def _judge(context: RightsContext, right: PreparedRight, plan_id: str, params: Params) -> Iterator[RightHit]:
    sure: list[Stated] = []
    unsure: list[tuple[Stated, tuple[str, ...]]] = []
    below_all = _BelowAll()
    for candidate in context.candidates(plan_id, right, params.metric):
        verdict = _verdict(context, right, candidate, params)
        if verdict is None:
            continue
        broken, missing = verdict
        below_all.add(candidate, broken, missing)
        if broken and not missing:
            sure.append(candidate.stated)
        elif broken:
            unsure.append((candidate.stated, missing))
        elif context.passes and (params.outcome == "undecided") == bool(missing):
            # met: a row that surely applies holds for the broken rule, one that may apply for the undecided one
            yield _held(right, plan_id, params, candidate.stated)
    hit = _hit_of(right, plan_id, params, sure, unsure, below_all.decided())
    if hit is not None:
        yield hit


class _BelowAll:
    """Whether a right breaks every row that may apply, one of which applies whatever the record lacks: then the
    breach is decided although no single row surely applies (a capacity of 10 under 大型 ≥ 100, 中型 ≥ 50 and
    小型 ≥ 20 with the deposit scale not given)."""

    def __init__(self) -> None:
        self.broken: list[Candidate] = []
        self.met = False

    def add(self, candidate: Candidate, broken: bool, missing: tuple[str, ...]) -> None:
        if not broken:
            self.met = True
        elif not set(missing) & _INCOMPARABLE:
            self.broken.append(candidate)

    def decided(self) -> list[Candidate]:
        """The rows broken, if the breach is decided; else none."""
        if self.met or not self.broken or not one_always_applies(self.broken):
            return []
        return self.broken


# What a record lacks to compare at all (not to tell whether a row applies).
_INCOMPARABLE = frozenset({"unit", "life"})


def _held(right: PreparedRight, plan_id: str, params: Params, row: Stated) -> RightHeld:
    return RightHeld(
        right=right,
        plan=plan_id,
        rows=(row,),
        attribute=row.attribute,
        metric=params.metric,
        subject="|".join((params.metric, params.outcome, *row_detail(row.indicator))),
        expected=bound(row.indicator),
        actual=_actual(right, params),
    )


def _hit_of(
    right: PreparedRight,
    plan_id: str,
    params: Params,
    sure: list[Stated],
    unsure: list[tuple[Stated, tuple[str, ...]]],
    below_all: list[Candidate],
) -> RightHit | None:
    if params.outcome == "broken" and sure:
        ordered = sorted(sure, key=lambda s: _strictness(s, params.direction))
        return _hit(right, plan_id, params, ordered, _broken_words(plan_id, params, ordered[0]))
    if params.outcome == "broken" and below_all:
        # the least strict row first: the one the right would have to meet at the very least
        rows = (c.stated for c in below_all)
        ordered = sorted(rows, key=lambda s: _strictness(s, params.direction), reverse=True)
        missing = missing_words(m for c in below_all for m in c.missing)
        return _hit(right, plan_id, params, ordered, _broken_words(plan_id, params, ordered[0], missing))
    if params.outcome == "undecided" and unsure and not sure and not below_all:
        ordered = sorted((s for s, _ in unsure), key=lambda s: _strictness(s, params.direction))
        missing = missing_words(m for _, fields in unsure for m in fields)
        return _hit(right, plan_id, params, ordered, {"missing": missing, "rows": rows_words(ordered)})
    return None


def _broken_words(
    plan_id: str, params: Params, row: Stated, missing: dict[str, str] | None = None
) -> dict[str, object]:
    """The message's bound and the remedy's target: the strictest row that applies, or (with what the record
    lacks) the least strict of the rows that may apply, all of which the right breaks."""
    every = missing is not None
    return {"bound": _bound_words(plan_id, params, row, every), "target": _target(row, missing)}


# How a broken rule names the bound: one row that applies, or every row that may apply (naming the least strict).
_BOUND_WORDS: dict[str, dict[bool, dict[str, str]]] = {
    "min_scale": {
        False: {
            "zh": "{plan} 规定的最低开采规模 {value}{scope}",
            "en": "{plan}'s minimum scale {value}{scope}",
        },
        True: {
            "zh": "{plan} 所有可能适用的最低开采规模（最低为{scope}{value}）",
            "en": "all of {plan}'s minimum scales that may apply (the lowest: {scope}{value})",
        },
    },
    "max_scale": {
        False: {
            "zh": "{plan} 规定的单矿山规模 {value}{scope}",
            "en": "{plan}'s maximum for one mine {value}{scope}",
        },
        True: {
            "zh": "{plan} 所有可能适用的单矿山规模上限（最高为{scope}{value}）",
            "en": "all of {plan}'s maximums for one mine that may apply (the highest: {scope}{value})",
        },
    },
    "min_service_years": {
        False: {"zh": "{plan} 规定的 {value}{scope}", "en": "{plan}'s {value}{scope}"},
        True: {
            "zh": "{plan} 所有可能适用的可开采年限下限（最低为{scope}{value}）",
            "en": "all of {plan}'s minimum service lives that may apply (the lowest: {scope}{value})",
        },
    },
}


def _bound_words(plan_id: str, params: Params, row: Stated, every: bool) -> dict[str, str]:
    words = {}
    for lang in ("zh", "en"):
        if every:
            scope = scope_text(row.scope, lang)
            scope = f"{scope} " if scope else ""
        else:
            scope = scope_suffix(row.scope, lang)
        template = _BOUND_WORDS[params.metric][every][lang]
        words[lang] = template.format(plan=plan_id, value=format_value(row.indicator), scope=scope)
    return words


def _target(row: Stated, missing: dict[str, str] | None = None) -> dict[str, str]:
    """What the remedy asks for: the row's bound; with `missing`, the least strict row that may apply, and that
    the record must say which applies (a stricter one may)."""
    words = {}
    for lang in ("zh", "en"):
        words[lang] = f"{format_value(row.indicator)}{scope_suffix(row.scope, lang)}"
        if missing is not None:
            words[lang] += _TARGET_UNSETTLED[lang].format(missing=missing[lang])
    return words


_TARGET_UNSETTLED = {
    "zh": "；须补充{missing}，按适用的一行核对，该行可能更严",
    "en": "; add {missing} to the record and check the row that applies, which may be stricter",
}


def _verdict(
    context: RightsContext, right: PreparedRight, candidate: Candidate, params: Params
) -> tuple[bool, tuple[str, ...]] | None:
    """(broken, what is missing to be sure): broken with nothing missing is a breach; None: not comparable."""
    row = candidate.stated
    limit = side(row, params.direction)
    if limit is None:
        return None
    missing = candidate.missing
    if params.quantity == "life":
        life = right.life_years
        if life is None:
            return True, (*missing, "life")
        years, exact = life
        broken = beyond(years * SECONDS_PER_YEAR, limit, params.direction)
        # an upper bound of the life that is already too short is a breach; one long enough settles nothing
        if not exact and not (broken and params.direction == "floor"):
            return True, (*missing, "life")
        return broken, missing
    value = _capacity_in(context, right, row)
    if value is None:
        return True, (*missing, "unit")
    return beyond(value, limit, params.direction), missing


def _capacity_in(context: RightsContext, right: PreparedRight, row: Stated) -> float | None:
    """The right's capacity in the row's base units (through the mineral's stated density if need be)."""
    if incompatibility(right.capacity_unit, right.capacity_basis, row.unit, row.basis) is None:
        return right.capacity
    for name in sorted(right.lineage):
        mineral = context.project.vocabulary.minerals.get(name)
        if mineral is None or mineral.density is None:
            continue
        try:
            value = convert(
                right.right.capacity.value,
                right.capacity_unit,
                right.capacity_basis,
                row.unit,
                row.basis,
                mineral.density,
            )
        except UnitError:
            continue
        return row.unit.to_base(value)
    return None


def _strictness(row: Stated, direction: str) -> tuple[float, str, int]:
    limit = side(row, direction) or 0.0
    return (-limit if direction == "floor" else limit, row.plan, row.cite.line or 0)


def _hit(
    right: PreparedRight, plan_id: str, params: Params, rows: list[Stated], extra: Mapping[str, object]
) -> RightHit:
    strictest = rows[0]
    actual = _actual(right, params)
    return RightHit(
        right=right,
        plan=plan_id,
        rows=tuple(rows),
        attribute=strictest.attribute,
        metric=params.metric,
        subject=f"{params.metric}|{params.outcome}",
        expected=bound(strictest.indicator),
        actual=actual,
        values={
            "actual": _actual_text(actual),
            "expected": format_value(strictest.indicator),
            "scope": scope_words(strictest),
            **extra,
        },
    )


def _actual(right: PreparedRight, params: Params) -> Bound:
    if params.quantity == "life":
        life = right.life_years
        return Bound("==", round(life[0], 2) if life else None, "年")
    return Bound("==", right.right.capacity.value, right.right.capacity.unit)


def _actual_text(actual: Bound) -> dict[str, str]:
    if actual.value is None:
        return {"zh": "未注明", "en": "not given"}
    return {lang: f"{actual.value:g} {actual.unit}" for lang in ("zh", "en")}
