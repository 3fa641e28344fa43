"""The plan model (plan format v1): typed, frozen pydantic models; unknown keys are errors.

Field names are the contract in ../shared/design/plan-format.md; docs/plan-format.md lists the additions.
The models check shape only. Names that need a vocabulary (units, minerals, metrics) are checked by
`planlint.loader`, which knows where each value sits in its file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from operator import attrgetter
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetPydanticSchema,
    TypeAdapter,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic_core import CoreSchema, core_schema

from planlint.errors import InvalidValue
from planlint.units import Basis

Level = Literal["national", "province", "city", "county"]
LEVEL_RANK: dict[str, int] = {"national": 0, "province": 1, "city": 2, "county": 3}
# a level in Chinese messages (the key is the plan format's, not a word for a Chinese reader)
LEVEL_ZH: dict[str, str] = {"national": "国家级", "province": "省级", "city": "市级", "county": "县级"}
Op = Literal["<=", "<", ">=", ">", "==", "range"]
Attribute = Literal["binding", "expected", "unspecified"]
ZoneKind = Literal[
    "key_exploration",
    "key_mining",
    "concentrated_mining",
    "exploration_block",
    "mining_block",
    "reserve",
    "national_planned_area",
    "energy_base",
    "strategic_reserve",
]
PlanId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# No plan prints a number near this; a larger one is a typo, and converting it to base units could overflow.
LARGEST_NUMBER = 1e15
# A number as printed: finite (`.nan` and `.inf` would pass every comparison or none, and are not JSON).
Number = Annotated[float, Field(allow_inf_nan=False, ge=-LARGEST_NUMBER, le=LARGEST_NUMBER)]


def _codes_as_text(value: object) -> object:
    """A GB/T 2260 code written without quotes (500119) is read as YAML's integer: take it as text."""
    if isinstance(value, list | tuple):
        return [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
    return value


def _printed_text(_: object, __: object) -> CoreSchema:
    # text passes, a boolean becomes its text, anything else passes on unchanged; then a number becomes its text
    # and the rest is validated, and refused, as a plain `str` field does (in the same words)
    booleans_as_text = core_schema.union_schema(
        [
            core_schema.str_schema(strict=True),
            core_schema.no_info_after_validator_function(str, core_schema.bool_schema(strict=True)),
            core_schema.any_schema(),
        ],
        mode="left_to_right",
    )
    return core_schema.chain_schema([booleans_as_text, core_schema.str_schema(coerce_numbers_to_str=True)])


# Text that YAML may have read as a number or a boolean (`table: 3`, `section: 1.2`): taken as its printed form,
# str(value), within pydantic (a validator in Python, called for each of a nation's 360,000 section and table
# values, cost 0.06-0.08 CPU s more); tests/test_model.py compares the two.
PrintedText = Annotated[str, GetPydanticSchema(_printed_text)]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors and values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# NOTE: the most numerous models (a nation has ~181,000 citations, ~141,000 indicators and ~41,800 scopes) are
# frozen, slotted pydantic dataclasses, not `Strict` models: validated alike, but without a `__dict__` and a set
# of the fields given per instance (1.8 KB less per indicator with its citation: a nation's plans take a third of
# the memory, and validating them, and reading them back, touches that much less). They compare and hash by
# their fields, in order, as a frozen model does; `SCOPE_FIELDS` names a scope's.
# `validation.described` words the few errors a dataclass names differently as a model's (an unknown field,
# a value that is not a mapping).
STRICT_ROW = ConfigDict(extra="forbid")


class _Row:
    """`model_validate` for the dataclass models, as `Strict` models have it."""

    __slots__ = ()

    @classmethod
    def model_validate(cls, data: object) -> Self:
        adapter = _ADAPTERS.get(cls)
        if adapter is None:
            adapter = _ADAPTERS[cls] = TypeAdapter(cls)
        return adapter.validate_python(data)  # type: ignore[no-any-return]


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


@dataclass(frozen=True, slots=True, kw_only=True, config=STRICT_ROW)
class Cite(_Row):
    """Where a statement is: a line of the plan's source document, or a named public source."""

    line: int | None = Field(default=None, ge=1)
    section: PrintedText | None = None
    table: PrintedText | None = None
    ref: str | None = None
    locator: str | None = None

    @model_validator(mode="after")
    def _line_or_ref(self) -> Cite:
        if self.line is None and self.ref is None:
            raise InvalidValue(
                "a citation needs a line (or, for a public source, a ref)",
                zh="引用须给出行号 line（公开来源可给 ref）",
            )
        return self


@dataclass(frozen=True, slots=True, kw_only=True, config=STRICT_ROW)
class Scope(_Row):
    """Which mines or resources a number applies to; an absent field means 'all'."""

    mine: Literal["new", "expansion", "existing"] | None = None
    deposit: Literal["large", "medium", "small"] | None = None
    region: str | None = None
    subset: str | None = None
    zone: str | None = None


# a scope's fields, in order (a slotted dataclass has no `__dict__` to read them from)
SCOPE_FIELDS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(Scope))


@dataclass(frozen=True, slots=True, kw_only=True, config=STRICT_ROW)
class Indicator(_Row):
    """One stated number: a target, a limit, or a fact, with its unit, basis, attribute and citation."""

    metric: str
    mineral: str | None = None
    op: Op
    # A number is tried first, not every branch strictly and then laxly ("smart" mode): the same values and
    # errors for every input, and 7 % less validation time, as most values are numbers.
    value: Annotated[Number | tuple[Number, Number], Field(union_mode="left_to_right")]
    unit: str
    basis: Basis = "none"
    attribute: Attribute = "unspecified"
    year: int | None = None
    scope: Scope = Scope()
    label: str | None = None
    note: str | None = None
    cite: Cite

    @model_validator(mode="after")
    def _range_has_two_values(self) -> Indicator:
        if self.op == "range" and not isinstance(self.value, tuple):
            raise InvalidValue(
                "op 'range' needs value: [low, high]", zh="op 为 range 时 value 应为 [下限, 上限]"
            )
        if self.op != "range" and isinstance(self.value, tuple):
            raise InvalidValue(
                f"value is a range but op is {self.op!r}; use op: range",
                zh=f"value 是区间，而 op 为 {self.op!r}；请用 op: range",
            )
        if isinstance(self.value, tuple) and self.value[0] > self.value[1]:
            raise InvalidValue("a range must be [low, high]", zh="区间应为 [下限, 上限]，下限不大于上限")
        return self


class MineralEntry(Strict):
    """One mineral on a policy list, with the clause that puts it there."""

    mineral: str
    cite: Cite
    note: str | None = None


class MineralLists(Strict):
    encouraged: tuple[MineralEntry, ...] = ()
    restricted: tuple[MineralEntry, ...] = ()
    prohibited: tuple[MineralEntry, ...] = ()


class Zone(Strict):
    """A planning zone or block: kind, name, minerals, where it lies, and the limits inside it."""

    kind: ZoneKind
    name: str
    minerals: tuple[str, ...] = ()
    # plan ids, or places of the register (name or GB/T 2260 code): 南川区, 500119
    located_in: tuple[str, ...] = ()
    region: str | None = None
    limits: tuple[Indicator, ...] = ()
    count: int | None = None
    note: str | None = None
    cite: Cite

    @field_validator("located_in", mode="before")
    @classmethod
    def _codes(cls, value: object) -> object:
        return _codes_as_text(value)


class Count(Strict):
    """A stated total with its stated parts, exactly as printed."""

    key: str
    total: Number
    parts: dict[str, Number] = {}
    # NOTE: False by default because a 其中 list is often partial; only parts exceeding the total are
    # then wrong. Set True where the document lists every part (the parts must then add up to the total).
    exhaustive: bool = False
    unit: str | None = None
    note: str | None = None
    cite: Cite


class Baseline(Strict):
    """A base-period (基期) fact as printed."""

    key: str
    year: int = 2020
    values: dict[str, Number]
    units: dict[str, str] = {}
    note: str | None = None
    cite: Cite


class RegionMembers(Strict):
    """The jurisdictions a region a plan defines is made of, and the public source that says so."""

    members: tuple[str, ...]
    cite: Cite
    note: str | None = None

    @field_validator("members", mode="before")
    @classmethod
    def _codes(cls, value: object) -> object:
        return _codes_as_text(value)


class Period(Strict):
    base: int
    start: int
    end: int
    outlook: int | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if not self.base <= self.start <= self.end:
            raise InvalidValue("period must have base <= start <= end", zh="period 应满足 base ≤ start ≤ end")
        return self


class SourceDocument(Strict):
    document: str | None = None
    title: str | None = None
    issuer: str | None = None
    date: dt.date | str | None = None

    @field_validator("document")
    @classmethod
    def _name_only(cls, value: str | None) -> str | None:
        if value and ("/" in value or "\\" in value):
            raise InvalidValue("give the document's file name only, not a path", zh="只写文件名，不要写路径")
        return value


class PublicSource(Strict):
    """A public page a partial plan's facts come from."""

    id: str
    title: str | None = None
    url: str | None = None
    seen: Literal["Y", "partial"] = "Y"
    note: str | None = None


_CITE = attrgetter("cite")


class Plan(Strict):
    """One mineral resource master plan, as in a plans/*.yaml file."""

    schema_: Literal["planlint/plan/v1"] = Field(alias="schema")
    id: PlanId
    name: str
    level: Level
    jurisdiction: str
    parents: tuple[PlanId, ...] = ()
    regions: tuple[str, ...] = ()
    defines_regions: tuple[str, ...] = ()
    region_members: dict[str, RegionMembers] = {}
    period: Period
    stage: Literal["draft", "issued"] = "issued"
    completeness: Literal["full", "partial"] = "full"
    source: SourceDocument = SourceDocument()
    sources: tuple[PublicSource, ...] = ()
    note: str | None = None
    indicators: tuple[Indicator, ...] = ()
    minerals: MineralLists = MineralLists()
    zones: tuple[Zone, ...] = ()
    counts: tuple[Count, ...] = ()
    baseline: tuple[Baseline, ...] = ()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def is_partial(self) -> bool:
        return self.completeness == "partial"

    @field_validator("jurisdiction", mode="before")
    @classmethod
    def _code(cls, value: object) -> object:
        return _codes_as_text([value])[0]  # type: ignore[index]

    @model_validator(mode="after")
    def _members_of_defined_regions(self) -> Plan:
        for region in self.region_members:
            if region not in self.defines_regions:
                raise InvalidValue(
                    f"region_members names {region!r}, which defines_regions does not list",
                    zh=f"region_members 中的 {region!r} 未列于 defines_regions",
                )
        return self

    def all_cites(self) -> list[Cite]:
        """Every citation in the plan, in the order of `located_cites` (without building their locations)."""
        cites = list(map(_CITE, self.indicators))
        for name in ("encouraged", "restricted", "prohibited"):
            cites.extend(map(_CITE, getattr(self.minerals, name)))
        for zone in self.zones:
            cites.append(zone.cite)
            cites.extend(map(_CITE, zone.limits))
        cites.extend(map(_CITE, self.region_members.values()))
        cites.extend(map(_CITE, self.counts))
        cites.extend(map(_CITE, self.baseline))
        return cites

    def located_cites(self) -> list[tuple[tuple[str | int, ...], Cite]]:
        """Every citation with where it is in the file (`("zones", 0, "limits", 1, "cite")`)."""
        found: list[tuple[tuple[str | int, ...], Cite]] = [
            (("indicators", i, "cite"), item.cite) for i, item in enumerate(self.indicators)
        ]
        for name in ("encouraged", "restricted", "prohibited"):
            entries = getattr(self.minerals, name)
            found.extend((("minerals", name, i, "cite"), entry.cite) for i, entry in enumerate(entries))
        for z, zone in enumerate(self.zones):
            found.append((("zones", z, "cite"), zone.cite))
            found.extend(
                (("zones", z, "limits", i, "cite"), limit.cite) for i, limit in enumerate(zone.limits)
            )
        found.extend(
            (("region_members", name, "cite"), entry.cite) for name, entry in self.region_members.items()
        )
        found.extend((("counts", i, "cite"), count.cite) for i, count in enumerate(self.counts))
        found.extend((("baseline", i, "cite"), fact.cite) for i, fact in enumerate(self.baseline))
        return found

    def all_indicators(self) -> list[tuple[Indicator, Zone | None]]:
        """The plan-wide indicators, then each zone's limits with its zone."""
        pairs: list[tuple[Indicator, Zone | None]] = [(i, None) for i in self.indicators]
        for zone in self.zones:
            pairs.extend((limit, zone) for limit in zone.limits)
        return pairs
