"""`planlint explain FINDING_ID [PATH ...]`: why a finding was raised; `explain RULE_ID` still works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planlint import api
from planlint.findings import Citation, Report
from planlint.report import Options, render
from planlint.report.explain import Row, _converted, explain_finding, mineral_path
from planlint.report.render import citation_place
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from tests.cli import Ran, planlint

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _explain(*args: str) -> Ran:
    return planlint("explain", *args)


def _finding(plan: str, mineral: str) -> str:
    report = api.check(api.load(), [plan])
    return next(f.id for f in report.findings if f.rule == "PL101" and f.mineral == mineral)


def test_a_floor_finding_shows_rows_units_and_scope() -> None:
    run = _explain(_finding("cq-banan", "地热"), "--lang", "zh")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    # both sides' rows, with their lines
    assert "上级规划 cq: 001_c4a5b5da5bc9cb10.txt 五（三） 专栏9 第 260 行" in out
    assert "本规划 cq-banan: 000_4729b6005d3d87fd.txt 四（二）3 第 260 行" in out
    assert "最低开采规模 地热 ≥ 5 万立方米/年 （新设矿山）" in out
    # the unit conversion: the ancestor's 万立方米 read per year for an annual metric
    assert "≥ 20 万立方米 = ≥ 200000 立方米/年（年度指标" in out
    assert "≥ 5 万立方米/年 = ≥ 50000 立方米/年" in out
    # the scope reasoning
    assert "矿床规模：本规划 未限定（全部）；上级规划 大型矿床 → 范围重叠，上级规定适用" in out
    # every deposit scale's floor, as the finding's message ends
    required = "不低于 20 万立方米（大型矿床） / 10 万立方米（中型矿床） / 5 万立方米（小型矿床）"
    assert f"修改要求: 将本规划地热（新设矿山）最低开采规模调整为{required}（cq 的规定）" in out
    assert f"；应{required}\n" in out


def test_the_vocabulary_path_of_a_broader_mineral() -> None:
    vocabulary = api.load().vocabulary
    path = mineral_path(vocabulary, "建筑石料用灰岩", "石灰岩")
    assert path is not None and path[0] == "建筑石料用灰岩" and path[-1] == "石灰岩"
    assert mineral_path(vocabulary, "石灰岩", "建筑石料用灰岩") is None


def test_quotes_both_documents_with_docs() -> None:
    if not SEEDS.is_dir():
        pytest.skip("needs the seed documents in ../shared/seeds")
    run = _explain(_finding("cq-banan", "地热"), "--docs", str(SEEDS), "--lang", "zh")
    assert "> 地热:新建矿山的最低开采规模为5万立方米/年。" in run.stdout
    assert "> 地热 · 万立方米 · 20" in run.stdout


def test_unknown_ids_are_bad_input_and_rule_ids_still_work() -> None:
    run = _explain("PL101-0000000000")
    assert run.returncode == 2 and "has the id PL101-0000000000" in run.stderr
    assert "ID:" not in run.stderr
    chinese = _explain("PL101-0000000000", "--lang", "zh")
    assert chinese.returncode == 2 and "中没有编号为“PL101-0000000000”的问题" in chinese.stderr
    assert "ID:" not in chinese.stderr and "'" not in chinese.stderr
    assert "Traceback" not in run.stderr
    run = _explain("nonsense", "--lang", "zh")
    assert run.returncode == 2 and run.stderr.startswith("planlint: 没有编号为“nonsense”的规则或问题")
    run = _explain("pl101", "--lang", "en")
    assert run.returncode == 0 and run.stdout.startswith("PL101 ")


def test_a_finding_in_other_plans_is_found_there(tmp_path: Path) -> None:
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    plans = tmp_path / "plans"
    finding = api.check(api.load([plans])).findings[0]
    run = _explain(finding.id, str(plans), "--lang", "en")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{finding.id}  ")


def test_a_countys_own_run_is_explained_with_the_same_plan_option() -> None:
    """The id a `check --plan` run prints is found by `explain --plan`, in both languages (cn's partial note
    included, which the full run prints on cq)."""
    alone = api.check(api.load(only=["gs-baiyin-huining"]), ["gs-baiyin-huining"])
    note = next(f for f in alone.findings if f.against == "cn")
    zh = _explain(note.id, "--plan", "gs-baiyin-huining", "--lang", "zh")
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith(f"{note.id}  提示") and "gs-baiyin-huining 对照 cn" in zh.stdout
    en = _explain(note.id, "--plan", "gs-baiyin-huining", "--lang", "en")
    assert en.returncode == 0 and "gs-baiyin-huining against cn" in en.stdout


def test_a_prohibited_mineral_shows_the_vocabulary_path_both_ways() -> None:
    """PL112: 河南 prohibits 砂金; 方城 plans 金, which is wider: the path 砂金 → 金 says which is broader."""
    report = api.check(api.load(), ["ha-nanyang-fangcheng"])
    finding = next(f for f in report.findings if f.rule == "PL112" and f.mineral == "砂金")
    zh = _explain(finding.id, "--lang", "zh").stdout
    assert "矿种匹配:" in zh
    assert "上级所列的 砂金 属于本规划的 金（词表路径：砂金 → 金）：金 比 砂金 宽" in zh
    assert "地热 与 砂金" not in zh  # names the vocabulary does not relate are left out
    en = _explain(finding.id, "--lang", "en").stdout
    assert "Mineral match:" in en
    assert "the listed 砂金 is a kind of the plan's 金 (vocabulary path: 砂金 → 金): 金 is wider" in en


FULING = """项目编号,采矿权名称（暂定名）,地理位置,矿种,资源储量（万吨）,生产规模,出让年限（年）
FLGC202203,涪陵区百胜镇百兴村张家湾建筑石料用灰岩矿,涪陵区百胜镇百兴村,建筑石料用灰岩,10513.5,295万吨/年,30
FLGC202299,涪陵区某镇某村建筑石料用灰岩矿（示例）,涪陵区某镇某村,建筑石料用灰岩,1500,60万吨/年,30
"""


def test_a_rights_finding_shows_the_record_rows_units_and_what_is_missing(tmp_path: Path) -> None:
    """docs/rights.md's example: PL511 on FLGC202299 needs --rights to be found, then says why."""
    from planlint.rights import check_rights

    rights = tmp_path / "fuling.csv"
    rights.write_text(FULING, encoding="utf-8")
    report = check_rights(api.load(), rights)
    finding = next(f for f in report.findings if f.rule == "PL511")
    without = _explain(finding.id, "--lang", "zh")
    assert without.returncode == 2 and "--rights" in without.stderr and "Traceback" not in without.stderr
    zh = _explain(finding.id, "--rights", str(rights), "--lang", "zh")
    assert zh.returncode == 0, zh.stderr
    out = zh.stdout
    assert "采矿权 FLGC202299 对照 cq" in out
    assert "采矿权记录 (fuling.csv 第 3 行):" in out and "  生产规模: 60 万吨/年" in out
    assert "  矿床规模: （未填）" in out
    assert "落位：涪陵区，对照的规划（由近及远）：cq、cn" in out
    assert "上级规划 cq: 001_c4a5b5da5bc9cb10.txt 五（三） 专栏9 第 303 行" in out
    assert "缺少（无法确定是否适用）：矿床规模（大型/中型/小型）" in out
    assert "缺少（无法确定是否适用）：新设/整合扩能/增划资源类别" in out
    assert "采矿权: 60 万吨/年 = 600000 吨/年" in out
    en = _explain(finding.id, "--rights", str(rights), "--lang", "en").stdout
    assert "right FLGC202299 against cq" in en and "production capacity: 60 万吨/年" in en
    assert "missing (so unsure whether it applies): the deposit's reserve scale" in en


def test_a_pass_id_says_it_is_a_pass_and_shows_what_was_compared() -> None:
    report = api.check(api.load(only=["cq-banan"]), ["cq-banan"], passes=True)
    held = next(p for p in report.passes or () if p.rule == "PL101")
    zh = _explain(held.id, "--plan", "cq-banan", "--lang", "zh")
    assert zh.returncode == 0, zh.stderr
    # the header says what held (not the rule's title, which names the problem: 最低开采规模低于上级规划)
    assert zh.stdout.startswith(f"{held.id}  符合（已比对且满足，不是问题） · PL101 不低于上级规划\n")
    assert "本规划 cq-banan:" in zh.stdout and "单位换算:" in zh.stdout
    en = _explain(held.id, "--plan", "cq-banan", "--lang", "en")
    assert en.stdout.startswith(
        f"{held.id}  pass (compared and held, not a finding) · PL101 not below the ancestor's"
    )
    cap = next(p for p in report.passes or () if p.rule == "PL102")
    assert "· PL102 不超过上级规划\n" in _explain(cap.id, "--plan", "cq-banan", "--lang", "zh").stdout
    assert _explain("PL101-pass-0000000000").returncode == 2


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.Project, Report]:
    """A small synthetic nation whose plans break every rule (seed 5 gives each rule a finding)."""
    folder = tmp_path_factory.mktemp("nation")
    generate(folder, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    project = api.load([folder / "plans"])
    return project, api.check(project)


def _explained(checked: tuple[api.Project, Report], rule: str, lang: str = "zh") -> list[str]:
    project, report = checked
    return [explain_finding(project, report, f, lang, None) for f in report.findings if f.rule == rule]


def test_a_renamed_zone_shows_both_zones_and_how_the_names_compare() -> None:
    project = api.load()
    report = api.check(project, ["cq-dazu"])
    finding = next(f for f in report.findings if f.rule == "PL121")
    out = explain_finding(project, report, finding, "zh", None)
    assert "集中开采区「大足万古集中开采区」，矿种：建筑石料用灰岩" in out
    assert "集中开采区「大足区古龙建筑石料用灰岩集中开采区」，矿种：建筑石料用灰岩" in out
    assert "「大足万古集中开采区」→“万古”，「大足区古龙建筑石料用灰岩集中开采区」→“古龙建筑石料用灰岩”" in out
    # not the area of another zone printed on the same line, nor PL112's exclusion argument, nor units
    assert "西山背斜渝蓉高速以北重点开采区 [" not in out and "面积" not in out
    assert "应写明是否排除" not in out and "单位换算" not in out and "= =" not in out


def test_a_missing_zone_names_the_closest_zone_and_why_it_does_not_carry(
    nation: tuple[api.Project, Report],
) -> None:
    outs = _explained(nation, "PL120") + _explained(nation, "PL120", "en")
    assert outs
    for out in outs:
        assert "比较的分区:" in out or "Zones compared:" in out
        assert "单位换算" not in out and "Unit conversion" not in out and "矿种匹配" not in out
        assert "故视为未落实" in out or "not carried" in out


def test_an_equality_is_converted_with_one_equals_sign() -> None:
    project = api.load()
    plan = project.hierarchy.plan("cq-dazu")
    area, zone = next((i, z) for i, z in plan.all_indicators() if i.op == "==" and i.metric == "area")
    converted = _converted(Row(Citation("plan", "cq-dazu"), area, zone), project.vocabulary, "zh")
    assert converted is not None and converted.endswith(" 平方米") and converted.count("=") == 2


def test_rows_without_a_display_unit_make_no_unit_section(nation: tuple[api.Project, Report]) -> None:
    outs = _explained(nation, "PL105")  # years: nothing to convert to
    assert outs and all("可开采年限 ≥" in out and "单位换算" not in out for out in outs)


def test_a_period_finding_cites_the_period_not_the_plans_silence(nation: tuple[api.Project, Report]) -> None:
    """The plan files record the period without a line: its citations name 规划期限, in every report."""
    project, report = nation
    finding = next(f for f in report.findings if f.rule == "PL140")
    out = explain_finding(project, report, finding, "zh", None)
    assert "未作规定" not in out and f"本规划 {finding.plan}: {finding.plan}.txt 规划期限" in out
    assert "（）" not in out and "修改要求: 将本规划的规划期调整为与" in out
    english = explain_finding(project, report, finding, "en", None)
    assert "silent" not in english and "()" not in english
    sarif = json.loads(render("sarif", report, Options(lang="zh")))
    texts = [
        location["message"]["text"]
        for result in sarif["runs"][0]["results"]
        if result["ruleId"] == "PL140"
        for location in result["locations"]
    ]
    assert texts and all(text.endswith(".txt 规划期限") for text in texts)


def test_a_table_that_is_its_own_section_is_named_once(nation: tuple[api.Project, Report]) -> None:
    outs = _explained(nation, "PL305")
    assert outs and not any("专栏6 专栏6" in out for out in outs)
    assert (
        citation_place(Citation("plan", "p", "p.txt", "专栏6", "专栏6", 85), "zh") == "p.txt 专栏6 第 85 行"
    )


def test_a_childrens_sum_calls_only_the_findings_plan_its_own(nation: tuple[api.Project, Report]) -> None:
    """A children's sum cites every child (role plan in JSON); only the finding's plan is 本规划, the other
    children are 下级规划 in explain, text and SARIF, and SARIF's locations are the finding's plan's only."""
    project, report = nation
    finding = next(f for f in report.findings if f.rule in ("PL201", "PL202"))
    children = [c.plan for c in finding.citations if c.role == "plan"]
    others = [c for c in children if c != finding.plan]
    assert others and all(
        c["role"] == "plan" for c in finding.as_dict("zh")["citations"][1:] if c["plan"] in others
    )
    out = explain_finding(project, report, finding, "zh", None)
    assert f"  本规划 {finding.plan}: " in out
    assert all(f"  下级规划 {other}: " in out and f"本规划 {other}:" not in out for other in others)
    assert all(
        f"child plan {other}: " in explain_finding(project, report, finding, "en", None) for other in others
    )
    text = render("text", report, Options(lang="zh"))
    assert f"下级规划 {others[0]}: " in text
    sarif = json.loads(render("sarif", report, Options(lang="zh")))
    result = next(r for r in sarif["runs"][0]["results"] if r["properties"]["id"] == finding.id)
    assert [loc["properties"]["plan"] for loc in result["locations"]] == [finding.plan]
    related = [loc["message"]["text"] for loc in result["relatedLocations"]]
    assert all(any(t.startswith(f"下级规划 {other}: ") for t in related) for other in others)


def test_a_rights_pass_names_the_right_and_the_plan_it_was_held_against() -> None:
    from planlint.rights import check_rights

    rights = Path(__file__).parent.parent / "fixtures" / "rights" / "fuling.csv"
    report = check_rights(api.load(), rights, passes=True)
    held = next(p for p in report.passes or () if p.rule == "PL511" and p.right == "FLGC202203")
    assert (held.plan, held.against, held.right) == ("cq", "cq", "FLGC202203")
    out = _explain(held.id, "--rights", str(rights), "--lang", "zh").stdout
    assert out.startswith(f"{held.id}  符合（已比对且满足，不是问题） · PL511 采矿权不低于规划要求\n")
    assert "采矿权 FLGC202203 对照 cq\n" in out


def test_a_value_already_in_its_display_unit_makes_no_unit_section() -> None:
    """PL303 compares '> 40 %' with '≥ 40 %': nothing to convert, so no '> 40 % = > 40 %' lines."""
    project = api.load()
    report = api.check(project)
    finding = next(f for f in report.findings if f.rule == "PL303")
    for lang in ("zh", "en"):
        out = explain_finding(project, report, finding, lang, None)
        assert "40 %" in out and "% = " not in out
        assert "单位换算" not in out and "Unit conversion" not in out


def test_a_right_checked_against_its_own_record_says_so_and_the_norm_names_no_seed_file() -> None:
    """PL522 (term beyond what the reserves allow) compares the right's own values: explain says that
    instead of announcing places it then does not list, and the norm cites the plan, not a seed file."""
    fuling = Path(__file__).resolve().parent.parent / "fixtures" / "rights" / "fuling.csv"
    for lang, said in (("zh", "采矿权记录自身的数值"), ("en", "values of the right's own record")):
        run = planlint("explain", "PL522-441ec68b09", "--rights", fuling, "--lang", lang)
        assert run.returncode == 0, run.stderr
        assert said in run.stdout
        assert "001 第" not in run.stdout and "(001" not in run.stdout
