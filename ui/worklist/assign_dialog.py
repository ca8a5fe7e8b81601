"""Assign one request or a batch to a named officer, or route it to a section, with a note.

The officers and sections come from the services (``assign_targets``). When the assignment
would pass over older requests still waiting, the services answer ``OutOfOrder`` (code
``out_of_order``) and the dialog asks for the reason in place, as opening a request out of
turn does; the reason goes into the audit trail with the assignment.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.api import ApplicationRow, AssignResult, Officer, SignedInUser, WorklistPort
from ui.common.dialog_body import add_dialog_heading
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.errors import bilingual
from ui.common.formatting import roles_text
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["AssignDialog"]

_FALLBACK = (
    "มอบหมายไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The assignment failed because of an internal error. Please tell your administrator.",
)
_MAX_NOTE = 2000


class AssignDialog(Retranslating, QDialog):
    """The requests, who gets them (officer or section), a note, and — when asked — why
    older requests are passed over.

    Signals:
        assignment_did_succeed(object AssignResult): the services assigned; then it closes.
    """

    assignment_did_succeed = Signal(object)

    def __init__(
        self,
        port: WorklistPort,
        runner: TaskRunner,
        user: SignedInUser,
        rows: list[ApplicationRow],
        officers: list[Officer],
        sections: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AssignDialog")
        self.setModal(True)
        self.setMinimumWidth(640)
        self._port, self._runner, self._user = port, runner, user
        self._rows = rows
        self._busy = False
        self._officers = [o for o in officers if o.roles - {"admin"}]
        self._sections = sections

        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        body.setSpacing(8)
        self.heading = add_dialog_heading(body)
        self.numbers = named(QLabel(), "Muted")
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.numbers)

        self.to_officer = named(QRadioButton(), "AssignToOfficer")
        self.officer = named(QComboBox(), "AssignOfficer")
        self.officer.setMinimumContentsLength(30)
        self.to_section = named(QRadioButton(), "AssignToSection")
        self.section = named(QComboBox(), "AssignSection")
        self._who = QButtonGroup(self)
        for radio, combo in ((self.to_officer, self.officer), (self.to_section, self.section)):
            self._who.addButton(radio)
            line = QHBoxLayout()
            line.addWidget(radio)
            line.addWidget(combo, 1)
            body.addLayout(line)
        self.to_section.setEnabled(bool(sections))
        self.to_officer.setChecked(True)

        self.note_label = named(QLabel(), "FormLabel")
        self.note = named(QPlainTextEdit(), "AssignNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 16)
        self.note_label.setBuddy(self.note)
        body.addWidget(self.note_label)
        body.addWidget(self.note)
        self.note_hint = named(QLabel(), "Muted")
        self.note_hint.setWordWrap(True)
        body.addWidget(self.note_hint)

        # Shown only when the services say older requests would be passed over.
        self.order_th = named(QLabel(), "OutOfOrderTh")
        self.order_en = named(QLabel(), "Muted")
        self.reason_label = named(QLabel(), "FormLabel")
        self.reason = named(QLineEdit(), "AssignReason")
        self.reason.setMaxLength(1000)
        self.reason_label.setBuddy(self.reason)
        for widget in (self.order_th, self.order_en, self.reason_label, self.reason):
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
            widget.hide()
            body.addWidget(widget)
        self.reason.textChanged.connect(self._update)
        for radio in (self.to_officer, self.to_section):
            radio.toggled.connect(self._update)

        foot = add_dialog_foot(self, body, self.submit)
        self.error, self.cancel_button, self.ok_button = foot.error, foot.cancel, foot.primary
        # Ctrl+Enter assigns from the note box too (Enter there is a new line).
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        self.retranslate()
        self._update()
        self.officer.setFocus()

    # -- the choice -----------------------------------------------------------------------

    def needs_reason(self) -> bool:
        return not self.reason.isHidden()

    def _update(self, *_: Any) -> None:
        self.officer.setEnabled(self.to_officer.isChecked())
        self.section.setEnabled(self.to_section.isChecked())
        ready = not self._busy and (not self.needs_reason() or bool(self.reason.text().strip()))
        self.ok_button.setEnabled(ready)

    def submit(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        ids = tuple(r.id for r in self._rows)
        officer = self.officer.currentData() if self.to_officer.isChecked() else None
        section = self.section.currentData() if self.to_section.isChecked() else None
        note = self.note.toPlainText()[:_MAX_NOTE]
        reason = self.reason.text().strip() if self.needs_reason() else None
        port, user = self._port, self._user
        self._busy = True
        self._update()
        self.error.clear()

        def call() -> AssignResult:
            return port.assign(
                user,
                ids,
                to_officer=officer,
                to_section=section,
                note=note,
                out_of_order_reason=reason,
            )

        self._runner.run(call, self._done, owner=self, label="worklist.assign")

    def _done(self, result: AssignResult | None, error: BaseException | None) -> None:
        self._busy = False
        if error is not None:
            if getattr(error, "code", None) == "out_of_order" and not self.needs_reason():
                self._ask_reason(error)
            else:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            self._update()
            self.adjustSize()
            return
        self.assignment_did_succeed.emit(result)
        self.accept()

    def _ask_reason(self, error: BaseException) -> None:
        th, en = bilingual(error, "", "")
        self.order_th.setText(th)
        self.order_en.setText(en)
        for widget in (self.order_th, self.order_en, self.reason_label, self.reason):
            widget.show()
        self.ok_button.setText(self.tr("Assign out of turn"))
        self.reason.setFocus()

    # -- language and size ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.adjustSize()
        super().showEvent(event)

    def retranslate(self) -> None:
        count = len(self._rows)
        self.setWindowTitle(self.tr("Assign"))
        if count == 1:
            self.heading.setText(
                self.tr("Assign request {number}").format(number=self._rows[0].tracking_number)
            )
        else:
            self.heading.setText(self.tr("Assign {count} requests").format(count=count))
        shown = ", ".join(r.tracking_number for r in self._rows[:12])
        more = count - 12
        self.numbers.setText(shown + (self.tr(" and {n} more").format(n=more) if more > 0 else ""))
        self.to_officer.setText(self.tr("To &officer"))
        self.to_section.setText(self.tr("To &section"))
        self.note_label.setText(self.tr("&Note for the officer (internal, optional)"))
        self.note_hint.setText(
            self.tr(
                "Kept as an internal note on each request: later officers and the approver "
                "read it; the applicant never does."
            )
        )
        self.reason_label.setText(self.tr("&Reason for passing over earlier requests"))
        self.cancel_button.setText(self.tr("Cancel"))
        if not self.needs_reason():
            self.ok_button.setText(self.tr("Assign"))
        chosen_officer, chosen_section = self.officer.currentData(), self.section.currentData()
        self.officer.clear()
        for person in self._officers:
            self.officer.addItem(
                f"{person.display_name} ({roles_text(person.roles)})", person.username
            )
        self.officer.setCurrentIndex(max(self.officer.findData(chosen_officer), 0))
        self.section.clear()
        for name in self._sections:
            self.section.addItem(name, name)
        self.section.setCurrentIndex(max(self.section.findData(chosen_section), 0))
        self.adjustSize()
