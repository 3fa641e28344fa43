"""Run the planlint command line in this process, as `planlint ARGS` would run, with its streams captured.

Spawning a Python per command was about half the suite's time; the few tests that need a real process
(exit status of the script, `--help` imports, the installed wheel) still spawn one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from planlint.cli import app

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Ran:
    """What a run printed and how it ended (the names of subprocess.CompletedProcess)."""

    returncode: int
    stdout: str
    stderr: str


def planlint(*args: str | Path, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Ran:
    """`planlint ARGS` in `cwd` (default: the repository); an unexpected exception is raised, not printed."""
    with contextlib.chdir(cwd or REPO):
        result = CliRunner().invoke(app, [str(arg) for arg in args], env=env, catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)
