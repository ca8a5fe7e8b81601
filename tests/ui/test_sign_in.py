"""The sign-in dialog against the real ports over an encrypted profile."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QToolButton

from tests.conftest import STAFF_PASSWORD
from ui.common import ui_settings
from ui.shell.sign_in import SignInDialog


def _dialog(qtbot, workstation, runner, settings) -> SignInDialog:
    dialog = SignInDialog(workstation.shell, runner, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.agency is not None, timeout=5000)
    return dialog


def _fields(dialog: SignInDialog) -> tuple[QLineEdit, QLineEdit, QPushButton]:
    username = dialog.findChild(QLineEdit, "Username")
    password = dialog.findChild(QLineEdit, "Password")
    button = dialog.findChild(QPushButton, "Primary")
    assert username is not None and password is not None and button is not None
    return username, password, button


def test_shows_the_agency_in_thai_and_english(qtbot, workstation, runner, settings) -> None:
    dialog = _dialog(qtbot, workstation, runner, settings)
    texts = [label.text() for label in dialog.findChildren(type(dialog._agency_th))]
    assert "เทศบาลตำบลทดสอบ" in texts
    assert "Test Subdistrict Municipality" in texts
    _, password, _ = _fields(dialog)
    assert password.echoMode() == QLineEdit.EchoMode.Password


def test_enter_signs_in(qtbot, workstation, runner, settings) -> None:
    dialog = _dialog(qtbot, workstation, runner, settings)
    username, password, _ = _fields(dialog)
    qtbot.keyClicks(username, "reviewer")
    qtbot.keyClicks(password, STAFF_PASSWORD)
    with qtbot.waitSignal(dialog.user_did_sign_in, timeout=10000) as signed_in:
        qtbot.keyClick(password, Qt.Key.Key_Return)
    user = signed_in.args[0]
    assert user.username == "reviewer"
    assert "reviewer" in user.roles
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert password.text() == ""
    assert ui_settings.read(settings, ui_settings.LAST_USERNAME) == "reviewer"


def test_wrong_password_is_explained_in_thai_and_english_inline(
    qtbot, workstation, runner, settings, caplog
) -> None:
    dialog = _dialog(qtbot, workstation, runner, settings)
    username, password, button = _fields(dialog)
    username.setText("reviewer")
    password.setText("not-the-password")
    with caplog.at_level(logging.DEBUG):
        button.click()
        qtbot.waitUntil(lambda: dialog.error_text != "", timeout=10000)
    thai, english = dialog.error_text.split("\n")[:2]
    assert "รหัสผ่านไม่ถูกต้อง" in thai
    assert "Wrong user name or password" in english
    assert password.text() == ""  # cleared for the next try
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert QApplication.activeModalWidget() is None  # no message box popped up
    assert "not-the-password" not in caplog.text


def test_sign_in_waits_for_both_fields(qtbot, workstation, runner, settings) -> None:
    dialog = _dialog(qtbot, workstation, runner, settings)
    username, password, button = _fields(dialog)
    username.clear()
    assert not button.isEnabled()
    username.setText("reviewer")
    assert not button.isEnabled()
    password.setText("x")
    assert button.isEnabled()


def test_language_switch_retranslates_the_dialog_live(qtbot, workstation, runner, settings) -> None:
    dialog = _dialog(qtbot, workstation, runner, settings)
    _, _, button = _fields(dialog)
    assert button.text() == "เข้าสู่ระบบ"
    english = next(b for b in dialog.findChildren(QToolButton) if b.text() == "English")
    english.click()
    qtbot.waitUntil(lambda: button.text() == "Sign in", timeout=3000)
    assert dialog.windowTitle() == "Anuyat — Sign in"
    thai = next(b for b in dialog.findChildren(QToolButton) if b.text() == "ไทย")
    thai.click()
    qtbot.waitUntil(lambda: button.text() == "เข้าสู่ระบบ", timeout=3000)
    assert thai.isChecked()
