"""What is read: plan files only, bounded, and every path that cannot be read named (never skipped)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from planlint import yamlio
from planlint.errors import PlanlintError
from planlint.files import read_regular
from planlint.loader import InputErrors, load_plans
from planlint.paths import bundled_rules
from planlint.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "fixtures" / "valid"


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary([bundled_rules()])


def problems_of(paths: list[Path], vocabulary: Vocabulary) -> dict[str, str]:
    with pytest.raises(InputErrors) as caught:
        load_plans(paths, vocabulary)
    return {str(error.path): error.message for error in caught.value.errors}


def a_folder_with_one_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(VALID / "cn.yaml", folder / "cn.yaml")
    return folder


def test_what_is_not_a_regular_plan_file_is_named(tmp_path: Path, vocabulary: Vocabulary) -> None:
    folder = a_folder_with_one_plan(tmp_path)
    (folder / "dangling.yaml").symlink_to(folder / "nowhere.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "folder.yaml").mkdir()
    os.mkfifo(folder / "fifo.yaml")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)
    found = problems_of([folder], vocabulary)
    assert found == {
        str(folder / "dangling.yaml"): "a symlink to nothing",
        str(folder / "loop.yaml"): "cannot read file: Too many levels of symbolic links",
        str(folder / "folder.yaml"): "a directory, not a file",
        str(folder / "fifo.yaml"): "not a regular file (a device, FIFO or socket): refused",
        str(folder / "sub" / "up"): "symlink loop: this directory leads back to its own parent",
    }


def test_a_device_is_refused_unread(vocabulary: Vocabulary) -> None:
    assert problems_of([Path("/dev/zero")], vocabulary) == {
        "/dev/zero": "not a regular file (a device, FIFO or socket): refused"
    }


def test_a_file_past_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (1024 * 1024 + 1))
    with pytest.raises(PlanlintError, match="file larger than 1 MB: refused"):
        yamlio.read_text(big)
    big.write_bytes(b"#" * (1024 * 1024))
    assert len(yamlio.read_text(big)) == 1024 * 1024


def test_a_file_that_grew_since_its_size_was_taken_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "grown.yaml"
    path.write_bytes(b"a: 1\n" * 1000)
    real_fstat = os.fstat

    def stale_size(fd: int) -> os.stat_result:  # the size the file had before it grew
        found = real_fstat(fd)
        return os.stat_result((*found[:6], 10, *found[7:10]))

    monkeypatch.setattr(os, "fstat", stale_size)
    assert read_regular(path, 1024 * 1024) == path.read_bytes()
    with pytest.raises(PlanlintError, match="file larger than"):
        read_regular(path, 100)


def test_an_empty_folder_is_bad_input(tmp_path: Path, vocabulary: Vocabulary) -> None:
    (tmp_path / "empty" / "nested").mkdir(parents=True)
    (tmp_path / "empty" / "notes.txt").write_text("no plans here", encoding="utf-8")
    folder = a_folder_with_one_plan(tmp_path)
    found = problems_of([folder, tmp_path / "empty"], vocabulary)
    assert found == {str(tmp_path / "empty"): "no plan files (*.yaml, *.yml) in this directory"}


def test_an_unreadable_subfolder_is_named(
    tmp_path: Path, vocabulary: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot make a folder unreadable to root (tests may run as root), so refuse it at scandir
    folder = a_folder_with_one_plan(tmp_path)
    (folder / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert problems_of([folder], vocabulary) == {
        str(folder / "locked"): "cannot read directory: Permission denied"
    }


def test_a_symlinked_folder_of_plans_is_followed(tmp_path: Path, vocabulary: Vocabulary) -> None:
    folder = a_folder_with_one_plan(tmp_path)
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "linked").symlink_to(folder)
    assert [item.plan.id for item in load_plans([tmp_path / "top"], vocabulary)] == ["cn-example"]
