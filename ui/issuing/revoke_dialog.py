"""Revoke a licence in the register: the system's own or one registered from paper.

The officer writes the reason (required: the public register shows it, and the holder is told
it by letter when the request gave an address; for a paper licence the officer tells the
holder on paper). The services check who may revoke which entry and record it; a refusal, in
the officer's language, shows in the dialog with the reason kept. The page offers this only
on a row the services marked revocable for this officer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from services.api import IssuedRow, IssuingPort, SignedInUser
from ui.common import i18n
from ui.common.dialog_body import add_dialog_heading, add_field_under_label
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["RevokeDialog"]

_FALLBACK = (
    "เพิกถอนใบอนุญาตไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The licence could not be revoked because of an internal error. Please tell your "
    "administrator.",
)
_MAX_REASON = 1000


class RevokeDialog(Retranslating, QDialog):
    """Accepted once the services recorded the revocation."""

    def __init__(
        self,
        row: IssuedRow,
        port: IssuingPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RevokeDialog")
        self.setMinimumWidth(560)
        self.row = row
        self._port, self._runner, self._user = port, runner, user
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = add_dialog_heading(body)
        self.what = named(QLabel(), "Muted")
        self.what.setWordWrap(True)
        body.addWidget(self.what)
        self.reason = named(QPlainTextEdit(), "RevokeReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(96)
        self.reason.textChanged.connect(self._update_ready)
        self.reason_label = add_field_under_label(body, self.reason, wrap=True)
        foot = add_dialog_foot(self, body, self.revoke)
        self.error, self.cancel_button, self.revoke_button = foot.error, foot.cancel, foot.primary
        self.retranslate()
        self._update_ready()
        self.reason.setFocus()

    def _update_ready(self) -> None:
        text = self.reason.toPlainText().strip()
        self.revoke_button.setEnabled(bool(text) and len(text) <= _MAX_REASON)

    def revoke(self) -> None:
        if not self.revoke_button.isEnabled():
            return
        port, user, issued_id = self._port, self._user, self.row.issued_id
        reason = self.reason.toPlainText()
        self.error.clear()
        self.revoke_button.setEnabled(False)

        def done(_result: object, error: BaseException | None) -> None:
            self._update_ready()
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                self.resize(self.width(), max(self.height(), self.sizeHint().height()))
                return  # the reason stays, to be corrected
            self.accept()

        self._runner.run(
            lambda: port.revoke(user, issued_id, reason), done, owner=self, label="revoke licence"
        )

    def retranslate(self) -> None:
        row = self.row
        self.setWindowTitle(self.tr("Revoke a licence"))
        self.heading.setText(
            self.tr("Revoke licence {number}? This cannot be undone.").format(number=row.number)
        )
        if row.origin == "paper":
            told = self.tr(
                "A paper licence: no letter is sent; tell the holder on paper. The public "
                "register and a check by its number will show it revoked, with the reason."
            )
        else:
            told = self.tr(
                "The holder is sent the reason with the right to appeal; the public register "
                "and a check by its number will show it revoked."
            )
        subject = row.subject_th if i18n.current_language() == "th" else row.subject_en
        self.what.setText(f"{row.licensee} — {subject}\n{told}")
        self.reason_label.setText(
            self.tr("&Reason for revoking (the holder and the public read it)")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.revoke_button.setText(self.tr("Re&voke"))
