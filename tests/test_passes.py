"""`--show-passes`: each comparison a rule made that held, per compared row, citing both documents.

A pass is a row of the judged plan compared with an ancestor's row (or with the plan's own rows) that held;
a rule that compared nothing on a plan lists no pass. Hypothesis: passes and findings never cover the same
compared pair of rows, and tightening a child's limit never turns a pass into a finding.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlint import api
from planlint.evaluate import evaluate
from planlint.findings import Citation, Report, Subject, _canonical, _subject_key_text
from planlint.kinds import REGISTRY
from planlint.report import Options, render
from planlint.report.render import pass_text
from planlint.rights import check_rights, rights_rules
from planlint.rights.evaluate import RightHeld, RightsContext
from planlint.rights.kinds import REGISTRY as RIGHTS_KINDS
from planlint.rights.prepare import prepare_rights
from planlint.rights.read import load_rights
from tests.cli import planlint
from tests.kindcases import REPO, all_rules, load_cases, write_plans
from tests.test_properties import RULES, SETTINGS, _move, hierarchy
from tests.test_report_sarif import _valid, validator  # noqa: F401 (a fixture)
from tests.test_review import _rewrite, _shift_lines


def _floor(mineral: str, value: float, unit: str, line: int, **extra: Any) -> dict[str, Any]:
    return (
        {"metric": "min_scale", "mineral": mineral, "op": ">=", "value": value, "unit": unit}
        | extra
        | {"cite": {"line": line}}
    )


def checked(directory: Path, plans: list[dict[str, Any]], rules: tuple[str, ...] = RULES) -> Report:
    """The plans written and checked with passes, by the given rules (none given: every rule)."""
    write_plans(directory, plans)
    chosen = [r for r in all_rules() if not rules or r.id in rules]
    return evaluate(api.load([directory]), chosen, with_passes=True)


def _lines(citations: tuple[Citation, ...], role: str) -> list[tuple[str | None, int | None]]:
    return [(c.plan, c.line) for c in citations if c.role == role]


def pairs(report: Report) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """The (rule, ancestor row, plan row) pairs the findings and the passes cover, rows named by their lines."""

    def of(items: Any) -> set[tuple[Any, ...]]:
        return {
            (item.rule, ancestor, own)
            for item in items
            for ancestor in _lines(item.citations, "ancestor")
            for own in _lines(item.citations, "plan")
        }

    return of(report.findings), of(report.passes or ())


def test_a_child_row_that_meets_its_ancestors_row_is_a_pass_citing_both(tmp_path: Path) -> None:
    plans = [
        {
            "id": "p",
            "level": "province",
            "parents": [],
            "indicators": [_floor("水泥用灰岩", 100, "矿石 万吨", 10)],
        },
        {
            "id": "c",
            "level": "county",
            "parents": ["p"],
            "indicators": [_floor("水泥用灰岩", 120, "万吨/年", 20)],
        },
    ]
    report = checked(tmp_path, plans)
    assert not report.findings
    assert report.passes is not None and len(report.passes) == 1
    held = report.passes[0]
    assert (held.rule, held.kind, held.plan, held.against) == ("PL101", "ancestor_bound", "c", "p")
    assert [c.role for c in held.citations] == ["norm", "ancestor", "plan"]
    assert _lines(held.citations, "ancestor") == [("p", 10)] and _lines(held.citations, "plan") == [("c", 20)]
    assert held.expected is not None and held.expected.value == 100
    assert held.actual is not None and held.actual.value == 120
    assert held.id.startswith("PL101-pass-")


def test_a_row_can_hold_against_one_ancestor_and_break_another(tmp_path: Path) -> None:
    plans = [
        {
            "id": "p",
            "level": "province",
            "parents": [],
            "indicators": [_floor("水泥用灰岩", 50, "矿石 万吨", 10)],
        },
        {
            "id": "m",
            "level": "city",
            "parents": ["p"],
            "indicators": [_floor("水泥用灰岩", 100, "矿石 万吨", 15)],
        },
        {
            "id": "c",
            "level": "county",
            "parents": ["m"],
            "indicators": [_floor("水泥用灰岩", 80, "万吨/年", 20)],
        },
    ]
    report = checked(tmp_path, plans)
    assert [(f.rule, f.plan, f.against) for f in report.findings] == [("PL101", "c", "m")]
    assert report.passes is not None
    assert {(p.rule, p.plan, p.against) for p in report.passes} == {("PL101", "c", "p"), ("PL101", "m", "p")}
    found, held = pairs(report)
    assert ("PL101", ("p", 10), ("c", 20)) in held and ("PL101", ("m", 15), ("c", 20)) in found
    assert not found & held


def test_a_rule_that_compared_nothing_lists_no_pass(tmp_path: Path) -> None:
    plans = [
        {
            "id": "p",
            "level": "province",
            "parents": [],
            "indicators": [_floor("水泥用灰岩", 100, "矿石 万吨", 10)],
        },
        {"id": "c", "level": "county", "parents": ["p"], "indicators": [_floor("锶", 5, "万吨/年", 20)]},
        {"id": "d", "level": "county", "parents": ["p"], "indicators": []},
    ]
    report = checked(tmp_path, plans)
    assert not report.findings
    assert report.passes == ()
    assert not api.check(api.load([tmp_path])).passes and api.check(api.load([tmp_path])).passes is None


def test_a_sum_within_the_parents_cap_is_a_pass_for_each_judged_child(tmp_path: Path) -> None:
    cap = {
        "metric": "extraction_total",
        "mineral": "建筑石料用灰岩",
        "op": "<=",
        "unit": "万吨/年",
        "basis": "ore",
    }
    plans = [
        {
            "id": "p",
            "level": "province",
            "parents": [],
            "indicators": [cap | {"value": 100, "cite": {"line": 10}}],
        },
        {
            "id": "a",
            "level": "county",
            "parents": ["p"],
            "indicators": [cap | {"value": 40, "cite": {"line": 20}}],
        },
        {
            "id": "b",
            "level": "county",
            "parents": ["p"],
            "indicators": [cap | {"value": 50, "cite": {"line": 30}}],
        },
    ]
    report = checked(tmp_path, plans, ("PL201",))
    assert report.passes is not None
    assert [(p.plan, p.against, _lines(p.citations, "plan")) for p in report.passes] == [
        ("a", "p", [("a", 20)]),
        ("b", "p", [("b", 30)]),
    ]
    assert all(p.actual is not None and p.actual.value == 90 for p in report.passes)


@SETTINGS
@given(hierarchy())
def test_passes_and_findings_never_cover_the_same_pair_of_rows(plans: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        found, held = pairs(checked(Path(tmp), plans))
    assert not found & held


@SETTINGS
@given(hierarchy(), st.data())
def test_tightening_a_childs_limit_never_turns_a_pass_into_a_finding(
    plans: list[dict[str, Any]], data: st.DataObject
) -> None:
    children = [p for p in plans if p["id"] != "p" and p["indicators"]]
    if not children:
        return
    child = data.draw(st.sampled_from(children))
    index = data.draw(st.integers(0, len(child["indicators"]) - 1))
    rows = list(child["indicators"])
    rows[index] = _move(rows[index], tighten=True, factor=data.draw(st.integers(1, 5)))
    changed = [p if p is not child else p | {"indicators": rows} for p in plans]
    with tempfile.TemporaryDirectory() as before, tempfile.TemporaryDirectory() as after:
        _, held = pairs(checked(Path(before), plans))
        found, _ = pairs(checked(Path(after), changed))
    assert not held & found


def test_passes_are_stable_across_runs_and_listed_only_when_asked() -> None:
    project = api.load()
    first, second = api.check(project, passes=True), api.check(project, passes=True)
    assert first.passes and [p.id for p in first.passes] == [p.id for p in second.passes]
    assert len({p.id for p in first.passes}) == len(first.passes)
    assert not {p.id for p in first.passes} & {f.id for f in first.findings}
    assert api.check(project).passes is None


def test_pass_ids_survive_file_order_and_shifted_lines(tmp_path: Path) -> None:
    expected = sorted(p.id for p in api.check(api.load(), passes=True).passes or ())
    renamed, shifted = tmp_path / "renamed", tmp_path / "shifted"
    _rewrite(renamed, lambda name, data: (f"z{len(name):02d}-{name[::-1]}.yaml", data))
    _rewrite(shifted, lambda name, data: (name, _shift_lines(data, 7)))
    for directory in (renamed, shifted):
        assert sorted(p.id for p in api.check(api.load([directory]), passes=True).passes or ()) == expected


def test_show_passes_in_the_json_report() -> None:
    result = planlint("check", "--format", "json", "--show-passes", "--fail-on", "never", "--lang", "en")
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["passes"]
    bound = next(p for p in data["passes"] if p["kind"] == "ancestor_bound")
    assert set(bound) == {
        "id",
        "rule",
        "kind",
        "plan",
        "against",
        "metric",
        "mineral",
        "expected",
        "actual",
        "message",
        "citations",
    }
    assert bound["message"].startswith(f"{bound['plan']} holds for {bound['rule']}: ")
    assert [c["role"] for c in bound["citations"]] == ["norm", "ancestor", "plan"]
    assert all(c["line"] for c in bound["citations"][1:])
    assert bound["expected"]["value"] is not None and bound["actual"]["value"] is not None
    plain = json.loads(planlint("check", "--format", "json", "--fail-on", "never").stdout)
    assert "passes" not in plain


def test_a_pass_in_words_names_the_scope_of_the_row_it_was_held_against() -> None:
    """QA D3: cq-banan's 地热 ≥ 5 holds against cq's 小型矿床 row and breaks its 大型 one; the pass says which."""
    report = api.check(api.load(only=["cq-banan"]), ["cq-banan"], passes=True)
    texts = {pass_text(p, "zh") for p in report.passes or () if p.rule == "PL101"}
    assert "cq-banan 符合 PL101：本规划 ≥ 5 万立方米/年，对照 cq ≥ 5 万立方米（小型矿床）" in texts
    english = {pass_text(p, "en") for p in report.passes or () if p.rule == "PL101"}
    assert (
        "cq-banan holds for PL101: the plan's ≥ 5 万立方米/年 against cq's ≥ 5 万立方米 (small deposits)"
        in english
    )
    caps = {pass_text(p, "zh") for p in report.passes or () if p.rule == "PL102"}
    assert (
        "cq-banan 符合 PL102：本规划 ≤ 660 万立方米/年，对照 cq ≤ 3650 万立方米/年" in caps
    )  # plan-wide: no scope


def test_a_rights_pass_in_words_starts_with_the_rights_value_not_a_sign() -> None:
    report = check_rights(api.load(), RIGHTS / "fuling.csv", passes=True)
    held = next(p for p in report.passes or () if p.rule == "PL511" and p.right == "FLGC202203")
    assert pass_text(held, "zh").startswith("采矿权 FLGC202203 符合 PL511：295 万吨/年，对照 cq ≥ ")
    assert pass_text(held, "en").startswith("right FLGC202203 holds for PL511: 295 万吨/年 against cq's ≥ ")


def test_counting_passes_keeps_none_and_counts_what_listing_them_lists() -> None:
    project = api.load()
    listed, counted = api.check(project, passes=True), api.check(project, passes=True, count_passes_only=True)
    assert counted.passes is None and listed.passes and listed.pass_counts and counted.pass_counts
    per_plan: dict[str, int] = {}
    for held in listed.passes:
        per_plan[held.plan] = per_plan.get(held.plan, 0) + 1
    assert counted.pass_counts.by_plan == listed.pass_counts.by_plan == per_plan
    assert counted.findings == listed.findings
    rights = RIGHTS / "breaches.yaml"
    listed, counted = check_rights(project, rights, passes=True), check_rights(project, rights, True, True)
    per_right: dict[str, int] = {}
    for held in listed.passes or ():
        assert held.right is not None
        per_right[held.right] = per_right.get(held.right, 0) + 1
    assert counted.passes is None and counted.pass_counts is not None and per_right
    assert counted.pass_counts.by_right == per_right and counted.findings == listed.findings


def test_the_passes_of_a_run_share_one_citation_per_cited_place() -> None:
    report = api.check(api.load(), passes=True)
    cited = [c for p in report.passes or () for c in p.citations]
    assert len({id(c) for c in cited}) == len(set(cited)) < len(cited)


def test_text_markdown_and_html_count_passes_per_plan_only_when_asked() -> None:
    report = api.check(api.load(), passes=True)
    n = report.passes_of("cq-banan")
    assert n > 0
    text = planlint("check", "--show-passes", "--fail-on", "never", "--lang", "en").stdout
    assert f"{n} comparison(s) checked and held" in text
    markdown = planlint(
        "check", "-f", "markdown", "--show-passes", "--fail-on", "never", "--lang", "zh"
    ).stdout
    assert f"已核查并符合：{n} 项比对" in markdown
    html = planlint("check", "-f", "html", "--show-passes", "--fail-on", "never").stdout
    assert f'data-passes="{n}"' in html and 'id="count-passes"' in html
    for fmt in ("text", "markdown", "html"):
        plain = planlint("check", "-f", fmt, "--fail-on", "never", "--lang", "en").stdout
        assert "checked and held" not in plain and "count-passes" not in plain


# --- check-rights --show-passes ----------------------------------------------------------------------------

RIGHTS = REPO / "fixtures" / "rights"


def test_check_rights_show_passes_lists_what_each_right_was_checked_against() -> None:
    real = RIGHTS / "chongqing-2022-2025.yaml"
    result = planlint("check-rights", real, "-f", "json", "--show-passes", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["passes"] and all(p["right"] for p in data["passes"])
    assert {p["right"] for p in data["passes"]} == {r["id"] for r in data["rights"]}
    scale = next(p for p in data["passes"] if p["kind"] == "right_scale")
    roles = [c["role"] for c in scale["citations"]]
    assert roles[0] == "norm" and roles[-1] == "right" and "ancestor" in roles
    assert all(c["line"] for c in scale["citations"][1:])  # the plan's row and the right's entry, with lines
    assert scale["expected"]["value"] is not None and scale["actual"]["value"] is not None
    plain = json.loads(planlint("check-rights", real, "-f", "json", "--fail-on", "never").stdout)
    assert "passes" not in plain


def test_rights_passes_and_findings_never_cover_the_same_check() -> None:
    project = api.load()
    path = RIGHTS / "breaches.yaml"
    prepared = prepare_rights(load_rights(path, project.vocabulary), project.hierarchy, project.vocabulary)
    context = RightsContext(project, tuple(prepared), passes=True)
    found: set[tuple[Any, ...]] = set()
    held: set[tuple[Any, ...]] = set()
    for rule in rights_rules(project.rule_dirs):
        for hit in RIGHTS_KINDS[rule.kind].check(context, rule):
            # the plan rows and places checked, by identity: two rows may share a line (专栏10 新设 / 整合扩能)
            rows = [id(row) for row in hit.rows] + [id(cite) for _, cite in hit.places]
            covered = held if isinstance(hit, RightHeld) else found
            covered.update((rule.id, hit.right.id, hit.plan, row) for row in rows)
    assert found and held and not found & held
    report = check_rights(project, path, passes=True)
    assert report.passes and not {p.id for p in report.passes} & {f.id for f in report.findings}
    assert len({p.id for p in report.passes}) == len(report.passes)
    assert check_rights(project, path).passes is None


def test_check_rights_passes_in_sarif_and_text(validator: Any) -> None:  # noqa: F811 (the fixture)
    breaches = RIGHTS / "breaches.yaml"
    sarif = planlint("check-rights", breaches, "-f", "sarif", "--show-passes", "--fail-on", "never")
    data = json.loads(sarif.stdout)
    _valid(validator, data)
    results = data["runs"][0]["results"]
    passed = [r for r in results if r.get("kind") == "pass"]
    assert passed and all(r["properties"]["right"] for r in passed)
    assert any("holds for" in r["message"]["text"] and "right " in r["message"]["text"] for r in passed)
    text = planlint("check-rights", breaches, "--show-passes", "--fail-on", "never", "--lang", "en").stdout
    assert "comparison(s) checked and held" in text


# --- every kind's fixtures ---------------------------------------------------------------------------------

CASES = load_cases()
NO_PASSES = {"incomparable_units", "partial_ancestor"}  # no comparison of theirs can hold (docs/reports.md)


@pytest.mark.parametrize(("case_id", "case"), CASES, ids=[c[0] for c in CASES])
def test_asking_for_passes_changes_no_finding(case_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    write_plans(tmp_path, case["plans"])
    project = api.load([tmp_path])
    rules = [r for r in all_rules() if not case.get("rules") or r.id in case["rules"]]
    plain, with_passes = evaluate(project, rules), evaluate(project, rules, with_passes=True)
    assert with_passes.findings == plain.findings and plain.passes is None
    assert with_passes.passes is not None
    ids = [p.id for p in with_passes.passes]
    assert len(set(ids)) == len(ids) and not set(ids) & {f.id for f in plain.findings}
    for held in with_passes.passes:
        assert held.citations[0].role == "norm" and any(c.role == "plan" for c in held.citations)


def test_every_kind_that_compares_lists_a_pass_in_its_fixtures(tmp_path: Path) -> None:
    kinds: set[str] = set()
    for number, (_, case) in enumerate(CASES):
        (tmp_path / str(number)).mkdir()
        held = checked(tmp_path / str(number), case["plans"], tuple(case.get("rules") or ()))
        kinds.update(p.kind for p in held.passes or ())
    assert kinds == set(REGISTRY) - NO_PASSES


# --- ids written directly -----------------------------------------------------------------------------------

_text = st.text(max_size=6)
_maybe = st.none() | _text


@given(
    st.tuples(_text, _maybe, _maybe, _maybe, _maybe),
    st.lists(st.tuples(_text, _text), max_size=3),
    st.lists(_text, max_size=3),
    st.none() | st.integers(1900, 2100),
    st.integers(1, 5),
    _maybe,
)
def test_an_id_written_directly_hashes_what_json_dumps_would_give(
    names: tuple[Any, ...],
    scope: list[tuple[str, str]],
    detail: list[str],
    year: int | None,
    occurrence: int,
    zone: str | None,
) -> None:
    rule, plan, against, metric, mineral = names
    subject = Subject(
        rule, plan or "", against, metric, mineral, tuple(scope), zone, year, tuple(detail), occurrence
    )
    key = (plan, against, metric, mineral, subject)
    dumped = json.dumps(
        [rule, *map(_canonical, key)], ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    assert _subject_key_text(rule, key) == dumped


def test_the_json_report_writes_each_pass_as_its_dict_with_its_message() -> None:
    """The JSON writer writes passes piece by piece (a nation's are many); what it writes is `Pass.as_dict`."""
    report = api.check(api.load(), passes=True)
    written = json.loads(render("json", report, Options(lang="zh")))["passes"]
    assert written == [p.as_dict(pass_text(p, "zh")) for p in report.passes or ()]
    rights = check_rights(api.load(), RIGHTS / "fuling.csv", passes=True)
    written = json.loads(render("json", rights, Options(lang="en")))["passes"]
    assert written == [p.as_dict(pass_text(p, "en")) for p in rights.passes or ()] and written
