"""Moving a request between desks from the screens: intake classifies an unclassified request
and withdraws one from the detail panel; an approver sends one back to the reviewer from the
review screen. Real ports over a real store; the screenshots are kept for people to look at."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models import Application
from services.kernel.statuses import ApplicationStatus
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_review import accept_all, submit
from tests.ui.conftest import SCREENSHOTS, active_main_window, type_text
from ui.common.request_dialogs import ClassifyDialog, ReturnToReviewDialog, WithdrawDialog
from ui.shell.application_model import ROW_ROLE


def _status(context, application_id: str) -> str:
    with context.read() as session:
        return session.get(Application, application_id).status


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_intake_classifies_an_unclassified_request_from_the_detail_panel(
    qtbot, context, workstation, intake_user, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    table = window.table
    table.setFocus()
    table.selectRow(1)  # received: nothing to classify, but it may be withdrawn
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.detail.classify_button.isHidden() and window.detail.withdraw_button.isVisible()
    table.selectRow(0)  # the first request arrived without a service
    row = table.model().index(0, 0).data(ROW_ROLE)
    assert row.status == ApplicationStatus.UNCLASSIFIED
    assert window.detail.classify_button.isVisible()
    window.detail.classify_button.click()
    qtbot.waitUntil(lambda: isinstance(window.request_dialog, ClassifyDialog), timeout=10000)
    dialog = window.request_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert not dialog.ok_button.isEnabled()  # nothing chosen yet
    dialog.service.setCurrentIndex(dialog.service.findData("FOOD-SHOP"))
    assert not dialog.ok_button.isEnabled()  # the kind of applicant too
    dialog.juristic.setChecked(True)
    assert dialog.ok_button.isEnabled()
    _shot(dialog, "classify_dialog")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert _status(context, row.id) == ApplicationStatus.RECEIVED


def test_an_officer_withdraws_a_request_with_a_reason(
    qtbot, context, workstation, intake_user, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    table = window.table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    row = table.model().index(1, 0).data(ROW_ROLE)
    window.detail.withdraw_button.click()
    dialog = window.request_dialog
    assert isinstance(dialog, WithdrawDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert not dialog.ok_button.isEnabled()  # a reason is needed
    type_text(dialog.text, "ผู้ยื่นมาแจ้งที่เคาน์เตอร์ขอถอนคำขอ ตรวจบัตรแล้ว")
    assert dialog.ok_button.isEnabled()
    _shot(dialog, "withdraw_dialog")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert _status(context, row.id) == ApplicationStatus.WITHDRAWN


def test_the_approver_sends_a_request_back_with_a_note_the_reviewer_reads(
    qtbot, context, workstation, runner, settings
) -> None:
    reviewer = workstation.shell.sign_in("reviewer", STAFF_PASSWORD)
    approver = workstation.shell.sign_in("approver", STAFF_PASSWORD)
    app_id = submit(context, hour=9)
    accept_all(workstation, reviewer, app_id)
    workstation.review.mark_reviewed(reviewer, app_id)
    window = active_main_window(qtbot, workstation, approver, runner, settings)
    row = workstation.review.open_application(approver, app_id).row
    window.open_review(row)
    qtbot.waitUntil(lambda: window.review.detail is not None, timeout=10000)
    button = window.review.action_bar.return_button
    qtbot.waitUntil(button.isVisible, timeout=3000)
    button.click()
    dialog = window.review.return_dialog
    assert isinstance(dialog, ReturnToReviewDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    type_text(dialog.text, "แผนที่ตั้งร้านไม่ตรงกับที่อยู่ในคำขอ โปรดตรวจอีกครั้ง")
    _shot(dialog, "return_to_review_dialog")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert _status(context, app_id) == ApplicationStatus.IN_REVIEW
    # The reviewer opens it and reads the note first, in the request.
    window.close()
    mine = active_main_window(qtbot, workstation, reviewer, runner, settings)
    mine.open_review(workstation.review.open_application(reviewer, app_id).row)
    qtbot.waitUntil(lambda: mine.review.detail is not None, timeout=10000)
    assert mine.review.detail.returned[-1][2].startswith("แผนที่ตั้งร้าน")
    info = mine.review.info
    mine.review.tabs.setCurrentWidget(info)
    qtbot.waitUntil(lambda: "แผนที่ตั้งร้าน" in _texts(info), timeout=5000)
    _shot(mine, "returned_note_for_the_reviewer")


def _texts(widget) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in widget.findChildren(QLabel))
