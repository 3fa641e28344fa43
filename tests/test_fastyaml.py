"""The fast YAML path (yaml-rs) reads every text it accepts exactly as PyYAML's safe loader does.

PyYAML reads YAML 1.1 and yaml-rs YAML 1.2; `planlint.fastyaml` sends a text to yaml-rs only when its scan
finds nothing the two might read differently. These tests compare the two readers on the bundled files, a
synthetic nation, the known differences and generated texts (hypothesis), and check that errors keep
PyYAML's line.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint import fastyaml
from planlint.errors import PlanlintError
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from planlint.yamlio import StrictLoader, parse_yaml, read_yaml

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(fastyaml.yaml_rs is None, reason="yaml-rs is not installed")


def same(a: Any, b: Any, seen: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Equal, with the same types and key order all the way down (NaN equals NaN; cycles allowed)."""
    if type(a) is not type(b):
        return False
    if (id(a), id(b)) in seen:
        return True
    seen = seen | {(id(a), id(b))}
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k], seen) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y, seen) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def assert_scan_is_line_local(text: str) -> None:
    """The scan finds something in a text exactly when it finds something in one of its lines, so `risky`
    may skip the lines it already found safe elsewhere: it says what a scan of the whole text says."""
    whole = fastyaml.risky_lines(text)
    assert whole == any(fastyaml.risky_lines(line) for line in text.split("\n")), repr(text)
    assert fastyaml.risky(text) == (whole or not text.endswith("\n") and text != ""), repr(text)


def assert_agrees(text: str) -> None:
    """Whatever the fast path returns is what PyYAML returns; where PyYAML refuses, so does it."""
    assert_scan_is_line_local(text)
    fast = fastyaml.fast_load(text)
    if fast is None:
        return
    try:
        expected = yaml.load(text, Loader=StrictLoader)  # noqa: S506 - a safe loader
    except Exception as error:  # noqa: BLE001
        raise AssertionError(f"PyYAML refuses ({error!r}) what yaml-rs read as {fast!r}: {text!r}") from None
    assert same(fast, expected), f"{text!r}: yaml-rs {fast!r}, PyYAML {expected!r}"


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nation")
    generate(root, Shape.per(2, 2, 3, 0), seed=3, violations=1)
    return root / "plans"


def test_bundled_files_and_fixtures_read_alike() -> None:
    files = [p for d in ("plans", "rules", "fixtures") for p in sorted((ROOT / d).rglob("*.y*ml"))]
    assert len(files) > 50
    for path in files:
        assert_agrees(path.read_text(encoding="utf-8"))


def test_synthetic_plans_take_the_fast_path_and_read_alike(nation: Path) -> None:
    files = sorted(nation.rglob("*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not fastyaml.risky(text), f"{path.name}: a plain plan file should not need PyYAML"
        assert_agrees(text)


KNOWN_DIFFERENCES = [
    "a: yes\n",
    "a: No\n",
    "on: 1\n",
    "a: [off, y]\n",
    "a: 010\n",
    "a: 0o10\n",
    "a: 09\n",
    "a: 1:30\n",
    "a: 12:30:00\n",
    "a: 2020-01-02T03:04\n",
    "a: 2020-01-02 3:04:05\n",
    "a: 2020-02-30\n",
    'a: "2020-01-02"\n',
    "a: ['2020-01-02', x]\n",
    "a: |-\n  2020-01-02\n",
    '"2020-01-02": 1\n',
    "a: 1e3\n",
    "a: 1.5e3\n",
    "a: 1.7976931348623157e309\n",
    "a: -.5\n",
    "a: .Nan\n",
    "a: _2020\n",
    "a: 1_000\n",
    "a: " + "9" * 5000 + "\n",
    "b: &x {c: 1}\na:\n  <<: *x\n  d: 2\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!omap [{a: 1}]\n",
    "a: !foo 1\n",
    "a: &a [*a]\n",
    "---\na: 1\n---\nb: 2\n",
    "\ufeffa: 1\n",
    "a: \x85b\n",
    "a: x\u2028y\n",
    "a: \x01\n",
    "a: |\n  x",
    "a: |\n   \n   \n",  # a block scalar of lines of spaces only: '\n' to yaml-rs, '' to PyYAML
    "? [1, 2]\n: x\n",
    "{a: 1}: 2\n",
    "a: {b: 1, {c: 2}}\n",
    "a: =\n",
    "[a:]\n",
    "a: {b: 2020, ?c: 1}\n",
    "a: {: 1}\n",
    ": x\n",
    "a: {b: 1,\nc: 2}\n",
    "a:\tb\n",
    "a: 1\na: 2\n",
    "".join("  " * i + "- \n" for i in range(1200)) + "x\n",
]


@pytest.mark.parametrize("text", KNOWN_DIFFERENCES)
def test_known_differences_are_read_as_pyyaml_reads_them(text: str) -> None:
    assert_agrees(text)
    try:
        expected = yaml.load(text, Loader=StrictLoader)  # noqa: S506 - a safe loader
    except Exception:  # noqa: BLE001 - PyYAML refuses: so must parse_yaml, with a line where PyYAML has one
        with pytest.raises(PlanlintError):
            parse_yaml(text, "f.yaml")
        return
    assert same(parse_yaml(text, "f.yaml"), expected)


def test_a_line_found_safe_elsewhere_does_not_hide_a_risky_one() -> None:
    assert not fastyaml.risky("id: p01\nvalue: 5\n")
    assert fastyaml.risky("id: p01\nvalue: 5\nstage: yes\n")
    assert fastyaml.risky("id: p01\nvalue: 5")  # no newline at the end: risky whatever its lines


def test_a_file_is_scanned_in_its_own_bytes(tmp_path: Path) -> None:
    # read_yaml hands the scan the file's bytes: what a line holds is found there as in the text
    for n, text in enumerate(
        ["名称: 是\nstage: yes\n", "值: 0o17\n", "a: 1\n说明: 1e3\n", "v: [1, 2\n  , 3]\n"]
    ):
        path = tmp_path / f"{n}.yaml"
        path.write_text(text, encoding="utf-8")
        assert fastyaml.risky(text)
        assert same(read_yaml(path), yaml.load(text, Loader=StrictLoader)), text  # noqa: S506 - a safe loader


def test_a_file_not_in_utf8_is_refused_as_such_by_the_fast_path_too(tmp_path: Path) -> None:
    # yaml-rs reads a file's bytes undecoded: it must refuse what is not UTF-8, and the decoding then says so
    gbk = "名称: 规划\n".encode("gbk")
    assert not fastyaml.risky_utf8(gbk)
    assert fastyaml.fast_load_utf8(gbk) is None
    path = tmp_path / "gbk.yaml"
    path.write_bytes(gbk)
    with pytest.raises(PlanlintError, match="not a UTF-8 text file"):
        read_yaml(path)


def test_the_lines_remembered_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastyaml, "_safe_lines", set())
    monkeypatch.setattr(fastyaml, "_safe_bytes", 0)
    monkeypatch.setattr(fastyaml, "_REMEMBERED", 100)
    for n in range(50):
        assert not fastyaml.risky(f"key{n}: value {n}\n")
        assert fastyaml._safe_bytes <= 100
        assert sum(map(len, fastyaml._safe_lines)) == fastyaml._safe_bytes
    assert not fastyaml.risky("long: " + "x" * 200 + "\n")
    assert fastyaml._safe_bytes <= 100
    assert fastyaml.risky("key1: value 1\nkey2: off\n")


def test_an_error_yaml_rs_finds_keeps_pyyamls_line() -> None:
    text = "a: 1\nb:\n  c: 2\n  c: 3\n"
    assert not fastyaml.risky(text)  # the fast path sees it first, refuses it, and PyYAML explains
    with pytest.raises(PlanlintError) as caught:
        parse_yaml(text, "f.yaml")
    assert (caught.value.line, caught.value.field) == (4, "b.c")
    assert "duplicate key 'c'" in caught.value.message


def test_without_yaml_rs_pyyaml_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastyaml, "yaml_rs", None)
    assert fastyaml.fast_load("a: 1\n") is None
    assert parse_yaml("a: 1\n", "f.yaml") == {"a": 1}


# Generated texts: plan-like documents whose scalars come from the tokens the two YAML versions disagree on.
TOKENS = [
    *("yes", "No", "ON", "off", "y", "true", "False", "null", "~", "Null", "nULL", "tRue"),
    *("0", "7", "010", "09", "0o7", "0x1F", "0b1", "1_0", "_1", "+5", "-0", "1:30", "12:30:00"),
    *("1.5", "-2.25", "1.", ".5", "-.5", "1e3", "1.0e+3", "1.5e3", ".inf", "-.Inf", ".nan", ".Nan"),
    *("2023-10-10", "2023-02-30", "2020-1-2", "2020-01-02T03:04", "2021-2025", "p01-c02-k03"),
    *("万吨/年", "矿石 万吨", "专栏1", "二（三）", "x:y", "a b", "=", "<<", "-", "?x", "a#b", "a #b"),
    *(
        "'yes'",
        '"0x1F"',
        '"2023-10-10"',
        "'2023-10-10 03:04:05'",
        "'it''s'",
        '"a\\u00e9"',
        "'a\n  b'",
        "[]",
        "{}",
        "[1, 2]",
        "{a: 1}",
        "&a 1",
        "*a",
    ),
]
KEYS = ["id", "value", "on", "1", "year", "名称", "a b", "'q'", "<<", "? k", "010"]
scalar = st.sampled_from(TOKENS) | st.text(alphabet="09.-+:_eoxyYNn矿 ", min_size=1, max_size=6)


@st.composite
def documents(draw: st.DrawFn, depth: int = 0, indent: str = "") -> str:
    lines = []
    for key in draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=4)):
        kind = draw(st.sampled_from(["scalar", "flow", "block"] + (["map", "seq"] if depth < 2 else [])))
        if kind == "scalar":
            lines.append(f"{indent}{key}: {draw(scalar)}")
        elif kind == "flow":
            items = draw(st.lists(scalar, max_size=3))
            lines.append(f"{indent}{key}: [{', '.join(items)}]")
        elif kind == "block":
            style = draw(st.sampled_from(["|", ">", "|-", ">+"]))
            lines.append(f"{indent}{key}: {style}\n{indent}  {draw(scalar)}\n{indent}  {draw(scalar)}")
        elif kind == "map":
            lines.append(f"{indent}{key}:\n{draw(documents(depth + 1, indent + '  '))}")
        else:
            items = draw(st.lists(scalar, min_size=1, max_size=3))
            lines.append(f"{indent}{key}:\n" + "\n".join(f"{indent}  - {item}" for item in items))
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(["\n", "", "\n\n", "\r\n"]))
def test_generated_documents_read_alike(text: str, end: str) -> None:
    assert_agrees(text + end)


FRAGMENTS = [
    *TOKENS,
    *(":", ": ", ",", "[", "]", "{", "}", "- ", "\n", "\n  ", "  ", "#", "'", '"', "\t", "|", ">"),
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_plans_read_alike(nation: Path, data: st.DataObject) -> None:
    files = sorted(nation.rglob("*.yaml"))[:5]
    text = files[data.draw(st.integers(0, len(files) - 1))].read_text(encoding="utf-8")[:3000] + "\n"
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 4))
        text = text[:at] + data.draw(st.sampled_from(FRAGMENTS)) + text[at + cut :]
    assert_agrees(text)
