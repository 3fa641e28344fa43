"""A review round in every format: each plan's verdict with its reason, each finding's id, and the waiver
and baseline marks (已豁免, 豁免已过期, 本轮新增, 上轮已提出, the resolved ids, the stale waivers)."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest

from planlint import api
from planlint.findings import Report
from planlint.paths import bundled_plans
from planlint.report.render import reasons, value_change_text, verdict_line
from planlint.review import grounds, load_baseline, load_waivers, review, verdict, verdict_text
from tests.cli import REPO, planlint

# The words each language marks a review round with (report/words.py), checked literally here.
MARKS = {
    "zh": {
        "waived": "已豁免",
        "expired": "豁免已过期",
        "new": "本轮新增",
        "unchanged": "上轮已提出",
        "resolved": "上轮提出、本轮已解决：",
        "resolved_heading": "上轮提出、本轮已解决的问题",
        "stale": "未对应任何问题的豁免",
        "incomplete": "不完整的豁免",
        "total": "2 个错误（另有 1 个已豁免）",
        "partial": "需人工审查（上级规划 cn 仅部分已知，见 {id}）",
    },
    "en": {
        "waived": "waived",
        "expired": "waiver expired",
        "new": "new",
        "unchanged": "unchanged",
        "resolved": "Raised last round and now resolved: ",
        "resolved_heading": "Raised last round and now resolved",
        "stale": "Waivers that match no finding",
        "incomplete": "Incomplete waivers",
        "total": "2 error(s) (+1 waived)",
        "partial": "needs a reviewer's judgement (ancestor cn is only partly known, see {id})",
    },
}
FORMATS = ("text", "markdown")


@pytest.fixture(scope="module")
def bundled() -> Report:
    return api.check(api.load())


def _plain(output: str) -> str:
    """Markdown without its emphasis and escapes, to look for words."""
    return re.sub(r"\\(.)", r"\1", output.replace("**", "").replace("`", ""))


def _sections(output: str, plans: list[str]) -> dict[str, str]:
    """Each judged plan's part of a text or Markdown report (from its heading to the next plan's)."""
    starts = {p: re.search(rf"^(### )?{re.escape(p)} ", output, re.MULTILINE) for p in plans}
    places = sorted((m.start(), p) for p, m in starts.items() if m)
    ends = [start for start, _ in places[1:]] + [len(output)]
    return {p: output[start:end] for (start, p), end in zip(places, ends, strict=True)}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_plan_shows_its_verdict_with_the_reason_and_each_finding_its_id(
    bundled: Report, fmt: str, lang: str
) -> None:
    run = planlint("check", "-f", fmt, "--lang", lang, "--fail-on", "never")
    output = _plain(run.stdout)
    judged = [p.id for p in bundled.plans if p.judged]
    sections = _sections(output, judged)
    assert set(sections) == set(judged)
    for plan in judged:
        assert verdict_line(bundled, plan, lang) in sections[plan]
        assert verdict_text(verdict(bundled, plan), lang) in sections[plan]
        for finding in bundled.by_plan.get(plan, ()):
            assert finding.id in sections[plan]
    if lang == "zh":
        assert re.search(
            r"需修改（1 个错误：PL101；上级规划 cn 仅部分已知，见 PL150-\w+）", sections["cq-banan"]
        )


def _fixed_banan(tmp_path: Path) -> Path:
    """The bundled plans with cq-banan's 地热 minimum scale raised to cq's 20: its one error gone."""
    plans = tmp_path / "plans"
    shutil.copytree(bundled_plans(), plans)
    banan = plans / "cq-banan.yaml"
    text = banan.read_text(encoding="utf-8")
    row = '    mineral: 地热\n    op: ">="\n    value: 5\n'
    assert text.count(row) == 1
    banan.write_text(text.replace(row, row.replace("value: 5", "value: 20")), encoding="utf-8")
    return plans


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_without_findings_of_its_own_says_why_it_needs_review(tmp_path: Path, lang: str) -> None:
    """cq-banan's only error fixed: it still needs review, for cn is partly known (said once, on cq)."""
    plans = _fixed_banan(tmp_path)
    report = api.check(api.load([plans]))
    assert not report.by_plan.get("cq-banan")
    (note,) = [f for f in report.findings if f.kind == "partial_ancestor" and f.against == "cn"]
    expected = MARKS[lang]["partial"].format(id=note.id)
    for fmt in FORMATS:
        output = _plain(planlint("check", plans, "-f", fmt, "--lang", lang).stdout)
        assert expected in _sections(output, ["cq", "cq-banan", "cq-dazu"])["cq-banan"], fmt
    memo = tmp_path / "memo.docx"
    assert planlint("check", plans, "-f", "docx", "-o", memo, "--lang", lang).returncode == 1
    paragraphs = [p.text for p in docx.Document(io.BytesIO(memo.read_bytes())).paragraphs]
    about = paragraphs.index(next(t for t in paragraphs if "巴南区" in t))
    reason = next(t for t in paragraphs[about:] if t.startswith(("理由：", "Why: ")))
    assert note.id in reason and "cn" in reason


def _round(bundled: Report, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A waivers file (one active, one expired, one stale) and a baseline (one id gone, one new)."""
    errors = [f.id for f in bundled.findings if f.severity == "error"]
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "schema: planlint/waivers/v1\nwaivers:\n"
        f"  - finding: {errors[0]}\n    reason: 经论证同意\n    approver: 重庆市规划和自然资源局\n"
        "    document: 渝规资〔2023〕12号\n    expires: 2999-12-31\n"
        f"  - finding: {errors[1]}\n    reason: 曾经同意\n    approver: 某局\n    expires: 2001-01-01\n"
        "  - finding: PL101-ffffffffff\n    reason: 已不适用\n    approver: 某局\n",
        encoding="utf-8",
    )
    earlier = json.loads(planlint("check", "-f", "json", "--fail-on", "never").stdout)
    earlier["findings"] = [f for f in earlier["findings"] if f["id"] != errors[2]]
    earlier["findings"].append(dict(earlier["findings"][0], id="PL111-0000000000"))
    baseline = tmp_path / "round1.json"
    baseline.write_text(json.dumps(earlier, ensure_ascii=False), encoding="utf-8")
    return waivers, baseline, errors


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_waivers_and_the_baseline_are_marked(bundled: Report, tmp_path: Path, fmt: str, lang: str) -> None:
    waivers, baseline, errors = _round(bundled, tmp_path)
    words = MARKS[lang]
    run = planlint("check", "-f", fmt, "--lang", lang, "--waivers", waivers, "--baseline", baseline)
    output = _plain(run.stdout)
    lines = output.splitlines()

    def near(finding_id: str) -> str:
        """The finding's own lines: from its heading to its id (the id follows the heading)."""
        at = next(i for i, line in enumerate(lines) if finding_id in line and words["incomplete"] not in line)
        return "\n".join(lines[at - 4 : at + 2])

    assert words["waived"] in near(errors[0])
    assert "经论证同意" in near(errors[0]) and "渝规资〔2023〕12号" in near(errors[0])
    assert words["expired"] in near(errors[1]) and "曾经同意" in near(errors[1])
    assert words["new"] in near(errors[2]) and words["unchanged"] in near(errors[0])
    assert (
        words["resolved"] not in output
        and "PL111-0000000000" in output.split(words["resolved_heading"], 1)[1]
    )
    assert words["stale"] in output and "PL101-ffffffffff" in output
    assert words["total"] in output
    plain = planlint("check", "-f", fmt, "--lang", lang).stdout
    assert not any(words[k] in plain for k in ("expired", "resolved", "stale", "total"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_marks_expired_and_stale_waivers_and_gives_each_verdict_its_reason(
    bundled: Report, tmp_path: Path, lang: str
) -> None:
    waivers, baseline, errors = _round(bundled, tmp_path)
    words = MARKS[lang]
    markup = planlint(
        "check", "-f", "html", "--lang", lang, "--waivers", waivers, "--baseline", baseline
    ).stdout
    page = html.unescape(markup)
    reviewed = review(bundled, load_waivers(waivers), load_baseline(baseline))
    for plan in (p for p in bundled.plans if p.judged):
        assert verdict_line(reviewed, plan.id, lang) in page
    expired = markup[markup.index(f'id="finding-{errors[1]}"') :].split("</article>")[0]
    assert 'class="tag waiver-expired"' in expired and "曾经同意" in html.unescape(expired)
    assert words["expired"] in html.unescape(expired)
    assert 'id="stale-waivers"' in markup and "PL101-ffffffffff" in page
    assert words["total"] in page


def test_json_gives_each_verdict_its_reason(bundled: Report) -> None:
    data = json.loads(planlint("check", "-f", "json", "--lang", "zh").stdout)
    given = {p["id"]: p.get("verdict_reason") for p in data["plans"]}
    for plan in bundled.plans:
        expected = reasons(grounds(bundled, plan.id), "zh") if plan.judged else None
        assert given[plan.id] == expected
    assert given["cq-banan"].startswith("1 个错误：PL101；上级规划 cn 仅部分已知，见 PL150-")


INCOMPLETE = {
    "zh": (
        "不完整：未写批准文号（document）",
        "不完整：未写有效期（expires），永不过期",
        "不完整的豁免（仍然有效）：",
    ),
    "en": (
        "incomplete: no approval document number (document)",
        "incomplete: no expiry (expires): it never expires",
        "Incomplete waivers (still in force): ",
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_waiver_without_document_or_expiry_waives_but_is_warned_about(
    bundled: Report, tmp_path: Path, lang: str
) -> None:
    """No 批准文号 or no 有效期: the waiver stays valid (the contract asks only reason and approver), and
    stderr and every report's round notes say what it lacks; a complete one is not named."""
    errors = [f.id for f in bundled.findings if f.severity == "error"]
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "schema: planlint/waivers/v1\nwaivers:\n"
        f"  - finding: {errors[0]}\n    reason: 经论证同意\n    approver: 某局\n    expires: 2999-12-31\n"
        f"  - finding: {errors[1]}\n    reason: 经论证同意\n    approver: 某局\n    document: 渝规资〔2023〕1号\n"
        f"  - finding: {errors[2]}\n    reason: 经论证同意\n    approver: 某局\n    document: 渝规资〔2023〕2号\n"
        "    expires: 2999-12-31\n",
        encoding="utf-8",
    )
    no_document, no_expiry, note = INCOMPLETE[lang]
    for fmt in ("text", "markdown", "html"):
        run = planlint("check", "-f", fmt, "--lang", lang, "--waivers", waivers, "--fail-on", "never")
        assert run.returncode == 0
        warned = {line.split(": finding: ")[0].rsplit(":", 1)[-1]: line for line in run.stderr.splitlines()}
        assert errors[0] in warned["3"] and no_document in warned["3"] and no_expiry not in warned["3"]
        assert errors[1] in warned["7"] and no_expiry in warned["7"]
        assert errors[2] not in run.stderr
        output = html.unescape(_plain(run.stdout))
        assert note in output and errors[0] in output.split(note)[1].splitlines()[0]
        assert errors[2] not in output.split(note)[1].splitlines()[0]
    data = json.loads(planlint("check", "-f", "json", "--waivers", waivers, "--fail-on", "never").stdout)
    assert [w["finding"] for w in data["incomplete_waivers"]] == errors[:2]
    assert {f["id"] for f in data["findings"] if "waived" in f} == set(errors[:3])
    memo = tmp_path / "memo.docx"
    planlint("check", "-f", "docx", "-o", memo, "--lang", lang, "--waivers", waivers)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(memo.read_bytes())).paragraphs]
    assert any(t.startswith(note) and errors[1] in t for t in paragraphs)


def _dazu_lowered(tmp_path: Path) -> Path:
    """The bundled plans with cq-dazu's 建筑用砂岩 floor lowered from 10 to 1 万吨/年 (the same finding id)."""
    plans = tmp_path / "lowered"
    shutil.copytree(bundled_plans(), plans)
    dazu = plans / "cq-dazu.yaml"
    text = dazu.read_text(encoding="utf-8")
    row = '    mineral: 建筑用砂岩\n    op: ">="\n    value: 10\n'
    assert text.count(row) == 1
    dazu.write_text(text.replace(row, row.replace("value: 10", "value: 1")), encoding="utf-8")
    return plans


def test_a_value_change_says_each_side_with_its_unit_whether_the_units_agree_or_not() -> None:
    """The waiver's mark and the baseline's mark read alike: 10 万吨/年 → 1 万吨, never 10 → 1 万吨 (which reads
    as 10 万吨 → 1 万吨 beside a baseline mark that changed unit)."""
    same = value_change_text({"value": 10, "unit": "万吨/年"}, {"value": 1, "unit": "万吨/年"})
    other = value_change_text({"value": 10, "unit": "万吨/年"}, {"value": 1, "unit": "万吨"})
    assert (same, other) == ("10 万吨/年 → 1 万吨/年", "10 万吨/年 → 1 万吨")
    assert value_change_text(None, {"value": [1, 2], "unit": "年"}) == "— → 1–2 年"


CHANGED = {
    "zh": ("已豁免，但数值已变：10 万吨/年 → 1 万吨/年", "上轮已提出，数值已变：10 万吨/年 → 1 万吨/年"),
    "en": (
        "waived, but the value changed: 10 万吨/年 → 1 万吨/年",
        "changed since last round: 10 万吨/年 → 1 万吨/年",
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_waiver_granted_for_another_value_does_not_waive_and_the_baseline_says_changed(
    bundled: Report, tmp_path: Path, lang: str
) -> None:
    """Granted for 10 万吨/年, the plan now says 1: the id is the same (value-free), but the waiver does not
    waive (it counts, marked with both values) and the baseline marks the finding changed, not unchanged."""
    finding = next(f for f in bundled.findings if f.plan == "cq-dazu" and f.mineral == "建筑用砂岩")
    lowered = _dazu_lowered(tmp_path)
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        f"schema: planlint/waivers/v1\nwaivers:\n  - finding: {finding.id}\n    plan: cq-dazu\n    value: 10\n"
        "    reason: 经论证，10 万吨/年可行\n    approver: 某局\n    document: 渝规资〔2023〕13号\n"
        "    expires: 2999-12-31\n",
        encoding="utf-8",
    )
    baseline = tmp_path / "r1.json"
    planlint("check", "-f", "json", "-o", baseline)
    args = ("--plan", "cq-dazu", "--waivers", waivers, "--baseline", baseline, "--lang", lang)
    same = json.loads(planlint("check", *args, "-f", "json").stdout)
    same_finding = {f["id"]: f for f in same["findings"]}[finding.id]
    assert "waived" in same_finding and same_finding["baseline"] == "unchanged"
    run = planlint("check", lowered, *args, "-f", "json")
    data = json.loads(run.stdout)
    now = {f["id"]: f for f in data["findings"]}[finding.id]
    assert now["actual"]["value"] == 1 and now["waiver_changed"]["value"] == 10
    assert "waived" not in now and now["baseline"] == "changed"
    assert {f["baseline"] for f in data["findings"] if f["id"] != finding.id} == {"unchanged"}
    errors_now = sum(1 for f in data["findings"] if f["severity"] == "error")
    assert errors_now == sum(1 for f in same["findings"] if f["severity"] == "error")
    assert {p["id"]: p.get("verdict") for p in data["plans"]}["cq-dazu"] == "revise"
    waiver_said, baseline_said = CHANGED[lang]
    for fmt in ("text", "markdown", "html"):
        output = html.unescape(_plain(planlint("check", lowered, *args, "-f", fmt).stdout))
        assert waiver_said in output and baseline_said in output, fmt
    said_why = {"zh": "已豁免，但数值已变：经论证", "en": "waived, but the value changed: 经论证"}[lang]
    page = planlint("check", lowered, *args, "-f", "html").stdout
    assert said_why in html.unescape(re.sub(r"<[^>]+>", "", page))  # zh: a full-width colon, as in the marks
    sarif = json.loads(planlint("check", lowered, *args, "-f", "sarif").stdout)
    result = next(
        r for r in sarif["runs"][0]["results"] if r["partialFingerprints"]["planlint/v2"] == finding.id
    )
    assert result["baselineState"] == "updated" and "suppressions" not in result
    memo = tmp_path / "memo.docx"
    planlint("check", lowered, *args, "-f", "docx", "-o", memo)
    paragraphs = "\n".join(p.text for p in docx.Document(io.BytesIO(memo.read_bytes())).paragraphs)
    assert waiver_said in paragraphs and baseline_said in paragraphs
    # a waiver that records no value keeps waiving, as before
    unvalued = tmp_path / "u.yaml"
    unvalued.write_text(waivers.read_text(encoding="utf-8").replace("    value: 10\n", ""), encoding="utf-8")
    again = json.loads(
        planlint("check", lowered, "--plan", "cq-dazu", "--waivers", unvalued, "-f", "json").stdout
    )
    assert "waived" in {f["id"]: f for f in again["findings"]}[finding.id]


def test_a_waiver_value_for_a_finding_that_compares_no_value_is_bad_input(
    bundled: Report, tmp_path: Path
) -> None:
    note = next(f for f in bundled.findings if f.kind == "partial_ancestor")
    assert note.actual is None
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        f"schema: planlint/waivers/v1\nwaivers:\n  - finding: {note.id}\n    value: 10\n"
        "    reason: 经论证\n    approver: 某局\n",
        encoding="utf-8",
    )
    run = planlint("check", "--waivers", waivers, "--lang", "zh")
    assert (
        run.returncode == 2
        and f"w.yaml:4: value: 问题 {note.id} 未比对本规划的数值：value: 不适用" in run.stderr
    )  # at the value: line itself, as plan: and finding: are


LIMIT_CHANGED = {
    "zh": "已豁免，但所违反的限值已变：20 年 → 10 年",
    "en": "waived, but the bound it breaks changed: 20 年 → 10 年",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_waiver_granted_against_a_bound_that_got_stricter_does_not_waive(tmp_path: Path, lang: str) -> None:
    """Granted for 出让年限 30 年 against 中型's 20 年 (value: 30, limit: 20); the right's scale drops to 小型, whose
    limit is 10 年: the right's own value is the same, the bound it breaks is not, so it is not waived."""
    rights = (REPO / "fixtures" / "rights" / "fuling.csv").read_text(encoding="utf-8")
    smaller = tmp_path / "f2.csv"
    smaller.write_text(rights.replace("1500,60万吨/年,30", "1500,10万吨/年,30"), encoding="utf-8")
    waivers = tmp_path / "w.yaml"
    block = "schema: planlint/waivers/v1\nwaivers:\n  - finding: PL520-97e35ae9f2\n    value: 30\n{limit}"
    block += "    reason: 经论证\n    approver: 重庆市规划和自然资源局\n"
    waivers.write_text(block.format(limit="    limit: 20\n"), encoding="utf-8")
    granted = planlint(
        "check-rights", REPO / "fixtures" / "rights" / "fuling.csv", "--waivers", waivers, "-f", "json"
    )
    as_granted = next(f for f in json.loads(granted.stdout)["findings"] if f["id"] == "PL520-97e35ae9f2")
    assert as_granted["waived"]["limit"] == 20  # 30 against 20, as granted: waived
    stricter = planlint("check-rights", smaller, "--waivers", waivers, "-f", "json")
    finding = next(f for f in json.loads(stricter.stdout)["findings"] if f["id"] == "PL520-97e35ae9f2")
    assert "waived" not in finding and finding["waiver_changed"]["limit"] == 20
    assert finding["waiver_changed"]["changed"] == "limit"
    text = planlint("check-rights", smaller, "--waivers", waivers, "--lang", lang)
    assert text.returncode == 1 and LIMIT_CHANGED[lang] in text.stdout, text.stdout
    # without limit: the waiver guards the right's own value only, as before
    waivers.write_text(block.format(limit=""), encoding="utf-8")
    old = json.loads(planlint("check-rights", smaller, "--waivers", waivers, "-f", "json").stdout)
    assert next(f for f in old["findings"] if f["id"] == "PL520-97e35ae9f2")["waived"]


def test_a_waiver_limit_for_a_finding_that_compares_no_bound_is_bad_input(
    bundled: Report, tmp_path: Path
) -> None:
    note = next(f for f in bundled.findings if f.expected is None)
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        f"schema: planlint/waivers/v1\nwaivers:\n  - finding: {note.id}\n    limit: 10\n"
        "    reason: 经论证\n    approver: 某局\n",
        encoding="utf-8",
    )
    run = planlint("check", "--waivers", waivers, "--lang", "zh")
    assert (
        run.returncode == 2 and f"w.yaml:4: limit: 问题 {note.id} 未比对限值：limit: 不适用" in run.stderr
    ), run.stderr


WAIVED_APART = {
    "zh": ("（错误 0 个（另有 1 个已豁免），警告 0 个，提示 0 个）", "0（另有 1 个已豁免）"),
    "en": (" (0 error(s) (+1 waived), 0 warning(s), 0 info)", "0 (+1 waived)"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_counts_are_of_the_counted_findings_and_say_the_waived_apart(
    bundled: Report, tmp_path: Path, lang: str
) -> None:
    """cq-banan's one error waived: the memo's verdict line, the Markdown and HTML tables and the plan's
    heading count 0 errors and say 1 waived apart, never '1 error … 1 waived' read as an error left."""
    (error,) = [f for f in bundled.by_plan["cq-banan"] if f.severity == "error"]
    assert len(bundled.by_plan["cq-banan"]) == 1
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        f"schema: planlint/waivers/v1\nwaivers:\n  - finding: {error.id}\n    reason: 经论证同意\n"
        "    approver: 某局\n    document: 渝规资〔2023〕12号\n    expires: 2999-12-31\n",
        encoding="utf-8",
    )
    in_memo, in_cell = WAIVED_APART[lang]
    args = ("--waivers", waivers, "--lang", lang)
    memo = tmp_path / "memo.docx"
    planlint("check", *args, "-f", "docx", "-o", memo)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(memo.read_bytes())).paragraphs]
    assert any(t.endswith(in_memo) for t in paragraphs), paragraphs
    markdown = _plain(planlint("check", *args, "-f", "markdown").stdout)
    row = next(line for line in markdown.splitlines() if line.startswith("| cq-banan |"))
    assert row.split(" | ")[4:7] == [in_cell, "0", "0 |"]
    page = planlint("check", *args, "-f", "html").stdout
    overview = page[page.index('<tr data-plan="cq-banan">') :].split("</tr>")[0]
    assert f'data-v="0">{html.escape(in_cell)}</td>' in overview
    assert html.escape(in_cell.replace("0", "0 " + ("错误" if lang == "zh" else "error"), 1)) in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_memo_lists_stale_waivers_and_describes_resolved_findings_under_their_plan(
    bundled: Report, tmp_path: Path, lang: str
) -> None:
    """The memo lists the stale waivers as every other format does, and a resolved finding under its plan by
    rule, title and the baseline's message (the id alone told a county engineer nothing)."""
    (gone,) = [f for f in bundled.by_plan["cq-banan"] if f.severity == "error"]
    baseline = tmp_path / "r1.json"
    planlint("check", "-f", "json", "-o", baseline, "--lang", lang)
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "schema: planlint/waivers/v1\nwaivers:\n  - finding: PL999-0000000000\n    reason: 已不适用\n"
        "    approver: 某局\n    document: 渝规资〔2023〕1号\n    expires: 2999-12-31\n",
        encoding="utf-8",
    )
    memo = tmp_path / "memo.docx"
    args = ("--baseline", baseline, "--waivers", waivers, "-f", "docx", "-o", memo, "--lang", lang)
    planlint("check", _fixed_banan(tmp_path), *args)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(memo.read_bytes())).paragraphs]
    assert any(t.startswith(MARKS[lang]["stale"]) and "PL999-0000000000" in t for t in paragraphs)
    banan = next(i for i, t in enumerate(paragraphs) if "巴南区" in t)
    section = paragraphs[banan : next(i for i, t in enumerate(paragraphs) if i > banan and "大足区" in t)]
    heading = {"zh": "上轮提出、本轮已解决的问题", "en": "Raised last round and now resolved"}[lang]
    item = section[section.index(heading) + 1]
    title = {"zh": "最低开采规模低于上级规划", "en": "Minimum production scale below an ancestor's"}[lang]
    assert item.startswith(f"PL101 {title}") and gone.message[lang] in item and gone.id in item, item
    assert not any(gone.id in t for t in paragraphs if t not in section)


ROUND_COUNTS = {
    "zh": "与上轮相比：本轮新增 0 个，上轮已提出 {raised} 个，已解决 1 个",
    "en": "Against the last round: 0 new, {raised} raised before, 1 resolved",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_round_counts_new_raised_and_resolved_and_lists_the_resolved_under_their_plan_after_the_summary(
    bundled: Report, tmp_path: Path, fmt: str, lang: str
) -> None:
    """No wall of bare resolved ids above the summary: counts in the summary, then each resolved finding
    under its plan with its rule, title and the baseline's message (collapsed in HTML)."""
    (gone,) = [f for f in bundled.by_plan["cq-banan"] if f.severity == "error"]
    baseline = tmp_path / "r1.json"
    planlint("check", "-f", "json", "-o", baseline, "--lang", lang)
    run = planlint("check", _fixed_banan(tmp_path), "--baseline", baseline, "-f", fmt, "--lang", lang)
    output = html.unescape(run.stdout) if fmt == "html" else _plain(run.stdout)
    assert MARKS[lang]["resolved"] not in output  # the bare list of ids is gone
    counts = ROUND_COUNTS[lang].format(raised=len(bundled.findings) - 1)
    assert counts in output, output[:2000]
    title = {"zh": "最低开采规模低于上级规划", "en": "Minimum production scale below an ancestor's"}[lang]
    item = next(line for line in output.splitlines() if gone.id in line)
    assert f"PL101 {title}" in item and gone.message[lang] in item, item
    heading = {"zh": "上轮提出、本轮已解决的问题", "en": "Raised last round and now resolved"}[lang]
    listed = output.index(heading)
    assert output.index(counts) < listed < output.index(gone.id)
    assert output.index("cq-banan", listed) < output.index(gone.id)  # under its plan
    if fmt == "html":
        assert re.search(r"<details[^>]*>\s*<summary>[^<]*" + re.escape(heading), output), output
        assert output.index('id="summary"') < listed
        raised = len(bundled.findings) - 1
        cards = re.findall(r'id="count-round-(\w+)">(\d+)<', output)
        assert cards == [("new", "0"), ("raised", str(raised)), ("resolved", "1")], cards
