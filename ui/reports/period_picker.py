"""The date range of a report: a month picked by name (Buddhist Era in Thai), or any two days.

The month list and the two day fields both write the year in the UI language's era (Buddhist
Era in Thai); the day fields are :class:`~ui.common.thai_date_edit.ThaiDateEdit`.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from services.api import ENGLISH_MONTHS_SHORT, THAI_MONTHS_SHORT
from ui.common import i18n
from ui.common.retranslating import Retranslating
from ui.common.thai_date_edit import ThaiDateEdit

__all__ = ["PeriodPicker", "month_label"]

MONTHS_LISTED = 24


def month_label(first: date, language: str) -> str:
    if language == "th":
        return f"{THAI_MONTHS_SHORT[first.month - 1]} {first.year + 543}"
    return f"{ENGLISH_MONTHS_SHORT[first.month - 1]} {first.year}"


def _month_end(first: date) -> date:
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PeriodPicker(Retranslating, QWidget):
    """Month list + from/to fields. ``period_did_change(first, last)`` on every change."""

    period_did_change = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.month_label = QLabel()
        self.months = QComboBox()
        self.months.setObjectName("ReportMonth")
        self.months.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.months.setMinimumContentsLength(12)
        self.from_label = QLabel()
        self.to_label = QLabel()
        self.first_edit = ThaiDateEdit()
        self.last_edit = ThaiDateEdit()
        for edit in (self.first_edit, self.last_edit):
            edit.dateChanged.connect(self._days_changed)
        for widget in (
            self.month_label,
            self.months,
            self.from_label,
            self.first_edit,
            self.to_label,
            self.last_edit,
        ):
            layout.addWidget(widget)
        self.months.currentIndexChanged.connect(self._month_chosen)
        self._latest: date | None = None
        self._quiet = False
        self.retranslate()

    def set_latest_month(self, first: date) -> None:
        """List the :data:`MONTHS_LISTED` months up to the one starting ``first``; choose it."""
        self._latest = first
        self._fill_months()
        self.months.setCurrentIndex(0)
        self._month_chosen(0)

    def _fill_months(self) -> None:
        if self._latest is None:
            return
        language = i18n.current_language()
        current = self.months.currentIndex()
        self.months.blockSignals(True)
        self.months.clear()
        month = self._latest
        for _ in range(MONTHS_LISTED):
            self.months.addItem(month_label(month, language), month)
            month = (month - timedelta(days=1)).replace(day=1)
        self.months.addItem(self.tr("Other dates"), None)
        self.months.setCurrentIndex(max(current, 0))
        self.months.blockSignals(False)

    def period(self) -> tuple[date, date]:
        return self.first_edit.date().toPython(), self.last_edit.date().toPython()  # type: ignore[return-value]

    def set_period(self, first: date, last: date) -> None:
        self._quiet = True
        self.first_edit.setDate(_qdate(first))
        self.last_edit.setDate(_qdate(last))
        self._quiet = False
        self._select_matching_month(first, last)
        self.period_did_change.emit(first, last)

    def _month_chosen(self, index: int) -> None:
        first = self.months.itemData(index)
        if isinstance(first, date):
            self.set_period(first, _month_end(first))

    def _days_changed(self) -> None:
        if self._quiet:
            return
        first, last = self.period()
        self._select_matching_month(first, last)
        self.period_did_change.emit(first, last)

    def _select_matching_month(self, first: date, last: date) -> None:
        wanted = self.months.count() - 1  # "Other dates"
        if first.day == 1 and last == _month_end(first):
            for index in range(self.months.count()):
                if self.months.itemData(index) == first:
                    wanted = index
        self.months.blockSignals(True)
        self.months.setCurrentIndex(wanted)
        self.months.blockSignals(False)

    def retranslate(self) -> None:
        self.month_label.setText(self.tr("Month"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self._fill_months()
