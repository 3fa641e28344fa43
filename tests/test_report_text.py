"""The text report without colour: lines rich would only untag are untagged without rich, and print the same."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.markup import escape

from planlint import api
from planlint.paths import bundled_plans
from planlint.report import Options
from planlint.report import text as text_report

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# text a report may quote or word: brackets, backslashes, colons (and emoji codes), tabs, control codes,
# full-width and trailing spaces, CJK
PIECES = st.sampled_from(
    [
        "[",
        "]",
        "[bold]",
        "[/]",
        "\\",
        "\\[",
        ":",
        ":smile:",
        ":a:",
        "\t",
        "\r",
        "\x07",
        "\x1b",
        " ",
        "\u3000",
        "\n",
        "矿",
        "萤石",
        "L42",
        "万吨/年",
        "[1]",
        "a",
        "(x)",
        "—",
        "\U0001f600",
    ]
)
TEXTS = st.lists(PIECES, max_size=12).map("".join)


def rich_printed(lines: list[str]) -> str:
    """What rich alone prints of the lines without colour (the reference)."""
    return text_report._printed(lines, color=False)


def rich_printed_one_by_one(lines: list[str]) -> str:
    """What rich prints of each line alone: the reference for any line. (Printed in one piece, an unclosed
    `[a` of one line could pair with a `]` of a later one and hide the text between: lines are markup of
    their own, closed on the line.)"""
    return "".join(text_report._printed([line], color=False) for line in lines)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "[bold]", "[dim]", "[italic]  > "]), TEXTS), min_size=1, max_size=6
    )
)
def test_a_line_prints_as_rich_prints_it(parts: list[tuple[str, str]]) -> None:
    lines = [f"{tag}{escape(text)}{'[/]' if tag else ''}" for tag, text in parts]
    assert text_report._plain(lines) == rich_printed_one_by_one(lines)


def test_plain_lines_skip_rich_and_others_do_not() -> None:
    assert text_report._only_tags_to_drop("[bold]cq[/] 重庆市矿产资源总体规划（2021—2025年）")
    assert not text_report._only_tags_to_drop("[italic]        > 专栏1\t主要指标[/italic]")
    assert not text_report._only_tags_to_drop(escape("[bold] is not a tag here"))
    assert not text_report._only_tags_to_drop("time 12:30:00")


def test_the_bundled_report_prints_as_rich_prints_it() -> None:
    """The bundled plans' report, with the seed documents quoted where they are (tabs and all)."""
    report = api.check(api.load([bundled_plans()]))
    docs = SEEDS if SEEDS.is_dir() else None
    for lang in ("en", "zh"):
        options = Options(lang=lang, docs=docs)
        lines = list(text_report._lines(report, options))
        assert text_report.render(report, options) == rich_printed(lines)
