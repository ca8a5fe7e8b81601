"""Date fields write the year as the officer reads it: Buddhist Era in Thai, CE in English.

Typed with real key presses (``officer_types``) after the officer tabs into the field, as at
the desk (Qt then selects the day; "/" moves on to the month, then the year); the value handed
to the services is always a Gregorian ``date``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tests.integration.test_review import users, ws  # noqa: F401  (pytest fixtures)
from tests.ui.conftest import officer_types
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.thai_date_edit import ThaiDateEdit
from ui.fees.ledger_bar import LedgerBar
from ui.reports.period_picker import PeriodPicker

SHOTS = Path("/tmp/bedates")


def _type_into(qtbot, edit: ThaiDateEdit, text: str) -> None:
    edit.clearFocus()  # arriving by Tab is what makes Qt select the day
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus, timeout=3000)
    officer_types(text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _shown_field(qtbot, day: date | None = None) -> ThaiDateEdit:
    edit = ThaiDateEdit(day)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.activateWindow()
    return edit


def test_a_thai_officer_types_the_buddhist_year(qtbot, gui) -> None:
    edit = _shown_field(qtbot, date(2026, 3, 5))
    assert edit.text() == "5/3/2569"
    _type_into(qtbot, edit, "1/12/2569")
    assert edit.day() == date(2026, 12, 1)
    assert edit.text() == "1/12/2569"


def test_a_year_under_2400_in_thai_is_refused_not_read_as_common_era(qtbot, gui) -> None:
    edit = _shown_field(qtbot, date(2030, 3, 5))
    _type_into(qtbot, edit, "1/12/2026")
    edit.clearFocus()
    # Neither 2026 CE nor 1483 CE (2026 read as BE), nor half of it (the day and month typed
    # under the old year): the field keeps its last good date.
    assert edit.day() == date(2030, 3, 5)
    assert edit.text() == "5/3/2573"


def test_the_field_follows_the_language_switch(qtbot, gui) -> None:
    edit = _shown_field(qtbot, date(2026, 12, 1))
    assert edit.text() == "1/12/2569"
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: edit.text() == "1/12/2026", timeout=3000)
    _type_into(qtbot, edit, "9/10/2027")
    assert edit.day() == date(2027, 10, 9)
    i18n.apply_language("th")
    qtbot.waitUntil(lambda: edit.text() == "9/10/2570", timeout=3000)
    assert edit.day() == date(2027, 10, 9)


def test_the_ledger_saved_for_a_typed_buddhist_range_is_that_month(
    qtbot,
    gui,
    runner,
    clock,
    ws,  # noqa: F811
    users,  # noqa: F811
    tmp_path,
) -> None:
    clock.set(datetime(2026, 12, 20, 3, 0, tzinfo=UTC))
    asked: list[tuple[date, date]] = []

    class Recording:
        """The real fees port, noting the range each ledger file is asked for."""

        def __getattr__(self, name: str) -> Any:
            return getattr(ws.fees, name)

        def ledger_file(self, user, first: date, last: date, kind: str) -> Any:
            asked.append((first, last))
            return ws.fees.ledger_file(user, first, last, kind)

    bar = LedgerBar(Recording(), users["finance"], runner, ErrorBox())  # type: ignore[arg-type]
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    bar.activateWindow()
    _type_into(qtbot, bar.first, "1/11/2569")
    _type_into(qtbot, bar.last, "30/11/2569")
    assert bar.suggested_name("csv") == "fee-ledger_2026-11-01_2026-11-30.csv"
    with qtbot.waitSignal(bar.file_did_save, timeout=30_000):
        bar.export_to(tmp_path / "ledger.csv", "csv")
    assert asked == [(date(2026, 11, 1), date(2026, 11, 30))]
    assert (tmp_path / "ledger.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_screenshots_of_the_ledger_bar_and_report_period(qtbot, gui, runner, ws, users) -> None:  # noqa: F811
    SHOTS.mkdir(exist_ok=True)
    bar = LedgerBar(ws.fees, users["finance"], runner, ErrorBox())
    picker = PeriodPicker()
    picker.set_latest_month(date(2026, 11, 1))
    for widget in (bar, picker):
        qtbot.addWidget(widget)
        widget.resize(900, 48)
        widget.show()
    assert picker.first_edit.text() == "1/11/2569"
    for language, year in (("th", "2569"), ("en", "2026")):
        i18n.apply_language(language)
        qtbot.waitUntil(lambda y=year: bar.first.text().endswith(y), timeout=3000)
        assert bar.grab().save(str(SHOTS / f"ledger_bar_{language}.png"))
        assert picker.grab().save(str(SHOTS / f"period_{language}.png"))
    assert picker.first_edit.text() == "1/11/2026"
    assert picker.last_edit.text() == "30/11/2026"


def test_the_calendar_popup_writes_the_year_in_the_languages_era(qtbot, gui) -> None:
    edit = _shown_field(qtbot, date(2026, 11, 5))
    calendar = edit.calendarWidget()
    year = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    assert year is not None
    calendar.showNextMonth()
    assert year.text() == "2569" and calendar.monthShown() == 12
    calendar.showNextMonth()
    assert year.text() == "2570"
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: year.text() == "2027", timeout=3000)
    assert year.isEnabled()


def _select_all_and_type(qtbot, edit: ThaiDateEdit, text: str) -> None:
    """As at the desk: into the field, the cursor moved to the end, Ctrl+A, the new date."""
    edit.clearFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus, timeout=3000)
    QTest.keyClick(edit, Qt.Key.Key_End)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert edit.lineEdit().selectedText() == edit.text()
    officer_types(text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_after_select_all_the_date_typed_replaces_the_old_one(qtbot, gui) -> None:
    edit = _shown_field(qtbot, date(2026, 3, 25))
    _select_all_and_type(qtbot, edit, "30/11/2569")
    assert edit.text() == "30/11/2569"
    assert edit.day() == date(2026, 11, 30)
    _select_all_and_type(qtbot, edit, "9/1/2570")
    assert edit.day() == date(2027, 1, 9)
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: edit.text() == "9/1/2027", timeout=3000)
    _select_all_and_type(qtbot, edit, "1/12/2027")
    assert edit.day() == date(2027, 12, 1)


class _Form:
    """An empty-allowed date field after another field, so leaving it is a real Tab."""

    def __init__(self, qtbot) -> None:
        self.host = QWidget()
        layout = QVBoxLayout(self.host)
        self.edit = ThaiDateEdit(may_be_empty=True)
        self.other = QLineEdit()
        layout.addWidget(self.edit)
        layout.addWidget(self.other)
        qtbot.addWidget(self.host)
        self.host.show()
        qtbot.waitExposed(self.host)
        self.host.activateWindow()
        self.qtbot = qtbot

    def types(self, text: str, *, select_all: bool = False) -> None:
        self.edit.setFocus(Qt.FocusReason.TabFocusReason)
        self.qtbot.waitUntil(self.edit.hasFocus, timeout=3000)
        if select_all:
            QTest.keyClick(self.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        officer_types(text)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to the next field
        self.qtbot.waitUntil(self.other.hasFocus, timeout=3000)

    def empties(self) -> None:
        self.edit.setFocus(Qt.FocusReason.TabFocusReason)
        self.qtbot.waitUntil(self.edit.hasFocus, timeout=3000)
        QTest.keyClick(self.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(self.edit, Qt.Key.Key_Delete)
        QTest.keyClick(self.edit, Qt.Key.Key_Tab)
        self.qtbot.waitUntil(self.other.hasFocus, timeout=3000)


def test_an_empty_allowed_field_starts_empty_takes_a_date_and_empties_again(qtbot, gui) -> None:
    form = _Form(qtbot)
    edit = form.edit
    assert edit.text() == "" and edit.is_empty() and edit.day_or_none() is None
    assert edit.problem("วันหมดอายุ", "The expiry date") is None
    form.types("30/11/2569")
    assert edit.text() == "30/11/2569"
    assert edit.day_or_none() == date(2026, 11, 30)
    form.empties()
    assert edit.text() == "" and edit.day_or_none() is None
    form.types("5/1/2570", select_all=True)
    assert edit.day_or_none() == date(2027, 1, 5)
    edit.set_day(None)
    assert edit.text() == "" and edit.day_or_none() is None


def test_text_that_is_no_date_stays_and_is_named_in_thai_and_english(qtbot, gui) -> None:
    form = _Form(qtbot)
    edit = form.edit
    form.types("31/2/2569")
    # Not the last good date (empty, which would read as "no expiry"): the officer's text.
    assert edit.text() == "31/2/2569"
    assert edit.day_or_none() is None
    problem = edit.problem("วันหมดอายุ", "The expiry date")
    assert problem is not None
    assert problem[0].startswith("วันหมดอายุ “31/2/2569” ไม่ใช่วันที่")
    assert "พ.ศ." in problem[0]
    assert problem[1].startswith("The expiry date “31/2/2569” is not a date")
    form.types("1/12/2026", select_all=True)  # a CE year in a Thai field: refused, kept
    assert edit.text() == "1/12/2026" and edit.day_or_none() is None
    assert edit.problem("วันหมดอายุ", "The expiry date") is not None
    form.types("1/3/2569", select_all=True)
    assert edit.day_or_none() == date(2026, 3, 1)
    assert edit.problem("วันหมดอายุ", "The expiry date") is None


def test_a_date_typed_over_another_is_taken_whole_even_where_the_old_month_is_shorter(
    qtbot, gui
) -> None:
    # 31 is no day of November: typed part by part over 18/11/2569 it used to become 3/12.
    edit = _shown_field(qtbot, date(2026, 11, 18))
    _type_into(qtbot, edit, "31/12/2569")
    assert edit.day() == date(2026, 12, 31)
    _select_all_and_type(qtbot, edit, "29/2/2571")  # 2028: a leap year
    assert edit.day() == date(2028, 2, 29)
    # Without the "/"s, as Qt lets an officer type: a full day or month moves on by itself.
    _type_into(qtbot, edit, "30112569")
    assert edit.text() == "30/11/2569"
    _type_into(qtbot, edit, "532570")
    assert edit.day() == date(2027, 3, 5)
    # Only the day typed (the month and year stay), as the last day of a month range is.
    _type_into(qtbot, edit, "31")
    assert edit.day() == date(2027, 3, 31)
    form = _Form(qtbot)
    form.edit.set_day(date(2026, 11, 1))
    form.types("30")
    assert form.edit.day_or_none() == date(2026, 11, 30)


def _popup_of(edit: ThaiDateEdit) -> QWidget:
    calendar = edit.findChild(QCalendarWidget)
    assert calendar is not None
    return calendar.window()


def _keys_of(popup: QWidget) -> QWidget:
    """Where an open popup's keys go: Qt gives them to the popup's focus widget (the offscreen
    platform cannot grab the keyboard, so the test hands them there as Qt would)."""
    focus = popup.focusWidget()
    assert focus is not None and focus.window() is popup
    return focus


def _buttons(calendar: QCalendarWidget) -> tuple[str, str]:
    month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    year = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    assert month is not None and year is not None
    return month.text(), year.text()


def test_the_calendar_is_made_when_the_popup_first_opens_in_the_language_then(qtbot, gui) -> None:
    edit = _shown_field(qtbot, date(2026, 11, 5))
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus, timeout=3000)
    officer_types("6/11/2569")  # typing, stepping and a language switch make no calendar
    i18n.apply_language("en")
    i18n.apply_language("th")
    assert edit.findChild(QCalendarWidget) is None and not edit.has_calendar()
    QTest.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = _popup_of(edit)
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    calendar = edit.calendarWidget()
    assert calendar.parentWidget() is popup  # the calendar Qt opens is the one set up here
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 11)
    assert calendar.selectedDate() == edit.date()
    assert _buttons(calendar) == ("พฤศจิกายน", "2569")  # Thai month, the year in BE
    thai = calendar.locale()
    assert thai.language() == QLocale.Language.Thai
    assert calendar.firstDayOfWeek() == thai.firstDayOfWeek()
    assert calendar.horizontalHeaderFormat() == QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
    assert (calendar.minimumDate(), calendar.maximumDate()) == (
        edit.minimumDate(),
        edit.maximumDate(),
    )
    days = calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert days is not None  # the last week is shown whole, not cut by the popup's height
    assert days.rowViewportPosition(6) + days.rowHeight(6) <= days.viewport().height()
    SHOTS.mkdir(exist_ok=True)
    assert popup.grab().save(str(SHOTS / "calendar_popup_th.png"))
    QTest.keyClick(_keys_of(popup), Qt.Key.Key_Right)  # the officer picks the 7th
    QTest.keyClick(_keys_of(popup), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)
    assert edit.day() == date(2026, 11, 7) and edit.text() == "7/11/2569"


def test_a_calendar_first_opened_after_a_language_switch_comes_up_in_that_language(
    qtbot, gui
) -> None:
    edit = _shown_field(qtbot, date(2026, 11, 5))
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: edit.text() == "5/11/2026", timeout=3000)
    assert not edit.has_calendar()
    QTest.keyClick(edit, Qt.Key.Key_F4)
    popup = _popup_of(edit)
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    calendar = edit.calendarWidget()
    assert _buttons(calendar) == ("November", "2026")
    assert calendar.locale().language() == QLocale.Language.English
    assert popup.grab().save(str(SHOTS / "calendar_popup_en.png"))
    QTest.keyClick(_keys_of(popup), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)
    assert edit.day() == date(2026, 11, 5)
    i18n.apply_language("th")  # once made, the calendar follows every switch
    qtbot.waitUntil(lambda: _buttons(calendar) == ("พฤศจิกายน", "2569"), timeout=3000)


def test_an_empty_fields_calendar_opens_on_the_agencys_today_by_its_arrow(qtbot, gui) -> None:
    form = _Form(qtbot)
    edit = form.edit
    edit.open_popup_on(date(2026, 12, 6))
    assert not edit.has_calendar()
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    arrow = edit.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, edit
    )
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow.center())
    popup = _popup_of(edit)
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    calendar = edit.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 12)
    assert _buttons(calendar) == ("ธันวาคม", "2569")
    QTest.keyClick(_keys_of(popup), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)
    assert edit.is_empty() and edit.text() == ""
