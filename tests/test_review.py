"""Review rounds: stable finding ids, waivers, baselines and verdicts, in the library and through the CLI."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from planlint import api
from planlint.errors import PlanlintError
from planlint.findings import Report
from planlint.loader import InputErrors
from planlint.paths import bundled_plans
from planlint.review import Waiver, grounds, load_baseline, load_waivers, review, verdict
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from tests.cli import REPO, planlint

FULING = REPO / "fixtures" / "rights" / "fuling.csv"


@pytest.fixture(scope="module")
def bundled() -> Report:
    return api.check(api.load())


def _ids(paths: list[Path] | None = None) -> list[str]:
    return [f.id for f in api.check(api.load(paths)).findings]


def _rewrite(target: Path, change: Any) -> None:
    """Copy every bundled plan to `target`, changed by `change(name, data) -> (name, data)`."""
    target.mkdir()
    for path in sorted(bundled_plans().glob("*.yaml")):
        name, data = change(path.name, yaml.safe_load(path.read_text(encoding="utf-8")))
        (target / name).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def _shift_lines(value: Any, by: int) -> Any:
    if isinstance(value, dict):
        return {
            k: v + by if k == "line" and isinstance(v, int) else _shift_lines(v, by) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_shift_lines(v, by) for v in value]
    return value


def test_ids_are_unique_and_name_their_rule(bundled: Report, tmp_path: Path) -> None:
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    for report in (bundled, api.check(api.load([tmp_path / "plans"]))):
        ids = [f.id for f in report.findings]
        assert len(ids) == len(set(ids))
        assert all(i.startswith(f.rule + "-") for i, f in zip(ids, report.findings, strict=True))


def test_ids_survive_file_order_shifted_lines_and_other_wording(bundled: Report, tmp_path: Path) -> None:
    expected = sorted(f.id for f in bundled.findings)
    renamed = tmp_path / "renamed"
    _rewrite(renamed, lambda name, data: (f"z{len(name):02d}-{name[::-1]}.yaml", data))
    shifted = tmp_path / "shifted"
    _rewrite(shifted, lambda name, data: (name, _shift_lines(data, 7)))
    reworded = tmp_path / "reworded"

    def reword(name: str, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        data["name"] = data["name"] + "（修订）"
        data["source"]["title"] = "另一标题"
        for source in data.get("sources", []):
            source["title"] = "另一来源"
        return name, data

    _rewrite(reworded, reword)
    assert sorted(_ids([renamed])) == expected
    assert sorted(_ids([shifted])) == expected
    assert sorted(_ids([reworded])) == expected


def test_ids_do_not_depend_on_which_plans_are_judged(bundled: Report) -> None:
    """A county's own run (--plan) gives each of its findings the id the full run gives, the partial-ancestor
    note included although the full run places it on another plan (cn's note sits on cq)."""
    alone = api.check(api.load(only=["gs-baiyin-huining"]), ["gs-baiyin-huining"])
    full = {f.id: f for f in bundled.findings}
    notes = [f for f in alone.findings if f.kind == "partial_ancestor"]
    assert {f.against for f in notes} == {"cn", "gs", "gs-baiyin"}
    assert {f.id for f in alone.findings} <= set(full)
    cn_note = next(f for f in notes if f.against == "cn")
    assert cn_note.plan == "gs-baiyin-huining" and full[cn_note.id].plan == "cq"


def test_a_changed_problem_gets_another_id(bundled: Report, tmp_path: Path) -> None:
    """Two different problems never share an id: another mineral or ancestor is another finding."""
    first = next(f for f in bundled.findings if f.rule == "PL101")
    other = next(f for f in bundled.findings if f.rule == "PL101" and f.mineral != first.mineral)
    assert first.id != other.id


def _waiver(finding: str, expires: datetime.date | None = None) -> Waiver:
    return Waiver(finding, "经论证，同意", "重庆市规划和自然资源局", "渝规资〔2023〕12号", expires)


def test_waived_findings_stay_marked_and_do_not_count(bundled: Report) -> None:
    errors = [f for f in bundled.findings if f.severity == "error"]
    assert bundled.at_or_above("error") == len(errors)
    today = datetime.date(2025, 6, 1)
    reviewed = review(bundled, [_waiver(errors[0].id, datetime.date(2025, 12, 31))], today=today)
    assert reviewed.findings == bundled.findings
    assert reviewed.at_or_above("error") == len(errors) - 1
    expired = review(bundled, [_waiver(errors[0].id, datetime.date(2024, 12, 31))], today=today)
    assert expired.at_or_above("error") == len(errors)
    assert errors[0].id in expired.review.expired  # type: ignore[union-attr]


def test_verdicts_follow_the_counted_findings(bundled: Report) -> None:
    banan = [f for f in bundled.findings if f.plan == "cq-banan"]
    assert verdict(bundled, "cq-banan") == "revise"
    assert verdict(bundled, "ha-nanyang-fangcheng") == "review"  # warnings, no errors
    # cn is only partly known: the note is said once, on cq (judged first), and concerns cq-banan too.
    (partial_cn,) = [f for f in bundled.findings if f.kind == "partial_ancestor" and f.against == "cn"]
    assert partial_cn.plan == "cq" and "cq-banan" in partial_cn.message.en
    assert not [f for f in banan if f.kind == "partial_ancestor"]
    waived = review(bundled, [_waiver(f.id) for f in [*banan, partial_cn]])
    assert verdict(waived, "cq-banan") == "pass"
    undecided = review(bundled, [_waiver(f.id) for f in banan])
    assert verdict(undecided, "cq-banan") == "review"  # an ancestor only partly known remains


def test_an_indicator_the_units_kept_from_being_compared_is_never_passed(tmp_path: Path) -> None:
    """PL190 says 需人工核对 (never passed in silence): a plan whose only findings are its infos needs a
    reviewer, and only that plan: the note does not spread to the plans below the ancestor it names."""
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    report = api.check(api.load([tmp_path / "plans"]))
    incomparable = [f for f in report.findings if f.rule == "PL190" and f.severity == "info"]
    assert incomparable
    plans_noted = {f.plan for f in incomparable}
    for plan in plans_noted:
        assert verdict(report, plan) != "pass"
    for summary in report.plans:
        undecided = grounds(report, summary.id).undecided
        assert all(f.plan == summary.id for f in undecided if f.rule == "PL190")
    waived = review(report, [_waiver(f.id) for f in report.findings])
    assert all(verdict(waived, plan) == "pass" for plan in plans_noted)


def test_baseline_marks_new_unchanged_and_resolved(bundled: Report) -> None:
    kept = {f.id for f in bundled.findings[1:]}
    reviewed = review(bundled, baseline=frozenset(kept | {"PL101-0000000000"}))
    assert reviewed.review is not None
    assert [reviewed.review.status(f) for f in bundled.findings[:2]] == ["new", "unchanged"]
    assert reviewed.review.resolved == ("PL101-0000000000",)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


WAIVERS = """schema: planlint/waivers/v1
waivers:
  - finding: {id}
    reason: 经论证，地热开采规模按区情确定
    approver: 重庆市规划和自然资源局
    document: 渝规资〔2023〕12号
    expires: {expires}
"""


def test_incomplete_waivers_are_bad_input_at_their_line(tmp_path: Path) -> None:
    no_approver = _write(
        tmp_path / "w.yaml", "schema: planlint/waivers/v1\nwaivers:\n  - finding: PL101-1\n    reason: 因为\n"
    )
    with pytest.raises(InputErrors) as raised:
        load_waivers(no_approver)
    (error,) = raised.value.errors
    assert (error.line, error.field) == (3, "waivers.0.approver")
    assert error.render("zh").endswith("缺少必填字段")
    empty_reason = _write(
        tmp_path / "e.yaml",
        WAIVERS.format(id="PL101-1", expires="2025-12-31").replace("经论证，地热开采规模按区情确定", "''"),
    )
    with pytest.raises(InputErrors):
        load_waivers(empty_reason)
    with pytest.raises(PlanlintError, match="not a waivers file"):
        load_waivers(_write(tmp_path / "x.yaml", "waivers: []\n"))
    with pytest.raises(PlanlintError, match="waived twice"):
        text = WAIVERS.format(id="PL101-0123456789", expires="2025-12-31")
        load_waivers(_write(tmp_path / "d.yaml", text + text.split("waivers:\n", 1)[1]))


@pytest.mark.parametrize(("field", "line"), [("reason", 4), ("approver", 5), ("document", 6)])
def test_a_waiver_field_of_spaces_only_is_bad_input_like_a_missing_one(
    tmp_path: Path, field: str, line: int
) -> None:
    text = WAIVERS.format(id="PL101-0123456789", expires="2025-12-31")
    said = {
        "reason": "经论证，地热开采规模按区情确定",
        "approver": "重庆市规划和自然资源局",
        "document": "渝规资〔2023〕12号",
    }
    blank = _write(tmp_path / "w.yaml", text.replace(said[field], "'  \u3000 '"))
    with pytest.raises(InputErrors) as raised:
        load_waivers(blank)
    (error,) = raised.value.errors
    assert (error.path, error.line, error.field) == (str(blank), line, f"waivers.0.{field}")
    assert error.render("zh").endswith("不能只有空白字符")
    assert error.render("en").endswith("must not be blank (spaces only)")
    run = planlint("check", "--waivers", blank, "--lang", "zh")
    assert run.returncode == 2
    assert f"{blank}:{line}: waivers.0.{field}: 不能只有空白字符" in run.stderr


@pytest.mark.parametrize(
    ("finding", "zh", "en"),
    [
        (
            "pl101 4c2d",
            "不是问题编号（应为 PLnnn- 加 10 位十六进制数字",
            "is not a finding id (PLnnn- and 10 hex digits",
        ),
        ("PL101-34BEB8459E", "不是问题编号", "is not a finding id"),
        (
            "PL101-pass-b5d9fc4e1b",
            "是符合项（pass），不是问题：不能豁免",
            "is a pass (a comparison that held)",
        ),
    ],
)
def test_a_waiver_of_what_cannot_be_a_finding_is_bad_input(
    tmp_path: Path, finding: str, zh: str, en: str
) -> None:
    """A typo in `finding:` (or a pass id) is not a stale waiver: exit 2 at the line, with the shape expected."""
    entry = WAIVERS.format(id="PL101-0123456789", expires="2999-12-31").split("waivers:\n", 1)[1]
    waivers = _write(tmp_path / "w.yaml", WAIVERS.format(id=finding, expires="2999-12-31") + entry)
    for lang, said in (("zh", zh), ("en", en)):
        run = planlint("check", "--waivers", waivers, "--lang", lang)
        assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
        assert "w.yaml:3: finding: " in run.stderr and said in run.stderr
        assert "PL101-0123456789" not in run.stderr  # the well-formed waiver is not an error


def test_a_waivers_plan_must_be_its_findings_and_known(bundled: Report, tmp_path: Path) -> None:
    """`plan:` is checked: a plan no one loaded, or a plan other than the finding's, is bad input at its line
    (a waiver block copied for another district with the first one's `finding:` left in)."""
    dazu = next(f for f in bundled.findings if f.plan == "cq-dazu" and f.rule == "PL101")
    cn_note = next(f for f in bundled.findings if f.kind == "partial_ancestor" and f.against == "cn")
    cases = {
        "cq-banan": (
            f"问题 {dazu.id} 属于 cq-dazu，不是 cq-banan",
            f"finding {dazu.id} is about cq-dazu, not cq-banan",
        ),
        "nosuch": ("未知规划 'nosuch'", "unknown plan 'nosuch'"),
    }
    for plan, said in cases.items():
        waivers = _write(
            tmp_path / "w.yaml", WAIVERS.format(id=dazu.id, expires="2999-12-31") + f"    plan: {plan}\n"
        )
        for lang, words in zip(("zh", "en"), said, strict=True):
            run = planlint("check", "--waivers", waivers, "--lang", lang)
            assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr, plan
            assert f"w.yaml:8: plan: {words}" in run.stderr
    unknown = _write(
        tmp_path / "u.yaml",
        WAIVERS.format(id="PL101-ffffffffff", expires="2999-12-31") + "    plan: nosuch\n",
    )
    assert planlint("check", "--waivers", unknown).returncode == 2  # even when its finding is not here
    # the finding's plan, or a plan a note said once concerns, is right
    for finding, plan in ((dazu, "cq-dazu"), (cn_note, "gs-baiyin-huining")):
        waivers = _write(
            tmp_path / "ok.yaml", WAIVERS.format(id=finding.id, expires="2999-12-31") + f"    plan: {plan}\n"
        )
        run = planlint("check", "--waivers", waivers, "-f", "json", "--fail-on", "never")
        assert run.returncode == 0, run.stderr
        assert "waived" in {f["id"]: f for f in json.loads(run.stdout)["findings"]}[finding.id]


def test_baseline_must_be_a_report_with_ids(tmp_path: Path) -> None:
    with pytest.raises(PlanlintError, match="not a JSON report"):
        load_baseline(_write(tmp_path / "a.json", "{"))
    with pytest.raises(PlanlintError, match="finding ids"):
        load_baseline(_write(tmp_path / "b.json", '{"findings": [{"rule": "PL101"}]}'))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_baseline_must_be_a_report_of_the_same_command(tmp_path: Path, lang: str) -> None:
    """check's baseline is a check report and check-rights' a check-rights report: the other is bad input
    (its ids would all be 'resolved', its findings never 'unchanged')."""
    plans = tmp_path / "plans.json"
    rights = tmp_path / "rights.json"
    assert planlint("check", "-f", "json", "-o", plans).returncode == 1
    assert planlint("check-rights", FULING, "-f", "json", "-o", rights).returncode == 1
    said = {
        "zh": ("这是 {made} 的 JSON 报告，不是 {command} 的", "--baseline 应为同一命令（{command}）"),
        "en": ("a {made} JSON report, not a {command} one", "--baseline takes a JSON report of {command}"),
    }
    for command, made, baseline, args in (
        ("check", "check-rights", rights, ()),
        ("check-rights", "check", plans, (FULING,)),
    ):
        run = planlint(command, *args, "--baseline", baseline, "--lang", lang)
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr and run.stdout == ""
        assert run.stderr.startswith(f"planlint: {baseline}: ")
        assert all(s.format(made=made, command=command) in run.stderr for s in said[lang])
    same = planlint("check-rights", FULING, "-f", "json", "--baseline", rights)
    assert same.returncode == 1 and json.loads(same.stdout)["resolved"] == []
    assert planlint("check", "--baseline", plans, "--fail-on", "never").returncode == 0


def test_a_review_round_through_the_cli(bundled: Report, tmp_path: Path) -> None:
    errors = [f for f in bundled.findings if f.severity == "error"]
    first = tmp_path / "round1.json"
    assert planlint("check", "-f", "json", "-o", first).returncode == 1
    waivers = _write(
        tmp_path / "waivers.yaml",
        "".join(WAIVERS.format(id=f.id, expires="2999-12-31").split("waivers:\n", 1)[1] for f in errors),
    )
    waivers.write_text("schema: planlint/waivers/v1\nwaivers:\n" + waivers.read_text(encoding="utf-8"))
    run = planlint("check", "-f", "json", "--waivers", waivers, "--baseline", first, "--lang", "zh")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    waived = {f["id"] for f in data["findings"] if "waived" in f}
    assert waived == {f.id for f in errors}
    assert {f["baseline"] for f in data["findings"]} == {"unchanged"}
    assert data["resolved"] == []
    assert {p["id"]: p.get("verdict_text") for p in data["plans"]}["cq-banan"] == "需人工审查"
    stale = _write(tmp_path / "stale.yaml", WAIVERS.format(id="PL101-ffffffffff", expires="2999-12-31"))
    run = planlint("check", "-f", "json", "--waivers", stale, "--fail-on", "never")
    assert run.returncode == 0
    assert "warning" in run.stderr and "PL101-ffffffffff" in run.stderr and "stale.yaml:3" in run.stderr
    assert json.loads(run.stdout)["stale_waivers"][0]["finding"] == "PL101-ffffffffff"
    bad = _write(tmp_path / "bad.yaml", "schema: planlint/waivers/v1\nwaivers:\n  - finding: X\n")
    run = planlint("check", "--waivers", bad, "--lang", "zh")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "bad.yaml:3: waivers.0.reason: 缺少必填字段" in run.stderr


def test_sarif_fingerprints_are_the_ids_and_waivers_suppress(bundled: Report, tmp_path: Path) -> None:
    error = next(f for f in bundled.findings if f.severity == "error")
    waivers = _write(tmp_path / "w.yaml", WAIVERS.format(id=error.id, expires="2999-12-31"))
    run = planlint("check", "-f", "sarif", "--waivers", waivers, "--fail-on", "never")
    results = json.loads(run.stdout)["runs"][0]["results"]
    assert [r["partialFingerprints"]["planlint/v2"] for r in results] == [f.id for f in bundled.findings]
    suppressed = [r for r in results if r.get("suppressions")]
    assert [r["partialFingerprints"]["planlint/v2"] for r in suppressed] == [error.id]
    assert suppressed[0]["suppressions"][0]["justification"].startswith("经论证")


def test_sarif_says_why_a_waived_finding_is_back(bundled: Report, tmp_path: Path) -> None:
    """A finding whose waiver expired, or was granted for another value, carries that waiver in its result's
    properties (waiverExpired, waiverChanged) and no suppression; a waived one neither."""
    errors = [f for f in bundled.findings if f.severity == "error" and f.actual is not None]
    entries = [
        WAIVERS.format(id=errors[0].id, expires="2001-01-01"),
        WAIVERS.format(id=errors[1].id, expires="2999-12-31") + "    value: 123456\n",
        WAIVERS.format(id=errors[2].id, expires="2999-12-31"),
    ]
    waivers = _write(
        tmp_path / "w.yaml", entries[0] + "".join(e.split("waivers:\n", 1)[1] for e in entries[1:])
    )
    run = planlint("check", "-f", "sarif", "--waivers", waivers, "--fail-on", "never")
    results = {
        r["partialFingerprints"]["planlint/v2"]: r for r in json.loads(run.stdout)["runs"][0]["results"]
    }
    expired, changed, waived = (results[f.id] for f in errors[:3])
    assert expired["properties"]["waiverExpired"]["expires"] == "2001-01-01" and "suppressions" not in expired
    assert changed["properties"]["waiverChanged"]["value"] == 123456 and "suppressions" not in changed
    assert "waiverChanged" not in expired["properties"] and "waiverExpired" not in changed["properties"]
    assert waived["suppressions"] and not {"waiverExpired", "waiverChanged"} & set(waived["properties"])


def test_a_plan_run_resolves_and_stales_only_what_it_judged(bundled: Report, tmp_path: Path) -> None:
    """check --plan against a full baseline and waivers: the other plans' findings are neither resolved nor
    stale, and the report says how many it could not judge; the county's own stay judged."""
    full = tmp_path / "full.json"
    planlint("check", "-f", "json", "-o", full)
    data = json.loads(full.read_text(encoding="utf-8"))
    cn_note = next(f for f in data["findings"] if f["rule"] == "PL150" and f["against"] == "cn")
    assert "gs-baiyin-huining" in cn_note["concerns"] and cn_note["plan"] == "cq"
    # a finding of the county that the last round had and this one has not: resolved
    gone = dict(next(f for f in data["findings"] if f["plan"] == "gs-baiyin-huining"), id="PL150-0123456789")
    data["findings"].append(gone)
    full.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = next(f for f in bundled.findings if f.plan == "cq-banan")
    entries = [
        WAIVERS.format(id=other.id, expires="2999-12-31"),  # another plan's finding: not judged here
        WAIVERS.format(id=cn_note["id"], expires="2999-12-31"),  # the county's note: waived
        WAIVERS.format(id="PL150-ffffffffff", expires="2999-12-31") + "    plan: gs-baiyin-huining\n",
    ]
    waivers = _write(
        tmp_path / "w.yaml",
        entries[0] + "".join(e.split("waivers:\n", 1)[1] for e in entries[1:]),
    )
    args = ("check", "--plan", "gs-baiyin-huining", "--baseline", full, "--waivers", waivers)
    run = planlint(*args, "-f", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["resolved"] == ["PL150-0123456789"]
    others = [f["id"] for f in data["findings"] if "gs-baiyin-huining" not in f.get("concerns", [f["plan"]])]
    assert sorted(report["not_judged"]["baseline"]) == sorted(others) and len(others) == 15
    assert report["not_judged"]["waivers"] == [other.id]
    assert [w["finding"] for w in report["stale_waivers"]] == ["PL150-ffffffffff"]
    assert other.id not in run.stderr and "PL150-ffffffffff" in run.stderr
    assert {f["id"]: f["baseline"] for f in report["findings"]}[cn_note["id"]] == "unchanged"
    assert "waived" in {f["id"]: f for f in report["findings"]}[cn_note["id"]]
    text = planlint(*args, "--lang", "zh").stdout
    assert (
        "基线中 15 个问题、1 条豁免所属的规划本次未检查（本次只检查了 gs-baiyin-huining），不计为已解决或失效"
        in text
    )
    english = planlint(*args, "--lang", "en").stdout
    assert (
        "15 baseline finding(s) and 1 waiver(s) concern plans not judged in this run "
        "(it judged only gs-baiyin-huining): neither resolved nor stale"
    ) in english
    html = planlint(*args, "-f", "html", "--lang", "zh").stdout
    assert 'id="not-judged">基线中 15 个问题、1 条豁免所属的规划本次未检查' in html


@pytest.mark.parametrize("plan", ["cn", "gs-baiyin"])
def test_a_partly_known_plan_cannot_be_judged_on_its_own(plan: str) -> None:
    """Its silence is not absence: judged, cn would pass with nothing recorded and gs-baiyin would lack
    zones it never listed. Refused (exit 2), in both languages."""
    for lang, words in (("zh", "仅部分已知（仅作对照）"), ("en", "is only partly known")):
        result = planlint("check", "--plan", plan, "--lang", lang)
        assert result.returncode == 2, result.stdout
        assert f"--plan: {plan} {words}" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_row_stated_twice_makes_one_finding_citing_both_lines(tmp_path: Path) -> None:
    """A synthetic plan restates rows in its text (专栏 and 正文): the problem each row shares is one
    finding, with one id and every restating line cited, not the same sentence twice under two ids."""
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    report = api.check(api.load([tmp_path / "plans"]))
    said = [(f.plan, f.rule, f.severity, f.message.zh) for f in report.findings]
    assert len(said) == len(set(said))
    restated = [f for f in report.findings if len({c.line for c in f.citations if c.role == "ancestor"}) > 1]
    assert any(f.rule == "PL201" for f in restated)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_not_judged_note_says_only_what_was_given(bundled: Report, tmp_path: Path, lang: str) -> None:
    """A --plan run with only a baseline names no waivers, with only waivers no baseline findings, and neither
    blames an option: it names the plan judged."""
    full = tmp_path / "full.json"
    planlint("check", "-f", "json", "-o", full)
    other = next(f for f in bundled.findings if f.plan == "cq-dazu")
    waivers = _write(tmp_path / "w.yaml", WAIVERS.format(id=other.id, expires="2999-12-31"))
    expected = {
        "zh": (
            "基线中 16 个问题所属的规划本次未检查（本次只检查了 cq-banan），不计为已解决",
            "1 条豁免所属的规划本次未检查（本次只检查了 cq-banan），不计为失效",
        ),
        "en": (
            "16 baseline finding(s) concern plans not judged in this run (it judged only cq-banan): not resolved",
            "1 waiver(s) concern plans not judged in this run (it judged only cq-banan): not stale",
        ),
    }
    for given, said in zip((("--baseline", full), ("--waivers", waivers)), expected[lang], strict=True):
        for fmt in ("text", "markdown", "html"):
            run = planlint(
                "check", "--plan", "cq-banan", *given, "-f", fmt, "--lang", lang, "--fail-on", "never"
            )
            assert said in run.stdout.replace("\\", ""), (given, fmt)
            assert "--plan" not in run.stdout and "0 " not in said
        memo = tmp_path / "memo.docx"
        planlint("check", "--plan", "cq-banan", *given, "-f", "docx", "-o", memo, "--lang", lang)
        assert said in "\n".join(p.text for p in docx.Document(io.BytesIO(memo.read_bytes())).paragraphs)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_baseline_of_other_plans_is_refused_and_of_other_judged_plans_warned(
    tmp_path: Path, lang: str
) -> None:
    """A baseline listing none of this run's plans is the wrong file (exit 2, naming both sets); one that
    judged none of the plans judged now (another county's --plan round) is accepted with a warning, in
    stderr and the report, for every finding then reads as new; an overlapping one is quiet."""
    generate(tmp_path / "synth", Shape.per(2, 2, 3, 1), seed=5, violations=1)
    nation = tmp_path / "nation.json"
    planlint("check", tmp_path / "synth" / "plans", "-f", "json", "-o", nation)
    run = planlint("check", "--baseline", nation, "--lang", lang)
    assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
    said = {
        "zh": (
            "plans: 基线报告的规划（nation、",
            "）与本次检查的规划（cn、cq、",
            "无一相同：是否选错了文件？",
        ),
        "en": (
            "plans: the baseline's plans (nation, ",
            ") and this run's (cn, cq, ",
            "share none: the wrong file?",
        ),
    }
    assert run.stderr.startswith(f"planlint: {nation}: ") and all(s in run.stderr for s in said[lang])
    dazu = tmp_path / "dazu.json"
    planlint("check", "--plan", "cq-dazu", "-f", "json", "-o", dazu)
    run = planlint("check", "--plan", "cq-banan", "--baseline", dazu, "--lang", lang, "-f", "json")
    assert run.returncode == 1
    assert {f["baseline"] for f in json.loads(run.stdout)["findings"]} <= {"not_judged", "unchanged"}
    warned = {
        "zh": "基线报告未检查本次检查的规划（cq-banan）：其问题标为上轮未检查，无法与上一轮比对",
        "en": "The baseline judged none of the plans judged now (cq-banan): their findings are marked not checked last round, none compared with it",
    }[lang]
    assert warned.lower() in run.stderr.lower() and str(dazu) in run.stderr
    for fmt in ("text", "markdown"):
        assert (
            warned
            in planlint("check", "--plan", "cq-banan", "--baseline", dazu, "--lang", lang, "-f", fmt).stdout
        )
    full = planlint("check", "--baseline", dazu, "--lang", lang)
    assert full.returncode == 1 and full.stderr == ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_rights_baseline_of_none_of_this_runs_rights_is_refused(tmp_path: Path, lang: str) -> None:
    """check-rights' twin of check's foreign baseline: a baseline reviewing none of the rights reviewed now is
    the wrong file (another county's 出让公告), not a round where every finding reads as new."""
    whole = (
        (REPO / "fixtures" / "rights" / "chongqing-2022-2025.csv").read_text(encoding="utf-8").splitlines()
    )
    yongchuan = _write(tmp_path / "yongchuan.csv", "\n".join(whole[:2]) + "\n")  # YCGC202301 only
    before = tmp_path / "yongchuan.json"
    planlint("check-rights", yongchuan, "-f", "json", "-o", before)
    run = planlint("check-rights", FULING, "--baseline", before, "--lang", lang)
    assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
    said = {
        "zh": "rights: 基线报告的采矿权（YCGC202301）与本次审查的采矿权（FLGC202203、FLGC202299）无一相同",
        "en": "rights: the baseline's rights (YCGC202301) and this run's (FLGC202203, FLGC202299) share none",
    }[lang]
    assert run.stderr.startswith(f"planlint: {before}: ") and said in run.stderr, run.stderr
    assert planlint("check-rights", yongchuan, "--baseline", before, "--lang", lang).returncode == 0


def test_findings_of_a_plan_the_baseline_never_judged_are_not_called_new(tmp_path: Path) -> None:
    """A full run against a `--plan cq-dazu` round: cq-banan was not judged then, so its findings are
    上轮未检查 (not_judged), not 本轮新增; cq-dazu's keep new / unchanged."""
    dazu = tmp_path / "dazu.json"
    planlint("check", "--plan", "cq-dazu", "-f", "json", "-o", dazu)
    run = planlint("check", "--baseline", dazu, "-f", "json")
    states: dict[str, set[str]] = {}
    for finding in json.loads(run.stdout)["findings"]:
        states.setdefault(finding["plan"], set()).add(finding["baseline"])
    assert states["cq-banan"] == {"not_judged"}, states
    assert states["cq-dazu"] == {"unchanged"}, states
    text = {lang: planlint("check", "--baseline", dazu, "--lang", lang).stdout for lang in ("zh", "en")}
    assert "[上轮未检查]" in text["zh"] and "[not checked last round]" in text["en"], text["en"][:2000]
    sarif = json.loads(planlint("check", "--baseline", dazu, "-f", "sarif").stdout)["runs"][0]["results"]
    unjudged = [r for r in sarif if r["properties"].get("baselineNotJudged")]
    assert unjudged and all("baselineState" not in r for r in unjudged)


GBK_INPUTS = {
    "--waivers": (
        "w.yaml",
        "schema: planlint/waivers/v1\nwaivers:\n  - finding: PL101-1\n    reason: 经论证同意\n",
    ),
    "--baseline": ("base.json", json.dumps({"说明": "上轮"}, ensure_ascii=False)),
    "--rules": (
        "rules/packs/green.yaml",
        (REPO / "fixtures" / "rule-pack" / "packs" / "green.yaml").read_text(encoding="utf-8"),
    ),
    "plan": ("cn.yaml", (REPO / "fixtures" / "valid" / "cn.yaml").read_text(encoding="utf-8")),
}


@pytest.mark.parametrize(
    "lang, hint", [("zh", "不是 UTF-8 文本文件：请另存为 UTF-8"), ("en", "save it as UTF-8")]
)
@pytest.mark.parametrize("option", list(GBK_INPUTS))
def test_a_yaml_or_json_input_saved_in_gbk_is_refused_with_the_hint_to_save_it_as_utf8(
    tmp_path: Path, option: str, lang: str, hint: str
) -> None:
    name, text = GBK_INPUTS[option]
    assert any(ord(c) > 127 for c in text), "the input must hold Chinese text, or GBK is also UTF-8"
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("gbk"))
    given = path.parent.parent if option == "--rules" else path  # a rule pack is given as its folder
    args = [str(given)] if option == "plan" else ["--plan", "cq-banan", option, str(given)]
    ran = planlint("check", *args, "--lang", lang)
    assert ran.returncode == 2, ran.stderr
    assert path.name in ran.stderr and hint in ran.stderr


@pytest.mark.parametrize("granted", [".nan", ".inf", "true", "[5, 1]", "[1]", "abc"])
def test_a_waivers_value_must_be_a_finite_number_or_an_ordered_range(tmp_path: Path, granted: str) -> None:
    """NaN would make the JSON report invalid, true read as 1 and [5, 1] print as 5–1: bad input at the line."""
    text = WAIVERS.format(id="PL101-0123456789", expires="2999-12-31") + f"    value: {granted}\n"
    waivers = _write(tmp_path / "w.yaml", text)
    for lang, said in (("zh", "应为有限的数值"), ("en", "a finite number, or a range [low, high]")):
        run = planlint("check", "--waivers", waivers, "--lang", lang)
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert "waivers.0.value: " in run.stderr and said in run.stderr


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("findings[0].actual", lambda d: d["findings"][0].__setitem__("actual", "abc")),
        ("findings[0].actual", lambda d: d["findings"][0].__setitem__("actual", {"op": "<=", "value": "x"})),
        ("findings[0].id", lambda d: d["findings"][0].__setitem__("id", 5)),
        ("plans", lambda d: d.__setitem__("plans", "cq")),
    ],
)
def test_a_baseline_not_shaped_as_planlint_writes_it_is_bad_input(
    tmp_path: Path, field: str, change: Any
) -> None:
    """A hand-edited baseline crashed the text report (a traceback) or marked every finding: exit 2 instead."""
    report = tmp_path / "r.json"
    planlint("check", "-f", "json", "-o", report)
    data = json.loads(report.read_text(encoding="utf-8"))
    change(data)
    report.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for lang in ("zh", "en"):
        run = planlint("check", "--baseline", report, "--lang", lang)
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert f"{report}: {field}: " in run.stderr
