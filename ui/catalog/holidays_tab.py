"""The government holidays by year, unconfirmed dates flagged; for the administrator, a
year imported from the Cabinet's announcement, a day added, confirmed or removed, each
shown with the due dates it moves before it is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    CalendarProposal,
    CatalogPort,
    Holiday,
    HolidayView,
    SignedInUser,
)
from ui.catalog.holiday_dialogs import HolidayDialog, ProposalDialog, day_text
from ui.catalog.services_tab import version_line
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tables import choice_table
from ui.common.tasks import TaskRunner

__all__ = ["HolidaysTab"]

_FALLBACK = (
    "อ่านหรือเตรียมการแก้ไขวันหยุดไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The holidays could not be read or prepared because of an internal error. "
    "Please tell your administrator.",
)
_UNCONFIRMED = QColor("#8a5a00")
_BE = 543


class HolidaysTab(Retranslating, QWidget):
    """Signals:
    calendar_did_change(int): a change was saved (the new calendar version).
    """

    calendar_did_change = Signal(int)

    def __init__(
        self,
        port: CatalogPort,
        runner: TaskRunner,
        user: SignedInUser,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HolidaysTab")
        self._port, self._runner, self._user = port, runner, user
        # The year to open on follows the services' clock (a test may hand its own day).
        self._today = today or port.today
        self._view: HolidayView | None = None
        self._year: int | None = None
        self._shown: list[Holiday] = []
        self.dialog: Any = None  # the dialog open now (tests drive it)
        self.choose_open: Callable[[], str] = self._ask_open

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.year_label = QLabel()
        self.year = named(QComboBox(), "HolidayYear")
        self.year_label.setBuddy(self.year)
        self.year.currentIndexChanged.connect(self._year_changed)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        self.version_label = named(QLabel(), "Hint")
        self.version_label.setWordWrap(True)
        top.addWidget(self.version_label, 1)
        layout.addLayout(top)
        buttons = QHBoxLayout()
        self.import_button = named(QPushButton(), "Primary")
        self.add_button = QPushButton()
        self.confirm_button = QPushButton()
        self.remove_button = QPushButton()
        for button, slot in (
            (self.import_button, self.import_file),
            (self.add_button, self.add_holiday),
            (self.confirm_button, self.confirm_selected),
            (self.remove_button, self.remove_selected),
        ):
            button.clicked.connect(slot)
            button.hide()  # until the services say this officer may change the holidays
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = ErrorBox(dismissable=True)
        layout.addWidget(self.notice)
        self.table = choice_table("HolidayTable", 4, stretch=1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.legend = named(QLabel(), "Hint")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.retranslate()

    # -- text ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("&Year"))
        self.import_button.setText(self.tr("&Import the Cabinet's announcement…"))
        self.add_button.setText(self.tr("&Add holiday…"))
        self.confirm_button.setText(self.tr("&Confirm date"))
        self.remove_button.setText(self.tr("&Remove"))
        self.legend.setText(
            self.tr(
                "⚠ To confirm: announced or computed, not yet checked against the Cabinet's "
                "final announcement. Weekends are not listed."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Holiday"), self.tr("Day"), self.tr("State")]
        )
        self._fill_years()
        self._fill()

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        port, user = self._port, self._user
        self._runner.run(lambda: port.calendar(user), self._loaded, owner=self, label="calendar")

    def _loaded(self, view: HolidayView | None, error: BaseException | None) -> None:
        if error is not None or view is None:
            self.notice.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        self._view = view
        for button in (
            self.import_button,
            self.add_button,
            self.confirm_button,
            self.remove_button,
        ):
            button.setVisible(view.may_edit)
        if self._year is None:
            self._year = self._today().year
        self._fill_years()
        self._fill()

    def view(self) -> HolidayView | None:
        return self._view

    def years(self) -> list[int]:
        view = self._view
        known = {h.day.year for h in view.holidays} if view else set()
        this_year = self._today().year
        return sorted(known | {this_year, this_year + 1})

    def _fill_years(self) -> None:
        thai = i18n.current_language() == "th"
        self.year.blockSignals(True)
        self.year.clear()
        for year in self.years():
            self.year.addItem(
                f"{year + _BE} ({year})" if thai else f"{year} (B.E. {year + _BE})", year
            )
        if self._year is not None:
            self.year.setCurrentIndex(max(0, self.year.findData(self._year)))
        self.year.blockSignals(False)

    def show_year(self, year: int) -> None:
        self._year = year
        self._fill_years()
        self._fill()

    def _year_changed(self, index: int) -> None:
        if index >= 0:
            self._year = int(self.year.itemData(index))
            self._fill()

    def _fill(self) -> None:
        view = self._view
        if view is None:
            return
        language = i18n.current_language()
        latest = view.versions[0] if view.versions else None
        if latest is not None:
            self.version_label.setText(
                self.tr("Calendar version {line}").format(
                    line=version_line(
                        latest.number,
                        latest.created_at,
                        latest.created_by,
                        latest.source,
                        latest.note,
                    )
                )
            )
        self._shown = [h for h in view.holidays if h.day.year == self._year]
        self.table.setRowCount(len(self._shown))
        weekdays = [  # literal texts: lupdate finds only those
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]
        for row, holiday in enumerate(self._shown):
            cells = (
                day_text(holiday.day, language),
                holiday.name_th if language == "th" else holiday.name_en,
                weekdays[holiday.day.weekday()],
                self.tr("Confirmed") if holiday.confirmed else "⚠ " + self.tr("To confirm"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not holiday.confirmed:
                    item.setForeground(_UNCONFIRMED)
                self.table.setItem(row, column, item)
        if not self._shown:
            self.notice.show_message(
                f"ยังไม่มีวันหยุดราชการของปี พ.ศ. {self._year + _BE if self._year else ''} "
                "ให้ผู้ดูแลระบบนำเข้าจากประกาศคณะรัฐมนตรี",
                f"There are no government holidays for {self._year} yet. The administrator "
                "imports them from the Cabinet's announcement.",
            )
        self._update_buttons()

    def shown(self) -> list[Holiday]:
        return list(self._shown)

    def selected(self) -> Holiday | None:
        index = self.table.currentRow()
        if 0 <= index < len(self._shown) and self.table.selectionModel().hasSelection():
            return self._shown[index]
        return None

    def _update_buttons(self) -> None:
        holiday = self.selected()
        self.confirm_button.setEnabled(holiday is not None and not holiday.confirmed)
        self.remove_button.setEnabled(holiday is not None)

    # -- changes (administrator): each is first a proposal --------------------------------

    def add_holiday(self) -> None:
        year = self._year or self._today().year
        dialog = HolidayDialog(None, date(year, 1, 1), self)
        dialog.holiday_did_enter.connect(
            lambda h: self._propose(lambda p, u, b: p.propose_holiday(u, b, h))
        )
        self._open(dialog)

    def confirm_selected(self) -> None:
        holiday = self.selected()
        if holiday is not None and not holiday.confirmed:
            confirmed = Holiday(holiday.day, holiday.name_th, holiday.name_en, True)
            self._propose(lambda p, u, b: p.propose_holiday(u, b, confirmed))

    def remove_selected(self) -> None:
        holiday = self.selected()
        if holiday is not None:
            day = holiday.day
            self._propose(lambda p, u, b: p.propose_removal(u, b, day))

    def import_file(self) -> None:
        chosen = self.choose_open()
        if chosen:
            path = Path(chosen)
            self._propose(lambda p, u, b: p.propose_import(u, b, path))

    def _propose(self, ask: Callable[[CatalogPort, SignedInUser, int], CalendarProposal]) -> None:
        view = self._view
        if view is None or not view.may_edit:
            return
        self.notice.clear()
        port, user, base = self._port, self._user, view.version
        self._runner.run(lambda: ask(port, user, base), self._proposed, owner=self, label="propose")

    def _proposed(self, proposal: CalendarProposal | None, error: BaseException | None) -> None:
        if error is not None or proposal is None:
            self.notice.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        if proposal.added:
            self._year = proposal.added[0].day.year
        dialog = ProposalDialog(self._port, self._runner, self._user, proposal, self)
        dialog.calendar_did_change.connect(self._saved)
        self._open(dialog)

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, version: int) -> None:
        self.refresh()
        self.calendar_did_change.emit(version)

    def _ask_open(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The Cabinet's announcement of holidays"), "", "TOML (*.toml)"
        )
        return name
