"""The screen lock (ui.shell.screen_lock) over the real ports, store, QtPdf and keyboard.

The officer opens a request, walks away (the idle check is driven directly, with the time of
the last input set back: no waiting) or presses Ctrl+L; nothing of the request stays on
screen or decrypted in memory; a password typed in Thai brings the same request back at the
same page, a wrong one is told and counted, five lock the account and sign out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select, update

from models import Application, Event, User, UserRole
from services.access import auth
from services.access.auth import MAX_FAILED_ATTEMPTS
from services.kernel.events import verify_chain
from tests.conftest import STAFF_PASSWORD
from tests.ui.conftest import REVIEW_NAMES, officer_types
from tests.ui.conftest import active_main_window as _window
from tests.ui.review_steps import enter_on, hold_the_claim, pdf_shown
from ui.approval.signing_dialog import SigningDialog
from ui.common import i18n
from ui.shell.idle_watch import IdleWatch
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
THAI_PASSWORD = "รหัสลับของฉัน 2569"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _use_thai_password(context, username: str) -> None:
    """The officer's own password, in Thai (typed as at the desk)."""
    with context.writing() as session:
        session.execute(
            update(User)
            .where(User.username == username)
            .values(password_hash=auth.hash_password(THAI_PASSWORD))
        )


def _open_oldest_at_page_two(qtbot, window: MainWindow, application_id: str) -> None:
    enter_on(qtbot, window, application_id)
    review = window.review
    qtbot.waitUntil(lambda: pdf_shown(review, application_id, 1), timeout=10000)
    qtbot.waitUntil(review.is_settled, timeout=10000)
    review.viewer.next_page()
    assert pdf_shown(review, application_id, 2)


def _shown_text(window: QWidget) -> str:
    """Every word a person could read in the window now (visible widgets only)."""
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, top = widget.model(), widget.rootIndex()
            columns = 1 if isinstance(widget, QListView) else model.columnCount(top)
            for row in range(model.rowCount(top)):
                for column in range(columns):
                    texts.append(str(model.index(row, column, top).data() or ""))
    return "\n".join(texts)


def _unlock_with(qtbot, window: MainWindow, password: str) -> None:
    panel = window.screen_lock.panel
    assert QApplication.focusWidget() is panel.password
    officer_types(password)
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)


def _events(context, *types: str) -> list[Event]:
    with context.read() as session:
        return list(session.scalars(select(Event).where(Event.type.in_(types)).order_by(Event.seq)))


def test_walking_away_locks_the_window_and_leaves_nothing_of_the_request(
    qtbot, workstation, reviewer, runner, settings, review_applications, viewer_copies
) -> None:
    root = viewer_copies
    window = _window(qtbot, workstation, reviewer, runner, settings)
    (oldest, number), _ = review_applications[:2]
    _open_oldest_at_page_two(qtbot, window, oldest)
    review = window.review
    qtbot.waitUntil(lambda: review.read_ahead.application_id is not None, timeout=10000)
    viewer = review.viewer
    viewer.open_externally()  # a plain copy for the system viewer
    qtbot.waitUntil(lambda: any(p.is_file() for p in root.rglob("*")), timeout=10000)
    before = _shown_text(window)
    assert REVIEW_NAMES[0] in before and number in before  # the check can see them

    idle = window.screen_lock.idle
    idle.check()
    assert not window.screen_lock.is_locked  # just used: nothing happens
    idle.last_input -= 10 * 60  # ten minutes without a key or the mouse (the default)
    with qtbot.waitSignal(window.screen_lock.did_lock, timeout=2000):
        idle.check()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    qtbot.wait(50)  # callbacks still queued for the GUI thread have run

    shown = _shown_text(window)
    assert REVIEW_NAMES[0] not in shown and number not in shown
    assert not review.isVisible() and not window.table.isVisible()
    assert window.screen_lock.panel.isVisible()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert window.windowTitle() in ("อนุญาต — ล็อกอยู่", "Anuyat — locked")
    window.grab().save(str(SHOTS / "screen_lock_idle.png"))
    # Nothing decrypted stays, as at sign-out (test_review_opening's check).
    assert len(viewer._cache) == 0 and viewer._parsed == {}
    assert viewer.pdf_document.status() != QPdfDocument.Status.Ready
    assert review.read_ahead.held_bytes() == 0 and review.read_ahead.parsed_count() == 0
    assert review.read_ahead.preview is None
    assert list(root.rglob("*")) == []
    # The request stays the officer's.
    with workstation.shell.context.read() as session:
        claimed = session.get(Application, oldest)
        assert claimed is not None and claimed.assignee_id == reviewer.user_id
    (event,) = _events(workstation.shell.context, "session.locked")
    assert '"idle"' in event.payload and event.aggregate_id == reviewer.user_id


def test_the_right_password_in_thai_brings_back_the_same_request_at_the_same_page(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    context = workstation.shell.context
    _use_thai_password(context, "reviewer")
    window = _window(qtbot, workstation, reviewer, runner, settings)
    (oldest, number), (second, _) = review_applications[:2]
    _open_oldest_at_page_two(qtbot, window, oldest)
    qtbot.waitUntil(lambda: window.review.read_ahead.application_id == second, timeout=10000)
    title = window.windowTitle()
    note = QDialog(window)  # a dialog with nothing secret in it: hidden, then back
    QVBoxLayout(note).addWidget(QLabel(f"คำขอ {number}"))
    note.show()  # beside the window (a modal one holds the window's keys: the idle lock)
    qtbot.waitUntil(note.isVisible, timeout=2000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)

    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)  # the officer locks it on leaving
    assert window.screen_lock.is_locked and not note.isVisible()
    qtbot.keyClick(window.screen_lock.panel.password, Qt.Key.Key_F, CTRL)  # keys do nothing
    assert window.screen_lock.panel.isVisible()
    assert window.review.viewer.application_id is None  # the files were dropped
    assert window.review.read_ahead.application_id is None  # the next one's too

    with qtbot.waitSignal(window.screen_lock.did_unlock, timeout=10000):
        _unlock_with(qtbot, window, THAI_PASSWORD)
    review = window.review
    qtbot.waitUntil(lambda: pdf_shown(review, oldest, 2), timeout=10000)  # decrypted again
    assert review.isVisible() and review.detail.row.id == oldest
    assert window.windowTitle() == title and window.menuBar().isVisible()
    assert note.isVisible()
    assert REVIEW_NAMES[0] in _shown_text(window)
    # The next request is read ahead again once the page is back, so "Next" opens at once
    # (test_review_opening's check).
    qtbot.waitUntil(lambda: review.read_ahead.application_id == second, timeout=10000)
    qtbot.waitUntil(lambda: review.read_ahead.parsed_count() > 0, timeout=10000)
    qtbot.wait(300)  # the page's picture is drawn in a worker; the screenshot is for people
    window.grab().save(str(SHOTS / "screen_lock_restored.png"))
    types = [e.type for e in _events(context, "session.locked", "session.unlocked")]
    assert types == ["session.locked", "session.unlocked"]
    with context.read() as session:
        assert verify_chain(session).ok


class _FieldUsingCtrlL(QLineEdit):
    """A field that binds Ctrl+L itself (as Qt asks: it accepts the ShortcutOverride)."""

    def __init__(self) -> None:
        super().__init__()
        self.got_ctrl_l = 0

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.keyCombination() == CTRL | Qt.Key.Key_L:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.got_ctrl_l += 1
                return True
        return super().event(event)


def test_ctrl_l_locks_from_a_modal_dialog_but_not_from_a_field_that_uses_it(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    dialog = QDialog(window)
    layout = QVBoxLayout(dialog)
    note, text, own = QLineEdit(), QPlainTextEdit(), _FieldUsingCtrlL()
    for field in (note, text, own):
        layout.addWidget(field)
    cancelled: list[int] = []
    dialog.finished.connect(cancelled.append)
    dialog.open()  # modal: the window's own Ctrl+L (its action) is held back behind it
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)

    own.setFocus()
    qtbot.keyClick(own, Qt.Key.Key_L, CTRL)
    assert own.got_ctrl_l == 1 and not window.screen_lock.is_locked  # the field kept it

    note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note, timeout=2000)
    officer_types("บันทึกที่ยังไม่ได้ส่ง")
    with qtbot.waitSignal(window.screen_lock.did_lock, timeout=2000):
        qtbot.keyClick(note, Qt.Key.Key_L, CTRL)
    assert not dialog.isVisible() and cancelled == []  # hidden (nothing secret), not cancelled
    assert note.text() == "บันทึกที่ยังไม่ได้ส่ง"  # no stray character; nothing typed is lost
    window.grab().save(str(SHOTS / "screen_lock_from_dialog.png"))
    password = window.screen_lock.panel.password  # the window takes the keyboard back
    qtbot.waitUntil(lambda: QApplication.focusWidget() is password, timeout=3000)
    with qtbot.waitSignal(window.screen_lock.did_unlock, timeout=10000):
        _unlock_with(qtbot, window, STAFF_PASSWORD)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)  # back, with what was typed in it
    assert note.text() == "บันทึกที่ยังไม่ได้ส่ง"

    text.setFocus()  # a multi-line field binds no Ctrl+L either: it locks there too
    with qtbot.waitSignal(window.screen_lock.did_lock, timeout=2000):
        qtbot.keyClick(text, Qt.Key.Key_L, CTRL)
    assert not dialog.isVisible() and text.toPlainText() == ""
    password = window.screen_lock.panel.password  # the window takes the keyboard back
    qtbot.waitUntil(lambda: QApplication.focusWidget() is password, timeout=3000)
    with qtbot.waitSignal(window.screen_lock.did_unlock, timeout=10000):
        _unlock_with(qtbot, window, STAFF_PASSWORD)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.reject()


def test_a_claim_on_its_way_at_the_lock_opens_nothing_until_the_unlock(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    (oldest, _), _ = review_applications[:2]
    gate = hold_the_claim(workstation)
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = window.review
    try:
        enter_on(qtbot, window, oldest)
        qtbot.waitUntil(lambda: pdf_shown(review, oldest, 1), timeout=10000)  # ahead of the claim
        assert review.detail is None
        window.lock_screen()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    qtbot.wait(50)
    # The claim answered behind the lock: nothing was opened with it.
    assert review.viewer.application_id is None and len(review.viewer._cache) == 0
    assert review.read_ahead.held_bytes() == 0
    with qtbot.waitSignal(window.screen_lock.did_unlock, timeout=10000):
        _unlock_with(qtbot, window, STAFF_PASSWORD)
    qtbot.waitUntil(lambda: pdf_shown(review, oldest, 1) and review.is_settled(), timeout=10000)
    assert review.detail.row.id == oldest and review.detail.claimed_by_me


def test_a_window_that_opens_while_locked_waits_for_the_unlock(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    window.lock_screen()
    note = QDialog(window)  # e.g. a dialog an answer from the services brings up
    QVBoxLayout(note).addWidget(QLabel("TST-ST1-2569-000001"))
    note.show()
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=2000)
    menu = QMenu(window)  # e.g. the alerts' menu a click on the tray's notice opens
    menu.addAction("TST-ST1-2569-000001")
    menu.popup(QPoint(20, 20))
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.screen_lock.panel.password.setFocus()
    with qtbot.waitSignal(window.screen_lock.did_unlock, timeout=10000):
        _unlock_with(qtbot, window, STAFF_PASSWORD)
    assert note.isVisible() and not menu.isVisible()


def test_a_wrong_password_is_told_in_thai_and_english_and_counted(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    context = workstation.shell.context
    window = _window(qtbot, workstation, reviewer, runner, settings)
    assert window.lock_screen()
    panel = window.screen_lock.panel
    _unlock_with(qtbot, window, "รหัสผิดแน่นอน")
    qtbot.waitUntil(lambda: panel.error.isVisible() and panel.password.isEnabled(), timeout=10000)
    said = panel.error.text()
    assert "รหัสผ่านไม่ถูกต้อง" in said and "Wrong password" in said
    assert panel.password.text() == "" and window.screen_lock.is_locked
    with context.read() as session:
        row = session.scalars(select(User).where(User.username == "reviewer")).one()
        assert row.failed_attempts == 1
    assert len(_events(context, "session.unlock_failed")) == 1


def test_five_wrong_passwords_lock_the_account_and_sign_the_officer_out(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    context = workstation.shell.context
    window = _window(qtbot, workstation, reviewer, runner, settings)
    window.lock_screen()
    panel = window.screen_lock.panel
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        _unlock_with(qtbot, window, "รหัสผิดแน่นอน")
        qtbot.waitUntil(lambda: panel.password.isEnabled(), timeout=10000)
    with qtbot.waitSignal(window.user_did_sign_out, timeout=10000):
        _unlock_with(qtbot, window, "รหัสผิดแน่นอน")
    th, en = window.end_reason or ("", "")
    assert "ล็อก" in th and "locked" in en  # the sign-in dialog says why
    with context.read() as session:
        row = session.scalars(select(User).where(User.username == "reviewer")).one()
        assert row.failed_attempts == MAX_FAILED_ATTEMPTS and row.locked_until is not None
    assert [e.type for e in _events(context, "user.signed_out")] == ["user.signed_out"]


def test_roles_changed_or_an_account_deactivated_meanwhile_end_the_session_saying_why(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    from ui.shell.screen_lock import ROLES_CHANGED

    context = workstation.shell.context
    window = _window(qtbot, workstation, reviewer, runner, settings)
    window.lock_screen()
    with context.writing() as session:  # the administrator gives another role meanwhile
        session.add(UserRole(user_id=reviewer.user_id, role="finance"))
    with qtbot.waitSignal(window.user_did_sign_out, timeout=10000):
        _unlock_with(qtbot, window, STAFF_PASSWORD)
    assert window.end_reason == ROLES_CHANGED  # the screens were built for the old roles

    again = _window(qtbot, workstation, reviewer, runner, settings)
    again.lock_screen()
    with context.writing() as session:
        session.execute(update(User).where(User.id == reviewer.user_id).values(active=False))
    with qtbot.waitSignal(again.user_did_sign_out, timeout=10000):
        _unlock_with(qtbot, again, STAFF_PASSWORD)
    th, en = again.end_reason or ("", "")
    assert "ถูกระงับ" in th and "deactivated" in en


def test_a_pin_typed_in_the_signing_dialog_does_not_survive_the_lock(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    dialog = SigningDialog(workstation.approval, runner, reviewer, [], window)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.signing.secret.setEnabled(True)
    dialog.signing.secret.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.signing.secret, timeout=2000)
    officer_types("123456")
    assert dialog.signing.secret.text() == "123456"
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        window.lock_screen()
    assert dialog.signing.secret.text() == "" and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_another_officer_signs_the_first_one_out(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    window.lock_screen()
    with qtbot.waitSignal(window.user_did_sign_out, timeout=5000):
        qtbot.mouseClick(window.screen_lock.panel.switch_button, Qt.MouseButton.LeftButton)
    (event,) = _events(workstation.shell.context, "user.signed_out")
    assert event.aggregate_id == reviewer.user_id


def test_no_idle_lock_when_the_station_says_never_and_input_counts_as_use(qtbot, gui) -> None:
    now = [1000.0]
    minutes = [0]
    watch = IdleWatch(lambda: minutes[0], now=lambda: now[0])
    fired: list[bool] = []
    watch.idle_did_pass.connect(lambda: fired.append(True))
    watch.start()
    try:
        now[0] += 121 * 60
        watch.check()
        assert fired == []  # 0: never
        minutes[0] = 2
        field = QLineEdit()
        qtbot.addWidget(field)
        field.show()
        qtbot.keyClick(field, Qt.Key.Key_A)  # a key anywhere in the application
        assert watch.last_input == now[0]
        now[0] += 119
        watch.check()
        assert fired == []
        now[0] += 1
        watch.check()
        watch.check()  # told once, until the next input
        assert fired == [True]
    finally:
        watch.stop()


def test_the_lock_panel_in_both_languages_at_1280_by_720(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    qtbot.keyClick(window.table, Qt.Key.Key_F1)  # the key is among those F1 lists
    assert dict(window.shortcut_sheet.entries())["Ctrl+L"] == "ล็อกหน้าจอ"
    window.grab().save(str(SHOTS / "screen_lock_keys_th.png"))
    qtbot.keyClick(window.shortcut_sheet, Qt.Key.Key_Escape)
    assert "ล็อกหน้าจอ" in window.header.user_button.toolTip()
    window.lock_screen()
    panel = window.screen_lock.panel
    try:
        for language in ("th", "en"):
            i18n.apply_language(language)
            qtbot.wait(20)
            assert panel.unlock_button.text() == ("ปลดล็อก" if language == "th" else "Unlock")
            assert panel.user_label.text()
            path = SHOTS / f"screen_lock_{language}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            assert window.grab().save(str(path))
            card = panel.findChild(QWidget, "SignInCard")
            assert card is not None and panel.rect().contains(card.geometry())
    finally:
        i18n.apply_language("th")
