"""The layer rule: app → ui → services → models; no Qt below ui/, no SQL in ui/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What each layer may import from the project (besides itself).
ALLOWED = {
    "models": set(),
    "services": {"models"},
    "ui": {"services"},
    "app": {"ui", "services", "models"},
    "migrations": {"models"},
}
PROJECT = set(ALLOWED)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _files(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_one_way(layer: str) -> None:
    files = _files(layer)
    assert files, f"no Python files found in {layer}/"
    bad = []
    for path in files:
        for name in _imports(path):
            top = name.split(".")[0]
            if top in PROJECT and top != layer and top not in ALLOWED[layer]:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
            if layer in ("models", "services", "migrations") and top in ("PySide6", "shiboken6"):
                bad.append(f"{path.relative_to(ROOT)} imports Qt ({name})")
            if layer == "ui" and top in ("sqlalchemy", "sqlcipher3", "sqlite3"):
                bad.append(f"{path.relative_to(ROOT)} talks to the database ({name})")
    assert not bad, "\n".join(bad)


def test_checker_catches_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport models.store\n")
    assert _imports(sample) == ["PySide6.QtCore", "models.store"]
