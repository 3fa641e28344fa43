"""The mining-right model (rights format v1): typed, frozen pydantic models; unknown keys are errors.

Field names are the contract in ../shared/design/rights-and-review-contract.md (Mining rights). Names and
units are recorded as printed; the vocabulary and `planlint.units` interpret them when a right is prepared.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from planlint.units import Basis

RIGHTS_SCHEMA = "planlint/rights/v1"

RightKind = Literal["new", "expansion", "addition", "renewal", "change", "unknown"]
DepositScale = Literal["large", "medium", "small"]

# The kinds a plan review applies to; the 2024 notice (自然资源部《关于完善矿产资源规划实施管理有关事项的通知》)
# exempts renewals, transfers and name changes.
REVIEWED_KINDS: frozenset[str] = frozenset({"new", "expansion", "addition", "unknown"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Amount(_Strict):
    """A number with its unit as printed (万吨/年, 万立方米/年, 矿石 万吨)."""

    value: float = Field(ge=0, allow_inf_nan=False)
    unit: str
    basis: Basis = "none"


class Reserves(Amount):
    """The right's reserves as printed, with their class (资源储量, 可采储量 …)."""

    class_: str = Field(default="资源储量", alias="class")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def recoverable(self) -> bool:
        """Whether the figure is the recoverable part (可采储量), not the resource in the ground."""
        return "可采" in self.class_


class RightSource(_Strict):
    """Where the right is published: the notice's number and its address."""

    document: str | None = None
    url: str | None = None


class Right(_Strict):
    """One mining right (采矿权) as granted, expanded or registered."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    jurisdiction: str = Field(min_length=1)
    mineral: str = Field(min_length=1)
    kind: RightKind = "unknown"
    capacity: Amount
    reserves: Reserves | None = None
    term_years: float | None = Field(default=None, gt=0, allow_inf_nan=False)
    deposit: DepositScale | None = None
    zone: str | None = None
    region: str | None = None
    method: Literal["open_pit", "underground"] | None = None
    location: str | None = None
    source: RightSource = RightSource()
    note: str | None = None

    @field_validator("id", "name", "jurisdiction", "mineral", "zone", "region", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return value.strip() if isinstance(value, str) else value

    @property
    def reviewed(self) -> bool:
        """Whether the right needs a plan review at all (not a renewal or a change of holder or name)."""
        return self.kind in REVIEWED_KINDS


class RightsFile(_Strict):
    """A rights YAML file: `schema: planlint/rights/v1` and a list of rights."""

    schema_: Literal["planlint/rights/v1"] = Field(alias="schema")
    rights: tuple[Right, ...]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
