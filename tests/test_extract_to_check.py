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


DAZU = SEEDS / "002_ef32a0dbd7f02db6.txt"


@pytest.mark.skipif(not DAZU.exists(), reason=f"the seed documents are not at {SEEDS}")
def test_two_districts_drafts_in_one_check_each_under_its_code_and_quoted_in_the_memo(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    banan, dazu = tmp_path / "巴南区规划.txt", tmp_path / "大足区规划.txt"
    banan.write_bytes(BANAN.read_bytes())
    dazu.write_bytes(DAZU.read_bytes())
    memo = tmp_path / "memo.docx"
    checked = planlint("check", str(banan), str(dazu), "-o", str(memo), "--lang", "zh")
    assert checked.returncode == 1, checked.stderr
    paragraphs = [p.text for p in docx.Document(str(memo)).paragraphs]
    assert {"500113 · 县级", "500111 · 县级"} <= set(paragraphs)  # each district under its own code
    own = [p for p in paragraphs if p.startswith("本规划原文：") and "第 " in p]
    assert {"巴南区规划.txt", "大足区规划.txt"} <= {
        name for p in own for name in (banan.name, dazu.name) if name in p
    }
    assert own and all("「" in p and "未附原文" not in p for p in own), own
    ancestors = [p for p in paragraphs if p.startswith("上级规划（cq）原文：")]  # not quoted without --docs
    assert ancestors and all("行（未附原文：用 --docs" in p for p in ancestors), ancestors
