"""A missing test peer (Dovecot, poppler, a TLWG font) fails the test with the install hint,
and no test skips itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.peers.dovecot import require_dovecot
from tests.peers.tools import require_font, require_tool


def test_missing_dovecot_fails_outside_ci_too(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception) as failed:
        require_dovecot(search_path=str(tmp_path))
    message = str(failed.value)
    assert "dovecot-imapd" in message
    assert "installer/install-system-deps.sh run test" in message and "make test" in message


def test_missing_program_fails_under_ci(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="poppler-utils"):
        require_tool("pdftotext", "poppler-utils", search_path=str(tmp_path))


def test_present_program_is_found(tmp_path: Path) -> None:
    program = tmp_path / "pdftotext"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    assert require_tool("pdftotext", "poppler-utils", search_path=str(tmp_path)) == str(program)


def test_missing_font_fails_with_its_package(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="fonts-thai-tlwg") as failed:
        require_font("Garuda.ttf", "fonts-thai-tlwg", dirs=[tmp_path])
    assert "Garuda.ttf" in str(failed.value) and "make test" in str(failed.value)
    (tmp_path / "Garuda.ttf").write_bytes(b"font")
    assert require_font("Garuda.ttf", "fonts-thai-tlwg", dirs=[tmp_path]) == tmp_path / "Garuda.ttf"


# Spelled in pieces so that this file does not match itself.
_SKIPPING = re.compile("|".join(["pytest" + r"\.skip\(", "skip" + "if", "importor" + "skip",
                                 r"mark\." + r"skip\b", r"mark\." + "xfail"]))  # fmt: skip


def test_no_test_skips_itself() -> None:
    """A green run must mean every test ran: a missing tool or font fails, it never skips."""
    tests = Path(__file__).resolve().parents[1]
    skipping = [
        f"{path.relative_to(tests)}:{number}"
        for path in sorted(tests.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _SKIPPING.search(line)
    ]
    assert skipping == []
