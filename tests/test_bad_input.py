"""Bad input through the command line: exit 2, `file:line: field: message` on stderr, no traceback.

Run in-process (tests/test_cli_process.py runs the real script). The cases, with the line and field each
must name, are in fixtures/bad-input/cases.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli import Ran, planlint

ROOT = Path(__file__).resolve().parent.parent
BAD = Path("fixtures/bad-input")  # relative to ROOT, so the printed paths are predictable
VALID = Path("fixtures/valid")
CASES: list[dict[str, Any]] = yaml.safe_load((ROOT / BAD / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def run_planlint(*args: str) -> Ran:
    return planlint(*args, cwd=ROOT, env={"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})


def test_every_fixture_has_a_case() -> None:
    listed = {case["path"] for case in CASES}
    present = {p.name for p in (ROOT / BAD).iterdir() if p.name != "cases.yaml"}
    assert listed == present


@pytest.mark.parametrize("case", CASES, ids=[case["path"] for case in CASES])
def test_bad_input_exits_2_naming_file_line_and_field(case: dict[str, Any]) -> None:
    result = run_planlint("validate", str(BAD / case["path"]), "--lang", "en")
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert "valid." not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert all(line.startswith("planlint: ") for line in lines), result.stderr
    assert len(lines) == len(case["errors"]), result.stderr
    for expected in case["errors"]:
        where = f"planlint: {BAD / expected['file']}:{expected['line']}: "
        if expected["field"] is not None:
            where += f"{expected['field']}: "
        matching = [line for line in lines if line.startswith(where)]
        assert matching, f"no line starts with {where!r}:\n{result.stderr}"
        parts = expected["message"] if isinstance(expected["message"], list) else [expected["message"]]
        assert any(all(part in line for part in parts) for line in matching), result.stderr


def test_malformed_yaml_names_no_field_it_cannot_know() -> None:
    result = run_planlint("validate", str(BAD / "malformed-yaml.yaml"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"planlint: {BAD / 'malformed-yaml.yaml'}:13: malformed YAML: ")


def test_missing_path_is_bad_input() -> None:
    result = run_planlint("validate", "fixtures/no-such-plan.yaml")
    assert result.returncode == 2
    assert result.stderr == "planlint: fixtures/no-such-plan.yaml: no such file or directory\n"


def test_every_error_in_a_run_is_reported() -> None:
    # several bad files at once: validate reports each of them, not only the first
    paths = [str(BAD / name) for name in ("unknown-unit.yaml", "unknown-metric.yaml", "wrong-type.yaml")]
    result = run_planlint("validate", *paths)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for name, field in (("unknown-unit", "unit"), ("unknown-metric", "metric"), ("wrong-type", "year")):
        assert f"{BAD / name}.yaml:" in result.stderr
        assert f": indicators.0.{field}: " in result.stderr


def test_bad_input_stops_check_and_tree_too() -> None:
    for command in ("check", "tree"):
        result = run_planlint(command, str(BAD / "level-inversion"))
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert f"{BAD / 'level-inversion' / 'province.yaml'}:7: parents.0: level inversion" in result.stderr
        assert "Traceback" not in result.stdout + result.stderr


def test_valid_fixtures_exit_0() -> None:
    result = run_planlint("validate", str(VALID), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 plan file(s) valid."
    assert result.stderr == ""


def test_each_valid_fixture_with_its_ancestors_exits_0() -> None:
    chain = [VALID / "cn.yaml", VALID / "xs.yaml", VALID / "xs-dongshan.yaml"]
    for upto in range(1, len(chain) + 1):
        result = run_planlint("validate", *map(str, chain[:upto]), "--lang", "zh")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"{upto} 个规划文件均有效。"


def test_a_valid_child_without_its_parent_is_bad_input() -> None:
    result = run_planlint("validate", str(VALID / "xs-dongshan.yaml"))
    assert result.returncode == 2
    assert f"{VALID / 'xs-dongshan.yaml'}:8: parents.0: unknown parent 'xs'" in result.stderr


@pytest.mark.parametrize(
    ("fixture", "chinese"),
    [
        ("unknown-mineral.yaml", "未知矿种"),
        ("unknown-unit.yaml", "未知单位"),
        ("unknown-key.yaml", "未知字段"),
        ("malformed-yaml.yaml", "YAML 格式错误"),
        ("not-a-plan-list.yaml", "不是规划文件"),
        ("unknown-parent", "未知上级规划"),
        ("cycle", "成环"),
        ("level-inversion", "层级倒置"),
        ("duplicate-id", "重复"),
        ("region-undefined", "未由任何上级规划划定"),
    ],
)
def test_input_errors_in_chinese_keep_file_line_and_field(fixture: str, chinese: str) -> None:
    result = run_planlint("validate", str(BAD / fixture), "--lang", "zh")
    assert result.returncode == 2
    assert chinese in result.stderr
    assert re.search(r"\.yaml:\d+: ", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
