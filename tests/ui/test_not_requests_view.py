"""The "Not requests" tray over the real ports, with mail the real intake set aside."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from models import Application, OutboxMessage
from services.kernel.errors import PermissionDenied
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus
from tests.ui.conftest import active_main_window
from ui.intake.not_requests_view import NotRequestColumn
from ui.shell.main_window import MainWindow
from ui.shell.queue_pane import NOT_REQUESTS

SHOTS = Path(os.environ.get("ANUYAT_SHOTS", "artifacts/screenshots"))


@pytest.fixture
def set_aside(context) -> list[str]:
    """Three mails intake set aside (a bounce, an out-of-office, a newsletter), received an
    hour apart before the clock's now; returns their subjects, newest first."""
    from services.intake.mail.parse import parse_mail
    from services.intake.pipeline import arrival_from_mail, ingest

    mails = [
        corpus.mail_delivery_report(),
        corpus.mail_out_of_office(),
        corpus.mail_newsletter(),
    ]
    subjects = []
    for hours, raw in enumerate(mails, start=1):
        mail = parse_mail(raw)
        received = context.clock.now() - timedelta(hours=4 - hours)
        outcome = ingest(context, arrival_from_mail(mail, received, raw))
        assert outcome.kind == "not_request", outcome
        subjects.append(mail.subject)
    return subjects[::-1]


def _open_tray(qtbot, window: MainWindow, count: int) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == NOT_REQUESTS
    view = window.not_requests
    assert view is not None
    qtbot.waitUntil(lambda: view.loaded and view.model.rowCount() == count, timeout=10000)


def test_the_tray_lists_sender_subject_time_and_why_in_both_languages(
    qtbot, workstation, intake_user, runner, settings, set_aside
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings, size=(1280, 720))
    _open_tray(qtbot, window, 3)
    view = window.not_requests
    assert view is not None
    model = view.model
    subjects = [model.index(r, NotRequestColumn.SUBJECT).data() for r in range(3)]
    assert subjects == set_aside  # newest first
    header = model.headerData(NotRequestColumn.REASON, Qt.Orientation.Horizontal)
    assert header == "เหตุที่ไม่ใช่คำขอ"
    bounce = model.index(2, NotRequestColumn.REASON)
    assert "รายงานการส่งอีเมล" in bounce.data()
    assert "delivery" in bounce.data(Qt.ItemDataRole.ToolTipRole)  # the other language
    assert model.index(2, NotRequestColumn.SENDER).data() == "Mail Delivery System"
    assert model.index(0, NotRequestColumn.RECEIVED).data() == "25 พ.ย. 2569 09:00"
    assert window.queues.pages.item(1).text() == "ไม่ใช่คำขอ"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "not-requests-th.png"))
    qtbot.keyClick(view.table, Qt.Key.Key_F1)  # the keys are on the cheat-sheet
    keys = dict(window.shortcut_sheet.entries())
    assert keys["Alt+N"] == "อีเมลที่ไม่ใช่คำขอ (อีเมลตีกลับ ตอบกลับอัตโนมัติ)"
    qtbot.keyClick(window.shortcut_sheet, Qt.Key.Key_Escape)

    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: "delivery" in bounce.data(), timeout=3000)
    assert view.side.take_button.text() == "This is a request after all"
    assert model.index(0, NotRequestColumn.RECEIVED).data() == "25 Nov 2026 09:00"
    button = view.side.take_button
    qtbot.waitUntil(lambda: button.width() >= button.sizeHint().width(), timeout=3000)

    def shown() -> list[str]:  # the panel's fields are laid out again in English
        return [label.text() for label in view.side.findChildren(QLabel) if label.isVisible()]

    qtbot.waitUntil(lambda: "News <news@shop.example.com>" in shown(), timeout=3000)
    assert "Why it is not a request" in shown() and "In the other language" in shown()
    window.grab().save(str(SHOTS / "not-requests-en.png"))


def test_one_key_takes_a_mail_as_a_request_and_it_is_acknowledged(
    qtbot, workstation, intake_user, runner, settings, set_aside, context
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings, size=(1280, 720))
    _open_tray(qtbot, window, 3)
    view = window.not_requests
    assert view is not None
    before = window.model.total
    # The officer moves down to the out-of-office reply of a real person and presses the key.
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.side.row is not None and view.side.row.subject == set_aside[1]
    qtbot.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: view.notice.isVisible(), timeout=3000)
    with context.read() as session:
        app = session.scalars(
            select(Application).where(Application.reply_to == "somsri@example.co.th")
        ).one()
        acks = session.scalars(
            select(OutboxMessage).where(OutboxMessage.application_id == app.id)
        ).all()
    assert app.tracking_number in view.notice.text()
    assert [m.kind for m in acks] == ["acknowledgement"]
    qtbot.waitUntil(lambda: window.model.total == (before or 0) + 1, timeout=10000)


def test_the_administrator_sees_the_tray_but_only_intake_decides(
    qtbot, workstation, runner, settings, set_aside
) -> None:
    admin = workstation.shell.sign_in("admin", STAFF_PASSWORD)
    window = active_main_window(qtbot, workstation, admin, runner, settings, size=(1280, 720))
    _open_tray(qtbot, window, 3)
    view = window.not_requests
    assert view is not None
    assert not view.side.take_button.isEnabled()
    assert view.side.why_not.isVisible()
    assert "Ctrl+R" not in view.intro.text()  # told who decides, not a key that does nothing
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "not-requests-admin-th.png"))
    qtbot.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert view.model.rowCount() == 3 and not view.notice.isVisible()
    window.close()
    for role in ("reviewer", "finance", "approver"):
        other = workstation.shell.sign_in(role, STAFF_PASSWORD)
        window = active_main_window(qtbot, workstation, other, runner, settings, size=(1280, 720))
        assert window.not_requests is None and not window.show_not_requests()
        assert not window.not_requests_action.isVisible()
        window.close()
        with pytest.raises(PermissionDenied):
            workstation.intake.not_requests(other)


def test_the_sync_summary_says_how_many_mails_were_set_aside(gui) -> None:
    from services.api import SyncSummary
    from ui.intake.sync_indicator import summary_text

    summary = SyncSummary(1, 0, 0, 1, (), (), set_aside=2)
    assert "ไม่ใช่คำขอ 2 ฉบับ" in summary_text(summary)
