"""The verification dialog on real widgets: an approver opens it from the approval page, types
the path of a signed PDF (signed on a real SoftHSM2 token with a real TSA's time-stamp) and
reads who signed, when, the certificate chain, the time-stamp and whether it is intact; a
changed copy is NOT valid; a missing file is told. Screenshots in Thai and English."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from models import Approval, Document
from services.api.approval import SigningSettings
from services.api.ports import build_ports
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import claimed, reviewed, set_risk, token_choice
from tests.ui.conftest import SCREENSHOTS, officer_types
from ui.approval.page import ApprovalPage
from ui.common import i18n


def _signed_memo(context, ports, users, softhsm) -> bytes:
    set_risk(context, "FOOD-NOTICE", "sensitive")
    app_id = reviewed(context, ports, users, hour=9)
    approver = users["approver"]
    outcome = ports.approval.approve_batch(
        approver, claimed(ports.approval, approver, [app_id]), token_choice(softhsm)
    )
    assert outcome.approved == (app_id,) and outcome.timestamp_pending == ()
    with context.read() as session:
        approval = session.scalars(select(Approval)).one()
        document = session.get(Document, approval.document_id)
        return context.store.blobs.get(document.blob_sha256)


def test_the_approver_checks_a_signed_pdf_in_the_dialog(
    gui, qtbot, runner, settings, context, softhsm, tsa, tmp_path
) -> None:
    token = softhsm["approver"]
    signing = SigningSettings(token.module, (token.root_pem, tsa.root_pem), tsa_url=tsa.url)
    ports = build_ports(context, signing=signing)
    users = {n: ports.shell.sign_in(n, STAFF_PASSWORD) for n in ("intake", "reviewer", "approver")}
    signed = tmp_path / "บันทึกอนุมัติ.pdf"
    signed.write_bytes(_signed_memo(context, ports, users, softhsm))

    page = ApprovalPage(ports.approval, ports.review, users["approver"], runner, settings)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    QTest.mouseClick(page.check_file_button, Qt.MouseButton.LeftButton)
    dialog = page.verify_dialog
    assert dialog is not None and dialog.isVisible()
    _type_path(qtbot, dialog, str(signed))  # a Thai file name, typed key by key
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.status is not None, timeout=30_000)
    text = dialog.details.toPlainText()
    assert dialog.verdict.text() == "ลายมือชื่อถูกต้อง เอกสารไม่ถูกแก้ไข และเชื่อถือได้"
    assert "ผู้ลงนาม: นายอนุมัติ รอบคอบ" in text
    assert "สายใบรับรอง: นายอนุมัติ รอบคอบ → " in text  # signer first, the agency's root last
    assert "ตราประทับเวลาของลายมือชื่อ:" in text and "Test TSA (เชื่อถือได้)" in text
    assert "มีการเพิ่มเติมหลังลงนาม: ไม่ใช่" in text
    assert dialog.heading.text() == "ลายมือชื่อของ: บันทึกอนุมัติ.pdf"
    _shot(dialog, "verify_dialog_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: "Signer: นายอนุมัติ รอบคอบ" in dialog.details.toPlainText())
    assert dialog.verdict.text() == "Signature valid, intact and trusted"
    assert "Certificate chain: นายอนุมัติ รอบคอบ → " in dialog.details.toPlainText()
    assert dialog.check_button.text() == "Check"
    _shot(dialog, "verify_dialog_en")
    i18n.apply_language("th")

    # A copy changed after signing is not valid; a file that is not there is told.
    changed = tmp_path / "changed.pdf"
    data = bytearray(signed.read_bytes())
    data[data.index(b"stream") + 20] ^= 0x01  # inside the first stream: still a readable PDF
    changed.write_bytes(bytes(data))
    _type_path(qtbot, dialog, str(changed))
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.verdict.text().startswith("ลายมือชื่อไม่ถูกต้อง"), timeout=30_000)
    _type_path(qtbot, dialog, str(tmp_path / "missing.pdf"))
    QTest.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "missing.pdf" in dialog.error.text(), timeout=30_000)
    assert "อ่านไฟล์ missing.pdf ไม่ได้" in dialog.error.text()


def _type_path(qtbot, dialog, path: str) -> None:
    dialog.path.clear()
    dialog.activateWindow()
    dialog.path.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.path)
    officer_types(path)
    assert dialog.path.text() == path


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))
