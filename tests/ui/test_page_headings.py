"""What a page says before there is anything on it, and how its title reads: found walking an
officer's day on the demo agency at 1280×720 in Thai and English."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from services.api.approval import SigningSettings
from services.api.ports import build_ports
from tests.conftest import STAFF_PASSWORD
from ui.common import i18n
from ui.common.naming import named
from ui.issuing.page import IssuingPage


def test_an_empty_issuing_list_says_why_in_either_language_once_read(
    gui, qtbot, runner, context
) -> None:
    ports = build_ports(context, signing=SigningSettings())
    approver = ports.shell.sign_in("approver", STAFF_PASSWORD)
    assert ports.issuing is not None
    page = IssuingPage(ports.issuing, approver, runner)
    qtbot.addWidget(page)
    page.resize(1040, 600)
    page.show()
    assert not page.waiting_empty.isVisible()  # not before the list has been read
    page.refresh()
    qtbot.waitUntil(page.waiting_empty.isVisible, timeout=30_000)
    assert page.waiting.rowCount() == 0
    assert page.waiting_empty.text().startswith("ยังไม่มีคำขอที่อนุมัติแล้วรอออกใบอนุญาต")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: page.title.text() == "Issuing and delivery", timeout=5_000)
        assert page.waiting_empty.text().startswith("No approved request waits")
        assert page.waiting_empty.isVisible()
    finally:
        i18n.apply_language("th")


def test_a_page_title_reads_like_the_lists_and_reports_titles(gui) -> None:
    page_title, section_title, plain = (
        named(QLabel("ออกใบอนุญาตและส่งมอบ"), "PageTitle"),
        named(QLabel("รายงานประจำเดือน"), "SectionTitle"),
        QLabel("ข้อความ"),
    )
    for label in (page_title, section_title, plain):
        label.ensurePolished()
    assert page_title.font().bold() and not plain.font().bold()
    assert page_title.font().pointSizeF() == section_title.font().pointSizeF()
    assert page_title.palette().windowText().color() == section_title.palette().windowText().color()


def test_an_empty_tray_keeps_its_intro_under_its_title(
    gui, qtbot, workstation, intake_user, runner
) -> None:
    from ui.intake.quarantine_view import QuarantineView

    page = QuarantineView(workstation.intake, intake_user, runner)
    qtbot.addWidget(page)
    page.resize(1040, 570)  # the page beside the queue pane in a 1280×720 window
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded and page.empty.isVisible(), timeout=10_000)
    page.layout().activate()
    title = page.title.mapTo(page, page.title.rect().bottomLeft()).y()
    intro = page.intro.mapTo(page, page.intro.rect().topLeft()).y()
    # The intro line directly under the title (it floated halfway down the empty page).
    assert 0 <= intro - title <= 24
    assert page.intro.height() <= 3 * page.intro.fontMetrics().height()
