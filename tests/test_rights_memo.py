"""check-rights' Word memo is a review of the rights (采矿权设置审查意见), not of the plans they are held against:
a verdict per right, its own record, each finding with the right's record, the plan's text and its place, the
norm and the change required, and the rights that conform listed."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from planlint import api
from planlint.findings import Report
from planlint.report import Options, render_binary
from planlint.report.words import word
from planlint.review import review, right_verdict, right_verdict_text
from planlint.rights import check_rights
from tests.cli import REPO, planlint
from tests.test_report_markdown import SEEDS

FIXTURES = REPO / "fixtures" / "rights"
FULING = FIXTURES / "fuling.csv"  # FLGC202203 conforms, FLGC202299 does not (docs/rights.md)
BREACHES = FIXTURES / "breaches.yaml"


@pytest.fixture(scope="module")
def project() -> api.Project:
    return api.load()


@pytest.fixture(scope="module")
def fuling(project: api.Project) -> Report:
    return review(check_rights(project, FULING))


@pytest.fixture(scope="module")
def breaches(project: api.Project) -> Report:
    return review(check_rights(project, BREACHES))


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def _memo(report: Report, lang: str = "zh", docs: Path | None = None) -> list[str]:
    return _paragraphs(render_binary("docx", report, Options(lang=lang, docs=docs)))  # type: ignore[arg-type]


def _section(text: list[str], heading: str) -> list[str]:
    """The paragraphs from `heading` to the next right's heading (or the list of conforming rights)."""
    start = text.index(heading)
    ends = [
        i for i, t in enumerate(text) if i > start and t.startswith(("关于采矿权", "符合规划的其他采矿权"))
    ]
    return text[start : ends[0] if ends else len(text)]


def test_memo_is_titled_a_review_of_the_rights_not_of_the_plans(fuling: Report) -> None:
    text = _memo(fuling)
    assert text[0] == "采矿权与矿产资源规划符合性审查意见"
    assert "共审查 2 个采矿权：1 个符合规划、1 个不符合规划。" in text[2]
    assert not any(t.startswith("关于《") for t in text)  # no section per plan
    assert not any(verdict in t for t in text for verdict in ("需修改", "通过（"))  # the plans' verdicts


def test_each_right_gets_one_verdict_line_with_its_verdict(breaches: Report) -> None:
    text = _memo(breaches)
    for right in breaches.rights:
        verdict = right_verdict_text(right_verdict(breaches, right.id), "zh")
        lines = [t for t in text if right.id in t and (t.startswith("审查结论") or f"：{verdict}" in t)]
        sections = [t for t in text if t == f"关于采矿权 {right.id}（{right.name}）的审查意见"]
        if breaches.by_right.get(right.id):  # a section of its own, opening with its verdict line
            assert len(sections) == 1
            section = _section(text, sections[0])
            assert [t for t in section if t.startswith("审查结论：")] == [
                f"审查结论：{verdict}{_counts(breaches, right.id)}"
            ]
        else:  # listed among the rights that conform, with its verdict
            assert sections == [] and verdict == "符合规划"
            assert len(lines) == 1 and lines[0].startswith(f"{right.id} {right.name}：符合规划")
    listed = [t.removeprefix("问题编号：") for t in text if t.startswith("问题编号：")]
    assert sorted(listed) == sorted(f.id for f in breaches.findings)


def _counts(report: Report, right_id: str) -> str:
    counts = report.right_summary(right_id)
    return f"（错误 {counts['error']} 个，警告 {counts['warning']} 个，提示 {counts['info']} 个）"


def test_a_finding_quotes_the_rights_record_the_plans_text_the_norm_and_the_change(fuling: Report) -> None:
    text = _memo(fuling)
    section = _section(text, "关于采矿权 FLGC202299（涪陵区某镇某村建筑石料用灰岩矿（示例））的审查意见")
    record = (
        "采矿权记录：地理位置 涪陵区某镇某村；矿种 建筑石料用灰岩；出让类型 未注明；生产规模 60 万吨/年；"
        "资源储量 1500 万吨；出让年限 30 年 — fuling.csv FLGC202299 第 3 行"
    )
    assert section[2] == "理由：2 个错误：PL520、PL522；1 个警告：PL511"
    assert record in section  # the right's own record under its verdict
    assert (
        "对照规划：重庆市矿产资源总体规划（2021—2025年）（cq）、全国矿产资源规划（2021—2025年）（cn）"
        in section
    )
    warning = section[section.index("3. [警告] PL511 缺少信息，无法判断是否达到最低开采规模") :]
    assert warning[1].startswith("问题：采矿权 FLGC202299（涪陵区某镇某村建筑石料用灰岩矿（示例））")
    assert warning[2] == record  # each finding holds the right's record …
    plan = "规划《重庆市矿产资源总体规划（2021—2025年）》（cq）原文："
    assert warning[3].startswith(plan) and "001_c4a5b5da5bc9cb10.txt 五（三） 专栏9 第 303 行" in warning[3]
    assert warning[4].startswith(plan) and "专栏10 第 346 行" in warning[4]  # … against the plan's rows
    assert warning[5].startswith("依据：重庆市矿产资源总体规划（2021—2025年） · 专栏9、专栏10")
    assert warning[6].startswith("修改要求：")
    assert warning[7] == "问题编号：PL511-615123c470"


def test_the_rights_that_conform_are_listed(fuling: Report) -> None:
    text = _memo(fuling)
    start = text.index("符合规划的其他采矿权（1 个，未发现问题）")
    assert text[start + 1].startswith(
        "FLGC202203 涪陵区百胜镇百兴村张家湾建筑石料用灰岩矿：符合规划；采矿权记录：地理位置 涪陵区百胜镇百兴村；"
    )
    assert not any(t.startswith("关于采矿权 FLGC202203") for t in text)


def test_a_batch_finding_quotes_the_other_rights_of_the_batch(breaches: Report) -> None:
    text = _memo(breaches)
    section = _section(text, "关于采矿权 X-DZ-GEO-2（大足区拾万镇地热井二）的审查意见")
    assert any(t.startswith("采矿权记录：矿种 地热") and "breaches.yaml X-DZ-GEO-2" in t for t in section)
    assert any(t.startswith("同批采矿权：X-DZ-GEO-1 大足区拾万镇地热井一：矿种 地热") for t in section)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs the seed documents in ../shared/seeds")
def test_with_docs_the_plans_text_is_quoted(fuling: Report) -> None:
    text = _memo(fuling, docs=SEEDS)
    assert (
        "规划《重庆市矿产资源总体规划（2021—2025年）》（cq）原文：「建筑石料用灰岩 矿石 万吨 100/50」 — "
        "001_c4a5b5da5bc9cb10.txt 五（三） 专栏10 第 346 行"
    ) in text


def test_english_memo(fuling: Report) -> None:
    text = _memo(fuling, "en")
    assert text[0] == word("memo.rights_title", "en")
    assert "Review of right FLGC202299 (涪陵区某镇某村建筑石料用灰岩矿（示例）)" in text
    assert "Verdict: does not conform to the plans (2 error(s), 1 warning(s), 0 info)" in text
    assert any(
        t.startswith("The right's record: location 涪陵区某镇某村; mineral 建筑石料用灰岩") for t in text
    )
    assert any(t.startswith("The plan 重庆市矿产资源总体规划（2021—2025年） (cq) says: ") for t in text)
    assert not any("原文" in t or "审查" in t for t in text)


def test_check_rights_writes_the_rights_memo(tmp_path: Path) -> None:
    memo = tmp_path / "审查意见.docx"
    run = planlint("check-rights", str(FULING), "-f", "docx", "-o", str(memo), "--lang", "zh")
    assert run.returncode == 1, run.stderr  # FLGC202299 has errors: --fail-on still applies
    assert _paragraphs(memo.read_bytes())[0] == "采矿权与矿产资源规划符合性审查意见"
