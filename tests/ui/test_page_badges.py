"""The queue pane's page badges count from the services, before their pages were ever made.

Signed in, the pane shows how many files are held, mails set aside and slips waiting for
finance, while none of those pages exists yet (they are made when first opened); a change
behind the window's back (a mail held by another station's sync, a slip verified elsewhere)
moves the badge when the window hears of it, still without making the page. Screenshots of
the window right after sign-in, in Thai and English.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from the modules that make the data)
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from models import Payment
from services.api import SignedInUser
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_fee_slips import encoded, match, reply_with, slip_image
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import users, ws
from tests.ui.conftest import SCREENSHOTS, active_main_window, mail_bytes
from tests.ui.test_not_requests_view import set_aside
from ui.common import i18n
from ui.common.changes import Changes
from ui.intake.quarantine_view import QuarantineColumn
from ui.shell.delegates import COUNT_ROLE
from ui.shell.main_window import MainWindow
from ui.shell.queue_pane import NOT_REQUESTS, PAYMENTS, QUARANTINE

ALT = Qt.KeyboardModifier.AltModifier


def _shot(widget: QWidget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"badges-{name}.png"
    assert widget.grab().save(str(path))
    return path


def _badge(window: MainWindow, page: str) -> int | None:
    row = window.queues._page_row(page)
    return None if row < 0 else window.queues.pages.item(row).data(COUNT_ROLE)


def _hold_one_more(context) -> None:
    """A mail whose attachment intake holds back, ingested as another station's sync would."""
    from services.intake.mail.parse import parse_mail
    from services.intake.pipeline import arrival_from_mail, ingest
    from tests.ui.conftest import EXE_BYTES

    raw = mail_bytes("ขอต่ออายุใบอนุญาต", [("แบบคำขอ.pdf", EXE_BYTES, "application/pdf")])
    outcome = ingest(context, arrival_from_mail(parse_mail(raw), context.clock.now(), raw))
    assert outcome.quarantined == 1, outcome


def test_intake_badges_count_at_sign_in_and_after_a_change_without_their_pages(
    qtbot, workstation, intake_user: SignedInUser, runner, settings, held_mail, set_aside, context
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings, (1280, 720))
    qtbot.waitUntil(lambda: _badge(window, QUARANTINE) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: _badge(window, NOT_REQUESTS) == 3, timeout=15_000)
    # The counts came from the services: neither page was made to count them.
    assert window.page_set.built(QUARANTINE) is None
    assert window.page_set.built(NOT_REQUESTS) is None
    _shot(window, "signed-in-th")

    # Held behind the window's back; the sync (or the server's change feed) says so.
    _hold_one_more(context)
    assert _badge(window, QUARANTINE) == 2  # not polled: told
    window.changes.announce(Changes(lists=True, quarantine=True))
    qtbot.waitUntil(lambda: _badge(window, QUARANTINE) == 3, timeout=15_000)
    assert window.page_set.built(QUARANTINE) is None

    window.language_actions["en"].trigger()
    try:
        qtbot.waitUntil(lambda: window.dashboard_action.text() == "Dashboard", timeout=5000)
        assert _badge(window, QUARANTINE) == 3 and _badge(window, NOT_REQUESTS) == 3
        _shot(window, "signed-in-en")
        # Opened now, the page is made in English and shows what the badge counted.
        qtbot.keyClick(window.table, Qt.Key.Key_Q, ALT)
        view = window.page_set.built(QUARANTINE)
        assert view is window.quarantine and view is not None
        qtbot.waitUntil(lambda: view.loaded and view.model.rowCount() == 3, timeout=15_000)
        reason = view.model.headerData(QuarantineColumn.REASON, Qt.Orientation.Horizontal)
        assert reason == "Why it was held"
    finally:
        i18n.apply_language("th")


def test_the_payments_badge_counts_slips_before_the_page_is_made(
    gui, qtbot, runner, settings, context, ws, users
) -> None:
    with_account(context)
    first = reviewed_with_fee(context, ws, users, hour=9)
    second = reviewed_with_fee(context, ws, users, hour=10)
    reply_with(context, first, "slip.png", encoded(slip_image("004", "KB1"), "PNG"), "image/png")
    other = encoded(slip_image("014", "SCB2"), "JPEG", quality=70)
    reply_with(context, second, "โอนแล้ว.jpg", other, "image/jpeg")
    assert match(context) == 2
    finance = ws.shell.sign_in("finance", STAFF_PASSWORD)
    window = active_main_window(qtbot, ws, finance, runner, settings, (1280, 720))
    qtbot.waitUntil(lambda: _badge(window, PAYMENTS) == 2, timeout=30_000)
    assert window.page_set.built(PAYMENTS) is None
    _shot(window, "finance-signed-in-th")

    # Verified at another workstation: the badge follows once the window hears of it.
    with context.read() as session:
        payment = session.scalars(select(Payment).where(Payment.application_id == first)).one()
    ws.fees.verify(finance, payment.id)
    window.changes.announce(Changes(lists=True))
    qtbot.waitUntil(lambda: _badge(window, PAYMENTS) == 1, timeout=30_000)
    assert window.page_set.built(PAYMENTS) is None
    assert window.page_set.built(QUARANTINE) is None  # finance has no quarantine anyway
    assert _badge(window, QUARANTINE) is None
