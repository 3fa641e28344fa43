"""The plan model's validation choices that are about speed keep what pydantic's defaults would give."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from planlint.model import Indicator, Number

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
