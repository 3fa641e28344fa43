"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright (`make browser`).

Skipped, with the reason, where /usr/bin/chromium is missing or cannot start; under CI (CI=true) that is
a failure instead, so CI never passes without having run it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planlint import api
from planlint.errors import PlanlintError
from planlint.findings import Report
from planlint.i18n import Lang
from planlint.report import Options, render
from planlint.report.html import STATUS_COLOURS, WHOLE_TREE
from planlint.review import review, verdict
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from tests.test_report_html import partial_note_report
from tests.test_report_markdown import SEEDS, sample_report
from tools.screenshot import CHROMIUM, browser, unavailable

IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _cannot(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"the browser test must run in CI, but: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Chromium (its own throw-away profile) for the module."""
    reason = unavailable(CHROMIUM)
    if reason:
        _cannot(reason)
    try:
        with browser(CHROMIUM, width=1200, height=900) as page:
            yield page.context
    except PlanlintError as error:
        _cannot(str(error))


@pytest.fixture
def tab(chromium: Any) -> Iterator[Any]:
    """A fresh tab for each test."""
    page = chromium.new_page()
    try:
        yield page
    finally:
        page.close()


class Opened:
    """A report opened in the tab, with the page's errors and every request it made."""

    def __init__(
        self, tab: Any, report: Report, directory: Path, lang: Lang, docs: Path | None = None
    ) -> None:
        self.path = directory / f"report-{lang}.html"
        self.path.write_text(render("html", report, Options(lang=lang, docs=docs)), encoding="utf-8")
        self.errors: list[str] = []
        self.requests: list[str] = []
        tab.on("pageerror", lambda error: self.errors.append(str(error)))
        tab.on(
            "console", lambda message: self.errors.append(message.text) if message.type == "error" else None
        )
        tab.on("request", lambda request: self.requests.append(request.url))
        tab.goto(self.path.resolve().as_uri())
        tab.wait_for_selector("#summary")
        self.tab = tab

    def visible(self) -> list[tuple[str, str]]:
        found = self.tab.locator("article.finding:visible")
        return [
            (found.nth(i).get_attribute("data-plan"), found.nth(i).get_attribute("data-severity"))
            for i in range(found.count())
        ]


def test_bundled_report_counts_a_finding_and_screenshot(tab: Any, tmp_path: Path) -> None:
    report = api.check(api.load())
    docs = SEEDS if SEEDS.is_dir() else None
    opened = Opened(tab, report, tmp_path, "zh", docs)
    for severity, count in report.summary().items():
        assert tab.inner_text(f"#count-{severity}").strip() == str(count)
    assert tab.inner_text("#count-plans").strip() == str(sum(p.judged for p in report.plans))
    # every finding is on the page; the first shown is the first finding of the first plan listed
    assert tab.locator("article.finding").count() == len(report.findings)
    if report.findings:
        order = [p.id for p in report.plans]
        first = min(report.findings, key=lambda f: order.index(f.plan))
        shown = tab.locator("article.finding").first
        assert shown.is_visible()
        assert shown.locator(".message").inner_text().strip() == first.text("zh")
        assert shown.locator(".rule").inner_text().strip() == first.rule
    # the hierarchy is drawn: a box per plan (a small nation is drawn whole)
    assert tab.locator("#hierarchy-svg g.node").count() == len(report.plans)
    assert tab.locator("#hierarchy-svg").bounding_box()["width"] > 300
    # the severity filter hides exactly that severity
    errors = report.summary()["error"]
    tab.uncheck("#filter-error")
    assert len(opened.visible()) == len(report.findings) - errors
    assert all(severity != "error" for _, severity in opened.visible())
    tab.check("#filter-error")
    assert len(opened.visible()) == len(report.findings)
    shot = tmp_path / "report.png"
    tab.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    assert opened.errors == []
    assert all(url.startswith("file://") for url in opened.requests), opened.requests


def test_filters_by_severity_and_plan(tab: Any, tmp_path: Path) -> None:
    opened = Opened(tab, sample_report(), tmp_path, "en")
    assert opened.visible() == [("prov", "info"), ("cty", "error"), ("cty", "warning")]
    assert tab.inner_text("#shown") == "Showing 3 of 3 findings"
    tab.uncheck("#filter-error")
    assert opened.visible() == [("prov", "info"), ("cty", "warning")]
    assert tab.inner_text("#shown") == "Showing 2 of 3 findings"
    tab.uncheck("#filter-warning")
    tab.uncheck("#filter-info")
    assert opened.visible() == []
    assert tab.locator("#none-shown").is_visible()
    for severity in ("error", "warning", "info"):
        tab.check(f"#filter-{severity}")
    tab.select_option("#plan-filter", "cty")
    assert opened.visible() == [("cty", "error"), ("cty", "warning")]
    assert not tab.locator("#plan-prov").is_visible()
    tab.select_option("#plan-filter", "cty2")  # a clean plan: its section says so
    assert opened.visible() == []
    assert tab.locator("#plan-cty2 .clean").is_visible()
    tab.click("#hierarchy-svg a.node-link[data-plan='prov']")  # a box in the hierarchy picks its plan
    assert tab.input_value("#plan-filter") == "prov"
    assert opened.visible() == [("prov", "info")]
    assert opened.errors == []


def test_filters_by_round_status_against_a_baseline(tab: Any, tmp_path: Path) -> None:
    """Against a baseline that raised the county's error: chips 本轮新增 (2) and 上轮已提出 (1) filter the list
    like the severity chips, and with them."""
    sample = sample_report()
    error = next(f for f in sample.findings if f.severity == "error")
    opened = Opened(tab, review(sample, baseline=frozenset({error.id})), tmp_path, "zh")
    chips = tab.locator("label.chip[class*='round-']").all_inner_texts()
    assert [c.strip() for c in chips] == ["本轮新增 (2)", "上轮已提出 (1)", "数值已变 (0)", "上轮未检查 (0)"]
    tab.uncheck("#filter-round-new")
    assert opened.visible() == [("cty", "error")]
    assert tab.inner_text("#shown") == "显示 1 / 3 条问题"
    tab.uncheck("#filter-error")  # with the severity chips: nothing left
    assert opened.visible() == []
    tab.check("#filter-round-new")
    tab.uncheck("#filter-round-unchanged")
    assert opened.visible() == [("prov", "info"), ("cty", "warning")]
    tab.check("#filter-error")
    tab.check("#filter-round-unchanged")
    assert len(opened.visible()) == 3
    assert opened.errors == []


def test_print_hides_the_controls(tab: Any, tmp_path: Path) -> None:
    Opened(tab, sample_report(), tmp_path, "zh")
    tab.emulate_media(media="print")
    try:
        assert not tab.locator("#filters").is_visible()
        assert tab.locator("article.finding:visible").count() == 3
        assert tab.locator("#hierarchy-svg").is_visible()
    finally:
        tab.emulate_media(media="screen")


def test_hierarchy_drawn_coloured_by_the_worst_verdict_of_each_subtree(tab: Any, tmp_path: Path) -> None:
    opened = Opened(tab, sample_report(), tmp_path, "en")
    nodes = tab.locator("#hierarchy-svg g.node")
    statuses = {
        nodes.nth(i).get_attribute("data-plan"): nodes.nth(i).get_attribute("data-status") for i in range(4)
    }
    assert statuses == {"nat": "revise", "prov": "revise", "cty": "revise", "cty2": "pass"}
    assert (
        tab.locator("#hierarchy-svg g.node[data-plan='prov'] .node-below").text_content()
        == "below: 1 to revise"
    )
    boxes = {p: tab.locator(f"#hierarchy-svg g.node[data-plan='{p}'] rect").bounding_box() for p in statuses}
    assert boxes["nat"]["y"] < boxes["prov"]["y"] < boxes["cty"]["y"] == boxes["cty2"]["y"]  # a row per level
    assert abs(boxes["cty"]["x"] - boxes["cty2"]["x"]) >= boxes["cty"]["width"]  # no overlap
    fill = tab.locator("#hierarchy-svg g.node[data-plan='cty'] rect").get_attribute("fill")
    assert fill == STATUS_COLOURS["revise"][0]
    assert tab.locator("#hierarchy-svg rect[stroke-dasharray]").count() == 1  # the partially known plan
    assert tab.locator("#hierarchy-svg path.edge").count() == 3
    assert tab.locator("#hierarchy-svg a.node-link").count() == 3  # the plans that have a section
    assert opened.errors == []


def test_national_scale_draws_only_around_the_selected_plan_and_sorts(tab: Any, tmp_path: Path) -> None:
    generate(tmp_path, Shape.per(3, 3, 26, 1), seed=7, violations=1)
    report = api.check(api.load([tmp_path / "plans"]))
    assert len(report.plans) > 200
    opened = Opened(tab, report, tmp_path, "zh")
    # no plan picked: the top two levels only
    roots = [p for p in report.plans if not p.parents]
    top = {p.id for p in report.plans if not p.parents or set(p.parents) & {r.id for r in roots}}
    assert tab.locator("#hierarchy-svg g.node").count() == len(top)

    # the city with most districts: its ancestors, itself and its children, in rows of at most 7
    def children_of(plan_id: str) -> list[str]:
        return [p.id for p in report.plans if plan_id in p.parents]

    cities = [p for p in report.plans if p.level == "city" and p.judged]
    city = max(cities, key=lambda p: len(children_of(p.id)))
    children = children_of(city.id)
    assert len(children) > 14
    tab.select_option("#plan-filter", city.id)
    assert tab.locator("#hierarchy-svg g.node").count() == 2 + 1 + len(children)
    box = tab.locator("#hierarchy-svg").bounding_box()
    assert 300 < box["width"] <= 1240 and box["height"] > 300
    assert tab.evaluate(CROSSINGS) == []  # the city's rows of districts: no line through a box
    # the overview sorts by a column on click: warnings, most first
    header = tab.locator("#overview-table th").nth(4)
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    warnings = [
        int(v or 0) for v in tab.locator("#overview-table tbody tr td:nth-child(5)").all_inner_texts()
    ]
    assert warnings == sorted(warnings, reverse=True) and warnings[0] > 0
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert opened.errors == []


CROSSINGS = """() => {
  const boxes = [...document.querySelectorAll('#hierarchy-svg g.node rect')].map((r) => ({id:
    r.parentNode.dataset.plan, x: +r.getAttribute('x'), y: +r.getAttribute('y'),
    w: +r.getAttribute('width'), h: +r.getAttribute('height')}));
  const hits = [];
  document.querySelectorAll('#hierarchy-svg path.edge').forEach((path) => {
    const length = path.getTotalLength();
    for (let s = 0; s <= length; s += 2) {
      const p = path.getPointAtLength(s);
      boxes.forEach((b) => {
        if (p.x > b.x + 1 && p.x < b.x + b.w - 1 && p.y > b.y + 1 && p.y < b.y + b.h - 1) { hits.push(b.id); }
      });
    }
  });
  return [...new Set(hits)];
}"""


def _worst_below(report: Report) -> dict[str, str]:
    """Each plan's worst verdict among itself and every judged plan below it ('context' if none is judged)."""
    rank = ("revise", "review", "pass")
    worst: dict[str, str] = {p.id: "context" for p in report.plans}
    for plan in report.plans:
        if not plan.judged:
            continue
        code, todo, seen = verdict(report, plan.id), [plan.id], set()
        while todo:
            above = todo.pop()
            if above not in seen:
                seen.add(above)
                worst[above] = min(code, worst[above], key=lambda c: rank.index(c) if c in rank else 3)
                todo.extend(report.parents.get(above, ()))
    return worst


def test_national_hierarchy_maps_where_the_problems_are_and_no_line_crosses_a_box(
    tab: Any, tmp_path: Path
) -> None:
    generate(tmp_path, Shape.per(12, 1, 3, 0), seed=3, violations=1)
    report = api.check(api.load([tmp_path / "plans"]))
    assert len(report.plans) > WHOLE_TREE
    opened = Opened(tab, report, tmp_path, "zh")
    worst = _worst_below(report)
    nodes = tab.locator("#hierarchy-svg g.node")
    shown = {
        nodes.nth(i).get_attribute("data-plan"): nodes.nth(i).get_attribute("data-status")
        for i in range(nodes.count())
    }
    assert len(shown) == 13  # the nation and its 12 provinces, in two rows
    assert shown == {plan_id: worst[plan_id] for plan_id in shown}
    assert "revise" in shown.values()  # a county's error shows on its province and on the nation
    nation = next(p.id for p in report.plans if not p.parents)
    revising = sum(
        1 for p in report.plans if p.judged and p.id != nation and verdict(report, p.id) == "revise"
    )
    below = tab.locator(f"#hierarchy-svg g.node[data-plan='{nation}'] .node-below").text_content()
    assert below == f"下辖 {revising} 个需修改"
    assert tab.evaluate(CROSSINGS) == []  # the nation's 12 children: a bus per row, not a fan across the rows
    assert tab.locator("#hierarchy-svg path.edge").count() >= 1
    assert opened.errors == []


def test_passes_are_counted_on_the_page(tab: Any, tmp_path: Path) -> None:
    report = api.check(api.load(), passes=True)
    opened = Opened(tab, report, tmp_path, "en")
    assert report.passes and tab.inner_text("#count-passes").strip() == str(len(report.passes))
    shown = tab.locator("#plan-cq-banan .passes")
    assert shown.is_visible() and shown.get_attribute("data-passes") == str(report.passes_of("cq-banan"))
    assert opened.errors == []


def test_the_plan_finder_narrows_the_picker_by_name_or_id(tab: Any, tmp_path: Path) -> None:
    generate(tmp_path, Shape.per(12, 1, 3, 0), seed=3, violations=1)
    report = api.check(api.load([tmp_path / "plans"]))
    opened = Opened(tab, report, tmp_path, "zh")
    counties = [p for p in report.plans if p.level == "county" and p.judged]
    names = [p.jurisdiction for p in report.plans]
    county = next(p for p in reversed(counties) if names.count(p.jurisdiction) == 1)
    # a county's name, typed in Chinese: one match, picked at once, its neighbourhood drawn
    tab.fill("#plan-search", county.jurisdiction)
    assert tab.input_value("#plan-filter") == county.id
    assert tab.locator("#plan-filter option:not([hidden])").count() == 2  # 全部规划 and the county
    assert tab.inner_text("#plan-matches") == "1 个匹配"
    assert tab.locator(f"#hierarchy-svg g.node[data-plan='{county.id}']").count() == 1
    # part of an id, in capitals: every plan whose id holds it is left in the picker; Enter picks the first
    province = county.parents[0].split("-")[0]
    tab.fill("#plan-search", province.upper())
    left = tab.locator("#plan-filter option:not([hidden])")
    values = [left.nth(i).get_attribute("value") for i in range(left.count())][1:]
    assert values == [p.id for p in report.plans if province in p.id and p.judged] and len(values) > 1
    tab.press("#plan-search", "Enter")
    assert tab.input_value("#plan-filter") == values[0]
    # emptied: every plan is back
    tab.fill("#plan-search", "")
    assert (
        tab.locator("#plan-filter option:not([hidden])").count() == tab.locator("#plan-filter option").count()
    )
    assert tab.inner_text("#plan-matches") == ""
    assert opened.errors == []


def test_the_plan_finder_never_leaves_a_plan_shown_that_it_no_longer_matches(
    tab: Any, tmp_path: Path
) -> None:
    """QA N14: 兴北 picks 兴北县; then p01-c07-k0 leaves 8 other plans: the first of them is picked, not 兴北县."""
    generate(tmp_path, Shape.per(12, 1, 3, 0), seed=3, violations=1)
    report = api.check(api.load([tmp_path / "plans"]))
    opened = Opened(tab, report, tmp_path, "zh")
    judged = [p for p in report.plans if p.judged]
    names = [p.jurisdiction for p in report.plans]
    county = next(p for p in judged if p.level == "county" and names.count(p.jurisdiction) == 1)
    tab.fill("#plan-search", county.jurisdiction)
    assert tab.input_value("#plan-filter") == county.id
    other = next(p for p in judged if not p.id.startswith(county.id.split("-")[0]) and p.level == "county")
    part = other.id.split("-")[0]  # another province's prefix: many plans, none of them the county
    tab.fill("#plan-search", part)
    hits = [p.id for p in judged if part in p.id]
    assert len(hits) > 1 and county.id not in hits
    assert tab.input_value("#plan-filter") == hits[0]
    assert not tab.locator(f"#plan-{county.id}").is_visible()
    # a text nothing matches: no plan picked (全部规划), never the last one shown
    tab.fill("#plan-search", "无此规划")
    assert tab.inner_text("#plan-matches") == "0 个匹配"
    assert tab.input_value("#plan-filter") == ""
    assert opened.errors == []


def test_a_note_said_on_another_plan_is_shown_from_the_verdict_that_cites_it(
    tab: Any, tmp_path: Path
) -> None:
    report = partial_note_report()
    note = next(f for f in report.findings if f.rule == "PL150")
    opened = Opened(tab, report, tmp_path, "zh")
    tab.select_option("#plan-filter", "cty2")
    section = tab.locator("#plan-cty2")
    assert section.is_visible() and "无问题" not in section.inner_text()
    assert not tab.locator(f"#finding-{note.id}").is_visible()  # listed under prov, hidden by the picker
    section.locator(".verdict-reason a.note-link").click()
    shown = section.locator(".borrowed")
    assert shown.is_visible()
    assert "此提示只在 某省矿产资源总体规划 prov 之下列出一次" in shown.inner_text()
    assert note.text("zh") in shown.inner_text() and note.id in shown.inner_text()
    section.locator("h3 a.note-link").click()  # a second click shows the same copy, not another
    assert section.locator(".borrowed").count() == 1
    assert tab.inner_text("#shown") == "显示 0 / 4 条问题"  # the copy is not counted as a finding of cty2
    assert opened.errors == []
