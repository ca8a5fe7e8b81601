"""The approver's page on real widgets over a real profile and a real SoftHSM2 token.

The approver ticks three reviewed requests, types the token PIN key by key, reads the
token's certificates, signs the batch with one PIN and watches the progress; the page then
verifies a signed record. Screenshots in Thai and English go to artifacts/screenshots/.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from models import OutboxMessage
from services.access import auth
from services.api.approval import SigningSettings
from services.api.ports import build_ports
from services.kernel.actors import SYSTEM
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import reviewed
from tests.ui.conftest import SCREENSHOTS, officer_types
from ui.approval.page import ApprovalPage
from ui.common import i18n
from ui.common.changes import Changes
from ui.shell.delegates import COUNT_ROLE


def _ports(context, softhsm):
    token = softhsm["approver"]
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(uow, username="reviewer2", display_name="นางสาวสอง ถี่ถ้วน",
                         password=STAFF_PASSWORD, roles=["reviewer"])  # fmt: skip
    ports = build_ports(context, signing=SigningSettings(token.module, (token.root_pem,)))
    names = ("intake", "reviewer", "approver", "reviewer2")
    users = {n: ports.shell.sign_in(n, STAFF_PASSWORD) for n in names}
    return ports, users


def _notice_statuses(context) -> list[str]:
    with context.read() as session:
        return list(
            session.scalars(
                select(OutboxMessage.status).where(OutboxMessage.kind == "payment_notice")
            )
        )


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if widget.layout() is not None:
        widget.layout().activate()  # texts just changed language: lay them out first
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_the_approver_batch_signs_three_with_one_pin_typed_on_the_keyboard(
    gui, qtbot, runner, settings, context, softhsm
) -> None:
    ports, users = _ports(context, softhsm)
    ids = [reviewed(context, ports, users, hour=h) for h in (9, 10, 11)]
    page = ApprovalPage(ports.approval, ports.review, users["approver"], runner, settings)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=30_000)
    assert [page.table.item(r, 1).text() for r in range(3)] != ["", "", ""]
    page.open_row(0)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=30_000)
    assert page.summary.detail.row.id == ids[0]  # first come, first served
    qtbot.waitUntil(lambda: "นายตรวจ ละเอียด" in page.summary_view.toPlainText(), timeout=30_000)
    assert "ต้องแสดงหนังสือรับรองการแจ้ง" in page.conditions.toPlainText()
    assert page.approve_button.isEnabled() and page.back_button.isEnabled()
    qtbot.waitUntil(lambda: not page.viewer.is_loading, timeout=30_000)
    _shot(page, "approval_page_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: "Documents checked" in page.summary_view.toPlainText(), timeout=30_000)
    assert page.sign_button.text() == "Approve and sign ticked…"
    _shot(page, "approval_page_en")
    i18n.apply_language("th")

    # The approver adds a condition by typing, ticks the three and signs them as one batch.
    page.conditions.setFocus()
    page.conditions.moveCursor(page.conditions.textCursor().MoveOperation.End)
    QTest.keyClick(page.conditions, Qt.Key.Key_Return)
    officer_types("ห้ามตั้งโต๊ะบนทางเท้า")
    for app_id in ids:
        page.set_checked(app_id)
    page.sign_button.click()
    qtbot.waitUntil(lambda: getattr(page, "signing_dialog", None) is not None
                    and page.signing_dialog.isVisible())  # fmt: skip
    dialog = page.signing_dialog
    qtbot.waitUntil(lambda: dialog.signing.token_combo.count() >= 1, timeout=30_000)
    dialog.signing.token_combo.setCurrentIndex(dialog.signing.token_combo.findData("approver"))
    dialog.signing.secret.setFocus()
    officer_types(softhsm["approver"].pin)
    assert dialog.signing.secret.echoMode() == dialog.signing.secret.EchoMode.Password
    dialog.signing.read_button.click()
    qtbot.waitUntil(lambda: dialog.signing.certificate_combo.count() == 3, timeout=30_000)
    # Found by value: Qt's findData compares a Python bytes by identity, and b"\x01" loaded
    # from a .pyc is not the object the token's key id is (it fails once bytecode is kept).
    combo = dialog.signing.certificate_combo
    combo.setCurrentIndex([combo.itemData(i) for i in range(combo.count())].index(b"\x01"))
    assert "นายอนุมัติ รอบคอบ" in dialog.signing.certificate_combo.currentText()
    _shot(dialog, "approval_signing_dialog_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "Approve and sign", timeout=30_000)
    _shot(dialog, "approval_signing_dialog_en")
    i18n.apply_language("th")
    dialog.ok_button.click()
    assert dialog.signing.secret.text() == ""  # the field does not keep the PIN
    qtbot.waitUntil(
        lambda: page.progress is not None and page.progress.close_button.isVisible(), timeout=30_000
    )
    progress = page.progress
    assert progress.outcome is not None, progress.error.text()  # the message, if it failed
    assert progress.outcome.approved == tuple(ids)
    assert progress.bar.value() == 3
    # The fee notices the approvals made due are drawn after the batch, off the signing loop.
    qtbot.waitUntil(lambda: _notice_statuses(context) == ["queued"] * 3, timeout=60_000)
    _shot(progress, "approval_batch_progress_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: progress.close_button.text() == "Close", timeout=30_000)
    _shot(progress, "approval_batch_progress_en")
    i18n.apply_language("th")
    progress.accept()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=30_000)

    # The signed record of the first request verifies, on the page.
    page.open_application(ids[0])
    qtbot.waitUntil(
        lambda: page.summary is not None and page.summary.decision is not None, timeout=30_000
    )
    assert "ห้ามตั้งโต๊ะบนทางเท้า" in page.summary.decision.conditions
    qtbot.waitUntil(page.verify_button.isEnabled, timeout=30_000)
    page.verify_button.click()
    qtbot.waitUntil(page.signature_status.isVisible, timeout=30_000)
    assert "นายอนุมัติ รอบคอบ" in page.signature_status.text()
    assert page.signature_status.text().startswith("ลายมือชื่อถูกต้อง")
    _shot(page, "approval_verified_th")
    QApplication.processEvents()


def test_a_wrong_pin_is_told_in_the_dialog_and_nothing_is_signed(
    gui, qtbot, runner, settings, context, softhsm
) -> None:
    ports, users = _ports(context, softhsm)
    app_id = reviewed(context, ports, users, hour=9)
    page = ApprovalPage(ports.approval, ports.review, users["approver"], runner, settings)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    page.open_row(0)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=30_000)
    page.approve_button.click()
    qtbot.waitUntil(lambda: getattr(page, "signing_dialog", None) is not None, timeout=30_000)
    dialog = page.signing_dialog
    qtbot.waitUntil(lambda: dialog.signing.token_combo.count() >= 1, timeout=30_000)
    dialog.signing.token_combo.setCurrentIndex(dialog.signing.token_combo.findData("approver"))
    dialog.signing.secret.setFocus()
    officer_types("000000")
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: page.progress is not None and page.progress.close_button.isVisible(), timeout=30_000
    )
    text = page.progress.error.text()
    assert "รหัส PIN ของโทเคนไม่ถูกต้อง" in text and "The token PIN is wrong" in text
    _shot(page.progress, "approval_wrong_pin_th")
    page.progress.accept()
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    assert page.table.item(0, 0).data(Qt.ItemDataRole.UserRole + 1) == app_id


def test_the_approver_finds_the_page_in_the_main_window_with_how_many_wait(
    gui, qtbot, runner, settings, context, softhsm
) -> None:
    from ui.shell.queue_pane import APPROVALS
    from ui.shell.start import build_main_window_for

    ports, users = _ports(context, softhsm)
    for hour in (9, 10):
        reviewed(context, ports, users, hour=hour)
    window = build_main_window_for(ports, users["approver"], runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    row = window.queues._page_row(APPROVALS)
    qtbot.waitUntil(lambda: window.queues.pages.item(row).data(COUNT_ROLE) == 2, timeout=30_000)
    # Counted by the services: the page is made only when first opened.
    assert window.page_set.built(APPROVALS) is None
    reviewed(context, ports, users, hour=11)  # passed on behind the window's back
    window.changes.announce(Changes(lists=True))
    qtbot.waitUntil(lambda: window.queues.pages.item(row).data(COUNT_ROLE) == 3, timeout=30_000)
    assert window.page_set.built(APPROVALS) is None
    assert window.queues.select_page(APPROVALS)
    assert window.current_page() == APPROVALS
    qtbot.waitUntil(lambda: window.approvals.table.rowCount() == 3, timeout=30_000)
    _shot(window, "approval_main_window_th")
    # At 1280 px the queue list is whole: no sideways scrolling, its last header not cut.
    table = window.approvals.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    title = table.horizontalHeaderItem(2).text()
    assert header.sectionSize(2) >= header.fontMetrics().horizontalAdvance(title) + 8
    # ... and the viewer beside it keeps the width it had (its toolbar is already tight).
    assert window.approvals.viewer.width() >= 380
    # ... whose toolbar folds what does not fit instead of drawing it over its neighbours.
    from tests.ui.test_viewer_toolbar import _overlaps

    bar = window.approvals.viewer.toolbar
    assert _overlaps(bar) == [] and bar.more_button.isVisible()
    i18n.apply_language("en")
    _shot(window, "approval_main_window_en")
    assert _overlaps(bar) == []
    i18n.apply_language("th")
    # A reviewer has no such page.
    other = build_main_window_for(ports, users["reviewer"], runner, settings)
    qtbot.addWidget(other)
    assert other.approvals is None and not other.queues.select_page(APPROVALS)
