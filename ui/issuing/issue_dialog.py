"""Confirm the licence about to be issued and say how the approver signs it.

Two ways, as the service's risk allows (DGA table 4.1): the USB token with its PIN (a digital
signature, type 2 or 3), or the sign-in password (a type-1 record) where the service allows
type 1. For a service that needs type 2 or higher the password way is shown but disabled,
with the reason, so the approver is not left guessing. The services check the type again.

The secret's text becomes a ``Pin`` only when the approver presses the button, and the field
is emptied at once. The tokens are listed off the GUI thread (a token may be slow to answer).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.api import IssuingPort, Pin, SignedInUser, SigningChoice, ToIssueRow, TokenInfo
from ui.common import i18n
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.naming import named
from ui.common.tasks import TaskRunner

__all__ = ["IssueDialog"]

_FALLBACK = (
    "อ่านโทเคนไม่ได้เนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The token could not be read because of an internal error. Please tell your administrator.",
)


class IssueDialog(QDialog):
    """Names the licence, offers the ways of signing the service allows, takes the secret."""

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
        self.setMinimumWidth(560)
        self._row = row
        self._port = port
        self._runner = runner
        self._user = user
        self._choice: SigningChoice | None = None
        self.needs_token = row.min_signature_type > 1
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = named(QLabel(), "DialogHeading")
        self.heading.setWordWrap(True)
        body.addWidget(self.heading)
        self.token_radio = named(QRadioButton(), "TokenWay")
        self.record_radio = named(QRadioButton(), "PasswordWay")
        self.ways = QButtonGroup(self)
        for button in (self.token_radio, self.record_radio):
            self.ways.addButton(button)
            body.addWidget(button)
            button.toggled.connect(self._way_changed)
        self.why_token = named(QLabel(), "WhyToken")
        self.why_token.setWordWrap(True)
        self.why_token.setVisible(self.needs_token)
        body.addWidget(self.why_token)
        self.token_row = QWidget()
        token_layout = QHBoxLayout(self.token_row)
        token_layout.setContentsMargins(24, 0, 0, 0)
        self.token_label = QLabel()
        self.token_combo = named(QComboBox(), "TokenCombo")
        self.token_combo.setMinimumWidth(260)
        self.token_label.setBuddy(self.token_combo)
        token_layout.addWidget(self.token_label)
        token_layout.addWidget(self.token_combo, 1)
        body.addWidget(self.token_row)
        # The licence says where it holds; nothing at intake asks, so it is confirmed here.
        self.premises_label = QLabel()
        self.premises = named(QLineEdit(row.premises), "PremisesAddress")
        self.premises.setMaxLength(500)
        self.premises.setCursorPosition(0)
        self.premises_label.setBuddy(self.premises)
        body.addWidget(self.premises_label)
        body.addWidget(self.premises)
        self.renews_label = QLabel()
        self.renews = named(QLineEdit(), "RenewsLicence")
        self.renews_label.setBuddy(self.renews)
        body.addWidget(self.renews_label)
        body.addWidget(self.renews)
        self.password_label = QLabel()
        self.password = named(QLineEdit(), "IssuePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.password_label.setBuddy(self.password)
        body.addWidget(self.password_label)
        body.addWidget(self.password)
        foot = add_dialog_foot(self, body, self.submit)
        self.error, self.cancel_button, self.ok_button = foot.error, foot.cancel, foot.primary
        self.password.textChanged.connect(self._update_ready)
        self.record_radio.setEnabled(not self.needs_token)
        (self.token_radio if self.needs_token else self.record_radio).setChecked(True)
        self.retranslate()
        self._load_tokens()

    def _load_tokens(self) -> None:
        port, user = self._port, self._user

        def done(tokens: list[TokenInfo] | None, error: BaseException | None) -> None:
            self.token_combo.clear()
            if error is not None:
                # No token module or no reader: the password way may still do (type 1).
                if self.token_radio.isChecked():
                    self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            for token in tokens or []:
                if token.label:
                    self.token_combo.addItem(f"{token.label} ({token.model})", token.label)
            self._update_ready()

        self._runner.run(
            lambda: port.signing_tokens(user), done, pool="io", owner=self, label="tokens"
        )

    def _way_changed(self, *_: Any) -> None:
        self.token_row.setVisible(self.token_radio.isChecked())
        self._retranslate_secret()
        self._update_ready()

    def _update_ready(self, *_: Any) -> None:
        ready = bool(self.password.text())
        if self.token_radio.isChecked():
            ready = ready and bool(self.token_combo.currentData())
        self.ok_button.setEnabled(ready)

    def submit(self) -> None:
        secret = Pin(self.password.text())
        self.password.clear()  # the dialog does not keep it
        if self.token_radio.isChecked():
            self._choice = SigningChoice("token", str(self.token_combo.currentData()),
                                         secret=secret)  # fmt: skip
        else:
            self._choice = SigningChoice("record", secret=secret)
        self.accept()

    def choice(self) -> SigningChoice | None:
        """The way chosen (taken once: the secret is handed on, not kept here)."""
        choice, self._choice = self._choice, None
        return choice

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _retranslate_secret(self) -> None:
        if self.token_radio.isChecked():
            self.password_label.setText(self.tr("Token &PIN:"))
        else:
            self.password_label.setText(self.tr("Your sign-in &password:"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue licence"))
        row = self._row
        service = row.service_th if i18n.current_language() == "th" else row.service_en
        self.heading.setText(
            self.tr("Issue the licence for request {number} ({service}) to {applicant}?").format(
                number=row.tracking_number, service=service, applicant=row.applicant
            )
        )
        self.token_radio.setText(self.tr("USB token (digital signature, type 2 or 3)"))
        self.record_radio.setText(self.tr("Confirm with my sign-in password (type 1)"))
        self.why_token.setText(
            self.tr(
                "This service's risk needs a type {kind} signature or higher on its licence: "
                "sign with the USB token."
            ).format(kind=row.min_signature_type)
        )
        self.token_label.setText(self.tr("&Token:"))
        self.premises_label.setText(self.tr("Pre&mises address:"))
        self.premises.setPlaceholderText(self.tr("number, road, sub-district, district, province"))
        self.renews_label.setText(self.tr("&Renews licence (number or code; empty if new):"))
        self.renews.setPlaceholderText(self.tr("e.g. 12/2568"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Issue and sign"))
        self._retranslate_secret()
