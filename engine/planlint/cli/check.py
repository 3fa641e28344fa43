"""The commands that judge plans against their ancestors: check, and requirements (the drafting checklist)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planlint.cli.exits import keep_until_exit
from planlint.cli.options import (
    DocsOpt,
    LangOpt,
    ParentOpt,
    PathsArg,
    PlanOpt,
    RulesOpt,
    chosen_lang,
    collector_off,
)
from planlint.cli.rounds import (
    BaselineOpt,
    FailOnOpt,
    FormatOpt,
    OutputOpt,
    PassesOpt,
    Round,
    WaiversOpt,
    check_round,
    counts_passes_only,
    finish,
)
from planlint.errors import Exit, PlanlintError

if TYPE_CHECKING:
    from planlint.api import Project
    from planlint.i18n import Lang
    from planlint.report.sources import Texts


def check(
    paths: PathsArg = None,
    plan: PlanOpt = None,
    rules: RulesOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = "error",
    lang: LangOpt = None,
    docs: DocsOpt = None,
    waivers: WaiversOpt = None,
    baseline: BaselineOpt = None,
    show_passes: PassesOpt = False,
    parent: ParentOpt = None,
) -> Exit:
    """Check every plan against each of its ancestors and itself, and report the findings.

    A plan document among the paths (DRAFT.docx, .txt, .md) is extracted in memory, its answers
    (DRAFT.planlint.yaml) applied, and judged against the other paths' plans (default: the bundled ones).
    """
    collector_off()
    from planlint import api

    format = check_round(format, output, fail_on, docs)
    language = chosen_lang(lang)
    project, drafted, texts = load_judged(paths or [], rules or [], parent or [], plan or [], language)
    plan = plan or drafted or None
    report = api.check(project, plan, passes=show_passes, count_passes_only=counts_passes_only(format))
    keep_until_exit(project, report)
    if docs is not None:
        _warn_unverifiable(docs, project, texts, language)
    return finish(
        report,
        Round(
            format,
            output,
            fail_on,
            language,
            docs,
            waivers,
            baseline,
            show_passes,
            texts=texts,
            documents=_documents_given(paths or [], drafted),
        ),
    )


def _documents_given(paths: list[Path], drafted: list[str]) -> dict[str, Path]:
    """Each plan document among the paths, as given, by the id of its draft (the drafts are in their order)."""
    from planlint.drafts import is_document

    return dict(zip(drafted, [p for p in paths if is_document(p)], strict=True))


def _warn_unverifiable(docs: Path, project: Project, texts: Texts, lang: Lang) -> None:
    """With --docs, say which citations cannot be shown (document missing, line past its end): never silence.
    The plan documents read in this run are quoted from their own text (`texts`), not looked for in --docs."""
    from planlint.report.sources import unverifiable

    word = "警告" if lang == "zh" else "warning"
    for warning in unverifiable(docs, project.hierarchy.loaded.values(), texts):
        sys.stderr.write(f"planlint: {word}: {warning.render(lang)}\n")


def load_judged(
    paths: list[Path], rules: list[Path], parent: list[str], plans: list[str], lang: Lang = "en"
) -> tuple[Project, list[str], Texts]:
    """The plans, with any plan documents among the paths extracted and settled; the documents' plan ids,
    and each one's text as read (by plan id, to quote). A document judged in place of a loaded plan of its
    id (a revision) is said on stderr.

    With `plans` (`--plan`) and no document, only what checking those plans needs is loaded.
    """
    from planlint import api
    from planlint.drafts import is_document, load_with_drafts, unsettled
    from planlint.loader import InputErrors

    documents = [p for p in paths if is_document(p)]
    if not documents:
        if parent:
            raise PlanlintError(
                "--parent applies to a plan document (DRAFT.docx) only",
                field="--parent",
                zh="--parent 只适用于规划文档（如 DRAFT.docx）",
            )
        return api.load(paths or None, rules, only=plans or None), [], {}
    others = [p for p in paths if p not in documents] or None
    loaded = load_with_drafts(documents, others, rules, parent)
    project, ids, texts = loaded.project, loaded.ids, loaded.texts
    for plan_id, document in loaded.standing_in.items():
        _note_standing_in(plan_id, document, lang)
    for plan_id, loaded_id in loaded.same_place.items():
        document = documents[ids.index(plan_id)]
        _note_same_place(plan_id, loaded_id, project.hierarchy.plan(plan_id).jurisdiction, document, lang)
    problems = [
        PlanlintError(
            en,
            path=f"{document} (answers: {document.stem}.planlint.yaml)",
            field=field,
            zh=zh,
            path_zh=f"{document}（答复文件：{document.stem}.planlint.yaml）",
        )
        for plan_id, document in zip(ids, documents, strict=True)
        for field, en, zh in unsettled(project, plan_id)
    ]
    if problems:
        raise InputErrors(problems)
    return project, ids, texts


def _note_standing_in(plan_id: str, document: Path, lang: Lang) -> None:
    if lang == "zh":
        said = f"注意: {document.name} 代替已载入的规划 {plan_id} 接受检查"
    else:
        said = f"note: {document.name} stands in for the loaded plan {plan_id} and is judged in its place"
    sys.stderr.write(f"planlint: {said}\n")


def _note_same_place(plan_id: str, loaded_id: str, place: str, document: Path, lang: Lang) -> None:
    """A draft under its own id where a loaded plan is of its place: a revision of it wants that plan's id
    (its finding ids, waivers and baseline), written in the answers file."""
    answers = f"{document.stem}.planlint.yaml"
    if lang == "zh":
        said = f"注意: {plan_id} 与已载入的规划 {loaded_id} 同属{place}：若为其修改稿，请在 {answers} 中写 id: {loaded_id}"
    else:
        said = (
            f"note: {plan_id} and the loaded plan {loaded_id} are both of {place}: if this is its revision, "
            f"write id: {loaded_id} in {answers}"
        )
    sys.stderr.write(f"planlint: {said}\n")


def requirements(
    paths: PathsArg = None,
    plan: Annotated[str, typer.Option("--plan", help="The plan being drafted (its id).", metavar="ID")] = "",
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """List everything a plan's ancestors require of it, with citations: a drafting checklist."""
    from planlint import api
    from planlint.report.render import citation_text
    from planlint.requirements import CATEGORY_TEXT
    from planlint.requirements import requirements as gather

    if not plan:
        raise PlanlintError("--plan ID is required", field="--plan", zh="必须给出 --plan ID")
    chosen = chosen_lang(lang)
    project = api.load(paths, rules or (), only=[plan])
    current = None
    for item in gather(project, plan):
        if item.category != current:
            current = item.category
            typer.echo(f"\n{CATEGORY_TEXT[item.category][chosen]}")
        typer.echo(f"  - {item.text[chosen]}  [{citation_text(item.citation, chosen, terse=True)}]")
