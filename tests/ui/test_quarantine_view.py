"""The quarantine page over the real ports, with files held by the real intake."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from services.kernel.errors import PermissionDenied
from tests.ui.conftest import HELD_NAMES, SCREENSHOTS, active_main_window, type_text
from ui.intake.quarantine_view import QuarantineColumn
from ui.shell.main_window import MainWindow
from ui.shell.queue_pane import QUARANTINE, QUEUES


def _open_quarantine(qtbot, window: MainWindow, count: int) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window.table, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == QUARANTINE
    view = window.quarantine
    qtbot.waitUntil(lambda: view.loaded and view.model.rowCount() == count, timeout=10000)


def test_entry_and_badge_only_for_intake_and_reviewer(
    qtbot, workstation, intake_user, reviewer, runner, settings, held_mail
) -> None:
    from tests.conftest import STAFF_PASSWORD

    for user in (intake_user, reviewer):
        window = active_main_window(qtbot, workstation, user, runner, settings)
        qtbot.waitUntil(lambda w=window: w.queues.quarantine_count() == 2, timeout=10000)
        assert window.queues.pages.isVisible()
        assert window.queues.pages.item(0).text() == "ไฟล์ที่กักไว้"
        window.close()
    # The screen hides what the service refuses: both ask the same access table.
    for role in ("finance", "admin"):
        other = workstation.shell.sign_in(role, STAFF_PASSWORD)
        window = active_main_window(qtbot, workstation, other, runner, settings)
        assert window.queues.quarantine_count() is None
        pages = window.queues.pages
        assert "ไฟล์ที่กักไว้" not in [pages.item(i).text() for i in range(pages.count())]
        assert window.quarantine is None
        assert not window.show_quarantine()
        assert not window.quarantine_action.isVisible()
        window.close()
        with pytest.raises(PermissionDenied):
            workstation.intake.quarantine_items(other)


def test_held_files_are_listed_with_reason_date_and_size(
    qtbot, workstation, intake_user, runner, settings, held_mail
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    _open_quarantine(qtbot, window, 2)
    model = window.quarantine.model
    assert window.quarantine.filenames() == list(HELD_NAMES)
    assert model.headerData(QuarantineColumn.REASON, Qt.Orientation.Horizontal) == "เหตุที่กักไว้"
    exe = model.row_at(0)
    reason = model.index(0, QuarantineColumn.REASON)
    assert reason.data() == exe.reason_th and exe.reason_th
    # The other language is in the tooltip.
    assert exe.reason_en in reason.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, QuarantineColumn.TRACKING).data() == held_mail
    assert model.index(0, QuarantineColumn.CHANNEL).data() == "อีเมล"
    # The mail's own received time (08:00), not the sync that read it two hours later.
    received = model.index(0, QuarantineColumn.RECEIVED)
    assert received.data() == "25 พ.ย. 2569 08:00"
    assert "10:00" in received.data(Qt.ItemDataRole.ToolTipRole)
    # Sizes in decimal units, the one convention (BROKEN_PDF and EXE_BYTES are small).
    assert model.index(0, QuarantineColumn.SIZE).data() == f"{exe.size:,} B"
    # The first file is chosen; the panel beside the list tells its story.
    side = window.quarantine.side
    assert side.row is not None and side.row.id == exe.id
    assert side.title.text() == HELD_NAMES[0]
    shown = [label.text() for label in side.findChildren(QLabel)]
    assert "25 พฤศจิกายน 2569 เวลา 08:00 น." in shown
    assert "25 พฤศจิกายน 2569 เวลา 10:00 น." in shown
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "quarantine_th.png"))
    # In English the reason follows the language.
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: reason.data() == exe.reason_en, timeout=3000)
    assert model.index(0, QuarantineColumn.RECEIVED).data() == "25 Nov 2026 08:00"
    assert exe.reason_th in reason.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: side.release_button.text() == "Release…", timeout=3000)

    def shown_now() -> list[str]:  # the panel's facts are laid out again in English
        return [label.text() for label in side.findChildren(QLabel) if label.isVisible()]

    qtbot.waitUntil(lambda: "Why it was held" in shown_now(), timeout=3000)
    assert window.grab().save(str(SCREENSHOTS / "quarantine_en.png"))


def test_release_and_discard_ask_for_a_reason_inline_and_change_the_store(
    qtbot, workstation, intake_user, runner, settings, held_mail
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    _open_quarantine(qtbot, window, 2)
    view = window.quarantine
    side = view.side
    first, second = (view.model.row_at(0), view.model.row_at(1))

    qtbot.mouseClick(side.release_button, Qt.MouseButton.LeftButton)
    assert side.ask_box.isVisible() and side.action == "release"
    assert side.reason_edit.hasFocus()
    # No reason, no call: the hint says why, nothing changes.
    qtbot.mouseClick(side.confirm_button, Qt.MouseButton.LeftButton)
    assert side.hint.text()
    assert len(workstation.intake.quarantine_items(intake_user)) == 2
    type_text(side.reason_edit, "ผู้ยื่นยืนยันทางโทรศัพท์ว่าเป็นแบบคำขอ")
    assert side.hint.text() == ""
    with qtbot.waitSignal(view.quarantine_did_change, timeout=10000):
        qtbot.keyClick(side.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    released = workstation.intake.quarantine_items(intake_user, "released")
    assert [r.id for r in released] == [first.id]
    assert HELD_NAMES[0] in view.notice.text()
    qtbot.waitUntil(lambda: window.queues.quarantine_count() == 1, timeout=5000)

    # The remaining file is chosen; discard it.
    assert side.row is not None and side.row.id == second.id
    qtbot.mouseClick(side.discard_button, Qt.MouseButton.LeftButton)
    assert side.confirm_button.text() == "ไม่รับไฟล์นี้"
    qtbot.keyClicks(side.reason_edit, "broken scan, applicant will resend")
    with qtbot.waitSignal(view.quarantine_did_change, timeout=10000):
        qtbot.mouseClick(side.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10000)
    assert [r.id for r in workstation.intake.quarantine_items(intake_user, "discarded")] == [
        second.id
    ]
    assert view.empty.isVisible()
    assert side.row is None
    qtbot.waitUntil(lambda: window.queues.quarantine_count() == 0, timeout=5000)
    assert QApplication.activeModalWidget() is None

    # Back to the list with Alt+1.
    qtbot.keyClick(window.quarantine.table, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == QUEUES
    assert window.queues.current_status() is None


def test_a_refused_release_is_explained_inline_in_both_languages(
    qtbot, workstation, intake_user, runner, settings, context
) -> None:
    """A whole message intake could not process is held unlinked; it cannot be released."""
    from services.intake.mail.parse import parse_mail
    from services.intake.pipeline import arrival_from_mail, quarantine_unprocessable
    from tests.ui.conftest import mail_bytes

    raw = mail_bytes("ข้อความที่อ่านไม่ได้", [])
    arrival = arrival_from_mail(parse_mail(raw), context.clock.now(), raw)
    quarantine_unprocessable(context, arrival, RuntimeError("parser crashed"), None)

    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    _open_quarantine(qtbot, window, 1)
    view = window.quarantine
    assert view.model.index(0, QuarantineColumn.TRACKING).data() == "—"
    side = view.side
    side.ask("release")
    type_text(side.reason_edit, "ลองรับเป็นเอกสาร")
    side.confirm()
    qtbot.waitUntil(lambda: side.error_box.text() != "", timeout=10000)
    thai, english = side.error_box.text().split("\n")
    assert thai.startswith("ข้อความนี้ยังไม่ผูกกับคำขอ")
    assert english.startswith("This message is not linked to an application")
    assert QApplication.activeModalWidget() is None
    assert side.release_button.isEnabled()  # the officer can go on (discard it instead)
    assert view.model.rowCount() == 1
