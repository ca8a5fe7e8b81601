"""A missing test peer (Dovecot, poppler, sqlite3) fails the test with the install hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.peers.dovecot import require_dovecot
from tests.peers.tools import require_tool


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
