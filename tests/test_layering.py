"""Imports go one way (the core never imports the CLI or reporters) and never in a circle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools.import_cycles import import_cycles, import_graph, problems

CORE = (
    "planlint.api",
    "planlint.evaluate",
    "planlint.kinds",
    "planlint.requirements",
    "planlint.extract.assemble",
)
OUTER = ("typer", "rich", "planlint.report", "planlint.cli")


def test_core_imports_neither_cli_nor_reporters() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({OUTER!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_help_does_not_load_the_engine() -> None:
    code = (
        # the app `main` runs (main itself ends the process at once, leaving nothing to print)
        "import sys\nsys.argv = ['planlint', '--help']\nfrom planlint.cli import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = ('pint', 'networkx', 'pydantic', 'planlint.extract.assemble', 'planlint.synth.build')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_no_import_cycle_in_the_package() -> None:
    assert problems(import_graph()) == []


def test_cycles_count_imports_in_functions_but_not_type_checking_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "cyclepkg"
    package.mkdir()
    files = {
        "__init__.py": "",
        "a.py": "def later() -> None:\n    from cyclepkg import b\n",
        "b.py": "import cyclepkg.a\n",
        "c.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from cyclepkg import d\n",
        "d.py": "import cyclepkg.c\n",
    }
    for name, source in files.items():
        (package / name).write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = import_graph("cyclepkg")
    assert import_cycles(graph) == [frozenset({"cyclepkg.a", "cyclepkg.b"})]
    found = problems(graph, allowed=frozenset({frozenset({"cyclepkg.c", "cyclepkg.d"})}))
    assert found[0] == "import cycle among 2 modules:"
    assert "  cyclepkg.a -> cyclepkg.b (l.2)" in found
    assert found[-1] == "no longer a cycle, remove it from ALLOWED: cyclepkg.c, cyclepkg.d"
