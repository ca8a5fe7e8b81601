"""A forwarded request in the details panel: whom it names, and intake confirming the applicant.
Real ports over a real store, the mail taken by the real intake."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from models import Application, OutboxMessage
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus
from tests.ui.conftest import active_main_window
from ui.shell.main_window import MainWindow
from ui.shell.start import build_main_window_for

SHOTS = Path(os.environ.get("ANUYAT_SHOTS", "artifacts/screenshots"))
CLERK = "clerk@agency.example.go.th"


@pytest.fixture
def forwarded(context) -> str:
    """A citizen's request a clerk forwarded inline (Thai Outlook); its application id."""
    from services.intake.mail.parse import parse_mail
    from services.intake.pipeline import arrival_from_mail, ingest

    raw = corpus.mail_forwarded_inline_thai()
    received = context.clock.now() - timedelta(hours=1)
    outcome = ingest(context, arrival_from_mail(parse_mail(raw), received, raw))
    assert outcome.kind == "new" and not outcome.replied
    assert outcome.application_id is not None
    return outcome.application_id


def _open_detail(qtbot, workstation, user, runner, settings) -> MainWindow:
    window = active_main_window(qtbot, workstation, user, runner, settings, size=(1280, 720))
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10000)
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(window.forward_box.isVisible, timeout=10000)
    return window


def test_intake_sees_whom_a_forward_names_and_confirms_the_original_sender(
    qtbot, context, workstation, intake_user, runner, settings, forwarded
) -> None:
    window = _open_detail(qtbot, workstation, intake_user, runner, settings)
    box = window.forward_box
    assert CLERK in box.text.text() and corpus.APPLICANT in box.text.text()
    assert "ยังไม่ได้ส่งหนังสือตอบรับ" in box.text.text()
    assert box.original_button.isVisible() and box.forwarder_button.isVisible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "forwarded-request-th.png"))
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: "forwarded this request" in box.text.text(), timeout=3000)
    qtbot.waitUntil(
        lambda: box.original_button.width() >= box.original_button.sizeHint().width(),
        timeout=3000,
    )
    # Laid out again in English: the whole text shows, the fields above it too.
    qtbot.waitUntil(
        lambda: box.text.height() >= box.text.heightForWidth(box.text.width())
        and "Status" in window.detail.field_texts()
        and all(label.isVisible() for label in window.detail.findChildren(QLabel)
                if label.text() == "Status"),
        timeout=3000,
    )  # fmt: skip
    window.grab().save(str(SHOTS / "forwarded-request-en.png"))

    box.original_button.setFocus()
    qtbot.keyClick(box.original_button, Qt.Key.Key_Space)  # as an officer presses it
    qtbot.waitUntil(lambda: "Confirmed" in box.text.text(), timeout=10000)
    assert not box.original_button.isVisible()
    with context.read() as session:
        app = session.get(Application, forwarded)
        acks = session.scalars(
            select(OutboxMessage).where(OutboxMessage.application_id == forwarded)
        ).all()
    assert app is not None and app.reply_to == corpus.APPLICANT
    assert [(m.kind, m.to_addr) for m in acks] == [("acknowledgement", corpus.APPLICANT)]


def test_a_reviewer_sees_the_proposal_but_does_not_decide_it(
    qtbot, workstation, runner, settings, forwarded
) -> None:
    reviewer = workstation.shell.sign_in("reviewer", STAFF_PASSWORD)
    window = build_main_window_for(workstation, reviewer, runner, settings)
    qtbot.addWidget(window)
    window.show()
    box = window.forward_box
    listed = workstation.shell.list_applications(reviewer, None, 0, 10)
    window.open_detail(next(r for r in listed if r.id == forwarded))
    qtbot.waitUntil(box.isVisible, timeout=10000)
    assert corpus.APPLICANT in box.text.text()
    assert not box.original_button.isVisible() and not box.forwarder_button.isVisible()
