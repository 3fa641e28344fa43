"""`--format sarif`: valid SARIF 2.1.0 (the official schema), one descriptor per rule, one result per
finding with a physical location per cited line and logical locations for the plans; `--output`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest

from planlint import api
from planlint.report import Options, render
from planlint.report.render import reasons
from planlint.review import Waiver, grounds, review, verdict_text
from tests.cli import planlint
from tests.test_report_markdown import REPO, SEEDS, sample_docs, sample_report

SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    if not SCHEMA.is_file():
        pytest.skip(f"the official SARIF 2.1.0 schema is not at {SCHEMA} (../shared/schemas beside the repo)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _valid(validator: Any, data: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{e.json_path}: {e.message}" for e in errors[:10])


def sarif(report: Any, **options: Any) -> dict[str, Any]:
    return json.loads(render("sarif", report, Options(**options)))  # type: ignore[no-any-return]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bundled_plans_validate_against_the_official_schema(validator: Any, lang: str) -> None:
    report = api.check(api.load())
    docs = SEEDS if SEEDS.is_dir() else None
    data = sarif(report, lang=lang, docs=docs)
    _valid(validator, data)
    assert data["version"] == "2.1.0"
    assert len(data["runs"][0]["results"]) == len(report.findings)


def test_sample_validates_with_and_without_docs_and_rules(validator: Any, tmp_path: Path) -> None:
    _valid(validator, sarif(sample_report(), lang="en"))
    _valid(validator, sarif(sample_report(), lang="zh", docs=sample_docs(tmp_path)))
    _valid(validator, sarif(sample_report(rules=False), lang="en"))
    empty = sample_report()
    _valid(validator, sarif(type(empty)(empty.plans, ()), lang="en"))


def test_one_descriptor_per_rule_with_the_norm() -> None:
    report = sample_report()
    driver = sarif(report, lang="en")["runs"][0]["tool"]["driver"]
    descriptors = {d["id"]: d for d in driver["rules"]}
    assert len(descriptors) == len(driver["rules"])  # ids are unique
    specs = {r.spec.id: r.spec for r in report.rules}
    assert set(specs) <= set(descriptors)
    assert "PL999" in descriptors  # a finding's rule the report does not carry still gets a descriptor
    for rule_id, spec in specs.items():
        descriptor = descriptors[rule_id]
        assert descriptor["name"] == spec.name
        assert descriptor["shortDescription"]["text"] == spec.title.en
        assert descriptor["fullDescription"]["text"] == spec.description.en
        assert spec.norm.words("en")[0] in descriptor["help"]["text"]  # a label of planlint's own in English
        assert descriptor["properties"]["norm"]["document"] == spec.norm.document
        assert descriptor["properties"]["norm"]["clause"] == spec.norm.clause
    zh = sarif(report, lang="zh")["runs"][0]["tool"]["driver"]["rules"]
    assert zh[0]["shortDescription"]["text"] == report.rules[0].spec.title.zh


def test_results_locations_and_plans(tmp_path: Path) -> None:
    report = sample_report()
    run = sarif(report, lang="en", docs=sample_docs(tmp_path))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    plans = [loc["name"] for loc in run["logicalLocations"]]
    assert plans == [p.id for p in report.plans]
    parent = run["logicalLocations"][plans.index("cty")]["parentIndex"]
    assert plans[parent] == "prov"
    assert run["originalUriBaseIds"]["DOCS"]["uri"] == tmp_path.resolve().as_uri() + "/"
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for finding, result in zip(report.findings, run["results"], strict=True):
        assert result["ruleId"] == finding.rule
        assert rules[result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == levels[finding.severity]
        assert result["message"]["text"] == finding.text("en")
        locations = result["locations"] + result.get("relatedLocations", [])
        physical = {
            (
                unquote(loc["physicalLocation"]["artifactLocation"]["uri"]),
                loc["physicalLocation"]["region"]["startLine"],
            )
            for loc in locations
            if "region" in loc.get("physicalLocation", {})
        }
        cited = {(c.document, c.line) for c in finding.citations if c.document and c.line is not None}
        assert physical == cited
        for loc in locations:
            artifact = loc.get("physicalLocation", {}).get("artifactLocation")
            if artifact:
                assert run["artifacts"][artifact["index"]]["location"]["uri"] == artifact["uri"]
        # the judged plan is a logical location of the result's primary location
        names = {ref["name"] for loc in result["locations"] for ref in loc.get("logicalLocations", [])}
        assert finding.plan in names
    silent = next(r for r in run["results"] if r["ruleId"] == "PL999")
    assert "region" not in silent["locations"][0]["physicalLocation"]  # the plan is silent: document, no line


def test_cited_line_snippet_only_with_docs(tmp_path: Path) -> None:
    def snippets(data: dict[str, Any]) -> set[str]:
        found = set()
        for result in data["runs"][0]["results"]:
            for loc in result["locations"] + result.get("relatedLocations", []):
                snippet = loc.get("physicalLocation", {}).get("region", {}).get("snippet")
                if snippet:
                    found.add(snippet["text"])
        return found

    assert snippets(sarif(sample_report(), lang="en")) == set()
    assert "建筑用砂岩最低开采规模为10万吨/年。" in snippets(
        sarif(sample_report(), lang="en", docs=sample_docs(tmp_path))
    )


def test_output_writes_the_file(validator: Any, tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    result = planlint("check", "--format", "sarif", "--output", str(target), "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    _valid(validator, json.loads(target.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["missing-dir/report.sarif", "."])
def test_unwritable_output_is_bad_input(tmp_path: Path, name: str) -> None:
    result = planlint("check", "--format", "sarif", "--output", str(tmp_path / name))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "cannot write the report" in result.stderr


def test_docs_must_be_a_directory(tmp_path: Path) -> None:
    result = planlint("check", "--format", "markdown", "--docs", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "--docs" in result.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_passes_are_sarif_results_of_kind_pass(validator: Any, lang: str) -> None:
    report = api.check(api.load(), passes=True)
    data = sarif(report, lang=lang)
    _valid(validator, data)
    results = data["runs"][0]["results"]
    passed = [r for r in results if r.get("kind") == "pass"]
    assert len(passed) == len(report.passes) > 0
    assert all(r["level"] == "none" for r in passed)
    assert len(results) - len(passed) == len(report.findings)
    # a row held against an ancestor's row: the plan's line is the location, the ancestor's a related one,
    # each once (the norm is the rule's, in tool.driver.rules, and the properties repeat no citation)
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    bound = next(r for r in passed if rules[r["ruleIndex"]]["properties"]["kind"] == "ancestor_bound")
    assert bound["locations"][0]["physicalLocation"]["region"]["startLine"]
    related = [loc["properties"]["role"] for loc in bound["relatedLocations"]]
    assert related == ["ancestor"]
    assert "citations" not in bound["properties"] and "id" not in bound["properties"]
    held = next(p for p in report.passes if p.id == bound["partialFingerprints"]["planlint/v2"])
    assert (bound["properties"]["plan"], bound["properties"]["against"]) == (held.plan, held.against)
    line = bound["relatedLocations"][0]["physicalLocation"]["region"]["startLine"]
    assert line == next(c.line for c in held.citations if c.role == "ancestor")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_judged_plan_carries_its_verdict_and_reason(validator: Any, lang: str) -> None:
    """A judged plan's logical location says its verdict (code and words) and why; a review round's
    resolved ids and stale waivers are in the run's properties; still valid SARIF."""
    report = api.check(api.load())
    errors = [f for f in report.findings if f.severity == "error"]
    stale = Waiver("PL101-ffffffffff", "已不适用", "某局")
    reviewed = review(report, [Waiver(errors[0].id, "经论证同意", "某局"), stale], frozenset({"PL111-0"}))
    data = sarif(reviewed, lang=lang)
    _valid(validator, data)
    run = data["runs"][0]
    verdicts = {loc["name"]: loc["properties"] for loc in run["logicalLocations"]}
    for plan in report.plans:
        properties = verdicts[plan.id]
        if not plan.judged:
            assert "verdict" not in properties
            continue
        found = grounds(reviewed, plan.id)
        assert properties["verdict"] == found.verdict
        assert properties["verdictText"] == verdict_text(found.verdict, lang)
        assert properties["verdictReason"] == reasons(found, lang)
    assert verdicts["cq-banan"]["verdict"] == "review"  # its one error waived, cn only partly known
    assert "PL150-" in verdicts["cq-banan"]["verdictReason"]
    assert run["properties"]["resolved"] == ["PL111-0"]
    assert run["properties"]["staleWaivers"][0]["finding"] == "PL101-ffffffffff"
    assert "resolved" not in sarif(report, lang=lang)["runs"][0]["properties"]


def test_a_plan_document_read_in_this_run_is_cited_at_the_path_given(validator: Any, tmp_path: Path) -> None:
    (tmp_path / "dr").mkdir()
    template = REPO / "fixtures" / "extract" / "county-tabs.txt"
    text = template.read_text(encoding="utf-8").replace("青山县", "重庆市南川区")
    (tmp_path / "dr" / "南川区规划.txt").write_text(text, encoding="utf-8")
    ran = planlint("check", "dr/南川区规划.txt", "-f", "sarif", "--lang", "en", cwd=tmp_path)
    data = json.loads(ran.stdout)
    _valid(validator, data)
    run = data["runs"][0]
    drafts = [a["location"] for a in run["artifacts"] if "南川" in unquote(a["location"]["uri"])]
    assert [(unquote(d["uri"]), d["uriBaseId"]) for d in drafts] == [("dr/南川区规划.txt", "CWD")]
    assert run["originalUriBaseIds"]["CWD"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_a_public_source_is_cited_at_its_web_address() -> None:
    report = api.check(api.load())
    cited = [c for f in report.findings for c in f.citations if c.plan == "cn" and c.url]
    assert cited, "cn cites no public source: the test needs one"
    uris = {a["location"]["uri"] for a in sarif(report, lang="en")["runs"][0]["artifacts"]}
    assert {c.url for c in cited} <= uris
    assert not [u for u in uris if u.startswith("%E")]  # no title made a uri
