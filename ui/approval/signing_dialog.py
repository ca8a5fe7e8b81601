"""Confirm a batch and say how to sign it: the USB token (PIN), the sign-in password (a
type-1 approval record), or a PKCS#12 file where the agency allows it.

The PIN field is masked; its text becomes a ``Pin`` only when the approver presses the
button, and the field is emptied at once. Reading the tokens and their certificates runs off
the GUI thread (a token may be slow to answer).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    ApprovalPort,
    ApprovalSummary,
    Pin,
    SignedInUser,
    SigningChoice,
    TokenCertificate,
    TokenInfo,
)
from ui.common import i18n
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.tasks import TaskRunner

__all__ = ["SigningDialog"]

_FALLBACK = (
    "อ่านโทเคนไม่ได้เนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The token could not be read because of an internal error. Please tell your administrator.",
)


class SigningDialog(QDialog):
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
        self._port = port
        self._runner = runner
        self._user = user
        self._summaries = summaries
        self._choice: SigningChoice | None = None
        self._certificates: list[TokenCertificate] = []
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = named(QLabel(), "DialogHeading")
        self.heading.setWordWrap(True)
        body.addWidget(self.heading)
        self.items = named(QListWidget(), "BatchList")
        self.items.setMaximumHeight(120)
        body.addWidget(self.items)
        self.token_radio = QRadioButton()
        self.record_radio = QRadioButton()
        self.pkcs12_radio = QRadioButton()
        self.methods = QButtonGroup(self)
        for button in (self.token_radio, self.record_radio, self.pkcs12_radio):
            self.methods.addButton(button)
            body.addWidget(button)
            button.toggled.connect(self._method_changed)
        self.token_row = QWidget()
        token_layout = QHBoxLayout(self.token_row)
        token_layout.setContentsMargins(24, 0, 0, 0)
        self.token_label = QLabel()
        self.token_combo = named(QComboBox(), "TokenCombo")
        self.token_combo.setMinimumWidth(220)
        self.read_button = QPushButton()
        self.read_button.clicked.connect(self.read_certificates)
        token_layout.addWidget(self.token_label)
        token_layout.addWidget(self.token_combo, 1)
        token_layout.addWidget(self.read_button)
        body.addWidget(self.token_row)
        self.certificate_combo = named(QComboBox(), "CertificateCombo")
        body.addWidget(self.certificate_combo)
        self.file_row = QWidget()
        file_layout = QHBoxLayout(self.file_row)
        file_layout.setContentsMargins(24, 0, 0, 0)
        self.file_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        file_layout.addWidget(self.file_edit, 1)
        file_layout.addWidget(self.browse_button)
        body.addWidget(self.file_row)
        self.secret_label = QLabel()
        self.secret = named(QLineEdit(), "SecretField")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.secret_label.setBuddy(self.secret)
        body.addWidget(self.secret_label)
        body.addWidget(self.secret)
        foot = add_dialog_foot(self, body, self.submit)
        self.error, self.cancel_button, self.ok_button = foot.error, foot.cancel, foot.primary
        self.secret.textChanged.connect(self._update_ready)
        self.token_radio.setChecked(True)
        self.retranslate()
        self._load_tokens()

    # -- the tokens -----------------------------------------------------------------------

    def _load_tokens(self) -> None:
        port, user = self._port, self._user

        def done(tokens: list[TokenInfo] | None, error: BaseException | None) -> None:
            self.token_combo.clear()
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            for token in tokens or []:
                if token.label:
                    self.token_combo.addItem(f"{token.label} ({token.model})", token.label)
            self._update_ready()

        self._runner.run(lambda: port.tokens(user), done, pool="io", owner=self, label="tokens")

    def read_certificates(self) -> None:
        """The certificates on the chosen token (most tokens ask for the PIN first)."""
        label = self.token_combo.currentData()
        if not label:
            return
        port, user, pin = self._port, self._user, Pin(self.secret.text())
        self.read_button.setEnabled(False)
        self.error.clear()

        def done(found: list[TokenCertificate] | None, error: BaseException | None) -> None:
            self.read_button.setEnabled(True)
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._certificates = list(found or [])
            self._fill_certificates()

        self._runner.run(
            lambda: port.token_certificates(user, label, pin), done, pool="io", owner=self,
            label="token certificates",
        )  # fmt: skip

    def _fill_certificates(self) -> None:
        chosen = self.certificate_combo.currentData()  # kept across a language switch
        self.certificate_combo.clear()
        language = i18n.current_language()
        for cert in self._certificates:
            facts = cert.facts
            usage = self.tr("signing") if facts.signs else self.tr("not for signing")
            text = self.tr("{subject} — issued by {issuer}, valid to {until}, {usage}").format(
                subject=facts.subject,
                issuer=facts.issuer,
                until=format_date(facts.not_after, language, with_time=False),
                usage=usage,
            )
            self.certificate_combo.addItem(text, cert.key_id)
        if chosen is not None and self.certificate_combo.findData(chosen) >= 0:
            self.certificate_combo.setCurrentIndex(self.certificate_combo.findData(chosen))
        self.certificate_combo.setVisible(bool(self._certificates))
        self._update_ready()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("PKCS#12 file"), "", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if path:
            self.file_edit.setText(path)

    # -- the choice -----------------------------------------------------------------------

    def _method_changed(self, *_: Any) -> None:
        token = self.token_radio.isChecked()
        self.token_row.setVisible(token)
        self.certificate_combo.setVisible(token and bool(self._certificates))
        self.file_row.setVisible(self.pkcs12_radio.isChecked())
        self._retranslate_secret()
        self._update_ready()

    def _update_ready(self, *_: Any) -> None:
        ok = bool(self.secret.text())
        if self.token_radio.isChecked():
            ok = ok and bool(self.token_combo.currentData())
        self.ok_button.setEnabled(ok)

    def submit(self) -> None:
        pin = Pin(self.secret.text())
        self.secret.clear()  # the dialog does not keep it
        if self.record_radio.isChecked():
            self._choice = SigningChoice("record", secret=pin)
        elif self.pkcs12_radio.isChecked():
            self._choice = SigningChoice("pkcs12", pkcs12_path=self.file_edit.text(), secret=pin)
        else:
            key_id = self.certificate_combo.currentData() if self._certificates else b""
            self._choice = SigningChoice(
                "token", str(self.token_combo.currentData()), key_id or b"", secret=pin
            )
        self.accept()

    def choice(self) -> SigningChoice | None:
        """The choice made (taken once: the PIN is handed on, not kept here)."""
        choice, self._choice = self._choice, None
        return choice

    # -- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
            self.items.addItem(
                self.tr("{number} — {service} (needs type {kind} or higher)").format(
                    number=row.tracking_number, service=service, kind=summary.min_signature_type
                )
            )
        self.token_radio.setText(self.tr("USB token (digital signature, type 2 or 3)"))
        self.record_radio.setText(self.tr("Approval record confirmed with my password (type 1)"))
        self.pkcs12_radio.setText(self.tr("PKCS#12 file, where the agency allows it (type 2)"))
        self.token_label.setText(self.tr("Token:"))
        self.read_button.setText(self.tr("Show certificates"))
        self.browse_button.setText(self.tr("Choose file…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Approve and sign"))
        self._retranslate_secret()
        self._fill_certificates()

    def _retranslate_secret(self) -> None:
        if self.record_radio.isChecked():
            self.secret_label.setText(self.tr("&Your sign-in password"))
        elif self.pkcs12_radio.isChecked():
            self.secret_label.setText(self.tr("&Password of the PKCS#12 file"))
        else:
            self.secret_label.setText(self.tr("Token &PIN (never stored)"))
