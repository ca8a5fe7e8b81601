"""The calendar popup of a date field (:class:`ui.common.thai_date_edit.ThaiDateEdit`).

What Qt's date editor leaves to its user: which keys open the calendar (Qt's has none outside
keypad-navigation builds; F4 and Alt+Down open it, as they open a combo box's list), whether a
mouse press is on the arrow (asked of the style, as Qt itself does, so the field can set its
calendar up before Qt opens it), where the popup goes, and the calendar's wording.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

__all__ = ["on_arrow", "opens_popup", "place_under", "word_calendar", "write_year"]

_THAI = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def opens_popup(event: QKeyEvent) -> bool:
    """F4 or Alt+Down: the keys that open a combo box's list open the calendar too."""
    if event.key() == Qt.Key.Key_F4:
        return event.modifiers() == Qt.KeyboardModifier.NoModifier
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier


def on_arrow(field: QWidget, point: QPoint) -> bool:
    """Whether ``point`` (in ``field``) is on its popup arrow, drawn as a combo box's."""
    option = QStyleOptionComboBox()
    option.initFrom(field)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    hit = field.style().hitTestComplexControl(
        QStyle.ComplexControl.CC_ComboBox, option, point, field
    )
    return hit == QStyle.SubControl.SC_ComboBoxArrow


def place_under(field: QWidget, popup: QWidget) -> None:
    """Put ``popup`` under ``field`` (above it when there is no room below), on the screen."""
    size = popup.sizeHint()
    below = field.mapToGlobal(field.rect().bottomLeft())
    above = field.mapToGlobal(field.rect().topLeft()).y() - size.height()
    screen = field.screen().availableGeometry()
    x = max(screen.left(), min(below.x(), screen.right() - size.width()))
    fits_below = below.y() + size.height() <= screen.bottom()
    popup.move(x, below.y() if fits_below else max(screen.top(), above))


def word_calendar(calendar: QCalendarWidget, thai: bool) -> None:
    """Month and day names and the week's first day of the language (the year: write_year)."""
    calendar.setLocale(_THAI if thai else _ENGLISH)
    # Qt moves the week's first day with the locale but not its keyboard cursor, which was
    # left a day off the selected date (Right then "moved" onto it): selecting the same date
    # again puts the cursor back on it, with no signal for the field to hear, on the same page.
    with QSignalBlocker(calendar):
        page = calendar.yearShown(), calendar.monthShown()
        calendar.setSelectedDate(calendar.selectedDate())
        calendar.setCurrentPage(*page)


def write_year(calendar: QCalendarWidget, shown_year: int, *, enabled: bool) -> None:
    """The year button's text (Qt writes the CE year) and whether it is a way in to Qt's
    year box, which can only count in CE."""
    button = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    if button is None:  # a Qt without that button: its own text stands
        return
    button.setText(str(shown_year))
    button.setEnabled(enabled)
