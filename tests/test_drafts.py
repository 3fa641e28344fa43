"""One step for a bureau: `planlint check DRAFT` extracts in memory, applies the answers file, and judges.

The documents are fixtures/extract/county-tabs.txt with its made-up 青山县 replaced by a real district, so
the parent is found through the register of places.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.cli import planlint
from tests.kindcases import REPO

TEMPLATE = REPO / "fixtures" / "extract" / "county-tabs.txt"


def _document(folder: Path, jurisdiction: str, name: str = "draft.txt") -> Path:
    path = folder / name
    path.write_text(TEMPLATE.read_text(encoding="utf-8").replace("青山县", jurisdiction), encoding="utf-8")
    return path


def _answers(document: Path, answers: dict) -> None:
    text = yaml.safe_dump(answers, allow_unicode=True, sort_keys=False)
    document.with_name(f"{document.stem}.planlint.yaml").write_text(text, encoding="utf-8")


def _json(*args: str) -> tuple[int, dict]:
    ran = planlint("check", *args, "--format", "json", "--lang", "en")
    return ran.returncode, (json.loads(ran.stdout) if ran.stdout else {"stderr": ran.stderr})


def test_check_a_document_in_one_step_with_the_parent_found_from_its_jurisdiction(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区")
    code, report = _json(str(document))
    assert code == 1
    judged = {f["plan"] for f in report["findings"]}
    assert judged == {"500119"}, judged  # only the document is judged, against the bundled plans
    draft = next(p for p in report["plans"] if p["id"] == "500119")  # its id: 南川区's code
    assert draft["parents"] == ["cq"]
    carried = {f["rule"] for f in report["findings"] if f["against"] == "cq"}
    assert "PL120" in carried  # 南川's zones in the 重庆 plan are asked of the district


def test_the_answers_file_survives_reextraction_and_names_the_plan(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区")
    _answers(document, {"id": "cq-nanchuan", "parent": "cq", "corrections": [{"line": 11, "drop": True}]})
    code, report = _json(str(document))
    assert code == 1 and {f["plan"] for f in report["findings"]} == {"cq-nanchuan"}
    out = tmp_path / "draft.yaml"
    extracted = planlint("extract", str(document), "-o", str(out), "--lang", "en")
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert plan["id"] == "cq-nanchuan" and plan["parents"] == ["cq"] and plan["regions"] == ["主城都市区"]
    assert all((i.get("cite") or {}).get("line") != 11 for i in plan["indicators"] + plan["baseline"])
    assert extracted.returncode == 0, extracted.stderr  # parent, regions and period settled


def test_a_stale_correction_is_bad_input_at_its_line(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区")
    _answers(document, {"parent": "cq", "corrections": [{"line": 9999, "set": {"op": "<="}}]})
    ran = planlint("check", str(document), "--lang", "en")
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert "draft.planlint.yaml:3: corrections.0: no extracted item is cited at line 9999" in ran.stderr


def test_answers_with_an_unknown_field_are_bad_input(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区")
    _answers(document, {"parnet": "cq"})
    ran = planlint("extract", str(document), "--lang", "en")
    assert ran.returncode == 2 and "draft.planlint.yaml:1: parnet:" in ran.stderr


def test_regions_the_jurisdiction_cannot_settle_must_be_answered(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    province = {
        "schema": "planlint/plan/v1",
        "id": "sc",
        "name": "四川省矿产资源总体规划（2021—2025年）",
        "level": "province",
        "jurisdiction": "四川省",
        "defines_regions": ["成都平原区", "川东北区"],
        "period": {"base": 2020, "start": 2021, "end": 2025},
    }
    (plans / "sc.yaml").write_text(yaml.safe_dump(province, allow_unicode=True), encoding="utf-8")
    document = _document(tmp_path, "四川省成都市金牛区")
    ran = planlint("check", str(plans), str(document), "--lang", "en")
    assert (
        ran.returncode == 2
        and "regions: the plans above define the regions 川东北区、成都平原区" in ran.stderr
    )
    extracted = planlint("extract", str(document), "--plans", str(plans), "--lang", "en")
    assert extracted.returncode == 1 and "not settled: regions" in extracted.stderr
    _answers(document, {"regions": ["成都平原区"]})
    assert planlint("check", str(plans), str(document), "--lang", "en").returncode in (0, 1)
    assert planlint("extract", str(document), "--plans", str(plans)).returncode == 0


def test_a_document_whose_parent_cannot_be_found_is_never_judged_against_nothing(tmp_path: Path) -> None:
    document = _document(tmp_path, "青山县")
    ran = planlint("check", str(document), "--lang", "zh")
    assert ran.returncode == 2
    assert "未给出上级规划" in ran.stderr and str(document) in ran.stderr


def test_parent_is_for_documents_only() -> None:
    ran = planlint("check", str(REPO / "plans"), "--parent", "cq", "--lang", "en")
    assert ran.returncode == 2 and "--parent applies to a plan document" in ran.stderr


def test_two_documents_read_as_the_same_plan_are_bad_input_naming_both(tmp_path: Path) -> None:
    first = _document(tmp_path, "重庆市南川区", "南川区规划.txt")
    second = _document(tmp_path, "重庆市南川区", "南川区规划二稿.txt")  # no answers: the same default id
    ran = planlint("check", str(first), str(second), "--lang", "zh")
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert f"{first} 与 {second} 的规划 id 同为" in ran.stderr
    assert (
        "请在各自的答复文件（南川区规划.planlint.yaml、南川区规划二稿.planlint.yaml）中写明不同的 id:"
        in ran.stderr
    )
    english = planlint("check", str(first), str(second), "--lang", "en")
    assert english.returncode == 2 and f"{first} and {second} are both plan" in english.stderr
    _answers(second, {"id": "cq-nanchuan-v2"})
    assert planlint("check", str(first), str(second), "--lang", "en").returncode == 1


def test_a_documents_default_id_is_its_jurisdictions_code_so_two_districts_are_checked_together(
    tmp_path: Path,
) -> None:
    nanchuan = _document(tmp_path, "重庆市南川区", "南川区规划.txt")
    banan = _document(tmp_path, "重庆市巴南区", "巴南区规划.txt")
    code, report = _json(str(nanchuan), str(banan))
    assert code == 1, report
    assert {p["id"] for p in report["plans"] if "verdict" in p} == {"500119", "500113"}
    assert {f["plan"] for f in report["findings"]} == {"500119", "500113"}
    renamed = tmp_path / "南川区规划（二稿）.txt"  # the next round's file: the same plan, the same ids
    nanchuan.rename(renamed)
    again = _json(str(renamed), str(banan))[1]
    assert {f["id"] for f in again["findings"]} == {f["id"] for f in report["findings"]}


def test_a_default_id_written_into_the_answers_file_unquoted_is_that_id(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区", "南川区规划.txt")
    document.with_name("南川区规划.planlint.yaml").write_text("id: 500119\n", encoding="utf-8")
    code, report = _json(str(document))
    assert code == 1 and {f["plan"] for f in report["findings"]} == {"500119"}


def test_a_plan_id_changed_between_rounds_is_said_and_not_blamed_on_plan(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区", "南川区规划.txt")
    first = tmp_path / "r1.json"
    assert planlint("check", str(document), "-f", "json", "-o", str(first)).returncode == 1
    _answers(document, {"id": "cq-nanchuan"})
    ran = planlint("check", str(document), "--baseline", str(first), "--lang", "zh")
    assert "--plan" not in ran.stdout + ran.stderr
    assert "所属的规划本次未检查（本次只检查了 cq-nanchuan），不计为已解决" in ran.stdout
    assert "基线报告未检查本次检查的规划（cq-nanchuan）" in ran.stderr
    english = planlint("check", str(document), "--baseline", str(first), "--lang", "en")
    assert "(it judged only cq-nanchuan)" in english.stdout
    assert "--plan" not in english.stdout + english.stderr


def _memo(path: Path) -> list[str]:
    docx = pytest.importorskip("docx")
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_the_memo_of_a_text_draft_quotes_its_own_lines_without_docs(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区", "南川区规划.txt")
    memo = tmp_path / "memo.docx"
    ran = planlint("check", str(document), "-f", "docx", "-o", str(memo), "--lang", "zh")
    assert ran.returncode == 1, ran.stderr
    lines = document.read_text(encoding="utf-8").splitlines()
    own = [p for p in _memo(memo) if p.startswith("本规划原文：") and "行" in p]
    assert own and all("「" in p and "未附原文" not in p for p in own), own
    for paragraph in own:
        number = int(re.search(r"第 (\d+) 行", paragraph).group(1))
        assert f"「{lines[number - 1].strip()}」" in paragraph or lines[number - 1].strip() in paragraph


def test_the_memo_of_a_word_draft_quotes_it_and_docs_never_looks_for_it(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    word = docx.Document()
    for line in TEMPLATE.read_text(encoding="utf-8").replace("青山县", "重庆市南川区").splitlines():
        word.add_paragraph(line)
    document = tmp_path / "南川区规划稿.docx"
    word.save(str(document))
    docs = tmp_path / "docs"  # the ancestors' documents: the draft is not among them
    docs.mkdir()
    memo = tmp_path / "memo.docx"
    ran = planlint("check", str(document), "-f", "docx", "-o", str(memo), "--docs", str(docs), "--lang", "zh")
    assert ran.returncode == 1, ran.stderr
    assert "planlint-drafts" not in ran.stderr and "南川区规划稿.docx" not in ran.stderr, ran.stderr
    own = [p for p in _memo(memo) if p.startswith("本规划原文：") and "行" in p]
    assert own and all("「" in p for p in own), own
    assert all(re.search(r"第 (\d+) 行（第 \1 段）", p) for p in own), own
    assert not any("(第" in p for p in _memo(memo))


def test_a_revised_draft_of_a_loaded_plan_stands_in_for_it_under_its_id(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市大足区", "大足区规划.txt")  # 大足区's 修改稿, kept under its id
    _answers(document, {"id": "cq-dazu"})
    ran = planlint("check", str(document), "--format", "json", "--lang", "zh")
    assert ran.returncode == 1, ran.stderr
    assert (
        "planlint-drafts" not in ran.stderr
        and "大足区规划.txt 代替已载入的规划 cq-dazu 接受检查" in ran.stderr
    )
    report = json.loads(ran.stdout)
    assert [p["id"] for p in report["plans"]].count("cq-dazu") == 1
    assert {f["plan"] for f in report["findings"]} == {"cq-dazu"}
    own = {c["document"] for f in report["findings"] for c in f["citations"] if c["role"] == "plan"}
    assert own == {"大足区规划.txt"}, own  # the draft is judged, not the bundled plan
    english = planlint("check", str(document), "--lang", "en")
    assert "大足区规划.txt stands in for the loaded plan cq-dazu" in english.stderr, english.stderr


def test_two_documents_revising_one_loaded_plan_are_still_bad_input(tmp_path: Path) -> None:
    first = _document(tmp_path, "重庆市大足区", "大足区规划.txt")
    second = _document(tmp_path, "重庆市大足区", "大足区规划二稿.txt")
    _answers(first, {"id": "cq-dazu"})
    _answers(second, {"id": "cq-dazu"})
    ran = planlint("check", str(first), str(second), "--lang", "zh")
    assert ran.returncode == 2 and f"{first} 与 {second} 的规划 id 同为 'cq-dazu'" in ran.stderr
    assert "planlint-drafts" not in ran.stderr


def test_bad_input_beside_a_draft_never_names_its_temporary_file(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for plan in (REPO / "plans").glob("*.yaml"):
        (plans / plan.name).write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
    (plans / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")  # the plans cannot all be read
    document = _document(tmp_path, "重庆市大足区", "大足区规划.txt")
    _answers(document, {"id": "cq-dazu"})
    ran = planlint("check", str(plans), str(document), "--lang", "zh")
    assert ran.returncode == 2 and "broken.yaml" in ran.stderr
    assert "planlint-drafts" not in ran.stderr and "大足区规划.txt" in ran.stderr, ran.stderr


def test_explain_of_a_draft_finding_quotes_the_drafts_own_line(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区", "南川区规划.txt")
    code, report = _json(str(document))
    cited = next(
        (f["id"], c["line"])
        for f in report["findings"]
        for c in f["citations"]
        if c["role"] == "plan" and c.get("line")
    )
    finding, line = cited
    ran = planlint("explain", finding, str(document), "--lang", "zh")
    assert ran.returncode == 0, ran.stderr
    said = document.read_text(encoding="utf-8").splitlines()[line - 1].strip()
    quotes = [q for q in ran.stdout.splitlines() if q.strip().startswith("> ")]
    assert any(said in q for q in quotes), ran.stdout


def test_a_folder_of_plan_documents_says_to_name_them(tmp_path: Path) -> None:
    """A county's folder of drafts holds no plan files: the error says how to check the documents."""
    (tmp_path / "大足区规划.txt").write_text("重庆市大足区矿产资源总体规划\n", encoding="utf-8")
    zh = planlint("check", str(tmp_path), "--lang", "zh")
    assert zh.returncode == 2 and "Traceback" not in zh.stderr
    assert (
        f"规划文本（.docx、.txt、.md）请直接逐个列出：planlint check {tmp_path / '大足区规划.txt'}"
        in zh.stderr
    )
    en = planlint("check", str(tmp_path), "--lang", "en")
    assert en.returncode == 2 and "are checked when named one by one" in en.stderr
    (tmp_path / "大足区规划.txt").unlink()
    assert "请直接逐个列出" not in planlint("check", str(tmp_path), "--lang", "zh").stderr


def test_a_document_of_another_district_never_stands_in_for_a_loaded_plan(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市巴南区", "巴南区规划.txt")
    _answers(document, {"id": "cq-dazu"})  # an answers file copied from 大足区's
    ran = planlint("check", str(document), "--lang", "zh")
    assert ran.returncode == 2, ran.stderr
    said = "巴南区规划.txt 为重庆市巴南区的规划，cq-dazu 为重庆市大足区的规划：答复文件中的 id 是否写错？"
    assert said in ran.stderr and "代替" not in ran.stderr, ran.stderr
    english = planlint("check", str(document), "--lang", "en")
    assert english.returncode == 2
    assert "巴南区规划.txt is the plan of 重庆市巴南区, cq-dazu that of 重庆市大足区" in english.stderr, (
        english.stderr
    )


def test_a_waiver_names_a_drafts_numeric_default_id_unquoted(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市南川区", "南川区规划.txt")  # its id: 500119, 南川区's code
    code, report = _json(str(document))
    finding = next(f["id"] for f in report["findings"] if f["severity"] == "error")
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        f"schema: planlint/waivers/v1\nwaivers:\n  - finding: {finding}\n    plan: 500119\n"
        "    reason: 经论证\n    approver: 重庆市规划和自然资源局\n",
        encoding="utf-8",
    )
    code, waived = _json(str(document), "--waivers", str(waivers))
    assert "stderr" not in waived, waived
    assert next(f for f in waived["findings"] if f["id"] == finding)["waived"], finding


def test_a_draft_of_a_loaded_plans_place_under_its_own_id_is_told_how_to_revise_it(tmp_path: Path) -> None:
    document = _document(tmp_path, "重庆市大足区", "大足区规划.txt")  # no answers file: its id is 500111
    ran = planlint("check", str(document), "--lang", "zh")
    said = "500111 与已载入的规划 cq-dazu 同属重庆市大足区：若为其修改稿，请在 大足区规划.planlint.yaml 中写 id: cq-dazu"
    assert said in ran.stderr, ran.stderr
    english = planlint("check", str(document), "--lang", "en")
    assert "500111 and the loaded plan cq-dazu are both of 重庆市大足区" in english.stderr, english.stderr
    other = _document(tmp_path, "重庆市南川区", "南川区规划.txt")  # no bundled plan of 南川区
    assert "同属" not in planlint("check", str(other), "--lang", "zh").stderr
