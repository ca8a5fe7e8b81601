"""The layer rules are import-linter contracts (pyproject.toml); each one can fail.

One copy of the source tree gets one planted import per contract; ``lint-imports`` must then
report every contract broken, each by the planted module, while the real tree keeps them all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "ui", "services", "models", "migrations", "demo")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# contract id → (planted module, its one import): each breaks that contract and no other.
PLANTED = {
    "top-layers": ("models/_planted_upward.py", "import services.kernel.clock"),
    "services-layers": ("services/kernel/_planted_upward.py", "import services.cases.views"),
    "stages-independent": ("services/review/_planted_produce.py", "import services.produce"),
    # Replaces demo/numbers.py in the copy: a model-level module reaching back to content.
    "demo-one-way": ("demo/numbers.py", "import demo.content"),
    "ui-only-api": ("ui/_planted_service.py", "import services.review.views"),
    "no-qt-below-ui": ("services/cases/_planted_qt.py", "import PySide6.QtCore"),
    "no-sql-in-ui": ("ui/_planted_sql.py", "import sqlite3"),
}


def _contracts() -> dict[str, str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c["name"] for c in config["tool"]["importlinter"]["contracts"]}


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def _copy_tree(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, dest / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


def _broken_sections(output: str, names: dict[str, str]) -> dict[str, str]:
    """The text import-linter prints under each broken contract's heading, by contract id."""
    report = output.split("Broken contracts", 1)[-1]
    headings = sorted(
        (report.find(f"{name}\n"), cid) for cid, name in names.items() if f"{name}\n" in report
    )
    sections = {}
    for (start, cid), (end, _) in zip(headings, [*headings[1:], (len(report), "")], strict=True):
        sections[cid] = report[start:end]
    return sections


def test_every_contract_has_a_planted_violation() -> None:
    assert set(PLANTED) == set(_contracts())


def test_the_source_tree_keeps_every_contract() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    names = _contracts()
    for name in names.values():
        assert re.search(rf"{re.escape(name)}\s+KEPT", done.stdout), name


def test_each_contract_reports_its_planted_violation(tmp_path: Path) -> None:
    tree = _copy_tree(tmp_path / "tree")
    for path, line in PLANTED.values():
        (tree / path).write_text(f'"""Planted: breaks one contract."""\n\n{line}\n')

    done = _lint(tree)

    assert done.returncode != 0, done.stdout
    names = _contracts()
    summary = done.stdout.split("Broken contracts", 1)[0]
    sections = _broken_sections(done.stdout, names)
    for cid, (path, _line) in PLANTED.items():
        assert re.search(rf"{re.escape(names[cid])}\s+BROKEN", summary), (cid, done.stdout)
        planted = path.removesuffix(".py").replace("/", ".")
        assert planted in sections.get(cid, ""), (cid, done.stdout)
