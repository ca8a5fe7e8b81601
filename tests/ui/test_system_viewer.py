"""Plain copies for the system's programs: private, said to exist, and never left behind."""

from __future__ import annotations

import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLineEdit

from app.bootstrap import VIEWER_COPIES, prepare_viewer_copies
from tests.conftest import STAFF_PASSWORD
from ui.viewer import system_viewer
from ui.viewer.system_viewer import SystemViewer

ID_SCAN = b"%PDF-1.4 the applicant's ID card, decrypted"


class _Opened(QObject):
    """Takes the place of the desktop's program for file URLs (QDesktopServices handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    @Slot(QUrl)
    def open_file(self, url: QUrl) -> None:
        self.paths.append(url.toLocalFile())


@pytest.fixture
def opened(gui) -> Iterator[_Opened]:
    handler = _Opened()
    QDesktopServices.setUrlHandler("file", handler, "open_file")
    yield handler
    QDesktopServices.unsetUrlHandler("file")
    system_viewer.use_private_root(None)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _temp_view_dirs() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("anuyat-view-*"))


def test_a_copy_is_private_to_the_profile_and_removed(
    opened: _Opened, runner, data_dir: Path, qtbot
) -> None:
    root = prepare_viewer_copies(data_dir)
    system_viewer.use_private_root(root)
    before = _temp_view_dirs()
    owner = QObject()
    notes: list[str] = []
    viewer = SystemViewer(runner, owner, on_opened=notes.append)
    viewer.open("doc-1234567890", "สำเนาบัตรประชาชน.pdf", ID_SCAN, lambda e: notes.append("!"))
    qtbot.waitUntil(lambda: bool(opened.paths) and bool(notes), timeout=5000)

    copy = Path(opened.paths[0])
    assert copy.read_bytes() == ID_SCAN and notes == [str(copy)]
    assert root in copy.parents and root == data_dir / VIEWER_COPIES
    assert _mode(copy) == 0o600
    for folder in [root, *(p for p in copy.parents if root in p.parents)]:
        assert _mode(folder) == 0o700, folder
    assert _temp_view_dirs() == before  # nothing in the shared system temp folder
    viewer.remove_copies()
    assert not copy.exists()


def test_leftovers_of_a_crash_are_removed_at_the_next_start(data_dir: Path) -> None:
    root = prepare_viewer_copies(data_dir)
    crashed = root / "view-abc" / "doc-1234"
    crashed.mkdir(parents=True)
    (crashed / "บัตร.pdf").write_bytes(ID_SCAN)
    legacy = Path(tempfile.mkdtemp(prefix="anuyat-view-"))  # where older versions wrote
    (legacy / "id-card.jpg").write_bytes(ID_SCAN)
    try:
        assert prepare_viewer_copies(data_dir) == root
        assert list(root.iterdir()) == [] and _mode(root) == 0o700
        assert not legacy.exists()
    finally:
        if legacy.exists():
            import shutil

            shutil.rmtree(legacy)


def test_the_document_viewer_says_a_copy_is_open(
    opened: _Opened, runner, settings, workstation, data_dir: Path, qtbot
) -> None:
    from ui.viewer.document_viewer import DocumentViewer

    system_viewer.use_private_root(prepare_viewer_copies(data_dir))
    user = workstation.shell.sign_in("reviewer", STAFF_PASSWORD)
    viewer = DocumentViewer(workstation, user, runner, settings)
    qtbot.addWidget(viewer)
    viewer._system_viewer.open("doc-0001", "a.pdf", ID_SCAN, lambda e: None)
    qtbot.waitUntil(lambda: viewer.copy_label.isVisibleTo(viewer), timeout=5000)
    text = viewer.copy_label.text()
    assert "decrypted copy" in text and "สำเนา" in text and "sign out" in text
    viewer.remove_temp_files()
    assert not viewer.copy_label.isVisibleTo(viewer)
    assert list((data_dir / VIEWER_COPIES).iterdir()) == []


def test_signing_out_removes_every_copy(gui, workstation, settings, data_dir: Path) -> None:
    from ui.shell.main_window import MainWindow
    from ui.shell.opening import already_open
    from ui.shell.sign_in import SignInDialog
    from ui.shell.start import run_gui

    root = prepare_viewer_copies(data_dir)
    seen: list[str] = []

    def visible(kind):
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    def step() -> None:
        dialogs, windows = visible(SignInDialog), visible(MainWindow)
        if not seen and dialogs:
            dialogs[0].findChild(QLineEdit, "Username").setText("reviewer")
            dialogs[0].findChild(QLineEdit, "Password").setText(STAFF_PASSWORD)
            dialogs[0].submit()
            seen.append("sign-in")
        elif seen == ["sign-in"] and windows and not dialogs:
            open_copy = root / "view-x" / "doc-1"  # as if a document were open outside
            open_copy.mkdir(parents=True)
            (open_copy / "id.pdf").write_bytes(ID_SCAN)
            seen.append("copy")
            windows[0].sign_out_action.trigger()
        elif len(seen) == 2 and dialogs and not windows:
            seen.append(f"after-sign-out:{len(list(root.iterdir()))}")
            dialogs[0].reject()

    ticker = QTimer()
    ticker.timeout.connect(step)
    ticker.start(50)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(3))
    watchdog.start(20000)
    try:
        code = run_gui(already_open(workstation, viewer_dir=root), language="th", settings=settings)
    finally:
        ticker.stop()
        watchdog.stop()
        system_viewer.use_private_root(None)
    assert seen == ["sign-in", "copy", "after-sign-out:0"] and code == 0
