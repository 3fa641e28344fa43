"""`--format html`: one self-contained page — counts and verdicts, a plans × rules overview, findings by
plan with their citations (and cited lines with --docs), the data the hierarchy is drawn from, both
languages, print CSS. The drawing itself is tested in the browser (tests/test_browser.py)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from planlint import api
from planlint.findings import Citation, Finding, Message, Report, Subject
from planlint.report import REPORTERS, Options, render
from planlint.report.html import STATUS_COLOURS
from planlint.report.words import WORDS
from planlint.review import review
from tests.test_report_markdown import SEEDS, sample_docs, sample_report


class Page(HTMLParser):
    """The elements of a page as (tag, attrs, text directly inside), and whether every tag closed."""

    VOID = {"meta", "link", "br", "input", "img", "hr", "rect", "path"}

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, Any]] = []
        self.stack: list[dict[str, Any]] = []
        self.unbalanced: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": ""})

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1]["tag"] != tag:
            self.unbalanced.append(tag)
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element["text"] += data

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, Any]]:
        def matches(element: dict[str, Any]) -> bool:
            if tag and element["tag"] != tag:
                return False
            for key, value in attrs.items():
                key = key.rstrip("_").replace("_", "-")
                have = element["attrs"].get(key) or ""
                if key == "class" and value in have.split():
                    continue
                if have != value:
                    return False
            return True

        return [e for e in self.elements if matches(e)]

    def by_id(self, element_id: str) -> dict[str, Any]:
        (found,) = self.find(id=element_id)
        return found


def page(report: Any = None, **options: Any) -> tuple[str, Page]:
    markup = render("html", report or sample_report(), Options(**options))
    return markup, Page(markup)


def partial_note_report() -> Report:
    """The sample, with the note that the national plan is only partly known said once, on the province: the
    clean county cty2 needs a reviewer because of a note listed under another plan."""
    report = sample_report()
    note = Finding(
        rule="PL150",
        kind="partial_ancestor",
        severity="info",
        plan="prov",
        against="nat",
        message=Message(zh="nat 仅部分已知：未记录的内容未知", en="nat is only partly known"),
        citations=(Citation(role="ancestor", plan="nat", document="nat.txt"),),
        subject=Subject("PL150", "prov", "nat"),
        also=("prov", "cty", "cty2"),
    )
    findings = tuple(sorted((*report.findings, note), key=Finding.sort_key))
    return Report(report.plans, findings, report.rules)


def test_a_clean_plan_held_by_a_note_said_elsewhere_says_why_not_no_findings() -> None:
    report = partial_note_report()
    note = next(f for f in report.findings if f.rule == "PL150")
    markup, parsed = page(report, lang="zh")
    section = markup.split('id="plan-cty2"')[1].split("</section>")[0]
    assert "需人工审查" in section
    assert "无问题" not in section and "未发现问题" not in section
    assert "上级规划 nat 仅部分已知" in section
    link = f'<a href="#finding-{note.id}" class="note-link" data-finding="{note.id}">{note.id}</a>'
    assert section.count(link) == 2  # in the heading instead of 无问题, and in the verdict's line
    assert parsed.unbalanced == [] and parsed.stack == []
    clean = page(lang="zh")[0].split('id="plan-cty2"')[1].split("</section>")[0]
    assert "无问题" in clean and "未发现问题" in clean  # without the note it passes, and says so


def test_registered_and_well_formed() -> None:
    assert REPORTERS["html"] == "planlint.report.html"
    markup, parsed = page(lang="en")
    assert markup.startswith("<!DOCTYPE html>")
    assert parsed.unbalanced == [] and parsed.stack == []


def test_self_contained() -> None:
    markup, parsed = page(lang="zh")
    # nothing to fetch: no linked stylesheets, scripts, images, fonts or frames, and a CSP that forbids them
    assert not parsed.find("link") and not parsed.find("img") and not parsed.find("iframe")
    assert all("src" not in e["attrs"] for e in parsed.elements)
    for element in parsed.elements:
        for name in ("href", "xlink:href", "action"):
            value = element["attrs"].get(name)
            assert value is None or value.startswith("#"), value
    assert "@import" not in markup and "url(" not in markup and "@font-face" not in markup
    (csp,) = parsed.find("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in csp["attrs"]["content"]
    assert markup.count("<style>") == 1 and parsed.find("svg")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_counts(lang: str) -> None:
    report = sample_report()
    _, parsed = page(report, lang=lang)
    for severity, count in report.summary().items():
        assert parsed.by_id(f"count-{severity}")["text"] == str(count)
    assert parsed.by_id("count-plans")["text"] == "3"  # the national plan is only for reference
    rows = {e["attrs"]["data-plan"]: e["text"] for e in parsed.find("tr") if "data-plan" in e["attrs"]}
    assert set(rows) == {"prov", "cty", "cty2"}


def _data(parsed: Page) -> dict[str, Any]:
    return json.loads(parsed.by_id("report-data")["text"])


def test_hierarchy_data_for_the_script() -> None:
    """The page carries each plan's place and box colour; the script draws the hierarchy from it."""
    _, parsed = page(lang="en")
    data = _data(parsed)
    rows = {row[0]: row for row in data["plans"]}
    assert [row[0] for row in data["plans"]] == ["nat", "prov", "cty", "cty2"]  # depth-first from the root
    assert {pid: row[5] for pid, row in rows.items()} == {
        "nat": "revise",  # only for reference, but a county below it needs changes
        "prov": "revise",  # an info finding of its own passes; the county below does not
        "cty": "revise",
        "cty2": "pass",
    }
    assert {pid: row[8] for pid, row in rows.items()} == {  # the line about the plan itself
        "nat": "own: reference only",
        "prov": "own: 1 info",
        "cty": "own: 1 err · 1 warn",
        "cty2": "own: no findings",
    }
    assert {pid: row[10] for pid, row in rows.items()} == {  # the line about the plans below it
        "nat": "below: 1 to revise",
        "prov": "below: 1 to revise",
        "cty": "",
        "cty2": "",
    }
    assert "2 plan(s) below: 1 needs changes, 1 passes" in rows["prov"][9]  # the tooltip counts them all
    assert {pid for pid, row in rows.items() if row[6]} == {"nat"}  # partially known
    assert {pid for pid, row in rows.items() if row[7]} == {"prov", "cty", "cty2"}  # have a section
    assert data["colours"]["revise"] == list(STATUS_COLOURS["revise"])
    assert parsed.find("svg", id="hierarchy-svg")


def test_hierarchy_boxes_carry_the_worst_verdict_below_them_in_chinese() -> None:
    _, parsed = page(lang="zh")
    rows = {row[0]: row for row in _data(parsed)["plans"]}
    assert rows["prov"][10] == "下辖 1 个需修改"
    assert rows["prov"][9].endswith("下辖规划共 2 个：1 个需修改、1 个通过")
    assert rows["cty"][8] == "本级：1 错误 · 1 警告"


def test_round_chips_only_against_a_baseline() -> None:
    markup, _ = page(lang="zh")
    assert 'name="round"' not in markup and "data-round=" not in markup
    reviewed = review(sample_report(), baseline=frozenset())
    markup, parsed = page(reviewed, lang="en")
    chips = [e["attrs"]["value"] for e in parsed.find("input") if e["attrs"].get("name") == "round"]
    assert chips == ["new", "unchanged", "changed", "not_judged"]
    assert markup.count('data-round="new"') == len(reviewed.findings)


def test_every_box_says_the_plan_itself_the_same_way() -> None:
    """本级：… on every box, whether it counts findings, passes, is only for reference or needs a reviewer."""
    _, parsed = page(partial_note_report(), lang="zh")
    rows = {row[0]: row for row in _data(parsed)["plans"]}
    assert {pid: row[8] for pid, row in rows.items()} == {
        "nat": "本级：仅作对照",
        "prov": "本级：2 提示",  # its own and the note on nat
        "cty": "本级：1 错误 · 1 警告",
        "cty2": "本级：需人工审查",
    }


def test_overview_gives_verdicts_and_counts_by_rule_worst_first() -> None:
    report = sample_report()
    _, parsed = page(report, lang="zh")
    table = parsed.by_id("overview-table")
    assert table
    rows = [e for e in parsed.find("tr") if "data-plan" in e["attrs"]]
    assert [r["attrs"]["data-plan"] for r in rows] == ["cty", "prov", "cty2"]  # errors first
    verdicts = [e["text"] for e in parsed.find("span", class_="verdict")]
    assert verdicts[:3] == ["需修改", "通过", "通过"]  # an info finding alone does not hold a plan up
    headings = [e["text"] for e in parsed.find("th", class_="rule-col")]
    assert headings == sorted({f.rule for f in report.findings})
    assert parsed.by_id("count-verdict-revise")["text"] == "1"
    # the plan picker names the plans
    names = [o["text"] for o in parsed.find("option")]
    assert names[1].startswith("某省矿产资源总体规划（prov）")


def test_findings_by_plan_with_citations() -> None:
    report = sample_report()
    markup, parsed = page(report, lang="en")
    articles = parsed.find("article", class_="finding")
    assert [(a["attrs"]["data-plan"], a["attrs"]["data-severity"]) for a in articles] == [
        (f.plan, f.severity) for p in report.plans for f in report.findings if f.plan == p.id
    ]
    sections = [s["attrs"]["data-plan"] for s in parsed.find("section", class_="plan")]
    assert sections == ["prov", "cty", "cty2"]
    error = next(a for a in articles if a["attrs"]["data-severity"] == "error")
    assert "建筑用砂岩 minimum scale ≥ 10 万吨/年 is below prov's ≥ 30 万吨/年" in error["text"]
    assert "ancestor prov" in error["text"] and "prov.txt 专栏1 line 4" in error["text"]
    assert "plan cty" in error["text"] and "cty.txt 四（二） line 2" in error["text"]
    assert "Minimum production scale below an ancestor" in error["text"]
    assert not parsed.find("blockquote")
    assert "(the plan is silent)" in markup
    assert "No findings." in parsed.by_id("plan-cty2")["text"]
    # the filters: one checkbox per severity, one option per listed plan
    assert [b["attrs"]["value"] for b in parsed.find("input", name="severity")] == [
        "error",
        "warning",
        "info",
    ]
    assert [o["attrs"]["value"] for o in parsed.find("option")] == ["", "prov", "cty", "cty2"]


def test_docs_quote_the_cited_lines(tmp_path: Path) -> None:
    _, parsed = page(lang="zh", docs=sample_docs(tmp_path))
    quotes = [q["text"] for q in parsed.find("blockquote")]
    assert "建筑用砂岩最低开采规模为10万吨/年。" in quotes
    assert "专栏1 最低开采规模建筑用砂岩万吨/年30" in quotes  # a table cell with its row so far
    assert [m["text"] for m in parsed.find("mark")] == ["30"]


def test_escapes_markup_from_the_plans() -> None:
    markup, parsed = page(lang="en")
    assert "<b>草案</b>" not in markup and "&lt;b&gt;草案&lt;/b&gt;" in markup
    assert not parsed.find("b")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_language(lang: str) -> None:
    markup, parsed = page(lang=lang)
    assert parsed.find("html")[0]["attrs"]["lang"] == ("zh-CN" if lang == "zh" else "en")
    other = "en" if lang == "zh" else "zh"
    for key in ("title", "summary_heading", "findings", "all_plans", "filter", "overview"):
        assert WORDS[key][lang] in markup
        assert WORDS[key][other] not in markup


def test_print_styles() -> None:
    markup, _ = page(lang="en")
    printed = re.search(r"@media print\{(.*?)\n\}", markup, re.S)
    assert printed, "a print stylesheet"
    assert ".filters" in printed.group(1) and "display:none" in printed.group(1)
    assert "break-inside:avoid" in printed.group(1)


def test_no_findings_and_no_rules() -> None:
    bare = sample_report(rules=False)
    empty = type(bare)(bare.plans, ())
    markup, parsed = page(empty, lang="en")
    assert parsed.by_id("count-error")["text"] == "0"
    assert WORDS["all_clean"]["en"] in markup
    assert not parsed.find("article")
    _, parsed = page(type(bare)((), ()), lang="zh")
    assert not parsed.find("svg")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bundled_plans(lang: str) -> None:
    report = api.check(api.load())
    docs = SEEDS if SEEDS.is_dir() else None
    _, parsed = page(report, lang=lang, docs=docs)
    assert parsed.unbalanced == []
    assert len(parsed.find("article", class_="finding")) == len(report.findings)
    assert len(_data(parsed)["plans"]) == len(report.plans)
    for severity, count in report.summary().items():
        assert parsed.by_id(f"count-{severity}")["text"] == str(count)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plans_only_compared_are_named_not_just_listed_by_id(lang: str) -> None:
    report = api.check(api.load(), ["cq-banan"])  # its ancestors and its sibling are only compared
    markup = render("html", report, Options(lang=lang))  # type: ignore[arg-type]
    label = WORDS["context_plans"][lang].split("{")[0]
    note = re.search(f'<p class="meta">{re.escape(label)}(.*?)</p>', markup)
    assert note is not None
    separator = "、" if lang == "zh" else ", "
    named = separator.join(
        (
            "<code>cn</code> 全国矿产资源规划（2021—2025年）",
            "<code>cq</code> 重庆市矿产资源总体规划（2021—2025年）",
        )
    )
    assert named in note.group(1) and "<code>cq-dazu</code> 重庆市大足区矿产资源总体规划" in note.group(1)
