"""check-rights reports are a review of the rights, not of the plans: every format counts the rights and gives
each right its verdict (符合规划 / 不符合规划 / 需人工审查 / 无需规划审查), and quotes the right's own record."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from planlint import api
from planlint.findings import Report
from planlint.report import Options, render
from planlint.review import Waiver, review, right_verdict
from planlint.rights import check_rights
from tests.cli import REPO

FIXTURES = REPO / "fixtures" / "rights"
FULING = FIXTURES / "fuling.csv"  # docs/rights.md's worked example: FLGC202203 passes, FLGC202299 does not
BREACHES = FIXTURES / "breaches.yaml"
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def project() -> api.Project:
    return api.load()


@pytest.fixture(scope="module")
def fuling(project: api.Project) -> Report:
    return review(check_rights(project, FULING))


@pytest.fixture(scope="module")
def breaches(project: api.Project) -> Report:
    return review(check_rights(project, BREACHES))


def test_each_right_gets_the_verdict_its_findings_call_for(breaches: Report) -> None:
    verdicts = {r.id: right_verdict(breaches, r.id) for r in breaches.rights}
    assert verdicts["X-BN-SMALL"] == "revise"  # PL510 errors
    assert verdicts["X-YC-KIND"] == "review"  # PL511: the record lacks what the floor needs
    assert verdicts["X-YC-COAL"] == "pass"  # a restricted mineral is an info: within its conditions
    assert verdicts["X-YC-RENEW"] == "exempt"  # a renewal is not reviewed against the plans
    assert verdicts["X-HN-ZONE-1"] == "pass"  # no finding at all
    assert len(verdicts) == len(breaches.rights) == 19


def test_a_waived_error_no_longer_makes_the_right_fail(project: api.Project, fuling: Report) -> None:
    errors = [f for f in fuling.by_right["FLGC202299"] if f.severity == "error"]
    waived = review(fuling, [Waiver(f.id, "经论证", "重庆市规划和自然资源局") for f in errors])
    assert right_verdict(fuling, "FLGC202299") == "revise"
    assert right_verdict(waived, "FLGC202299") == "review"  # the PL511 warning still stands


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_gives_each_right_a_verdict_and_the_plans_none(fuling: Report, lang: str) -> None:
    data = json.loads(render("json", fuling, Options(lang=lang)))  # type: ignore[arg-type]
    rights = {r["id"]: r for r in data["rights"]}
    assert rights["FLGC202203"]["verdict"] == "pass"
    assert rights["FLGC202299"]["verdict"] == "revise"
    assert rights["FLGC202299"]["summary"] == {"error": 2, "warning": 1, "info": 0}
    words = {
        "zh": ("符合规划", "不符合规划"),
        "en": ("conforms to the plans", "does not conform to the plans"),
    }
    assert (rights["FLGC202203"]["verdict_text"], rights["FLGC202299"]["verdict_text"]) == words[lang]
    assert all("verdict" not in plan for plan in data["plans"])  # the plans were not under review


def test_sarif_lists_each_rights_verdict_and_stays_valid(breaches: Report) -> None:
    data = json.loads(render("sarif", breaches, Options()))
    rights = {r["id"]: r["verdict"] for r in data["runs"][0]["properties"]["rights"]}
    assert rights["X-BN-SMALL"] == "revise" and rights["X-YC-RENEW"] == "exempt" and len(rights) == 19
    if SARIF_SCHEMA.exists():
        jsonschema.validate(data, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_text_markdown_and_html_count_rights_not_plans(fuling: Report, format: str) -> None:
    zh = render(format, fuling, Options(lang="zh"))
    assert "共检查 2 个采矿权：2 个错误，1 个警告，0 个提示。" in zh
    assert "个规划：" not in zh
    assert "1 个符合规划、1 个不符合规划" in zh or format == "html"
    en = render(format, fuling, Options(lang="en"))
    assert "2 right(s) checked: 2 error(s), 1 warning(s), 0 info." in en
    assert "plan(s) checked" not in en


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_every_right_is_listed_with_its_verdict_the_passing_one_too(fuling: Report, format: str) -> None:
    page = render(format, fuling, Options(lang="zh"))
    if format == "html":  # one row of the rights table per right
        rows = re.findall(r'<tr data-right="([^"]+)">.*?class="verdict verdict-(\w+)"[^>]*>([^<]+)<', page)
        assert rows == [("FLGC202203", "pass", "符合规划"), ("FLGC202299", "revise", "不符合规划")]
    else:
        for right, verdict in (("FLGC202203", "符合规划"), ("FLGC202299", "不符合规划")):
            line = next(line for line in page.splitlines() if right in line and verdict in line)
            assert "不符合规划" not in line or verdict == "不符合规划"
    assert "需修改" not in page  # the plans' verdict words do not appear in a rights review


def test_markdown_quotes_each_rights_record_and_groups_its_findings(fuling: Report) -> None:
    page = render("markdown", fuling, Options(lang="zh"))
    section = page.split("### `FLGC202299`")[1].split("\n### ")[0].split("\n## ")[0]
    assert "不符合规划" in section.splitlines()[0]
    assert "**采矿权记录**：地理位置 涪陵区某镇某村；矿种 建筑石料用灰岩" in section
    assert (
        "生产规模 60 万吨/年；资源储量 1500 万吨；出让年限 30 年 — fuling.csv FLGC202299 第 3 行" in section
    )
    assert [line.split(" · ")[1] for line in section.splitlines() if line.startswith("#### ")] == [
        "PL520 出让年限超过采矿许可证最长有效期",
        "PL522 出让年限超过资源储量可开采的年限",
        "PL511 缺少信息，无法判断是否达到最低开采规模",
    ]
    english = render("markdown", fuling, Options(lang="en"))
    assert "capacity 60 万吨/年; reserves 1500 万吨; term 30 years" in english


def test_plan_reports_keep_their_plan_framing(project: api.Project, tmp_path: Path) -> None:
    from planlint.report.words import word

    report = review(api.check(project))
    assert not report.rights
    page = render("markdown", report, Options(lang="zh"))
    assert page.startswith(f"# {word('title', 'zh')}") and "个规划：" in page


@pytest.mark.parametrize(
    ("lang", "verdict", "record", "plan"),
    [
        (
            "zh",
            "审查结论: 不符合规划（2 个错误：PL520、PL522；1 个警告：PL511）",
            "采矿权记录: 地理位置 涪陵区某镇某村",
            "(规划 cq)",
        ),
        (
            "en",
            "Verdict: does not conform to the plans (2 error(s)",
            "The right's record: location 涪陵区某镇某村",
            "(plan cq)",
        ),
    ],
)
def test_text_groups_the_findings_by_right_not_by_plan(
    fuling: Report, lang: str, verdict: str, record: str, plan: str
) -> None:
    lines = render("text", fuling, Options(lang=lang)).splitlines()  # type: ignore[arg-type]
    # no plan heading: the plans were held against, not reviewed (no 'cn 全国… 未发现问题')
    assert not any(line.startswith(("cn ", "cq ")) for line in lines)
    assert lines[0].startswith("FLGC202203 ")  # the rights, in order, from the first line
    start = lines.index(next(line for line in lines if line.startswith("FLGC202299 ")))
    section = lines[start + 1 :]
    assert section[0].strip().startswith(verdict)
    assert section[1].strip().startswith(record) and section[1].rstrip().endswith("fuling.csv FLGC202299 L3")
    rules = [line.split()[1] for line in section if line.startswith("  ") and not line.startswith("   ")][2:]
    assert rules == ["PL520", "PL522", "PL511"]  # the right's findings follow its verdict and record
    assert all(plan in line for line in section if line.split()[1:2] in (["PL520"], ["PL522"], ["PL511"]))


def test_html_hierarchy_of_a_rights_review_gives_the_plans_no_verdict(fuling: Report) -> None:
    page = render("html", fuling, Options(lang="zh"))
    data = json.loads(re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    rows = {row[0]: row for row in data["plans"]}
    assert rows["cq"][5] == "revise" and rows["cq"][8] == "2 错误 · 1 警告"  # the rights' findings, by colour
    assert all(row[10] == "" for row in rows.values())  # no 下辖 … 个需修改: the plans are not reviewed
    assert not any("通过" in row[9] or "需" in row[9] for row in rows.values())
