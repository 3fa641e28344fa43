"""Every input and rule-pack error in the language asked for: Chinese sentences under --lang zh, English under
--lang en, both as `file:line: field: message` with exit 2.

The corpus: every case of fixtures/bad-input, and bad rule packs, placeholders, vocabularies, waivers,
baselines, rights tables, answers files, documents and command-line values written here. A message passes
as Chinese when it holds Chinese and no two English words in a row outside quoted values, paths, field
names, `key:` and ids; as English when it holds an English phrase and no Chinese punctuation outside quoted
values.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from planlint.errors import PlanlintError
from planlint.errortext import PYDANTIC_ZH, USAGE_MESSAGES, USAGE_VALUES, YAML_PROBLEMS, yaml_problem_zh
from planlint.model import Indicator
from planlint.validation import english_message, zh_message
from tests.cli import Ran, planlint
from tests.test_bad_input import BAD, CASES, ROOT
from tests.test_fuzz import (
    FUZZ,
    HOSTILE_VALUES,
    PACKS,
    RULE_FIELDS,
    RULE_VALUES,
    TEMPLATES,
    Mutation,
    a_rule,
    fuzz_folder,
    mutate,
    mutations,
    set_field,
)

VALID = Path("fixtures/valid")
PACK = ROOT / "fixtures" / "rule-pack" / "packs" / "green.yaml"
RIGHTS_CSV = ROOT / "fixtures" / "rights" / "chongqing-2022-2025.csv"

# `planlint: PATH[:LINE]: [FIELD: ]MESSAGE`; a field is ASCII (a dotted path, an option or a column name).
ERROR_LINE = re.compile(
    r"^planlint: (?:(?P<path>[^:]+?)(?::(?P<line>\d+))?: )?(?:(?P<field>[-\w.\[\]]+|[^\s:：]+): )?(?P<message>.+)$",
    re.ASCII,
)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\{[^}]*\}")
WORD = re.compile(r"[A-Za-z]+")
NOT_ASCII = re.compile(r"[^\x00-\x7f]")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
CHINESE_PUNCTUATION = re.compile(r"[，。；：（）“”]")


def _message(line: str) -> str:
    match = ERROR_LINE.match(line)
    assert match, f"not `file:line: field: message`: {line!r}"
    return match.group("message")


def english_left(message: str) -> list[str]:
    """The runs of two or more English words in a message, quoted values left out. A path, field,
    option, id or number (anything with a digit, `/`, `.`, `_` or `-` in it), a `key:` and Chinese end a run."""
    runs: list[list[str]] = [[]]
    for token in NOT_ASCII.sub(" | ", QUOTED.sub(" ", message)).split():
        word = token.strip("()[],;!?")
        if WORD.fullmatch(word):
            runs[-1].append(word)
        elif WORD.fullmatch(word.rstrip(":")):
            runs.extend([[], []])  # `key: value` is YAML, not prose
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if len(run) >= 2]


# Python's and the plan format's own tokens a Chinese reader should not meet: a repr of nothing or a type's
# name, a level key (省级, not province), a regular expression (say what the format is, with an example).
LEAKED_TOKEN = re.compile(r"\bNone\b|\b(?:national|province|city|county)\b|\^\S*\$|\\[dws]")
TYPE_NAME = re.compile(r"'(?:list|dict|str|int|float|bool|NoneType)'")


def leaked_tokens(message: str) -> list[str]:
    """Python or format tokens left in a Chinese message (outside quoted values, but a quoted type name)."""
    return LEAKED_TOKEN.findall(QUOTED.sub(" ", message)) + TYPE_NAME.findall(message)


def assert_chinese(ran: Ran) -> None:
    """Exit 2; every error line `file:line: field: message` with a Chinese message."""
    assert ran.returncode == 2, ran.stdout + ran.stderr
    assert "Traceback" not in ran.stderr
    lines = [
        line for line in ran.stderr.splitlines() if line.strip() and not line.startswith("planlint: 警告")
    ]
    assert lines, "exit 2 without a message"
    for line in lines:
        message = _message(line)
        assert CHINESE.search(message), f"no Chinese: {line!r}"
        assert not english_left(message), f"English left {english_left(message)}: {line!r}"
        assert not leaked_tokens(message), f"tokens left {leaked_tokens(message)}: {line!r}"


def assert_english(ran: Ran) -> None:
    """Exit 2; every error line `file:line: field: message` with an English message."""
    assert ran.returncode == 2, ran.stdout + ran.stderr
    lines = [
        line for line in ran.stderr.splitlines() if line.strip() and not line.startswith("planlint: warning")
    ]
    assert lines, "exit 2 without a message"
    for line in lines:
        message = QUOTED.sub(" ", _message(line))
        assert re.search(r"[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,}", message), f"no English: {line!r}"
        assert not CHINESE_PUNCTUATION.search(message), f"Chinese in English: {line!r}"


def test_the_heuristic_tells_english_from_chinese() -> None:
    assert english_left("unknown mineral '建筑石料用灰石' (closest known: 建筑石料用灰岩)")
    assert english_left("YAML 格式错误：mapping values are not allowed here")
    assert not english_left("未知矿种 '建筑石料用灰石'（最接近的已知矿种：建筑石料用灰岩）")
    assert not english_left("不是规划文件：应有 schema: planlint/plan/v1（实为 'planlint/rules/v1'）")
    assert not english_left("op 为 range 时 value 应为 [下限, 上限]")
    assert not english_left("规则 PL451：未知占位符 {metric_nam}（可用：against、metric、mineral）")
    assert not english_left("词表未给出指标 'dust' 的方向：请写 direction: floor | cap")
    assert english_left("--docs 中的 'a.txt'：not found；14 处引用无法核对")


# --- the corpus: each builder writes what it needs under a folder and returns the command's arguments ---

Args = list[str | Path]


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _plan(
    folder: Path, edit: Callable[[dict[str, Any]], None] | None = None, text: str | None = None
) -> Args:
    """`validate` on the valid county with its ancestors, the county edited (as data) or replaced (as text)."""
    plans = folder / "plans"
    for source in (ROOT / VALID).glob("*.yaml"):
        _write(plans / source.name, source.read_text(encoding="utf-8"))
    county = plans / "xs-dongshan.yaml"
    if edit is not None:
        data = yaml.safe_load(county.read_text(encoding="utf-8"))
        edit(data)
        _write(county, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    if text is not None:
        _write(county, text)
    return ["validate", plans]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        *parents, key = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is DELETE:
            del target[int(key) if key.isdigit() else key]
        else:
            target[int(key) if key.isdigit() else key] = value

    return edit


DELETE = object()


def _pack(
    folder: Path, edit: Callable[[dict[str, Any]], None] | None = None, text: str | None = None
) -> Args:
    """`validate` of the valid plans with an extra rule pack: the example pack edited or replaced."""
    pack = folder / "rules" / "packs" / "local.yaml"
    data = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    if edit is not None:
        edit(data["rules"][0])
    _write(pack, text if text is not None else yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return ["validate", VALID, "--rules", folder / "rules"]


def _vocabulary(folder: Path, text: str) -> Args:
    _write(folder / "rules" / "vocabulary" / "local.yaml", text)
    return ["validate", VALID, "--rules", folder / "rules"]


def _waivers(folder: Path, text: str) -> Args:
    return ["check", VALID, "--waivers", _write(folder / "waivers.yaml", text)]


def _baseline(folder: Path, text: str | bytes) -> Args:
    return ["check", VALID, "--baseline", _write(folder / "baseline.json", text)]


def _rights(folder: Path, name: str, text: str | bytes) -> Args:
    return ["check-rights", _write(folder / name, text), VALID]


def _csv(folder: Path, edit: Callable[[list[str]], list[str]]) -> Args:
    lines = RIGHTS_CSV.read_text(encoding="utf-8").splitlines()[:3]
    return _rights(folder, "rights.csv", "\n".join(edit(lines)) + "\n")


def _answers(folder: Path, text: str) -> Args:
    document = _write(
        folder / "草稿.txt", (ROOT / "fixtures" / "extract" / "county.md").read_text(encoding="utf-8")
    )
    _write(folder / "草稿.planlint.yaml", text)
    return ["check", document]


WAIVER = (
    "schema: planlint/waivers/v1\nwaivers:\n  - {finding: PL999-0000000000, reason: 已论证, approver: 某局}\n"
)
Builder = Callable[[Path], Args]
CORPUS: dict[str, Builder] = {
    # plan files: YAML
    "yaml-tab": lambda f: _plan(f, text="schema: planlint/plan/v1\nid: x\n\tname: y\n"),
    "yaml-unclosed-quote": lambda f: _plan(f, text='schema: planlint/plan/v1\nid: "x\nname: y\n'),
    "yaml-unclosed-bracket": lambda f: _plan(f, text="schema: planlint/plan/v1\nparents: [a, b\nid: x\n"),
    "yaml-mapping-in-scalar": lambda f: _plan(f, text="schema: planlint/plan/v1\nid: a: b\n"),
    "yaml-bad-indent": lambda f: _plan(f, text="schema: planlint/plan/v1\nid: x\n  name: y\nlevel: county\n"),
    "yaml-undefined-alias": lambda f: _plan(f, text="schema: planlint/plan/v1\nid: *nowhere\n"),
    "yaml-two-documents": lambda f: _plan(f, text="schema: planlint/plan/v1\nid: x\n---\nid: y\n"),
    "yaml-bad-token": lambda f: _plan(f, text="schema: planlint/plan/v1\nid: @x\n"),
    "yaml-python-tag": lambda f: _plan(f, text="schema: planlint/plan/v1\nid: !!python/object:os.system x\n"),
    "yaml-bad-escape": lambda f: _plan(f, text='schema: planlint/plan/v1\nid: "a\\qb"\n'),
    "yaml-empty": lambda f: _plan(f, text="# only a comment\n"),
    "yaml-not-utf8": lambda f: _plan(f, text=None) + [_write(f / "gbk.yaml", "名称: 规划".encode("gb18030"))],
    "no-schema": lambda f: _plan(f, text="id: x\nname: y\n"),
    "top-level-list": lambda f: _plan(f, text="- id: x\n"),
    "rights-yaml-no-schema": lambda f: _rights(f, "rights.yaml", "rights: []\n"),
    # plan files: schema (pydantic) and vocabulary
    "missing-field": lambda f: _plan(f, _set("name", DELETE)),
    "level-literal": lambda f: _plan(f, _set("level", "town")),
    "value-not-a-number": lambda f: _plan(f, _set("indicators.0.value", "三百")),
    "year-not-an-integer": lambda f: _plan(f, _set("indicators.0.year", 2025.5)),
    "range-with-scalar-op": lambda f: _plan(f, _set("indicators.0.value", [1, 2])),
    "range-op-with-scalar": lambda f: _plan(f, _set("indicators.0.op", "range")),
    "range-reversed": lambda f: _plan(f, lambda d: d["indicators"][0].update(op="range", value=[9, 1])),
    "cite-without-line": lambda f: _plan(f, _set("indicators.0.cite", {"table": "专栏2"})),
    "cite-line-zero": lambda f: _plan(f, _set("indicators.0.cite.line", 0)),
    "period-out-of-order": lambda f: _plan(f, _set("period", {"base": 2030, "start": 2021, "end": 2025})),
    "document-is-a-path": lambda f: _plan(f, _set("source.document", "a/b.txt")),
    "list-expected": lambda f: _plan(f, _set("parents", {"a": 1})),
    "mapping-expected": lambda f: _plan(f, _set("period", "2021-2025")),
    "text-expected": lambda f: _plan(f, _set("name", ["a"])),
    "attribute-literal": lambda f: _plan(f, _set("indicators.0.attribute", "must")),
    "unknown-field": lambda f: _plan(f, _set("colour", "grey")),
    "members-of-undefined-region": lambda f: _plan(
        f, _set("region_members", {"西部": {"members": ["甲"], "cite": {"line": 1}}})
    ),
    "unknown-unit-basis": lambda f: _plan(f, _set("indicators.0.unit", "矿石 桶")),
    "empty-unit": lambda f: _plan(f, _set("indicators.0.unit", "")),
    "empty-folder": lambda f: ["validate", (f / "empty").mkdir() or f / "empty"],
    "missing-path": lambda f: ["validate", f / "nowhere"],
    "a-directory-named-yaml": lambda f: ["validate", (f / "d.yaml").mkdir() or f / "d.yaml"],
    # rule packs
    "pack-unknown-kind": lambda f: _pack(f, _set("kind", "no_such_kind")),
    "pack-bad-id": lambda f: _pack(f, _set("id", "PL9999")),
    "pack-bad-name": lambda f: _pack(f, _set("name", "Bad Name")),
    "pack-bad-severity": lambda f: _pack(f, _set("severity", "fatal")),
    "pack-missing-title": lambda f: _pack(f, _set("title", DELETE)),
    "pack-title-not-bilingual": lambda f: _pack(f, _set("title", {"zh": "甲"})),
    "pack-unknown-field": lambda f: _pack(f, _set("colour", "grey")),
    "pack-params-unknown-field": lambda f: _pack(f, _set("params.colour", "grey")),
    "pack-params-unknown-metric": lambda f: _pack(f, _set("params.metric", "green_mine_ratoi")),
    "pack-params-level": lambda f: _pack(f, _set("params.level", "town")),
    "pack-direction-contradicts": lambda f: _pack(
        f,
        lambda r: r.update(
            kind="ancestor_bound", params={"metric": "extraction_total", "direction": "floor"}
        ),
    ),
    "pack-placeholder-unknown": lambda f: _pack(f, _set("message.en", "{metric_nam}")),
    "pack-placeholder-format-spec": lambda f: _pack(f, _set("message.zh", "{metric_name:>9}")),
    "pack-placeholder-index": lambda f: _pack(f, _set("message.zh", "{plan[9]}")),
    "pack-placeholder-unbalanced": lambda f: _pack(f, _set("message.en", "{")),
    "pack-not-rules": lambda f: _pack(f, text="schema: planlint/plan/v1\nrules: []\n"),
    "pack-duplicate-id": lambda f: _pack(f, _set("id", "PL101")),
    "pack-malformed": lambda f: _pack(f, text="schema: planlint/rules/v1\nrules:\n  - id: [PL1\n"),
    "rules-folder-missing": lambda f: ["validate", VALID, "--rules", f / "nowhere"],
    "rules-folder-empty": lambda f: ["validate", VALID, "--rules", (f / "r").mkdir() or f / "r"],
    # vocabularies
    "vocabulary-unknown-field": lambda f: _vocabulary(
        f, "schema: planlint/vocabulary/v1\nminerals:\n  - {name: 甲矿, category: nonmetal, colour: grey}\n"
    ),
    "vocabulary-broader-undefined": lambda f: _vocabulary(
        f,
        "schema: planlint/vocabulary/v1\nminerals:\n  - {name: 甲矿, category: nonmetal, broader: [乙矿]}\n",
    ),
    "vocabulary-category": lambda f: _vocabulary(
        f, "schema: planlint/vocabulary/v1\nminerals:\n  - {name: 甲矿, category: stone}\n"
    ),
    "vocabulary-redefined": lambda f: _vocabulary(
        f, "schema: planlint/vocabulary/v1\nminerals:\n  - {name: 萤石, category: nonmetal}\n"
    ),
    "vocabulary-alias-clash": lambda f: _vocabulary(
        f,
        "schema: planlint/vocabulary/v1\nminerals:\n  - {name: 甲矿, category: nonmetal, aliases: [萤石]}\n",
    ),
    "vocabulary-density-unit": lambda f: _vocabulary(
        f,
        "schema: planlint/vocabulary/v1\nminerals:\n  - name: 甲矿\n    category: nonmetal\n"
        "    density: {value: 2.6, unit: 桶/升, basis: ore, source: x}\n",
    ),
    # review rounds
    "waivers-not-waivers": lambda f: _waivers(f, "schema: planlint/plan/v1\n"),
    "waivers-missing-reason": lambda f: _waivers(f, WAIVER.replace("reason: 已论证, ", "")),
    "waivers-empty-reason": lambda f: _waivers(f, WAIVER.replace("已论证", "''")),
    "waivers-blank-approver": lambda f: _waivers(f, WAIVER.replace("某局", "'   '")),
    "waivers-bad-date": lambda f: _waivers(f, WAIVER.replace("某局}", "某局, expires: 2025-02-30}")),
    "waivers-not-a-date": lambda f: _waivers(f, WAIVER.replace("某局}", "某局, expires: 明年}")),
    "waivers-unknown-field": lambda f: _waivers(f, WAIVER.replace("某局}", "某局, colour: grey}")),
    "waivers-twice": lambda f: _waivers(f, WAIVER + WAIVER.splitlines()[-1] + "\n"),
    "waivers-not-an-id": lambda f: _waivers(f, WAIVER.replace("PL999-0000000000", "pl101 4c2d")),
    "waivers-unknown-plan": lambda f: _waivers(f, WAIVER.replace("某局}", "某局, plan: nosuch}")),
    "waivers-a-pass-id": lambda f: _waivers(f, WAIVER.replace("PL999-0000000000", "PL101-pass-b5d9fc4e1b")),
    "baseline-not-json": lambda f: _baseline(f, "{not json"),
    "baseline-no-findings": lambda f: _baseline(f, '{"plans": []}'),
    "baseline-not-utf8": lambda f: _baseline(f, "问题".encode("gb18030")),
    "baseline-missing": lambda f: ["check", VALID, "--baseline", f / "nowhere.json"],
    "baseline-a-directory": lambda f: ["check", VALID, "--baseline", f],
    "baseline-of-check-rights": lambda f: _baseline(f, '{"findings": [], "rights": [{"id": "X"}]}'),
    "baseline-of-check": lambda f: [
        "check-rights",
        ROOT / "fixtures" / "rights" / "fuling.csv",
        "--baseline",
        _write(f / "baseline.json", '{"plans": [], "findings": []}'),
    ],
    # rights
    "rights-no-header": lambda f: _csv(f, lambda lines: ["a,b,c", *lines[1:]]),
    "rights-missing-column": lambda f: _csv(f, lambda lines: [lines[0].replace("矿种", "备注"), *lines[1:]]),
    "rights-capacity-no-unit": lambda f: _csv(
        f, lambda lines: [lines[0], lines[1].replace("276万吨/年", "276")]
    ),
    "rights-capacity-words": lambda f: _csv(
        f, lambda lines: [lines[0], lines[1].replace("276万吨/年", "很大")]
    ),
    "rights-unknown-mineral": lambda f: _csv(
        f, lambda lines: [lines[0], lines[1].replace(",建筑石料用灰岩,", ",灰石,")]
    ),
    "rights-years": lambda f: _csv(f, lambda lines: [lines[0], lines[1].replace("16.10", "十六年")]),
    "rights-duplicate-id": lambda f: _csv(f, lambda lines: [lines[0], lines[1], lines[1]]),
    "rights-place-not-planned": lambda f: _csv(f, lambda lines: lines),
    "rights-no-county": lambda f: _csv(
        f,
        lambda lines: [
            lines[0],
            ",".join(cell if i not in (1, 2) else "某矿" for i, cell in enumerate(lines[1].split(","))),
        ],
    ),
    "rights-bad-xlsx": lambda f: _rights(f, "rights.xlsx", b"PK\x03\x04 not a workbook"),
    "rights-not-utf8": lambda f: _rights(f, "rights.csv", b"\xff\xfe\x00\xd8\x00\x00bad"),
    "rights-yaml-schema": lambda f: _rights(f, "rights.yaml", "schema: planlint/plan/v1\n"),
    "rights-yaml-unknown-field": lambda f: _rights(
        f, "rights.yaml", "schema: planlint/rights/v1\nrights:\n  - {id: a, colour: grey}\n"
    ),
    "rights-missing": lambda f: ["check-rights", f / "nowhere.csv", VALID],
    # answers to a drafted document
    "answers-not-a-mapping": lambda f: _answers(f, "- a\n- b\n"),
    "answers-bad-period": lambda f: _answers(f, "period: {base: 2030, start: 2021, end: 2025}\n"),
    "answers-unknown-field": lambda f: _answers(f, "colour: grey\n"),
    # documents to extract
    "extract-missing": lambda f: ["extract", f / "nowhere.txt"],
    "extract-type": lambda f: ["extract", _write(f / "plan.pdf", "x")],
    "extract-empty": lambda f: ["extract", _write(f / "plan.txt", "  \n")],
    "extract-binary": lambda f: ["extract", _write(f / "plan.txt", b"\x00\x01\x02" * 100)],
    "extract-not-a-plan": lambda f: ["extract", ROOT / "fixtures" / "extract" / "not-a-plan.txt"],
    "extract-bad-docx": lambda f: ["extract", _write(f / "plan.docx", b"PK\x03\x04 not a document")],
    "extract-output-folder": lambda f: ["extract", ROOT / "fixtures" / "extract" / "county.md", "-o", f],
    "extract-level": lambda f: ["extract", ROOT / "fixtures" / "extract" / "county.md", "--level", "town"],
    # command-line values
    "plan-unknown": lambda f: ["check", VALID, "--plan", "no-such-plan"],
    "docs-not-a-folder": lambda f: ["check", VALID, "--docs", f / "nowhere"],
    "docx-without-output": lambda f: ["check", VALID, "--format", "docx"],
    "format-unknown": lambda f: ["check", VALID, "--format", "pdf"],
    "fail-on-unknown": lambda f: ["check", VALID, "--fail-on", "fatal"],
    "requirements-without-plan": lambda f: ["requirements", VALID],
    "explain-unknown": lambda f: ["explain", "PL999", VALID],
    "parent-without-document": lambda f: ["check", VALID, "--parent", "xs"],
    "test-rules-no-cases": lambda f: [
        "test-rules",
        ROOT / "fixtures" / "rule-pack",
        (f / "c").mkdir() or f / "c",
    ],
    "test-rules-bad-case": lambda f: [
        "test-rules",
        ROOT / "fixtures" / "rule-pack",
        _write(f / "cases" / "x.yaml", "cases:\n  - {name: a, plans: [], expect: [], colour: grey}\n").parent,
    ],
    "synth-plant": lambda f: ["synth", "-o", f / "nation", "--plant", "PL101"],
    "synth-plant-unknown-rule": lambda f: ["synth", "-o", f / "nation", "--plant", "PL999=1"],
}


def _run(builder: Builder, folder: Path, lang: str) -> Ran:
    args = builder(folder)
    return planlint(*args, "--lang", lang, cwd=ROOT, env={"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_bad_input_in_chinese(name: str, tmp_path: Path) -> None:
    assert_chinese(_run(CORPUS[name], tmp_path, "zh"))


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_bad_input_in_english(name: str, tmp_path: Path) -> None:
    assert_english(_run(CORPUS[name], tmp_path, "en"))


@pytest.mark.parametrize("case", CASES, ids=[case["path"] for case in CASES])
def test_every_bad_input_fixture_in_chinese_at_the_same_place(case: dict[str, Any]) -> None:
    env = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    chinese = planlint("validate", BAD / case["path"], "--lang", "zh", cwd=ROOT, env=env)
    english = planlint("validate", BAD / case["path"], "--lang", "en", cwd=ROOT, env=env)
    assert_chinese(chinese)
    assert_english(english)
    where = [ERROR_LINE.match(line).group("path", "line", "field") for line in chinese.stderr.splitlines()]  # type: ignore[union-attr]
    assert where == [
        ERROR_LINE.match(line).group("path", "line", "field") for line in english.stderr.splitlines()
    ]  # type: ignore[union-attr]


# --- the tables themselves ---


@pytest.mark.parametrize(("pattern", "chinese"), YAML_PROBLEMS)
def test_each_yaml_problem_has_its_chinese(pattern: str, chinese: str) -> None:
    assert CHINESE.search(chinese) and not english_left(chinese)


def test_an_unknown_yaml_problem_keeps_the_original_quoted() -> None:
    said = yaml_problem_zh("something no parser says")
    assert said.startswith("无法解析") and "'something no parser says'" in said


@pytest.mark.parametrize("kind", sorted(PYDANTIC_ZH))
def test_each_pydantic_message_is_chinese(kind: str) -> None:
    assert CHINESE.search(PYDANTIC_ZH[kind]) and not english_left(PYDANTIC_ZH[kind])


# --- mutated files: whatever the error, it is said in Chinese ---


@FUZZ
@given(name=st.sampled_from(sorted(p.name for p in (ROOT / VALID).glob("*.yaml"))), edits=mutations)
def test_mutated_plan_files_fail_in_chinese(name: str, edits: list[Mutation]) -> None:
    with fuzz_folder() as folder:
        text = (ROOT / VALID / name).read_text(encoding="utf-8")
        for edit in edits:
            text = mutate(text, edit)
        plans = _plan(folder)[1]
        assert isinstance(plans, Path)
        (plans / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        ran = planlint("validate", plans, "--lang", "zh")
        if ran.returncode == 2:
            assert_chinese(ran)


@FUZZ
@given(
    pack=st.sampled_from(sorted(p.name for p in PACKS.glob("*.yaml"))),
    index=st.integers(min_value=0, max_value=20),
    changes=st.lists(
        st.tuples(
            st.sampled_from(
                RULE_FIELDS + ("extra", "params.metric", "params.extra", "message.en", "message.zh")
            ),
            st.sampled_from(HOSTILE_VALUES + RULE_VALUES + TEMPLATES + ("DELETE",)),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_mutated_rule_packs_fail_in_chinese(pack: str, index: int, changes: list[tuple[str, str]]) -> None:
    rule = a_rule(pack, index)
    for where, value in changes:
        set_field(rule, where, value)
    with fuzz_folder() as folder:
        text = yaml.safe_dump({"schema": "planlint/rules/v1", "rules": [rule]}, allow_unicode=True)
        _write(folder / "rules" / "packs" / "fuzz.yaml", text)
        ran = planlint("validate", ROOT / VALID, "--rules", folder / "rules", "--lang", "zh")
        if ran.returncode == 2:
            assert_chinese(ran)


def test_an_unknown_lang_is_bad_input_in_english() -> None:
    ran = planlint("check", VALID, "--lang", "fr", cwd=ROOT)
    assert_english(ran)
    assert ran.stderr == "planlint: --lang: --lang must be zh or en\n"


# --- the rules that keep new errors bilingual ---


def test_an_error_without_its_chinese_is_refused() -> None:
    with pytest.raises(TypeError, match="zh"):
        PlanlintError("no Chinese given")  # type: ignore[call-arg]


def test_validators_raise_invalid_value_not_a_bare_value_error() -> None:
    # pydantic words a bare ValueError in English only; InvalidValue carries the Chinese to zh_message.
    bare = []
    for path in sorted((ROOT / "engine" / "planlint").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            raised = node.exc if isinstance(node, ast.Raise) else None
            if (
                isinstance(raised, ast.Call)
                and isinstance(raised.func, ast.Name)
                and raised.func.id == "ValueError"
            ):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == [], "raise planlint.errors.InvalidValue(english, zh=chinese) instead: " + ", ".join(bare)


def test_a_validator_error_is_worded_in_both_languages() -> None:
    with pytest.raises(ValidationError) as caught:
        Indicator.model_validate(
            {"metric": "m", "op": "range", "value": 3, "unit": "万吨", "cite": {"line": 1}}
        )
    (item,) = caught.value.errors()
    assert english_message(item) == "op 'range' needs value: [low, high]"
    assert zh_message(item) == "op 为 range 时 value 应为 [下限, 上限]"


def test_warnings_in_chinese(tmp_path: Path) -> None:
    # a citation that cannot be shown (no documents in --docs) and a waiver that matches no finding
    waivers = _write(tmp_path / "waivers.yaml", WAIVER)
    ran = planlint(
        "check",
        VALID,
        "--docs",
        tmp_path,
        "--waivers",
        waivers,
        "--fail-on",
        "never",
        "--lang",
        "zh",
        cwd=ROOT,
    )
    warnings = [line.removeprefix("planlint: 警告: ") for line in ran.stderr.splitlines()]
    assert ran.returncode == 0 and len(warnings) >= 2, ran.stderr
    for warning in warnings:
        message = _message("planlint: " + warning)
        assert CHINESE.search(message) and not english_left(message), warning


def test_pydantic_choices_are_listed_in_chinese() -> None:
    item = {"type": "literal_error", "msg": "…", "ctx": {"expected": "'national', 'province' or 'county'"}}
    assert zh_message(item) == "应为以下之一：'national'、'province'、'county'"


# --- usage errors (typer's): Chinese under --lang zh as well ---

USAGE_ERRORS = {
    "unknown-option": ["check", "--nope"],
    "misspelt-option": ["check", "--fromat", "json"],
    "option-without-value": ["requirements", "--plan"],
    "missing-argument": ["explain"],
    "not-an-integer": ["synth", "--violations", "x"],
    "not-a-number": ["synth", "--scale", "abc"],
    "unknown-command": ["nosuch"],
    "extra-argument": ["rules", "extra"],
}


@pytest.mark.parametrize("name", sorted(USAGE_ERRORS))
def test_usage_errors_in_chinese(name: str) -> None:
    command, *rest = USAGE_ERRORS[name]
    ran = planlint(command, "--lang", "zh", *rest, cwd=ROOT)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    *usage, error = ran.stderr.splitlines()
    assert usage == [] or (usage[0].startswith("用法：planlint") and usage[1].endswith("--help' 查看帮助。"))
    message = error.removeprefix("错误：")
    assert message != error and CHINESE.search(message) and not english_left(message), ran.stderr


@pytest.mark.parametrize("name", sorted(USAGE_ERRORS))
def test_usage_errors_in_english(name: str) -> None:
    command, *rest = USAGE_ERRORS[name]
    ran = planlint(command, "--lang", "en", *rest, cwd=ROOT)
    assert ran.returncode == 2
    assert ran.stderr.splitlines()[-1].startswith("Error: ") and not CHINESE.search(ran.stderr)


@pytest.mark.parametrize(("pattern", "chinese"), USAGE_MESSAGES + USAGE_VALUES)
def test_each_usage_message_has_its_chinese(pattern: str, chinese: str) -> None:
    assert CHINESE.search(chinese) and not english_left(chinese)


def test_no_arguments_still_shows_the_help_in_chinese() -> None:
    ran = planlint(cwd=ROOT, env={"LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"})
    shown = ran.stdout + ran.stderr
    assert not re.search("^错误：", shown, re.MULTILINE) and shown.count("用法：") == 1
    assert "对照上级规划检查矿产资源总体规划" in ran.stdout + ran.stderr


def test_an_extracted_item_that_is_not_valid_says_why_in_chinese() -> None:
    from planlint import api
    from planlint.extract.assemble import _check_indicator, _valid
    from planlint.vocabulary import load_vocabulary

    item = {"metric": "extraction_total", "op": "range", "value": 3, "unit": "万吨", "cite": {"line": 7}}
    rejected: list[Any] = []
    assert _valid([item], _check_indicator, load_vocabulary(api.rule_directories()), rejected) == []
    (why,) = rejected
    assert why.describe("en") == "line 7 (not valid: op 'range' needs value: [low, high]): 3"
    assert why.describe("zh") == "第7行 (无效：op 为 range 时 value 应为 [下限, 上限]): 3"


# The problems PyYAML's Python scanner, parser, composer and constructor and libyaml's C reader, scanner and
# parser report (their source texts, `%r` filled in).
YAML_PROBLEM_TEXTS = (
    "mapping values are not allowed here", "mapping values are not allowed in this context",
    "mapping keys are not allowed here", "mapping keys are not allowed in this context",
    "sequence entries are not allowed here", "block sequence entries are not allowed in this context",
    "could not find expected ':'", "found character '\\t' that cannot start any token",
    "found character that cannot start any token", "expected <block end>, but found '<scalar>'",
    "did not find expected key", "did not find expected '-' indicator", "did not find expected node content",
    "expected the node content, but found '<block end>'", "expected ',' or ']', but got '<scalar>'",
    "did not find expected ',' or ']'", "expected ',' or '}', but got '<scalar>'", "did not find expected ',' or '}'",
    "invalid indentation or unclosed '[' or '{'", "found unexpected end of stream",
    "found unknown escape character 'q'", "found unknown escape character",
    "expected escape sequence of 4 hexadecimal numbers, but found 'z'", "did not find expected hexdecimal number",
    "found undefined alias 'a'", "found duplicate anchor 'a'; first occurrence",
    "expected alphabetic or numeric character, but found '!'", "did not find expected alphabetic or numeric character",
    "found unhashable key", "expected a mapping for merging, but found scalar",
    "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object'",
    "found undefined tag handle '!x!'", "found undefined tag handle", "did not find expected tag URI",
    "expected '<document start>', but found '<block mapping start>'", "did not find expected <document start>",
    "expected a single document in the stream", "found unexpected document indicator",
    "found unexpected document separator", "expected a comment or a line break, but found 'x'",
    "did not find expected comment or line break", "expected ' ', but found 'x'",
    "did not find expected whitespace or line break", "found unexpected ':'",
    "found a tab character where an indentation space is expected", "found a tab character that violates indentation",
    "expected indentation indicator in the range 1-9, but found 0", "found an indentation indicator equal to 0",
    "expected chomping or indentation indicators, but found 'x'", "found duplicate YAML directive",
    "found incompatible YAML document (version 1.* is required)", "found unknown directive name",
    "invalid leading UTF-8 octet", "incomplete UTF-8 octet sequence", "control characters are not allowed",
    "special characters are not allowed", "unacceptable character #x0000: special characters are not allowed",
)  # fmt: skip


@pytest.mark.parametrize("problem", YAML_PROBLEM_TEXTS)
def test_each_problem_yaml_reports_is_worded_in_chinese(problem: str) -> None:
    said = yaml_problem_zh(problem)
    assert not said.startswith("无法解析"), f"add a pattern to YAML_PROBLEMS for {problem!r}"


def test_a_draft_is_named_in_the_language_asked_for() -> None:
    document = Path("fixtures") / "extract" / "county.md"  # its county is in no plan: no parent is found
    chinese = planlint("check", document, "--lang", "zh", cwd=ROOT)
    english = planlint("check", document, "--lang", "en", cwd=ROOT)
    assert_chinese(chinese)
    assert chinese.stderr.startswith(f"planlint: {document}（提取所得）: parents: ")
    assert english.stderr.startswith(f"planlint: {document} (extracted): parents: ")


@FUZZ
@given(edits=mutations)
def test_mutated_rights_files_fail_in_chinese(edits: list[Mutation]) -> None:
    text = (ROOT / "fixtures" / "rights" / "breaches.yaml").read_text(encoding="utf-8")
    for edit in edits:
        text = mutate(text, edit)
    with fuzz_folder() as folder:
        rights = folder / "rights.yaml"
        rights.write_text(text, encoding="utf-8", errors="surrogatepass")
        ran = planlint("check-rights", rights, "--lang", "zh", "--fail-on", "never")
        if ran.returncode == 2:
            assert_chinese(ran)


def test_a_chinese_locale_gives_chinese_errors_without_lang() -> None:
    chinese = {"LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}
    assert_chinese(planlint("validate", BAD / "unknown-unit.yaml", cwd=ROOT, env=chinese))
    assert_chinese(planlint("check", VALID, "--plan", "nowhere", cwd=ROOT, env=chinese))
