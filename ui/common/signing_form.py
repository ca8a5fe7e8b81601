"""How an officer signs, for every dialog that signs (the approval's batch, a licence's issue):
the USB token (its PIN, then the certificate when the token holds more than one), a PKCS#12
file where the agency allows it, or the sign-in password (a type-1 record).

One widget so the dialogs cannot drift apart: the approval's dialog had the certificate picker
and the issue dialog a smaller copy without it. The host says which ways the service allows
(``set_ways``); a way the service's risk refuses stays visible but disabled, beside the
host's reason, so the officer is not left guessing.

The secret field is masked; its text becomes a ``Pin`` only in :meth:`SigningForm.take_choice`,
which empties the field at once. Tokens and certificates are read off the GUI thread (a token
may be slow to answer).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.api import KeyKind, Pin, SigningChoice, TokenCertificate, TokenInfo
from ui.common import i18n
from ui.common.dialog_buttons import DialogFoot
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["ALL_WAYS", "TOKEN_FALLBACK", "SigningForm"]

ALL_WAYS: tuple[KeyKind, ...] = ("token", "record", "pkcs12")

TOKEN_FALLBACK = (
    "อ่านโทเคนไม่ได้เนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The token could not be read because of an internal error. Please tell your administrator.",
)
"""What a failure that is not an ``AnuyatError`` is told (Thai, English)."""


class SigningForm(Retranslating, QWidget):
    """The ways, the token and its certificates, the file, the secret.

    ``ready_changed(bool)``: whether enough is filled in to sign; ``failed(error)``: a token
    could not be read (the host shows it in its error box, with :data:`TOKEN_FALLBACK`).
    """

    ready_changed = Signal(bool)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        tokens: Callable[[], list[TokenInfo]],
        certificates: Callable[[str, Pin], list[TokenCertificate]],
        ways: Collection[KeyKind] = ALL_WAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SigningForm")
        self._runner = runner
        self._read_certificates_of = certificates
        self._certificates: list[TokenCertificate] = []
        self._ways: tuple[KeyKind, ...] = tuple(ways)
        body = QVBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        self.token_radio = named(QRadioButton(), "TokenWay")
        self.record_radio = named(QRadioButton(), "PasswordWay")
        self.pkcs12_radio = named(QRadioButton(), "Pkcs12Way")
        self.methods = QButtonGroup(self)
        for button in (self.token_radio, self.record_radio, self.pkcs12_radio):
            self.methods.addButton(button)
            body.addWidget(button)
            button.toggled.connect(self._method_changed)
        # Why the password way is disabled: the host's words (they name its service's risk).
        self.why_token = named(QLabel(), "WhyToken")
        self.why_token.setWordWrap(True)
        # Under the refused way it explains, in the ordinary text colour: the way itself is
        # greyed (the theme's disabled colour), its reason must stay easy to read.
        self.why_token.setContentsMargins(26, 0, 0, 0)
        body.addWidget(self.why_token)
        self.token_row = QWidget()
        token_layout = QHBoxLayout(self.token_row)
        token_layout.setContentsMargins(24, 0, 0, 0)
        self.token_label = QLabel()
        self.token_combo = named(QComboBox(), "TokenCombo")
        self.token_combo.setMinimumWidth(220)
        self.token_label.setBuddy(self.token_combo)
        self.read_button = named(QPushButton(), "ShowCertificates")
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
        self.file_edit = named(QLineEdit(), "Pkcs12File")
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
        self.secret.textChanged.connect(self._update_ready)
        self.token_combo.currentIndexChanged.connect(self._update_ready)
        self.file_edit.textChanged.connect(self._update_ready)
        self.set_ways(self._ways)
        self.retranslate()
        self._load_tokens(tokens)

    def report_to(self, foot: DialogFoot) -> None:
        """Let the dialog's foot follow the form: its primary button enabled once enough is
        filled in, a token that cannot be read told in its error box (cleared when the
        officer asks for the certificates again)."""
        error = foot.error
        self.ready_changed.connect(foot.primary.setEnabled)
        self.failed.connect(
            lambda e: error.show_error(
                e, fallback_th=TOKEN_FALLBACK[0], fallback_en=TOKEN_FALLBACK[1]
            )
        )
        self.read_button.clicked.connect(error.clear)
        foot.primary.setEnabled(self.is_ready())

    # -- the ways -------------------------------------------------------------------------

    def set_ways(self, ways: Collection[KeyKind]) -> None:
        """Offer ``ways``. The password way stays visible when refused (``why_token`` says
        why, if the host wrote a reason); a PKCS#12 file the agency does not allow is hidden:
        that is the agency's policy, not this request's."""
        self._ways = tuple(ways)
        self.token_radio.setVisible("token" in ways)
        self.record_radio.setEnabled("record" in ways)
        self.pkcs12_radio.setVisible("pkcs12" in ways)
        checked = self.methods.checkedButton()
        if checked is None or not checked.isEnabled() or checked.isHidden():
            preferred = self.token_radio if "token" in ways else self.record_radio
            preferred.setChecked(True)
        self._method_changed()

    def explain_refusal(self, text: str) -> None:
        """The host's reason the password way is refused (shown only while it is)."""
        self.why_token.setText(text)
        self._method_changed()

    def way(self) -> KeyKind:
        if self.record_radio.isChecked():
            return "record"
        if self.pkcs12_radio.isChecked():
            return "pkcs12"
        return "token"

    # -- the tokens -----------------------------------------------------------------------

    def _load_tokens(self, tokens: Callable[[], list[TokenInfo]]) -> None:
        def done(found: list[TokenInfo] | None, error: BaseException | None) -> None:
            self.token_combo.clear()
            if error is not None:
                # No token module or no reader: another way may still do (the password).
                if self.token_radio.isChecked():
                    self.failed.emit(error)
                return
            for token in found or []:
                if token.label:
                    self.token_combo.addItem(f"{token.label} ({token.model})", token.label)
            self._update_ready()

        self._runner.run(tokens, done, pool="io", owner=self, label="tokens")

    def read_certificates(self) -> None:
        """The certificates on the chosen token (most tokens ask for the PIN first)."""
        label = self.token_combo.currentData()
        if not label:
            return
        read, pin = self._read_certificates_of, Pin(self.secret.text())
        self.read_button.setEnabled(False)

        def done(found: list[TokenCertificate] | None, error: BaseException | None) -> None:
            self.read_button.setEnabled(True)
            if error is not None:
                self.failed.emit(error)
                return
            self._certificates = list(found or [])
            self._fill_certificates()

        self._runner.run(
            lambda: read(str(label), pin), done, pool="io", owner=self, label="token certificates"
        )

    def _fill_certificates(self) -> None:
        chosen = self.certificate_combo.currentData()  # kept across a language switch
        self.certificate_combo.clear()
        language = i18n.current_language()
        for cert in self._certificates:
            facts = cert.facts
            usage = self.tr("signing") if facts.signs else self.tr("not for signing")
            # What tells two apart comes first (a long issuer may be cut off at the end);
            # the whole line is in the open list and the tooltip.
            text = self.tr("{subject} — {usage}, valid to {until}, issued by {issuer}").format(
                subject=facts.subject,
                issuer=facts.issuer,
                until=format_date(facts.not_after, language, with_time=False),
                usage=usage,
            )
            self.certificate_combo.addItem(text, cert.key_id)
            index = self.certificate_combo.count() - 1
            self.certificate_combo.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)
        if chosen is not None and self.certificate_combo.findData(chosen) >= 0:
            self.certificate_combo.setCurrentIndex(self.certificate_combo.findData(chosen))
        self.certificate_combo.setVisible(self.token_radio.isChecked() and bool(self._certificates))
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
        self.why_token.setVisible(not self.record_radio.isEnabled() and bool(self.why_token.text()))
        self._retranslate_secret()
        self._update_ready()

    def is_ready(self) -> bool:
        way = self.way()
        if not self.secret.text() or way not in self._ways:
            return False
        if way == "token":
            return bool(self.token_combo.currentData())
        if way == "pkcs12":
            return bool(self.file_edit.text().strip())
        return True

    def _update_ready(self, *_: Any) -> None:
        self.ready_changed.emit(self.is_ready())

    def take_choice(self) -> SigningChoice:
        """The choice made, with the secret; the field is emptied (the form does not keep it)."""
        pin = Pin(self.secret.text())
        self.secret.clear()
        way = self.way()
        if way == "record":
            return SigningChoice("record", secret=pin)
        if way == "pkcs12":
            return SigningChoice("pkcs12", pkcs12_path=self.file_edit.text(), secret=pin)
        key_id = self.certificate_combo.currentData() if self._certificates else b""
        return SigningChoice(
            "token", str(self.token_combo.currentData()), key_id or b"", secret=pin
        )

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.token_radio.setText(self.tr("USB token (digital signature, type 2 or 3)"))
        self.record_radio.setText(self.tr("Confirm with my sign-in password (type 1 record)"))
        self.pkcs12_radio.setText(self.tr("PKCS#12 file, where the agency allows it (type 2)"))
        self.token_label.setText(self.tr("&Token:"))
        self.read_button.setText(self.tr("Show certificates"))
        self.browse_button.setText(self.tr("Choose file…"))
        self._retranslate_secret()
        self._fill_certificates()

    def _retranslate_secret(self) -> None:
        if self.record_radio.isChecked():
            self.secret_label.setText(self.tr("&Your sign-in password"))
        elif self.pkcs12_radio.isChecked():
            self.secret_label.setText(self.tr("&Password of the PKCS#12 file"))
        else:
            self.secret_label.setText(self.tr("Token &PIN (never stored)"))
