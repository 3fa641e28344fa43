"""Fuzzing: mutated plan files and mutated rule packs never crash planlint and never pass silently.

Invariants, through the command line in this process (tests/cli.py raises any exception it does not map):
the exit code is 0, 1 or 2; no traceback; exit 2 names a file under the fuzzed folder on every line, and a
line number unless the whole file is unreadable; the same input gives byte-identical output; a JSON
report is strict JSON (no NaN, no Infinity). The mutations are in docs/fuzzing.md.

The default budget is for every run of the suite (about 20 s); `make fuzz` sets PLANLINT_FUZZ_EXAMPLES for
a longer run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.cli import Ran, planlint

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "fixtures" / "valid"
PACKS = ROOT / "rules" / "packs"
EXAMPLES = int(os.environ.get("PLANLINT_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES <= 25,  # the suite's short run is the same every time; `make fuzz` explores
    # NOTE: a long run reports its failing example unshrunk: shrinking one takes minutes per example here.
    phases=tuple(Phase) if EXAMPLES <= 25 else (Phase.explicit, Phase.reuse, Phase.generate),
)

# Values a field may be given: what the fuzzing campaign found, and what YAML makes easy to write by mistake.
HOSTILE_VALUES = (
    ".nan", ".inf", "-.inf", "[.nan, 70]", "[70, .nan]", "[70, 10]", "[1, 2, 3]", "2023-02-30",
    "!!int 0xZZ", "!!float abc", "!!timestamp 0000-01-01", "!!binary Zm9v", "!!set {a}",
    "!!python/object/apply:os.system [ls]", '"\\x1b[2J"', '"\\0"', '"a\\u0085b"', "~", "null", "[]", "{}",
    "1e999", "1e300", "-1", "0", "99999999999999999999", "true", "''", "&a [*a]", "*nowhere", "{a: 1}",
    "中文", "建筑石料用灰石", "万桶/年", "矿石 万吨", "金属量 吨/年", "xs", "xs-dongshan", "cn-example", "range",
    "<=", "national", "county", "partial", "draft", "'/etc/passwd'", "PL101", "{line: 0}", "{ref: nope}",
)  # fmt: skip
# Characters inserted anywhere: YAML syntax, control characters, and look-alike punctuation.
HOSTILE_CHARACTERS = (
    "\x00", "\x1b", "\x7f", "\x85", "\t", "\ufeff", "\u3000", "：", "'", '"', "{", "}", "[", "]", "&", "*",
    "!", "%", "@", "`", "|", ">", "#", "-", "?", ",", "\n", "\r", " ",
)  # fmt: skip

Mutation = tuple[str, int, int, str]
mutations = st.lists(
    st.tuples(
        st.sampled_from(["value", "delete", "duplicate", "insert", "truncate", "indent", "swap"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(HOSTILE_VALUES + HOSTILE_CHARACTERS),
    ),
    min_size=1,
    max_size=3,
)


def mutate(text: str, mutation: Mutation) -> str:
    """One edit of a YAML text: a value replaced, a line deleted, repeated, moved or re-indented, a character
    inserted, the file cut short."""
    kind, first, second, token = mutation
    lines = text.split("\n")
    index, other = first % len(lines), second % len(lines)
    if kind == "value" and ": " in lines[index]:
        key = lines[index].split(": ", 1)[0]
        lines[index] = f"{key}: {token}"
    elif kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index + 1, lines[index])
    elif kind == "insert":
        position = first % (len(text) + 1)
        return text[:position] + token[:1] + text[position:]
    elif kind == "truncate":
        return text[: first % (len(text) + 1)]
    elif kind == "indent":
        lines[index] = " " * (second % 5) + lines[index].lstrip(" ")
    elif kind == "swap":
        lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


@contextmanager
def fuzz_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="planlint-fuzz-") as folder:
        yield Path(folder)


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


# Errors about a whole file, with no line to give (the file cannot be read as YAML text at all).
WHOLE_FILE = ("not a UTF-8 text file", "file larger than")
ERROR_LINE = re.compile(r"^planlint: (?P<path>.+?)(?::(?P<line>\d+))?: ")


def assert_well_formed(ran: Ran, folder: Path) -> None:
    """The invariants of one run."""
    output = ran.stdout + ran.stderr
    assert ran.returncode in (0, 1, 2), output
    assert "Traceback" not in output
    if ran.returncode == 2:
        errors = [line for line in ran.stderr.splitlines() if not line.startswith("planlint: warning: ")]
        assert errors, "exit 2 without a message"
        for line in errors:
            match = ERROR_LINE.match(line)
            assert match, f"not `file:line: field: message`: {line!r}"
            assert Path(match.group("path")).is_relative_to(folder), f"names no fuzzed file: {line!r}"
            assert match.group("line") or any(w in line for w in WHOLE_FILE), f"no line: {line!r}"
    elif ran.stdout:
        report = strict_json(ran.stdout)
        assert report["summary"]["error"] >= 0


def check_twice(*args: str | Path) -> Ran:
    """Run `planlint check ARGS --format json` twice: the two runs must be byte-identical."""
    first = planlint("check", *args, "--format", "json", "--fail-on", "error", "--lang", "en")
    second = planlint("check", *args, "--format", "json", "--fail-on", "error", "--lang", "en")
    assert (first.returncode, first.stdout, first.stderr) == (second.returncode, second.stdout, second.stderr)
    return first


PLAN_NAMES = sorted(p.name for p in VALID.glob("*.yaml"))


@FUZZ
@given(name=st.sampled_from(PLAN_NAMES), edits=mutations)
def test_mutated_plan_files(name: str, edits: list[Mutation]) -> None:
    with fuzz_folder() as folder:
        plans = folder / "plans"
        shutil.copytree(VALID, plans)
        text = (plans / name).read_text(encoding="utf-8")
        for edit in edits:
            text = mutate(text, edit)
        (plans / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        assert_well_formed(check_twice(plans), folder)


def a_rule(pack: str, index: int) -> dict[str, Any]:
    rules = yaml.safe_load((PACKS / pack).read_text(encoding="utf-8"))["rules"]
    rule: dict[str, Any] = rules[index % len(rules)]
    rule["id"] = "PL499"  # not a bundled id: the fuzzed rule is one more rule, not a duplicate
    return rule


# What a field of a rule may be set to, besides the HOSTILE_VALUES (as YAML text).
RULE_VALUES = (
    "error", "warning", "info", "fatal", "{binding: info}", "{binding: fatal}", "{metric: nope}",
    "{metric: extraction_total}", "{metric: mine_count, subsets_meaning_all: [非油气]}", "{zh: 甲, en: a}",
    "{zh: 甲}", "{document: x}", "ancestor_bound", "no_such_kind", "PL001", "PL99", "Bad Name",
)  # fmt: skip
RULE_FIELDS = (
    "id",
    "name",
    "kind",
    "title",
    "message",
    "description",
    "severity",
    "norm",
    "example",
    "params",
)
# Message and title templates: the crashes of the fuzzing campaign (the last grew past 3 GB), and more.
TEMPLATES = (
    "{", "}", "}{", "{0}", "{plan[999]}", "{plan:>999999999}", "{mineral!r}", "{mineral.__class__}", "{nope}",
    "{{literal}}", "{plan}", "{mineral}{scope}", "'{'",
)  # fmt: skip


@FUZZ
@given(
    pack=st.sampled_from(sorted(p.name for p in PACKS.glob("*.yaml"))),
    index=st.integers(min_value=0, max_value=20),
    changes=st.lists(
        st.tuples(
            st.sampled_from(
                RULE_FIELDS + ("extra", "params.metric", "params.extra", "message.en", "message.zh")
            ),
            st.sampled_from(HOSTILE_VALUES + RULE_VALUES + TEMPLATES + ("DELETE",)),
        ),
        min_size=1,
        max_size=3,
    ),
    edit=st.one_of(
        st.none(),
        st.tuples(
            st.sampled_from(["insert", "truncate", "duplicate", "delete"]),
            st.integers(0, 10_000),
            st.integers(0, 10_000),
            st.sampled_from(HOSTILE_CHARACTERS),
        ),
    ),
)
def test_mutated_rule_packs(
    pack: str, index: int, changes: list[tuple[str, str]], edit: Mutation | None
) -> None:
    rule = a_rule(pack, index)
    for where, value in changes:
        set_field(rule, where, value)
    text = yaml.safe_dump({"schema": "planlint/rules/v1", "rules": [rule]}, allow_unicode=True)
    if edit is not None:
        text = mutate(text, edit)
    with fuzz_folder() as folder:
        (folder / "rules" / "packs").mkdir(parents=True)
        (folder / "rules" / "packs" / "fuzz.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        assert_well_formed(check_twice(VALID, "--rules", folder / "rules"), folder)


def set_field(rule: dict[str, Any], where: str, value: str) -> None:
    """Set (or delete) a field of a rule; a value is YAML text (`{a: 1}` is a mapping), as a pack would hold."""
    *parents, key = where.split(".")
    target = rule
    for parent in parents:
        if not isinstance(target.get(parent), dict):
            target[parent] = {}
        target = target[parent]
    if value == "DELETE":
        target.pop(key, None)
        return
    if key in ("en", "zh"):
        target[key] = value  # a template, as written
        return
    try:
        target[key] = yaml.safe_load(f"v: {value}")["v"]
    except (yaml.YAMLError, ValueError):
        target[key] = value
