"""With --docs, a citation that cannot be shown (document missing or unreadable, line past the end) is said."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli import planlint

VALID = Path(__file__).resolve().parent.parent / "fixtures" / "valid"
DOCUMENT = "xs-dongshan-example.txt"  # what fixtures/valid/xs-dongshan.yaml cites, lines 90 to 141


def the_valid_plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(VALID, plans)
    return plans


def check_with_docs(tmp_path: Path, document: str | bytes | None) -> list[str]:
    plans, docs = the_valid_plans(tmp_path), tmp_path / "docs"
    docs.mkdir()
    (docs / "xs-example.txt").write_text("正文\n" * 1000, encoding="utf-8")  # what xs.yaml cites, all there
    if isinstance(document, str):
        (docs / DOCUMENT).write_text(document, encoding="utf-8")
    elif isinstance(document, bytes):
        (docs / DOCUMENT).write_bytes(document)
    result = planlint("check", plans, "--docs", docs, "--lang", "en", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("planlint: warning: ")]


def test_every_cited_line_present_gives_no_warning(tmp_path: Path) -> None:
    assert check_with_docs(tmp_path, "正文\n" * 141) == []


def test_a_line_past_the_end_is_named_at_its_citation(tmp_path: Path) -> None:
    warnings = check_with_docs(tmp_path, "正文\n" * 140)
    plan = tmp_path / "plans" / "xs-dongshan.yaml"
    assert warnings == [
        f"planlint: warning: {plan}:69: indicators.5.cite.line: cites line 141 of '{DOCUMENT}', "
        "which has 140 lines: cannot be verified"
    ]


def test_a_missing_document_is_named_once_per_plan(tmp_path: Path) -> None:
    warnings = check_with_docs(tmp_path, None)
    plan = tmp_path / "plans" / "xs-dongshan.yaml"
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"planlint: warning: {plan}:13: source.document: '{DOCUMENT}' in --docs: not found;"
    )
    assert warnings[0].endswith("cited line(s) cannot be verified")


def test_an_unreadable_document_says_why(tmp_path: Path) -> None:
    warnings = check_with_docs(tmp_path, "规划".encode("gbk"))
    assert len(warnings) == 1 and "not a UTF-8 text file" in warnings[0]
