"""planlint extract on documents as bureaus write them: Word outlines (styles, automatic numbering), 现状
columns and parts, caps and floors in words, several scoped values in one sentence, Word locations, and the
generalisation score over rendered synthetic documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planlint import api
from planlint.errors import PlanlintError
from planlint.extract import Draft, extract_document
from planlint.synth.documents import render
from planlint.vocabulary import Vocabulary, load_vocabulary
from tools import extract_score

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary(api.rule_directories())


def _numbered(document: Any, text: str, level: int = 0) -> None:
    """A heading as Word's automatic numbering writes it: the number is drawn, not in the text."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>')
    )


def _extract(path: Path, vocabulary: Vocabulary) -> Draft:
    return extract_document(path, plan_id="t", parent="p", level="county", vocabulary=vocabulary)


def _indicators(draft: Draft, metric: str) -> list[dict[str, Any]]:
    return [i for i in draft.plan["indicators"] if i["metric"] == metric]


def _word_county(path: Path, numbering: bool = True) -> None:
    document = docx.Document()
    document.add_paragraph("青石县矿产资源总体规划（2021—2025年）")
    heading = _numbered if numbering else lambda d, t, level=0: d.add_paragraph(t)
    heading(document, "矿产资源开发利用现状")
    document.add_paragraph("截至2020年底，全县共有矿山48个，大中型矿山比例为41.5%。")
    heading(document, "规划目标")
    document.add_paragraph("到2025年，全县矿山数量不突破42个，大中型矿山比例不低于55%。")
    document.add_paragraph("专栏1 主要指标")
    document.add_paragraph("注：表中指标均为规划期末数值。")
    rows = [
        ["指标", "单位", "2020年", "2025年", "属性"],
        ["建筑用砂岩开采总量", "万吨/年", "320", "260", "约束性"],
    ]
    table = document.add_table(rows=2, cols=5)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("注：2020年为现状值。")
    heading(document, "最低开采规模", 1)
    document.add_paragraph(
        "地热：大型矿床不低于20万立方米/年，中型矿床不低于10万立方米/年，小型矿床不低于5万立方米/年。"
    )
    document.save(str(path))


def test_word_automatic_numbering_is_the_outline(vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "qingshi.docx"
    _word_county(path)
    draft = _extract(path, vocabulary)
    (mines,) = _indicators(draft, "mine_count")
    assert (mines["op"], mines["value"]) == ("<=", 42)  # 不突破: a cap, never a floor
    assert mines["cite"]["section"] == "二" and mines["cite"]["locator"].endswith("段")
    (ratio,) = _indicators(draft, "large_medium_ratio")
    assert (ratio["op"], ratio["value"]) == (">=", 55)
    facts = [b for b in draft.plan["baseline"] if b["key"] == "mines"]
    assert facts and facts[0]["values"]["total"] == 48  # the 现状 part is facts, not targets
    assert not draft.warnings


def test_without_an_outline_the_draft_warns(vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "flat.docx"
    _word_county(path, numbering=False)
    draft = _extract(path, vocabulary)
    assert any("no outline" in w for w in draft.warnings)
    assert "# warning: no outline" in draft.to_yaml()


def test_present_column_is_baseline_and_caption_reaches_across_a_note(
    vocabulary: Vocabulary, tmp_path: Path
) -> None:
    path = tmp_path / "qingshi.docx"
    _word_county(path)
    draft = _extract(path, vocabulary)
    (cap,) = _indicators(draft, "extraction_total")
    assert (cap["value"], cap["op"], cap["attribute"], cap["cite"]["table"]) == (
        260,
        "<=",
        "binding",
        "专栏1",
    )
    assert cap["cite"]["locator"] == "表1第2行"
    present = next(b for b in draft.plan["baseline"] if b["key"] == "extraction_total")
    assert present["values"] == {"建筑用砂岩": 320} and present["year"] == 2020


def test_several_scoped_values_in_one_sentence(vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "qingshi.docx"
    _word_county(path)
    scales = {
        i["scope"]["deposit"]: (i["op"], i["value"], i["mineral"])
        for i in _indicators(_extract(path, vocabulary), "min_scale")
    }
    assert scales == {"large": (">=", 20, "地热"), "medium": (">=", 10, "地热"), "small": (">=", 5, "地热")}


@pytest.mark.parametrize(
    ("phrase", "op"),
    [("不突破{}个", "<="), ("不超过{}个", "<="), ("控制在{}个以内", "<="), ("控制在{}个以下", "<="),
     ("不高于{}个", "<="), ("{}个以下", "<="), ("不低于{}个", ">="), ("不少于{}个", ">="), ("{}个以上", ">="),
     ("达到{}个", ">=")],
)  # fmt: skip
def test_caps_and_floors_in_words(phrase: str, op: str, vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text(
        "白沙县矿产资源总体规划（2021—2025年）\n\n一、规划目标\n\n到2025年，全县矿山数量"
        + phrase.format(37)
        + "。\n",
        encoding="utf-8",
    )
    (mines,) = _indicators(_extract(path, vocabulary), "mine_count")
    assert (mines["op"], mines["value"]) == (op, 37)


def test_change_from_the_present_keeps_the_start_as_a_fact(vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "change.txt"
    path.write_text(
        "白沙县矿产资源总体规划（2021—2025年）\n\n一、规划目标\n\n"
        "全县矿山数量由2020年的64个减少到50个以内，大中型矿山比例由31%提高到40%以上。\n",
        encoding="utf-8",
    )
    draft = _extract(path, vocabulary)
    assert [(i["metric"], i["op"], i["value"]) for i in draft.plan["indicators"]] == [
        ("mine_count", "<=", 50),
        ("large_medium_ratio", ">=", 40),
    ]
    facts = {(b["key"], v) for b in draft.plan["baseline"] for v in b["values"].values()}
    assert {("mine_count", 64), ("large_medium_ratio", 31)} <= facts


def test_rendered_documents_precision_recall_and_no_inversions(
    vocabulary: Vocabulary, tmp_path: Path
) -> None:
    """A small sample (the full 200-document run is `python -m tools.extract_score --rendered 200`)."""
    result = extract_score.score_rendered(tmp_path, 24, 7, vocabulary)
    report = extract_score.RENDERED_HEADER + result.line() + "\n" + "\n".join(result.failures[:20])
    assert result.documents == 24
    assert result.precision >= extract_score.PRECISION_GOAL, report
    assert result.recall >= extract_score.RENDERED_RECALL_GOAL, report
    assert result.inverted == 0 and result.baseline_as_target == 0, report
    styles = set(result.styles)
    assert {"fmt=txt", "fmt=docx", "numbering=numpr", "table=years_note", "scales=each"} <= styles


def test_the_renderer_is_deterministic(tmp_path: Path) -> None:
    first = render(tmp_path / "a", 4, seed=3)
    second = render(tmp_path / "b", 4, seed=3)
    for a, b in zip(first, second, strict=True):
        assert a.expected.read_text(encoding="utf-8") == b.expected.read_text(encoding="utf-8")
        if a.path.suffix == ".txt":
            assert a.path.read_bytes() == b.path.read_bytes()


def test_traditional_characters_are_converted(vocabulary: Vocabulary, tmp_path: Path) -> None:
    pytest.importorskip("opencc")
    path = tmp_path / "traditional.txt"
    path.write_text(
        "白沙縣礦產資源總體規劃（2021—2025年）\n\n一、規劃目標\n\n到2025年，全縣礦山數量不突破42個，大中型礦山比例不低於60%。\n",
        encoding="utf-8",
    )
    draft = _extract(path, vocabulary)
    assert draft.plan["name"] == "白沙县矿产资源总体规划（2021—2025年）"
    assert [(i["metric"], i["op"], i["value"]) for i in draft.plan["indicators"]] == [
        ("mine_count", "<=", 42),
        ("large_medium_ratio", ">=", 60),
    ]
    assert any("Traditional" in w for w in draft.warnings)


def test_no_title_is_an_input_error_not_the_file_name(vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "draft-v3.txt"
    path.write_text("一、规划目标\n\n到2025年，全县矿山数量不超过42个。\n", encoding="utf-8")
    with pytest.raises(PlanlintError, match="no title found"):
        _extract(path, vocabulary)


def _messages(draft: Draft) -> list[str]:
    """What the extractor itself says to the clerk (not the document's own text kept as a note)."""
    notes = [
        part
        for item in draft.plan["indicators"] + [x for z in draft.plan["zones"] for x in z.get("limits", [])]
        for part in (item.get("note") or "").split("; ")
        if part
    ]
    reasons = [u.reason for u in draft.unparsed if u.reason_zh is None]  # the others carry their Chinese
    return draft.warnings + draft.needs_person + reasons + notes


def test_every_message_to_the_clerk_has_a_chinese_template(vocabulary: Vocabulary, tmp_path: Path) -> None:
    from planlint.extract.words import translated

    fixtures = Path(__file__).parent.parent / "fixtures" / "extract"
    documents = [fixtures / name for name in ("county-tabs.txt", "city-cells.txt", "county.md")]
    documents += [r.path for r in render(tmp_path, 12, seed=5)]
    seeds = extract_score.seeds_dir()
    documents += sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    untranslated = set()
    for path in documents:
        draft = extract_document(path, vocabulary=vocabulary)
        untranslated |= {m for m in _messages(draft) if translated(m) is None}
    assert not untranslated, sorted(untranslated)


def test_lang_zh_writes_the_clerks_messages_in_chinese(vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "flat.docx"
    _word_county(path, numbering=False)
    text = extract_document(path, plan_id="t", vocabulary=vocabulary, lang="zh").to_yaml()
    block = text[text.index("# ----") :]
    assert "未找到目录结构" in block and "须人工补充" in block
    assert "needs a person" not in block and "warning" not in block


def test_a_finding_on_a_word_draft_points_to_the_paragraph(tmp_path: Path) -> None:
    """The report cites the draft's line and, beside it, where that is in Word (第N段)."""
    import json

    from tests.cli import planlint
    from tests.kindcases import REPO

    document = docx.Document()
    document.add_paragraph("重庆市巴南区矿产资源总体规划（2021—2025年）")
    _numbered(document, "矿产资源开发利用现状")
    document.add_paragraph("截至2020年底，全区共有矿山24个。")
    _numbered(document, "矿产资源开发利用")
    document.add_paragraph(
        "地热：大型矿床不低于10万立方米/年，中型矿床不低于5万立方米/年，小型矿床不低于3万立方米/年。"
    )
    path = tmp_path / "banan.docx"
    document.save(str(path))
    draft = tmp_path / "draft.yaml"
    made = planlint(
        "extract", str(path), "--id", "draft-banan", "--parent", "cq", "--level", "county", "-o", str(draft)
    )
    assert made.returncode in (0, 1), made.stderr
    checked = planlint("check", str(REPO / "plans"), str(draft), "--plan", "draft-banan", "--format", "json")
    findings = [
        f for f in json.loads(checked.stdout)["findings"] if f["rule"] == "PL101" and f["mineral"] == "地热"
    ]
    assert findings, checked.stdout[:2000]
    places = [c for f in findings for c in f["citations"] if c.get("plan") == "draft-banan"]
    assert places and all(c["locator"] == "第5段" for c in places), places


def test_decimal_heading_numbers_are_the_outline(vocabulary: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "decimal.txt"
    path.write_text(
        "白沙县矿产资源总体规划（2021—2025年）\n\n1 矿产资源现状\n\n1.1 开发利用现状\n\n"
        "全县共有矿山48个，大中型矿山比例为41.5%。\n\n2 规划目标\n\n2.1 主要指标\n\n到2025年，全县矿山数量不突破42个。\n",
        encoding="utf-8",
    )
    draft = _extract(path, vocabulary)
    assert [(i["metric"], i["op"], i["value"], i["cite"]["section"]) for i in draft.plan["indicators"]] == [
        ("mine_count", "<=", 42, "2.1")
    ]
    assert draft.plan["baseline"][0]["values"]["total"] == 48
