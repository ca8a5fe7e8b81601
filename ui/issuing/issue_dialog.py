"""Confirm the licence about to be issued, where it holds, and how the approver signs it.

The ways of signing are the service's (``IssuingPort.signing_ways``, DGA table 4.1): the USB
token with its PIN and, when the token holds more than one, the certificate the approver
chooses (a digital signature, type 2 or 3); a PKCS#12 file where the agency allows it; the
sign-in password (a type-1 record) only where the service allows type 1. For a service that
needs type 2 or higher the password way is shown but disabled, with the reason, so the
approver is not left guessing. The services check the type again.

The signing part is :class:`~ui.common.signing_form.SigningForm`, the approval's own; the
secret becomes a ``Pin`` only when the approver presses the button, and the field is emptied
at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from services.api import IssuingPort, KeyKind, SignedInUser, SigningChoice, ToIssueRow
from ui.common import i18n
from ui.common.dialog_body import add_dialog_heading, add_field_under_label
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.signing_form import SigningForm
from ui.common.tasks import TaskRunner

__all__ = ["IssueDialog"]


class IssueDialog(Retranslating, QDialog):
    """Names the licence, confirms its premises, offers the service's ways of signing."""

    def __init__(
        self,
        row: ToIssueRow,
        port: IssuingPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("IssueDialog")
        self.setModal(True)
        self.setMinimumWidth(640)
        self._row = row
        self._choice: SigningChoice | None = None
        self.needs_token = row.min_signature_type > 1
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = add_dialog_heading(body)
        # The licence says where it holds; nothing at intake asks, so it is confirmed here.
        self.premises = named(QLineEdit(row.premises), "PremisesAddress")
        self.premises.setMaxLength(500)
        self.premises.setCursorPosition(0)
        self.premises_label = add_field_under_label(body, self.premises)
        self.renews = named(QLineEdit(), "RenewsLicence")
        self.renews_label = add_field_under_label(body, self.renews)
        # Until the service answers, what the row already says: the password only for type 1.
        first_ways: tuple[KeyKind, ...] = ("token",) if self.needs_token else ("token", "record")
        self.signing = SigningForm(
            runner,
            lambda: port.signing_tokens(user),
            lambda label, pin: port.signing_certificates(user, label, pin),
            first_ways,
        )
        body.addWidget(self.signing)
        foot = add_dialog_foot(self, body, self.submit)
        self.error, self.cancel_button, self.ok_button = foot.error, foot.cancel, foot.primary
        self.signing.report_to(foot)
        if not self.needs_token:
            self.signing.record_radio.setChecked(True)  # type 1 is enough: the usual way
        self.retranslate()
        minimum = row.min_signature_type
        runner.run(
            lambda: port.signing_ways(user, minimum), self._ways_known, pool="io", owner=self,
            label="signing ways",
        )  # fmt: skip

    def _ways_known(self, ways: tuple[KeyKind, ...] | None, error: BaseException | None) -> None:
        if error is not None:
            self.signing.failed.emit(error)  # told in the foot, as a token's failure is
            return
        self.signing.set_ways(ways or ())

    def submit(self) -> None:
        self.error.clear()
        self._choice = self.signing.take_choice()
        self.accept()

    def choice(self) -> SigningChoice | None:
        """The way chosen (taken once: the secret is handed on, not kept here)."""
        choice, self._choice = self._choice, None
        return choice

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue licence"))
        row = self._row
        service = row.service_th if i18n.current_language() == "th" else row.service_en
        self.heading.setText(
            self.tr("Issue the licence for request {number} ({service}) to {applicant}?").format(
                number=row.tracking_number, service=service, applicant=row.applicant
            )
        )
        self.signing.explain_refusal(
            self.tr(
                "This service's risk needs a type {kind} signature or higher on its licence: "
                "sign with the USB token."
            ).format(kind=row.min_signature_type)
        )
        self.premises_label.setText(self.tr("Pre&mises address:"))
        self.premises.setPlaceholderText(self.tr("number, road, sub-district, district, province"))
        self.renews_label.setText(self.tr("&Renews licence (number or code; empty if new):"))
        self.renews.setPlaceholderText(self.tr("e.g. 12/2568"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Issue and sign"))
        if self.isVisible():
            self.adjustSize()  # the reason may wrap to more lines in the other language
