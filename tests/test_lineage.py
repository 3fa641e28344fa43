"""Checking one plan loads only what it needs (`api.load(only=...)`, `check --plan`), with the same findings."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from planlint import api, planindex
from planlint.errors import PlanlintError
from planlint.loader import plan_files
from planlint.report import Options, render
from planlint.synth.run import generate
from planlint.synth.shape import Shape


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nation")
    generate(root, Shape.per(2, 2, 3, 0), seed=5, violations=1)
    return root / "plans"


def findings(project: api.Project, plan_id: str) -> list[dict]:
    report = api.check(project, [plan_id])
    return json.loads(render("json", report, Options(lang="en")))["findings"]


def test_every_plans_findings_are_the_same_as_after_loading_everything(nation: Path) -> None:
    full = api.load([nation])
    fired = 0
    for plan_id in sorted(p for p, item in full.hierarchy.loaded.items() if not item.plan.is_partial):
        lineage = api.load([nation], only=[plan_id])
        assert findings(lineage, plan_id) == findings(full, plan_id), plan_id
        fired += bool(findings(full, plan_id))
    assert fired >= 5  # the planted violations: the comparison covers plans with findings


def test_a_county_loads_its_ancestors_and_its_parents_other_children(nation: Path) -> None:
    full = api.load([nation])
    hierarchy = full.hierarchy
    county = next(p for p, item in sorted(hierarchy.loaded.items()) if item.plan.level == "county")
    (parent,) = hierarchy.plan(county).parents
    expected = {county, *hierarchy.ancestors(county), *hierarchy.children(parent)}
    assert set(api.load([nation], only=[county]).hierarchy.loaded) == expected
    assert len(expected) < len(hierarchy.loaded)


def test_the_index_reads_id_lines_and_parses_files_it_cannot_scan(nation: Path, tmp_path: Path) -> None:
    shutil.copytree(nation, tmp_path / "plans")
    files = plan_files([tmp_path / "plans"])
    odd = files[-1]
    text = odd.read_text(encoding="utf-8")
    odd.write_text(text.replace("\nid: ", '\n"id": ', 1), encoding="utf-8")  # no `id:` line to find
    entries = planindex.index(files)
    assert entries is not None
    by_path = {e.path: e for e in entries}
    assert len(by_path) == len(files)
    loaded = api.load([tmp_path / "plans"])
    for item in loaded.hierarchy.loaded.values():
        entry = by_path[item.path]
        plan = item.plan
        assert (entry.id, entry.level, entry.parents, entry.jurisdiction) == (
            plan.id,
            plan.level,
            tuple(plan.parents),
            plan.jurisdiction,
        )


def test_an_unknown_plan_is_reported_as_before(nation: Path) -> None:
    with pytest.raises(PlanlintError, match="no loaded plan has id 'nowhere'"):
        api.check(api.load([nation], only=["nowhere"]), ["nowhere"])


def header_lines(id_: str, level: str, parents: str, jurisdiction: str) -> list[bytes]:
    return [
        f"id: {id_}".encode(),
        f"level: {level}".encode(),
        f"parents: {parents}".encode(),
        f"jurisdiction: {jurisdiction}".encode(),
    ]


PLAIN_HEADERS = [
    ("p01-c02", "[p01]", "北川县"),
    ("nation", "[]", "中华人民共和国"),
    ("k9", "[a-1, b-2]", "永川区"),
]
OTHER_HEADERS = [
    ("yes", "[p01]", "北川县"),  # a boolean in YAML 1.1
    ("p01", "[no]", "北川县"),
    ("null", "[]", "北川县"),
    ("0x1f", "[]", "北川县"),  # a hexadecimal number
    ("2023-10-10", "[]", "北川县"),  # a date
    ("p01", "[p02,p03]", "北川县"),
    ("p01", "[p02]", "500119"),  # a code: YAML's integer
    ("p01", "[p02]", "北川县 # comment"),
    ("p01", '["p02"]', "北川县"),
    ("p01", "[p02]", "'北川县'"),
    ("p01", "[p02]", "Beichuan"),
]


@pytest.mark.parametrize("plainly", [True, False])
def test_a_header_is_read_plainly_only_in_its_plain_forms(plainly: bool) -> None:
    for id_, parents, jurisdiction in PLAIN_HEADERS if plainly else OTHER_HEADERS:
        lines = header_lines(id_, "county", parents, jurisdiction)
        plain = planindex._plain(lines)
        assert (plain is not None) == plainly, lines
        assert plain is None or plain == planindex._parsed_lines(lines)


def test_the_synthetic_plans_headers_are_read_plainly(nation: Path) -> None:
    for path in plan_files([nation]):
        data = b"\n" + path.read_bytes()
        lines = [data[data.index(b"\n" + key + b":") + 1 :].split(b"\n", 1)[0] for key in planindex.KEYS]
        plain = planindex._plain(lines)
        assert plain is not None, path
        assert plain == planindex._parsed_lines(lines)


def test_the_index_leaves_what_is_not_a_regular_file_to_the_full_load(nation: Path, tmp_path: Path) -> None:
    """A FIFO or a directory named like a plan is never read by the index (a FIFO would block it): the index
    gives up, and the full load refuses the entry by name."""
    files = plan_files([nation])
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert planindex.index(files) is not None
    assert planindex.index([*files, fifo]) is None
    assert planindex.index([*files, folder]) is None
    with pytest.raises(PlanlintError, match="not a regular file"):
        api.load([nation, fifo], only=["p01-c01-k01"])
