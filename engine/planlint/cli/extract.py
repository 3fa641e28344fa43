"""The `planlint extract` command: a draft plan file from a plan document (.txt, .md, .docx).

The draft goes to `-o FILE` or stdout; what could not be read, and what a person must still supply, is
printed to stderr and kept as a comment block at the end of the draft. A person's answers
(`DOC.planlint.yaml` beside the document: planlint.drafts) are applied on top of every extraction. Exit 0
when the draft loads with the plans above it (default: the bundled plans) and its parent, regions and period
are settled; 1 while a person must still answer; 2 for bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planlint.cli.options import LangOpt, chosen_lang
from planlint.errors import Exit, PlanlintError
from planlint.errortext import os_error_en, os_error_zh

if TYPE_CHECKING:
    from planlint.extract import Draft
    from planlint.i18n import Lang

# NOTE: whether parent and regions are settled is known only against the plans above, not while reading.
SETTLED_BY_LOADING = ("parents:", "regions:")


def extract(
    document: Annotated[
        Path,
        typer.Argument(help="The plan document: .txt, .md or .docx.", show_default=False, metavar="FILE"),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the draft here (default: stdout).", metavar="FILE"),
    ] = None,
    plan_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="The plan's id (default: the jurisdiction's code in the register of places, else made from the "
            "file name).",
            metavar="ID",
        ),
    ] = None,
    parent: Annotated[
        list[str] | None,
        typer.Option("--parent", help="Id of a plan this one must conform to; repeatable.", metavar="ID"),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level", help="national, province, city or county (default: from the name).", metavar="LEVEL"
        ),
    ] = None,
    rules: Annotated[
        list[Path] | None,
        typer.Option("--rules", help="Extra rule directory (vocabularies); repeatable.", metavar="DIR"),
    ] = None,
    plans: Annotated[
        list[Path] | None,
        typer.Option(
            "--plans",
            help="The plans above this one (default: the bundled plans/); repeatable.",
            metavar="PATH",
        ),
    ] = None,
    lang: LangOpt = None,
) -> Exit:
    """Extract a draft plan file (format v1, with line citations) from a plan document."""
    from planlint import api
    from planlint.drafts import answers_path, extract_with_answers
    from planlint.vocabulary import load_vocabulary

    if output is not None:
        _check_output(output)
    chosen = chosen_lang(lang)
    vocabulary = load_vocabulary(api.rule_directories(rules or ()))
    draft = extract_with_answers(
        document, vocabulary, plan_id=plan_id, parent=parent or (), level=level, lang=chosen
    )
    problems = draft.problems(vocabulary)
    unsettled = [] if problems else _settle(draft, plans, rules or [], chosen)
    draft.needs_person[:] = [n for n in draft.needs_person if not n.startswith(SETTLED_BY_LOADING)]
    text = draft.to_yaml()
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise PlanlintError(
                f"-o: cannot write the draft: {os_error_en(error)}",
                path=output,
                zh=f"-o 无法写入草稿：{os_error_zh(error)}",
            ) from None
    _report(draft, problems, unsettled, output)
    if problems or unsettled:
        sys.stderr.write("  " + _REPORT[chosen]["answers"].format(path=answers_path(document)) + "\n")
        return Exit.FINDINGS
    return Exit.OK


def _check_output(output: Path) -> None:
    """Refuse an -o that cannot be written before the document is read (a folder, a missing folder)."""
    if output.is_dir():
        raise PlanlintError(
            "-o: a directory; give a file name for the draft", path=output, zh="-o 是目录，请给出草稿的文件名"
        )
    if not output.parent.is_dir():
        raise PlanlintError(
            f"-o: no such directory {str(output.parent)!r}",
            path=output,
            zh=f"-o 所在目录 {str(output.parent)!r} 不存在",
        )


def _settle(draft: Draft, plans: list[Path] | None, rules: list[Path], lang: Lang) -> list[str]:
    """Load the draft with the plans above it: fill in the parent and regions found, or say what is missing."""
    import tempfile

    from planlint import api
    from planlint.drafts import unsettled
    from planlint.loader import InputErrors
    from planlint.paths import bundled_plans

    with tempfile.TemporaryDirectory(prefix="planlint-extract-") as folder:
        path = Path(folder) / f"{draft.plan['id']}.yaml"
        path.write_text(draft.to_yaml(), encoding="utf-8")
        try:
            project = api.load([*(plans or [bundled_plans()]), Path(folder)], rules)
        except PlanlintError as error:
            errors = error.errors if isinstance(error, InputErrors) else [error]
            return [f"{e.field}: {e.zh if lang == 'zh' and e.zh else e.message}" for e in errors]
    settled = project.hierarchy.plan(draft.plan["id"])
    draft.plan["parents"], draft.plan["regions"] = list(settled.parents), list(settled.regions)
    return [f"{field}: {zh if lang == 'zh' else en}" for field, en, zh in unsettled(project, settled.id)]


_REPORT = {
    "en": {"draft": "planlint extract: draft {where}: {counts}", "stdout": "written to stdout",
           "file": "written to {output}", "invalid": "does not validate yet", "settle": "not settled",
           "unparsed": "unparsed: {n} item(s) (also listed at the end of the draft)",
           "answers": "answers go in {path} (id, parent, regions, period, corrections); they survive "
                      "re-extraction"},
    "zh": {"draft": "planlint extract：草稿{where}：{counts}", "stdout": "已写到标准输出",
           "file": "已写入 {output}", "invalid": "尚不能通过校验", "settle": "尚未确定",
           "unparsed": "未能解析：{n} 项（草稿末尾也有列出）",
           "answers": "答复请写入 {path}（id、parent、regions、period、corrections），重新提取后仍然有效"},
}  # fmt: skip
_KEYS_ZH = {"indicators": "条指标", "zones": "个分区", "counts": "项数量", "baseline": "项基期数据"}


def _report(draft: Draft, problems: list[str], unsettled: list[str], output: Path | None) -> None:
    """What was extracted, what a person must still supply and what was left unparsed, on stderr."""
    from planlint.extract.words import LABELS, zh

    lang = draft.lang
    words, labels = _REPORT[lang], LABELS[lang]
    say = zh if lang == "zh" else str
    plan = draft.plan
    counts = ", ".join(
        f"{len(plan.get(key) or [])}{_KEYS_ZH[key] if lang == 'zh' else ' ' + key}"
        for key in ("indicators", "zones", "counts", "baseline")
    )
    where = words["file"].format(output=output) if output else words["stdout"]
    err = sys.stderr
    err.write(words["draft"].format(where=where, counts=counts) + "\n")
    for warning in draft.warnings:
        err.write(f"  {labels['warning']}: {say(warning)}\n")
    for need in draft.needs_person:
        err.write(f"  {labels['needs']}: {say(need)}\n")
    for problem in problems:
        err.write(f"  {words['invalid']}: {problem}\n")
    for line in unsettled:
        err.write(f"  {words['settle']}: {line}\n")
    err.write(f"  {words['unparsed'].format(n=len(draft.unparsed))}\n")
    for item in sorted(draft.unparsed, key=lambda u: u.line):
        err.write(f"    {item.describe(lang)}\n")
