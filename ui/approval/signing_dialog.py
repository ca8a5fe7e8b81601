"""Confirm a batch and say how to sign it: the USB token (PIN, then the certificate), the
sign-in password (a type-1 approval record), or a PKCS#12 file where the agency allows it.

The ways, the token's certificates and the secret are :class:`~ui.common.signing_form.SigningForm`,
which the issue dialog uses too. Which ways are offered is the service's answer
(``ApprovalPort.batch_signing_ways``: the batch's strictest service and the agency's
settings); until it answers only the token is offered, the one way every batch may use. The
PIN becomes a ``Pin`` only when the approver presses the button, and the field is emptied at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    ApprovalPort,
    ApprovalSummary,
    BatchWays,
    KeyKind,
    SignedInUser,
    SigningChoice,
)
from ui.common import i18n
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.signing_form import SigningForm
from ui.common.tasks import TaskRunner

__all__ = ["SigningDialog"]

_TOKEN_ONLY: tuple[KeyKind, ...] = ("token",)


class SigningDialog(Retranslating, QDialog):
    """The list to approve, how to sign, the secret. ``choice()`` after it is accepted."""

    def __init__(
        self,
        port: ApprovalPort,
        runner: TaskRunner,
        user: SignedInUser,
        summaries: list[ApprovalSummary],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SigningDialog")
        self.setModal(True)
        self.setMinimumWidth(640)
        self._summaries = summaries
        self._choice: SigningChoice | None = None
        self._needs_type = 0
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = named(QLabel(), "DialogHeading")
        self.heading.setWordWrap(True)
        body.addWidget(self.heading)
        self.items = named(QListWidget(), "BatchList")
        # The officer must read what they sign: a long service name wraps onto a second
        # line rather than running off the edge, and the whole line is the item's tooltip.
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListView.ResizeMode.Adjust)
        self.items.setMaximumHeight(160)
        body.addWidget(self.items)
        self.signing = SigningForm(
            runner,
            lambda: port.tokens(user),
            lambda label, pin: port.token_certificates(user, label, pin),
            _TOKEN_ONLY,
        )
        body.addWidget(self.signing)
        foot = add_dialog_foot(self, body, self.submit)
        self.error, self.cancel_button, self.ok_button = foot.error, foot.cancel, foot.primary
        self.signing.report_to(foot)
        self.retranslate()
        ids = [s.detail.row.id for s in summaries]
        runner.run(
            lambda: port.batch_signing_ways(user, ids), self._ways_known, pool="io", owner=self,
            label="signing ways",
        )  # fmt: skip

    def _ways_known(self, found: BatchWays | None, error: BaseException | None) -> None:
        if error is not None:
            self.signing.failed.emit(error)  # told in the foot, as a token's failure is
            return
        if found is None:
            return
        self._needs_type = found.min_signature_type
        self.signing.set_ways(found.ways)
        self._explain()

    def submit(self) -> None:
        self.error.clear()
        self._choice = self.signing.take_choice()
        self.accept()

    def choice(self) -> SigningChoice | None:
        """The choice made (taken once: the PIN is handed on, not kept here)."""
        choice, self._choice = self._choice, None
        return choice

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Approve and sign"))
        self.heading.setText(
            self.tr("Approve and sign these {count} requests with one PIN?").format(
                count=len(self._summaries)
            )
        )
        self.items.clear()
        language = i18n.current_language()
        for summary in self._summaries:
            row = summary.detail.row
            service = row.service_name_th if language == "th" else row.service_name_en
            text = self.tr("{number} — {service} (needs type {kind} or higher)").format(
                number=row.tracking_number, service=service, kind=summary.min_signature_type
            )
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.items.addItem(item)
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Approve and sign"))
        self._explain()

    def _explain(self) -> None:
        if not self._needs_type:
            return  # not known yet: nothing to explain
        self.signing.explain_refusal(
            self.tr(
                "A request in this batch needs a type {kind} signature or higher: "
                "sign with the USB token."
            ).format(kind=self._needs_type)
        )
        if self.isVisible():
            self.adjustSize()  # the reason may wrap to more lines in the other language
