"""check-rights: the public rights pass, the made-up breaches give exactly their findings, the readers
(YAML, CSV, XLSX) agree and place every bad cell, the JSON contract holds, every format renders."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from planlint import api
from planlint.errors import PlanlintError
from planlint.rights import check_rights
from tests.cli import REPO, planlint

FIXTURES = REPO / "fixtures" / "rights"
REAL = FIXTURES / "chongqing-2022-2025.yaml"
BREACHES = FIXTURES / "breaches.yaml"
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

# right id → the (rule, plan) of every finding it must give, and nothing else
EXPECTED: dict[str, set[tuple[str, str]]] = {
    "X-BN-MAX": {("PL512", "cq-banan")},
    "X-BN-SMALL": {("PL510", "cq-banan"), ("PL510", "cq"), ("PL514", "cq-banan")},
    "X-BN-UNKNOWN": {("PL513", "cq-banan"), ("PL515", "cq-banan")},
    "X-BN-NOLIFE": {("PL515", "cq-banan")},
    "X-YC-CLAY": {("PL501", "cq")},
    "X-YC-COAL": {("PL503", "cq")},
    "X-YC-KIND": {("PL511", "cq")},
    "X-YC-LIFE": {("PL522", "cq")},
    "X-YC-TERM": {("PL510", "cq"), ("PL520", "cq")},
    "X-JB-YIELD": {("PL523", "cq")},
    "X-YC-ZONE": {("PL530", "cq")},
    "X-NC-ZONE": {("PL531", "cq")},
    "X-YC-RENEW": {("PL550", "cq")},
    "X-DZ-SR": {("PL510", "cq"), ("PL521", "cq-dazu")},
    "X-HN-ZONE-1": set(),
    "X-HN-ZONE-2": {("PL540", "gs-baiyin-huining"), ("PL541", "gs-baiyin-huining")},
    "X-HN-CLAY": {("PL502", "gs-baiyin-huining")},
    "X-DZ-GEO-1": set(),
    "X-DZ-GEO-2": {("PL532", "cq-dazu")},
}


@pytest.fixture(scope="module")
def project() -> api.Project:
    return api.load()


def _json(*args: str | Path) -> dict:  # type: ignore[type-arg]
    result = planlint("check-rights", *args, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_public_rights_meet_the_municipal_plan() -> None:
    result = planlint("check-rights", REAL, "--fail-on", "info")
    assert result.returncode == 0, result.stdout
    data = _json(REAL)
    assert data["findings"] == []
    assert {r["id"]: r["plans"][0] for r in data["rights"]} == {
        "YCGC202301": "cq",
        "FLGC202203": "cq",
        "FLGC202301": "cq",
        "JBGC202501": "cq",
    }


def test_each_breach_gives_exactly_its_findings() -> None:
    data = _json(BREACHES)
    found: dict[str, set[tuple[str, str]]] = {r["id"]: set() for r in data["rights"]}
    for finding in data["findings"]:
        found[finding["right"]].add((finding["rule"], finding["plan"]))
    assert found == EXPECTED
    assert planlint("check-rights", BREACHES).returncode == 1


def test_a_breach_cites_the_norm_the_plan_row_and_the_right() -> None:
    data = _json(BREACHES)
    finding = next(f for f in data["findings"] if f["right"] == "X-BN-SMALL" and f["plan"] == "cq")
    assert finding["severity"] == "error"
    assert finding["expected"] == {"op": ">=", "value": 100, "unit": "矿石 万吨"}
    assert finding["actual"] == {"op": "==", "value": 80, "unit": "万吨/年"}
    roles = [(c["role"], c.get("line")) for c in finding["citations"]]
    assert roles == [("norm", None), ("ancestor", 346), ("right", 13)]


def test_missing_information_names_what_is_missing_and_the_rows(project: api.Project) -> None:
    report = check_rights(project, BREACHES)
    finding = next(f for f in report.findings if f.right == "X-YC-KIND")
    assert "新设/整合扩能/增划资源类别" in finding.text("zh") and "矿床规模" in finding.text("zh")
    lines = sorted(c.line for c in finding.citations if c.role == "ancestor")
    assert lines == [303, 346]  # 专栏9 大型 ≥ 100 and 专栏10 主城都市区 新设 ≥ 100, not the rows it meets


def test_rights_of_a_county_with_a_plan_are_judged_against_it_and_its_ancestors() -> None:
    plans = {r["id"]: r["plans"] for r in _json(BREACHES)["rights"]}
    assert plans["X-BN-MAX"] == ["cq-banan", "cq", "cn"]
    assert plans["X-HN-CLAY"] == ["gs-baiyin-huining", "gs-baiyin", "gs", "cn"]
    assert plans["X-YC-ZONE"] == ["cq", "cn"]


def test_csv_and_xlsx_read_as_the_yaml(project: api.Project, tmp_path: Path) -> None:
    from planlint.rights.read import load_rights

    by_yaml = {i.right.id: i.right for i in load_rights(REAL, project.vocabulary)}
    by_csv = {
        i.right.id: i.right for i in load_rights(FIXTURES / "chongqing-2022-2025.csv", project.vocabulary)
    }
    workbook = _workbook(tmp_path / "rights.xlsx")
    by_xlsx = {i.right.id: i.right for i in load_rights(workbook, project.vocabulary)}
    for read in (by_csv, by_xlsx):
        assert read.keys() == by_yaml.keys()
        for right_id, right in read.items():
            expected = by_yaml[right_id]
            assert right.capacity == expected.capacity
            assert right.term_years == expected.term_years
            assert right.kind == expected.kind and right.mineral == expected.mineral
            assert (right.reserves.value, right.reserves.unit) == (
                expected.reserves.value,
                expected.reserves.unit,
            )  # type: ignore[union-attr]
    assert _json(FIXTURES / "chongqing-2022-2025.csv")["findings"] == []
    assert _json(workbook)["findings"] == []


def _workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    """The CSV fixture as a workbook the way notices lay it out: a title row, numbers without units."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["重庆市规划和自然资源局采矿权出让公告（汇总）"])
    sheet.append(
        [
            "项目编号",
            "采矿权名称",
            "地理位置",
            "矿种",
            "资源储量（万吨）",
            "生产规模（万吨/年）",
            "出让年限（年）",
            "类型",
        ]
    )
    for row in rows or [
        [
            "YCGC202301",
            "重庆市永川区红炉镇会龙桥村建筑石料用灰岩矿",
            "永川区红炉镇会龙桥村",
            "建筑石料用灰岩",
            5553.8,
            276,
            16.1,
            "新设",
        ],
        [
            "FLGC202203",
            "涪陵区百胜镇百兴村张家湾建筑石料用灰岩矿",
            "重庆市涪陵区百胜镇百兴村",
            "建筑石料用灰岩",
            10513.5,
            295,
            30,
            "新设",
        ],
        [
            "FLGC202301",
            "涪陵区罗云乡鱼亭子村檬子树脚建筑石料用灰岩矿",
            "重庆市涪陵区罗云镇鱼亭子村",
            "建筑石料用灰岩",
            7820.1,
            200,
            24,
            "新设",
        ],
        [
            "JBGC202501",
            "重庆市江北区铁山坪街道铜锣峡温泉",
            "江北区铁山坪街道铜锣峡中段",
            "地热",
            "21.9万立方米/年",
            "21.9万立方米/年",
            10,
            "新设",
        ],
    ]:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        (
            "bad-capacity.csv",
            "项目编号,采矿权名称,地理位置,矿种,生产规模\nA1,重庆市永川区某矿,重庆市永川区,建筑石料用灰岩,很大\n",
            ":2: 生产规模: ",
        ),
        (
            "no-unit.csv",
            "项目编号,采矿权名称,地理位置,矿种,生产规模\nA1,重庆市永川区某矿,重庆市永川区,建筑石料用灰岩,120\n",
            ":2: 生产规模: ",
        ),
        (
            "bad-kind.csv",
            "项目编号,采矿权名称,地理位置,矿种,生产规模,出让类型\nA1,重庆市永川区某矿,重庆市永川区,建筑石料用灰岩,120万吨/年,新开\n",
            ":2: 出让类型: ",
        ),
        (
            "mineral.csv",
            "项目编号,采矿权名称,地理位置,矿种,生产规模\nA1,重庆市永川区某矿,重庆市永川区,灰石头,120万吨/年\n",
            ":2: 矿种: ",
        ),
        ("header.csv", "编号,名字\n1,2\n", ":1: "),
        (
            "nowhere.csv",
            "项目编号,采矿权名称,地理位置,矿种,生产规模\nA1,某某矿,村口,建筑石料用灰岩,120万吨/年\n",
            ":2: 地理位置: ",
        ),
        (
            "duplicate.csv",
            "项目编号,采矿权名称,地理位置,矿种,生产规模\nA1,重庆市永川区某矿,重庆市永川区,建筑石料用灰岩,120万吨/年\nA1,重庆市永川区某矿二,重庆市永川区,建筑石料用灰岩,120万吨/年\n",
            ":3: id: duplicate",
        ),
        (
            "outside.csv",
            "项目编号,采矿权名称,地理位置,矿种,生产规模\nA1,湖北省松滋市某矿,湖北省松滋市,砖瓦用页岩,10万吨/年\n",
            ":2: jurisdiction: no loaded plan contains",
        ),
        (
            "mineral.yaml",
            "schema: planlint/rights/v1\nrights:\n  - id: A\n    name: n\n    jurisdiction: 重庆市永川区\n    mineral: 灰石头\n    capacity: {value: 1, unit: 万吨/年}\n",
            ":6: rights.0.mineral: ",
        ),
        (
            "field.yaml",
            "schema: planlint/rights/v1\nrights:\n  - id: A\n    name: n\n    jurisdiction: 重庆市永川区\n    mineral: 煤\n    capacity: {value: 1, unit: 万吨/年}\n    licence: x\n",
            ":8: rights.0.licence: unknown field",
        ),
        (
            "unit.yaml",
            "schema: planlint/rights/v1\nrights:\n  - id: A\n    name: n\n    jurisdiction: 重庆市永川区\n    mineral: 煤\n    capacity: {value: 1, unit: 万桶/年}\n",
            ":7: rights.0.capacity: ",
        ),
        ("schema.yaml", "schema: planlint/plan/v1\n", ":1: schema: not a rights file"),
    ],
)
def test_bad_input_is_located_and_exits_2(tmp_path: Path, name: str, text: str, where: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = planlint("check-rights", path)
    assert result.returncode == 2, result.stdout
    assert f"{path}{where}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_bad_xlsx_cell_names_sheet_row_and_column(tmp_path: Path) -> None:
    workbook = _workbook(
        tmp_path / "bad.xlsx", [["A1", "重庆市永川区某矿", "永川", "建筑石料用灰岩", 100, "一百", 10, "新设"]]
    )
    result = planlint("check-rights", workbook)
    assert result.returncode == 2
    assert f"{workbook}:3: 生产规模（万吨/年）: cannot read" in result.stderr


def test_gb18030_csv_as_spreadsheets_save_it(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes((FIXTURES / "chongqing-2022-2025.csv").read_text(encoding="utf-8").encode("gb18030"))
    assert _json(path)["findings"] == []


def test_json_contract_and_every_format(tmp_path: Path) -> None:
    data = _json(BREACHES)
    jsonschema.validate(
        data,
        {
            "type": "object",
            "required": ["tool", "plans", "summary", "findings", "rights"],
            "properties": {
                "rights": {
                    "type": "array",
                    "items": {"type": "object", "required": ["id", "name", "jurisdiction", "plans"]},
                },
                "findings": {
                    "type": "array",
                    "items": {"type": "object", "required": ["right", "plan", "id"]},
                },
            },
        },
    )
    sarif = json.loads(planlint("check-rights", BREACHES, "-f", "sarif").stdout)
    if SARIF_SCHEMA.exists():
        jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    for format in ("text", "markdown", "html"):
        result = planlint("check-rights", BREACHES, "-f", format, "--lang", "zh")
        assert result.returncode == 1 and "X-BN-SMALL" in result.stdout
    assert planlint("check-rights", BREACHES, "--fail-on", "never").returncode == 0
    output = tmp_path / "report.json"
    assert planlint("check-rights", BREACHES, "-f", "json", "-o", output).returncode == 1
    assert json.loads(output.read_text(encoding="utf-8"))["rights"]
    memo = tmp_path / "memo.docx"
    assert planlint("check-rights", BREACHES, "-f", "docx", "-o", memo).returncode == 1
    assert memo.stat().st_size > 0


def test_finding_ids_do_not_depend_on_the_file_order(project: api.Project, tmp_path: Path) -> None:
    text = BREACHES.read_text(encoding="utf-8")
    head, _, body = text.partition("rights:\n")
    entries = ["  - id:" + e for e in body.split("  - id:")[1:]]
    reordered = tmp_path / "reordered.yaml"
    reordered.write_text(head + "rights:\n" + "".join(reversed(entries)), encoding="utf-8")
    ids = {f.id for f in check_rights(project, BREACHES).findings}
    assert ids == {f.id for f in check_rights(project, reordered).findings}


def test_a_right_outside_every_plan_is_bad_input(project: api.Project, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "schema: planlint/rights/v1\nrights:\n  - id: A\n    name: n\n    jurisdiction: 湖北省松滋市\n"
        "    mineral: 砖瓦用页岩\n    capacity: {value: 10, unit: 万吨/年}\n",
        encoding="utf-8",
    )
    with pytest.raises(PlanlintError):
        check_rights(project, path)


def test_place_and_region_come_from_the_register(project: api.Project, tmp_path: Path) -> None:
    """永川 (by its GB/T 2260 code) lies in 主城都市区: 新设 ≥ 100; 万州 in 渝东北: 新设 ≥ 20 (001 专栏10)."""
    path = tmp_path / "rights.yaml"
    path.write_text(
        "schema: planlint/rights/v1\nrights:\n"
        "  - {id: A, name: 永川某矿, jurisdiction: '500118', mineral: 建筑石料用灰岩, kind: new, deposit: small,"
        " capacity: {value: 80, unit: 万吨/年}}\n"
        "  - {id: B, name: 万州某矿, jurisdiction: 万州区, mineral: 建筑石料用灰岩, kind: new, deposit: small,"
        " capacity: {value: 30, unit: 万吨/年}}\n",
        encoding="utf-8",
    )
    report = check_rights(project, path)
    found = {
        (f.right, f.rule, next(c.line for c in f.citations if c.role == "ancestor")) for f in report.findings
    }
    assert found == {("A", "PL510", 346)}
    assert {r.id: r.plans for r in report.rights} == {"A": ("cq", "cn"), "B": ("cq", "cn")}


def test_rules_and_explain_include_the_rights_rules() -> None:
    listed = planlint("rules", "--lang", "en")
    assert listed.returncode == 0 and "PL510" in listed.stdout and "PL101" in listed.stdout
    explained = planlint("explain", "PL520", "--lang", "zh")
    assert explained.returncode == 0, explained.stderr
    assert "矿产资源开采登记管理办法" in explained.stdout and "种类: 出让年限核对" in explained.stdout
    assert "kind: right_term" in planlint("explain", "PL520", "--lang", "en").stdout


def test_a_mine_whose_scale_class_cannot_be_told_says_why_in_words(project: api.Project) -> None:
    (finding,) = [f for f in check_rights(project, BREACHES).findings if f.rule == "PL521"]
    assert "（分类表中无适用的行）" in finding.message["zh"] and "?" not in finding.message["zh"]
    assert "(no row of the class table applies)" in finding.message["en"]
