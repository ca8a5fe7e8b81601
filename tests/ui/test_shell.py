"""run_gui end to end: sign in, see the main window, sign out, sign-in again, quit."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.conftest import STAFF_PASSWORD
from ui.shell.main_window import MainWindow
from ui.shell.opening import already_open
from ui.shell.sign_in import SignInDialog
from ui.shell.start import run_gui


def _visible(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_sign_in_main_window_sign_out_quit(gui, workstation, settings) -> None:
    seen: list[str] = []

    def step() -> None:
        dialogs, windows = _visible(SignInDialog), _visible(MainWindow)
        if not seen and dialogs:
            dialog = dialogs[0]
            dialog.findChild(QLineEdit, "Username").setText("approver")
            dialog.findChild(QLineEdit, "Password").setText(STAFF_PASSWORD)
            dialog.submit()
            seen.append("sign-in")
        elif seen == ["sign-in"] and windows and not dialogs:
            seen.append(f"main:{windows[0].user.username}")
            windows[0].sign_out_action.trigger()
        elif len(seen) == 2 and dialogs and not windows:
            username = dialogs[0].findChild(QLineEdit, "Username").text()
            seen.append(f"again:{username}")
            dialogs[0].reject()  # closing the sign-in dialog quits

    ticker = QTimer()
    ticker.timeout.connect(step)
    ticker.start(50)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(3))
    watchdog.start(20000)
    try:
        code = run_gui(already_open(workstation), language="th", settings=settings)
    finally:
        ticker.stop()
        watchdog.stop()
    assert seen == ["sign-in", "main:approver", "again:approver"]
    assert code == 0
    assert QApplication.quitOnLastWindowClosed()  # restored for whoever runs Qt next
