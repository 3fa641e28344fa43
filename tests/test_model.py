"""The plan model's validation choices that are about speed keep what pydantic's defaults would give."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, field_validator

from planlint.loader import UNKNOWN_PLAN_FIELD
from planlint.model import SCOPE_FIELDS, Cite, Indicator, Number, Plan, Scope
from planlint.validation import described

SMART = TypeAdapter(Number | tuple[Number, Number])  # pydantic's default union mode
ROW = {"metric": "extraction_total", "op": "<=", "unit": "万吨", "cite": {"line": 1}}

scalars = st.one_of(
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.text(max_size=6),
    st.sampled_from(["5", "1e3", "nan", " 7 ", "-0"]),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=2), scalars))


def outcome(validate: Any, value: object, loc: tuple[str, ...]) -> object:
    try:
        return validate(value)
    except ValidationError as error:
        return [(item["loc"][len(loc) :], item["type"], item["msg"]) for item in error.errors()]


@given(values)
def test_a_value_reads_as_in_pydantics_smart_union_mode(value: object) -> None:
    expected = outcome(SMART.validate_python, value, ())
    row = {**ROW, "op": "range" if isinstance(value, list) else "<=", "value": value}
    got = outcome(lambda _: Indicator.model_validate(row).value, value, ("value",))
    if isinstance(got, list) and got and all(item[1] == "value_error" for item in got):
        assert not isinstance(expected, list)  # only the model's own check failed ([2, 1]): the value read
        return
    assert got == expected and type(got) is type(expected)


def test_citations_indicators_and_scopes_are_worded_as_models_in_errors() -> None:
    # Cite, Indicator and Scope are pydantic dataclasses (lighter than models); their errors read as a model's did
    plan = {
        "schema": "planlint/plan/v1",
        "id": "p",
        "name": "p",
        "level": "national",
        "jurisdiction": "全国",
        "period": {"base": 2020, "start": 2021, "end": 2025},
        "indicators": [
            {**ROW, "value": 1, "colour": "red"},
            {**ROW, "value": 1, "cite": {"line": 2, "page": 3}},
            "not a mapping",
            {**ROW, "value": 1, "cite": 7},
            {**ROW, "value": 1, "scope": {"mine": "new", "size": "large"}},
            {**ROW, "value": 1, "scope": "large deposits"},
        ],
    }
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate(plan)
    assert [(field, en, zh) for _, field, en, zh in described(caught.value, UNKNOWN_PLAN_FIELD)] == [
        ("indicators.0.colour", *UNKNOWN_PLAN_FIELD),
        ("indicators.1.cite.page", *UNKNOWN_PLAN_FIELD),
        ("indicators.2", "Input should be a valid dictionary or instance of Indicator", "应为映射（键: 值）"),
        ("indicators.3.cite", "Input should be a valid dictionary or instance of Cite", "应为映射（键: 值）"),
        ("indicators.4.scope.size", *UNKNOWN_PLAN_FIELD),
        (
            "indicators.5.scope",
            "Input should be a valid dictionary or instance of Scope",
            "应为映射（键: 值）",
        ),
    ]


def test_scopes_stated_alike_are_one_key_and_keep_no_dict() -> None:
    # a scope is a slotted dataclass (no __dict__ per instance), compared and hashed by its fields as a model was
    first = Indicator.model_validate({**ROW, "value": 1, "scope": {"mine": "new", "region": "南川区"}}).scope
    second = Indicator.model_validate({**ROW, "value": 1, "scope": {"region": "南川区", "mine": "new"}}).scope
    assert first == second and first is not second
    assert {first: "first"}[second] == "first"
    assert first != Scope(mine="new") and Scope() == Indicator.model_validate({**ROW, "value": 1}).scope
    assert not hasattr(first, "__dict__")
    assert SCOPE_FIELDS == ("mine", "deposit", "region", "subset", "zone")


class _CiteBefore(BaseModel):
    """A citation's section as it was validated before `PrintedText`: a field validator in Python."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    section: str | None = None

    @field_validator("section", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value


printed = st.one_of(
    values,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.dates(),
    st.binary(max_size=4),
    st.lists(values, max_size=2),
)


@given(printed)
def test_a_section_reads_as_it_did_with_a_validator_in_python(value: object) -> None:
    expected = outcome(lambda v: _CiteBefore.model_validate({"section": v}).section, value, ())
    got = outcome(lambda v: Cite.model_validate({"line": 1, "section": v}).section, value, ())
    if isinstance(expected, str) and expected == "nan":
        assert got == "nan"
    else:
        assert got == expected
