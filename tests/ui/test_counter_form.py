"""Counter and phone registration over the real ports: the request lands in the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import active_main_window, type_text
from ui.intake.counter_form import check_id
from ui.shell.application_model import Column
from ui.shell.main_window import MainWindow

VALID_ID = "1-1037-02345-67-9"  # 9 is the check digit of the first twelve
WRONG_CHECK_DIGIT = "1-1037-02345-67-0"


@pytest.fixture
def scan(tmp_path) -> Path:
    """A one-page PDF, as a scanner would leave it in a folder."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "สำเนาบัตรประชาชน.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _open_form(qtbot, window: MainWindow):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.counter_form
    assert form is not None and form.isVisible()
    qtbot.waitUntil(lambda: form.service_combo.count() > 1, timeout=10000)
    assert form.name_edit.hasFocus()
    return form


def _drop_files(widget, paths: list[Path]) -> None:
    """Drag files from the file manager onto ``widget`` and let go (enter, move, drop)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPoint(10, 10)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(point, *args)
    QApplication.sendEvent(widget.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget.viewport(), QDragMoveEvent(point, *args))
    QApplication.sendEvent(widget.viewport(), QDropEvent(QPointF(point), *args))


def test_counter_request_is_registered_and_appears_in_the_list(
    qtbot, workstation, intake_user, runner, settings, scan
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    assert window.model.total == 0
    form = _open_form(qtbot, window)
    services = workstation.intake.services(intake_user)
    assert form.service_combo.count() == len(services) + 1
    assert form.service_combo.itemText(0).startswith("รอจำแนกประเภท")

    type_text(form.name_edit, "นางสาวมาลี ศรีสุข")
    qtbot.keyClicks(form.id_edit, VALID_ID)
    assert form.id_state() == "valid"
    qtbot.keyClicks(form.email_edit, "malee@example.test")
    qtbot.keyClicks(form.phone_edit, "081 234 5678")
    assert form.select_service("FOOD-SHOP")
    type_text(form.subject_edit, "ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร")
    type_text(form.note_edit, "ยื่นที่เคาน์เตอร์ พร้อมสำเนาบัตร")
    _drop_files(form.file_list, [scan])
    assert form.files == [str(scan)]
    assert form.file_list.item(0).text() == scan.name
    assert "1" in form.files_label.text()

    with qtbot.waitSignal(form.request_did_register, timeout=10000) as registered:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    tracking = registered.args[0]
    assert form.result_text() == f"รับเรื่องแล้ว เลขที่ {tracking}"
    assert form.number_label.text() == tracking
    # Cleared for the next visitor; the number stays on screen.
    assert form.name_edit.text() == "" and form.id_edit.text() == "" and form.files == []
    assert form.service_combo.currentIndex() == 0
    assert form.error_box.isHidden()

    # The list was read again and holds the new request.
    qtbot.waitUntil(lambda: window.model.total == 1 and window.model.rowCount() == 1, timeout=10000)
    row = window.model.row_at(0)
    assert row.tracking_number == tracking
    assert row.channel == "counter"
    assert row.applicant_name.endswith("มาลี ศรีสุข")
    assert row.service_code == "FOOD-SHOP"
    assert row.document_count == 1
    assert window.table.model().index(0, Column.TRACKING).data() == tracking
    assert QApplication.activeModalWidget() is None


def test_national_id_hint_turns_red_on_a_wrong_check_digit(
    qtbot, workstation, intake_user, runner, settings
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    form = _open_form(qtbot, window)
    assert form.id_edit.property("tone") == ""  # empty is allowed
    qtbot.keyClicks(form.id_edit, "1-1037")
    assert form.id_state() == "partial"
    assert form.id_hint.property("tone") == ""
    assert form.id_hint.text() == "กรอกแล้ว 5 จาก 13 หลัก"
    qtbot.keyClicks(form.id_edit, WRONG_CHECK_DIGIT[len("1-1037") :])
    assert form.id_edit.text() == WRONG_CHECK_DIGIT  # typing was never blocked
    assert form.id_state() == "bad_check"
    assert form.id_hint.property("tone") == "error"
    assert form.id_edit.property("tone") == "error"
    assert form.id_hint.text().startswith("หลักตรวจสอบไม่ตรง")
    # The hint is drawn red by the theme.
    assert form.id_hint.palette().windowText().color().name() == "#a4262c"

    # A wrong number is not sent: the officer is told inline, nothing is registered.
    type_text(form.name_edit, "นายสมชาย รักไทย")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.error_box.isVisible()
    assert form.error_box.text().startswith("เลขประจำตัวยังไม่ถูกต้อง")
    assert form.id_edit.hasFocus()
    assert workstation.shell.count_applications(intake_user, None) == 0

    qtbot.keyClick(form.id_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(form.id_edit, "9")
    assert form.id_edit.text() == VALID_ID
    assert form.id_state() == "valid"
    assert form.id_hint.property("tone") == "ok"
    # Thai digits, as some keyboards type them, count too.
    assert check_id("๑๑๐๓๗๐๒๓๔๕๖๗๙")[0] == "valid"


def test_missing_name_and_service_errors_are_shown_inline(
    qtbot, workstation, intake_user, runner, settings, tmp_path
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    form = _open_form(qtbot, window)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.name_hint.isVisible()
    assert form.name_edit.hasFocus()
    # A file that vanished between choosing and registering: the service says so, th + en.
    type_text(form.name_edit, "บริษัท ตัวอย่าง จำกัด")
    form.juristic_radio.setChecked(True)
    assert form.id_label.text() == "เลขทะเบียนนิติบุคคล"
    gone = tmp_path / "gone.pdf"
    gone.write_bytes(b"%PDF-1.4\n")
    form.add_files([str(gone)])
    gone.unlink()
    form.submit()
    qtbot.waitUntil(lambda: form.error_box.text() != "", timeout=10000)
    thai, english = form.error_box.text().split("\n")
    assert "gone.pdf" in thai and "gone.pdf" in english
    assert form.name_edit.text() == "บริษัท ตัวอย่าง จำกัด"  # what was typed is kept
    assert form.submit_button.isEnabled()
    assert QApplication.activeModalWidget() is None


def test_only_intake_officers_get_the_counter_form(
    qtbot, workstation, reviewer, runner, settings
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    assert window.counter_form is None
    assert not window.counter_action.isVisible()
    assert not window.counter_button.isVisible()
    assert not window.open_counter_form()


def test_receipt_is_printed_after_registering(
    qtbot, workstation, intake_user, runner, settings, scan, tmp_path
) -> None:
    from pypdf import PdfReader

    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    form = _open_form(qtbot, window)
    opened: list[Path] = []
    form.open_receipt = opened.append
    form.receipt_dir = tmp_path / "receipts"
    type_text(form.name_edit, "นายสมปอง ไม่มีอีเมล")
    assert form.select_service("FOOD-SHOP")
    _drop_files(form.file_list, [scan])
    with qtbot.waitSignal(form.request_did_register, timeout=10000) as registered:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    tracking = registered.args[0]
    assert form.print_button.isVisibleTo(form)
    assert form.print_button.text() == "พิมพ์ใบรับคำขอ…"
    printed: list[str] = []
    form.receipt_did_open.connect(printed.append)
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    # The receipt is drawn behind whatever the new window queued on the database worker:
    # wait generously on a shared machine, and say the form's error if one came instead.
    qtbot.waitUntil(lambda: bool(printed) or form.error_box.isVisible(), timeout=30000)
    assert printed, form.error_box.text()
    path = Path(printed[0])
    assert opened == [path] and path.parent == tmp_path / "receipts"
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert f"เลขที่รับเรื่อง {tracking}" in text
    assert "นายสมปอง ไม่มีอีเมล" in text and "สำเนาบัตรประชาชน.pdf (1 หน้า / pages)" in text


def test_consent_box_is_asked_only_where_consent_is_the_basis_and_never_pre_ticked(
    qtbot, workstation, intake_user, runner, settings, context
) -> None:
    import json

    from sqlalchemy import select

    from models import Application, Event
    from services.cases.applications import consent_of

    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    form = _open_form(qtbot, window)
    assert form.consent_check.isHidden()
    assert form.select_service("FOOD-SHOP")  # a legal obligation: nothing to ask
    assert form.consent_check.isHidden() and form.request().personal_data_consent is None
    assert form.select_service("PETITION")  # consent is the basis
    assert not form.consent_check.isHidden() and not form.consent_check.isChecked()
    assert form.consent_check.text().startswith("ผู้ยื่นคำขอยินยอมให้ใช้ข้อมูลส่วนบุคคลเพื่อ: ")
    assert form.request().personal_data_consent is False
    form.consent_check.setChecked(True)
    assert form.select_service("FOOD-SHOP") and form.select_service("PETITION")
    assert not form.consent_check.isChecked()  # a change of service asks again
    form.consent_check.setChecked(True)
    type_text(form.name_edit, "นายร้องเรียน ยินยอม")
    with qtbot.waitSignal(form.request_did_register, timeout=10000) as registered:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert not form.consent_check.isChecked()  # the next visitor starts unticked
    with context.read() as session:
        app = session.scalars(
            select(Application).where(Application.tracking_number == registered.args[0])
        ).one()
        assert consent_of(app.form_data) is True
        events = session.scalars(select(Event).where(Event.aggregate_id == app.id)).all()
        consent = [e for e in events if e.type == "application.consent_recorded"]
        assert len(consent) == 1
        assert json.loads(consent[0].payload) == {"given": True, "basis": "consent"}


def _result_is_whole(form) -> None:
    """The new number and the words around it whole inside the box: never elided or cut."""
    box = form.result_box
    number = form.number_label
    assert number.width() >= number.fontMetrics().horizontalAdvance(number.text()), number.width()
    lead = form.result_label
    assert lead.height() >= lead.heightForWidth(lead.width()), lead.text()
    for button in (form.copy_button, form.print_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    for widget in (number, lead, form.copy_button, form.print_button):
        corner = widget.mapTo(box, widget.rect().bottomRight())
        assert box.rect().contains(corner), widget.objectName() or widget.text()
    assert box.mapTo(form, box.rect().bottomRight()).x() < form.width()


def _fields_are_whole(form) -> None:
    """Every field inside the scrolled part's visible width: none runs under the scroll bar."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QScrollArea

    viewport = form.findChild(QScrollArea).viewport()
    host = form.findChild(QScrollArea).widget()
    for kind in (QLineEdit, QComboBox, QAbstractButton):
        for field in host.findChildren(kind):
            if field.isVisible():
                right = field.mapTo(viewport, field.rect().bottomRight()).x()
                assert right < viewport.width(), (field.objectName(), right, viewport.width())


def test_the_new_number_and_the_form_are_whole_in_either_language(
    qtbot, workstation, intake_user, runner, settings
) -> None:
    from tests.ui.conftest import SCREENSHOTS, officer_types
    from ui.common import i18n

    window = active_main_window(qtbot, workstation, intake_user, runner, settings, size=(1280, 720))
    form = _open_form(qtbot, window)
    officer_types("นายสมศักดิ์ มั่นคง")
    assert form.select_service("FOOD-SHOP")
    with qtbot.waitSignal(form.request_did_register, timeout=10000) as registered:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    tracking = registered.args[0]
    assert form.select_service("FOOD-SHOP")  # the next visitor's service: its rows shown
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language in ("th", "en", "th"):
        i18n.apply_language(language)
        QApplication.processEvents()
        QApplication.sendPostedEvents()  # the layout requests: the box as drawn
        assert form.number_label.text() == tracking
        _result_is_whole(form)
        _fields_are_whole(form)
        # The list beside the form is narrow: its title ends in "…", never cut mid-letter.
        title = window.queue_title
        shown = title.shown_text()
        assert shown == title.text() or (shown.endswith("…") and title.toolTip() == title.text())
        assert title.fontMetrics().horizontalAdvance(shown) <= title.contentsRect().width()
        window.grab().save(str(SCREENSHOTS / f"counter_result_{language}.png"))


def test_the_premises_typed_at_the_counter_is_what_issuing_starts_from(
    qtbot, workstation, intake_user, runner, settings, context
) -> None:
    from sqlalchemy import select

    from models import Application
    from services.issuing.premises import suggested_premises
    from tests.ui.conftest import SCREENSHOTS, officer_types

    premises = "เลขที่ 99/1 ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น"
    window = active_main_window(qtbot, workstation, intake_user, runner, settings, size=(1280, 720))
    form = _open_form(qtbot, window)
    assert form.premises_edit.isHidden()  # unclassified: no licence to say where
    officer_types("นายสมศักดิ์ มั่นคง")
    assert form.select_service("FOOD-SHOP")
    assert form.premises_edit.isVisible()
    assert form.premises_label.text() == "สถานที่ประกอบการ (ถ้ามี)"
    form.premises_edit.setFocus()
    officer_types(premises)
    assert form.premises_edit.text() == premises
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "counter_premises_th.png"))
    with qtbot.waitSignal(form.request_did_register, timeout=10000) as registered:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    tracking = registered.args[0]
    assert form.premises_edit.text() == ""  # cleared for the next visitor

    with context.read() as session:
        application = session.scalars(
            select(Application).where(Application.tracking_number == tracking)
        ).one()
        assert application.form_data["premises_address"] == premises
        assert suggested_premises(application) == premises  # what the issue dialog shows


def test_a_long_premises_address_is_seen_whole_over_three_lines(
    qtbot, workstation, intake_user, runner, settings
) -> None:
    """The premises field wraps: a long Thai address typed key by key is seen from its first
    letter to its last (no scrolling past its start); Enter adds no line break and a pasted
    address on several lines becomes one line, as a line edit's would."""
    from PySide6.QtTest import QTest

    from tests.ui.conftest import SCREENSHOTS, officer_types
    from ui.common import i18n

    premises = (
        "ร้านครัวใจดี เลขที่ 99/1 หมู่ 4 ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองขอนแก่น "
        "จังหวัดขอนแก่น 40000 ตรงข้ามโรงเรียนเทศบาลบ้านโนนทัน"
    )
    window = active_main_window(qtbot, workstation, intake_user, runner, settings, size=(1280, 720))
    form = _open_form(qtbot, window)
    officer_types("นายสมศักดิ์ มั่นคง")
    assert form.select_service("FOOD-SHOP")
    field = form.premises_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=5_000)
    officer_types(premises)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == premises  # no line break
    assert field.document().lineCount() >= 2  # wrapped, not scrolled sideways
    assert field.verticalScrollBar().maximum() == 0  # every line in view
    assert field.cursorForPosition(QPoint(6, 6)).position() == 0  # its start is in view
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "counter_premises_long_th.png"))
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: form.premises_label.text() == "Premises address (optional)",
                        timeout=5_000)  # fmt: skip
        assert field.verticalScrollBar().maximum() == 0
        qtbot.wait(100)  # the labels take their English widths on the next turn of the loop
        window.grab().save(str(SCREENSHOTS / "counter_premises_long_en.png"))
    finally:
        i18n.apply_language("th")
    field.clear()
    pasted = QMimeData()
    pasted.setText("เลขที่ 12 หมู่ 3\nตำบลหนองไผ่\r\nอำเภอเมือง")
    field.insertFromMimeData(pasted)
    assert field.text() == "เลขที่ 12 หมู่ 3 ตำบลหนองไผ่ อำเภอเมือง"
    field.setMaxLength(10)
    assert field.text() == "เลขที่ 12 "
