"""aggregate_children: the direct children's caps together may not exceed their parent's cap.

For every loaded plan P with children (judged or partial) and each of P's plan-wide caps of `metric`
(op `<=` or `<`, no zone, no zone scope), each direct child C (in P's region, if the cap names one)
contributes what its own plan-wide caps allow for the same subject:
- C's rows qualify when their mineral is P's or a narrower one (`vocabulary.covers`; a cap with no mineral
  is the root, so every row of C qualifies under it), their mine kind, deposit scale and subset equal P's
  (rows for a narrower scope are not summed: they may overlap), their region is absent or P's, and their
  units are comparable with P's (same dimension and basis; values are summed as base-unit floats).
- C's contribution is its own cap for P's mineral (the smallest, if stated twice); if C has none, the sum
  of its caps for the broadest narrower minerals it caps (建筑石料用灰岩 + 水泥用灰岩 under 石灰岩); minerals
  that may share mines (one covers the other, or both cover a known mineral) count once, by the larger cap.
- A child with no qualifying row is silent and contributes nothing; so is one whose rows are only in
  incomparable units. The message names both groups.
- `subsets_meaning_all`: a P subset listed here (e.g. 非油气) also accepts a child row with no subset,
  since a county's mine count is of the mines it plans, and oil and gas rights are not planned by counties.
  Otherwise subsets must be equal (no subset matches no subset).

One finding per broken P cap, when the sum exceeds it (compared as ≤, with a relative tolerance of 1e-9):
`against` = P, `plan` = the judged contributing child with the largest contribution (ties: plan id), so a
reviewer sees it with the plan most likely to give way; the citations are P's row (ancestor), every
contributing row of every child (plan), and a `line: null` plan citation for each silent child.
Severity follows the attribute of P's cap. Caps stated only in zones hold only there and are not summed.
With passes asked for, a sum within P's cap is a held comparison for each judged child counted in it
(`actual`: the sum); a cap no child contributes to compared nothing and is no pass.

Params:
    metric: the metric summed (extraction_total, mine_count)
    subsets_meaning_all: P subsets that also accept children's rows with no subset (default none)

Example (FAIL): P `extraction_total 建筑石料用灰岩 <= 2000 矿石 万吨`; child A `<= 1500 矿石 万吨/年`,
child B `<= 8000000 吨/年`: 1500 + 800 = 2300 万吨 > 2000 → finding on A against P.
Example (PASS): child B states `<= 500 万吨/年` instead (sum 2000), or states no cap at all (silent).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from planlint.context import Context
from planlint.findings import Bound
from planlint.hits import Fragment, Held, Hit, Joined, Place, ScopeWords, Value, Words, bound
from planlint.match import is_plan_wide_cap, region_applies
from planlint.params import Metric
from planlint.prepared import EPSILON, Stated

KIND = "aggregate_children"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: Metric
    subsets_meaning_all: tuple[str, ...] = ()


class Share(NamedTuple):
    """What one child allows under a parent cap: the rows counted and their sum in base units (a named
    tuple: one is made per parent cap and child, and a frozen dataclass is several times slower to make)."""

    child: str
    rows: tuple[Stated, ...]
    total: float


@dataclass(frozen=True, kw_only=True)
class SumOverCap(Hit):
    """The children's caps together exceed their parent's cap."""

    PLACEHOLDERS = ("total", "expected", "scope", "count", "parts", "silent", "incomparable")

    parent: Stated
    printed_total: str
    shares: tuple[Share, ...]
    silent: tuple[str, ...]
    incomparable: tuple[str, ...]

    def values(self) -> Mapping[str, Fragment]:
        return {
            "total": f"{self.printed_total} {self.parent.indicator.unit}",
            "expected": Value(self.parent.indicator),
            "scope": ScopeWords(self.parent.scope),
            "count": str(len(self.shares)),
            "parts": Joined(tuple(_share_words(s) for s in self.shares), "parts"),
            "silent": _listing("aggregate.silent", self.silent),
            "incomparable": _listing("aggregate.incomparable", self.incomparable),
        }

    def subject_plan(self) -> str:
        return self.parent.plan


HITS = (SumOverCap,)


def _share_words(share: Share) -> Fragment:
    rows = tuple(_row_words(r) for r in share.rows)
    return Words.of("aggregate.share", child=share.child, rows=Joined(rows, "plus"))


def _row_words(row: Stated) -> Fragment:
    if not row.indicator.mineral:
        return Value(row.indicator)
    return Words.of("aggregate.row", mineral=row.indicator.mineral, value=Value(row.indicator))


def _listing(key: str, plans: tuple[str, ...]) -> Fragment:
    return Words.of(key, plans=Joined(plans, "list")) if plans else ""


def _overlap(context: Context, a: str | None, b: str | None) -> bool:
    """Whether two minerals may name the same mines: one covers the other or both cover a known one."""
    if a is None or b is None:
        return True
    vocabulary = context.vocabulary
    return any({a, b} <= vocabulary.lineage(n) for n in vocabulary.minerals)


def _share(context: Context, parent: Stated, rows: list[Stated]) -> tuple[Stated, ...]:
    own = [r for r in rows if r.mineral == parent.mineral]
    if own:
        return (min(own, key=lambda r: (r.high or 0.0, r.cite.line or 0)),)
    smallest: dict[str | None, Stated] = {}
    for row in sorted(rows, key=lambda r: (r.high or 0.0, r.cite.line or 0)):
        smallest.setdefault(row.mineral, row)
    broadest = sorted(
        (r for m, r in smallest.items() if not any(o != m and o in r.lineage for o in smallest)),
        key=lambda r: r.mineral or "",
    )
    # NOTE: minerals that may share mines are grouped (transitively) and each group counts its largest cap
    # once. The grouping depends on the minerals only, never on the values, so the sum is monotone.
    groups: list[list[Stated]] = []
    for row in broadest:
        linked = [g for g in groups if any(_overlap(context, row.mineral, o.mineral) for o in g)]
        merged = [row, *(r for g in linked for r in g)]
        groups = [g for g in groups if not any(g is other for other in linked)] + [merged]
    chosen = [max(g, key=lambda r: (r.high or 0.0, r.mineral or "")) for g in groups]
    return tuple(sorted(chosen, key=lambda r: r.mineral or ""))


def shares(context: Context, parent: Stated, params: Params) -> tuple[list[Share], list[str], list[str]]:
    """Each child's share of a parent cap, the silent children, and those with only incomparable units."""
    found: list[Share] = []
    silent: list[str] = []
    incomparable: list[str] = []
    children = [c for c in context.hierarchy.children(parent.plan) if region_applies(parent, context.plan(c))]
    for child, fitting in context.index.children_rows_under_cap(parent, children, params.subsets_meaning_all):
        comparable = [r for r in fitting if r.incomparable_with(parent) is None]
        if comparable:
            rows = _share(context, parent, comparable)
            found.append(Share(child, rows, sum(r.high or 0.0 for r in rows)))
        else:
            (incomparable if fitting else silent).append(child)
    return found, silent, incomparable


def _held(context: Context, parent: Stated, found: list[Share], printed: float) -> Iterator[Held]:
    """The children's sum under the parent's cap, held: one pass per judged child that counted in it."""
    for share in found:
        if share.child not in context.targets:
            continue
        yield Held(
            plan=share.child,
            against=parent.plan,
            places=(
                Place("ancestor", parent.plan, parent.cite),
                *(Place("plan", share.child, r.cite) for r in share.rows),
            ),
            metric=parent.metric,
            mineral=parent.indicator.mineral,
            expected=bound(parent.indicator),
            actual=Bound("<=", float(f"{printed:.12g}"), parent.indicator.unit),
            scope=parent.scope,
            year=parent.indicator.year,
            against_scope=parent.scope,
        )


def check(context: Context, params: Params) -> Iterator[SumOverCap | Held]:
    for parent_id in sorted(context.hierarchy.loaded):
        if not context.hierarchy.children(parent_id):
            continue
        for parent in context.index.of(parent_id, params.metric):
            if not is_plan_wide_cap(parent) or parent.high is None:
                continue
            found, silent, incomparable = shares(context, parent, params)
            total = sum(s.total for s in found)
            held = total <= parent.high + EPSILON * max(abs(parent.high), 1.0)
            if held and context.passes:
                yield from _held(context, parent, found, total / parent.unit.factor)
            if held:
                continue
            judged = [s for s in found if s.child in context.targets]
            if not judged:
                continue
            # NOTE: totals equal to 12 significant digits are a tie (1 万吨 and 10 千吨 differ in the last bit).
            blamed = min(judged, key=lambda s: (-float(f"{s.total:.12g}"), s.child))
            printed = total / parent.unit.factor
            places = [Place("ancestor", parent_id, parent.cite)]
            places += [Place("plan", s.child, r.cite) for s in found for r in s.rows]
            places += [Place("plan", child) for child in silent]
            yield SumOverCap(
                plan=blamed.child,
                against=parent_id,
                places=tuple(places),
                attribute=parent.attribute,
                metric=params.metric,
                mineral=parent.indicator.mineral,
                expected=bound(parent.indicator),
                actual=Bound("<=", float(f"{printed:.12g}"), parent.indicator.unit),
                scope=parent.scope,
                year=parent.indicator.year,
                parent=parent,
                printed_total=f"{printed:.12g}",
                shares=tuple(found),
                silent=tuple(silent),
                incomparable=tuple(incomparable),
            )
