"""Dialogs that move one request between desks: classify it (intake), withdraw it at the
applicant's wish (intake, reviewer), send it back to the reviewer (approver, finance), refuse
it (approver).

Each makes its one change as a :class:`~ui.common.call_dialog.CallDialog` (a refusal shown in
place; closed only when the change was made). Which of them an officer is offered is the
services' answer (``allowed_actions``), not decided here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from services.api import (
    ApplicationRow,
    ApprovalPort,
    IntakePort,
    ReviewPort,
    ServiceOption,
    SignedInUser,
)
from ui.common import i18n
from ui.common.call_dialog import CallDialog
from ui.common.dialog_body import add_dialog_heading, add_field_under_label
from ui.common.naming import named
from ui.common.tasks import TaskRunner

__all__ = ["ClassifyDialog", "RefuseDialog", "ReturnToReviewDialog", "WithdrawDialog"]

_MAX_TEXT = 2000

PortT = TypeVar("PortT")


class _RequestDialog(CallDialog):
    """A form about one request: its number and subject at the top, then the form."""

    def __init__(self, runner: TaskRunner, row: ApplicationRow, parent: QWidget | None) -> None:
        super().__init__(runner, 620, parent)
        self._row = row
        self.heading = add_dialog_heading(self.body)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.subject = named(QLabel(row.subject), "Muted")
        self.subject.setWordWrap(True)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setVisible(bool(row.subject))
        self.body.addWidget(self.subject)

    def showEvent(self, event: QShowEvent) -> None:
        # Wrapped Thai lines need their full height at the dialog's width.
        self.adjustSize()
        super().showEvent(event)


class ClassifyDialog(_RequestDialog):
    """Intake names the service and the kind of applicant of an unclassified request."""

    def __init__(
        self,
        port: IntakePort,
        runner: TaskRunner,
        user: SignedInUser,
        row: ApplicationRow,
        services: list[ServiceOption],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, row, parent)
        self.setObjectName("ClassifyDialog")
        self._port = port
        self._user = user
        self._services = services
        self.service = named(QComboBox(), "ClassifyService")
        self.service.setMinimumContentsLength(40)
        self._service_label = add_field_under_label(self.body, self.service)
        self._kind_label = QLabel()
        self.body.addWidget(self._kind_label)
        kinds = QHBoxLayout()
        self.person = named(QRadioButton(), "KindPerson")
        self.juristic = named(QRadioButton(), "KindJuristic")
        self._kinds = QButtonGroup(self)
        for button in (self.person, self.juristic):
            self._kinds.addButton(button)
            kinds.addWidget(button)
            button.toggled.connect(self.update_ready)
        kinds.addStretch(1)
        self.body.addLayout(kinds)
        self._sla_note = named(QLabel(), "Muted")
        self._sla_note.setWordWrap(True)
        # Two wrapped Thai lines with their marks above and below: room for three.
        self._sla_note.setMinimumHeight(self._sla_note.fontMetrics().lineSpacing() * 3)
        self.body.addWidget(self._sla_note)
        self.service.currentIndexChanged.connect(self.update_ready)
        self.finish_layout()
        self.retranslate()
        self.update_ready()
        self.service.setFocus()

    def _fill_services(self) -> None:
        chosen = self.service.currentData()
        language = i18n.current_language()
        self.service.blockSignals(True)
        self.service.clear()
        self.service.addItem(self.tr("Choose a service…"), None)
        for option in self._services:
            name = option.name_th if language == "th" else option.name_en or option.name_th
            self.service.addItem(f"{name} ({option.code})", option.code)
        index = self.service.findData(chosen) if chosen else 0
        self.service.setCurrentIndex(max(index, 0))
        self.service.blockSignals(False)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Classify request"))
        self.heading.setText(
            self.tr("Which service is request {number} for?").format(
                number=self._row.tracking_number
            )
        )
        self._service_label.setText(self.tr("&Service"))
        self._kind_label.setText(self.tr("Applicant"))
        self.person.setText(self.tr("&Person"))
        self.juristic.setText(self.tr("&Juristic person"))
        self._sla_note.setText(
            self.tr(
                "The processing time counts from when the request was deemed received. The "
                "applicant is sent the processing time and the due date."
            )
        )
        self.ok_button.setText(self.tr("Classify"))
        self._fill_services()

    def ready(self) -> bool:
        return bool(self.service.currentData()) and (
            self.person.isChecked() or self.juristic.isChecked()
        )

    def call(self) -> Callable[[], Any]:
        port, user, app_id = self._port, self._user, self._row.id
        code = str(self.service.currentData())
        kind = "juristic" if self.juristic.isChecked() else "person"
        return lambda: port.classify(user, app_id, code, kind)


class _NoteDialog(_RequestDialog, Generic[PortT]):
    """A request and a required text (a reason or a note), then one call on ``port``.

    Its subclasses differ only in their words and in the call; they are built alike:
    ``Dialog(port, runner, user, row, parent)``, named after their class, focus in the text.
    """

    def __init__(
        self,
        port: PortT,
        runner: TaskRunner,
        user: SignedInUser,
        row: ApplicationRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, row, parent)
        self.setObjectName(type(self).__name__)
        self._port = port
        self._user = user
        self.text = named(QPlainTextEdit(), "DialogText")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(110)
        self.text.textChanged.connect(self.update_ready)
        self._text_label = add_field_under_label(self.body, self.text, wrap=True)
        self.finish_layout()
        self.retranslate()
        self.update_ready()
        self.text.setFocus()

    def ready(self) -> bool:
        text = self.text.toPlainText().strip()
        return bool(text) and len(text) <= _MAX_TEXT


class WithdrawDialog(_NoteDialog[IntakePort]):
    """An officer closes a request the applicant withdraws, saying how she asked."""

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Withdraw request"))
        self.heading.setText(
            self.tr(
                "Close request {number} as withdrawn by the applicant? This cannot be undone; "
                "the applicant is sent a confirmation."
            ).format(number=self._row.tracking_number)
        )
        self._text_label.setText(
            self.tr("&How did the applicant ask to withdraw? (kept in the history, not sent)")
        )
        self.ok_button.setText(self.tr("Withdraw request"))

    def call(self) -> Callable[[], Any]:
        port, user, app_id = self._port, self._user, self._row.id
        reason = self.text.toPlainText()
        return lambda: port.withdraw(user, app_id, reason)


class ReturnToReviewDialog(_NoteDialog[ReviewPort]):
    """An approver or finance officer sends the request back to the reviewer with a note."""

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Send back to the reviewer"))
        self.heading.setText(
            self.tr("Send request {number} back to the reviewer?").format(
                number=self._row.tracking_number
            )
        )
        self._text_label.setText(
            self.tr("&What should the reviewer look at again? (the reviewer sees this note)")
        )
        self.ok_button.setText(self.tr("Send back"))

    def call(self) -> Callable[[], Any]:
        port, user, app_id = self._port, self._user, self._row.id
        note = self.text.toPlainText()
        return lambda: port.return_to_review(user, app_id, note)


class RefuseDialog(_NoteDialog[ApprovalPort]):
    """The approver refuses a reviewed request; the applicant is told the reasons."""

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Refuse request"))
        self.heading.setText(
            self.tr(
                "Refuse request {number}? The applicant is sent these reasons with the right "
                "to appeal."
            ).format(number=self._row.tracking_number)
        )
        self._text_label.setText(self.tr("&Reasons for refusing (the applicant reads them)"))
        self.ok_button.setText(self.tr("Refuse request"))

    def call(self) -> Callable[[], Any]:
        port, user, app_id = self._port, self._user, self._row.id
        reasons = self.text.toPlainText()
        return lambda: port.refuse(user, app_id, reasons)
