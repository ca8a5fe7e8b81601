"""English mode: once an officer switches to English, nothing the workstation says stays Thai.

The window starts in Thai (as it always does), the officer works a little, then switches; every
text on screen is then read back. Thai script may remain only in the applicants' and the
agency's own data (names, subjects, file names, the Thai titles of services shown beside the
English ones), never in the workstation's own words.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from sqlalchemy import select

from tests.ui.conftest import active_main_window, jpeg_bytes
from ui.common import i18n
from ui.shell.application_model import Column

CTRL = Qt.KeyboardModifier.ControlModifier
THAI = re.compile("[\u0e00-\u0e7f]")


def _data_texts(context) -> list[str]:
    """What the applicants and the agency wrote: Thai in it is theirs, not the UI's."""
    from models import Agency, Applicant, Application, Document, ServiceType, Station, User

    with context.read() as session:
        texts: list[str] = []
        for applicant in session.scalars(select(Applicant)):
            texts += [f"{applicant.title_th}{applicant.name_th}", applicant.name_th]
        for application in session.scalars(select(Application)):
            texts += [application.subject, application.body_text or ""]
        texts += list(session.scalars(select(Document.filename)))
        for service in session.scalars(select(ServiceType)):
            # The legal Thai titles of services and their documents, from the citizen manual.
            texts.append(service.name_th)
            texts += [d["name_th"] for d in service.spec.get("required_documents", ())]
        texts += list(session.scalars(select(User.display_name)))
        texts += list(session.scalars(select(Agency.name_th)))
        texts += list(session.scalars(select(Station.name)))
    # Longest first, so a name is taken out whole before a part of it is.
    return sorted({t for t in texts if t}, key=len, reverse=True)


def _ui_thai(root: QWidget, data: list[str]) -> list[str]:
    """Every visible text under ``root`` (labels, buttons, tooltips, list cells and headers)
    that still holds Thai once the applicants' and agency's data is taken out."""
    shown: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            shown.append(widget.text())
        shown.append(widget.toolTip())
    table = getattr(root, "table", None)
    if table is not None and table.isVisible():
        model = table.model()
        columns = model.columnCount(QModelIndex())
        for column in range(columns):
            shown.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
        for row in range(min(model.rowCount(QModelIndex()), 20)):
            for column in range(columns):
                shown.append(str(model.index(row, column).data() or ""))
    left = []
    for text in shown:
        for known in data:
            text = text.replace(known, "")
        if THAI.search(text):
            left.append(text)
    return left


def test_after_switching_to_english_nothing_the_workstation_says_stays_thai(
    qtbot, workstation, reviewer, runner, settings, review_applications, context, actors
) -> None:
    from services.cases.documents import FileFacts, attach_document

    oldest_id, _ = review_applications[0]
    # A photo too small to read well (as intake's inspection flags it): the viewer reminds
    # the officer to check it.
    with context.unit_of_work(actors["intake"]) as uow:
        photo = attach_document(
            uow,
            context.store.blobs,
            oldest_id,
            filename="scan_id_card.jpg",
            content_type="image/jpeg",
            data=jpeg_bytes(320, 200),
            origin="email",
            facts=FileFacts(width_px=320, height_px=200, dpi=72, flags=("low_resolution",)),
        )
        photo_id = photo.id
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return, CTRL)
    review = window.review
    qtbot.waitUntil(lambda: review.detail is not None, timeout=10000)
    review.viewer.show_document(photo_id)
    flags = review.viewer.flags_label
    qtbot.waitUntil(lambda: flags.isVisible(), timeout=10000)
    assert THAI.search(flags.text())
    # F2 (next) while holding the oldest: a notice, in Thai for now.
    qtbot.keyClick(review.checklist, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: review.notice_box.text() != "", timeout=10000)
    assert THAI.search(review.notice_box.text())

    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: not THAI.search(flags.text()), timeout=3000)
    assert flags.text() == "Low image resolution: check that it can be read."
    assert review.notice_box.text().startswith("This request is still the oldest")
    data = _data_texts(context)
    assert _ui_thai(review, data) == [], "\n".join(_ui_thai(review, data))

    # Back to the list: the service column and the detail panel speak English too.
    qtbot.keyClick(review.checklist, Qt.Key.Key_Escape)
    assert window.workspace.currentWidget() is window.splitter
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.detail.isVisible(), timeout=5000)
    first = window.model.row_at(0)
    service = window.model.index(0, Column.SERVICE).data()
    assert service == first.service_name_en != ""
    assert first.service_name_th in window.model.index(0, Column.SERVICE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert _ui_thai(window, data) == []
    i18n.apply_language("th")


def test_dashboard_tiles_show_their_whole_label_in_english_at_1280x720(
    qtbot, workstation, intake_user, runner, settings
) -> None:
    """With the counter form open beside it, English tile labels wrap onto three lines; each
    tile shows all of them, and the tiles stand the same height."""
    window = active_main_window(qtbot, workstation, intake_user, runner, settings, size=(1280, 720))
    window.language_actions["en"].trigger()
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    view = window.dashboard
    qtbot.waitUntil(lambda: view.stats is not None and not view.is_loading, timeout=10000)
    assert window.open_counter_form()
    tiles = list(view.tiles.values())

    def fitted() -> bool:
        QApplication.processEvents()
        return all(t.label.height() >= t.label.heightForWidth(t.label.width()) for t in tiles)

    qtbot.waitUntil(fitted, timeout=5000)
    assert "Close to the deadline" in [t.label.text() for t in tiles]
    assert max(t.label.heightForWidth(t.label.width()) for t in tiles) > 2 * min(
        t.label.heightForWidth(t.label.width()) for t in tiles
    )  # some labels wrap onto three lines, others fit on one
    assert len({t.height() for t in tiles}) == 1
    i18n.apply_language("th")


def test_the_officers_own_name_follows_the_language(
    qtbot, workstation, runner, settings, context, actors
) -> None:
    from services.access import officers
    from services.access.officers import OfficerDetails
    from tests.conftest import STAFF, STAFF_PASSWORD

    username, name_th = STAFF["reviewer"]
    with context.unit_of_work(actors["admin"]) as uow:
        officers.update_details(
            uow,
            username,
            OfficerDetails(
                name_th, "Mr Wichai Truatsop", "นักวิชาการสาธารณสุข", "wichai@example.go.th"
            ),
        )
    user = workstation.shell.sign_in(username, STAFF_PASSWORD)
    window = active_main_window(qtbot, workstation, user, runner, settings, size=(1280, 720))
    label = window.header.user_label
    assert label.text() == name_th
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: label.text() == "Mr Wichai Truatsop", timeout=3000)
    assert label.toolTip() == name_th
    i18n.apply_language("th")
