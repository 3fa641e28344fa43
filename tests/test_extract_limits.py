"""extract on hostile documents: stated size limits with a clear refusal, linear reading, and -o errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlint import api
from planlint.errors import PlanlintError
from planlint.extract import extract_document, reader, sentences
from planlint.extract.counts import BLOCK_TOTAL, ZONE_COUNT
from planlint.extract.lexicon import QUANTITY
from planlint.vocabulary import Vocabulary, load_vocabulary
from tests.cli import planlint

TITLE = "某县矿产资源总体规划（2021—2025年）\n"
BODY = "全县建筑石料用灰岩年开采总量不超过1500万吨/年。规划开采区块3个，其中新设2个。\n"


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary(api.rule_directories(()))


def a_document(tmp_path: Path, text: str = TITLE + BODY, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_past_the_character_limit_is_refused(
    tmp_path: Path, vocabulary: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_TEXT_CHARS", len(TITLE + BODY))
    assert extract_document(a_document(tmp_path), vocabulary=vocabulary).plan["indicators"]
    with pytest.raises(PlanlintError, match=r"document too large for extract \(.* characters; the limit is"):
        extract_document(a_document(tmp_path, TITLE + BODY + "。"), vocabulary=vocabulary)


def test_a_word_document_past_the_paragraph_limit_is_refused(
    tmp_path: Path, vocabulary: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = pytest.importorskip("docx")
    word = docx.Document()
    for line in (TITLE + BODY * 5).splitlines():
        word.add_paragraph(line)
    path = tmp_path / "plan.docx"
    word.save(str(path))
    monkeypatch.setattr(reader, "MAX_DOCX_PARAGRAPHS", 5)
    with pytest.raises(PlanlintError, match=r"\d paragraphs and tables; the limit is 5"):
        extract_document(path, vocabulary=vocabulary)
    monkeypatch.setattr(reader, "MAX_DOCX_XML_BYTES", 1000)
    with pytest.raises(PlanlintError, match=r"MB of text and markup; the limit is"):
        extract_document(path, vocabulary=vocabulary)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path, vocabulary: Vocabulary) -> None:
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    with pytest.raises(PlanlintError, match="not a regular file"):
        extract_document(fifo, vocabulary=vocabulary)


@pytest.mark.parametrize("where", ["a folder", "a missing folder"])
def test_output_that_cannot_be_written_is_bad_input_before_reading(tmp_path: Path, where: str) -> None:
    output = tmp_path if where == "a folder" else tmp_path / "missing" / "draft.yaml"
    result = planlint("extract", a_document(tmp_path), "-o", output)
    assert result.returncode == 2
    assert result.stderr.startswith(f"planlint: {output}: -o: ")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("pattern", [QUANTITY, BLOCK_TOTAL, ZONE_COUNT])
def test_a_number_is_matched_where_its_digits_start(pattern: object) -> None:
    # the (?<!\d) that keeps long digit runs linear: a match never begins inside a run of digits
    text = "规划开采区块" + "1" * 2000 + "个重点开采区，12个开采区块，开采总量3.5万吨"
    for match in pattern.finditer(text):  # type: ignore[attr-defined]
        first_digit = next(i for i in range(match.start(), match.end()) if text[i].isdigit())
        assert first_digit == 0 or not text[first_digit - 1].isdigit()


def test_a_long_digit_run_does_not_hide_the_numbers_after_it(tmp_path: Path, vocabulary: Vocabulary) -> None:
    text = TITLE + "编号" + "1" * 30000 + "，全县砖瓦用页岩年开采总量不超过45万吨/年。\n"
    draft = extract_document(a_document(tmp_path, text), vocabulary=vocabulary)
    assert [item["value"] for item in draft.plan.get("indicators") or []] == [45]


@given(st.text(alphabet="1。，、：万吨个开采区块 ", max_size=3000))
def test_long_sentences_are_read_in_pieces_that_cover_them(text: str) -> None:
    pieces = list(sentences.sentences(text))
    for start, piece in pieces:
        assert text[start : start + len(piece)] == piece
        assert (
            len(piece) <= sentences.MAX_SENTENCE
            or piece[sentences.MAX_SENTENCE - 1 :].strip("0123456789.") == ""
        )
        assert start == 0 or not (text[start].isdigit() and text[start - 1].isdigit())
    covered = "".join(piece for _, piece in pieces)
    assert covered.strip() == "".join(text[s : s + len(p)] for s, p in pieces).strip()
    assert sum(len(p.strip()) > 0 for _, p in pieces) == len(pieces)
