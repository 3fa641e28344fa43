"""The loader's vocabulary checks: made once per distinct combination, still placed at every row they concern."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint import api
from planlint.loader import InputErrors, load_plans
from planlint.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
COUNTY = (ROOT / "fixtures" / "valid" / "xs-dongshan.yaml").read_text(encoding="utf-8")


def _errors(tmp_path: Path, *texts: str) -> list[tuple[str, int | None, str | None, str]]:
    for index, text in enumerate(texts):
        (tmp_path / f"p{index}.yaml").write_text(
            text.replace("id: xs-dongshan\n", f"id: p{index}\n"), "utf-8"
        )
    with pytest.raises(InputErrors) as raised:
        load_plans([tmp_path], load_vocabulary(api.rule_directories(())))
    return [(Path(e.path or "").name, e.line, e.field, e.message) for e in raised.value.errors]


def test_a_combination_found_good_in_one_plan_does_not_hide_a_bad_one_in_the_next(tmp_path: Path) -> None:
    # p1 repeats p0's good rows; its one bad unit is used twice (one combination), its zone limit names an
    # unknown metric: each row with a problem is reported at its own line, in the order of the file
    bad = COUNTY.replace("    value: 12\n    unit: 个\n", "    value: 12\n    unit: 万桶\n").replace(
        '    value: 60\n    unit: "%"\n', "    value: 60\n    unit: 万桶\n"
    )
    bad = bad.replace("      - metric: mine_count\n", "      - metric: mine_counts\n")
    errors = _errors(tmp_path, COUNTY, bad)
    assert [(name, line, field) for name, line, field, _ in errors] == [
        ("p1.yaml", 42, "indicators.2.unit"),
        ("p1.yaml", 49, "indicators.3.unit"),
        ("p1.yaml", 92, "zones.0.limits.0.metric"),
    ]
    assert errors[0][3] == errors[1][3] == "unknown unit '万桶'"
    assert errors[2][3].startswith("unknown metric 'mine_counts' (closest known: mine_count")


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        (
            "minerals: [砖瓦用页岩]",
            "minerals: [砖瓦页岩岩]",
            101,
            "zones.1.minerals.0",
            "unknown mineral '砖瓦页岩岩'",
        ),
        (
            "{mineral: 地热, cite",
            "{mineral: 地热热, cite",
            81,
            "minerals.encouraged.0.mineral",
            "unknown mineral '地热热'",
        ),
        ("    unit: 处\n", "    unit: 处处\n", 109, "counts.0.unit", "unknown unit '处处'"),
        (
            "large_medium: 个}",
            "large_medium: 万桶}",
            115,
            "baseline.0.units.large_medium",
            "unknown unit '万桶'",
        ),
        (
            "cite: {line: 126, section",
            "cite: {ref: nowhere, section",
            110,
            "counts.0.cite.ref",
            "citation ref 'nowhere'",
        ),
    ],
)
def test_each_kind_of_name_is_checked_beyond_the_rows(
    tmp_path: Path, old: str, new: str, line: int, field: str, message: str
) -> None:
    # the rows are all good (and seen before): the plan's other names are still each checked and placed
    assert old in COUNTY
    errors = _errors(tmp_path, COUNTY, _replace_last(COUNTY, old, new))
    assert [(name, line_, field_) for name, line_, field_, _ in errors] == [("p1.yaml", line, field)]
    assert errors[0][3].startswith(message)


def _replace_last(text: str, old: str, new: str) -> str:
    """The text with the last `old` replaced (the count's citation, not the zone's of the same line)."""
    head, _, tail = text.rpartition(old)
    return head + new + tail
