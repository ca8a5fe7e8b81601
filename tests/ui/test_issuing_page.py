"""The issuing page on real widgets over a real profile: the approver issues an approved
request's licence, typing the sign-in password key by key; an intake officer delivers it by
e-mail protected with a password shown once. Screenshots in Thai and English go to
artifacts/screenshots/.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from models import Application, IssuedDocument
from services.access import auth
from services.api.approval import SigningChoice, SigningSettings
from services.api.ports import build_ports
from services.kernel.actors import SYSTEM
from services.kernel.clock import BANGKOK, utc
from services.produce.sign import Pin
from tests.conftest import STAFF_PASSWORD
from tests.pdf_reading import pdftotext_pages, pypdf_pages, save_artifact
from tests.ui.conftest import SCREENSHOTS, officer_types
from tests.ui.issuing_steps import (
    PREMISES,
    add_supervisor,
    approved,
    issuing_page,
    opened,
    shot,
    signed_in,
    typing_into,
)
from ui.common import i18n
from ui.issuing.page import IssuingPage


def test_the_approver_issues_and_intake_delivers_by_protected_e_mail(
    gui, qtbot, runner, context
) -> None:
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(uow, username="reviewer2", display_name="นางสาวสอง ถี่ถ้วน",
                         password=STAFF_PASSWORD, roles=["reviewer"])  # fmt: skip
    ports = build_ports(context, signing=SigningSettings())
    users = signed_in(ports)
    app_id = approved(context, ports, users)
    with context.store.sessions() as session, session.begin():
        applicant = session.get(Application, app_id).applicant
        applicant.address_th = "เลขที่ 7 หมู่ 2 ตำบลหนองไผ่ อำเภอเมือง จังหวัดนครปฐม"
    assert ports.issuing is not None
    page = issuing_page(qtbot, ports, users["approver"], runner)
    qtbot.waitUntil(lambda: page.waiting.rowCount() == 1, timeout=30_000)
    assert not page.delivery.deliver_button.isVisible()  # the approver issues; intake delivers
    assert not page.issue_button.isEnabled()
    page.waiting.selectRow(0)
    assert page.issue_button.isEnabled()
    shot(page, "issuing_page_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: page.issue_button.text() == "&Issue licence…", timeout=5_000)
    shot(page, "issuing_page_en")
    i18n.apply_language("th")
    page.issue_button.click()
    dialog = opened(qtbot, lambda: page.steps.dialog)
    # The premises start from the applicant's address; the officer types the shop's own.
    with context.read() as session:
        home = session.get(Application, app_id).applicant.address_th
    assert home and dialog.premises.text() == home
    dialog.activateWindow()
    dialog.premises.setFocus()
    qtbot.waitUntil(lambda: dialog.premises.hasFocus(), timeout=5_000)
    dialog.premises.selectAll()
    officer_types(PREMISES)
    assert dialog.premises.text() == PREMISES
    dialog.signing.secret.setFocus()
    shot(dialog, "issuing_dialog_th")
    i18n.apply_language("en")
    shot(dialog, "issuing_dialog_en")
    i18n.apply_language("th")
    typing_into(qtbot, dialog, dialog.signing.secret)
    officer_types(STAFF_PASSWORD)
    assert dialog.signing.secret.text() == STAFF_PASSWORD
    QTest.keyClick(dialog.signing.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=60_000)
    assert "ออกใบอนุญาตเลขที่ 1/" in page.notice.text(), page.notice.text()
    qtbot.waitUntil(lambda: page.issued.rowCount() == 1 and page.waiting.rowCount() == 0,
                    timeout=30_000)  # fmt: skip
    assert page.issued.item(0, 3).text() == "ใช้ได้"
    assert dialog.signing.secret.text() == ""  # the password left the field when it was used
    # The licence prints the premises as typed, and both readers extract them exactly.
    with context.read() as session:
        entry = session.query(IssuedDocument).one()
        data = context.store.blobs.get(entry.blob_sha256)
    assert entry.premises == PREMISES
    path = save_artifact("licence_premises_typed.pdf", data)
    for text in (" ".join(pypdf_pages(data)), " ".join(pdftotext_pages(path))):
        assert f"ณ {PREMISES} แล้ว" in text and "ณ -" not in text

    # The intake officer delivers it by e-mail, protected; the password is shown once.
    desk = issuing_page(qtbot, ports, users["intake"], runner)
    qtbot.waitUntil(lambda: desk.issued.rowCount() == 1, timeout=30_000)
    assert not desk.issue_button.isVisible()
    desk.issued.selectRow(0)
    assert desk.delivery.protect.isEnabled() and not desk.delivery.handed_to.isEnabled()
    desk.delivery.protect.setChecked(True)
    desk.delivery.deliver_button.click()
    qtbot.waitUntil(lambda: desk.notice.isVisible(), timeout=60_000)
    assert "รหัสผ่าน" in desk.notice.text()
    qtbot.waitUntil(lambda: "อีเมล ·" in desk.issued.item(0, 4).text(), timeout=30_000)
    assert not desk.delivery.deliver_button.isEnabled()
    shot(desk, "issuing_delivered_th")
    password = desk.notice.text().rsplit(" ", 1)[-1]
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: desk.delivery.deliver_button.text() == "&Deliver", timeout=5_000)
    # The result line follows the language switch too, the one-time password with it.
    assert desk.notice.text().startswith("Licence 1/"), desk.notice.text()
    assert "delivered" in desk.notice.text() and "รหัสผ่าน" not in desk.notice.text()
    assert desk.notice.text().endswith(f"it is shown only now: {password}")
    shot(desk, "issuing_delivered_en")
    i18n.apply_language("th")
    qtbot.waitUntil(lambda: "รหัสผ่าน" in desk.notice.text(), timeout=5_000)
    assert "delivered" not in desk.notice.text()


def test_intake_finds_the_issuing_page_in_the_main_window_and_finance_does_not(
    gui, qtbot, runner, settings, context
) -> None:
    from ui.shell.queue_pane import ISSUING
    from ui.shell.start import build_main_window_for

    ports = build_ports(context, signing=SigningSettings())
    users = signed_in(ports)
    approved(context, ports, users)
    window = build_main_window_for(ports, users["approver"], runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.issuing is not None and window.queues.select_page(ISSUING)
    assert window.current_page() == ISSUING
    qtbot.waitUntil(lambda: window.issuing.waiting.rowCount() == 1, timeout=30_000)
    shot(window, "issuing_main_window_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: window.issuing.title.text() == "Issuing and delivery", timeout=5_000)
    shot(window, "issuing_main_window_en")
    i18n.apply_language("th")
    other = build_main_window_for(ports, users["finance"], runner, settings)
    qtbot.addWidget(other)
    assert other.issuing is None and not other.queues.select_page(ISSUING)


def test_a_type_2_licence_is_signed_on_the_token_and_checked_by_number_and_photo(
    gui, qtbot, runner, context, softhsm, tmp_path
) -> None:
    """The service's risk needs type 2: the password way is shown disabled with the reason;
    the approver picks the token, types the PIN key by key; then the intake officer checks
    the licence by its number typed off the paper and by a photo, before and after revocation.
    """
    import subprocess

    from PIL import Image

    from models import IssuedDocument
    from tests.integration.test_approval import set_risk, token_choice
    from tests.peers.tools import require_tool

    token = softhsm["approver"]
    set_risk(context, "FOOD-NOTICE", "advanced")
    ports = build_ports(context, signing=SigningSettings(token.module, (token.root_pem,)))
    users = signed_in(ports)
    approved(context, ports, users, token_choice(softhsm))
    assert ports.issuing is not None
    page = issuing_page(qtbot, ports, users["approver"], runner)
    qtbot.waitUntil(lambda: page.waiting.rowCount() == 1, timeout=30_000)
    page.waiting.selectRow(0)
    page.issue_button.click()
    dialog = opened(qtbot, lambda: page.steps.dialog)
    assert dialog.signing.token_radio.isChecked() and not dialog.signing.record_radio.isEnabled()
    assert dialog.signing.why_token.isVisible() and " 2 " in dialog.signing.why_token.text()
    qtbot.waitUntil(lambda: dialog.signing.token_combo.count() >= 1, timeout=30_000)
    dialog.signing.token_combo.setCurrentIndex(dialog.signing.token_combo.findData(token.label))
    assert dialog.premises.text() == ""  # no address known: the officer types it
    dialog.activateWindow()
    dialog.premises.setFocus()
    qtbot.waitUntil(lambda: dialog.premises.hasFocus(), timeout=5_000)
    officer_types(PREMISES)
    dialog.signing.secret.setFocus()
    qtbot.waitUntil(lambda: dialog.signing.secret.hasFocus(), timeout=5_000)
    shot(dialog, "issuing_token_dialog_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "Issue and sign", timeout=5_000)
    shot(dialog, "issuing_token_dialog_en")
    i18n.apply_language("th")
    officer_types(token.pin)
    QTest.keyClick(dialog.signing.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.notice.isVisible() or page.error.isVisible(), timeout=60_000)
    assert "ออกใบอนุญาตเลขที่ 1/" in page.notice.text(), page.error.text()
    with context.read() as session:
        entry = session.query(IssuedDocument).one()
        pdf = context.store.blobs.get(entry.blob_sha256)
    (tmp_path / "licence.pdf").write_bytes(pdf)
    subprocess.run(
        [require_tool("pdftoppm", "poppler-utils"), "-png", "-r", "100", "-singlefile",
         str(tmp_path / "licence.pdf"), str(tmp_path / "page")], check=True,
    )  # fmt: skip
    with Image.open(tmp_path / "page.png") as shown:
        shown.convert("RGB").rotate(3, expand=True, fillcolor=(240, 240, 240)).save(
            tmp_path / "photo.jpg", quality=70
        )

    # The intake officer checks it: the number typed as it is printed, Enter.
    desk = issuing_page(qtbot, ports, users["intake"], runner, read=False)
    assert desk.check_button.isVisible()
    desk.check_button.click()
    check = desk.steps.check_dialog
    assert check is not None
    typing_into(qtbot, check, check.reference)
    officer_types(entry.document_number)
    QTest.keyClick(check.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: check.verdict.isVisible(), timeout=30_000)
    assert check.verdict.text() == "ใช้ได้ — ตรงกับทะเบียนของหน่วยงาน"
    assert entry.licensee in check.details.toPlainText()
    shot(check, "issuing_check_valid_th")
    # A photo of the paper, then revoked: the photo now says revoked, with the reason.
    ports.issuing.revoke(users["approver"], entry.id, "ย้ายสถานที่โดยไม่ได้แจ้ง")
    check.check_file(tmp_path / "photo.jpg")
    qtbot.waitUntil(lambda: check.verdict.text().startswith("ถูกเพิกถอน"), timeout=30_000)
    assert "ย้ายสถานที่โดยไม่ได้แจ้ง" in check.details.toPlainText()
    shot(check, "issuing_check_revoked_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: check.verdict.text().startswith("REVOKED"), timeout=5_000)
    assert "Reason revoked: ย้ายสถานที่โดยไม่ได้แจ้ง" in check.details.toPlainText()
    shot(check, "issuing_check_revoked_en")
    i18n.apply_language("th")


def test_intake_records_a_request_for_licence_data_and_sends_it(
    gui, qtbot, runner, context
) -> None:
    """Typed as at the desk: the licence number, who asks, their e-mail; the row shows its
    deadline; Send the data queues the XML and PDF (the outbox), and the row says answered."""
    ports = build_ports(context, signing=SigningSettings())
    users = signed_in(ports)
    app_id = approved(context, ports, users)
    assert ports.issuing is not None
    issued = ports.issuing.issue(
        users["approver"],
        app_id,
        SigningChoice("record", secret=Pin(STAFF_PASSWORD)),
        premises=PREMISES,
    )
    desk = issuing_page(qtbot, ports, users["intake"], runner, read=False)
    assert desk.data_button.isVisible()
    desk.data_button.click()
    dialog = desk.steps.data_dialog
    assert dialog is not None
    typing_into(qtbot, dialog, dialog.reference)
    officer_types(issued.number)
    QTest.keyClick(dialog.reference, Qt.Key.Key_Tab)
    officer_types("ธนาคารออมสิน สาขานครปฐม")
    QTest.keyClick(dialog.requester, Qt.Key.Key_Tab)
    officer_types("loans@gsb.example.co.th")
    with qtbot.waitSignal(desk.applications_did_change, timeout=30_000):
        dialog.record_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=30_000)
    assert dialog.table.item(0, 1).text() == "ธนาคารออมสิน สาขานครปฐม"
    assert "(" in dialog.table.item(0, 2).text()  # the business days left
    assert dialog.table.item(0, 3).text() == "ยังไม่ตอบ"
    dialog.table.selectRow(0)
    shot(dialog, "issuing_data_requests_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: dialog.answer_button.text() == "&Send the data", timeout=5_000)
    shot(dialog, "issuing_data_requests_en")
    i18n.apply_language("th")
    assert dialog.answer_button.isEnabled()
    dialog.answer_button.click()
    qtbot.waitUntil(lambda: "loans@gsb.example.co.th" in dialog.notice.text(), timeout=30_000)
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text().startswith("อีเมล"), timeout=30_000)
    assert not dialog.answer_button.isEnabled()


def test_a_bounced_licence_is_sent_again_at_the_counter(gui, qtbot, runner, context) -> None:
    from models import OutboxMessage
    from services.issuing.bounces import note_bounces
    from tests.integration.test_licence_bounces import _report, _set_aside

    ports = build_ports(context, signing=SigningSettings())
    users = signed_in(ports)
    app_id = approved(context, ports, users)
    assert ports.issuing is not None
    issued = ports.issuing.issue(
        users["approver"],
        app_id,
        SigningChoice("record", secret=Pin(STAFF_PASSWORD)),
        premises=PREMISES,
    )
    sent = ports.issuing.deliver(users["intake"], issued.issued_id)
    with context.read() as session:
        message_id = session.get(OutboxMessage, sent.outbox_id).message_id
    _set_aside(context, "imap:INBOX:1:900", _report(message_id))
    with context.unit_of_work(SYSTEM) as uow:
        assert note_bounces(uow, context.calendar, context.store.blobs) == 1
    desk = issuing_page(qtbot, ports, users["intake"], runner)
    qtbot.waitUntil(lambda: desk.issued.rowCount() == 1, timeout=30_000)
    assert desk.issued.item(0, 4).text().startswith("ตีกลับ")
    desk.issued.selectRow(0)
    assert desk.delivery.deliver_button.isEnabled() and not desk.delivery.handed_to.isEnabled()
    desk.delivery.channel_choice.setCurrentIndex(desk.delivery.channel_choice.findData("counter"))
    assert desk.delivery.handed_to.isEnabled() and not desk.delivery.protect.isEnabled()
    desk.delivery.handed_to.setFocus()
    typing_into(qtbot, desk, desk.delivery.handed_to)
    officer_types("นายสมชาย ใจดี")
    shot(desk, "issuing_bounced_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: desk.issued.item(0, 4).text().startswith("Bounced"), timeout=5_000)
    assert desk.delivery.channel_choice.currentData() == "counter"  # the choice survives the switch
    shot(desk, "issuing_bounced_en")
    i18n.apply_language("th")
    desk.delivery.deliver_button.click()
    qtbot.waitUntil(lambda: "เคาน์เตอร์" in desk.notice.text(), timeout=30_000)
    qtbot.waitUntil(lambda: "·" in desk.issued.item(0, 4).text(), timeout=30_000)
    assert desk.issued.item(0, 4).text().startswith("เคาน์เตอร์ ·")  # how it went, this time


def test_the_issue_dialog_buttons_are_whole_from_the_first_frame_in_either_language(
    gui, qtbot, runner, context
) -> None:
    """ "Cancel" came out cut ("Cance l") in English: the foot kept the Thai widths for the
    first frame after the language changed."""
    from PySide6.QtWidgets import QApplication

    from services.api import ToIssueRow
    from ui.issuing.issue_dialog import IssueDialog

    ports = build_ports(context, signing=SigningSettings())
    approver = ports.shell.sign_in("approver", STAFF_PASSWORD)
    assert ports.issuing is not None
    row = ToIssueRow("a1", "R-0001", "ร้านอาหาร", "Food shop", "นายหนึ่ง ใจดี", "counter")
    dialog = IssueDialog(row, ports.issuing, runner, approver)
    qtbot.addWidget(dialog)
    dialog.show()
    for language in ("en", "th", "en"):
        i18n.apply_language(language)
        QApplication.processEvents()  # one turn: the language change, as the first frame
        assert dialog.cancel_button.text() == ("Cancel" if language == "en" else "ยกเลิก")
        for button in (dialog.cancel_button, dialog.ok_button):
            assert button.width() >= button.sizeHint().width(), (language, button.text())
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(SCREENSHOTS / f"issuing_dialog_foot_{language}.png"))
    i18n.apply_language("th")


def test_the_issue_dialog_lists_the_tokens_certificates_and_the_chosen_one_signs(
    gui, qtbot, runner, context, softhsm
) -> None:
    """A token with two signing certificates (the approver's own and one for acting for the
    director): the approver types the PIN, asks for the certificates, picks the second; the
    licence carries that one's signature, not the first the service would pick alone."""
    from services.produce.sign import verify_pdf
    from services.produce.sign.verify import load_trust_roots
    from tests.integration.test_approval import set_risk, token_choice

    deputy = softhsm["deputy"]
    set_risk(context, "FOOD-NOTICE", "advanced")
    ports = build_ports(context, signing=SigningSettings(deputy.module, (deputy.root_pem,)))
    users = signed_in(ports)
    approved(context, ports, users, token_choice(softhsm))
    assert ports.issuing is not None
    page = issuing_page(qtbot, ports, users["approver"], runner)
    qtbot.waitUntil(lambda: page.waiting.rowCount() == 1, timeout=30_000)
    page.waiting.selectRow(0)
    page.issue_button.click()
    dialog = opened(qtbot, lambda: page.steps.dialog)
    form = dialog.signing
    qtbot.waitUntil(lambda: form.token_combo.findData("deputy") >= 0, timeout=30_000)
    form.token_combo.setCurrentIndex(form.token_combo.findData("deputy"))
    assert not form.certificate_combo.isVisible()  # nothing read yet
    dialog.activateWindow()
    dialog.premises.setFocus()
    qtbot.waitUntil(lambda: dialog.premises.hasFocus(), timeout=5_000)
    officer_types(PREMISES)
    form.secret.setFocus()
    qtbot.waitUntil(lambda: form.secret.hasFocus(), timeout=5_000)
    officer_types(deputy.pin)
    form.read_button.click()
    qtbot.waitUntil(lambda: form.certificate_combo.count() == 2, timeout=30_000)
    assert form.certificate_combo.isVisible()
    assert form.secret.text() == deputy.pin  # reading the certificates keeps the PIN typed
    names = [form.certificate_combo.itemText(i) for i in range(2)]
    assert any("นายอนุมัติ รอบคอบ" in n for n in names), names
    assert any("นางรักษา ราชการแทน" in n for n in names), names
    # By value: Qt's findData compares a Python bytes by identity (fails once .pyc are kept).
    combo = form.certificate_combo
    combo.setCurrentIndex([combo.itemData(i) for i in range(combo.count())].index(b"\x07"))
    shot(dialog, "issuing_certificate_dialog_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "Issue and sign", timeout=5_000)
    assert form.certificate_combo.currentData() == b"\x07"  # the choice outlives the switch
    assert "valid to" in form.certificate_combo.currentText()
    shot(dialog, "issuing_certificate_dialog_en")
    i18n.apply_language("th")
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5_000)
    QTest.keyClick(form.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.notice.isVisible() or page.error.isVisible(), timeout=60_000)
    assert "ออกใบอนุญาตเลขที่ 1/" in page.notice.text(), page.error.text()
    assert form.secret.text() == ""
    with context.read() as session:
        entry = session.query(IssuedDocument).one()
        pdf = context.store.blobs.get(entry.blob_sha256)
    result = verify_pdf(pdf, load_trust_roots([deputy.root_pem]))
    assert [s.signer for s in result.signatures] == ["นางรักษา ราชการแทน"]
    assert all(s.intact and s.valid for s in result.signatures)


def test_the_approver_registers_a_paper_licence_typing_it_in_thai_and_it_then_checks_valid(
    gui, qtbot, runner, context
) -> None:
    """A licence issued on paper before the system: the approver types what it says, key by
    key, a number already in the register is refused in the dialog with nothing lost, and
    the check by its number then says valid, registered from paper. Intake sees no button."""
    from services.api import PaperLicence

    ports = build_ports(context, signing=SigningSettings())
    approver = ports.shell.sign_in("approver", STAFF_PASSWORD)
    intake = ports.shell.sign_in("intake", STAFF_PASSWORD)
    assert ports.issuing is not None
    ports.issuing.register_paper(
        approver, PaperLicence("14/2565", "นายก่อน หน้า", "ใบอนุญาตจำหน่ายอาหาร", "1/2/2565")
    )
    desk = IssuingPage(ports.issuing, intake, runner)
    qtbot.addWidget(desk)
    assert desk.paper_button.isHidden()  # the access table: approvers and supervisors only
    page = issuing_page(qtbot, ports, approver, runner)
    assert page.paper_button.isVisible()
    page.paper_button.click()
    dialog = opened(qtbot, lambda: page.steps.paper_dialog)
    typed = {
        dialog.number: "14/2565",  # already registered: refused below
        dialog.licensee: "ร้านข้าวแกงป้าศรี โดย นางศรีสุดา ใจดี",
        dialog.subject: "หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร",
        dialog.issued: "1/3/2565",
        dialog.expires: "28/2/2570",
        dialog.premises: "เลขที่ 12 หมู่ 3 ตำบลหนองไผ่",
    }
    dialog.activateWindow()
    for field, text in typed.items():
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=5_000)
        officer_types(text)
        assert field.text() == text
    shot(dialog, "issuing_paper_dialog_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: dialog.register_button.text() == "&Register", timeout=5_000)
    shot(dialog, "issuing_paper_dialog_en")
    i18n.apply_language("th")
    QTest.keyClick(dialog.premises, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    assert "14/2565 มีอยู่ในทะเบียนแล้ว" in dialog.error.text()
    assert dialog.isVisible() and dialog.licensee.text() == typed[dialog.licensee]
    shot(dialog, "issuing_paper_dialog_duplicate_th")
    dialog.number.setFocus()
    dialog.number.selectAll()
    officer_types("15/2565")
    QTest.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert dialog.registered is not None and dialog.registered.number == "15/2565"
    assert "15/2565" in page.notice.text() and page.notice.isVisible()
    shot(page, "issuing_page_paper_registered_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: page.paper_button.text() == "Register a &paper licence…",
                    timeout=5_000)  # fmt: skip
    shot(page, "issuing_page_paper_registered_en")
    i18n.apply_language("th")

    # Checked by its number, as a holder shows the paper: valid, and from paper.
    page.steps.check()
    check = page.steps.check_dialog
    assert check is not None
    check.reference.setText("15/2565")
    check.check_typed()
    qtbot.waitUntil(lambda: check.verdict.isVisible(), timeout=30_000)
    assert "ฉบับกระดาษ" in check.verdict.text()
    assert "ร้านข้าวแกงป้าศรี โดย นางศรีสุดา ใจดี" in check.details.toPlainText()
    shot(check, "issuing_paper_checked_th")


def test_a_supervisor_sees_paper_licences_with_the_others_and_revokes_one_typing_the_reason(
    gui, qtbot, runner, settings, context
) -> None:
    """Paper licences stand in "Licences issued", marked paper, with nothing to deliver; the
    supervisor chooses one, types the reason in Thai, revokes it, and the row and a check by
    its number then say revoked. Intake sees the list without the Revoke button."""
    from services.api import PaperLicence

    ports = build_ports(context, signing=SigningSettings())
    assert ports.issuing is not None
    add_supervisor(context)
    supervisor = ports.shell.sign_in("super", STAFF_PASSWORD)
    intake = ports.shell.sign_in("intake", STAFF_PASSWORD)
    for paper in (
        PaperLicence("15/2565", "ร้านข้าวแกงป้าศรี โดย นางศรีสุดา ใจดี",
                     "หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร", "1/3/2565", "28/2/2570"),
        PaperLicence("ทม 88/2560", "บริษัท ตัวอย่าง จำกัด", "ใบอนุญาตประกอบกิจการ", "1/6/2560"),
    ):  # fmt: skip
        ports.issuing.register_paper(supervisor, paper)
    desk = IssuingPage(ports.issuing, intake, runner)
    qtbot.addWidget(desk)
    desk.refresh()
    qtbot.waitUntil(lambda: desk.issued.rowCount() == 2, timeout=30_000)
    assert desk.revoke_button.isHidden()
    # The supervisor keeps the paper register: the issuing page is in their window.
    from ui.shell.queue_pane import ISSUING
    from ui.shell.start import build_main_window_for

    window = build_main_window_for(ports, supervisor, runner, settings)
    qtbot.addWidget(window)
    assert window.issuing is not None and window.queues.select_page(ISSUING)
    page = issuing_page(qtbot, ports, supervisor, runner)
    qtbot.waitUntil(lambda: page.issued.rowCount() == 2, timeout=30_000)

    def row(r: int) -> list[str]:
        return [page.issued.item(r, c).text() for c in range(page.issued.columnCount())]

    assert row(0) == ["15/2565", "ร้านข้าวแกงป้าศรี โดย นางศรีสุดา ใจดี",
                      "หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร", "ใช้ได้",
                      "ใบอนุญาตฉบับกระดาษ ลงทะเบียนด้วยมือ", ""]  # fmt: skip
    assert row(1)[0] == "ทม 88/2560"
    assert page.revoke_button.isVisible() and not page.revoke_button.isEnabled()
    page.issued.setFocus()
    page.issued.selectRow(0)
    assert page.revoke_button.isEnabled() and not page.delivery.deliver_button.isEnabled()
    QTest.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, lambda: page.steps.revoke_dialog)
    assert dialog is not None and not dialog.revoke_button.isEnabled()  # a reason first
    dialog.activateWindow()
    dialog.reason.setFocus()
    qtbot.waitUntil(dialog.reason.hasFocus, timeout=5_000)
    reason = "ผู้ประกอบการแจ้งเลิกกิจการเมื่อวันที่ 1 พฤศจิกายน 2569 และคืนใบอนุญาตฉบับจริงแล้ว"
    officer_types(reason)
    assert dialog.reason.toPlainText() == reason and dialog.revoke_button.isEnabled()
    assert "ฉบับกระดาษ" in dialog.what.text()
    shot(dialog, "issuing_revoke_paper_dialog_th")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: dialog.revoke_button.text() == "Re&voke", timeout=5_000)
        assert "A paper licence: no letter is sent" in dialog.what.text()
        shot(dialog, "issuing_revoke_paper_dialog_en")
    finally:
        i18n.apply_language("th")
    QTest.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: row(0)[3] == "ถูกเพิกถอน", timeout=30_000)
    assert "15/2565" in page.notice.text() and page.notice.isVisible()
    page.issued.selectRow(0)
    assert not page.revoke_button.isEnabled()  # revoked once; the services mark it so
    shot(page, "issuing_page_paper_revoked_th")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: row(0)[3] == "Revoked", timeout=5_000)
        assert row(0)[4] == "Paper licence, registered by hand"
        shot(page, "issuing_page_paper_revoked_en")
    finally:
        i18n.apply_language("th")
    check = ports.issuing.check_typed(intake, "15/2565")
    assert not check.ok and check.entry is not None and check.entry.status == "revoked"
    assert check.entry.revoked_reason == reason


def test_a_paper_licence_saves_with_no_expiry_and_a_typed_non_date_is_named_not_dropped(
    gui, qtbot, runner, context
) -> None:
    """The dates are date fields that start empty: the date issued must be typed, the expiry
    may stay empty (no expiry), and an expiry typed that is no date is named in Thai and
    English before anything is sent, never registered as "no expiry"."""
    from sqlalchemy import select

    from ui.issuing.paper_dialog import PaperLicenceDialog

    ports = build_ports(context, signing=SigningSettings())
    approver = ports.shell.sign_in("approver", STAFF_PASSWORD)
    assert ports.issuing is not None
    dialog = PaperLicenceDialog(ports.issuing, runner, approver)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.number.hasFocus, timeout=5_000)
    assert dialog.issued.text() == "" and dialog.expires.text() == ""
    shot(dialog, "issuing_paper_dialog_empty_th")  # the placeholders say what to type
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: dialog.register_button.text() == "&Register", timeout=5_000)
    assert dialog.issued.lineEdit().placeholderText() == "Day/month/year, e.g. 1/3/2022"
    shot(dialog, "issuing_paper_dialog_empty_en")
    i18n.apply_language("th")
    thai = "วัน/เดือน/ปี พ.ศ. เช่น 1/3/2565"
    qtbot.waitUntil(lambda: dialog.issued.lineEdit().placeholderText() == thai, timeout=5_000)
    dialog.number.setFocus()
    officer_types("21/2565")
    for text in ("นางสาวมาลี ศรีสุข", "ใบอนุญาตจำหน่ายสินค้าในที่สาธารณะ"):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        officer_types(text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.issued
    # Nothing typed for the date issued yet: the services say it must be.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    assert "ต้องกรอกวันที่ออก" in dialog.error.text()
    dialog.issued.setFocus(Qt.FocusReason.TabFocusReason)
    officer_types("1/3/2565")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    officer_types("31/2/2570")  # no 31 February: named, and kept to be corrected
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "31/2/2570" in dialog.error.text(), timeout=5_000)
    assert "วันหมดอายุ “31/2/2570” ไม่ใช่วันที่" in dialog.error.text()
    assert "The expiry date “31/2/2570” is not a date" in dialog.error.text()
    assert dialog.isVisible() and dialog.expires.text() == "31/2/2570"
    shot(dialog, "issuing_paper_dialog_not_a_date_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: dialog.issued.text() == "1/3/2022", timeout=5_000)
    assert dialog.expires.text() == "31/2/2570"  # the officer's text, not re-read
    shot(dialog, "issuing_paper_dialog_not_a_date_en")
    i18n.apply_language("th")
    qtbot.waitUntil(lambda: dialog.issued.text() == "1/3/2565", timeout=5_000)
    with context.read() as session:
        assert (
            session.scalars(
                select(IssuedDocument).where(IssuedDocument.document_number == "21/2565")
            ).first()
            is None
        )  # nothing was sent
    # The paper says no expiry after all: Ctrl+A, Delete, and register.
    dialog.expires.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(dialog.expires, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dialog.expires, Qt.Key.Key_Delete)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert dialog.registered is not None and dialog.registered.number == "21/2565"
    with context.read() as session:
        entry = session.scalars(
            select(IssuedDocument).where(IssuedDocument.document_number == "21/2565")
        ).one()
        assert entry.valid_until is None
        assert utc(entry.issued_at).astimezone(BANGKOK).date() == date(2022, 3, 1)
