"""Which time a view shows: the arrival, or the deemed-received time the time limit counts from.

A request that came on a Saturday evening arrived then, but counts as received on Monday at
opening time. The list, the detail panel and the CLI name the two moments the same way.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.cli.apps import LIST_HEADER
from services.kernel.clock import BANGKOK
from ui.common import i18n
from ui.common.formatting import arrival_label, deemed_label, format_date
from ui.shell.application_model import Column
from ui.shell.start import build_main_window_for

SATURDAY_EVENING = datetime(2026, 11, 21, 19, 40, tzinfo=BANGKOK)


def _arrive_on_saturday_evening(context, intake) -> None:
    from services.cases.applications import (
        NewApplicant,
        create_application,
        find_or_create_applicant,
    )

    with context.unit_of_work(intake) as uow:
        applicant = find_or_create_applicant(
            uow, NewApplicant(kind="person", title_th="นาง", name_th="มาลี ศรีสุข")
        )
        create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="email",
            received_at=SATURDAY_EVENING,
            subject="ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
            applicant=applicant,
            service_code="FOOD-SHOP",
        )


def _detail_fields(window) -> dict[str, str]:
    labels = [label.text() for label in window.detail.findChildren(QLabel) if label.isVisible()]
    return {name: value for name, value in zip(labels, labels[1:], strict=False)}


def test_list_detail_and_cli_name_the_time_they_show(
    qtbot, workstation, reviewer, runner, settings, context, actors
) -> None:
    _arrive_on_saturday_evening(context, actors["intake"])
    window = build_main_window_for(workstation, reviewer, runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    row = window.model.row_at(0)
    assert row.received_at == SATURDAY_EVENING
    assert row.deemed_received_at > row.received_at  # Monday, at opening time

    for language in ("th", "en"):
        i18n.apply_language(language)
        QApplication.processEvents()  # the LanguageChange reaches the widgets
        model = window.model
        header = model.headerData(Column.RECEIVED, Qt.Orientation.Horizontal)
        # The list shows the arrival, and says so; its tooltip names both.
        assert header == arrival_label()
        cell = model.index(0, Column.RECEIVED)
        assert cell.data() == format_date(row.received_at, language)
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert arrival_label() in tip and deemed_label() in tip
        assert model.headerData(
            Column.RECEIVED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        # The detail panel shows both moments, under the same names.
        window.table.setFocus()
        window.table.selectRow(0)
        qtbot.keyClick(window.table, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: window.detail.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: arrival_label() in _detail_fields(window), timeout=3000)
        fields = _detail_fields(window)
        assert fields[arrival_label()] == format_date(row.received_at, language, short=False)
        assert fields[deemed_label()] == format_date(row.deemed_received_at, language, short=False)
        # The CLI's list heads its columns with the same names, in both languages.
        assert arrival_label() in LIST_HEADER and deemed_label() in LIST_HEADER
        qtbot.keyClick(window.table, Qt.Key.Key_Space)  # close the panel again
    i18n.apply_language("th")
