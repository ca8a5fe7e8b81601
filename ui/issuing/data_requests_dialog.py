"""Requests for a licence's data (M21): record one as it comes in (by e-mail or at the
counter), see what is due within its three business days, and send the answer.

The services count the deadline, check who may do this and send the licence's XML and PDF
through the outbox; this dialog only asks and shows. Reading and writing run off the GUI
thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import DataRequestRow, IssuingPort, SignedInUser
from ui.common import i18n
from ui.common.dialog_body import add_dialog_heading
from ui.common.errors import ErrorBox
from ui.common.formatting import days_text, format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.issuing.channels import channel_name
from ui.issuing.tables import RowsTable

__all__ = ["DataRequestsDialog"]

_FALLBACK = (
    "ทำรายการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be done because of an internal error. Please tell your administrator.",
)


class DataRequestsDialog(Retranslating, QDialog):
    """Signals: requests_did_change(): one was recorded or answered (the alerts change)."""

    requests_did_change = Signal()

    def __init__(
        self, port: IssuingPort, runner: TaskRunner, user: SignedInUser, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DataRequestsDialog")
        self.setMinimumSize(720, 520)
        self._port = port
        self._runner = runner
        self._user = user
        self.rows: list[DataRequestRow] = []
        self._notice: Callable[[], str] | None = None
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = add_dialog_heading(body)
        form = QFormLayout()
        self.reference_label, self.reference = QLabel(), named(QLineEdit(), "DataReference")
        self.requester_label, self.requester = QLabel(), named(QLineEdit(), "DataRequester")
        self.email_label, self.email = QLabel(), named(QLineEdit(), "DataEmail")
        for label, field in ((self.reference_label, self.reference),
                             (self.requester_label, self.requester),
                             (self.email_label, self.email)):  # fmt: skip
            label.setBuddy(field)
            form.addRow(label, field)
        body.addLayout(form)
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        self.record_button = named(QPushButton(), "Primary")
        self.record_button.clicked.connect(self.record)
        record_row.addWidget(self.record_button)
        body.addLayout(record_row)
        self.error = ErrorBox(dismissable=True)
        body.addWidget(self.error)
        self.notice = named(QLabel(), "DataNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        body.addWidget(self.notice)
        self.table = RowsTable("DataRequestTable", 4)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        body.addWidget(self.table, 1)
        foot = QHBoxLayout()
        self.answer_button = named(QPushButton(), "AnswerData")
        self.answer_button.clicked.connect(self.answer_selected)
        foot.addWidget(self.answer_button)
        foot.addStretch(1)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        foot.addWidget(self.close_button)
        body.addLayout(foot)
        self.retranslate()
        self.refresh()

    # --- asking the services ------------------------------------------------------------

    def _run(self, work: Callable[[], Any], then: Callable[[Any], None], label: str) -> None:
        self.error.clear()

        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            then(result)

        self._runner.run(work, done, owner=self, label=label)

    def refresh(self) -> None:
        port, user = self._port, self._user
        self._run(lambda: port.data_requests(user), self._fill, "data requests")

    def record(self) -> None:
        port, user = self._port, self._user
        reference, who, email = self.reference.text(), self.requester.text(), self.email.text()

        def recorded(_: object) -> None:
            for field in (self.reference, self.requester, self.email):
                field.clear()
            self._tell(lambda: self.tr("Recorded; it is due in three business days."))
            self.requests_did_change.emit()
            self.refresh()

        self._run(lambda: port.record_data_request(user, reference, who, email), recorded,
                  "record data request")  # fmt: skip

    def answer_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        port, user = self._port, self._user

        def answered(channel: str) -> None:
            if channel == "email":
                self._tell(
                    lambda: self.tr("The licence's data was sent to {email}.").format(
                        email=row.email
                    )
                )
            else:
                self._tell(
                    lambda: self.tr("Recorded as handed over at the counter: print the licence.")
                )
            self.requests_did_change.emit()
            self.refresh()

        self._run(lambda: port.answer_data_request(user, row.request_id), answered,
                  "answer data request")  # fmt: skip

    # --- showing ------------------------------------------------------------------------

    def _tell(self, text: Callable[[], str]) -> None:
        """Show a notice, kept as a way to write it so a language switch rewrites it."""
        self._notice = text
        self.notice.setText(text())
        self.notice.show()

    def _fill(self, rows: list[DataRequestRow] | None = None) -> None:
        if rows is not None:
            self.rows = rows
        language = i18n.current_language()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            due = format_date(row.due_at, language)
            if row.answered_at is None:
                due += f" ({days_text(row.business_days_left)})"
                answered = self.tr("Not yet")
            else:
                # Answered by e-mail or handed over at the counter (the services' two ways).
                answered = f"{channel_name(row.channel)} · {format_date(row.answered_at, language)}"
            values = (row.number, row.requester, due, answered)
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _selected(self) -> DataRequestRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen else None

    def _update_buttons(self) -> None:
        row = self._selected()
        self.answer_button.setEnabled(row is not None and row.answered_at is None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Requests for licence data"))
        self.heading.setText(
            self.tr(
                "Someone asks what a licence says: record it here. The answer is due within "
                "three business days, free of charge."
            )
        )
        self.reference_label.setText(self.tr("&Licence number or code:"))
        self.requester_label.setText(self.tr("&Asked by:"))
        self.email_label.setText(self.tr("&E-mail for the answer:"))
        self.email.setPlaceholderText(self.tr("Empty: handed over at the counter"))
        self.record_button.setText(self.tr("&Record request"))
        self.answer_button.setText(self.tr("&Send the data"))
        self.close_button.setText(self.tr("Close"))
        if self._notice is not None:
            self.notice.setText(self._notice())
        self.table.setHorizontalHeaderLabels(
            [self.tr("Licence"), self.tr("Asked by"), self.tr("Due"), self.tr("Answered")]
        )
        self._fill()
