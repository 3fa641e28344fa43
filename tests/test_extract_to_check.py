"""The county bureau's flow end to end: extract a draft from a document, then check it against the bundled plans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import planlint
from tests.kindcases import REPO

SEEDS = REPO.parent / "shared" / "seeds"
BANAN = SEEDS / "000_4729b6005d3d87fd.txt"


@pytest.mark.skipif(not BANAN.exists(), reason=f"the seed documents are not at {SEEDS}")
def test_extracted_draft_is_checked_like_the_hand_encoded_plan(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    extract = ["extract", str(BANAN), "--id", "draft-banan", "--parent", "cq"]
    made = planlint(*extract, "--level", "county", "-o", str(draft))
    assert made.returncode == 0, made.stderr
    checked = planlint("check", str(REPO / "plans"), str(draft), "--plan", "draft-banan", "--format", "json")
    findings = json.loads(checked.stdout)["findings"]
    rules = {(f["rule"], f["mineral"]) for f in findings if f["severity"] == "error"}
    assert ("PL101", "地热") in rules
