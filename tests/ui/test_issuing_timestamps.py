"""The issuing page offers "Add timestamps" for licences signed while the TSA was down, on
real widgets with a real SoftHSM2 token and a real RFC 3161 TSA (tests/peers/tsa.py) — the
same button as the approval page, asking the issuing port."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from services.api.approval import SigningSettings
from services.api.ports import build_ports
from tests.integration.test_approval import set_risk, token_choice
from tests.ui.issuing_steps import PREMISES, approved, issuing_page, shot, signed_in
from ui.common import i18n
from ui.issuing.page import IssuingPage


def test_a_licence_issued_offline_is_time_stamped_from_the_issuing_page(
    gui, qtbot, runner, context, softhsm, tsa
) -> None:
    token = softhsm["approver"]
    signing = SigningSettings(token.module, (token.root_pem, tsa.root_pem), tsa_url=tsa.url)
    ports = build_ports(context, signing=signing)
    users = signed_in(ports)
    set_risk(context, "FOOD-NOTICE", "advanced")
    app_id = approved(context, ports, users, token_choice(softhsm))
    approver = users["approver"]
    assert ports.issuing is not None
    tsa.stop()  # the link is down at issue
    issued = ports.issuing.issue(approver, app_id, token_choice(softhsm), premises=PREMISES)
    assert issued.timestamp_pending

    desk = IssuingPage(ports.issuing, users["intake"], runner)
    qtbot.addWidget(desk)
    assert desk.timestamps_button.isHidden()  # intake does not issue: never asks
    page = issuing_page(qtbot, ports, approver, runner)
    button = page.timestamps_button
    qtbot.waitUntil(lambda: button.isVisible(), timeout=30_000)
    assert button.text() == "เพิ่มตราประทับเวลา (1)"
    shot(page, "issuing_timestamps_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: button.text() == "Add timestamps (1)", timeout=5_000)
    shot(page, "issuing_timestamps_en")
    i18n.apply_language("th")

    # Still offline: said in both languages, and the licence keeps waiting.
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ตราประทับเวลา" in page.error.text(), timeout=30_000)
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=30_000)
    assert button.isVisible() and button.waiting == 1

    tsa.start()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "เพิ่มตราประทับเวลาและข้อมูลตรวจสอบระยะยาวแล้ว 1 รายการ" in page.error.text(),
                    timeout=60_000)  # fmt: skip
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=30_000)
    assert ports.issuing.pending_licence_timestamps(approver) == []
