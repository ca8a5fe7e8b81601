"""The approval page offers "Add timestamps" for what was signed offline, on real widgets with
a real SoftHSM2 token and a real RFC 3161 TSA (tests/peers/tsa.py) that is down, then up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from services.api.approval import SigningSettings
from services.api.ports import build_ports
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import claimed, reviewed, set_risk, token_choice
from ui.approval.page import ApprovalPage


def test_signed_offline_then_time_stamped_from_the_page(
    gui, qtbot, runner, settings, context, softhsm, tsa
) -> None:
    token = softhsm["approver"]
    signing = SigningSettings(token.module, (token.root_pem, tsa.root_pem), tsa_url=tsa.url)
    ports = build_ports(context, signing=signing)
    users = {n: ports.shell.sign_in(n, STAFF_PASSWORD) for n in ("intake", "reviewer", "approver")}
    set_risk(context, "FOOD-NOTICE", "advanced")
    app_id = reviewed(context, ports, users, hour=9)
    approver = users["approver"]
    tsa.stop()
    outcome = ports.approval.approve_batch(
        approver, claimed(ports.approval, approver, [app_id]), token_choice(softhsm)
    )
    assert outcome.timestamp_pending == (app_id,)

    page = ApprovalPage(ports.approval, ports.review, approver, runner, settings)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    button = page.timestamps_button
    qtbot.waitUntil(lambda: button.isVisible(), timeout=30_000)
    assert button.text() == "เพิ่มตราประทับเวลา (1)"

    # Still offline: the page says so in both languages and nothing changes.
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ตราประทับเวลา" in page.error.text(), timeout=30_000)
    assert "Add timestamps" in page.error.text()
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=30_000)
    assert button.isVisible() and button.waiting == 1

    tsa.start()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "เพิ่มตราประทับเวลาและข้อมูลตรวจสอบระยะยาวแล้ว 1 รายการ" in page.error.text(),
                    timeout=30_000)  # fmt: skip
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=30_000)
    assert ports.approval.pending_timestamps(approver) == []
