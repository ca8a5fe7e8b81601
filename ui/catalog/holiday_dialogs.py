"""The dialogs of the holidays tab: a day to add (or correct), and the preview of a change
(what is added and removed, and which open requests' due dates move) with "Save"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import CalendarProposal, CatalogPort, Holiday, SignedInUser
from ui.common import i18n
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.common.thai_date_edit import ThaiDateEdit

__all__ = ["HolidayDialog", "ProposalDialog", "day_text"]

_FALLBACK = (
    "บันทึกวันหยุดไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The holidays could not be saved because of an internal error. Please tell your administrator.",
)


def day_text(day: date, language: str) -> str:
    from services.api import format_english_date, format_thai_date

    return format_thai_date(day) if language == "th" else format_english_date(day)


class HolidayDialog(Retranslating, QDialog):
    """A holiday's date, Thai and English names, and whether the date is confirmed.

    Signals:
        holiday_did_enter(object): the :class:`~services.api.Holiday` entered.
    """

    holiday_did_enter = Signal(object)

    def __init__(self, start: Holiday | None, default_day: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HolidayDialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        form = QFormLayout()
        day = start.day if start else default_day
        self.day = ThaiDateEdit(day)
        self.name_th = QLineEdit(start.name_th if start else "")
        self.name_en = QLineEdit(start.name_en if start else "")
        self.confirmed = QCheckBox()
        self.confirmed.setChecked(start.confirmed if start else True)
        self._labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        for label, widget in zip(
            self._labels, (self.day, self.name_th, self.name_en, self.confirmed), strict=True
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        body.addLayout(form)
        foot = add_dialog_foot(self, body, self.submit)
        self.error, self.cancel_button, self.ok_button = foot.error, foot.cancel, foot.primary
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Holiday"))
        for label, text in zip(
            self._labels,
            (
                self.tr("&Date"),
                self.tr("Name (&Thai)"),
                self.tr("Name (&English)"),
                self.tr("Con&firmed"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.confirmed.setText(self.tr("The date is in the Cabinet's final announcement"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("&Preview…"))

    def submit(self) -> None:
        th, en = self.name_th.text().strip(), self.name_en.text().strip()
        if not th or not en:
            self.error.show_message(
                "กรุณากรอกชื่อวันหยุดทั้งภาษาไทยและภาษาอังกฤษ",
                "Please enter the holiday's name in both Thai and English.",
            )
            (self.name_th if not th else self.name_en).setFocus()
            return
        day = self.day.day()
        self.holiday_did_enter.emit(Holiday(day, th, en, self.confirmed.isChecked()))
        self.accept()


class ProposalDialog(Retranslating, QDialog):
    """What a change of the holidays does, before it is saved.

    Signals:
        calendar_did_change(int): saved; the new calendar version.
    """

    calendar_did_change = Signal(int)

    def __init__(
        self,
        port: CatalogPort,
        runner: TaskRunner,
        user: SignedInUser,
        proposal: CalendarProposal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ProposalDialog")
        self.setModal(True)
        self.setMinimumSize(760, 480)
        self._port, self._runner, self._user = port, runner, user
        self.proposal = proposal
        self._busy = False
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        body.addWidget(self.summary)
        self.moves_title = named(QLabel(), "SectionTitle")
        body.addWidget(self.moves_title)
        self.moves = named(QTableWidget(0, 4), "MovesTable")
        self.moves.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.moves.verticalHeader().hide()
        self.moves.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.moves.horizontalHeader().setStretchLastSection(True)
        body.addWidget(self.moves, 1)
        foot = add_dialog_foot(self, body, self.submit, primary_is_default=False)
        self.error, self.cancel_button, self.save_button = foot.error, foot.cancel, foot.primary
        self.retranslate()

    def retranslate(self) -> None:
        language = i18n.current_language()
        proposal = self.proposal
        self.setWindowTitle(self.tr("Check before saving the holidays"))
        lines = []
        for holiday in proposal.added:
            name = holiday.name_th if language == "th" else holiday.name_en
            flag = "" if holiday.confirmed else " " + self.tr("(to confirm)")
            lines.append(
                self.tr("Added: {day} {name}").format(
                    day=day_text(holiday.day, language), name=name
                )
                + flag
            )
        for holiday in proposal.removed:
            name = holiday.name_th if language == "th" else holiday.name_en
            lines.append(
                self.tr("Removed: {day} {name}").format(
                    day=day_text(holiday.day, language), name=name
                )
            )
        if not lines:
            lines.append(self.tr("The holidays stay as they are."))
        self.summary.setText("\n".join(lines))
        if proposal.moves:
            self.moves_title.setText(
                self.tr("{n} open request(s) get a new due date:").format(n=len(proposal.moves))
            )
        else:
            self.moves_title.setText(self.tr("No open request's due date moves."))
        self.moves.setVisible(bool(proposal.moves))
        self.moves.setHorizontalHeaderLabels(
            [
                self.tr("Tracking no."),
                self.tr("Service"),
                self.tr("Due now"),
                self.tr("New due date"),
            ]
        )
        self.moves.setRowCount(len(proposal.moves))
        for index, move in enumerate(proposal.moves):
            cells = (
                move.tracking_number,
                move.service_code,
                format_date(move.old_due, language),
                format_date(move.new_due, language),
            )
            for column, text in enumerate(cells):
                self.moves.setItem(index, column, QTableWidgetItem(text))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("&Save as a new calendar version"))

    def submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        port, user, proposal = self._port, self._user, self.proposal
        self._runner.run(
            lambda: port.save_calendar(user, proposal), self._done, owner=self, label="calendar"
        )

    def _done(self, version: int | None, error: BaseException | None) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if error is not None or version is None:
            self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        self.calendar_did_change.emit(version)
        self.accept()
