"""The DGA document is a draft of guidelines: nothing the project ships calls it "the standard".

Its own cover says it is a draft that must not be used or cited as a standard; say "the DGA
guidelines (draft)" (Thai: แนวปฏิบัติกระบวนการทางดิจิทัลภาครัฐ (ร่าง)). "Standard" in other senses
(the standard library, the risk level named "standard") is fine.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ["README.md", "docs", "app", "services", "ui", "resources", "demo", "installer"]
SUFFIXES = {".md", ".py", ".toml", ".txt", ".ts", ".sh"}
WRONG = re.compile(
    r"\bthe standard\b(?!\s+library)|\bDGA standard\b|\bthe standard's\b"
    r"|มาตรฐาน\s*สพร|มาตรฐานกำหนด",
    re.IGNORECASE,
)


def _files() -> list[Path]:
    found: list[Path] = []
    for name in SHIPPED:
        path = ROOT / name
        if path.is_file():
            found.append(path)
        else:
            found += [p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES]
    return found


def test_nothing_calls_the_dga_guidelines_a_standard() -> None:
    wrong = []
    for path in _files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if WRONG.search(line):
                wrong.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not wrong, "say 'the DGA guidelines (draft)':\n" + "\n".join(wrong)


def test_the_pattern_catches_what_it_should() -> None:
    assert WRONG.search("following the DGA standard on processes")
    assert WRONG.search("มาตรฐานกำหนดให้พิจารณา")
    assert not WRONG.search("built with the standard library")
    assert not WRONG.search('risk_level = "standard"')
