"""`--format docx`: a Word 审查意见 per plan with the verdict, the problem, both texts, the norm and the change."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from planlint import api
from planlint.report import Options, render_binary
from planlint.review import Waiver, review, verdict_text
from planlint.synth.run import generate
from planlint.synth.shape import Shape
from tests.cli import planlint
from tests.test_report_markdown import SEEDS


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_memo_has_a_section_and_verdict_per_plan_and_each_finding() -> None:
    report = api.check(api.load())
    text = _paragraphs(render_binary("docx", report, Options(lang="zh")))
    judged = [p for p in report.plans if p.judged]
    assert [t for t in text if t.startswith("关于《")] == [f"关于《{p.name}》的审查意见" for p in judged]
    assert sum(t.startswith("审查结论：") for t in text) == len(judged)
    assert "审查结论：需修改（错误 1 个，警告 0 个，提示 0 个）" in text  # cq-banan
    listed = [t.removeprefix("问题编号：") for t in text if t.startswith("问题编号：")]
    assert sorted(listed) == sorted(f.id for f in report.findings)
    required = "不低于 20 万立方米（大型矿床） / 10 万立方米（中型矿床） / 5 万立方米（小型矿床）"
    assert f"修改要求：将本规划地热（新设矿山）最低开采规模调整为{required}（cq 的规定）" in text
    assert any(t.startswith("依据：市县级矿产资源总体规划编制要点") for t in text)


def test_memo_verdict_line_counts_passes_only_when_asked() -> None:
    project = api.load()
    report = api.check(project, passes=True)
    text = _paragraphs(render_binary("docx", report, Options(lang="zh")))
    held = report.passes_of("cq-banan")
    assert held > 0
    assert f"审查结论：需修改（错误 1 个，警告 0 个，提示 0 个）；已核查并符合：{held} 项比对" in text
    plain = _paragraphs(render_binary("docx", api.check(project), Options(lang="zh")))
    assert not any("已核查并符合" in t for t in plain)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs the seed documents in ../shared/seeds")
def test_memo_quotes_both_documents_with_docs() -> None:
    report = api.check(api.load(), ["cq-banan"])
    text = _paragraphs(render_binary("docx", report, Options(lang="zh", docs=SEEDS)))
    assert (
        "本规划原文：「地热:新建矿山的最低开采规模为5万立方米/年。」 — 000_4729b6005d3d87fd.txt 四（二）3 第 260 行"
        in text
    )
    assert any(t.startswith("上级规划（cq）原文：「地热 万立方米 20」") for t in text)


def test_waived_finding_says_by_whom_and_does_not_change_the_verdict_to_revise() -> None:
    report = api.check(api.load(), ["cq-banan"])
    error = next(f for f in report.findings if f.severity == "error")
    waiver = Waiver(error.id, "经论证同意", "重庆市规划和自然资源局", "渝规资〔2023〕12号", None)
    text = _paragraphs(render_binary("docx", review(report, [waiver]), Options(lang="en")))
    assert "Waived: 经论证同意 (重庆市规划和自然资源局, 渝规资〔2023〕12号)" in text
    assert any(t.startswith(f"Verdict: {verdict_text('review', 'en')} (0 error(s) (+1 waived)") for t in text)


def test_docx_needs_output_and_writes_it(tmp_path: Path) -> None:
    run = planlint("check", "-f", "docx")
    assert run.returncode == 2 and "--output" in run.stderr and "Traceback" not in run.stderr
    memo = tmp_path / "memo.docx"
    run = planlint("check", "-f", "docx", "-o", str(memo), "--lang", "en")
    assert run.returncode == 1, run.stderr  # the bundled plans have errors: --fail-on still applies
    assert _paragraphs(memo.read_bytes())[0] == "Review memo: mineral resource master plans"


def test_memo_of_a_plan_run_says_what_it_could_not_judge() -> None:
    """A --plan round against a full baseline: the memo counts the other plans' findings, not as resolved."""
    full = api.check(api.load())
    alone = api.check(api.load(only=["gs-baiyin-huining"]), ["gs-baiyin-huining"])
    other = next(f for f in full.findings if f.plan == "cq-banan")
    waiver = Waiver(other.id, "经论证，同意", "重庆市规划和自然资源局")
    reviewed = review(alone, [waiver], frozenset(f.id for f in full.findings))
    assert reviewed.review is not None and reviewed.review.resolved == ()
    text = _paragraphs(render_binary("docx", reviewed, Options(lang="zh")))
    assert not any(t.startswith("上轮提出") for t in text)
    assert (
        "基线中 15 个问题、1 条豁免所属的规划本次未检查（本次只检查了 gs-baiyin-huining），不计为已解决或失效"
        in text
    )


def test_each_quoted_text_is_labelled_with_the_plan_it_comes_from(tmp_path: Path) -> None:
    """A children's sum over a parent's cap (PL201) is printed on one child and quotes every child's row: only
    the child's own row is 本规划原文; each other child's is labelled with its name and id."""
    generate(tmp_path, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    report = api.check(api.load([tmp_path / "plans"]))
    finding = next(f for f in report.findings if f.rule == "PL201")
    others = sorted({c.plan for c in finding.citations if c.role == "plan" and c.plan != finding.plan})
    assert others  # the finding quotes another child's row
    text = _paragraphs(render_binary("docx", report, Options(lang="zh")))
    start = text.index(f"问题编号：{finding.id}")
    quoted = [t for t in text[start - 8 : start] if "原文：" in t]
    names = {p.id: p.name for p in report.plans}
    own = [t for t in quoted if t.startswith("本规划原文：")]
    assert len(own) == 1 and f"{finding.plan}.txt" in own[0]
    for plan in others:
        assert any(
            t.startswith(f"规划《{names[plan]}》（{plan}）原文：") and f"{plan}.txt" in t for t in quoted
        )
    assert any(t.startswith(f"上级规划（{finding.against}）原文：") for t in quoted)


def _sections(report, lang: str = "zh") -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Each judged plan's memo section (its paragraphs after its heading), by plan id."""
    text = _paragraphs(render_binary("docx", report, Options(lang=lang)))
    about = "关于《{}》的审查意见" if lang == "zh" else "Review of {}"
    starts = {text.index(about.format(p.name)): p.id for p in report.plans if p.judged}
    bounds = sorted(starts) + [len(text)]
    return {starts[a]: text[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)}


@pytest.fixture(scope="module")
def partial_nation(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A synthetic nation where p01-c02 is only partly known: its note is said once, on p01-c02-k01."""
    root = tmp_path_factory.mktemp("nation")
    generate(root, Shape.per(2, 2, 3, 1), seed=5, violations=1)
    return api.check(api.load([root / "plans"]))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_memo_section_restates_a_partial_ancestor_note_said_under_another_plan(
    partial_nation, lang: str
) -> None:  # type: ignore[no-untyped-def]
    note = next(f for f in partial_nation.findings if f.kind == "partial_ancestor")
    sections = _sections(partial_nation, lang)
    restated = {
        "zh": f"上级规划 {note.against} 仅部分已知：只按已记录的内容核对，未记录的内容未知（{note.id}）；须取得其全文人工核对",
        "en": f"The ancestor {note.against} is only partly known: checked only against what is recorded, the rest is unknown ({note.id}); obtain its full text and check by hand",
    }[lang]
    others = [p for p in note.concerns if p != note.plan]
    assert others
    for plan in others:
        assert restated in sections[plan], (plan, sections[plan])
    assert restated not in sections[note.plan]  # there the note itself is listed
    quiet = next(p for p in others if not partial_nation.by_plan.get(p))  # no finding of its own
    assert not any(t in ("未发现问题。", "No findings.") for t in sections[quiet]), sections[quiet]


def test_a_memo_section_with_no_findings_says_so_once(partial_nation) -> None:  # type: ignore[no-untyped-def]
    sections = _sections(partial_nation)
    clean = [p for p, said in sections.items() if "审查结论：通过（错误 0 个，警告 0 个，提示 0 个）" in said]
    assert clean
    for plan in clean:
        assert sum("未发现问题" in t for t in sections[plan]) == 1, sections[plan]
