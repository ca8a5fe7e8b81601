"""Programs and fonts the tests need for real (poppler, Dovecot, TLWG): found, or the test FAILS.

A missing program or font is never a skip, under CI or not: a green run that skipped the IMAP tests
proves nothing. The failure names the Debian package and the command that installs it
(`make test` does it by itself: installer/install-system-deps.sh run test).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from services.kernel.thai_pdf_text import TLWG_DIRS, find_font

__all__ = ["INSTALL_COMMAND", "find_tool", "require_font", "require_tool"]

INSTALL_COMMAND = "sudo installer/install-system-deps.sh run test"
# Daemons such as dovecot live in sbin, which an ordinary user's PATH often lacks.
_SBIN = ("/usr/local/sbin", "/usr/sbin", "/sbin")


def find_tool(name: str, search_path: str | None = None) -> str | None:
    """``name`` on ``search_path`` (default: PATH plus the sbin folders), or ``None``."""
    if search_path is None:
        search_path = os.pathsep.join([os.environ.get("PATH", os.defpath), *_SBIN])
    return shutil.which(name, path=search_path)


def require_tool(name: str, package: str, search_path: str | None = None) -> str:
    """The path of program ``name``; the calling test fails with the install hint without it."""
    found = find_tool(name, search_path)
    if found is None:
        pytest.fail(
            f"{name} is missing: install the Debian package {package} "
            f"({INSTALL_COMMAND}, or simply `make test`, which runs it)",
            pytrace=False,
        )
    return found


def require_font(filename: str, package: str, dirs: Sequence[Path] = TLWG_DIRS) -> Path:
    """The path of font file ``filename`` in ``dirs``; the calling test fails with the hint."""
    found = find_font(filename, dirs)
    if found is None:
        pytest.fail(
            f"font {filename} is missing: install the Debian package {package} "
            f"({INSTALL_COMMAND}, or simply `make test`, which runs it)",
            pytrace=False,
        )
    return found
