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

Params:
    metric: the metric summed (extraction_total, mine_count)
    subsets_meaning_all: P subsets that also accept children's rows with no subset (default none)

Example (FAIL): P `extraction_total 建筑石料用灰岩 <= 2000 矿石 万吨`; child A `<= 1500 矿石 万吨/年`,
child B `<= 8000000 吨/年`: 1500 + 800 = 2300 万吨 > 2000 → finding on A against P.
Example (PASS): child B states `<= 500 万吨/年` instead (sum 2000), or states no cap at all (silent).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from planlint.evaluate import Context, bound, format_value
from planlint.findings import Bound, Finding
from planlint.i18n import both, scope_suffix
from planlint.resolve import EPSILON, Stated, region_applies
from planlint.rules import Rule

KIND = "aggregate_children"
CAP_OPS = ("<=", "<")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    subsets_meaning_all: tuple[str, ...] = ()


@dataclass(frozen=True)
class Share:
    """What one child allows under a parent cap: the rows counted and their sum in base units."""

    child: str
    rows: tuple[Stated, ...]
    total: float


def _is_cap(stated: Stated) -> bool:
    return stated.zone is None and stated.scope.zone is None and stated.indicator.op in CAP_OPS


def _fits(parent: Stated, row: Stated, params: Params) -> bool:
    a, b = parent.scope, row.scope
    subset_ok = a.subset == b.subset or (b.subset is None and a.subset in params.subsets_meaning_all)
    region_ok = b.region is None or b.region == a.region
    mineral_ok = parent.mineral is None or (row.mineral is not None and parent.mineral in row.lineage)
    return a.mine == b.mine and a.deposit == b.deposit and subset_ok and region_ok and mineral_ok


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
        groups = [g for g in groups if g not in linked] + [merged]
    chosen = [max(g, key=lambda r: (r.high or 0.0, r.mineral or "")) for g in groups]
    return tuple(sorted(chosen, key=lambda r: r.mineral or ""))


def shares(context: Context, parent: Stated, params: Params) -> tuple[list[Share], list[str], list[str]]:
    """Each child's share of a parent cap, the silent children, and those with only incomparable units."""
    found: list[Share] = []
    silent: list[str] = []
    incomparable: list[str] = []
    for child in context.hierarchy.children(parent.plan):
        if not region_applies(parent, context.plan(child)):
            continue
        fitting = [
            r for r in context.index.of(child, params.metric) if _is_cap(r) and _fits(parent, r, params)
        ]
        comparable = [r for r in fitting if r.incomparable_with(parent) is None]
        if comparable:
            rows = _share(context, parent, comparable)
            found.append(Share(child, rows, sum(r.high or 0.0 for r in rows)))
        else:
            (incomparable if fitting else silent).append(child)
    return found, silent, incomparable


def _listing(items: list[str], zh: str, en: str) -> dict[str, str]:
    if not items:
        return {"zh": "", "en": ""}
    return {"zh": f"；{zh}：{'、'.join(items)}", "en": f"; {en}: {', '.join(items)}"}


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.params
    for parent_id in sorted(context.hierarchy.loaded):
        if not context.hierarchy.children(parent_id):
            continue
        for parent in context.index.of(parent_id, params.metric):
            if not _is_cap(parent) or parent.high is None:
                continue
            found, silent, incomparable = shares(context, parent, params)
            total = sum(s.total for s in found)
            if total <= parent.high + EPSILON * max(abs(parent.high), 1.0):
                continue
            judged = [s for s in found if s.child in context.targets]
            if not judged:
                continue
            # NOTE: totals equal to 12 significant digits are a tie (1 万吨 and 10 千吨 differ in the last bit).
            blamed = min(judged, key=lambda s: (-float(f"{s.total:.12g}"), s.child))
            printed = total / parent.unit.factor
            parts = [
                f"{s.child} "
                + " + ".join(
                    f"{r.indicator.mineral or ''} {format_value(r.indicator)}".strip() for r in s.rows
                )
                for s in found
            ]
            citations = [context.cite(parent_id, parent.cite, "ancestor")]
            citations += [context.cite(s.child, r.cite, "plan") for s in found for r in s.rows]
            citations += [context.cite(child, None, "plan") for child in silent]
            yield context.finding(
                rule,
                plan=blamed.child,
                against=parent_id,
                severity=rule.severity_for(parent.attribute),
                metric=params.metric,
                mineral=parent.indicator.mineral,
                subject=f"{parent.indicator.mineral}|{parent.scope}|{parent.cite.line or parent.cite.locator}",
                expected=bound(parent.indicator),
                actual=Bound("<=", float(f"{printed:.12g}"), parent.indicator.unit),
                values={
                    "total": f"{printed:.12g} {parent.indicator.unit}",
                    "expected": format_value(parent.indicator),
                    "scope": both(scope_suffix, parent.scope),
                    "count": str(len(found)),
                    "parts": {"zh": "；".join(parts), "en": "; ".join(parts)},
                    "silent": _listing(silent, "未规定", "silent"),
                    "incomparable": _listing(incomparable, "单位不可比", "units not comparable"),
                },
                citations=citations,
            )
