"""The sign-in paints without loading what only signed-in work needs.

A cold start is mostly imports: pyHanko (with aiohttp and the certificate validator),
openpyxl and the main window's screens (QtPdf among them) once made the workstation take ten
times as long as a bare window to show its sign-in. They are imported where they are used;
this keeps a new top-level import from quietly bringing them back. Measured by ``make bench``
("cold start to first painted window"); here only which modules are loaded is checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What `anuyat gui` imports before it paints the sign-in: the command line, the profile's
# ports (every service facade) and the GUI's start with the sign-in dialog.
SIGN_IN_PATH = ("app.cli", "app.bootstrap", "services.api.ports", "ui.shell.start")

NOT_BEFORE_SIGN_IN = (
    "pyhanko",
    "pyhanko_certvalidator",
    "aiohttp",
    "openpyxl",
    "ui.shell.main_window",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
)

_PROBE = """
import importlib, json, sys
for name in sys.argv[1].split(","):
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def _loaded_after(modules: tuple[str, ...]) -> set[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(modules)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_sign_in_path_leaves_signing_spreadsheets_and_screens_unloaded() -> None:
    loaded = _loaded_after(SIGN_IN_PATH)
    assert "ui.shell.sign_in" in loaded  # the probe did import the start of the GUI
    early = sorted(name for name in NOT_BEFORE_SIGN_IN if name in loaded)
    assert early == [], f"imported before the sign-in is shown: {early}"


def test_the_probe_sees_a_heavy_import_when_one_happens() -> None:
    """The check above can fail: signing a PDF does load pyHanko, a spreadsheet openpyxl."""
    loaded = _loaded_after(
        ("services.produce.sign.pdf_signer", "services.reports.xlsx", "ui.shell.main_window")
    )
    assert "services.produce.sign.pdf_signer" in loaded
    assert "PySide6.QtPdf" in loaded  # the main window's viewer, once an officer signs in
    # Module import alone stays light; using them is what loads the libraries.
    assert "pyhanko" not in loaded
    used = _loaded_after(("pyhanko.sign", "openpyxl"))
    assert {"pyhanko", "openpyxl", "aiohttp"} <= used
