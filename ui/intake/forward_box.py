"""A forwarded request's applicant, in the request's details: the proposal and the decision.

When a clerk forwards a citizen's mail to the intake address, intake proposes the original
sender as the applicant and sends no acknowledgement yet. :class:`ForwardBox` sits in the
details panel; for a forwarded request it says who forwarded it and whom it names, and lets
an intake officer (the access table decides) confirm the original sender or keep the
forwarder. The acknowledgement then goes to the one confirmed. Read and decided in the
database worker, failures shown inline in Thai and English.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from services.api import ApplicationRow, ForwardProposal, IntakePort, SignedInUser
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["ForwardBox"]


def _person(name: str, address: str) -> str:
    return f"{name} <{address}>" if name and address else address or name


class ForwardBox(Retranslating, QFrame):
    """Shown only for a forwarded request.

    Signals:
        applicant_did_change(str application_id): intake confirmed who the applicant is.
    """

    applicant_did_change = Signal(str)

    def __init__(
        self,
        port: IntakePort,
        user: SignedInUser,
        runner: TaskRunner,
        *,
        can_confirm: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DecisionBox")
        self._port = port
        self._user = user
        self._runner = runner
        self._can_confirm = can_confirm
        self._application_id: str | None = None
        self._row: ApplicationRow | None = None
        self._proposal: ForwardProposal | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        # One above the other: the details panel is narrow and both labels are long.
        self.original_button = named(QPushButton(), "Primary")
        self.original_button.clicked.connect(lambda: self.confirm(True))
        self.forwarder_button = QPushButton()
        self.forwarder_button.clicked.connect(lambda: self.confirm(False))
        layout.addWidget(self.original_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.forwarder_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.error_box = ErrorBox()
        layout.addWidget(self.error_box)
        self.hide()
        self.retranslate()

    @property
    def proposal(self) -> ForwardProposal | None:
        return self._proposal

    def show_for(self, row: ApplicationRow) -> None:
        """Read the proposal of ``row`` (e-mail requests only) and show it, or hide."""
        self._generation += 1
        generation = self._generation
        self._application_id = row.id
        self._row = row
        self._proposal = None
        self.error_box.clear()
        self.hide()
        if row.channel != "email":
            return
        port, user, application_id = self._port, self._user, row.id

        def done(proposal: ForwardProposal | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if error is not None:
                self.show()
                self.error_box.show_error(
                    error,
                    fallback_th="อ่านข้อมูลผู้ส่งต่อของคำขอนี้ไม่ได้ ลองเปิดใหม่อีกครั้ง",
                    fallback_en="Could not read who forwarded this request. Open it again.",
                )
                return
            self._proposal = proposal
            self._fill()

        self._runner.run(
            lambda: port.forward_proposal(user, application_id),
            done,
            pool="db",
            owner=self,
            label="forward.read",
        )

    def confirm(self, take_original: bool) -> None:
        if self._application_id is None or self._proposal is None or not self._can_confirm:
            return
        port, user, application_id = self._port, self._user, self._application_id
        self._set_busy(True)

        def done(_result: Any, error: BaseException | None) -> None:
            self._set_busy(False)
            if error is not None:
                self.error_box.show_error(
                    error,
                    fallback_th="ยืนยันผู้ยื่นไม่สำเร็จ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                    fallback_en="Could not confirm the applicant. Try again; if it keeps "
                    "failing, tell your administrator.",
                )
                return
            self.applicant_did_change.emit(application_id)
            if self._row is not None and self._row.id == application_id:
                self.show_for(self._row)  # the decision, as the store has it now

        self._runner.run(
            lambda: port.confirm_applicant(user, application_id, take_original),
            done,
            pool="db",
            owner=self,
            label="forward.confirm",
        )

    def _set_busy(self, busy: bool) -> None:
        pending = self._proposal is not None and self._proposal.decision is None
        for button in (self.original_button, self.forwarder_button):
            button.setEnabled(self._can_confirm and pending and not busy)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Forwarded request"))
        self.original_button.setText(self.tr("The original sender is the applicant"))
        self.original_button.setToolTip(
            self.tr("The acknowledgement and later letters go to the original sender")
        )
        self.forwarder_button.setText(self.tr("Keep the forwarder"))
        self.forwarder_button.setToolTip(
            self.tr("The one who forwarded it stays the applicant and is acknowledged")
        )
        self._fill()

    def _fill(self) -> None:
        proposal = self._proposal
        if proposal is None:
            self.hide()
            return
        original = _person(proposal.original_name, proposal.original_address)
        forwarder = _person(proposal.forwarder_name, proposal.forwarder_address)
        if proposal.decision is None:
            text = self.tr(
                "{forwarder} forwarded this request; it names {original} as its sender. "
                "Who is the applicant? No acknowledgement was sent yet."
            )
        elif proposal.decision == "original":
            text = self.tr(
                "Forwarded by {forwarder}. Confirmed: the applicant is the original sender, "
                "{original}."
            )
        else:
            text = self.tr(
                "Forwarded by {forwarder}, naming {original}. Confirmed: the forwarder stays "
                "the applicant."
            )
        self.text.setText(text.format(forwarder=forwarder, original=original))
        pending = proposal.decision is None
        self.original_button.setVisible(pending and self._can_confirm)
        self.forwarder_button.setVisible(pending and self._can_confirm)
        self._set_busy(False)
        self.show()
