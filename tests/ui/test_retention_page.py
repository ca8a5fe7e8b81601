"""The retention page, driven as the records' keeper works it: three closed food-shop requests
ten years on, a period of ten years (the notice service kept for ever); a destruction list
drawn up, saved as PDF and CSV, the head's order typed in Thai key by key, a second order
refused in both languages, the confirmation cancelled by Enter, then the destruction: two
requests go, the one worked on again since it was listed is skipped and says why. An officer
without the role has no page; a supervisor drafts lists but is offered no order or destruction.
Real ports over a real encrypted store, real widgets, screenshots in Thai and English."""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from models import Application, DestructionItem, DestructionList, Event
from services.api.archive import RetentionPolicy
from services.api.ports import build_ports
from services.kernel.events import verify_chain
from tests.conftest import STAFF_PASSWORD
from tests.pdf_reading import pdftotext_pages, pypdf_pages, save_artifact
from tests.ui.conftest import SCREENSHOTS, active_main_window, officer_types
from ui.common import i18n
from ui.retention.order_dialog import OrderDialog
from ui.retention.tables import shown_rows
from ui.shell.queue_pane import RETENTION

TEN_YEARS = RetentionPolicy(years=10, by_service={"FOOD-NOTICE": 0})
FOOD_SHOP = "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร"
FOOD_NOTICE = "หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร"
SIGNER = "นายสมศักดิ์ รักษาการ ผู้ว่าราชการจังหวัด"


@pytest.fixture
def ports(context):
    return build_ports(context, retention=lambda: TEN_YEARS)


@pytest.fixture
def closed_ten_years_ago(context, ports, review_applications, intake_user):
    """The three review requests withdrawn today, then the clock ten years and a week on."""
    for app_id, _ in review_applications:
        ports.intake.withdraw(intake_user, app_id, "ผู้ยื่นขอถอนคำขอที่เคาน์เตอร์")
    context.clock.advance(timedelta(days=3660))  # 2 December 2036 (B.E. 2579)
    return review_applications


def _press(qtbot, button) -> None:
    """The officer tabs to the button and presses Space."""
    assert button.isVisible() and button.isEnabled(), button.text()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _open(qtbot, window):
    page = window.retention
    assert page is not None
    with qtbot.waitSignal(page.overview_did_load, timeout=30000):
        assert window.show_report_page(RETENTION)
    return page


def _shot(qtbot, window, name: str, gui, english) -> None:
    """Save ``window`` in Thai, then in English once ``english()`` says it is re-worded."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / f"{name}-th.png"))
    i18n.apply_language("en", gui)
    try:
        qtbot.waitUntil(english, timeout=3000)
        window.grab().save(str(SCREENSHOTS / f"{name}-en.png"))
    finally:
        i18n.apply_language("th", gui)


def test_the_keeper_lists_orders_and_destroys_and_a_reopened_request_is_skipped(
    qtbot, gui, context, ports, runner, settings, closed_ten_years_ago, tmp_path
) -> None:
    (reopened_id, reopened), *destroyed = closed_ten_years_ago
    admin = ports.shell.sign_in("admin", STAFF_PASSWORD)
    window = active_main_window(qtbot, ports, admin, runner, settings, size=(1280, 720))
    page = _open(qtbot, window)

    services = {row[0].split(" (")[0]: row[1:] for row in shown_rows(page.services)}
    assert services[FOOD_SHOP] == ["10 ปี", "3"]
    assert services[FOOD_NOTICE] == ["ตลอดไป", "0"]  # kept for ever by its own period
    assert page.past_label.text().endswith(": 3 คำขอ") and not page.destroy_button.isEnabled()

    # Draw up the list: its number, its requests with the applicant's ID masked.
    with qtbot.waitSignal(page.step_did_finish, timeout=30000) as drafted:
        _press(qtbot, page.draft_button)
    assert drafted.args == ["drafted"]
    qtbot.waitUntil(lambda: page.requests.rowCount() == 3, timeout=10000)
    lists = shown_rows(page.lists)
    assert lists[0][:4] == ["1", "2 ธ.ค. 2579", "3", "ร่างแล้ว รอคำสั่งของหัวหน้าส่วนราชการ"]
    requests = shown_rows(page.requests)
    assert sorted(row[1] for row in requests) == sorted(t for _, t in closed_ten_years_ago)
    assert all(row[3].startswith("X-XXXX-XXXXX-") and row[7] == "อยู่ในทะเบียน" for row in requests)
    assert "ทะเบียนขอทำลายลำดับที่ 1" in page.result.text()
    assert page.past_label.text().endswith(": 0 คำขอ")  # all three are on a list now

    # Save its PDF and CSV where the officer chooses (no .pdf typed: it is added).
    asked: list[str] = []
    page._choose = lambda _w, suggested: asked.append(suggested) or tmp_path / "ทะเบียน"
    with qtbot.waitSignal(page.step_did_finish, timeout=60000):
        _press(qtbot, page.save_button)
    pdf, csv = tmp_path / "ทะเบียน.pdf", tmp_path / "ทะเบียน.csv"
    assert asked[0].endswith("destruction-list-1.pdf") and str(pdf) in page.result.text()
    save_artifact("retention-page-list.pdf", pdf.read_bytes())
    for pages in (pypdf_pages(pdf.read_bytes()), pdftotext_pages(pdf)):
        text = " ".join(pages)
        assert "ทะเบียนขอทำลาย ลำดับที่ 1" in text and reopened in text
        assert "สมหญิง" not in text  # requests, never applicants
    assert reopened in csv.read_text(encoding="utf-8-sig")
    png = SCREENSHOTS.parent / "retention-list"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(png)],
                   check=True)  # fmt: skip

    # Another station works on one request again before the order comes.
    _reopen(context, reopened_id)

    # The head's order, typed key by key in Thai; the date as Thai offices write it.
    _press(qtbot, page.order_button)
    dialog = page.order_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.order_number)
    officer_types("12/2579")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    officer_types(SIGNER)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    officer_types("1/12/2579")
    assert dialog.ordered_by.text() == SIGNER
    _shot(qtbot, dialog, "retention-order", gui,
          lambda: dialog.record_button.text() == "&Record the order")  # fmt: skip
    assert dialog.ordered_by.text() == SIGNER  # nothing typed is lost by the switch
    with qtbot.waitSignal(page.step_did_finish, timeout=30000) as ordered:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert ordered.args == ["ordered"]
    qtbot.waitUntil(lambda: shown_rows(page.lists)[0][3] == "มีคำสั่งแล้ว รอทำลาย", timeout=10000)
    assert shown_rows(page.lists)[0][4] == f"ที่ 12/2579 โดย {SIGNER} ลงวันที่ 1 ธ.ค. 2579"
    assert not page.order_button.isEnabled() and page.destroy_button.isEnabled()
    with context.read() as session:
        listing = session.scalars(select(DestructionList)).one()
        assert (listing.order_number, listing.ordered_by) == ("12/2579", SIGNER)
        assert listing.ordered_on.date().isoformat() == "2036-12-01"
        assert listing.order_recorded_by and listing.order_recorded_at is not None

    # A second recording (another window still open on the list) is refused, in both languages.
    again = OrderDialog(ports.archive, runner, admin, 1, window)
    qtbot.addWidget(again)
    again.show()
    again.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is again, timeout=3000)
    again.order_number.setFocus()
    officer_types("13/2579")
    again.ordered_by.setFocus()
    officer_types("นายก")
    # The date starts empty (none is proposed); left so, the order's date is asked for.
    assert again.ordered_on.text() == ""
    qtbot.keyClick(again.ordered_by, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.error.isVisible(), timeout=30000)
    assert "ต้องกรอกวันที่ของคำสั่ง" in again.error.text()
    assert "The order's date is missing" in again.error.text()
    again.ordered_on.setFocus()
    officer_types("2/12/2579")
    qtbot.keyClick(again.ordered_on, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.error.isVisible(), timeout=30000)
    assert "มีคำสั่งบันทึกไว้แล้ว" in again.error.text()
    assert "already has its order recorded" in again.error.text()
    assert again.isVisible() and again.order_number.text() == "13/2579"  # nothing lost
    again.reject()

    # The confirmation says what goes; Enter cancels (Cancel is the default).
    _press(qtbot, page.destroy_button)
    confirm = page.destroy_dialog
    assert confirm is not None
    qtbot.waitUntil(confirm.isVisible)
    confirm.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is confirm.cancel_button, timeout=3000)
    assert "12/2579" in confirm.what.text() and SIGNER in confirm.what.text()
    assert "ย้อนกลับไม่ได้" in confirm.warning.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not confirm.isVisible())
    with context.read() as session:
        assert session.scalar(select(Application.destroyed_at).where(
            Application.id == destroyed[0][0])) is None  # fmt: skip

    _press(qtbot, page.destroy_button)
    confirm = page.destroy_dialog
    qtbot.waitUntil(confirm.isVisible)
    confirm.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is confirm.cancel_button, timeout=3000)
    confirm.grab().save(str(SCREENSHOTS / "retention-confirm-th.png"))
    with qtbot.waitSignal(page.step_did_finish, timeout=60000) as done:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is confirm.destroy_button
        qtbot.keyClick(confirm.destroy_button, Qt.Key.Key_Space)
    assert done.args == ["destroyed"]
    assert "ทำลายแล้ว 2 " in page.result.text() and "ข้าม 1 " in page.result.text()
    qtbot.waitUntil(lambda: shown_rows(page.lists)[0][3] == "ทำลายแล้ว", timeout=10000)
    qtbot.waitUntil(
        lambda: (
            {r[1]: r[7] for r in shown_rows(page.requests)}[reopened]
            == "ข้าม: มีการดำเนินการต่อหลังเข้าทะเบียน"
        ),
        timeout=10000,
    )
    states = {row[1]: row for row in shown_rows(page.requests)}
    for _, tracking in destroyed:
        assert states[tracking][7].startswith("ทำลายแล้ว") and states[tracking][3] == "—"
    with context.read() as session:
        gone = dict(session.execute(select(Application.id, Application.destroyed_at)).all())
        assert gone[reopened_id] is None
        assert all(gone[app_id] is not None for app_id, _ in destroyed)
        tomb = session.get(Application, destroyed[0][0])
        assert tomb.form_data == {} and tomb.body_text == ""
        items = {i.tracking_number: i.state for i in session.scalars(select(DestructionItem))}
        assert items[reopened] == "kept"
        events = session.scalars(select(Event).where(Event.type == "application.destroyed")).all()
        assert sorted(e.aggregate_id for e in events) == sorted(a for a, _ in destroyed)
        assert verify_chain(session).ok
    _shot(qtbot, window, "retention-page", gui,
          lambda: page.result.text().startswith(
              "Destroyed 2 requests from destruction list 1. Skipped 1: worked on again"
          ))  # fmt: skip


def _reopen(context, app_id: str) -> None:
    """What the destruction's guard is for: the request is open again (no service reopens a
    closed request today; another station's future "reopen" would leave it so)."""
    from services.kernel.actors import SYSTEM

    with context.unit_of_work(SYSTEM) as uow:
        uow.session.execute(
            update(Application)
            .where(Application.id == app_id)
            .values(status="in_review", closed_at=None)
        )


def test_only_the_roles_the_table_allows_see_the_page_and_its_steps(
    qtbot, gui, context, ports, runner, settings, closed_ten_years_ago
) -> None:
    from services.access import auth
    from services.kernel.actors import SYSTEM

    reviewer = ports.shell.sign_in("reviewer", STAFF_PASSWORD)
    window = active_main_window(qtbot, ports, reviewer, runner, settings, size=(1280, 720))
    assert window.retention is None and not window.show_report_page(RETENTION)
    entries = [window.queues.pages.item(r).text() for r in range(window.queues.pages.count())]
    assert "การเก็บรักษาและทำลาย" not in entries
    window.close()

    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow, username="head", display_name="นางหัวหน้า ดูแลงาน",
            password=STAFF_PASSWORD, roles=["supervisor"],
        )  # fmt: skip
    head = ports.shell.sign_in("head", STAFF_PASSWORD)
    window = active_main_window(qtbot, ports, head, runner, settings, size=(1280, 720))
    page = _open(qtbot, window)
    assert page.order_button.isHidden() and page.destroy_button.isHidden()
    with qtbot.waitSignal(page.step_did_finish, timeout=30000):
        _press(qtbot, page.draft_button)
    qtbot.waitUntil(lambda: page.requests.rowCount() == 3, timeout=10000)
    # Nothing more is past its period: the screen shows the service's count, so drawing up
    # another list is not offered, and its tooltip says why in the officer's language.
    qtbot.waitUntil(lambda: page.past_label.text().endswith(": 0 คำขอ"), timeout=10000)
    assert not page.draft_button.isEnabled()
    assert "ไม่มีคำขอที่พ้นระยะเวลาเก็บรักษา" in page.draft_button.toolTip()
    english = "Nothing to list: no closed request"
    _shot(qtbot, window, "retention-nothing-past", gui,
          lambda: page.draft_button.toolTip().startswith(english))  # fmt: skip
    # The service still refuses, whatever a screen offers.
    with pytest.raises(Exception, match="No closed request is past its retention period"):
        ports.archive.draft(head)
    assert page.lists.rowCount() == 1
    # The services refuse what the screen does not offer.
    with pytest.raises(Exception, match="admin"):
        ports.archive.destroy(head, 1)


def test_the_empty_registers_say_what_they_hold_and_how_to_start(
    qtbot, gui, context, ports, runner, settings, closed_ten_years_ago
) -> None:
    """Before any list is drawn up both registers say what they would hold and, with
    requests past their period, which button starts one; the words go once there is a list."""
    admin = ports.shell.sign_in("admin", STAFF_PASSWORD)
    window = active_main_window(qtbot, ports, admin, runner, settings, size=(1280, 720))
    page = _open(qtbot, window)
    lists_hint, requests_hint = page.empty.lists, page.empty.requests
    assert page.lists.rowCount() == 0 and page.requests.rowCount() == 0
    assert lists_hint.isVisible() and requests_hint.isVisible()
    assert lists_hint.text().startswith("ยังไม่มีทะเบียนขอทำลาย")
    assert "“จัดทำทะเบียนขอทำลาย”" in lists_hint.text()  # the button, as the officer sees it
    assert requests_hint.text().startswith("คำขอที่อยู่ในทะเบียนขอทำลาย")
    _shot(qtbot, window, "retention-empty", gui,
          lambda: lists_hint.text().startswith("No destruction list yet"))  # fmt: skip
    i18n.apply_language("en", gui)
    try:
        qtbot.waitUntil(lambda: "“Draw up a destruction list”" in lists_hint.text(), timeout=5000)
        assert requests_hint.text().startswith("The requests a destruction list names")
    finally:
        i18n.apply_language("th", gui)
    with qtbot.waitSignal(page.step_did_finish, timeout=30000):
        _press(qtbot, page.draft_button)
    qtbot.waitUntil(lambda: page.requests.rowCount() == 3, timeout=10000)
    assert not lists_hint.isVisible() and not requests_hint.isVisible()
    # No list chosen: the requests' register says how to see some.
    page.lists.clearSelection()
    qtbot.waitUntil(requests_hint.isVisible, timeout=5000)
    assert requests_hint.text().startswith("เลือกทะเบียนขอทำลาย")


def test_with_nothing_past_its_period_the_empty_list_says_so(
    qtbot, gui, context, ports, runner, settings
) -> None:
    admin = ports.shell.sign_in("admin", STAFF_PASSWORD)
    window = active_main_window(qtbot, ports, admin, runner, settings, size=(1280, 720))
    page = _open(qtbot, window)
    hint = page.empty.lists
    assert hint.isVisible() and "ไม่มีคำขอที่พ้นระยะเวลา" in hint.text()
    i18n.apply_language("en", gui)
    try:
        qtbot.waitUntil(lambda: hint.text().endswith("none is past it now, so there is nothing "
                                                      "to list."), timeout=5000)  # fmt: skip
    finally:
        i18n.apply_language("th", gui)
