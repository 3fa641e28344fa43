"""The wheel carries the rules and plans: build it, install it in a fresh venv, and use the bundled data there.

Runs in CI (it is not skipped): the wheel is built with the project's own build backend (hatchling, in the dev
extras) without network; the fresh venv gets the wheel only, and finds the dependencies in this venv's
site-packages through a .pth file appended after its own (so the installed planlint, not the checkout, wins).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.packaging

PROBE = """
import json, sys
import planlint, planlint.paths
from planlint.vocabulary import load_vocabulary
rules = planlint.paths.bundled_rules()
vocabulary = load_vocabulary([rules])
print(json.dumps({
    "package": planlint.__file__,
    "rules": str(rules),
    "plans": str(planlint.paths.bundled_plans()),
    "minerals": len(vocabulary.minerals),
    "metrics": len(vocabulary.metrics),
    "limestone": vocabulary.canonical("建筑石料用灰岩（含其他用）"),
    "covers": vocabulary.covers("石灰岩", "水泥用灰岩"),
}))
"""


def _run(
    args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=cwd, env=env
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fresh venv with the wheel installed; returns (its python, its site-packages)."""
    tmp = tmp_path_factory.mktemp("packaging")
    wheels = tmp / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(wheels), "-q"]
    if importlib.util.find_spec("hatchling") is not None:
        build.append("--no-build-isolation")
    result = _run(build)
    assert result.returncode == 0, result.stderr
    (wheel,) = wheels.glob("planlint-*.whl")

    venv = tmp / "venv"
    result = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    assert result.returncode == 0, result.stderr
    python = venv / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)]
    result = _run(install)
    assert result.returncode == 0, result.stderr

    site = Path(
        _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    )
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_planlint_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    return python, site


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    return {**env, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def test_bundled_data_comes_from_the_installed_package(installed: tuple[Path, Path], tmp_path: Path) -> None:
    python, site = installed
    result = _run([str(python), "-c", PROBE], cwd=tmp_path, env=_env())
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)
    assert Path(probe["package"]) == site / "planlint" / "__init__.py"
    assert Path(probe["rules"]) == site / "planlint" / "_data" / "rules"
    assert Path(probe["plans"]) == site / "planlint" / "_data" / "plans"
    data = site / "planlint" / "_data"
    for name in ("rules", "plans"):  # every bundled file of the checkout is in the wheel
        files = {p.relative_to(ROOT / name) for p in (ROOT / name).rglob("*.yaml")}
        assert files and files <= {p.relative_to(data / name) for p in (data / name).rglob("*.yaml")}
    assert not (site / "planlint" / "tools").exists() and not (site / "tools").exists()  # development only
    assert probe["minerals"] >= 50 and probe["metrics"] >= 9
    assert probe["limestone"] == "建筑石料用灰岩"
    assert probe["covers"] is True


def test_validate_without_a_path_reads_the_bundled_plans(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    python, site = installed
    bundled = site / "planlint" / "_data" / "plans"
    files = sorted(p for p in bundled.rglob("*") if p.suffix in {".yaml", ".yml"})
    assert files, "the wheel bundles no plans"
    result = _run([str(python), "-m", "planlint", "validate", "--lang", "en"], cwd=tmp_path, env=_env())
    assert "Traceback" not in result.stdout + result.stderr
    if result.returncode == 0:
        assert result.stdout.strip() == f"{len(files)} plan file(s) valid."
    else:
        # the bundled plans are work in progress; what matters is that the errors point into the install
        assert result.returncode == 2, result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("planlint: ")]
        assert errors and all(line.startswith(f"planlint: {bundled}/") for line in errors), result.stderr


def test_console_script_is_installed(installed: tuple[Path, Path], tmp_path: Path) -> None:
    python, _ = installed
    script = python.parent / "planlint"
    assert script.is_file()
    result = _run([str(script), "--version"], cwd=tmp_path, env=_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("planlint 0.")


def test_the_installed_cli_validates_fixtures(installed: tuple[Path, Path], tmp_path: Path) -> None:
    python, _ = installed
    result = _run(
        [str(python), "-m", "planlint", "validate", str(ROOT / "fixtures" / "valid"), "--lang", "en"],
        cwd=tmp_path,
        env=_env(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 plan file(s) valid."
