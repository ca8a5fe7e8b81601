"""The sign-in paints without loading what only signed-in work needs.

A cold start is mostly imports: pyHanko (with aiohttp and the certificate validator),
openpyxl, SQLAlchemy and the store, every service facade and the main window's screens
(QtPdf among them) once made the workstation take ten times as long as a bare window to show
its sign-in. The command line imports only the chosen command's module, and ``anuyat gui``
opens the profile in a worker once the sign-in has painted (ui.shell.opening); this keeps a
new top-level import from quietly bringing them back. Measured by ``make bench`` ("cold start
to first painted window"); here only which modules are loaded is checked.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What `anuyat gui` imports before it paints the sign-in: the command line, the command's
# module and the GUI's start with the sign-in dialog.
SIGN_IN_PATH = ("app.cli", "app.cli.gui", "ui.shell.start")

NOT_BEFORE_SIGN_IN = (
    "sqlalchemy",
    "sqlcipher3",
    "keyring",
    "services.api",
    "services.store",
    "app.bootstrap",
    "pyhanko",
    "pyhanko_certvalidator",
    "aiohttp",
    "openpyxl",
    "ui.shell.main_window",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
)

# What the first frame of the sign-in does without, when no settings file exists (a fresh
# station, ANUYAT_CONFIG_DIR set): the settings are read without their declarations or the
# TOML parser, the config folder is found without platformdirs, and the sign-in makes its
# error box when there is an error to show. Each cost milliseconds in a start that a bare
# window does in about 120 ms of CPU.
NOT_BEFORE_FIRST_FRAME = (
    "platformdirs",
    "tomllib",
    "services.settings.declaration",
    "services.settings.settings_file",
    "ui.common.errors",
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


_IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")


def _imported_before(marker: str, stderr: str) -> set[str]:
    """The modules ``-X importtime`` reported before the ``anuyat: <marker>`` line."""
    lines = stderr.splitlines()
    assert f"anuyat: {marker}" in lines, stderr[-2000:]
    before = lines[: lines.index(f"anuyat: {marker}")]
    return {match.group(1) for line in before if (match := _IMPORTED.match(line))}


def _heavy(modules: set[str]) -> list[str]:
    return sorted(
        name
        for name in modules
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_BEFORE_SIGN_IN)
    )


def test_anuyat_gui_paints_its_sign_in_before_the_store_and_the_services_load(
    tmp_path: Path,
) -> None:
    """The real command, as an officer starts it: what was imported when the sign-in painted."""
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        ANUYAT_CONFIG_DIR=str(tmp_path / "config"),
        ANUYAT_QUIT_AFTER_FIRST_PAINT="1",
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", "--data-dir", str(tmp_path), "gui"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = _imported_before("sign-in painted", done.stderr)
    assert {"app.cli", "ui.shell.sign_in", "PySide6.QtWidgets"} <= imported
    assert _heavy(imported) == [], f"imported before the sign-in painted: {_heavy(imported)}"
    light = sorted(name for name in NOT_BEFORE_FIRST_FRAME if name in imported)
    assert light == [], f"imported before the first frame though it does without: {light}"
    # Nothing was opened, so quitting has no viewer copies to remove: that module never loads.
    everything = {m.group(1) for line in done.stderr.splitlines() if (m := _IMPORTED.match(line))}
    assert "ui.viewer.system_viewer" not in everything


def test_the_importtime_reading_sees_a_heavy_import_before_the_marker() -> None:
    """The check above can fail: an import before the marker line is seen, one after is not."""
    script = (
        "import sys, sqlalchemy; print('anuyat: sign-in painted', file=sys.stderr, flush=True);"
        " import openpyxl"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    imported = _imported_before("sign-in painted", done.stderr)
    assert "sqlalchemy" in _heavy(imported)
    assert "openpyxl" not in imported


# What opening a profile (the database worker behind the painted sign-in) need not load: the
# schema check reads the migration files' revisions, and a QR, an export's pages and an
# agency's e-mail check load their libraries when drawn or checked.
NOT_TO_OPEN_A_PROFILE = ("alembic", "segno", "pypdfium2", "email_validator")


def test_the_profile_opener_leaves_migrations_qr_and_page_drawing_unloaded() -> None:
    loaded = _loaded_after(("app.cli.common", "app.bootstrap", "services.store.engine"))
    assert "services.api.ports" in loaded  # the probe did import the composition root
    early = sorted(name for name in NOT_TO_OPEN_A_PROFILE if name in loaded)
    assert early == [], f"imported to open a profile: {early}"


# The opener is the first worker's task: when it starts, Qt's namespace must exist already,
# made on the GUI thread (PySide6 makes it on first use without guarding against a second
# thread; a worker's import racing the sign-in's first use left it without its enums).
def test_qt_s_namespace_is_made_on_the_gui_thread_before_any_worker_runs(tmp_path: Path) -> None:
    script = (
        "import sys, PySide6.QtCore as core\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.shell.start import Session, prepare_application\n"
        "from ui.common.tasks import TaskRunner\n"
        "from PySide6.QtCore import QSettings\n"
        "app = prepare_application('th')\n"
        "seen = []\n"
        "def opener():\n"
        "    seen.append('Qt' in vars(core))\n"
        "    raise RuntimeError('no profile needed')\n"
        f"settings = QSettings({str(tmp_path / 'ui.ini')!r}, QSettings.Format.IniFormat)\n"
        "runner = TaskRunner()\n"
        "session = Session(app, opener, runner, settings)\n"
        "session.start()  # the sign-in built and shown, not yet painted\n"
        "before = 'Qt' in vars(core)\n"
        "while session.open_error is None:\n"
        "    app.processEvents()\n"
        "runner.shutdown()\n"
        "print('RESULT', before, seen)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    assert line == "RESULT False [True]"  # not before the sign-in, made before the opener
