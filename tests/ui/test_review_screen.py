"""The review screen over the real ports: next in first-come order, out-of-order reasons,
the document viewer on real PDFs and JPEGs, checklist keys, requests for documents, decisions.

Everything is read back through the port (a new ``open_application``), never from the widgets
alone, so a verdict counts only when the store has it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from tests.ui.conftest import PDF_PAGES, SCREENSHOTS, officer_types, type_text
from tests.ui.conftest import active_main_window as _window
from tests.ui.review_steps import open_next, pdf_shown
from ui.review.certify import CertifyDialog, WithdrawCopyDialog
from ui.review.composer import DEFAULT_ANSWER_DAYS
from ui.review.screen import ReviewScreen
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _reread(workstation, user, application_id):
    return workstation.review.open_application(user, application_id)


def test_next_opens_the_oldest_request_and_claims_it(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    oldest_id, oldest_number = review_applications[0]
    assert window.workspace.currentWidget() is review
    assert review.detail.row.id == oldest_id
    assert review.detail.claimed_by_me
    assert review.detail.row.status == "in_review"
    assert oldest_number in review.top_bar.title.text()
    assert review.top_bar.status_pill.text() == "กำลังตรวจสอบ"
    # Esc goes back to the list, where the request now shows as taken.
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_Escape)
    assert window.workspace.currentWidget() is window.splitter


def test_opening_out_of_order_asks_for_a_reason_then_opens(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    second_id, second_number = review_applications[1]
    row = window.model.row_at(window.model.find_row(second_id))
    window.open_review(row)
    review = window.review
    qtbot.waitUntil(review.is_asking_reason, timeout=10000)
    assert review.out_of_order.th_label.text().startswith("มีคำขอที่ยื่นก่อนหน้านี้รออยู่ 1 รายการ")
    assert "earlier requests" in review.out_of_order.en_label.text()
    assert review.detail is None  # nothing of the request shows before the reason
    # An empty reason is not sent.
    review.out_of_order.reason_button.click()
    assert review.is_asking_reason()
    type_text(review.out_of_order.reason_edit, "ผู้ยื่นรออยู่ที่เคาน์เตอร์")
    qtbot.keyClick(review.out_of_order.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.detail is not None, timeout=10000)
    assert review.detail.row.id == second_id
    assert review.detail.claimed_by_me
    history = workstation.review.history(reviewer, second_id)
    assert any("ผู้ยื่นรออยู่ที่เคาน์เตอร์" in entry.summary_th for entry in history)


def test_pdf_viewer_shows_page_one_and_pages_through(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    viewer = review.viewer
    assert viewer.current_document().filename == "แบบคำขอ.pdf"
    assert viewer.pdf_document.pageCount() == PDF_PAGES
    assert viewer.current_page() == 1
    assert viewer.page_label.text() == f"1 / {PDF_PAGES}"
    qtbot.waitUntil(lambda: viewer.thumbnails.count() == PDF_PAGES, timeout=10000)
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_PageDown)
    assert viewer.current_page() == 2
    assert viewer.pdf_view.pageNavigator().currentPage() == 1  # 0-based inside Qt
    qtbot.keyClick(review.checklist, Qt.Key.Key_PageDown)
    qtbot.keyClick(review.checklist, Qt.Key.Key_PageDown)  # stays on the last page
    assert viewer.current_page() == PDF_PAGES
    qtbot.keyClick(review.checklist, Qt.Key.Key_PageUp)
    assert viewer.current_page() == PDF_PAGES - 1
    assert viewer.thumbnails.currentRow() == PDF_PAGES - 2
    # The request's message comes first in the list of documents.
    qtbot.keyClick(review.checklist, Qt.Key.Key_PageUp, CTRL)
    assert viewer.current_kind() == "message"
    assert "ขอยื่นคำขอใบอนุญาตร้านอาหาร" in viewer.text_pane.text.toPlainText()


def test_image_zoom_and_rotate(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    viewer = review.viewer
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: viewer.image_pane.has_image(), timeout=10000)
    pane = viewer.image_pane
    assert viewer.current_document().filename == "บัตรประชาชน.jpg"
    assert (pane.image_size().width(), pane.image_size().height()) == (900, 560)
    assert viewer.is_fit_width()
    fitted = pane.shown_size()
    assert fitted.width() > fitted.height()
    qtbot.keyClick(review.checklist, Qt.Key.Key_Plus, CTRL)
    assert not viewer.is_fit_width()
    assert pane.shown_size().width() > fitted.width()
    zoomed = pane.zoom
    qtbot.keyClick(review.checklist, Qt.Key.Key_Minus, CTRL)
    assert pane.zoom < zoomed
    qtbot.keyClick(review.checklist, Qt.Key.Key_R, CTRL)
    assert pane.rotation == 90
    turned = pane.shown_size()
    assert turned.height() > turned.width()  # the card now stands upright
    qtbot.keyClick(review.checklist, Qt.Key.Key_0, CTRL)
    assert viewer.is_fit_width()
    assert pane.shown_size().width() <= pane.viewport().width()
    assert viewer.zoom_label.text().endswith("%")


def test_the_current_checklist_item_is_the_one_scrolled_into_view(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    checklist = review.checklist
    bar = checklist.verticalScrollBar()
    assert bar.maximum() > 0  # more items than the screen holds
    assert checklist.current_row() is checklist.rows[0]
    assert bar.value() == 0  # the first item, not the last, is in view
    checklist.setFocus()
    qtbot.keyClick(checklist, Qt.Key.Key_End)
    assert checklist.current_row() is checklist.rows[-1] and bar.value() > 0
    qtbot.keyClick(checklist, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_checklist_verdicts_by_keyboard_are_stored(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    pdf = review.viewer.current_document()
    checklist = review.checklist
    codes = [item.code for item in review.detail.checklist]
    assert codes[:2] == ["ID-CARD", "HOUSE-REG"]
    checklist.setFocus()
    # A on page 2 of the form: accepted, linked to that document and page.
    qtbot.keyClick(checklist, Qt.Key.Key_PageDown)
    qtbot.keyClick(checklist, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: review.detail.checklist[0].verdict == "accepted", timeout=10000)
    assert checklist.current_code() == "HOUSE-REG"  # on to the next open item
    # R asks for the reason (typed in Thai), Enter records it.
    qtbot.keyClick(checklist, Qt.Key.Key_R)
    row = checklist.current_row()
    assert row.reason_open() and row.reason_edit.hasFocus()
    type_text(row.reason_edit, "สำเนาไม่ชัด")
    qtbot.keyClick(row.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.detail.checklist[1].verdict == "rejected", timeout=10000)
    # ↓ to the optional building permit, N: not applicable (no reason needed for it).
    checklist.setFocus()
    optional = codes.index("BUILDING-PERMIT")
    while checklist.current_code() != "BUILDING-PERMIT":
        qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_N)
    qtbot.waitUntil(
        lambda: review.detail.checklist[optional].verdict == "not_applicable", timeout=10000
    )
    assert review.error_box.text() == ""

    stored = {i.code: i for i in _reread(workstation, reviewer, application_id).checklist}
    assert stored["ID-CARD"].verdict == "accepted"
    assert (stored["ID-CARD"].document_id, stored["ID-CARD"].page) == (pdf.id, 2)
    assert stored["ID-CARD"].checked_by == reviewer.display_name
    assert stored["HOUSE-REG"].verdict == "rejected"
    assert stored["HOUSE-REG"].reason == "สำเนาไม่ชัด"
    assert stored["BUILDING-PERMIT"].verdict == "not_applicable"
    assert review.tabs.tabText(0) == f"เอกสาร 2/{len(codes)}"


def test_mark_reviewed_with_an_open_checklist_explains_inline(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: review.error_box.text() != "", timeout=10000)
    text = review.error_box.text()
    assert "ยังตรวจไม่ครบ" in text
    assert "cannot be passed on yet" in text
    assert "สำเนาบัตรประจำตัวประชาชน" in text  # names what is missing
    assert QApplication.activeModalWidget() is None
    assert _reread(workstation, reviewer, review.detail.row.id).row.status == "in_review"


def _accept_by_port(workstation, user, application_id, *, items=(), checks=()) -> None:
    """Verdicts recorded as another window of the same officer would (the screen learns of
    them with its next answer from the port)."""
    form = workstation.review.open_application(user, application_id).documents[0].id
    for code in items:
        workstation.review.record_checklist(user, application_id, code, "accepted", "", form, 1)
    data = {
        "callback": {"channel": "phone", "at": "2026-11-25T09:45", "result": "ยืนยันแล้ว"},
        "id_document_genuine": {"method": "visual", "document_id": form, "page": "1"},
    }
    for kind in checks:
        workstation.review.record_identity_check(
            user, application_id, kind, "accepted", data.get(kind, {})
        )


def _fully_visible(widget) -> bool:
    QApplication.sendPostedEvents()  # pending layout requests: the geometry as drawn
    QApplication.processEvents()
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def _shot(window, name: str) -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_cannot_pass_on_banner_is_compact_dismissable_and_goes_when_fixed(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    window.resize(1280, 720)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: review.error_box.text() != "", timeout=10000)
    _shot(window, "cannot_pass_on_banner")
    assert "ยังตรวจไม่ครบ" in review.error_box.text()
    assert "cannot be passed on yet" in review.error_box.text()
    # A strip, not a quarter of the window; both lines shown whole.
    assert review.messages.height() <= window.height() // 8
    for line in review.error_box.findChildren(QLabel):
        if line.text():
            assert _fully_visible(line), line.text()
    # With the banner up, Ctrl+D's message box is on screen.
    qtbot.keyClick(review.checklist, Qt.Key.Key_D, CTRL)
    composer = review.request_composer
    assert review.side_stack.currentWidget() is composer
    assert _fully_visible(composer.message)
    _shot(window, "cannot_pass_on_banner_composer")
    qtbot.keyClick(composer.items, Qt.Key.Key_Escape)
    # Dismissed by its close button.
    qtbot.mouseClick(review.error_box.dismiss_button, Qt.MouseButton.LeftButton)
    assert review.error_box.text() == "" and review.messages.height() == 0
    # Up again, then the cause is fixed: the last open item accepted with A.
    qtbot.keyClick(review.checklist, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: review.error_box.text() != "", timeout=10000)
    codes = [i.code for i in review.detail.checklist]
    _accept_by_port(
        workstation,
        reviewer,
        application_id,
        items=codes[1:],
        checks=review.detail.required_checks,
    )
    review.checklist.setFocus()
    assert review.checklist.current_code() == codes[0]
    qtbot.keyClick(review.checklist, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: review.detail.review_complete, timeout=10000)
    assert review.error_box.text() == ""


def test_all_checked_only_when_the_identity_checks_are_done_too(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    codes = [i.code for i in review.detail.checklist]
    _accept_by_port(workstation, reviewer, application_id, items=codes[1:])
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: review.detail.checklist[0].verdict == "accepted", timeout=10000)
    _shot(window, "all_checked_identity_open")
    progress = review.action_bar.progress_label.text()
    assert progress != "ตรวจครบทุกรายการแล้ว"
    assert progress == "ยังเหลือ 3 รายการ"  # the three identity checks of IAL2
    assert review.tabs.tabText(1) == "ตัวตน 0/3"
    # The last check done on the identity tab: now everything is.
    first, *others = review.detail.required_checks
    _accept_by_port(workstation, reviewer, application_id, checks=others)
    qtbot.keyClick(review.checklist, Qt.Key.Key_2, CTRL)
    card = review.identity.cards[first]
    qtbot.mouseClick(card.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.tabs.tabText(1) == "ตัวตน 3/3", timeout=10000)
    assert review.action_bar.progress_label.text() == "ตรวจครบทุกรายการแล้ว"


def test_what_the_officer_may_not_do_is_disabled_or_says_why(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    from tests.conftest import STAFF_PASSWORD

    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    bar = review.action_bar
    assert bar.reject_button.isEnabled() and bar.reviewed_button.isEnabled()
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_D, CTRL)
    review.request_composer.send_button.click()
    qtbot.waitUntil(lambda: review.detail.row.status == "waiting_applicant", timeout=10000)
    _shot(window, "read_only_buttons")
    # Waiting for the applicant: no refusing, passing on or asking again from here.
    for button in (bar.reject_button, bar.reviewed_button, bar.request_button):
        assert not button.isEnabled(), button.text()
    window.close()

    # The approver reads a request in review: A does nothing to it, and says why.
    approver = workstation.shell.sign_in("approver", STAFF_PASSWORD)
    window = _window(qtbot, workstation, approver, runner, settings)
    row = window.model.row_at(window.model.find_row(review_applications[0][0]))
    window.open_review(row)
    review = window.review
    qtbot.waitUntil(lambda: review.detail is not None, timeout=10000)
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_A)
    assert "ดูได้อย่างเดียว" in review.error_box.text()
    assert "read only" in review.error_box.text()
    assert review.detail.checklist[0].verdict is None
    window.close()

    # The administrator has no queue: no "Next" to press.
    admin = workstation.shell.sign_in("admin", STAFF_PASSWORD)
    window = _window(qtbot, workstation, admin, runner, settings)
    assert not window.next_button.isVisible()
    row = window.model.row_at(window.model.find_row(review_applications[1][0]))
    window.open_review(row)
    qtbot.waitUntil(lambda: window.review.detail is not None, timeout=10000)
    assert not window.review.top_bar.next_button.isVisible()


def test_request_documents_previews_then_sends(
    qtbot, workstation, reviewer, runner, settings, review_applications, clock
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    # 20:00 UTC on the 26th is already the 27th in Bangkok: "answer by" counts from the
    # services' today in the agency's zone, not from the computer's date.
    clock.set(datetime(2026, 11, 26, 20, 0, tzinfo=UTC))
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_D, CTRL)
    composer = review.request_composer
    assert review.side_stack.currentWidget() is composer
    assert composer.deadline.minimumDate() == QDate(2026, 11, 27)
    assert composer.deadline.date() == QDate(2026, 11, 27).addDays(DEFAULT_ANSWER_DAYS)
    ticked = composer.chosen_codes()
    assert "ID-CARD" in ticked and "BUILDING-PERMIT" not in ticked  # required, missing items
    type_text(composer.message, "โปรดส่งสำเนาทะเบียนบ้านที่ชัดเจน")
    composer.preview_button.click()
    qtbot.waitUntil(lambda: composer.preview_text() != "", timeout=10000)
    preview = composer.preview_text()
    assert "สำเนาบัตรประจำตัวประชาชนของผู้ขออนุญาต" in preview
    assert "สำเนาทะเบียนบ้านของผู้ขออนุญาต" in preview
    assert composer.preview_subject.text()
    composer.send_button.click()
    qtbot.waitUntil(lambda: review.side_stack.currentWidget() is review.tabs, timeout=10000)
    assert "รอเอกสารจากผู้ยื่น" in review.notice_box.text()
    qtbot.waitUntil(lambda: review.detail.row.status == "waiting_applicant", timeout=10000)
    assert _reread(workstation, reviewer, application_id).row.status == "waiting_applicant"
    # It left the reviewer's queue: "Next" now takes the second request.
    qtbot.keyClick(review.checklist, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: review.detail is not None and review.detail.row.id == review_applications[1][0],
        timeout=10000,
    )


NOTE_TH = "กรุณาส่งสำเนาทะเบียนบ้านที่ชัดเจนกว่านี้ภายในวันที่ 15 ธันวาคม"
NOTE_EN = "Please send a clearer copy of the house registration by 15 December."


def test_request_note_typed_key_by_key_goes_out_whole_with_the_chosen_documents(
    qtbot, workstation, reviewer, runner, settings, review_applications, context
) -> None:
    from sqlalchemy import select

    from models import Application, OutboxMessage

    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_D, CTRL)
    composer = review.request_composer
    assert QApplication.focusWidget() is composer.items
    # Three documents chosen from the keyboard (Down, Space): two of those offered and one
    # more; the other offered ones unticked.
    rows = [composer.items.item(n) for n in range(composer.items.count())]
    offered = [n for n, r in enumerate(rows) if r.checkState() == Qt.CheckState.Checked]
    extra = next(n for n, r in enumerate(rows) if r.checkState() != Qt.CheckState.Checked)
    wanted = {*offered[:2], extra}
    assert composer.items.currentRow() == 0
    for n, row in enumerate(rows):
        if n:
            qtbot.keyClick(composer.items, Qt.Key.Key_Down)
        if (row.checkState() == Qt.CheckState.Checked) != (n in wanted):
            qtbot.keyClick(composer.items, Qt.Key.Key_Space)
    chosen = composer.chosen_codes()
    assert len(chosen) == 3
    # Tab to the message and write it the way the officer does: key after key.
    qtbot.keyClick(composer.items, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is composer.message
    officer_types(NOTE_TH)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    officer_types(NOTE_EN)
    assert composer.message.toPlainText() == f"{NOTE_TH}\n{NOTE_EN}"
    _shot(window, "request_note_typed")
    assert composer.chosen_codes() == chosen  # no keystroke reached the documents
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    composer.preview_button.click()
    qtbot.waitUntil(lambda: composer.preview_text() != "", timeout=10000)
    assert NOTE_TH in composer.preview_text() and NOTE_EN in composer.preview_text()
    composer.send_button.click()
    qtbot.waitUntil(lambda: review.side_stack.currentWidget() is review.tabs, timeout=10000)
    with context.read() as session:
        mail = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.application_id == application_id,
                OutboxMessage.kind == "request_documents",
            )
        ).one()
        stored = session.get(Application, application_id)
        requests = stored.form_data["document_requests"]
    assert mail.status == "queued"
    assert f"{NOTE_TH}\n{NOTE_EN}" in mail.body_text
    assert requests[-1]["items"] == list(chosen)
    detail = _reread(workstation, reviewer, application_id)
    for item in detail.checklist:
        if item.code in chosen:
            assert item.name_th in mail.body_text


def test_request_composer_cancels_with_esc(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    review.open_request_composer()
    assert review.side_stack.currentWidget() is review.request_composer
    qtbot.keyClick(review.request_composer.items, Qt.Key.Key_Escape)
    assert review.side_stack.currentWidget() is review.tabs
    assert window.workspace.currentWidget() is review  # Esc closed the composer only


def test_identity_check_is_recorded_with_the_document_on_screen(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    qtbot.keyClick(review.checklist, Qt.Key.Key_2, CTRL)
    assert review.tabs.currentWidget() is review.identity
    cards = review.identity.cards
    assert cards["id_document_genuine"].isVisible()
    assert cards["callback"].isVisible()  # IAL2
    assert not cards["poa_stamp_duty"].isVisible()  # nobody applies by proxy
    card = cards["id_document_genuine"]
    # The number typed from the card is checked digit by digit.
    type_text(card.id_check.edit, "1234567890123")
    assert card.id_check.valid is False
    assert card.id_check.hint.text().startswith("เลขประจำตัวประชาชนไม่ถูกต้อง")
    card.accept_button.click()
    qtbot.waitUntil(
        lambda: any(r.kind == "id_document_genuine" for r in review.detail.identity_checks),
        timeout=10000,
    )
    stored = _reread(workstation, reviewer, review.detail.row.id).identity_checks
    check = next(r for r in stored if r.kind == "id_document_genuine")
    assert check.verdict == "accepted"
    assert check.data["document_id"] == review.viewer.current_document_id()
    assert check.data["method"] == "visual"
    assert review.tabs.tabText(1) == "ตัวตน 1/3"


def test_history_tab_lists_what_happened(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    qtbot.keyClick(review.checklist, Qt.Key.Key_4, CTRL)
    assert review.tabs.currentWidget() is review.history
    qtbot.waitUntil(lambda: review.history.topLevelItemCount() > 0, timeout=10000)
    first = review.history.topLevelItem(0)
    assert "2569" in first.text(0)  # Buddhist Era in Thai
    assert review.history.summaries()


def test_review_screen_in_english(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    window.language_actions["en"].trigger()
    qtbot.waitUntil(
        lambda: review.action_bar.reviewed_button.text() == "Mark reviewed", timeout=3000
    )
    assert review.top_bar.status_pill.text() == "In review"
    assert review.checklist.rows[0].name_label.text() == "Copy of the applicant's national ID card"
    assert review.tabs.tabText(0).startswith("Documents 0/")
    window.language_actions["th"].trigger()
    qtbot.waitUntil(
        lambda: review.action_bar.reviewed_button.text() == "ตรวจเสร็จ ส่งต่อ", timeout=3000
    )


def test_review_splitter_and_zoom_are_remembered(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    from ui.common import ui_settings
    from ui.review.settings import REVIEW_SPLITTER, VIEWER_FIT_WIDTH, VIEWER_ZOOM

    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    review.viewer.zoom_in()
    review.splitter.setSizes([700, 600])
    review.splitter.splitterMoved.emit(700, 1)
    shown = review.splitter.sizes()
    assert ui_settings.read(settings, VIEWER_FIT_WIDTH) == 0
    assert ui_settings.read(settings, VIEWER_ZOOM) > 0
    assert not ui_settings.read(settings, REVIEW_SPLITTER).isEmpty()
    window.close()
    again = _window(qtbot, workstation, reviewer, runner, settings)
    reopened = open_next(qtbot, again)
    assert not reopened.viewer.is_fit_width()
    assert round(reopened.viewer.zoom() * 100) == ui_settings.read(settings, VIEWER_ZOOM)
    assert abs(reopened.splitter.sizes()[0] - shown[0]) <= 2


def test_shortcut_sheet_opens_with_f1_and_lists_the_keys(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    sheet = window.shortcut_sheet
    assert sheet.isVisible()
    keys = dict(sheet.entries())
    assert keys["A"] == "ถูกต้อง โดยอ้างอิงหน้าที่เปิดอยู่"
    assert "Ctrl+Enter  F2" in keys
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert not sheet.isVisible()


def _press_certify(qtbot, window: MainWindow, review: ReviewScreen) -> None:
    """Ctrl+Shift+C in the review screen, the window active again after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)


def _dialog(qtbot, review: ReviewScreen, kind: type):
    qtbot.waitUntil(lambda: isinstance(review.certify_flow.dialog, kind), timeout=10000)
    dialog = review.certify_flow.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def test_certify_copy_asks_first_then_adds_the_copy_and_an_undo_withdraws_it(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    window.resize(1280, 720)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    original = review.viewer.current_document()
    before = len(review.viewer.documents())
    assert review.action_bar.certify_button.text() == "รับรองสำเนา…"

    # Ctrl+Shift+C asks first: which document, how many pages, what the stamp says.
    _press_certify(qtbot, window, review)
    dialog = _dialog(qtbot, review, CertifyDialog)
    assert dialog.document_label.text() == original.filename
    assert dialog.pages_label.text() == f"ทั้ง {PDF_PAGES} หน้า ประทับตราทุกหน้า"
    lines = [label.text() for label in dialog.stamp_lines]
    assert lines[0] == "สำเนาถูกต้อง" and "นายตรวจ ละเอียด" in lines
    _shot(dialog, "certify_confirm_th")
    # Esc: nothing is made.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: review.certify_flow.dialog is None, timeout=3000)
    assert len(_reread(workstation, reviewer, application_id).documents) == before

    # Again, and Enter makes the copy; it opens at once.
    _press_certify(qtbot, window, review)
    dialog = _dialog(qtbot, review, CertifyDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(review.viewer.documents()) == before + 1, timeout=20000)
    copy = review.viewer.documents()[-1]
    assert copy.derived_from == original.id
    assert review.viewer.current_document_id() == copy.id
    qtbot.waitUntil(lambda: pdf_shown(review), timeout=10000)
    assert review.viewer.pdf_document.pageCount() == PDF_PAGES
    assert "รับรองสำเนาแล้ว" in review.notice_box.text()
    assert "สำเนาที่รับรองแล้ว" in review.viewer.document_combo.currentText()
    assert review.action_bar.certify_button.text() == "ถอนสำเนา…"

    # Made by mistake: the notice's Undo asks why, and withdraws it (kept, struck through).
    undo = review.notice_box.findChild(QPushButton)  # the notice's one button
    assert undo.isVisible() and "ถอนสำเนา" in undo.text()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    withdraw = _dialog(qtbot, review, WithdrawCopyDialog)
    assert copy.filename in withdraw.heading.text()
    qtbot.waitUntil(withdraw.reason_edit.hasFocus, timeout=3000)
    qtbot.keyClick(withdraw.reason_edit, Qt.Key.Key_Return)  # no reason: not sent
    assert withdraw.isVisible() and withdraw.hint.text()
    officer_types("ทำสำเนาผิดฉบับ ต้องใช้ทะเบียนบ้าน")
    assert withdraw.reason == "ทำสำเนาผิดฉบับ ต้องใช้ทะเบียนบ้าน"
    _shot(withdraw, "certify_withdraw_th")
    qtbot.keyClick(withdraw.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.viewer.current_document().withdrawn, timeout=10000)
    combo = review.viewer.document_combo
    assert "ถอนแล้ว" in combo.currentText() and combo.font().strikeOut()
    assert "ถอนสำเนาถูกต้องแล้ว" in review.notice_box.text()
    assert not review.action_bar.certify_button.isEnabled()
    stored = {d.id: d for d in _reread(workstation, reviewer, application_id).documents}
    assert stored[copy.id].withdrawn  # kept in the record, marked
    assert stored[copy.id].withdrawn_reason == "ทำสำเนาผิดฉบับ ต้องใช้ทะเบียนบ้าน"
    _shot(window, "certify_withdrawn_th")

    # The same in English, from the original again.
    window.language_actions["en"].trigger()
    review.viewer.show_document(original.id)
    _press_certify(qtbot, window, review)
    dialog = _dialog(qtbot, review, CertifyDialog)
    assert dialog.pages_label.text() == f"All {PDF_PAGES} pages; each gets the stamp"
    assert dialog.ok_button.text() == "Make certified copy"
    _shot(dialog, "certify_confirm_en")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    review.viewer.show_document(copy.id)
    qtbot.waitUntil(lambda: pdf_shown(review), timeout=10000)
    assert "withdrawn" in combo.currentText()
    button = review.action_bar.certify_button
    qtbot.waitUntil(lambda: button.text() == "Withdraw copy…", timeout=3000)
    assert not button.isEnabled()  # withdrawn once; nothing more to do with it
    # No longer offered as a document a check was found in.
    found_in = review.checklist.rows[0].document_combo
    offered = [found_in.itemText(i) for i in range(found_in.count())]
    assert copy.filename not in offered and original.filename in offered
    _shot(window, "certify_withdrawn_en")
    review.viewer.show_document(original.id)
    qtbot.waitUntil(lambda: not combo.font().strikeOut(), timeout=3000)


def test_next_while_holding_the_oldest_says_so(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    qtbot.keyClick(review.checklist, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: review.notice_box.text() != "", timeout=10000)
    assert "ยังเป็นคำขอที่เก่าที่สุด" in review.notice_box.text()
    assert review.detail.row.id == review_applications[0][0]
    # Alt+2 chooses a queue: back to the list, whatever was on screen.
    qtbot.keyClick(review.checklist, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.workspace.currentWidget() is window.splitter


def test_a_text_file_in_the_thai_windows_code_page_reads_as_thai(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    viewer = review.viewer
    viewer.show_document(viewer.documents()[2].id)
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.text_pane, timeout=10000)
    assert viewer.current_kind() == "text"
    assert viewer.text_pane.text.toPlainText() == "ร้านเปิด 08:00-20:00 น. ที่จอดรถ 4 คัน"
    assert viewer.text_pane.open_button.isVisible()  # "open with the system viewer"
    assert viewer.text_pane.text.isReadOnly()


def test_reject_needs_reasons_then_closes_the_request(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    review.action_bar.reject_button.click()
    composer = review.reject_composer
    assert review.side_stack.currentWidget() is composer
    assert composer.reasons.toPlainText() == ""  # nothing rejected yet to offer
    composer.confirm_button.click()
    assert "โปรดระบุเหตุผลที่ไม่รับคำขอ" in composer.error_box.text()
    assert _reread(workstation, reviewer, application_id).row.status == "in_review"
    type_text(composer.reasons, "กิจการตั้งอยู่ในเขตที่ห้ามประกอบกิจการจำหน่ายอาหาร")
    composer.confirm_button.click()
    qtbot.waitUntil(lambda: review.side_stack.currentWidget() is review.tabs, timeout=10000)
    qtbot.waitUntil(lambda: review.detail.row.status == "rejected", timeout=10000)
    assert _reread(workstation, reviewer, application_id).row.status == "rejected"
    assert not review.action_bar.reviewed_button.isEnabled()  # closed: nothing more to decide


def test_putting_back_in_the_queue_releases_the_claim(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    application_id = review.detail.row.id
    qtbot.keyClick(review.checklist, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.workspace.currentWidget() is window.splitter, timeout=10000)
    detail = _reread(workstation, reviewer, application_id)  # opening claims it again
    assert detail.claimed_by_me
    history = workstation.review.history(reviewer, application_id)
    assert any(entry.type == "application.released" for entry in history)


def test_an_administrator_reassigns_from_the_list_of_officers(
    qtbot, workstation, reviewer, runner, settings, review_applications, context
) -> None:
    from services.access import auth
    from services.kernel.actors import SYSTEM
    from tests.conftest import STAFF_PASSWORD

    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow,
            username="reviewer2",
            display_name="นางสาวตรวจ สอง",
            password=STAFF_PASSWORD,
            roles=["reviewer"],
        )
    admin = workstation.shell.sign_in("admin", STAFF_PASSWORD)
    workstation.review.next_application(reviewer, None)  # the reviewer holds the oldest
    window = _window(qtbot, workstation, admin, runner, settings)
    row = window.model.row_at(window.model.find_row(review_applications[0][0]))
    window.open_review(row)
    review = window.review
    qtbot.waitUntil(lambda: review.detail is not None, timeout=10000)
    assert not review.detail.claimed_by_me
    assert review.top_bar.holder_label.text() == f"{reviewer.display_name} รับผิดชอบอยู่ ดูได้อย่างเดียว"
    assert not review.action_bar.reviewed_button.isEnabled()  # read only for the administrator
    assert review.action_bar.reassign_button.isVisible()
    review.action_bar.reassign_menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: len(review.action_bar.reassign_menu.actions()) > 1, timeout=10000)
    names = {a.data(): a for a in review.action_bar.reassign_menu.actions()}
    assert "reviewer" in names and "intake" in names
    names["intake"].trigger()  # intake does not work "in review": the service says so
    qtbot.waitUntil(lambda: review.error_box.text() != "", timeout=10000)
    assert "ไม่มีบทบาทที่ทำงานในสถานะ" in review.error_box.text()
    names["reviewer2"].trigger()
    qtbot.waitUntil(lambda: review.detail.claimed_by == "นางสาวตรวจ สอง", timeout=10000)
    assert review.error_box.text() == ""
    assert _reread(workstation, admin, review_applications[0][0]).claimed_by == "นางสาวตรวจ สอง"


def _identity_tab(qtbot, review: ReviewScreen) -> None:
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_2, CTRL)
    assert review.tabs.currentWidget() is review.identity


def _recorded(qtbot, workstation, reviewer, review: ReviewScreen, kind: str):
    qtbot.waitUntil(
        lambda: any(r.kind == kind for r in review.detail.identity_checks), timeout=10000
    )
    stored = _reread(workstation, reviewer, review.detail.row.id).identity_checks
    return next(r for r in stored if r.kind == kind)


def test_a_company_applicant_shows_its_signatory_checks_and_records_them(
    qtbot, workstation, reviewer, runner, settings, review_applications, context
) -> None:
    from PySide6.QtCore import QDate

    from models import Application

    first_id, _ = review_applications[0]
    with context.store.sessions() as session, session.begin():
        app = session.get(Application, first_id)
        app.applicant.kind = "juristic"
        app.form_data = {**(app.form_data or {}), "delegated": True}
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    assert review.detail.row.id == first_id
    _identity_tab(qtbot, review)
    cards = review.identity.cards
    for kind in ("juristic_certificate", "juristic_signatory", "poa_grantor_authority"):
        assert cards[kind].isVisible(), kind
        # The services say these are MUSTs: no "not applicable" button, a Must pill.
        assert not cards[kind].na_button.isVisible()
        assert cards[kind].level_pill.toolTip() == cards["id_document_genuine"].level_pill.toolTip()
    assert not cards["poa_stamp_duty"].na_button.isVisible()  # the form declared a proxy
    assert not cards["face_to_face"].isVisible()  # IAL2
    assert cards["poa_grantor_call"].na_button.isVisible() is False

    certificate = cards["juristic_certificate"]
    assert "แบบคำขอ.pdf" in certificate.evidence.text()  # the document on screen
    # Issued no later than the services' today (the test clock's day, not the computer's).
    assert certificate.issued_on.maximumDate() == QDate(2026, 11, 25)
    assert certificate.issued_on.text() == "25/11/2569"
    certificate.issued_on.setDate(QDate(2026, 10, 1))
    certificate.accept_button.click()
    check = _recorded(qtbot, workstation, reviewer, review, "juristic_certificate")
    assert check.verdict == "accepted" and check.data["issued_on"] == "2026-10-01"
    assert check.data["document_id"] == review.viewer.current_document_id()
    assert check.data["page"] == "1"

    signatory = cards["juristic_signatory"]
    type_text(signatory.signatories, "นางวิไลวรรณ ศักดิ์ดี, นายสมพงษ์ ศักดิ์ดี")
    assert not signatory.joint_count.isVisible()
    signatory.signing.setCurrentIndex(signatory.signing.findData("jointly"))
    assert signatory.joint_count.isVisible()
    signatory.joint_count.setValue(2)
    type_text(signatory.signed_by, "นางวิไลวรรณ ศักดิ์ดี, นายสมพงษ์ ศักดิ์ดี")
    review.viewer.next_page()  # the signatories are on page 2 of the form
    qtbot.waitUntil(lambda: "2" in signatory.evidence.text(), timeout=5000)
    signatory.accept_button.click()
    check = _recorded(qtbot, workstation, reviewer, review, "juristic_signatory")
    assert check.data["signing"] == "jointly" and check.data["joint_count"] == "2"
    assert check.data["page"] == "2"

    authority = cards["poa_grantor_authority"]
    authority.accept_button.click()  # nobody named yet: the service says what is missing
    qtbot.waitUntil(lambda: "power of attorney" in review.error_box.text().lower()
                    or "หนังสือมอบอำนาจ" in review.error_box.text(), timeout=10000)  # fmt: skip
    type_text(authority.signed_by, "นางวิไลวรรณ ศักดิ์ดี")
    authority.accept_button.click()
    check = _recorded(qtbot, workstation, reviewer, review, "poa_grantor_authority")
    assert check.data["signed_by"] == "นางวิไลวรรณ ศักดิ์ดี"
    review.identity.ensureWidgetVisible(signatory)
    review.identity.grab().save(str(SCREENSHOTS / "identity_company.png"))


def test_ial3_shows_face_to_face_and_records_how_who_and_when(
    qtbot, workstation, reviewer, runner, settings, review_applications, context
) -> None:
    from PySide6.QtCore import QDate, QDateTime, QTime

    from tests.catalog_changes import as_if_received_now, change_service

    change_service(context, "FOOD-SHOP", ial=3)
    as_if_received_now(context, [app_id for app_id, _ in review_applications])
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    _identity_tab(qtbot, review)
    card = review.identity.cards["face_to_face"]
    assert card.isVisible()
    assert not card.na_button.isVisible()  # refused at IAL3
    assert "IAL3" in review.identity.level_label.text()
    assert card.officer.text() == reviewer.display_name  # who: the signed-in officer
    # When: proposed at the services' now (10:00 in Bangkok on the test clock's day, not the
    # computer's), and no later than the end of that day.
    assert card.at.dateTime() == QDateTime(QDate(2026, 11, 25), QTime(10, 0))
    assert card.at.maximumDateTime() == QDateTime(QDate(2026, 11, 25), QTime(23, 59))
    assert review.tabs.tabText(1) == "ตัวตน 0/4"
    card.how.setCurrentIndex(card.how.findData("video_call"))
    card.at.setDateTime(QDateTime(QDate(2026, 11, 25), QTime(9, 15)))
    card.accept_button.click()
    check = _recorded(qtbot, workstation, reviewer, review, "face_to_face")
    assert check.verdict == "accepted"
    assert check.data["how"] == "video_call" and check.data["officer"] == reviewer.display_name
    assert check.data["at"] == "2026-11-25T02:15:00+00:00"
    review.identity.grab().save(str(SCREENSHOTS / "identity_ial3.png"))


def test_the_answer_by_row_is_above_the_composers_buttons_at_1280_by_720(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    """Under the demo band at 1280×720 the request composer's "Answer by" row sat under its
    buttons, seen only after scrolling. In both languages it is whole above them."""
    from PySide6.QtCore import QPoint, QRect

    from ui.common import i18n
    from ui.shell.start import build_main_window_for

    # As `make run` shows it: the demo profile's band takes some of the height.
    window = build_main_window_for(workstation, reviewer, runner, settings, demo_warning=True)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.model.total is not None and not window.model.is_loading)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    review = open_next(qtbot, window)
    review.checklist.setFocus()
    qtbot.keyClick(review.checklist, Qt.Key.Key_D, CTRL)
    composer = review.request_composer
    assert review.side_stack.currentWidget() is composer

    def rect_in_window(widget) -> QRect:
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    bar = composer.send_button.parentWidget()
    try:
        for language in ("en", "th"):
            i18n.apply_language(language)
            qtbot.wait(100)  # the new words laid out
            _shot(window, f"request_composer_{language}")
            buttons = rect_in_window(bar)
            for widget in (composer.deadline_label, composer.deadline, composer.deadline_text):
                assert not rect_in_window(widget).intersects(buttons), (language, widget)
                assert _fully_visible(widget), (language, widget.objectName())
            assert _fully_visible(composer.send_button)
            # The documents to ask for are worded in the language switched to, and a long
            # Thai name wraps instead of scrolling the list sideways.
            states = [composer.items.item(r).text().split("\n")[1] for r in range(2)]
            wanted = "Not checked yet" if language == "en" else "ยังไม่ได้ตรวจ"
            assert all(state.startswith(wanted) for state in states), (language, states)
            assert not composer.items.horizontalScrollBar().isVisible(), language
    finally:
        i18n.apply_language("th")
