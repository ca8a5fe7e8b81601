"""An approver at the main window is told when reviewed requests arrive for approval.

Real window, real profile: one request waits at sign-in (the badge's news, not a notice);
a reviewer passes two more on; the window's change hook (a sync, F5) reads the queue again in
the database pool and, offscreen where there is no tray, the banner names the new ones;
"Open approvals" opens the approval page. Screenshots in Thai and English.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from models import Application
from services.api.ports import build_ports
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import reviewed
from tests.ui.conftest import SCREENSHOTS
from ui.approval.arrivals import ArrivalWatch
from ui.common import i18n
from ui.common.changes import Changes
from ui.shell.main_window import MainWindow


def _number(context, app_id: str) -> str:
    with context.read() as session:
        return session.scalars(
            select(Application.tracking_number).where(Application.id == app_id)
        ).one()


def _shot(window: MainWindow, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert window.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_new_reviewed_requests_are_announced_once_in_the_window(
    gui, qtbot, runner, settings, context
) -> None:
    ports = build_ports(context)
    users = {n: ports.shell.sign_in(n, STAFF_PASSWORD) for n in ("intake", "reviewer", "approver")}
    reviewed(context, ports, users, hour=8)  # waited before the approver signed in
    window = MainWindow(ports, users["approver"], runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    approvals = window.approvals
    assert approvals is not None
    qtbot.waitUntil(lambda: approvals.table.rowCount() == 1, timeout=30_000)
    window.changes.announce(Changes(lists=True))
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=30_000)
    assert window.arrival_banner.isHidden()  # what waited at sign-in is the badge's to tell

    newer = [reviewed(context, ports, users, hour=h) for h in (9, 10)]
    window.changes.announce(Changes(lists=True))  # a sync brought them, or F5
    qtbot.waitUntil(lambda: window.arrival_banner.isVisible(), timeout=30_000)
    text = window.arrival_banner.text()
    assert all(_number(context, i) in text for i in newer)
    assert text.startswith("มีคำขอที่ตรวจแล้ว 2 รายการ")
    assert window.arrivals.tray_messages == 0  # offscreen: no tray, the banner says it
    _shot(window, "approval_arrivals_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: window.arrival_banner.text().startswith("2 reviewed request(s)"))
    assert window.arrival_banner.open_button.text() == "Open approvals"
    _shot(window, "approval_arrivals_en")
    i18n.apply_language("th")

    # Read again with nothing new: no second notice for the same requests.
    window.arrival_banner.dismiss_button.click()
    window.changes.announce(Changes(lists=True))
    qtbot.waitUntil(lambda: approvals.table.rowCount() == 3, timeout=30_000)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=30_000)
    assert window.arrival_banner.isHidden()

    third = reviewed(context, ports, users, hour=11)
    window.changes.announce(Changes(lists=True))
    qtbot.waitUntil(lambda: window.arrival_banner.isVisible(), timeout=30_000)
    assert _number(context, third) in window.arrival_banner.text()
    QTest.mouseClick(window.arrival_banner.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "approvals"
    assert window.arrival_banner.isHidden()


def test_the_watch_names_only_requests_never_shown_before() -> None:
    from types import SimpleNamespace

    def rows(*ids: str):  # the watch reads only the ids
        return [SimpleNamespace(id=i, tracking_number=i) for i in ids]

    watch = ArrivalWatch()
    assert watch.news(rows("a", "b")) == []  # at sign-in: the badge's
    assert [r.id for r in watch.news(rows("a", "b", "c"))] == ["c"]
    assert watch.news(rows("b", "c")) == []  # "a" approved meanwhile
    assert watch.news(rows("a", "c")) == []  # sent back and reviewed again: seen already
    assert [r.id for r in watch.news(rows("c", "d", "e"))] == ["d", "e"]
