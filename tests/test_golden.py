"""Golden reports: the JSON report of the bundled plans and of a small synthetic nation, byte for byte.

A change that means to alter findings regenerates them on purpose and says so in its commit:
`PLANLINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planlint import api
from planlint.report import Options, render
from planlint.synth.run import generate
from planlint.synth.shape import Shape

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
UPDATE = os.environ.get("PLANLINT_UPDATE_GOLDEN") == "1"


def _json_report(paths: list[Path] | None, lang: str) -> str:
    project = api.load(paths) if paths else api.load()
    return render("json", api.check(project), Options(lang=lang))  # type: ignore[arg-type]


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden report"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bundled_plans_report_is_unchanged(lang: str) -> None:
    _compare(f"bundled.{lang}.json", _json_report(None, lang))


def test_small_synthetic_nation_report_is_unchanged(tmp_path: Path) -> None:
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    _compare("synth-small.en.json", _json_report([tmp_path / "plans"], "en"))
