"""The render layer every reporter shares: one words table, one citation formatter."""

from __future__ import annotations

import string

import pytest

from planlint.findings import Citation
from planlint.report.render import citation_place, citation_text, level_name
from planlint.report.words import WORDS, word

NORM = Citation("norm", document="编制要点", locator="三（二）")
ANCESTOR = Citation("ancestor", plan="cq", document="001.txt", section="五（三）", table="专栏9", line=260)
SILENT = Citation("plan", plan="cq-banan", document="000.txt")
NOWHERE = Citation("ancestor", plan="gs-baiyin")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_word_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = WORDS[key]
    assert set(entry) == {"zh", "en"} and all(entry.values())
    assert _fields(entry["zh"]) == _fields(entry["en"])


def test_word_fills_its_placeholders() -> None:
    assert word("line", "zh", n=7) == "第 7 行"
    assert word("valid", "en", n=3) == "3 plan file(s) valid."


def test_a_citation_in_prose_and_in_the_terminal() -> None:
    assert citation_text(ANCESTOR, "en") == "ancestor cq: 001.txt 五（三） 专栏9 line 260"
    assert citation_text(ANCESTOR, "zh") == "上级规划 cq: 001.txt 五（三） 专栏9 第 260 行"
    assert citation_text(ANCESTOR, "en", terse=True) == "ancestor cq: 001.txt 专栏9 五（三） L260"


def test_the_norm_is_named_with_its_clause_and_no_plan() -> None:
    assert citation_text(NORM, "zh") == "依据: 编制要点 · 三（二）"
    assert citation_text(NORM, "en", terse=True) == "norm: 编制要点 · 三（二）"


def test_a_silent_plan_says_so() -> None:
    assert citation_place(SILENT, "en") == "000.txt (the plan is silent)"
    assert citation_place(SILENT, "zh", terse=True) == "000.txt (本规划未作规定)"


def test_a_plan_known_only_by_name_says_it_has_no_source() -> None:
    assert citation_text(NOWHERE, "en") == "ancestor gs-baiyin: (no document or public source recorded)"
    assert citation_text(NOWHERE, "zh", terse=True) == "上级规划 gs-baiyin: (未记录原文或公开来源)"


def test_levels_have_names_and_unknown_ones_stay_as_recorded() -> None:
    assert level_name("province", "zh") == "省级"
    assert level_name("township", "zh") == "township"


def test_a_norm_of_planlints_own_words_is_printed_in_english_under_en() -> None:
    """The consistency rules rest on the plan's own text, a label planlint made (本规划文本（内部一致性）):
    under --lang en it reads in English in every format and in explain; legal titles and the JSON stay as
    written."""
    import json

    from planlint import api
    from planlint.docgen import explain as explain_rule
    from planlint.report import Options, render
    from planlint.report.explain import explain_finding

    project = api.load()
    report = api.check(project, ["ha-nanyang-fangcheng"])
    own = "the plan's own text (internal consistency) · ratios agree with the counts"
    for name in ("text", "markdown", "html"):
        english = render(name, report, Options(lang="en"))
        assert "本规划文本" not in english and own in english.replace("&#x27;", "'"), name
        assert "本规划文本（内部一致性） · 比例与数量一致" in render(name, report, Options(lang="zh")), name
    sarif = json.loads(render("sarif", report, Options(lang="en")))
    run = sarif["runs"][0]
    printed = [r["help"]["text"] for r in run["tool"]["driver"]["rules"]]
    printed += [loc["message"]["text"] for r in run["results"] for loc in r["relatedLocations"]]
    assert own in "\n".join(printed) and not any("本规划文本" in text for text in printed)
    finding = next(f for f in report.findings if f.rule == "PL306")
    assert f"Norm: {own}" in explain_finding(project, report, finding, "en", None)
    rule = next(r for r in project.rules if r.id == "PL306")
    assert own in explain_rule(rule, "en") and "本规划文本（内部一致性）" in explain_rule(rule, "zh")
    data = json.loads(render("json", report, Options(lang="en")))
    norms = [
        c for f in data["findings"] if f["rule"] == "PL306" for c in f["citations"] if c["role"] == "norm"
    ]
    assert norms and all(c["document"] == "本规划文本（内部一致性）" for c in norms)
    assert "矿产资源规划编制实施办法（国土资源部令第55号）" in render("text", report, Options(lang="en"))
