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
button is not a way in to it (the arrows and the typed year are). The calendar is made and
worded only when the popup first opens (its arrow, F4 or Alt+Down; see
:mod:`ui.common.date_popup`): a page's date fields are mostly never opened, and a calendar
made with each field slowed every page that has them.

A new date typed from its first digit — into an empty field, over all of it (Ctrl+A) or over
its day (Tab into it selects the day) — is written as typed, not part by part over the old
one. Qt's part-by-part editing put the old text back whenever the cursor crossed into another
part with the text not yet a date: after Ctrl+A the first digit was lost, and "31/12/2569"
typed over 18/11/2569 became 3/12/2569 (31 November being no date, Qt went back to 3). Qt's
moving on by itself is kept ("30" or "5" as a day, "12" or "3" as a month add the "/"). A
date typed only in part takes the rest from the one it replaced (Tab, "30", Tab over 1/11/2569
is 30/11/2569, as before). Text that is still no date when the field is left goes back to the
last good date.

A field made with ``may_be_empty`` can also hold no date (a paper licence with no expiry, a
search with no lower bound, a date the officer has yet to type off the paper): it shows empty
with its placeholder, and :meth:`day_or_none` is None. Qt's editor always holds a date, so
"empty" is its minimum date (Qt's own way for a special value), written as no text. Emptied
with Ctrl+A and Delete, it stays empty. There, text that reads as no date (31/2/2569, a Thai
year under 2400) is not replaced by the last good date when the field is left: the officer's
text stays to be corrected, and :meth:`problem` says what is wrong in Thai and English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QValidator
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QWidget

from services.api import BE_OFFSET
from ui.common.date_popup import on_arrow, opens_popup, place_under, word_calendar, write_year
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

    def __init__(
        self, day: date | None = None, parent: QWidget | None = None, *, may_be_empty: bool = False
    ) -> None:
        super().__init__(parent)
        self._buddhist = current_language() == "th"
        self._may_be_empty = may_be_empty
        self._typing = False  # a new date being typed whole, from its first digit
        self._typed_over: QDate | None = None  # the date it replaces, if any
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        # Four-digit years in both eras, so Qt's section positions fit the shown text.
        self.setDateRange(QDate(1900, 1, 1), QDate(7456, 12, 31))
        self._moved_on_by_itself = False
        self._calendar: QCalendarWidget | None = None  # made when the popup first opens
        self._popup_day: date | None = None
        if day is not None:
            self.setDate(qdate(day))
        elif may_be_empty:
            self.setDate(self.minimumDate())
        self.retranslate()

    def day(self) -> date:
        value = self.date()
        return date(value.year(), value.month(), value.day())

    def set_day(self, day: date | None) -> None:
        """Show ``day``; None empties a field that may be empty."""
        if day is None and not self._may_be_empty:
            raise ValueError("this date field cannot be empty")
        if day is None:
            self.lineEdit().clear()  # any text being typed goes too
        self.setDate(qdate(day) if day is not None else self.minimumDate())
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))

    def open_popup_on(self, day: date) -> None:
        """The month the calendar popup shows while the field is empty (the agency's today,
        say), instead of Qt's minimum date that stands for "empty"."""
        self._popup_day = day

    def calendarWidget(self) -> QCalendarWidget:
        """The popup's calendar, made and set up on first use: most date fields are never
        opened, and making one with every field cost a page's build ~5 ms a field.

        Qt makes its calendar only when asked for it (here), when the arrow is clicked
        (:meth:`mousePressEvent` asks here first) or when given one; setting the range or the
        date before that touches no calendar."""
        if self._calendar is None:
            calendar = super().calendarWidget()  # Qt's popup and calendar, synced to the field
            calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
            calendar.currentPageChanged.connect(lambda _year, _month: self._write_popup_year())
            calendar.installEventFilter(self)  # an empty field's popup opens on a chosen month
            self._calendar = calendar
            self._word_calendar()
        return self._calendar

    def has_calendar(self) -> bool:
        """Whether the popup's calendar has been made yet."""
        return self._calendar is not None

    def open_popup(self) -> None:
        """Open the calendar under the field, as a click on its arrow does (F4, Alt+Down)."""
        if self.isReadOnly() or not self.isEnabled():
            return
        popup = self.calendarWidget().window()  # Qt's popup around the calendar
        place_under(self, popup)
        popup.show()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._calendar is None and on_arrow(self, event.position().toPoint()):
            self.calendarWidget()  # set up before Qt opens its popup on it
        super().mousePressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._calendar
            and event.type() == QEvent.Type.Show
            and self.is_empty()
            and self._popup_day is not None
        ):
            self._calendar.setCurrentPage(self._popup_day.year, self._popup_day.month)
        return super().eventFilter(watched, event)

    def iso(self) -> str:
        """The date as ``2026-11-30`` for the services, or "" when the field holds none."""
        day = self.day_or_none()
        return day.isoformat() if day is not None else ""

    def is_empty(self) -> bool:
        return self._may_be_empty and self.date() == self.minimumDate()

    def day_or_none(self) -> date | None:
        """The date shown, or None when the field is empty (or holds text that is no date:
        :meth:`problem` then says so)."""
        if self.is_empty() or self._refused():
            return None
        return self.day()

    def problem(self, field_th: str, field_en: str) -> tuple[str, str] | None:
        """What is wrong with the text left in the field, in Thai and English (None: nothing).
        ``field_th``/``field_en`` name the field in the message ("วันที่ออก", "The issue date")."""
        typed = self._refused()
        if not typed:
            return None
        if self._buddhist:
            era_th, era_en, example = "พ.ศ.", "B.E.", "5/1/2570"
        else:
            era_th, era_en, example = "ค.ศ.", "C.E.", "5/1/2027"
        return (
            f"{field_th} “{typed}” ไม่ใช่วันที่ — พิมพ์เป็น วัน/เดือน/ปี {era_th} เช่น {example}",
            f"{field_en} “{typed}” is not a date: type it as day/month/year ({era_en}), "
            f"e.g. {example}.",
        )

    def _refused(self) -> str:
        """The text left in a may-be-empty field that reads as no date ("" if none)."""
        typed = self.lineEdit().text().strip()
        if not self._may_be_empty or not typed or self._read(typed) is not None:
            return ""
        return typed

    def retranslate(self) -> None:
        refused = self._refused()  # read in the era the text was written in
        self._buddhist = current_language() == "th"
        if refused:
            return  # the officer's text stays as typed, to be corrected
        # Same date, re-written in the era of the language now in force.
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
        self._word_calendar()

    def _word_calendar(self) -> None:
        """The calendar in the language now in force; one not yet made is worded when it is."""
        if self._calendar is None:
            return
        word_calendar(self._calendar, self._buddhist)
        self._write_popup_year()

    def _write_popup_year(self) -> None:
        """The popup's year button in the era of the language (Qt writes it in CE); in Thai it
        is no way in to Qt's year box (see the module's note)."""
        if self._calendar is not None:
            year = self._shown_year(self._calendar.yearShown())
            write_year(self._calendar, year, enabled=not self._buddhist)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        line = self.lineEdit()
        if opens_popup(event):
            # A date typed so far is taken first, so the calendar opens on it.
            self._finish_typing()
            self._keeping_refused(self.interpretText)
            self.open_popup()
            event.accept()
            return
        if event.text() == "/" and self._moved_on_by_itself:
            self._moved_on_by_itself = False
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
            self._typing or self._read(line.text()) is None
        ):
            # Qt steps Tab through a date's parts; a date just typed, an empty field or text
            # that is no date has none to step through: Tab goes on to the next field.
            self._finish_typing()
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish_typing()
            self._keeping_refused(lambda: super(ThaiDateEdit, self).keyPressEvent(event))
            return
        if event.text().isdigit() and self._starts_a_new_date():
            # A new date typed from its first digit: written as typed (see the module's note).
            self._typing = True
            self._typed_over = None if self.is_empty() else self.date()
            line.clear()
        if not self._typing:
            before = self.currentSection()
            super().keyPressEvent(event)
            self._moved_on_by_itself = event.text().isdigit() and self.currentSection() != before
            return
        super().keyPressEvent(event)
        # As Qt does: a day or month that can take no more digits moves on to the next part
        # ("30", "9"), so a date typed without its "/"s lands too; the "/" typed after is
        # swallowed above.
        parts = line.text().split("/")
        last = parts[-1]
        full = len(last) == 2 or (len(last) == 1 and int(last or 0) > (3 if len(parts) == 1 else 1))
        self._moved_on_by_itself = False
        if (
            event.text().isdigit()
            and len(parts) < 3
            and full
            and line.cursorPosition() == len(line.text())
        ):
            line.insert("/")
            self._moved_on_by_itself = True

    def _finish_typing(self) -> None:
        """A date typed only in part ("30", "5/12") takes the rest from the date it replaced,
        as Qt's part-by-part editing did: 30 typed over 1/11/2569 is 30/11/2569."""
        if not self._typing:
            return
        self._typing = False
        line = self.lineEdit()
        parts = line.text().strip().rstrip("/").split("/")
        if self._read(line.text()) is not None or len(parts) >= 3 or not parts[0]:
            return  # a date, text that is no date (said or put back), or nothing typed
        old = self._typed_over
        if old is None:
            return  # empty before: no date to take the rest from
        kept = [str(old.day()), str(old.month()), str(self._shown_year(old.year()))]
        whole = "/".join(parts + kept[len(parts) :])
        if self._read(whole) is not None:
            line.setText(whole)

    def _starts_a_new_date(self) -> bool:
        """The next digit begins a date: the field is empty, all of it is selected (Ctrl+A),
        or its day is (Tab into it) — rather than a change to one part of the date."""
        line = self.lineEdit()
        if not line.text().strip():
            return True
        if not line.hasSelectedText() or line.selectionStart() != 0:
            return False
        return line.selectedText() == line.text() or not line.selectedText().count("/")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._finish_typing()
        self._keeping_refused(lambda: super(ThaiDateEdit, self).focusOutEvent(event))

    def _keeping_refused(self, step: Callable[[], None]) -> None:
        """Run Qt's ``step`` (which puts the last good date back over text it cannot read),
        then, in a may-be-empty field, give the officer's text back (see the module's note)."""
        typed = self._refused()
        step()
        if typed and self.lineEdit().text().strip() != typed:
            self.lineEdit().setText(typed)

    def _shown_year(self, year: int) -> int:
        return year + BE_OFFSET if self._buddhist else year

    def textFromDateTime(self, dt: QDateTime) -> str:
        value = dt.date()
        typed = self.lineEdit().text().strip()
        if self._typing and value == self.date() and typed and self._read(typed) is None:
            # A date being typed: Qt writes the value back whenever the cursor crosses into
            # another part; the old date (or none) there would wipe what was typed so far.
            return typed
        if self._may_be_empty and value == self.minimumDate():
            return self._refused()  # empty, or text that is no date kept to be corrected
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
        if self._may_be_empty and not text.strip():
            return QDateTime(self.minimumDate(), QTime(0, 0))
        value = self._read(text)
        return QDateTime(value if value is not None else self.date(), QTime(0, 0))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        if self._may_be_empty and not text.strip():
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
