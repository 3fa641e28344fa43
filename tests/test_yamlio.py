"""yamlio: what PyYAML would crash on or silently drop becomes an input error at its line and field."""

from __future__ import annotations

import pytest

from planlint.errors import PlanlintError
from planlint.yamlio import parse_yaml


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ("a: 1\nb:\n  c: 2023-02-30\n", 3, "b.c", "day is out of range"),
        ("a: [1, !!int 0xZZ]\n", 1, "a.1", "cannot read value '0xZZ'"),
        ("a:\n  - x: !!float abc\n", 2, "a.0.x", "could not convert"),
        ("a: !!timestamp 0000-01-01\n", 1, "a", "year 0 is out of range"),
        ("a: 1\nb: 2\na: 3\n", 3, "a", "duplicate key 'a' (first on line 1)"),
        ("x:\n  - {k: 1, k: 2}\n", 2, "x.0.k", "duplicate key 'k'"),
        ("a: 1\nb:\n  - 中文\x00x\n", 3, "b.0", "control character U+0000"),
        ("a: 1\nb:\n  c\x1b: 1\n", 3, "b", "control character U+001B"),
        ('a: 1\nname: "规划\\x1b[2J"\n', 2, "name", "control character U+001B"),
        ("a: 1\nname: '\x7f'\n", 2, "name", "control character U+007F"),
    ],
)
def test_bad_values_and_duplicate_keys_are_placed(text: str, line: int, field: str, message: str) -> None:
    with pytest.raises(PlanlintError) as caught:
        parse_yaml(text, "f.yaml")
    error = caught.value
    assert (error.path, error.line, error.field) == ("f.yaml", line, field)
    assert message in error.message


def test_merge_keys_may_be_overridden() -> None:
    # `<<` is how YAML means "these, except": an explicit key after a merge is not a duplicate
    assert parse_yaml("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  x: 3\n", "f.yaml")["d"] == {"x": 3, "y": 2}


def test_same_key_in_different_mappings_is_fine() -> None:
    assert parse_yaml("- {k: 1}\n- {k: 2}\n", "f.yaml") == [{"k": 1}, {"k": 2}]


def test_tabs_and_newlines_in_text_are_fine() -> None:
    assert parse_yaml('a: "x\\ty"\nb: |\n  one\n  two\n', "f.yaml") == {"a": "x\ty", "b": "one\ntwo\n"}
