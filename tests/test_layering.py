"""Imports go one way: the core (load, hierarchy, rules, kinds, evaluate) never imports the CLI or reporters."""

from __future__ import annotations

import subprocess
import sys

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
        "import sys\nsys.argv = ['planlint', '--help']\nfrom planlint.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('pint', 'networkx', 'pydantic', 'planlint.extract.assemble', 'planlint.synth.build')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
