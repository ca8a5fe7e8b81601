"""docs/conformance.md stays true: every file and test it cites exists, every MUST id is there.

The register is how an auditor traces a clause of the DGA guidelines (draft) to code and to the
test that proves it; a moved module or a renamed test must not leave it pointing at nothing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT / "docs" / "conformance.md"
REQUIREMENTS = ROOT.parent / "shared" / "docs" / "requirements.md"
# The register's ids when this test was written; requirements.md beside the checkout (as on the
# developers' machines and in CI) is read instead when it is there, so new clauses show up.
KNOWN_MUST_IDS = {f"M{n:02d}" for n in range(1, 31)}

# `path/to/file.py`, optionally followed by `::test_name` or `: symbol`
CITED_FILE = re.compile(
    r"`((?:services|app|ui|models|demo|migrations|resources|tests|installer)/[\w./-]+)"
)
CITED_TEST = re.compile(r"`?(tests/[\w/]+\.py)?`?::(\w+)")
MUST_ROW = re.compile(r"^\| (M\d\d) \|", re.M)


def _text() -> str:
    return CONFORMANCE.read_text(encoding="utf-8")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def test_every_cited_file_exists() -> None:
    cited = [m.group(1) for m in CITED_FILE.finditer(_text())]
    assert len(cited) > 50, "the register should cite where each clause lives"
    missing = sorted(
        {m.group(1) for m in CITED_FILE.finditer(_text()) if not (ROOT / m.group(1)).exists()}
    )
    assert not missing, f"docs/conformance.md cites files that do not exist: {missing}"


def test_every_cited_test_exists() -> None:
    missing = []
    checked = 0
    for line in _text().splitlines():
        current: Path | None = None
        for match in CITED_TEST.finditer(line):
            if match.group(1):
                current = ROOT / match.group(1)
            if current is None or not current.exists():
                missing.append(f"{match.group(0)} (no file)")
                continue
            checked += 1
            if match.group(2) not in _test_names(current):
                missing.append(f"{current.relative_to(ROOT)}::{match.group(2)}")
    assert checked > 30, "the register should cite the tests that prove each clause"
    assert not missing, f"docs/conformance.md cites tests that do not exist: {missing}"


def test_every_must_clause_has_a_row() -> None:
    wanted = KNOWN_MUST_IDS
    if REQUIREMENTS.exists():
        wanted = wanted | set(MUST_ROW.findall(REQUIREMENTS.read_text(encoding="utf-8")))
    have = set(MUST_ROW.findall(_text()))
    assert wanted <= have, f"MUST clauses without a row: {sorted(wanted - have)}"


def test_the_checker_catches_a_dangling_reference() -> None:
    fake = "| M01 | x | `services/nowhere.py` | `tests/unit/test_calendar.py::no_such_test` |"
    cited = [m.group(1) for m in CITED_FILE.finditer(fake)]
    assert cited == ["services/nowhere.py", "tests/unit/test_calendar.py"]
    assert not (ROOT / cited[0]).exists()
    match = next(CITED_TEST.finditer(fake))
    assert match.group(2) not in _test_names(ROOT / "tests/unit/test_calendar.py")
