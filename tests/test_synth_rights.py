"""`planlint synth --rights`: synthetic rights for a synthetic nation; every planted breach (and every cap
the batch's totals push over) is found at its right, and the clean rights give no finding at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planlint import api
from planlint.rights import check_rights
from tests.cli import planlint

# 2 provinces × 2 cities × 3 counties, seed 3, 2 breaches per rule, 300 rights
SMALL_NATION = (
    *("--provinces", "2", "--cities-per-province", "2", "--counties-per-city", "3", "--municipalities", "0"),
    *("--seed", "3", "--violations", "2", "--rights", "300"),
)


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rights-nation")
    result = planlint("synth", "-o", root, *SMALL_NATION, "--force")
    assert result.returncode == 0, result.stderr
    return root


def test_every_breach_is_found_at_its_right_and_clean_rights_pass(nation: Path) -> None:
    manifest = json.loads((nation / "manifest.json").read_text(encoding="utf-8"))["rights"]
    planted = {(b["right"], b["rule"]) for b in manifest["breaches"]}
    assert {rule for _, rule in planted} >= {"PL501", "PL510", "PL522", "PL530", "PL550"}
    report = check_rights(api.load([nation / "plans"]), nation / manifest["file"])
    assert len(report.rights) == manifest["count"] >= 250
    found = {(f.right, f.rule) for f in report.findings}
    assert planted <= found
    # a clean right (SR…) gives exactly what the manifest says of it: nothing, or the cap its total exceeds
    unplanned = sorted(
        f"{f.right} {f.rule}: {f.message['en']}"
        for f in report.findings
        if f.right and f.right.startswith("SR") and (f.right, f.rule) not in planted
    )
    assert unplanned == []


def test_the_same_seed_writes_the_same_rights(nation: Path, tmp_path: Path) -> None:
    result = planlint("synth", "-o", tmp_path, *SMALL_NATION)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "rights.csv").read_bytes() == (nation / "rights.csv").read_bytes()


def test_the_manifest_and_the_message_count_clean_and_planted_rights_apart(tmp_path: Path) -> None:
    result = planlint("synth", "-o", tmp_path, *SMALL_NATION, "--lang", "en")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["rights"]
    rows = (tmp_path / "rights.csv").read_text(encoding="utf-8").splitlines()[1:]
    planted_rows = [row for row in rows if row.startswith("SX")]
    assert manifest["count"] == len(rows)
    assert manifest["clean"] == len(rows) - len(planted_rows) <= 300
    assert planted_rows, "breaches are planted on rights of their own"
    said = f"wrote {len(rows)} rights to {tmp_path / 'rights.csv'}: {manifest['clean']} clean (--rights) and "
    assert said + f"{len(planted_rows)} more carrying planted breaches" in result.stdout
