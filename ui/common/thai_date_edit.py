"""A date field that writes the year as the officer reads it: Buddhist Era in Thai, CE in English.

Qt's date editor knows no Buddhist calendar (``QCalendar`` backends cannot be added from
Python), so :class:`ThaiDateEdit` keeps Qt's own Gregorian value, section stepping and
calendar popup and only changes the text: ``d/M/yyyy`` with the year + 543 in Thai
(``1/12/2569``), the same ``d/M/yyyy`` with the Common Era year in English (``1/12/2026``).
The BE year has four digits like the CE one, so Qt's sections line up over either text.
``date()`` stays a Gregorian ``QDate`` and :meth:`day` a ``datetime.date``: the services
never see a Buddhist year.

A year typed in Thai is always read as Buddhist Era and one under 2400 (BE 2400 = 1857 CE,
before any record an agency keeps) is refused, never silently taken as Common Era: an officer
typing 2569 means BE, and one typing 2026 in a Thai field has made a slip that would
otherwise land 543 years away. The field then keeps its last good date, as Qt does for any
other impossible input. The language switch re-writes the text (``LanguageChange``).

Qt moves to the next part by itself once a day or month can take no more digits ("30", "9");
the "/" the officer types next would then skip a part, so "30/11/2569" lost its month. That
one "/" is swallowed here, so a whole date typed as written lands where it was meant.

The calendar popup follows too: Thai month and day names, and in Thai the year over the
month is written in BE. Qt's year box behind that button can only count in CE, so in Thai the
button is not a way in to it (the arrows and the typed year are).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QToolButton, QWidget

from services.api import BE_OFFSET
from ui.common.i18n import current_language
from ui.common.retranslating import Retranslating

__all__ = ["ThaiDateEdit", "qdate"]

DISPLAY_FORMAT = "d/M/yyyy"
LOWEST_BE_YEAR = 2400
"""The lowest year a Thai field accepts; anything under it is a CE year typed by mistake."""

# Day, month, year as typed so far: each part may still be empty while the officer types.
_PARTS = re.compile(r"^\s*(\d{0,2})(?:/(\d{0,2})(?:/(\d{0,4}))?)?\s*$")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ThaiDateEdit(Retranslating, QDateEdit):
    """A ``QDateEdit`` showing and reading ``d/M/yyyy``, the year in the UI language's era."""

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buddhist = current_language() == "th"
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        # Four-digit years in both eras, so Qt's section positions fit the shown text.
        self.setDateRange(QDate(1900, 1, 1), QDate(7456, 12, 31))
        self._moved_on_by_itself = False
        calendar = self.calendarWidget()
        calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        calendar.currentPageChanged.connect(lambda _year, _month: self._write_popup_year())
        if day is not None:
            self.setDate(qdate(day))
        self.retranslate()

    def day(self) -> date:
        value = self.date()
        return date(value.year(), value.month(), value.day())

    def set_day(self, day: date) -> None:
        self.setDate(qdate(day))

    def retranslate(self) -> None:
        self._buddhist = current_language() == "th"
        # Same date, re-written in the era of the language now in force.
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
        thai = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
        english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        self.calendarWidget().setLocale(thai if self._buddhist else english)
        self._write_popup_year()

    def _write_popup_year(self) -> None:
        """The popup's year button in the era of the language (Qt writes it in CE)."""
        calendar = self.calendarWidget()
        button = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
        if button is None:  # a Qt without that button: its own text stands
            return
        button.setText(str(self._shown_year(calendar.yearShown())))
        button.setEnabled(not self._buddhist)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() == "/" and self._moved_on_by_itself:
            self._moved_on_by_itself = False
            event.accept()
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on_by_itself = event.text().isdigit() and self.currentSection() != before

    def _shown_year(self, year: int) -> int:
        return year + BE_OFFSET if self._buddhist else year

    def textFromDateTime(self, dt: QDateTime) -> str:
        value = dt.date()
        if self.specialValueText() and value == self.minimumDate():
            return self.specialValueText()
        return f"{value.day()}/{value.month()}/{self._shown_year(value.year())}"

    def _read(self, text: str) -> QDate | None:
        """The Gregorian date ``text`` names, or None when it names none (yet)."""
        found = _PARTS.match(text)
        if found is None or found.group(3) is None or len(found.group(3)) != 4:
            return None
        day, month, year = (int(part or 0) for part in found.groups())
        if self._buddhist:
            if year < LOWEST_BE_YEAR:
                return None
            year -= BE_OFFSET
        value = QDate(year, month, day)
        if not value.isValid() or not self.minimumDate() <= value <= self.maximumDate():
            return None
        return value

    def dateTimeFromText(self, text: str) -> QDateTime:
        value = self._read(text)
        return QDateTime(value if value is not None else self.date(), QTime(0, 0))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        if self._read(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _PARTS.match(text) is not None:
            # Still being typed (or a Thai year under 2400, refused once the field is left).
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        # Qt would otherwise read the leftover text with its own Gregorian parser.
        return self.textFromDateTime(self.dateTime())
