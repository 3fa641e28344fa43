"""Collecting the passes of a run (`--show-passes`) so that a nation's hundreds of thousands stay cheap.

A rule's passes are told apart by their subject and citations (the same comparison reached twice is one
pass); that key never spans two rules, so it is kept for one rule at a time. The passes are kept grouped
(by plan, or by right in check-rights) and each group is sorted and numbered on its own: the report's
order starts with the group, so this is the order one sort of everything would give, without holding a
sort key for every pass at once. Formats that print only counts (text, Markdown, HTML, the Word memo) ask
for the counts: the passes are then counted and dropped.

Citations are shared: `Citations` makes one `Citation` per cited place of a run, and every pass (and
finding) citing that place holds the same object.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any

from planlint.citing import citation, norm_citation
from planlint.findings import Citation, Pass, PassCounts, Role, Subject
from planlint.model import Cite, Plan

if TYPE_CHECKING:
    from planlint.rules import Norm


class PassCollector:
    """The passes of one run: kept in report order (`keep`) or only counted."""

    def __init__(
        self,
        keep: bool,
        group: Callable[[Pass], str],
        order: Callable[[Pass], tuple[Any, ...]],
        number: Callable[[list[Pass]], tuple[Pass, ...]],
    ) -> None:
        self.keep = keep
        self.counts = PassCounts()
        self._group = group
        self._order = order
        self._number = number
        self._seen: set[tuple[Any, ...]] = set()  # this rule's passes, by subject and citations (their ids)
        self._groups: dict[str, list[Pass]] = {}

    def add(
        self,
        subject: Subject,
        citations: tuple[Citation, ...],
        plan: str,
        right: str | None,
        make: Callable[[], Pass],
    ) -> None:
        """A pass of the current rule, by what identifies it; `make()` makes it when passes are kept. The
        same comparison made twice is counted and kept once."""
        # the citations are the run's shared ones (`Citations`: one object per place, all kept till the end
        # of the run), so their ids stand for them, without hashing each citation's fields
        key = (subject, *map(id, citations))
        if key in self._seen:
            return
        self._seen.add(key)
        self.counts.add(plan, right)
        if self.keep:
            held = make()
            self._groups.setdefault(self._group(held), []).append(held)

    def rule_done(self) -> None:
        """The rule's passes are all in: its keys are no longer needed (no key spans two rules)."""
        self._seen = set()

    def passes(self) -> tuple[Pass, ...] | None:
        """The kept passes in report order, numbered (None when only counted)."""
        if not self.keep:
            return None
        ordered: list[Pass] = []
        for name in sorted(self._groups):
            group = self._groups.pop(name)
            group.sort(key=self._order)
            ordered.extend(self._number(group))
        return tuple(ordered)


class Citations:
    """One `Citation` per cited place of a run, made on first use and shared by every pass citing it."""

    def __init__(self) -> None:
        self._made: dict[Hashable, Citation] = {}
        self._one: dict[Citation, Citation] = {}  # each citation made, by value: two keys, one place
        self._by_cite: dict[tuple[str, int, str, str | None], tuple[Cite | None, Citation]] = {}
        self._scopes: dict[int, tuple[Any, tuple[tuple[str, str], ...]]] = {}

    def scope_key(
        self, scope: Any, make: Callable[[Any], tuple[tuple[str, str], ...]]
    ) -> tuple[tuple[str, str], ...]:
        """`make(scope)`, once per scope object (a row's scope is in every pass of that row; kept, as above)."""
        found = self._scopes.get(id(scope))
        if found is None:
            found = self._scopes[id(scope)] = (scope, make(scope))
        return found[1]

    def _interned(self, made: Citation) -> Citation:
        return self._one.setdefault(made, made)

    def get(self, key: Hashable, make: Callable[[], Citation]) -> Citation:
        """The citation of the place `key` names (plain values: equal places, equal keys), made by `make()`
        the first time."""
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self._interned(make())
        return found

    def cited(self, norm: Citation, places: Iterable[Citation]) -> tuple[Citation, ...]:
        """The norm, then each shared citation once, in order (equal citations are the same object here,
        so identity tells them apart without hashing their fields)."""
        found = [norm]
        for place in places:
            if not any(place is seen for seen in found):
                found.append(place)
        return tuple(found)

    def of_place(
        self,
        plans: Callable[[str], Plan],
        plan_id: str,
        cite: Cite | None,
        role: Role,
        part: str | None = None,
    ) -> Citation:
        """`of_plan` for a place of a loaded plan, looked up first by the cite object itself (a row's cite
        is cited by every pass of that row; the cite is kept, so its id is not reused)."""
        key = (plan_id, id(cite), role, part)
        found = self._by_cite.get(key)
        if found is None:
            found = self._by_cite[key] = (cite, self.of_plan(plans(plan_id), cite, role, part))
        return found[1]

    def of_plan(self, plan: Plan, cite: Cite | None, role: Role, part: str | None = None) -> Citation:
        """A plan's place (`citing.citation`), shared."""
        key = (plan.id, role, part, *_cite_key(cite))
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self._interned(citation(plan, cite, role, part))
        return found

    def norm(self, norm: Norm) -> Citation:
        """A rule's norm (`citing.norm_citation`), shared by the rules that rest on the same clause."""
        return self.get(("norm", norm), lambda: norm_citation(norm))


def _cite_key(cite: Cite | None) -> tuple[Any, ...]:
    if cite is None:
        return (None,)
    return (cite.line, cite.section, cite.table, cite.ref, cite.locator)
