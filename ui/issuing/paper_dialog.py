"""Register a paper licence: one the agency issued on paper before Anuyat, typed in by hand so
that "Check a licence" by its number finds it (M20).

The officer types what the paper says — number, licensee, subject, the dates as Thai offices
write them (1/3/2565, in date fields that read the Buddhist year in Thai and start empty, so no
date is proposed that the paper does not say; the expiry left empty is "no expiry") and, if
printed, the premises. A typed date that is no date is named in the dialog before anything is
sent (it is never taken as "no expiry"). The services check it and record it;
a number already in the register is refused there (one unique constraint) and the message,
in the officer's language, shows in the dialog with nothing lost from the form. Only
approvers and supervisors see the button that opens this (the access table decides).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.api import IssuingPort, PaperLicence, RegisteredPaper, SignedInUser
from ui.common.dialog_body import add_dialog_heading, add_labelled_fields
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.common.thai_date_edit import ThaiDateEdit

__all__ = ["PaperLicenceDialog"]

_FALLBACK = (
    "บันทึกใบอนุญาตฉบับกระดาษไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The paper licence could not be registered because of an internal error. Please tell your "
    "administrator.",
)


class PaperLicenceDialog(Retranslating, QDialog):
    """Accepted once the services registered it; ``registered`` then holds the answer."""

    def __init__(
        self,
        port: IssuingPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PaperLicenceDialog")
        self.setMinimumWidth(560)
        self._port, self._runner, self._user = port, runner, user
        self.registered: RegisteredPaper | None = None
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = add_dialog_heading(body)
        self.number = named(QLineEdit(), "PaperNumber")
        self.licensee = named(QLineEdit(), "PaperLicensee")
        self.subject = named(QLineEdit(), "PaperSubject")
        self.issued = named(ThaiDateEdit(may_be_empty=True), "PaperIssued")
        self.expires = named(ThaiDateEdit(may_be_empty=True), "PaperExpires")
        for field in (self.issued, self.expires):
            field.open_popup_on(port.today())
        self.premises = named(QLineEdit(), "PaperPremises")
        self.number.setMaxLength(60)
        self.licensee.setMaxLength(300)
        self.subject.setMaxLength(500)
        self.premises.setMaxLength(500)
        self._labels = add_labelled_fields(
            body,
            (self.number, self.licensee, self.subject, self.issued, self.expires, self.premises),
        )
        foot = add_dialog_foot(self, body, self.register)
        self.error, self.cancel_button, self.register_button = foot.error, foot.cancel, foot.primary
        self.retranslate()
        self.number.setFocus()

    def paper(self) -> PaperLicence:
        return PaperLicence(
            number=self.number.text(),
            licensee=self.licensee.text(),
            subject=self.subject.text(),
            issued=self.issued.iso(),
            expires=self.expires.iso(),
            premises=self.premises.text(),
        )

    def register(self) -> None:
        self.error.clear()
        for field, th, en in (
            (self.issued, "วันที่ออก", "The date issued"),
            (self.expires, "วันหมดอายุ", "The expiry date"),
        ):
            problem = field.problem(th, en)
            if problem is not None:  # never sent as "no expiry": the officer corrects it
                self.error.show_message(*problem)
                self._grow_to_fit()
                field.setFocus()
                return
        port, user, paper = self._port, self._user, self.paper()
        self.register_button.setEnabled(False)

        def done(registered: RegisteredPaper | None, error: BaseException | None) -> None:
            self.register_button.setEnabled(True)
            if error is not None or registered is None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                self._grow_to_fit()
                return  # what was typed stays, to be corrected
            self.registered = registered
            self.accept()

        self._runner.run(
            lambda: port.register_paper(user, paper), done, owner=self, label="register paper"
        )

    def _grow_to_fit(self) -> None:
        """Taller by the error box, so the fields keep their height (never narrower)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register a paper licence"))
        self.heading.setText(
            self.tr(
                "A licence the agency issued on paper before this system: type what is printed "
                "on it, so a check by its number finds it. The register will say it was "
                "registered from paper, by you, today."
            )
        )
        texts = (
            self.tr("&Number:"),
            self.tr("&Licensee:"),
            self.tr("&Subject:"),
            self.tr("&Issued on:"),
            self.tr("&Expires on:"),
            self.tr("&Premises:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.number.setPlaceholderText(self.tr("As printed, e.g. 15/2565"))
        self.licensee.setPlaceholderText(self.tr("The licensee's name, as printed"))
        self.subject.setPlaceholderText(self.tr("What the licence is for, as printed"))
        self.issued.lineEdit().setPlaceholderText(self.tr("Day/month/year, e.g. 1/3/2022"))
        self.expires.lineEdit().setPlaceholderText(self.tr("Empty if it has no expiry"))
        self.premises.setPlaceholderText(self.tr("If printed on the licence"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.register_button.setText(self.tr("&Register"))
