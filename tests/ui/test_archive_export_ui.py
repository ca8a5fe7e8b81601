""" "Export for the archives…" from the list's detail panel: offered to the approver (not to
intake, as the access table says), it writes the request's PDF/A and the message strip says
where. Real ports over a real store, real widgets, screenshots in Thai and English."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.conftest import STAFF_PASSWORD
from tests.ui.conftest import SCREENSHOTS
from tests.ui.conftest import active_main_window as _window
from ui.common import i18n
from ui.shell.application_model import ROW_ROLE


def test_the_approver_exports_a_request_and_intake_is_not_offered_it(
    qtbot, context, workstation, intake_user, runner, settings, applications, tmp_path, gui
) -> None:
    mine = _window(qtbot, workstation, intake_user, runner, settings)
    mine.table.setFocus()
    mine.table.selectRow(1)
    qtbot.keyClick(mine.table, Qt.Key.Key_Return)
    assert mine.detail.isVisible() and mine.detail.archive_button.isHidden()
    mine.close()

    approver = workstation.shell.sign_in("approver", STAFF_PASSWORD)
    window = _window(qtbot, workstation, approver, runner, settings)
    window.resize(1280, 720)
    table = window.table
    table.setFocus()
    table.selectRow(1)
    row = table.model().index(1, 0).data(ROW_ROLE)
    window.open_detail(row)  # Enter opens the review screen for an approver
    button = window.detail.archive_button
    assert button.isVisible()
    flow = window.archive_export
    assert flow is not None
    asked: list[str] = []
    target = tmp_path / "ศาล" / "แฟ้ม"  # no .pdf: it is added
    target.parent.mkdir()
    flow._choose = lambda _w, suggested: asked.append(suggested) or target
    button.click()
    qtbot.waitUntil(lambda: not flow.busy, timeout=60000)

    written = target.with_name("แฟ้ม.pdf")
    assert asked[0].endswith(f"{row.tracking_number}.pdf")
    assert b"<pdfaid:part>3</pdfaid:part>" in (
        PdfReader(written).trailer["/Root"]["/Metadata"].get_data()
    )
    message = window.statusBar().currentMessage()
    assert f"ส่งออกแฟ้มคำขอ {row.tracking_number} แล้ว" in message and str(written) in message
    assert window.error_box.isHidden()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "archive_export_th.png"))
    i18n.apply_language("en", gui)
    try:
        qtbot.waitUntil(lambda: button.text() == "Export for the archives…", timeout=3000)
        window.grab().save(str(SCREENSHOTS / "archive_export_en.png"))
    finally:
        i18n.apply_language("th", gui)
