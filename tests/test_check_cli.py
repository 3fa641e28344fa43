"""`planlint check`, `rules`, `explain` and `requirements` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from planlint import api
from planlint.docgen import rules_markdown
from planlint.rules import load_rules
from tests.cli import planlint
from tests.kindcases import REPO, write_plans

FINDING_SCHEMA = {
    "type": "object",
    "required": [
        "rule",
        "kind",
        "severity",
        "plan",
        "against",
        "metric",
        "mineral",
        "expected",
        "actual",
        "message",
        "citations",
    ],
    "properties": {
        "rule": {"type": "string", "pattern": "^PL[1-4][0-9]{2}$"},
        "kind": {"type": "string"},
        "severity": {"enum": ["error", "warning", "info"]},
        "plan": {"type": "string"},
        "against": {"type": ["string", "null"]},
        "message": {"type": "string", "minLength": 1},
        "expected": {"type": ["object", "null"], "required": ["op", "value", "unit"]},
        "actual": {"type": ["object", "null"], "required": ["op", "value", "unit"]},
        "citations": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["role", "document"],
                "properties": {
                    "role": {"enum": ["norm", "ancestor", "plan"]},
                    "line": {"type": ["integer", "null"]},
                },
            },
        },
    },
}
REPORT_SCHEMA = {
    "type": "object",
    "required": ["tool", "plans", "summary", "findings"],
    "properties": {
        "tool": {
            "type": "object",
            "required": ["name", "version"],
            "properties": {"name": {"const": "planlint"}},
        },
        "plans": {
            "type": "array",
            "items": {"type": "object", "required": ["id", "name", "level", "parents"]},
        },
        "summary": {
            "type": "object",
            "required": ["error", "warning", "info"],
            "properties": {s: {"type": "integer", "minimum": 0} for s in ("error", "warning", "info")},
            "additionalProperties": False,
        },
        "findings": {"type": "array", "items": FINDING_SCHEMA},
    },
}


def _violating(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    write_plans(
        tmp_path,
        [
            {
                "id": "p",
                "level": "province",
                "parents": [],
                "indicators": [
                    {
                        "metric": "min_scale",
                        "mineral": "水泥用灰岩",
                        "op": ">=",
                        "value": 100,
                        "unit": "矿石 万吨",
                        "attribute": "binding",
                        "cite": {"line": 3, "table": "专栏9"},
                    }
                ],
            },
            {
                "id": "c",
                "level": "county",
                "parents": ["p"],
                "indicators": [
                    {
                        "metric": "min_scale",
                        "mineral": "水泥用灰岩",
                        "op": ">=",
                        "value": 50,
                        "unit": "万吨/年",
                        "attribute": "binding",
                        "cite": {"line": 7},
                    }
                ],
            },
        ],
    )
    return tmp_path


def test_json_report_on_bundled_plans_matches_the_contract() -> None:
    result = planlint("check", "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, REPORT_SCHEMA)
    assert {p["id"] for p in data["plans"]} >= {
        "cq",
        "cq-banan",
        "cq-dazu",
        "ha-nanyang-fangcheng",
        "gs-baiyin-huining",
    }
    counted = {
        s: sum(1 for f in data["findings"] if f["severity"] == s) for s in ("error", "warning", "info")
    }
    assert counted == data["summary"]
    for finding in data["findings"]:
        assert finding["citations"][0]["role"] == "norm"


def test_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    directory = _violating(tmp_path)
    assert planlint("check", str(directory)).returncode == 1
    assert planlint("check", str(directory), "--fail-on", "never").returncode == 0
    assert planlint("check", str(directory), "--plan", "p").returncode == 0


def test_json_finding_for_a_made_up_violation(tmp_path: Path) -> None:
    result = planlint("check", str(_violating(tmp_path)), "--format", "json")
    data = json.loads(result.stdout)
    findings = [f for f in data["findings"] if f["rule"] == "PL101"]
    assert len(findings) == 1
    finding = findings[0]
    assert (finding["plan"], finding["against"], finding["severity"]) == ("c", "p", "error")
    assert finding["expected"] == {"op": ">=", "value": 100, "unit": "矿石 万吨"}
    assert finding["actual"] == {"op": ">=", "value": 50, "unit": "万吨/年"}
    roles = [(c["role"], c.get("line")) for c in finding["citations"]]
    assert roles == [("norm", None), ("ancestor", 3), ("plan", 7)]


def test_text_report_names_rule_and_both_places_in_both_languages(tmp_path: Path) -> None:
    directory = _violating(tmp_path)
    english = planlint("check", str(directory), "--lang", "en").stdout
    chinese = planlint("check", str(directory), "--lang", "zh").stdout
    assert "PL101" in english and "L3" in english and "L7" in english and "error" in english
    assert "PL101" in chinese and "错误" in chinese and "低于" in chinese


def test_docs_option_prints_the_cited_line(tmp_path: Path) -> None:
    directory = _violating(tmp_path / "plans")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "p.txt").write_text("a\nb\n水泥用灰岩 100 万吨\n", encoding="utf-8")
    result = planlint("check", str(directory), "--docs", str(docs), "--lang", "en")
    assert "水泥用灰岩 100 万吨" in result.stdout


def test_output_file_and_unknown_plan(tmp_path: Path) -> None:
    directory = _violating(tmp_path / "plans")
    out = tmp_path / "report.json"
    result = planlint("check", str(directory), "--format", "json", "--output", str(out))
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["error"] >= 1
    missing = planlint("check", str(directory), "--plan", "nope")
    assert missing.returncode == 2 and "nope" in missing.stderr and "Traceback" not in missing.stderr


def test_report_is_deterministic() -> None:
    first = planlint("check", "--format", "json", "--fail-on", "never").stdout
    second = planlint("check", "--format", "json", "--fail-on", "never").stdout
    assert first == second


def test_rules_and_explain() -> None:
    listing = planlint("rules", "--lang", "en")
    assert listing.returncode == 0 and "PL101" in listing.stdout
    explained = planlint("explain", "PL101", "--lang", "en")
    assert explained.returncode == 0 and "min_scale" in explained.stdout and "编制要点" in explained.stdout
    unknown = planlint("explain", "PL999")
    assert unknown.returncode == 2 and "PL999" in unknown.stderr


def test_requirements_lists_ancestor_floors_with_citations(tmp_path: Path) -> None:
    directory = _violating(tmp_path)
    result = planlint("requirements", str(directory), "--plan", "c", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "水泥用灰岩" in result.stdout and "L3" in result.stdout
    assert planlint("requirements", str(directory)).returncode == 2


def test_every_rule_has_both_languages_and_a_norm() -> None:
    for rule in load_rules(api.rule_directories()):
        spec = rule.spec
        assert spec.title.zh and spec.title.en and spec.message.zh and spec.message.en
        assert spec.norm.document


def test_generated_rule_docs_are_up_to_date() -> None:
    expected = rules_markdown(load_rules(api.rule_directories()))
    actual = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run `python -m planlint.docgen > docs/rules.md`"


def test_extra_rule_pack_and_duplicate_ids(tmp_path: Path) -> None:
    directory = _violating(tmp_path / "plans")
    extra = tmp_path / "extra" / "packs"
    extra.mkdir(parents=True)
    pack = (REPO / "rules" / "packs" / "conformance.yaml").read_text(encoding="utf-8")
    (extra / "dup.yaml").write_text(pack, encoding="utf-8")
    duplicate = planlint("check", str(directory), "--rules", str(tmp_path / "extra"))
    assert duplicate.returncode == 2 and "PL101" in duplicate.stderr and "dup.yaml" in duplicate.stderr
    (extra / "dup.yaml").write_text(pack.replace("PL101", "PL199").replace("PL10", "PL18"), encoding="utf-8")
    result = planlint("check", str(directory), "--rules", str(tmp_path / "extra"), "--format", "json")
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert {"PL101", "PL199"} <= rules


def test_bad_rule_pack_param_is_a_located_error(tmp_path: Path) -> None:
    directory = _violating(tmp_path / "plans")
    extra = tmp_path / "extra" / "packs"
    extra.mkdir(parents=True)
    pack = (REPO / "rules" / "packs" / "conformance.yaml").read_text(encoding="utf-8")
    pack = pack.replace("PL10", "PL18").replace("direction: floor}", "direction: floor, minn: 1}", 1)
    (extra / "bad.yaml").write_text(pack, encoding="utf-8")
    result = planlint("check", str(directory), "--rules", str(tmp_path / "extra"))
    assert result.returncode == 2
    assert "bad.yaml:" in result.stderr and "minn" in result.stderr and "Traceback" not in result.stderr


def test_requirements_name_a_zone_by_its_kind_in_words() -> None:
    chinese = planlint("requirements", "--plan", "cq-dazu", "--lang", "zh")
    assert chinese.returncode == 0, chinese.stderr
    assert (
        "大足万古集中开采区（集中开采区）" in chinese.stdout and "concentrated_mining" not in chinese.stdout
    )
    english = planlint("requirements", "--plan", "cq-dazu", "--lang", "en")
    assert "大足万古集中开采区 (concentrated mining area)" in english.stdout


REPORT_STARTS = {
    ".docx": b"PK",  # a Word file is a zip
    ".html": b"<!DOCTYPE html>",
    ".htm": b"<!DOCTYPE html>",
    ".json": b'{\n  "tool": {\n    "name": "planlint"',
    ".sarif": b'{\n  "$schema": "https://json.schemastore.org/sarif',
    ".md": b"# ",
    ".txt": "cq 重庆市".encode(),
}


@pytest.mark.parametrize("suffix", sorted(REPORT_STARTS))
def test_the_output_files_extension_gives_the_format(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"report{suffix}"
    result = planlint("check", "--plan", "cq", "-o", str(out), "--lang", "zh")
    assert result.returncode in (0, 1), result.stderr
    assert out.read_bytes().startswith(REPORT_STARTS[suffix]), out.read_bytes()[:80]


def test_a_format_the_output_extension_contradicts_is_bad_input_naming_both(tmp_path: Path) -> None:
    out = tmp_path / "memo.docx"
    result = planlint("check", "--plan", "cq", "-f", "text", "-o", str(out), "--lang", "zh")
    assert result.returncode == 2 and not out.exists()
    assert f"{out}: --output: 文件扩展名对应 --format docx，但 --format 为 text" in result.stderr
    english = planlint("check", "--plan", "cq", "-f", "markdown", "-o", str(out), "--lang", "en")
    assert english.returncode == 2
    assert "extension asks for --format docx, but --format is markdown" in english.stderr
    sarif = tmp_path / "report.json"  # SARIF is JSON
    assert planlint("check", "--plan", "cq", "-f", "sarif", "-o", str(sarif)).returncode in (0, 1)
    assert b"$schema" in sarif.read_bytes()[:40]


def test_check_rights_takes_the_format_from_the_extension_too(tmp_path: Path) -> None:
    memo = tmp_path / "审查意见.docx"
    result = planlint("check-rights", str(REPO / "fixtures" / "rights" / "fuling.csv"), "-o", str(memo))
    assert result.returncode == 1 and memo.read_bytes().startswith(b"PK")
    contradicted = planlint(
        "check-rights", str(REPO / "fixtures" / "rights" / "fuling.csv"), "-f", "json", "-o", str(memo)
    )
    assert contradicted.returncode == 2 and "--format is json" in contradicted.stderr


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_an_output_named_as_a_document_planlint_does_not_write_is_bad_input(
    tmp_path: Path, suffix: str
) -> None:
    """Without --format, report.pdf would get plain text no PDF viewer opens: refused, nothing written."""
    out = tmp_path / f"report{suffix}"
    result = planlint("check", "--plan", "cq", "-o", str(out), "--lang", "zh")
    assert result.returncode == 2 and not out.exists()
    assert f"{out}: --output: planlint 不生成 {suffix} 文件" in result.stderr and ".docx" in result.stderr
    english = planlint("check", "--plan", "cq", "-o", str(out), "--lang", "en")
    assert english.returncode == 2 and f"does not write {suffix} files" in english.stderr
    chosen = planlint("check", "--plan", "cq", "-f", "text", "-o", str(out))  # asked for: written
    assert chosen.returncode in (0, 1) and out.exists()
