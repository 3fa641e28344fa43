"""The mineral vocabulary: name variants, the broader/narrower taxonomy, suggestions, and the bundled files."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint.errors import PlanlintError, VocabularyError
from planlint.paths import bundled_rules
from planlint.vocabulary import Vocabulary, load_vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary([bundled_rules()])


def test_the_bundled_vocabulary_loads(vocabulary: Vocabulary) -> None:
    assert bundled_rules().joinpath("vocabulary", "minerals.yaml").is_file()
    assert len(vocabulary.minerals) >= 50
    for metric in ("extraction_total", "mine_count", "large_medium_ratio", "min_scale", "new_resources"):
        assert vocabulary.require_metric(metric).name == metric
    assert vocabulary.require_metric("extraction_total").annual is True
    assert vocabulary.require_metric("mine_count").annual is False
    # every mineral's broader names are known minerals (check_taxonomy ran) and categories are set
    for mineral in vocabulary.minerals.values():
        assert mineral.category in {"energy", "metal", "nonmetal", "water"}
        assert all(wider in vocabulary.minerals for wider in mineral.broader)


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("建筑石料用灰岩", "建筑石料用灰岩"),
        ("建筑石料用灰岩(含其他用)", "建筑石料用灰岩"),
        ("砖瓦用粘土", "砖瓦用粘土"),
        ("砖瓦用黏土", "砖瓦用粘土"),
        ("萤石（普通）", "普通萤石"),
        ("萤石(普通)", "普通萤石"),
        ("普通萤石", "普通萤石"),
        ("萤石（CaF2）", "普通萤石"),
        ("地热", "地热"),
        ("地热（温泉）", "地热"),
        ("地热 （温泉）", "地热"),  # spaces and full-width brackets are folded
        ("煤炭", "煤"),
    ],
)
def test_variants_resolve_to_one_mineral(vocabulary: Vocabulary, printed: str, canonical: str) -> None:
    mineral = vocabulary.resolve(printed)
    assert mineral is not None
    assert mineral.name == canonical
    assert vocabulary.canonical(printed) == canonical


def test_building_stone_names(vocabulary: Vocabulary) -> None:
    # 建筑石料 and 建筑用石料 are one name printed two ways; a rule about it applies to 建筑石料用灰岩
    # (whether the vocabulary reads it as a spelling of 建筑石料用灰岩 or as the wider group of building stone).
    assert vocabulary.canonical("建筑石料") == vocabulary.canonical("建筑用石料")
    assert vocabulary.covers("建筑石料", "建筑石料用灰岩")
    assert vocabulary.covers("建筑用石料", "建筑石料用灰岩")
    assert vocabulary.covers("石灰岩", "建筑石料用灰岩")
    assert not vocabulary.covers("建筑石料用灰岩", "水泥用灰岩")


def test_variants_are_distinct_minerals(vocabulary: Vocabulary) -> None:
    # 萤石 is the broader mineral, not another spelling of 普通萤石
    assert vocabulary.canonical("萤石") == "萤石"
    assert vocabulary.canonical("水泥用灰岩") != vocabulary.canonical("建筑石料用灰岩")


@pytest.mark.parametrize(
    ("broad", "narrow"),
    [
        ("石灰岩", "建筑石料用灰岩"),
        ("石灰岩", "水泥用灰岩"),
        ("灰岩", "建筑石料用灰岩(含其他用)"),  # through aliases on both sides
        ("页岩", "砖瓦用页岩"),
        ("砂岩", "建筑用砂岩"),
        ("砂岩", "玻璃用砂岩"),
        ("萤石", "萤石（CaF2）"),
        ("建筑石料用灰岩（含其他用）", "建筑石料用灰岩"),  # a mineral covers itself under any spelling
        ("地热（温泉）", "温泉"),
        ("砖瓦用黏土", "可耕地砖瓦用粘土"),
    ],
)
def test_broader_covers_narrower(vocabulary: Vocabulary, broad: str, narrow: str) -> None:
    assert vocabulary.covers(broad, narrow)


@pytest.mark.parametrize(
    ("broad", "narrow"),
    [
        ("建筑石料用灰岩", "石灰岩"),
        ("水泥用灰岩", "石灰岩"),
        ("砖瓦用页岩", "页岩"),
        ("建筑用砂岩", "砂岩"),
        ("玻璃用砂岩", "砂岩"),
        ("水泥用灰岩", "建筑石料用灰岩"),  # siblings do not cover each other
        ("建筑用砂岩", "玻璃用砂岩"),
        ("页岩", "建筑用砂岩"),
        ("普通萤石", "萤石"),
    ],
)
def test_narrower_does_not_cover_broader(vocabulary: Vocabulary, broad: str, narrow: str) -> None:
    assert not vocabulary.covers(broad, narrow)


def test_lineage(vocabulary: Vocabulary) -> None:
    assert {"建筑石料用灰岩", "石灰岩"} <= vocabulary.lineage("建筑石料用灰岩（含其他用）")
    assert "水泥用灰岩" not in vocabulary.lineage("建筑石料用灰岩")
    assert vocabulary.lineage("水泥用灰岩") >= {"水泥用灰岩", "石灰岩"}
    assert "石灰岩" in vocabulary.lineage("石灰岩")
    assert "建筑石料用灰岩" not in vocabulary.lineage("石灰岩")


def test_unknown_mineral_gives_suggestions(vocabulary: Vocabulary) -> None:
    assert vocabulary.resolve("建筑石料用灰石") is None
    assert "建筑石料用灰岩" in vocabulary.suggest("建筑石料用灰石")
    with pytest.raises(VocabularyError, match="unknown mineral '建筑石料用灰石'") as info:
        vocabulary.require("建筑石料用灰石")
    assert "closest known: " in str(info.value)
    assert "建筑石料用灰岩" in info.value.message
    assert info.value.field == "mineral"
    with pytest.raises(VocabularyError):
        vocabulary.covers("石灰岩", "月岩")


def test_unknown_metric_gives_suggestions(vocabulary: Vocabulary) -> None:
    with pytest.raises(VocabularyError, match="closest known: extraction_total") as info:
        vocabulary.require_metric("extraction_totals")
    assert info.value.field == "metric"


def _write_vocabulary(directory: Path, body: str) -> Path:
    (directory / "vocabulary").mkdir(parents=True)
    (directory / "vocabulary" / "minerals.yaml").write_text(
        "schema: planlint/vocabulary/v1\nminerals:\n" + body, encoding="utf-8"
    )
    return directory


def test_an_extra_rule_directory_adds_minerals(tmp_path: Path) -> None:
    extra = _write_vocabulary(
        tmp_path / "extra", "  - {name: 测试用白云岩, broader: [白云岩], category: nonmetal}\n"
    )
    vocabulary = load_vocabulary([bundled_rules(), extra])
    assert vocabulary.covers("白云岩", "测试用白云岩")


@pytest.mark.parametrize(
    ("body", "line", "field", "message"),
    [
        (
            "  - {name: 甲, category: nonmetal}\n  - {name: 甲, category: nonmetal}\n",
            4,
            "minerals.1.name",
            "mineral '甲' is already defined in ",
        ),
        (
            "  - {name: 甲, aliases: [丙], category: nonmetal}\n  - {name: 乙, aliases: [丙], category: nonmetal}\n",
            4,
            "minerals.1.name",
            "names both",
        ),
        ("  - {name: 甲, broader: [乙], category: nonmetal}\n", 3, "minerals.0.broader.0", "is not defined"),
        (
            "  - {name: 甲, broader: [乙], category: nonmetal}\n  - {name: 乙, broader: [甲], category: nonmetal}\n",
            3,
            "minerals.0.broader",
            "cycle",
        ),
        ("  - {name: 甲, category: rock}\n", 3, "minerals.0.category", "Input should be"),
        ("  - {name: 甲, category: nonmetal, colour: grey}\n", 3, "minerals.0.colour", "unknown field"),
        (
            "  - {name: 甲, category: nonmetal}\n"
            "  - {name: 乙, category: nonmetal, density: {value: 2.6, unit: 桶/升, source: x}}\n",
            4,
            "minerals.1.density",
            "unit",
        ),
        (
            "  - {name: 乙, category: nonmetal, density: {value: .nan, unit: 吨/立方米, source: x}}\n",
            3,
            "minerals.0.density.value",
            "finite number",
        ),
    ],
)
def test_a_bad_vocabulary_is_refused_at_its_line(
    tmp_path: Path, body: str, line: int, field: str, message: str
) -> None:
    with pytest.raises(PlanlintError, match=message) as caught:
        load_vocabulary([_write_vocabulary(tmp_path, body)])
    error = caught.value
    assert (error.path, error.line, error.field) == (
        str(tmp_path / "vocabulary" / "minerals.yaml"),
        line,
        field,
    )


@pytest.mark.parametrize(
    ("file", "text", "what"),
    [
        (
            "minerals.yaml",
            "schema: planlint/vocabulary/v1\nminerals:\n  - {name: 铁, category: nonmetal}\n",
            "mineral '铁'",
        ),
        (
            "metrics.yaml",
            "schema: planlint/metrics/v1\nmetrics:\n  - {name: extraction_total, zh: 开采量, en: x, annual: false}\n",
            "metric 'extraction_total'",
        ),
    ],
)
def test_an_extra_vocabulary_may_not_redefine_a_bundled_entry(
    tmp_path: Path, file: str, text: str, what: str
) -> None:
    (tmp_path / "vocabulary").mkdir()
    (tmp_path / "vocabulary" / file).write_text(text, encoding="utf-8")
    with pytest.raises(PlanlintError) as caught:
        load_vocabulary([bundled_rules(), tmp_path])
    error = caught.value
    assert (error.path, error.line) == (str(tmp_path / "vocabulary" / file), 3)
    assert error.field is not None and error.field.endswith(".0.name")
    assert error.message.startswith(f"{what} is already defined in {bundled_rules() / 'vocabulary' / file}:")


def test_a_bad_vocabulary_field_names_file_and_line(tmp_path: Path) -> None:
    directory = _write_vocabulary(
        tmp_path, "  - {name: 甲, category: nonmetal}\n  - {name: 乙, category: rock}\n"
    )
    with pytest.raises(PlanlintError) as info:
        load_vocabulary([directory])
    assert info.value.path == str(directory / "vocabulary" / "minerals.yaml")
    assert info.value.line == 4
    assert info.value.field == "minerals.1.category"
