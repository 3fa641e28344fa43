"""Hits: what a rule kind reports (what broke, which rows, the values), before any wording.

A kind yields `Hit`s; the evaluator alone turns them into findings (severity policy, norm citation, message
rendering in both languages). A hit's values for message templates are *fragments*: plain strings that read
the same in every language (numbers, names as printed) or typed pieces (`Value`, `ScopeWords`, `Words`, ...)
that `planlint.messages` words in Chinese or English. Kinds never hold text tables.

Each hit type declares the placeholders it provides (`PLACEHOLDERS`, plus the common `plan`, `against`,
`mineral`, `metric`); a rule's message may use only those, which the rule-pack loader checks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, Union

from planlint.findings import Bound, Severity
from planlint.model import SCOPE_FIELDS, Attribute, Cite, Indicator, Scope
from planlint.units import printed_unit

COMMON_PLACEHOLDERS: tuple[str, ...] = ("plan", "against", "mineral", "metric")


@dataclass(frozen=True)
class Value:
    """An indicator's bound as a reader would write it: '≥ 100 万吨/年', '10–15 %'."""

    indicator: Indicator


@dataclass(frozen=True)
class ScopeWords:
    """A scope in brackets after a mineral ('（大型矿床）', ' (large deposits)'); nothing when plan-wide."""

    scope: Scope


@dataclass(frozen=True)
class MetricName:
    """A metric's printed name from the vocabulary ('最低开采规模', 'minimum production scale')."""

    metric: str


@dataclass(frozen=True)
class KeyName:
    """A counts or baseline key (or a part or value name) by its printed name from the vocabulary's names
    table ('开采规划区块', 'planned mining blocks'), never the key itself."""

    key: str


@dataclass(frozen=True)
class ZoneKindName:
    """A zone kind's printed name ('重点开采区', 'key mining area')."""

    kind: str


@dataclass(frozen=True)
class DimensionName:
    """A unit's dimension in words ('质量/时间', 'mass per time')."""

    dimension: str


@dataclass(frozen=True)
class BasisName:
    """A quantity's basis in words ('矿石', 'ore'; 'unstated' for none)."""

    basis: str


@dataclass(frozen=True)
class Words:
    """An entry of the message words table (`planlint.i18n.WORDS`), filled with fragments."""

    key: str
    args: tuple[tuple[str, Fragment], ...] = ()

    @classmethod
    def of(cls, key: str, **args: Fragment) -> Words:
        return cls(key, tuple(args.items()))


@dataclass(frozen=True)
class Joined:
    """Fragments joined by a named separator; with `shown`, distinct items only, the first few in full."""

    items: tuple[Fragment, ...]
    separator: Literal["list", "parts", "plus", "comma", "uses", "slash", "ratio", "none"]
    shown: int | None = None


Fragment = Union[  # noqa: UP007
    str, Value, ScopeWords, MetricName, KeyName, ZoneKindName, DimensionName, BasisName, Words, Joined
]


@dataclass(frozen=True)
class Place:
    """A place a hit rests on: a row of the plan or of an ancestor; `cite=None` means that plan is silent,
    unless `part` names the part of the document that states it without a line (规划期限: the period)."""

    role: Literal["ancestor", "plan"]
    plan: str
    cite: Cite | None = None
    part: str | None = None


@dataclass(frozen=True, kw_only=True)
class Hit:
    """One problem a kind found. Subclasses add the rows involved and declare their placeholders.

    `attribute` feeds the rule's severity policy (the attribute of the ancestor's row, say); `severity`,
    when a kind's params fix it, overrides the policy. `scope`, `zone`, `year` and `detail` complete the
    finding's subject (what it is about).
    """

    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ()

    plan: str
    against: str | None = None
    places: tuple[Place, ...]
    attribute: Attribute | None = None
    severity: Severity | None = None
    metric: str | None = None
    mineral: str | None = None
    expected: Bound | None = None
    actual: Bound | None = None
    scope: Scope | None = None
    zone: str | None = None
    year: int | None = None
    detail: tuple[str, ...] = ()

    @classmethod
    def placeholders(cls) -> frozenset[str]:
        """Every name a message template may use with this hit type."""
        return frozenset((*COMMON_PLACEHOLDERS, *cls.PLACEHOLDERS))

    def values(self) -> Mapping[str, Fragment]:
        """The hit's own placeholders (exactly `PLACEHOLDERS`; common ones may be overridden)."""
        return {}

    def requirement(self) -> Fragment | None:
        """What value would satisfy the rule (a bound per scope), or None when the kind's remedy is no bound."""
        return None

    def subject_plan(self) -> str:
        """The plan the problem is about (a sum over children is about the parent's cap, not the child named)."""
        return self.plan

    def also_concerns(self) -> tuple[str, ...]:
        """Judged plans besides `plan` that the hit concerns (a note said once for several plans)."""
        return ()


@dataclass(kw_only=True, slots=True)
class Held:
    """One comparison a kind made that held: the rows compared (the plan's, and an ancestor's or the plan's
    own) and the values. Kinds build these only when the context asks for passes (`Context.passes`).

    Not frozen, unlike the hits: a nation makes hundreds of thousands, each read once by the evaluator and
    dropped, and a frozen dataclass sets each field through `object.__setattr__` (4× the cost). Nothing
    changes one after it is made.

    The fields mirror `Hit`'s identifying ones, so a held comparison has a stable subject as a finding has;
    `detail` names the other row compared (its mineral and scope), so two rows held against one are two passes.
    """

    plan: str
    against: str | None = None
    places: tuple[Place, ...]
    metric: str | None = None
    mineral: str | None = None
    expected: Bound | None = None
    actual: Bound | None = None
    scope: Scope | None = None
    zone: str | None = None
    year: int | None = None
    detail: tuple[str, ...] = ()
    against_scope: Scope | None = None  # the scope of the row compared with (its words in the pass)

    def subject_plan(self) -> str:
        return self.plan


def row_detail(indicator: Indicator) -> tuple[str, ...]:
    """What names a compared row without its line: its mineral as printed and its scope's stated fields."""
    scope = indicator.scope
    stated = ((name, getattr(scope, name)) for name in SCOPE_FIELDS)
    return (indicator.mineral or "", *(f"{name}={value}" for name, value in stated if value is not None))


def required(direction: str, limits: Sequence[tuple[Indicator, Scope]]) -> Fragment:
    """The values that would satisfy a floor or a cap, one per scope, strictest first:
    'at least 20 万吨/年 (large deposits) / 10 万吨/年 (medium deposits)'."""
    items = tuple(
        Words.of("requirement.item", value=_side_printed(indicator, direction), scope=ScopeWords(scope))
        for indicator, scope in limits
    )
    return Words.of(f"requirement.{direction}", values=Joined(items, "slash"))


def _side_printed(indicator: Indicator, direction: str) -> str:
    """The side of a bound a floor (its lower end) or a cap (its upper end) compares, as printed."""
    value = indicator.value
    if isinstance(value, tuple):
        value = value[0] if direction == "floor" else value[1]
    return f"{value:.12g} {printed_unit(indicator.unit)}".strip()


def bound(indicator: Indicator) -> Bound:
    """An indicator's bound as a finding's expected or actual value."""
    return Bound(indicator.op, indicator.value, indicator.unit)
