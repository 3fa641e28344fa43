"""The coverage script on the seeds: every 专栏 row of the five seeds is encoded (issue 3's done-when)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint.paths import bundled_plans
from tools.coverage import SeedCoverage, coverage, main, render

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

if not SEEDS.is_dir():
    pytest.skip(
        f"seed documents not found at {SEEDS} (coverage is measured on them)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def results() -> list[SeedCoverage]:
    return coverage(SEEDS, bundled_plans())


def test_every_seed_is_encoded_by_a_plan_and_has_tables(results: list[SeedCoverage]) -> None:
    assert len(results) == 5
    for seed in results:
        assert seed.plans, f"{seed.seed}: no plan names it as source.document"
        assert seed.tables, f"{seed.seed}: no 专栏 found"
        assert seed.rows, f"{seed.seed}: no number-bearing 专栏 row found"


def test_every_table_row_is_encoded(results: list[SeedCoverage]) -> None:
    missing = [
        f"{seed.seed}: {table.title}: line {row.number}: {row.text}"
        for seed in results
        for table in seed.tables
        for row in table.unencoded
    ]
    assert not missing, f"{len(missing)} 专栏 row(s) not cited by any plan:\n" + "\n".join(missing)


def test_the_report_lists_each_seed_and_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seeds", str(SEEDS)]) == 0
    printed = capsys.readouterr().out
    assert "python -m tools.coverage" in printed
    for seed in SEEDS.glob("*.txt"):
        assert f"## {seed.name}" in printed


def test_render_names_unencoded_rows(results: list[SeedCoverage]) -> None:
    seed = results[0]
    table = seed.tables[0]
    row = table.rows[0]
    row.encoded = False
    try:
        text = render([seed])
    finally:
        row.encoded = True
    assert f"line {row.number}:" in text
    assert "Unencoded 专栏 rows" in text
