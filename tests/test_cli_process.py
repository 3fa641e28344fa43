"""The real `python -m planlint` process: exit statuses 0, 1 and 2, and --help (the rest runs in-process)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from planlint.cli import exits
from tests.cli import planlint
from tests.kindcases import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planlint", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_help_lists_every_command_in_order() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split("Commands", 1)[1]
    listed = re.findall(r"^\W ([a-z]+) ", commands, flags=re.MULTILINE)  # a name starts its row
    assert listed == ["validate", "tree", "check", "rules", "explain", "requirements", "extract", "synth"]


def test_exit_0_when_nothing_reaches_fail_on() -> None:
    result = run("check", "fixtures/valid", "--fail-on", "warning", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "2 plan(s) checked: 0 error(s), 0 warning(s), 1 info." in result.stdout


def test_exit_1_when_findings_reach_fail_on() -> None:
    result = run("check", "fixtures/valid", "--fail-on", "info", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""


def test_exit_2_for_bad_input_with_one_line_and_no_traceback() -> None:
    result = run("validate", "fixtures/bad-input/unknown-unit.yaml", "--lang", "en")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("planlint: fixtures/bad-input/unknown-unit.yaml:")
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2() -> None:
    result = run("check", "--format", "pdf")
    assert result.returncode == 2
    assert "--format must be one of" in result.stderr


def test_a_script_run_that_ends_at_once_leaves_its_whole_output_on_a_pipe_and_in_a_file(
    tmp_path: Path,
) -> None:
    """The script ends with os._exit after the command (nothing is freed one by one): what it printed to a
    pipe and wrote to a file is whole, and the same as an in-process run's."""
    piped = run("check", "plans", "--format", "json", "--lang", "en")
    in_process = planlint("check", "plans", "--format", "json", "--lang", "en")
    assert piped.returncode == in_process.returncode == 1, piped.stderr
    assert json.loads(piped.stdout)["findings"] == json.loads(in_process.stdout)["findings"]
    written = tmp_path / "report.html"
    assert run("check", "plans", "-o", str(written), "--fail-on", "never").returncode == 0
    assert written.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_in_process_runs_keep_nothing_until_exit() -> None:
    """A caller's own process (a test's CliRunner) is not ended by the command, so nothing is kept for it."""
    planlint("check", "plans", "--fail-on", "never")
    assert exits._kept_until_exit is None
