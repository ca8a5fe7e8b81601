"""The agency's bank account and PromptPay details, as payment notices print them.

The form only types: the services check the PromptPay ID by building a payment QR with it
(a mistyped ID is refused when saved, not when an applicant's bank refuses the QR) and
record the change as an event.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from services.api.settings import AccountDetails
from ui.common.naming import named

__all__ = ["FeeAccountForm"]

_KINDS = ("", "credit_transfer", "bill_payment")


class FeeAccountForm(QWidget):
    """Signals: values_did_change(): the administrator edited a field."""

    values_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        self.account_name_th = named(QLineEdit(), "FeeAccountName")
        self.bank_name_th = named(QLineEdit(), "FeeBankTh")
        self.bank_name_en = named(QLineEdit(), "FeeBankEn")
        self.account_number = named(QLineEdit(), "FeeAccountNumber")
        self.promptpay_kind = named(QComboBox(), "FeePromptPayKind")
        for kind in _KINDS:
            self.promptpay_kind.addItem("", kind)
        self.promptpay_id = named(QLineEdit(), "FeePromptPayId")
        self._labels = [named(QLabel(), "FormLabel") for _ in range(6)]
        fields: list[QWidget] = [
            self.account_name_th, self.bank_name_th, self.bank_name_en, self.account_number,
            self.promptpay_kind, self.promptpay_id,
        ]  # fmt: skip
        for label, field in zip(self._labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        for line in (self.account_name_th, self.bank_name_th, self.bank_name_en,
                     self.account_number, self.promptpay_id):  # fmt: skip
            line.textEdited.connect(lambda _text: self.values_did_change.emit())
        self.promptpay_kind.activated.connect(lambda _index: self.values_did_change.emit())
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            self.tr("Account &name"),
            self.tr("&Bank and branch (Thai)"),
            self.tr("Bank and branch (&English)"),
            self.tr("Account n&umber"),
            self.tr("&PromptPay"),
            self.tr("PromptPay &ID or biller ID"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        names = {
            "": self.tr("None: the notice gives the account only"),
            "credit_transfer": self.tr("Transfer to a PromptPay ID (phone or tax ID)"),
            "bill_payment": self.tr("Bill payment to a biller ID (Transaction ID as reference)"),
        }
        for index in range(self.promptpay_kind.count()):
            self.promptpay_kind.setItemText(index, names[self.promptpay_kind.itemData(index)])
        self.promptpay_id.setPlaceholderText(
            self.tr("10-digit phone, 13-digit tax ID or 15-digit biller ID")
        )
        self.account_number.setPlaceholderText(self.tr("e.g. 123-4-56789-0"))

    def set_details(self, details: AccountDetails) -> None:
        self.account_name_th.setText(details.account_name_th)
        self.bank_name_th.setText(details.bank_name_th)
        self.bank_name_en.setText(details.bank_name_en)
        self.account_number.setText(details.account_number)
        index = self.promptpay_kind.findData(details.promptpay_kind)
        self.promptpay_kind.setCurrentIndex(max(index, 0))
        self.promptpay_id.setText(details.promptpay_id)

    def details(self) -> AccountDetails:
        return AccountDetails(
            bank_name_th=self.bank_name_th.text(),
            bank_name_en=self.bank_name_en.text(),
            account_number=self.account_number.text(),
            account_name_th=self.account_name_th.text(),
            promptpay_kind=str(self.promptpay_kind.currentData() or ""),
            promptpay_id=self.promptpay_id.text(),
        )
