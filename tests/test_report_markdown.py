"""`--format markdown`: the summary table, findings grouped by plan, both citations, quotes with --docs.

`sample_report()` and `sample_docs()` here are shared by the SARIF, HTML and browser tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planlint import api
from planlint.findings import Bound, Citation, Finding, Message, PlanSummary, Report, Subject
from planlint.report import REPORTERS, Options, render
from planlint.report.words import WORDS, word
from planlint.rules import load_rules

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"

NORM = Citation(role="norm", document="市县级矿产资源总体规划编制要点", locator="最低开采规模不低于上级规划")


def sample_report(rules: bool = True) -> Report:
    """Four plans (one only for reference, one clean) and a finding of each severity, one of them silent."""
    plans = (
        PlanSummary("nat", "全国矿产资源规划", "national", (), "全国", True, False, None),
        PlanSummary("prov", "某省矿产资源总体规划", "province", ("nat",), "某省", False, True, "prov.txt"),
        PlanSummary(
            "cty", "某县规划 | 试行 <b>草案</b>", "county", ("prov",), "某县", False, True, "cty.txt"
        ),
        PlanSummary("cty2", "另一县矿产资源总体规划", "county", ("prov",), "另一县", False, True, "cty2.txt"),
    )
    findings = (
        Finding(
            rule="PL101",
            kind="ancestor_bound",
            severity="error",
            plan="cty",
            against="prov",
            message=Message(
                zh="建筑用砂岩最低开采规模 ≥ 10 万吨/年，低于 prov 规定的 ≥ 30 万吨/年",
                en="建筑用砂岩 minimum scale ≥ 10 万吨/年 is below prov's ≥ 30 万吨/年",
            ),
            subject=Subject("PL101", "cty", "prov", "min_scale", "建筑用砂岩"),
            citations=(
                NORM,
                Citation(role="ancestor", plan="prov", document="prov.txt", table="专栏1", line=4),
                Citation(role="plan", plan="cty", document="cty.txt", section="四（二）", line=2),
            ),
            metric="min_scale",
            mineral="建筑用砂岩",
            expected=Bound(">=", 30.0, "万吨/年"),
            actual=Bound(">=", 10.0, "万吨/年"),
        ),
        Finding(
            rule="PL999",
            kind="made_up",
            severity="warning",
            plan="cty",
            against="prov",
            message=Message(zh="本规划未规定开采总量", en="the plan sets no extraction total"),
            subject=Subject("PL999", "cty", "prov"),
            citations=(
                Citation(role="ancestor", plan="prov", document="prov.txt", line=5),
                Citation(role="plan", plan="cty", document="cty.txt", line=None),
            ),
        ),
        Finding(
            rule="PL101",
            kind="ancestor_bound",
            severity="info",
            plan="prov",
            against=None,
            message=Message(zh="省级规划自身提示", en="a note on the province itself"),
            subject=Subject("PL101", "prov"),
            citations=(Citation(role="plan", plan="prov", document="prov.txt", line=5),),
        ),
    )
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    return Report(plans, ordered, tuple(load_rules(api.rule_directories())) if rules else ())


def sample_docs(directory: Path) -> Path:
    """The two cited documents of the sample report."""
    (directory / "prov.txt").write_text(
        "专栏1 最低开采规模\n建筑用砂岩\n万吨/年\n30\n到2025年，开采总量控制在100万吨以内。\n",
        encoding="utf-8",
    )
    (directory / "cty.txt").write_text("第一章 总则\n建筑用砂岩最低开采规模为10万吨/年。\n", encoding="utf-8")
    return directory


def _table_rows(markdown: str) -> list[list[str]]:
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
            rows.append([c.strip() for c in cells])
    return rows


def test_registered() -> None:
    assert REPORTERS["markdown"] == "planlint.report.markdown"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_table_counts_each_plan_and_severity(lang: str) -> None:
    out = render("markdown", sample_report(), Options(lang=lang))  # type: ignore[arg-type]
    rows = _table_rows(out.split(f"## {word('findings', lang)}")[0])  # type: ignore[arg-type]
    by_plan = {row[0].strip("`"): row for row in rows if row[0].startswith("`")}
    # judged plans are listed (the reference-only national plan is not), with error/warning/info counts
    assert set(by_plan) == {"prov", "cty", "cty2"}
    assert by_plan["cty"][-3:] == ["1", "1", "0"]
    assert by_plan["prov"][-3:] == ["0", "0", "1"]
    assert by_plan["cty2"][-3:] == ["0", "0", "0"]
    total = next(row for row in rows if word("total", lang) in row[0])  # type: ignore[arg-type]
    assert total[-3:] == ["**1**", "**1**", "**1**"]
    assert "`nat`" in out.split(f"## {word('findings', lang)}")[0]  # named as reference only


def test_findings_grouped_by_plan_with_both_citations() -> None:
    out = render("markdown", sample_report(), Options(lang="en"))
    sections = re.split(r"^### ", out, flags=re.M)[1:]
    headings = [s.splitlines()[0] for s in sections]
    assert [h.split()[0] for h in headings] == ["`prov`", "`cty`", "`cty2`"]  # the report's plan order
    cty = sections[1]
    # the error comes before the warning, each with its rule, the ancestor and the plan citation
    assert cty.index("PL101") < cty.index("PL999")
    error = cty.split("#### 2.")[0]
    assert "Minimum production scale below an ancestor" in error  # the rule's title from the rule pack
    assert "**ancestor prov**: prov.txt 专栏1 line 4" in error
    assert "**plan cty**: cty.txt 四（二） line 2" in error
    assert "**norm**: 市县级矿产资源总体规划编制要点 · 最低开采规模不低于上级规划" in error
    warning = cty.split("#### 2.")[1]
    assert "(the plan is silent)" in warning
    assert "No findings." in sections[2]
    # markup in a plan name is escaped, so the table keeps its columns
    assert "某县规划 \\| 试行 \\<b\\>草案\\</b\\>" in out


def test_docs_quote_the_cited_lines(tmp_path: Path) -> None:
    without = render("markdown", sample_report(), Options(lang="zh"))
    assert "  > " not in without
    assert word("no_docs", "zh") in without
    out = render("markdown", sample_report(), Options(lang="zh", docs=sample_docs(tmp_path)))
    quotes = [line.strip() for line in out.splitlines() if line.startswith("  > ")]
    # a short table cell is quoted with its row so far, the cell in bold; a sentence is quoted whole
    assert "> 专栏1 最低开采规模 · 建筑用砂岩 · 万吨/年 · **30**" in quotes
    assert "> 建筑用砂岩最低开采规模为10万吨/年。" in quotes
    assert "> 到2025年，开采总量控制在100万吨以内。" in quotes
    assert word("no_docs", "zh") not in out


def test_languages_use_their_own_labels() -> None:
    zh = render("markdown", sample_report(), Options(lang="zh"))
    en = render("markdown", sample_report(), Options(lang="en"))
    for key in ("title", "summary_heading", "findings", "rules"):
        assert WORDS[key]["zh"] in zh and WORDS[key]["en"] not in zh
        assert WORDS[key]["en"] in en
    assert "低于 prov 规定的" in zh and "is below prov's" in en


def test_without_rules_or_findings() -> None:
    bare = sample_report(rules=False)
    out = render("markdown", bare, Options(lang="en"))
    assert "#### 1. error · PL101" in out  # no title to add, still the rule id
    empty = Report(bare.plans, ())
    out = render("markdown", empty, Options(lang="en"))
    assert "No findings." in out and word("rules", "en") not in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bundled_plans(lang: str) -> None:
    report = api.check(api.load())
    docs = SEEDS if SEEDS.is_dir() else None
    out = render("markdown", report, Options(lang=lang, docs=docs))  # type: ignore[arg-type]
    for finding in report.findings:
        assert finding.rule in out
    for plan in report.plans:
        if plan.judged:
            assert f"### `{plan.id}`" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plans_only_compared_are_named_not_just_listed_by_id(lang: str) -> None:
    report = api.check(api.load(), ["cq-banan"])  # its ancestors and its sibling are only compared
    out = render("markdown", report, Options(lang=lang))  # type: ignore[arg-type]
    separator = "、" if lang == "zh" else ", "
    named = separator.join(
        ("`cn` 全国矿产资源规划（2021—2025年）", "`cq` 重庆市矿产资源总体规划（2021—2025年）")
    )
    line = next(line for line in out.splitlines() if line.startswith(word("context_plans", lang, plans="")))
    assert named in line and "`cq-dazu` 重庆市大足区矿产资源总体规划（2021—2025年）" in line
