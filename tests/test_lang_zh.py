"""Chinese throughout under --lang zh: help texts, `rules`, `explain`, and the bundled plans' source titles."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
import yaml

from planlint import api
from planlint.cli import app
from planlint.cli.help_zh import HELP_ZH, help_texts
from planlint.docgen import KIND_WORDS, explain
from planlint.kinds import REGISTRY
from planlint.paths import bundled_plans
from planlint.rights import check_rights, rights_rules
from planlint.rights.kinds import REGISTRY as RIGHTS_REGISTRY
from planlint.rules import load_rules
from tests.cli import planlint


def _planlint(*args: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "planlint", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    return run.stdout + run.stderr


def test_every_help_text_has_a_chinese_translation() -> None:
    missing = sorted(set(help_texts(typer.main.get_command(app))) - set(HELP_ZH))
    assert missing == [], "add these to planlint/cli/help_zh.py: " + repr(missing)


def test_help_in_chinese_under_lang_zh() -> None:
    out = _planlint("check", "--help", "--lang", "zh")
    assert "逐一对照各上级规划及自身检查每个规划" in out and "显示本帮助并退出" in out
    assert "Check every plan" not in out
    assert out.startswith("用法：") and "\n选项:" in out and "Usage:" not in out
    english = _planlint("check", "--help", "--lang", "en")
    assert "Check every plan" in english and "显示本帮助并退出" not in english
    assert english.startswith("Usage: ") and "\nOptions:" in english


def test_rules_and_rule_explanations_in_chinese() -> None:
    out = _planlint("rules", "--lang", "zh")
    assert "编号" in out and "严重程度" in out and "错误" in out
    assert not re.search(r"\b(error|warning|info)\b", out)
    explained = _planlint("explain", "PL101", "--lang", "zh")
    assert "严重程度: 错误" in explained and "种类: 上级规划限值" in explained
    english = _planlint("explain", "PL101", "--lang", "en")
    assert "kind: ancestor_bound" in english and "params: {" in english and "about the kind" in english


def test_bundled_source_titles_are_chinese() -> None:
    for path in sorted(bundled_plans().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        titles = [data["source"].get("title") or ""] + [s.get("title") or "" for s in data.get("sources", [])]
        for title in titles:
            assert not re.search(r"[A-Za-z]{3,}", title), f"{path.name}: {title}"


def test_chinese_help_lasts_one_run() -> None:
    # in one process (as a library user or the test suite runs it), --help in Chinese leaves no trace
    chinese = planlint("check", "--help", "--lang", "zh")
    english = planlint("check", "--help", "--lang", "en")
    assert chinese.stdout.startswith("用法：") and "逐一对照各上级规划" in chinese.stdout
    assert english.stdout.startswith("Usage: ") and "Check every plan" in english.stdout
    assert "显示本帮助并退出" not in english.stdout and "选项:" not in english.stdout


# what may stay ASCII in Chinese text: rule ids, the command and page that the English documentation is in
ALLOWED_ASCII = re.compile(r"PL\d{3}|planlint explain|--lang en|docs/rules\.md")


def test_every_rule_explained_in_chinese_has_no_english_part() -> None:
    directories = api.rule_directories()
    for rule in [*load_rules(directories), *rights_rules(directories)]:
        text = ALLOWED_ASCII.sub("", explain(rule, "zh"))
        assert not re.search(r"[A-Za-z]{3,}", text), (rule.id, text)
        assert f"规则种类说明（{KIND_WORDS[rule.kind]['name']['zh']}）" in text


def test_every_kind_has_a_name_and_summary_in_both_languages() -> None:
    assert set(KIND_WORDS) == set(REGISTRY) | set(RIGHTS_REGISTRY)
    for words in KIND_WORDS.values():
        assert all(words[part][lang] for part in ("name", "about") for lang in ("zh", "en"))


def test_piped_rules_list_is_whole_with_kinds_by_name() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "planlint", "rules", "--lang", "zh"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},  # no COLUMNS: as `planlint rules | cat` runs
    )
    assert run.returncode == 0, run.stderr
    assert "…" not in run.stdout and "ancestor_bound" not in run.stdout
    row = next(line for line in run.stdout.splitlines() if "PL102" in line)
    assert "上级规划限值" in row and "按上级指标属性：约束性→错误，预期性→警告，未注明→提示" in row
    assert "矿产资源规划编制实施办法（国土资源部令第55号）" in row


def test_top_level_help_takes_lang() -> None:
    for args in (("--help", "--lang", "zh"), ("--lang", "zh", "--help")):
        run = planlint(*args)
        assert run.returncode == 0, run.stderr
        assert run.stdout.startswith("用法：") and "对照上级规划检查矿产资源总体规划" in run.stdout
    assert "用法：" not in planlint("--help", "--lang", "en").stdout
    listed = planlint("--lang", "zh", "rules")
    assert listed.returncode == 0 and "严重程度" in listed.stdout


def test_explained_finding_names_the_basis_in_chinese_and_units_with_one_space() -> None:
    report = api.check(api.load())
    sand = next(f for f in report.findings if f.rule == "PL101" and f.mineral == "建筑用砂岩")
    out = planlint("explain", sand.id, "--lang", "zh").stdout
    assert "≥ 30 矿石 万吨 = ≥ 300000 矿石 吨/年" in out and not re.search(r"\b(ore|metal|mineral)\b", out)
    english = planlint("explain", sand.id, "--lang", "en").stdout
    assert "= ≥ 300000 t/year ore" in english
    iron = next(f for f in report.findings if f.rule == "PL112" and "风化壳型超贫磁铁矿" in f.message["zh"])
    assert "≥ 100 矿石 万吨/年" in iron.message["zh"] and "  " not in iron.message["zh"]
    assert "  万吨" not in planlint("explain", iron.id, "--lang", "zh").stdout


def test_explained_right_words_its_record_and_converts_nothing_it_cannot() -> None:
    breaches = Path(__file__).parent.parent / "fixtures" / "rights" / "breaches.yaml"
    report = check_rights(api.load(), breaches)
    life = next(f for f in report.findings if f.rule == "PL514")
    out = planlint("explain", life.id, "--rights", breaches, "--lang", "zh").stdout
    assert "出让类型（新设/整合扩能/增划资源）: 新设" in out
    # the plan's row in years is shown, and nothing is converted for it (no display unit for years)
    assert "可开采年限 建筑石料用灰岩 ≥ 5 年" in out and "(year)" not in out and "  ≥ 5 年\n" not in out
    term = next(f for f in report.findings if f.rule == "PL520" and f.right == "X-YC-TERM")
    out = planlint("explain", term.id, "--rights", breaches, "--lang", "zh").stdout
    assert "出让类型（新设/整合扩能/增划资源）: 整合扩能" in out and "矿床规模: 小型" in out
    assert not re.search(r": (new|expansion|small|large)\b", out)


def test_chinese_help_words_clicks_markers_too() -> None:
    out = _planlint("check", "--help", "--lang", "zh")
    assert "planlint check [选项] [PATH]...\n" in out and "[默认：error]" in out
    assert not re.search(r"\[OPTIONS\]|\[default:|\[required\]|\{ID\}", out)
    explained = _planlint("explain", "--help", "--lang", "zh")
    assert "planlint explain [选项] ID [PATH]...\n" in explained and "[必填]" in explained
    assert "[必填]" in _planlint("check-rights", "--help", "--lang", "zh")
    assert "planlint [选项] 命令 [参数]...\n" in _planlint("--help", "--lang", "zh")
    # in one process, the English help after it keeps click's markers
    assert planlint("explain", "--help", "--lang", "zh").stdout.startswith("用法：planlint explain [选项] ID")
    english = planlint("explain", "--help", "--lang", "en").stdout
    assert english.startswith("Usage: planlint explain [OPTIONS] {ID}") and "[required]" in english


def test_an_unknown_option_suggests_only_options_close_to_it() -> None:
    far = planlint("check", "--bogus", "--lang", "zh")
    assert far.returncode == 2 and far.stderr.rstrip().endswith("错误：没有此选项：--bogus")
    assert far.stderr.startswith("用法：planlint check [选项] [PATH]...")  # click's [OPTIONS] in Chinese too
    assert planlint("--bogus", "--lang", "zh").stderr.startswith("用法：planlint [选项] 命令 [参数]...")
    assert planlint("check", "--bogus", "--lang", "en").stderr.rstrip().endswith("No such option: --bogus")
    near = planlint("check", "--fromat", "--lang", "zh")
    assert near.stderr.rstrip().endswith("错误：没有此选项：--fromat（是否应为：--format）")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_names_each_value_by_what_it_is_not_its_python_type(lang: str) -> None:
    helps = {
        command: _planlint(command, "--help", "--lang", lang)
        for command in ("check", "check-rights", "explain", "validate", "requirements", "extract", "synth")
    }
    for command, out in helps.items():
        assert not re.search(r"<[\w\[\], |]+>", out), f"{command} --help shows a type label:\n{out}"
    check = helps["check"]
    for shown in ("--plan ID", "-o, --output FILE", "-f, --format FORMAT", "--fail-on LEVEL", "--docs DIR"):
        assert shown in check, shown
    assert re.search(r"^  PATH\.\.\.  ", check, re.MULTILINE)
    assert "  FILE  " in helps["check-rights"] and "--rights FILE" in helps["explain"]
    assert "--plan ID" in helps["requirements"] and "--level LEVEL" in helps["extract"]
