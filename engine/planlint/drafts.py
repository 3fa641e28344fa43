"""A plan document as a bureau has it: extracted in memory, a person's answers applied, then judged.

from planlint import drafts
draft = drafts.extract_with_answers(Path("巴南.docx"), vocabulary)     # answers from 巴南.planlint.yaml
loaded = drafts.load_with_drafts([Path("巴南.docx")], plan_paths=None, parent=["cq"])
drafts.unsettled(loaded.project, loaded.ids[0])   # what a person must still answer (parent, regions, period)

The answers file (`DRAFT.planlint.yaml`, beside the document) holds what extraction cannot know or got
wrong, and is applied on top of every extraction, so it survives re-extraction:

    id: cq-banan
    parent: cq                      # or parents: [cq]
    level: county
    jurisdiction: 重庆市巴南区
    regions: [主城都市区]           # may be left out where the jurisdiction settles it
    period: {base: 2020, start: 2021, end: 2025}
    corrections:                    # the extracted items cited at a line: replace fields, or drop them
      - {line: 118, metric: mine_count, set: {op: "<="}}
      - {line: 131, drop: true}

A correction that matches no extracted item is bad input: an answer never silently stops applying.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from planlint.errors import PlanlintError
from planlint.loader import PLAN_DOCUMENT_SUFFIXES, InputErrors
from planlint.model import Level, Period, PlanId
from planlint.validation import input_errors
from planlint.yamlio import line_of, read_yaml

if TYPE_CHECKING:
    from planlint.api import Project
    from planlint.extract import Draft
    from planlint.planindex import Entry
    from planlint.vocabulary import Vocabulary

ITEM_LISTS = ("indicators", "zones", "counts", "baseline")
ANSWERED = {"id", "parents", "level", "jurisdiction", "regions", "period", "stage", "name"}


class Correction(BaseModel):
    """Fields to replace in (or the removal of) the extracted items cited at one line of the document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int
    metric: str | None = None
    mineral: str | None = None
    set: dict[str, Any] = {}
    drop: bool = False


class Answers(BaseModel):
    """A person's answers for one document: the plan's identity, and corrections of what was read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: PlanId | None = None
    parents: tuple[PlanId, ...] | None = None
    parent: PlanId | None = None
    level: Level | None = None
    jurisdiction: str | None = None
    name: str | None = None
    regions: tuple[str, ...] | None = None
    period: Period | None = None
    stage: str | None = None
    corrections: tuple[Correction, ...] = ()

    @field_validator("id", "parent", "jurisdiction", mode="before")
    @classmethod
    def _code(cls, value: object) -> object:
        """A division code as YAML reads it unquoted (`id: 500111`, the default id of 大足区), as text."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    def fields(self) -> dict[str, Any]:
        """The plan fields answered (`parent` read as `parents: [parent]`)."""
        answered = self.model_dump(exclude_none=True, exclude={"corrections", "parent"})
        if self.parent is not None:
            answered["parents"] = [self.parent, *(answered.get("parents") or ())]
        return answered


def is_document(path: Path) -> bool:
    """A plan document to extract (not a plan file or a directory of them)."""
    return path.suffix.lower() in PLAN_DOCUMENT_SUFFIXES and not path.is_dir()


def answers_path(document: Path) -> Path:
    """Where a document's answers live: 巴南.docx → 巴南.planlint.yaml, beside it."""
    return document.with_name(f"{document.stem}.planlint.yaml")


def read_answers(document: Path) -> Answers:
    """The answers beside the document (none when there is no answers file); bad answers are bad input."""
    path = answers_path(document)
    if not path.is_file():
        return Answers()
    data = read_yaml(path)
    if data is None:
        return Answers()
    if not isinstance(data, dict):
        raise PlanlintError(
            "an answers file is a mapping (id, parent, regions, period, corrections)",
            path,
            1,
            zh="答复文件应为映射（id、parent、regions、period、corrections）",
        )
    try:
        return Answers.model_validate(data)
    except ValidationError as error:
        raise InputErrors(input_errors(error, path)) from None


def extract_with_answers(
    document: Path,
    vocabulary: Vocabulary,
    *,
    plan_id: str | None = None,
    parent: Sequence[str] = (),
    level: str | None = None,
    lang: str = "en",
) -> Draft:
    """Extract the document, then apply its answers file; options given here win over the answers."""
    from planlint.extract import extract_document

    answers = read_answers(document)
    answered = answers.fields()
    draft = extract_document(
        document,
        plan_id=plan_id or answered.get("id"),
        parent=list(parent) or answered.get("parents"),
        level=level or answered.get("level"),
        vocabulary=vocabulary,
        lang=lang,
    )
    for key in ("id", "level", "parents"):
        answered.pop(key, None)
    draft.plan.update(answered)
    _correct(draft.plan, answers.corrections, answers_path(document))
    given = set(answered)
    given.update(key for key, value in (("id", plan_id), ("level", level), ("parents", parent)) if value)
    given.update(key for key in ("id", "level", "parents") if answers.fields().get(key))
    draft.needs_person[:] = [need for need in draft.needs_person if _field_of(need) not in given]
    return draft


def _field_of(need: str) -> str:
    """The plan field a 'needs a person' line is about (`regions: …` → regions)."""
    head = need.split(":", 1)[0].strip()
    return head if head in ANSWERED else ""


def _correct(plan: dict[str, Any], corrections: Sequence[Correction], path: Path) -> None:
    for index, correction in enumerate(corrections):
        hits = 0
        for key in ITEM_LISTS:
            kept = []
            for item in plan.get(key) or []:
                if _matches(item, correction):
                    hits += 1
                    if correction.drop:
                        continue
                    item = {**item, **correction.set}
                kept.append(item)
            plan[key] = kept
        if hits == 0:
            raise PlanlintError(
                f"no extracted item is cited at line {correction.line}"
                + (f" with metric {correction.metric}" if correction.metric else "")
                + (f" and mineral {correction.mineral}" if correction.mineral else "")
                + ": the document or the extraction changed; update or remove this correction",
                path=path,
                line=line_of(path, ("corrections", index)),
                field=f"corrections.{index}",
                zh=f"第 {correction.line} 行没有提取出的条目：文件或提取结果已变，请更新或删除此项更正",
            )


def _matches(item: dict[str, Any], correction: Correction) -> bool:
    cite = item.get("cite") or {}
    return (
        cite.get("line") == correction.line
        and (correction.metric is None or item.get("metric") == correction.metric)
        and (correction.mineral is None or item.get("mineral") == correction.mineral)
    )


@dataclass
class Drafted:
    """The documents extracted into plan files: each plan id's document, and its text as read."""

    folder: Path
    documents: dict[str, Path] = field(default_factory=dict)
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    jurisdictions: dict[str, str] = field(default_factory=dict)


@contextmanager
def drafts_folder(
    documents: Sequence[Path], vocabulary: Vocabulary, parent: Sequence[str] = ()
) -> Iterator[Drafted]:
    """The documents extracted (answers applied) into a temporary folder of plan files."""
    with tempfile.TemporaryDirectory(prefix="planlint-drafts-") as name:
        drafted = Drafted(Path(name))
        for document in documents:
            draft = extract_with_answers(document, vocabulary, parent=parent)
            plan_id = str(draft.plan["id"])
            if plan_id in drafted.documents:
                raise _same_id(plan_id, drafted.documents[plan_id], document)
            (drafted.folder / f"{plan_id}.yaml").write_text(draft.to_yaml(), encoding="utf-8")
            drafted.documents[plan_id] = document
            drafted.texts[plan_id] = draft.text
            drafted.jurisdictions[plan_id] = str(draft.plan.get("jurisdiction") or "")
        yield drafted


def _same_id(plan_id: str, first: Path, second: Path) -> PlanlintError:
    """Two documents read as one plan: bad input naming both, each to be given its own id in its answers."""
    files = f"{answers_path(first).name}, {answers_path(second).name}"
    files_zh = f"{answers_path(first).name}、{answers_path(second).name}"
    return PlanlintError(
        f"{first} and {second} are both plan {plan_id!r}: give each its own id: in its answers file ({files})",
        path=second,
        field="id",
        zh=f"{first} 与 {second} 的规划 id 同为 '{plan_id}'：请在各自的答复文件（{files_zh}）中写明不同的 id:",
    )


@dataclass(frozen=True)
class LoadedDrafts:
    """The plans loaded with the documents' drafts: the drafts' ids, each one's text as read (by id: what its
    citations' lines count, to quote), and the documents that stand in for a loaded plan of their id."""

    project: Project
    ids: list[str]
    texts: dict[str, tuple[str, ...]]
    standing_in: dict[str, Path]  # plan id → the document judged in place of the loaded plan of that id
    same_place: dict[str, str] = field(default_factory=dict)  # draft id → a loaded plan of its jurisdiction


def load_with_drafts(
    documents: Sequence[Path],
    plan_paths: Sequence[Path] | None = None,
    extra_rules: Sequence[Path] = (),
    parent: Sequence[str] = (),
) -> LoadedDrafts:
    """Load the plans (default: the bundled ones) with the documents' drafts.

    A draft with the id of a loaded plan is its revision (a 修改稿 answering the last round's 审查意见): it is
    judged in place of that plan, so the finding ids, waivers and baseline of the plan stay valid. A draft
    of another jurisdiction than that plan's is bad input (an answers file copied with its id:). A draft of
    a loaded plan's jurisdiction under another id is told (`same_place`): it may be meant as its revision.
    Bad input in a draft names the document (and the field), not the temporary file it was loaded from.
    """
    from planlint import api
    from planlint.paths import bundled_plans
    from planlint.vocabulary import load_vocabulary

    vocabulary = load_vocabulary(api.rule_directories(extra_rules))
    with drafts_folder(documents, vocabulary, parent) as drafted:
        folder, ids = drafted.folder, drafted.documents
        try:
            files, entries = _without_revised(plan_paths or [bundled_plans()], set(ids))
            _check_same_places(entries, drafted)
            # NOTE: only the drafts are judged: load just their lineage where the plan index can tell it.
            project = api.load([*files, folder], extra_rules, only=list(ids))
        except PlanlintError as error:
            raise _renamed(error, folder, ids) from None
    standing_in = {entry.id: ids[entry.id] for entry in entries if entry.id in ids}
    return LoadedDrafts(project, list(ids), drafted.texts, standing_in, _same_places(entries, drafted))


def _without_revised(paths: Sequence[Path], drafted: set[str]) -> tuple[list[Path], list[Entry]]:
    """The plan files under the paths less those of a plan a draft revises (same id), and what every file
    says it is (none when a file cannot be read: the load says which)."""
    from planlint import planindex
    from planlint.loader import plan_files

    files = plan_files(paths)
    entries = planindex.index(files)
    if entries is None:
        return files, []
    revised = {entry.path for entry in entries if entry.id in drafted}
    return [f for f in files if f not in revised], entries


def _place_code(jurisdiction: str) -> str | None:
    """The register's code of a jurisdiction (重庆市大足区 → 500111); None when the register cannot tell."""
    from planlint.places import register

    place = register().resolve(jurisdiction) if jurisdiction else None
    return place.code if place is not None else None


def _check_same_places(entries: Sequence[Entry], drafted: Drafted) -> None:
    """Bad input when a draft would stand in for a loaded plan of another jurisdiction (both known)."""
    for entry in entries:
        document = drafted.documents.get(entry.id)
        if document is None:
            continue
        own = drafted.jurisdictions[entry.id]
        codes = _place_code(own), _place_code(entry.jurisdiction)
        if None in codes or codes[0] == codes[1]:
            continue
        answers = answers_path(document)
        raise PlanlintError(
            f"{document.name} is the plan of {own}, {entry.id} that of {entry.jurisdiction}: "
            f"is the id in the answers file wrong?",
            path=answers,
            line=line_of(answers, ("id",)) if answers.is_file() else None,
            field="id",
            zh=f"{document.name} 为{own}的规划，{entry.id} 为{entry.jurisdiction}的规划：答复文件中的 id 是否写错？",
        )


def _same_places(entries: Sequence[Entry], drafted: Drafted) -> dict[str, str]:
    """Each draft under an id of its own → a loaded plan of the same jurisdiction (the first, by id)."""
    loaded = {entry.id for entry in entries}
    codes = {
        plan_id: _place_code(name) for plan_id, name in drafted.jurisdictions.items() if plan_id not in loaded
    }
    wanted = {code for code in codes.values() if code is not None}
    by_code: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.id) if wanted else ():
        code = _place_code(entry.jurisdiction)
        if code in wanted:
            by_code.setdefault(code, entry.id)
    return {plan_id: by_code[code] for plan_id, code in codes.items() if code in by_code}


def _renamed(error: PlanlintError, folder: Path, ids: dict[str, Path]) -> PlanlintError:
    """The error with every temporary draft file named by its document and answers file instead."""
    errors = error.errors if isinstance(error, InputErrors) else [error]
    for item in errors:
        if item.path and Path(item.path).parent == folder:
            document = ids.get(Path(item.path).stem)
            if document:
                item.path, item.path_zh = f"{document} (extracted)", f"{document}（提取所得）"
            item.line = None
        for plan_id, document in ids.items():
            temporary = str(folder / f"{plan_id}.yaml")
            answers = answers_path(document).name
            item.message = item.message.replace(temporary, f"{document} (answers: {answers})")
            item.zh = item.zh.replace(temporary, f"{document}（答复文件：{answers}）")
    return error


def unsettled(project: Project, plan_id: str) -> list[tuple[str, str, str]]:
    """What a person must still answer before the plan can be judged: (field, English, Chinese)."""
    hierarchy = project.hierarchy
    plan = hierarchy.plan(plan_id)
    needs = []
    if not plan.parents and plan.level != "national":
        needs.append(("parents", "no parent plan", "没有上级规划"))
    defined = sorted(hierarchy.regions_available(plan_id))
    if defined and not plan.regions:
        names = "、".join(defined)
        needs.append(
            (
                "regions",
                f"the plans above define the regions {names}; the jurisdiction does not settle which this "
                "plan lies in: answer regions: [...]",
                f"上级规划划定了区域 {names}，由辖区无法确定本规划所在区域：请在答复中写明 regions: [...]",
            )
        )
    return needs
