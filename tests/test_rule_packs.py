"""Rule packs are validated completely when they load, by `validate`, `rules` and `check` alike.

Message placeholders are checked against what the rule's hits provide (typos, positions, attribute and index
access, format specs: several were fuzzing findings), params against the kind and the vocabulary, and a
`--rules` folder must exist and hold packs or vocabularies.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from planlint import api
from planlint.errors import PlanlintError
from planlint.loader import InputErrors
from planlint.rules import load_pack
from planlint.templates import template_problems
from planlint.vocabulary import load_vocabulary
from tests.cli import planlint
from tests.kindcases import REPO, write_plans

PLANS = [
    {"id": "p", "level": "province", "parents": []},
    {"id": "c", "level": "county", "parents": ["p"]},
]


def _rule(**changes: Any) -> dict[str, Any]:
    pack = yaml.safe_load((REPO / "rules" / "packs" / "conformance.yaml").read_text(encoding="utf-8"))
    rule = next(r for r in pack["rules"] if r["id"] == "PL101")
    return {**rule, "id": "PL199", "name": "a-test-rule", **changes}


def _write_pack(directory: Path, rule: dict[str, Any]) -> Path:
    packs = directory / "packs"
    packs.mkdir(parents=True)
    path = packs / "extra.yaml"
    text = yaml.safe_dump(
        {"schema": "planlint/rules/v1", "rules": [rule]}, allow_unicode=True, sort_keys=False
    )
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str, after: str = "") -> int:
    """The number of the first line holding `needle` below the first line holding `after`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines[start:], start + 1) if needle in line)


BAD_TEMPLATES = [
    ("{against} is {agianst}", "unknown placeholder {agianst}; did you mean {against}?"),
    ("broken {", "malformed template"),
    ("broken }", "malformed template"),
    ("{0} below", "placeholder {0} is not a plain name"),
    ("{} below", "placeholder {} is not a plain name"),
    ("{plan[9]} below", "placeholder {plan[9]} is not a plain name"),
    ("{plan.__class__} below", "placeholder {plan.__class__} is not a plain name"),
    ("{plan:>999999999} below", "placeholder {plan:>999999999} has a conversion or format spec"),
    ("{plan!r} below", "placeholder {plan!r} has a conversion or format spec"),
    ("{plan:{against}} below", "has a conversion or format spec"),
]


@pytest.mark.parametrize(("template", "said"), BAD_TEMPLATES, ids=[t for t, _ in BAD_TEMPLATES])
@pytest.mark.parametrize("command", ["validate", "rules", "check"])
def test_a_bad_message_template_is_bad_input_everywhere(
    tmp_path: Path, command: str, template: str, said: str
) -> None:
    rules = tmp_path / "extra"
    pack = _write_pack(rules, _rule(message={"zh": "{against} 规定 {expected}", "en": template}))
    plans = tmp_path / "plans"
    plans.mkdir()
    write_plans(plans, PLANS)
    args = [command, "--rules", rules] if command == "rules" else [command, plans, "--rules", rules]
    result = planlint(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    where = f"{pack}:{_line_of(pack, 'en: ', after='message:')}: rules.0.message.en: rule PL199: "
    assert where in result.stderr and said in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_template_problems_accepts_plain_names_and_escaped_braces() -> None:
    provided = frozenset({"plan", "against"})
    assert list(template_problems("{plan} {{literal}} against {against}", provided)) == []
    assert list(template_problems("no placeholder at all", provided)) == []


def test_every_problem_of_a_template_is_reported() -> None:
    problems = list(template_problems("{agianst} {0} {plan:>9}", frozenset({"plan", "against"})))
    assert len(problems) == 3


def test_placeholders_are_those_of_the_hits_the_params_choose(tmp_path: Path) -> None:
    # count_parts with check: breakdown yields BreakdownOff, which has {part} but not {parts_sum}
    rule = _rule(
        kind="count_parts",
        params={"check": "breakdown"},
        message={"zh": "{key} {part}", "en": "{key} sums to {parts_sum}"},
    )
    pack = _write_pack(tmp_path, rule)
    with pytest.raises(InputErrors) as raised:
        load_pack(pack)
    assert "unknown placeholder {parts_sum}" in str(raised.value.errors[0])
    assert raised.value.errors[0].field == "rules.0.message.en"


def test_an_unknown_metric_in_params_names_the_rule_and_its_line(tmp_path: Path) -> None:
    pack = _write_pack(tmp_path / "extra", _rule(params={"metric": "min_scal", "direction": "floor"}))
    result = planlint("rules", "--rules", tmp_path / "extra")
    assert result.returncode == 2
    line = _line_of(pack, "metric: min_scal")
    assert f"{pack}:{line}: rules.0.params.metric: rule PL199: unknown metric 'min_scal'" in result.stderr
    assert "min_scale" in result.stderr  # the closest known metric is suggested


def test_an_unknown_metric_in_a_list_param_is_found_too(tmp_path: Path) -> None:
    rule = _rule(kind="binding_carried", params={"metrics": ["min_scale", "extraction_totl"]})
    pack = _write_pack(tmp_path, rule)
    load_pack(pack)  # without a vocabulary a metric is only typed
    with pytest.raises(InputErrors) as raised:
        load_pack(pack, vocabulary=load_vocabulary(api.rule_directories()))
    error = raised.value.errors[0]
    assert error.field == "rules.0.params.metrics.1" and "extraction_totl" in str(error)


@pytest.mark.parametrize("command", ["validate", "rules", "check"])
def test_a_missing_or_empty_rules_folder_is_bad_input(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (tmp_path / "missing", empty):
        args = [command, "--rules", folder] if command == "rules" else [command, "plans", "--rules", folder]
        result = planlint(*args)
        assert result.returncode == 2, result.stderr
        assert str(folder) in result.stderr and "Traceback" not in result.stderr


def test_the_library_refuses_a_missing_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanlintError) as raised:
        api.rule_directories([tmp_path / "nowhere"])
    assert raised.value.path == str(tmp_path / "nowhere") and raised.value.field == "--rules"
