"""The administrator's officers page and the password dialogs, on real widgets over a real
store: an officer added in the window signs in, must change the one-time password, is
deactivated, and can no longer sign in; their open window stops at its next action."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QWidget

from services.access.auth import MAX_FAILED_ATTEMPTS
from services.api import AnuyatError
from services.api.admin import OfficersFacade
from tests.conftest import STAFF_PASSWORD
from ui.admin.officer_dialogs import (
    DeactivateDialog,
    NewOfficerDialog,
    ResetPasswordDialog,
    RolesDialog,
)
from ui.admin.password_dialogs import ChangePasswordDialog, OneTimePasswordDialog
from ui.common.tasks import TaskRunner
from ui.shell.main_window import MainWindow
from ui.shell.opening import already_open
from ui.shell.queue_pane import OFFICERS
from ui.shell.start import Session

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
MALEE_TH = "นางสาวมาลี รักงาน"
POSITION_TH = "เจ้าพนักงานธุรการชำนาญงาน"
MALEE_PASSWORD = "ดอกบัวริมน้ำ-2569"


def type_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` with one real key press and release per character (Thai included:
    ``QTest.keyClicks`` only knows ASCII keys, the text of a key event is any character)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"officers-{name}.png"
    widget.grab().save(str(path))
    return path


@pytest.fixture
def accounts(context) -> OfficersFacade:
    return OfficersFacade(context)


@pytest.fixture
def admin_window(qtbot, gui, workstation, accounts, runner, settings) -> MainWindow:
    admin = workstation.shell.sign_in("admin", STAFF_PASSWORD)
    window = MainWindow(workstation, admin, runner, settings=settings, accounts=accounts)
    qtbot.addWidget(window)
    window.show()
    assert window.show_officers()
    page = window.officers
    assert page is not None and window.current_page() == OFFICERS
    qtbot.waitUntil(lambda: len(page.rows()) == 5, timeout=30000)
    return window


def _select(qtbot, window: MainWindow, username: str) -> None:
    page = window.officers
    assert page is not None
    qtbot.waitUntil(lambda: page.select(username) and page.selected() is not None)


def _row(window: MainWindow, username: str):
    assert window.officers is not None
    return next(r for r in window.officers.rows() if r.username == username)


def _state(window: MainWindow, username: str) -> str:
    page = window.officers
    assert page is not None
    index = [r.username for r in page.rows()].index(username)
    return page.table.item(index, 4).text()


def test_a_new_officer_from_the_window_signs_in_changes_password_and_is_deactivated(
    qtbot, gui, workstation, accounts, admin_window, settings
) -> None:
    window = admin_window
    page = window.officers
    assert page is not None
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    form = page.dialog
    assert isinstance(form, NewOfficerDialog)
    qtbot.keyClicks(form.username, "malee.r")
    type_keys(form.name_th, MALEE_TH)
    qtbot.keyClicks(form.name_en, "Ms Malee Rakngan")
    type_keys(form.position, POSITION_TH)
    qtbot.keyClicks(form.email, "malee.r@test-municipality.example.go.th")
    form.findChild(QCheckBox, "Role_reviewer").click()
    assert form.name_th.text() == MALEE_TH and form.position.text() == POSITION_TH
    shot(form, "new-officer")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "one_time_dialog", None) is not None)
    one_time = page.one_time_dialog
    assert isinstance(one_time, OneTimePasswordDialog)
    password = one_time.password_label.text()
    assert len(password.replace("-", "")) >= 12
    qtbot.mouseClick(one_time.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == password
    shot(one_time, "one-time-password")
    qtbot.mouseClick(one_time.close_button, Qt.MouseButton.LeftButton)
    assert one_time.password_label.text() == ""  # shown once
    qtbot.waitUntil(lambda: any(r.username == "malee.r" for r in page.rows()))
    row = _row(window, "malee.r")
    assert row.name_th == MALEE_TH and row.roles == ("reviewer",)
    assert _state(window, "malee.r") == "ต้องเปลี่ยนรหัสผ่าน"
    shot(window, "page")

    # Malee, at her own station: sign in with the one-time password…
    her_runner = TaskRunner()
    session = Session(gui, already_open(workstation, accounts=accounts), her_runner, settings)
    try:
        session.start()
        sign_in = session.sign_in
        assert sign_in is not None
        username = sign_in.findChild(QLineEdit, "Username")
        username.clear()
        qtbot.keyClicks(username, "malee.r")
        qtbot.keyClicks(sign_in.findChild(QLineEdit, "Password"), password)
        sign_in.submit()
        # …must choose her own before anything else…
        qtbot.waitUntil(lambda: session.password_dialog is not None)
        forced = session.password_dialog
        assert isinstance(forced, ChangePasswordDialog) and session.window is None
        qtbot.keyClicks(forced.current, password)
        type_keys(forced.new, MALEE_PASSWORD)
        type_keys(forced.again, "ดอกบัวริมน้ำ-2568")
        forced.submit()
        assert "ไม่ตรงกัน" in forced.error.text()  # typed differently: nothing sent
        type_keys(forced.again, MALEE_PASSWORD)
        shot(forced, "forced-change")
        forced.submit()
        qtbot.waitUntil(lambda: session.window is not None)
        hers = session.window
        assert hers is not None and hers.user.username == "malee.r"
        assert not hers.user.must_change_password
        assert hers.officers is None and not hers.show_officers()  # not an administrator

        # The administrator deactivates her, with a reason typed in Thai.
        _select(qtbot, window, "malee.r")
        qtbot.mouseClick(page.deactivate_button, Qt.MouseButton.LeftButton)
        confirm = page.dialog
        assert isinstance(confirm, DeactivateDialog)
        type_keys(confirm.reason, "ย้ายไปสังกัดกองช่าง")
        shot(confirm, "deactivate")
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not _row(window, "malee.r").active)
        assert _state(window, "malee.r") == "ระงับการใช้งาน"
        assert page.activate_button.isEnabled() and not page.deactivate_button.isEnabled()

        # Her open window stops at its next action (F5 here, unless its own timers got
        # there first) and the sign-in says why.
        if shiboken6.isValid(hers) and session.window is hers:
            hers.refresh_action.trigger()
        qtbot.waitUntil(lambda: session.window is None and session.sign_in is not None)
        again = session.sign_in
        assert again is not None
        assert "ระงับการใช้งาน" in again.error_text and "deactivated" in again.error_text
        shot(again, "session-ended")
        # And she can no longer sign in.
        again.findChild(QLineEdit, "Username").setText("malee.r")
        type_keys(again.findChild(QLineEdit, "Password"), MALEE_PASSWORD)
        again.submit()
        qtbot.waitUntil(lambda: "ไม่ถูกต้อง" in again.error_text)
        assert session.window is None
    finally:
        # Put away without "cancelling" (a cancelled sign-in quits the application).
        for widget in (session.window, session.sign_in, session.password_dialog):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        her_runner.shutdown()
    assert window.isVisible() and window.officers is not None  # the admin's window stays


def test_the_last_administrator_keeps_the_role(qtbot, admin_window) -> None:
    window = admin_window
    page = window.officers
    assert page is not None
    _select(qtbot, window, "admin")
    qtbot.mouseClick(page.roles_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RolesDialog)
    dialog.findChild(QCheckBox, "Role_admin").click()
    dialog.findChild(QCheckBox, "Role_reviewer").click()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert "คนสุดท้าย" in dialog.error.text() and "last active administrator" in dialog.error.text()
    assert dialog.isVisible()  # still open: nothing changed
    shot(dialog, "last-admin")
    assert _row(window, "admin").roles == ("admin",)


def test_an_officer_is_put_in_a_section_beside_the_roles(qtbot, workstation, admin_window) -> None:
    window = admin_window
    page = window.officers
    assert page is not None
    _select(qtbot, window, "reviewer")
    qtbot.mouseClick(page.roles_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RolesDialog)
    assert dialog.section.text() == ""
    type_keys(dialog.section, "งานอาหาร")
    shot(dialog, "roles-section")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _row(window, "reviewer").section == "งานอาหาร", timeout=10000)
    assert _row(window, "reviewer").roles == ("reviewer",)  # the roles as they were
    # A supervisor's assign dialog now offers the section.
    _officers, sections = workstation.worklist.assign_targets(
        workstation.shell.sign_in("admin", STAFF_PASSWORD)
    )
    assert sections == ["งานอาหาร"]


def test_unlock_and_reset_password_from_the_page(qtbot, workstation, admin_window) -> None:
    window = admin_window
    page = window.officers
    assert page is not None
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AnuyatError):
            workstation.shell.sign_in("finance", "wrong-password-1")
    page.refresh()
    qtbot.waitUntil(lambda: _row(window, "finance").locked)
    assert _state(window, "finance") == "ถูกล็อก"
    _select(qtbot, window, "finance")
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _row(window, "finance").locked)
    assert workstation.shell.sign_in("finance", STAFF_PASSWORD).username == "finance"

    _select(qtbot, window, "finance")
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    confirm = page.dialog
    assert isinstance(confirm, ResetPasswordDialog)
    assert _row(window, "finance").must_change_password is False  # nothing yet
    shot(confirm, "reset-password")
    qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "one_time_dialog", None) is not None)
    issued = page.one_time_dialog.password_label.text()
    qtbot.waitUntil(lambda: _row(window, "finance").must_change_password)
    assert workstation.shell.sign_in("finance", issued).must_change_password


def test_change_my_password_from_the_user_menu(
    qtbot, gui, workstation, accounts, runner, settings
) -> None:
    me = workstation.shell.sign_in("approver", STAFF_PASSWORD)
    window = MainWindow(workstation, me, runner, settings=settings, accounts=accounts)
    qtbot.addWidget(window)
    window.show()
    assert window.officers is None and not window.show_officers()
    assert window.change_password_action in window.header.user_menu.actions()
    window.change_password_action.trigger()
    dialog = window.password_dialog
    assert isinstance(dialog, ChangePasswordDialog)
    assert "10" in dialog.rules_label.text()  # the policy, in Thai
    qtbot.keyClicks(dialog.current, "not-my-password-1")
    type_keys(dialog.new, MALEE_PASSWORD)
    type_keys(dialog.again, MALEE_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "รหัสผ่านปัจจุบันไม่ถูกต้อง" in dialog.error.text())
    shot(dialog, "wrong-current")
    dialog.current.clear()
    qtbot.keyClicks(dialog.current, STAFF_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "เปลี่ยนรหัสผ่านแล้ว" in window.statusBar().currentMessage())
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert workstation.shell.sign_in("approver", MALEE_PASSWORD).username == "approver"
    assert QApplication.activeModalWidget() is None
