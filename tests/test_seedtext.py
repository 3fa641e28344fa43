"""The seed-text reader used by the citation test and the coverage script: numbers as printed and 专栏 tables."""

from __future__ import annotations

import pytest

from tools.seedtext import (
    chinese_numeral,
    find_tables,
    has_number,
    has_value,
    numeric_sentence,
    quantities,
    row_label_lines,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1500", 1500),
        ("年开采总量不超过1500万吨/年", 1500.0),
        ("\t0.5", 0.5),
        ("\t100", 100.0),
        ("\t9.00", 9),
        ("大中型矿山比例不低于90%", 90),
        ("比例达到９０％", 90),
        ("资源量1,500万吨", 1500),
        ("\t≥40", 40),
        ("\t＜45", 45),
        ("\t100/50", 50),
        ("划定两个重点开采区", 2),
        ("设置三个区块", 3),
        ("十五个", 15),
        ("二十个", 20),
        ("三百二十处", 320),
        ("1~2处", 2),
    ],
)
def test_numbers_are_found_as_printed(text: str, value: float) -> None:
    assert has_number(text, value)


@pytest.mark.parametrize(
    ("text", "value"), [("1500", 150), ("0.5", 5), ("大中型矿山比例不低于90%", 9), ("两个", 3)]
)
def test_other_numbers_are_not_found(text: str, value: float) -> None:
    assert not has_number(text, value)


def test_ranges_need_both_ends() -> None:
    assert has_value("\t10—15", (10, 15))
    assert has_value("提交大中型矿产地1-2处", (1, 2))
    assert not has_value("\t10—16", (10, 15))


@pytest.mark.parametrize(
    ("run", "value"),
    [("一", 1), ("两", 2), ("十", 10), ("十一", 11), ("二十", 20), ("二〇二五", 2025), ("一千零五", 1005)],
)
def test_chinese_numerals(run: str, value: int) -> None:
    assert chinese_numeral(run) == value


def test_quantities_leave_out_dates_years_numbering_and_unit_symbols() -> None:
    assert quantities("2021—2025年") == []
    assert quantities("\t2025年") == []
    assert quantities("国土资源部2000年4月24日发布国土资发〔2000〕133号文") == []
    assert quantities("1.方城县榆林坪建筑用大理岩集中开采区") == []
    assert quantities("面积（km2）") == []
    assert quantities("\t2000") == [2000]
    assert quantities("面积10.996km2。拟设采矿权3个。") == [10.996, 3]


def test_numeric_sentences() -> None:
    assert numeric_sentence("全区矿山数量控制在28个以内,大中型矿山比例不低于90%。")
    assert numeric_sentence("新建矿山的最低开采规模为5万立方米/年。")
    assert not numeric_sentence("《规划》以2020年为基期，以2025年为目标年，展望至2035年。")
    assert not numeric_sentence("全面建设“三个强县、两个高地”")


TABBED = [
    "说明文字。",
    "\t专栏5  矿山最低开采规模标准",
    "",
    "\t序号",
    "\t矿种",
    "\t单位",
    "\t最低开采规模",
    "",
    "\t1",
    "\t建筑石料用灰岩",
    "\t万吨/年",
    "\t100",
    "",
    "\t2",
    "\t",
    "\t万吨/年",
    "\t51",
    "",
    "\t3",
    "\t建筑用砂岩",
    "（含其他用）",
    "\t万吨/年",
    "\t10",
    "",
    "",
    "1．下一节",
]

SPACED = [
    "专栏1 2025年主要指标",
    "",
    "指 标",
    "",
    "2025年",
    "",
    "开采总量",
    "",
    "建筑石料用灰岩",
    "",
    "矿石 万吨/年",
    "",
    "1500",
    "",
    "约束性",
    "",
    "地热",
    "",
    "万立方米/年",
    "",
    "660",
    "",
    "(二)优化开发利用结构",
    "",
    "以市场配置资源,合理调整矿产资源开发利用强度。",
]


def test_a_tabbed_table_runs_to_its_gap_and_knows_its_serial_column() -> None:
    (table,) = find_tables(TABBED)
    assert table.heading == 2
    assert table.tabbed
    assert table.end == 23
    assert table.serial_lines == {9, 14, 19}
    assert len(table.rows) == 4


def test_a_value_in_a_tabbed_table_finds_its_row_label_and_merged_cells() -> None:
    tables = find_tables(TABBED)
    assert 10 in row_label_lines(TABBED, tables, 12)
    assert 10 in row_label_lines(TABBED, tables, 17)  # empty 矿种 cell: merged with the row above
    labels = row_label_lines(TABBED, tables, 23)
    assert 20 in labels and 10 not in labels


def test_a_spaced_table_ends_at_the_next_heading_and_finds_the_nearest_label() -> None:
    (table,) = find_tables(SPACED)
    assert not table.tabbed
    assert table.end == 21
    assert row_label_lines(SPACED, [table], 13) == [13, 9]
    assert row_label_lines(SPACED, [table], 21) == [21, 17]
    assert row_label_lines(SPACED, [table], 25) == [25]  # outside the table: the line only
