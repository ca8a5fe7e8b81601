"""The catalog and holidays page on real widgets over a real store: the administrator
changes a service's fee in the form (a new catalog version), an edit with an error changes
nothing and says where, a catalog file with problems is refused with every line, a holiday
added shows the requests whose due dates move before it is saved; other officers only read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import select

from models import Application, CalendarVersion, CatalogVersion, Event, ServiceType
from tests.conftest import STAFF_PASSWORD
from tests.ui.conftest import SCREENSHOTS, active_main_window, officer_types
from ui.catalog.holiday_dialogs import HolidayDialog, ProposalDialog
from ui.catalog.service_form import ServiceFormDialog
from ui.common import i18n
from ui.shell.main_window import MainWindow
from ui.shell.queue_pane import CATALOG

BAD_CATALOG = Path(__file__).resolve().parents[1] / "data" / "catalog" / "many_problems.toml"


def shot(widget: QWidget, name: str, language: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"catalog-{name}-{language}.png"
    widget.grab().save(str(path))
    return path


def _catalog_window(qtbot, workstation, runner, settings, username: str) -> MainWindow:
    user = workstation.shell.sign_in(username, STAFF_PASSWORD)
    window = active_main_window(qtbot, workstation, user, runner, settings, size=(1280, 720))
    # Alt+K, as the officer presses it.
    qtbot.keyClick(window.table, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == CATALOG
    page = window.catalog_page
    assert page is not None
    qtbot.waitUntil(lambda: page.services.view() is not None, timeout=30000)
    qtbot.waitUntil(lambda: page.holidays.view() is not None, timeout=30000)
    return window


def _replace_text(qtbot, widget: QWidget, text: str) -> None:
    """Select what the field holds (Ctrl+A) and type over it, key by key."""
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=3000)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    officer_types(text)


def _open_form(qtbot, window: MainWindow, code: str) -> ServiceFormDialog:
    tab = window.catalog_page.services
    assert tab.select(code)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    form = tab.dialog
    assert isinstance(form, ServiceFormDialog)
    return form


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_administrator_changes_a_fee_in_the_window(
    qtbot, gui, workstation, runner, settings, context, language
) -> None:
    i18n.apply_language(language, gui)
    window = _catalog_window(qtbot, workstation, runner, settings, "admin")
    tab = window.catalog_page.services
    assert tab.edit_button.isVisible() and tab.import_button.isVisible()
    assert tab.select("FOOD-NOTICE")
    shot(window, "services", language)

    form = _open_form(qtbot, window, "FOOD-NOTICE")
    _replace_text(qtbot, form.fee, "350")
    assert form.edit().fee_satang == 35000
    shot(form, "form", language)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.view() is not None and tab.view().version == 2, timeout=30000)
    assert tab.dialog is None
    qtbot.waitUntil(lambda: "350" in tab.detail.toPlainText())
    assert tab.versions.item(0).text().startswith("2 · ")
    shot(window, "fee-changed", language)
    with context.read() as session:
        row = session.scalar(select(ServiceType).where(ServiceType.code == "FOOD-NOTICE"))
        assert row.fee_satang == 35000
        version = session.get(CatalogVersion, 2)
        assert version.created_by == "admin" and version.changed == ["FOOD-NOTICE"]
        event = session.scalars(
            select(Event).where(Event.type == "service_type.updated").order_by(Event.seq.desc())
        ).first()
        assert "fee_satang" in json.loads(event.payload)["fields"]


def test_an_edit_with_an_error_changes_nothing(
    qtbot, gui, workstation, runner, settings, context
) -> None:
    window = _catalog_window(qtbot, workstation, runner, settings, "admin")
    form = _open_form(qtbot, window, "FOOD-NOTICE")
    _replace_text(qtbot, form.sla, "0")
    _replace_text(qtbot, form.fee, "0")  # a fee of nothing still "paid before the licence"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.problems.isVisible(), timeout=30000)
    texts = form.problem_texts()
    assert any(t.startswith("[sla_business_days]") for t in texts)
    assert any(t.startswith("[fee") for t in texts)
    assert all("\n" in t for t in texts)  # Thai line, then English line
    assert form.isVisible()  # stays open to be corrected
    shot(form, "form-problems", "th")
    with context.read() as session:
        assert (
            session.scalar(select(CatalogVersion.number).order_by(CatalogVersion.number.desc()))
            == 1
        )
        row = session.scalar(select(ServiceType).where(ServiceType.code == "FOOD-NOTICE"))
        assert (row.fee_satang, row.sla_business_days) == (20000, 7)

    # Corrected, it saves.
    _replace_text(qtbot, form.sla, "5")
    _replace_text(qtbot, form.fee, "200")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    tab = window.catalog_page.services
    qtbot.waitUntil(lambda: tab.view() is not None and tab.view().version == 2, timeout=30000)


def test_a_catalog_file_with_problems_is_refused_line_by_line(
    qtbot, gui, workstation, runner, settings, context
) -> None:
    window = _catalog_window(qtbot, workstation, runner, settings, "admin")
    tab = window.catalog_page.services
    tab.choose_open = lambda: str(BAD_CATALOG)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.problems.isVisible(), timeout=30000)
    assert tab.problems.count() > 3
    assert "บรรทัด" in tab.problems.item(0).text() and "line" in tab.problems.item(0).text()
    assert "nothing was changed" in tab.notice.text()
    shot(window, "import-problems", "th")
    assert tab.view().version == 1 and len(tab.view().services) == len(context.catalog)


@pytest.mark.parametrize("language", ["th", "en"])
def test_a_holiday_added_shows_the_due_dates_it_moves_before_saving(
    qtbot, gui, workstation, runner, settings, context, review_applications, language
) -> None:
    i18n.apply_language(language, gui)
    window = _catalog_window(qtbot, workstation, runner, settings, "admin")
    page = window.catalog_page
    page.tabs.setCurrentWidget(page.holidays)
    tab = page.holidays
    tab.show_year(2026)
    flagged = [h for h in tab.shown() if not h.confirmed]
    assert [h.day for h in flagged] == [date(2026, 5, 13)]  # Royal Ploughing Day: to confirm
    row = [h.day for h in tab.shown()].index(date(2026, 5, 13))
    assert "⚠" in tab.table.item(row, 3).text()
    shot(window, "holidays", language)

    with context.read() as session:
        due = {
            a.id: a.sla_due_at
            for a in session.scalars(select(Application))
            if a.id in {i for i, _ in review_applications}
        }
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, HolidayDialog)
    dialog.day.setDate(QDate(2026, 12, 1))
    _replace_text(qtbot, dialog.name_th, "วันหยุดราชการเพิ่มเป็นกรณีพิเศษ")
    _replace_text(qtbot, dialog.name_en, "Special Government Holiday")
    assert dialog.name_th.text() == "วันหยุดราชการเพิ่มเป็นกรณีพิเศษ"
    dialog.confirmed.setChecked(False)
    shot(dialog, "holiday", language)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: isinstance(tab.dialog, ProposalDialog) or tab.notice.isVisible(), timeout=30000
    )
    assert not tab.notice.isVisible(), tab.notice.text()
    preview = tab.dialog
    moved = {m.application_id for m in preview.proposal.moves}
    assert moved == set(due)  # every open food-shop request is due after 1 Dec
    assert preview.moves.rowCount() == len(moved)
    shot(preview, "preview", language)
    # Nothing changed yet.
    with context.read() as session:
        assert session.get(CalendarVersion, 2) is None

    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.view() is not None and tab.view().version == 2, timeout=30000)
    assert date(2026, 12, 1) in [h.day for h in tab.shown()]
    with context.read() as session:
        for app_id, before in due.items():
            assert session.get(Application, app_id).sla_due_at > before
    shot(window, "holiday-added", language)


def test_other_officers_read_the_catalog_but_cannot_change_it(
    qtbot, gui, workstation, runner, settings
) -> None:
    window = _catalog_window(qtbot, workstation, runner, settings, "reviewer")
    page = window.catalog_page
    services, holidays = page.services, page.holidays
    assert services.view().services and not services.view().may_edit
    for button in (services.edit_button, services.import_button, holidays.add_button):
        assert not button.isVisible()
    services.edit_service()  # a double-click, say: no form opens
    assert services.dialog is None
    assert services.select("FOOD-SHOP")
    assert "FOOD-SHOP" in services.detail.toPlainText()


def test_the_review_screen_shows_the_catalog_version_a_request_keeps(
    qtbot, gui, workstation, reviewer, runner, settings, review_applications, context
) -> None:
    from tests.catalog_changes import change_service
    from tests.ui.conftest import active_main_window
    from tests.ui.review_steps import open_next

    # The fee changes after the requests came in: they keep version 1 and its fee.
    change_service(context, "FOOD-SHOP", fee=replace_fee(context, "FOOD-SHOP", 250000))
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    assert review.detail.catalog_version == 1 and review.detail.fee_satang == 200000
    review.tabs.setCurrentWidget(review.info)
    texts = [label.text() for label in review.info.findChildren(QLabel)]
    assert "ฉบับของรายการบริการ" in texts and "2,000 บาท (ชำระก่อนออกใบอนุญาต)" in texts
    review.info.widget().grab().save(str(SCREENSHOTS / "catalog-review-info-th.png"))


def replace_fee(context, code: str, satang: int):
    from dataclasses import replace

    return replace(context.catalog.get(code).fee, amount_satang=satang)
