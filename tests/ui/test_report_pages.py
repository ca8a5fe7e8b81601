"""The administrator's "Monthly report" and "Audit log" pages on real widgets over a real store
holding a seeded October: figures on screen and in the chart, a month picked with the keyboard,
files saved and opened again, the audit filters typed as an officer types them, the chain's
status, and screenshots in Thai and English at 1280×720."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select, text

from models import Application
from tests.conftest import STAFF_PASSWORD
from tests.integration.month_seed import seed_data_requests, seed_october
from tests.ui.conftest import officer_types
from ui.common import i18n
from ui.shell.main_window import MainWindow
from ui.shell.queue_pane import AUDIT, MONTHLY_REPORT

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shot(qtbot, window: MainWindow, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(100)  # let the chart lay out its axes and legend before the picture
    path = SHOTS / f"{name}.png"
    window.grab().save(str(path))
    return path


@pytest.fixture
def seeded(context):
    ids = seed_october(context)  # the clock ends on 3 November 2026: last month is October
    seed_data_requests(context, ids["quick"])
    with context.read() as session:
        numbers = dict(session.execute(select(Application.id, Application.tracking_number)).all())
    return {key: numbers[app_id] for key, app_id in ids.items()}


@pytest.fixture
def admin_window(qtbot, gui, workstation, runner, settings, seeded) -> MainWindow:
    admin = workstation.shell.sign_in("admin", STAFF_PASSWORD)
    window = MainWindow(workstation, admin, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def _open_report(qtbot, window: MainWindow):
    page = window.monthly_report
    assert page is not None
    with qtbot.waitSignal(page.report_did_load, timeout=30000):
        assert window.show_report_page(MONTHLY_REPORT)
    assert window.current_page() == MONTHLY_REPORT
    return page


def _table(page) -> dict[str, list[str]]:
    rows = {}
    for r in range(page.table.rowCount()):
        cells = [page.table.item(r, c).text() for c in range(page.table.columnCount())]
        rows[cells[0].split()[0]] = cells[1:]
    return rows


def test_the_report_shows_last_month_with_a_chart(qtbot, gui, admin_window) -> None:
    page = _open_report(qtbot, admin_window)
    assert page.picker.period() == (page.report.first_day, page.report.last_day)
    assert page.report.first_day.isoformat() == "2026-10-01"
    rows = _table(page)
    # received, withdrawn, completed, within, past, open at end, average, p90, fees
    assert rows["FOOD-SHOP"][:6] == ["3", "0", "2", "2", "0", "1"]
    assert rows["FOOD-SHOP"][8] == "500.00"
    assert rows["รวมทุกบริการ"][:3] == ["7", "1", "4"]
    assert page.picker.months.currentText() == "ต.ค. 2569"
    values = page.chart.values()
    codes = [row.code for row in page.report.rows]
    assert values["รับคำขอ"][codes.index("FOOD-SHOP")] == 3
    assert values["เสร็จทันกำหนด"][codes.index("FOOD-SHOP")] == 2
    assert values["เสร็จเกินกำหนด"][codes.index("FOOD-NOTICE")] == 1
    assert page.data_requests.text() == (
        "คำขอข้อมูลใบอนุญาต (ต้องส่งให้ภายใน 3 วันทำการ): รับ 6 รายการ ตอบทันกำหนด 2 "
        "ตอบเกินกำหนด 1 ค้าง ณ สิ้นช่วง 4 (เกินกำหนดแล้ว 1)"
    )
    shot(qtbot, admin_window, "report-monthly-th")
    i18n.apply_language("en", gui)
    qtbot.waitUntil(lambda: page.title.text() == "Monthly report")
    assert "Test Subdistrict Municipality" in page.heading.text()
    assert page.table.horizontalHeaderItem(4).text() == "Within\nSLA"
    assert page.picker.months.currentText() == "Oct 2026"
    assert page.chart._x_axis.categories()[-1] == "Unclassified"  # the bar's label too
    assert page.data_requests.text().endswith(
        "6 received, 2 answered in time, 1 answered late, 4 open at the end (1 of them past due)"
    )
    shot(qtbot, admin_window, "report-monthly-en")


def test_another_month_is_picked_with_the_keyboard(qtbot, admin_window) -> None:
    page = _open_report(qtbot, admin_window)
    page.picker.months.setFocus()
    with qtbot.waitSignal(page.report_did_load, timeout=30000):
        QTest.keyClick(page.picker.months, Qt.Key.Key_Down)  # the month before: September
    assert page.report.first_day.isoformat() == "2026-09-01"
    assert page.report.last_day.isoformat() == "2026-09-30"
    assert _table(page)["FOOD-NOTICE"][0] == "1"  # "late" arrived 30 Sep at 23:59


def test_both_files_are_saved_and_open_again(qtbot, admin_window, tmp_path) -> None:
    page = _open_report(qtbot, admin_window)
    xlsx, pdf = tmp_path / "october.xlsx", tmp_path / "october.pdf"
    with qtbot.waitSignal(page.file_did_save, timeout=30000):
        page.export_to(xlsx, "xlsx")
    sheet = load_workbook(xlsx).worksheets[0]
    food = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "FOOD-SHOP")
    assert food[3:6] == (3, 0, 2)
    with qtbot.waitSignal(page.file_did_save, timeout=30000):
        page.pdf_button.setFocus()
        page.export_to(pdf, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in page.saved.text()


def test_a_folder_that_cannot_be_written_is_said_plainly(qtbot, admin_window, tmp_path) -> None:
    page = _open_report(qtbot, admin_window)
    missing = tmp_path / "no-such-folder" / "x.xlsx"
    page.export_to(missing, "xlsx")
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=30000)
    assert "บันทึกไฟล์" in page.error.text() and "Could not save" in page.error.text()
    assert not missing.exists()


def _open_audit(qtbot, window: MainWindow):
    page = window.audit_log
    assert page is not None
    with qtbot.waitSignal(page.events_did_load, timeout=30000):
        assert window.show_report_page(AUDIT)
    return page


def test_the_audit_log_filters_as_the_officer_types(qtbot, gui, admin_window, seeded) -> None:
    page = _open_audit(qtbot, admin_window)
    assert page.banner.state == "ok" and "ห่วงโซ่" in page.banner.text()
    assert page.status.intact and page.page.total > 20
    shot(qtbot, admin_window, "audit-log-th")

    page.request_edit.setFocus()
    officer_types(seeded["withdrawn"])
    with qtbot.waitSignal(page.events_did_load, timeout=30000):
        QTest.keyClick(page.request_edit, Qt.Key.Key_Return)
    rows = page.shown_rows()
    assert [row[3] for row in rows] == ["application.status_changed", "application.received"]
    assert {row[4] for row in rows} == {seeded["withdrawn"]} and all(r[6] == "✓" for r in rows)

    page.request_edit.clear()
    page.kind_combo.setFocus()
    officer_types("nothing.here")
    with qtbot.waitSignal(page.events_did_load, timeout=30000):
        page.search_button.click()
    assert page.shown_rows()[0][0] == "ไม่มีเหตุการณ์ที่ตรงกับตัวกรองนี้"
    assert not page.csv_button.isEnabled()

    i18n.apply_language("en", gui)
    with qtbot.waitSignal(page.events_did_load, timeout=30000):
        page.clear_filters()
    assert "Audit chain intact up to event" in page.banner.text()
    shot(qtbot, admin_window, "audit-log-en")


def test_an_unknown_request_shows_the_services_words(qtbot, admin_window) -> None:
    page = _open_audit(qtbot, admin_window)
    page.request_edit.setFocus()
    officer_types("TST-0000")
    QTest.keyClick(page.request_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=30000)
    assert "ไม่พบคำขอเลขที่ TST-0000" in page.error.text()


def test_the_audit_export_holds_every_match(qtbot, admin_window, seeded, tmp_path) -> None:
    page = _open_audit(qtbot, admin_window)
    page.officer_edit.setFocus()
    officer_types("admin")
    with qtbot.waitSignal(page.events_did_load, timeout=30000):
        QTest.keyClick(page.officer_edit, Qt.Key.Key_Return)
    target = tmp_path / "admin.csv"
    with qtbot.waitSignal(page.file_did_save, timeout=30000):
        page.export_to(target, "csv")
    lines = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert len(lines) - 1 == page.page.total
    # What the administrator did, and what was done to their account (its creation).
    assert all("admin" in (line[4], line[6]) for line in lines[1:])
    assert "user.signed_in" in {line[5] for line in lines[1:]}


def test_a_tampered_row_shows_where_the_chain_breaks(qtbot, gui, admin_window, context) -> None:
    page = _open_audit(qtbot, admin_window)
    assert page.banner.state == "ok"
    target = page.page.rows[-1].seq + 4  # an old row (the newest are listed first)
    with context.store.engine.begin() as conn:
        conn.execute(text("UPDATE event SET actor = 'someone' WHERE seq = :s"), {"s": target})
    with qtbot.waitSignal(page.events_did_load, timeout=30000):
        QTest.keyClick(page.verify_button, Qt.Key.Key_Space)
    assert page.banner.state == "broken"
    assert f"ขาดที่เหตุการณ์ {target}" in page.banner.text()
    marks = {int(row[0].replace(",", "")): row[6] for row in page.shown_rows()}
    assert marks[target] == "✗" and marks[target - 1] == "✓"
    assert all(mark == "✗" for seq, mark in marks.items() if seq >= target)
    shot(qtbot, admin_window, "audit-log-broken-th")


def test_a_supervisor_reads_the_report_but_not_the_audit_log(
    qtbot, gui, context, workstation, runner, settings, seeded
) -> None:
    from services.access import auth
    from services.kernel.actors import SYSTEM

    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow,
            username="head",
            display_name="นางหัวหน้า ดูแลงาน",
            password=STAFF_PASSWORD,
            roles=["supervisor"],
        )
    head = workstation.shell.sign_in("head", STAFF_PASSWORD)
    window = MainWindow(workstation, head, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.monthly_report is not None and window.audit_log is None
    page = _open_report(qtbot, window)
    assert _table(page)["FOOD-SHOP"][0] == "3"
    assert not window.show_report_page(AUDIT)


def test_officers_without_the_role_have_no_report_pages(
    qtbot, gui, workstation, runner, settings
) -> None:
    reviewer = workstation.shell.sign_in("reviewer", STAFF_PASSWORD)
    window = MainWindow(workstation, reviewer, runner, settings=settings)
    qtbot.addWidget(window)
    assert window.monthly_report is None and window.audit_log is None
    assert not window.show_report_page(MONTHLY_REPORT)
    assert not window.show_report_page(AUDIT)
