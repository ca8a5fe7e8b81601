"""The finance officer's page: payments waiting, first come first served; the slip on the
left, what is expected on the right; verify (the receipt is made and mailed) or reject with a
reason the applicant is told.

Evidence to check comes first (oldest first), then payments still due. What the officer may
do is the services' to decide: the page is shown only to those the access table lets verify
payments, and every call is checked again there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.api import FeesPort, PaymentRow, SignedInUser
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.formatting import baht_exact, format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tables import choice_table
from ui.common.tasks import TaskRunner
from ui.fees.cash import CashBox
from ui.fees.inbox import FinanceInbox
from ui.fees.ledger_bar import LedgerBar
from ui.fees.list_tab import FALLBACK, choose_again
from ui.fees.refunds import RefundsOwed
from ui.fees.slip_image import show_slip_when_read, slip_and_details

__all__ = ["FeesPage"]


def _satang(text: str) -> int | None:
    """The amount typed, for the note beside it only; None when it is not a plain amount."""
    cleaned = text.strip().replace(",", "")
    whole, dot, part = cleaned.partition(".")
    if not whole.isdigit() or len(whole) > 9 or (dot and not (part.isdigit() and len(part) <= 2)):
        return None
    return int(whole) * 100 + (int(part.ljust(2, "0")) if part else 0)


class FeesPage(Retranslating, QWidget):
    """Signals:
    queue_did_change(int): how many wait for finance (slips to check, and slips in the
        finance inbox), read again.
    applications_did_change(): a decision moved requests (lists elsewhere).
    """

    queue_did_change = Signal(int)
    applications_did_change = Signal()

    def __init__(
        self, port: FeesPort, user: SignedInUser, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FeesPage")
        self._port = port
        self._user = user
        self._runner = runner
        self.rows: list[PaymentRow] = []
        self.current: PaymentRow | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.title = named(QLabel(), "PageTitle")
        self.error = ErrorBox(dismissable=True)
        self.ledger = LedgerBar(port, user, runner, self.error)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.ledger)
        outer.addLayout(heading)
        outer.addWidget(self.error)
        # The state is the column the officer reads first: never cut, the payer gives way.
        self.table = choice_table("PaymentQueue", 5, stretch=1)
        self.table.currentCellChanged.connect(lambda row, *_: self._choose(row))
        splitter, self.slip = slip_and_details(
            "FeesSplitter", "SlipImage", self._build_side(), (460, 420)
        )
        payments = QWidget()
        lower = QVBoxLayout(payments)
        lower.setContentsMargins(0, 4, 0, 0)
        lower.addWidget(self.table, 1)
        lower.addWidget(splitter, 3)
        self.cash = CashBox(port, user, runner, self.error)
        self.cash.cash_recorded.connect(self._cash_taken)
        lower.addWidget(self.cash)
        self.inbox = FinanceInbox(port, user, runner)
        self.inbox.payments_did_change.connect(self.refresh)
        self.inbox.inbox_did_change.connect(self._inbox_counted)
        self.tabs = named(QTabWidget(), "FeesTabs")
        self.tabs.addTab(payments, "")
        self.tabs.addTab(self.inbox, "")
        self.refunds = RefundsOwed(port, user, runner)
        self.refunds.refunds_did_change.connect(self._refunds_counted)
        self.tabs.addTab(self.refunds, "")
        self._refund_count = 0
        self._inbox_count = 0
        self._to_check = 0
        outer.addWidget(self.tabs, 1)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.verify)
        self.retranslate()
        self._show(None)

    def _build_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("tracking", "payer", "service", "amount", "txid", "slip", "due"):
            label, value = QLabel(), named(QLabel(), f"Fee_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key], self.values[key] = label, value
            form.addRow(label, value)
        column.addLayout(form)
        self.warning = named(QLabel(), "FeeWarning")
        self.warning.setWordWrap(True)
        column.addWidget(self.warning)
        paid_row = QHBoxLayout()
        self.paid_label = QLabel()
        self.paid = named(QLineEdit(), "PaidAmount")
        self.paid.setMaximumWidth(160)
        paid_row.addWidget(self.paid_label)
        paid_row.addWidget(self.paid)
        paid_row.addStretch(1)
        column.addLayout(paid_row)
        self.paid_note = named(QLabel(), "Hint")
        self.paid_note.setWordWrap(True)
        self.paid.textChanged.connect(self._explain_paid)
        column.addWidget(self.paid_note)
        self.reason_label = QLabel()
        column.addWidget(self.reason_label)
        self.reason = named(QPlainTextEdit(), "RejectReason")
        self.reason.setMaximumHeight(56)
        column.addWidget(self.reason)
        buttons = QHBoxLayout()
        self.verify_button = named(QPushButton(), "Primary")
        self.verify_button.clicked.connect(self.verify)
        self.reject_button = QPushButton()
        self.reject_button.clicked.connect(self.reject)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        return side

    def retranslate(self) -> None:
        self.title.setText(self.tr("Payments to verify"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tracking number"), self.tr("Payer"), self.tr("Amount (baht)"),
             self.tr("Transaction ID"), self.tr("State")]
        )  # fmt: skip
        names = {
            "tracking": self.tr("Tracking number"),
            "payer": self.tr("Payer"),
            "service": self.tr("Service"),
            "amount": self.tr("Expected amount"),
            "txid": self.tr("Transaction ID"),
            "slip": self.tr("Slip (bank, reference)"),
            "due": self.tr("Pay by"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self.paid_label.setText(self.tr("Amount on the slip, if not the expected one:"))
        self.paid.setPlaceholderText(self.tr("e.g. 150.00"))
        self.reason_label.setText(
            self.tr("Reason, if the slip is not accepted (the applicant is told):")
        )
        self.tabs.setTabText(0, self.tr("Payments"))
        self._inbox_counted(self._inbox_count)
        self._refunds_counted(self._refund_count)
        self.verify_button.setText(self.tr("Verify and issue the receipt (Ctrl+Enter)"))
        self.reject_button.setText(self.tr("Reject the slip…"))
        self._fill_table()
        self._show(self.current)

    # --- reading ---------------------------------------------------------------------------

    def _cash_taken(self, _receipt_number: str) -> None:
        self.applications_did_change.emit()
        self.refresh()

    def _inbox_counted(self, count: int) -> None:
        changed = count != self._inbox_count
        self._inbox_count = count
        if changed:
            self.queue_did_change.emit(self._to_check + count)
        text = self.tr("Finance inbox")
        self.tabs.setTabText(1, f"{text} ({count})" if count else text)

    def _refunds_counted(self, count: int) -> None:
        # Not part of the badge: a refund owed is finance's to pay, not a payment waiting.
        self._refund_count = count
        text = self.tr("Refunds owed")
        self.tabs.setTabText(2, f"{text} ({count})" if count else text)

    def refresh(self) -> None:
        self.inbox.refresh()
        self.refunds.refresh()
        self._runner.run(
            lambda: self._port.awaiting(self._user), self._loaded, owner=self, label="fees.awaiting"
        )

    def _loaded(self, rows: Any, error: BaseException | None) -> None:
        if error is not None:
            self.error.show_error(error, fallback_th=FALLBACK[0], fallback_en=FALLBACK[1])
            return
        chosen = self.current.payment_id if self.current else None
        self.rows = list(rows)
        self._fill_table()
        self._to_check = sum(1 for r in self.rows if r.status == "submitted")
        self.queue_did_change.emit(self._to_check + self._inbox_count)
        if not choose_again(self.table, [r.payment_id for r in self.rows], chosen, self._choose):
            self._show(None)

    def _state(self, row: PaymentRow) -> str:
        if row.reused_slip:
            return self.tr("Slip used before: check")
        return (
            self.tr("Slip to check") if row.status == "submitted" else self.tr("Awaiting payment")
        )

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            cells = (row.tracking_number, row.payer, baht_exact(row.amount_satang),
                     row.transaction_id, self._state(row))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        # No resizeColumnsToContents(): it would shrink the stretched payer column.

    def _choose(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self._show(row)
        if row.evidence_document_id is None:
            return
        show_slip_when_read(
            self.slip,
            lambda: self._port.evidence(self._user, row.payment_id),
            runner=self._runner,
            owner=self,
            still_wanted=lambda: (
                self.current is not None and self.current.payment_id == row.payment_id
            ),
            undrawable=self.tr("The file %1 cannot be drawn; open it from the request."),
            label="fees.evidence",
        )

    def _explain_paid(self, text: str) -> None:
        """What verifying with this amount will do, before the officer presses the button
        (the services decide and check it again; an amount they cannot read is said then)."""
        row, paid = self.current, _satang(text)
        if row is None or paid is None or paid == row.amount_satang:
            self.paid_note.setText("")
        elif paid < row.amount_satang:
            self.paid_note.setText(
                self.tr(
                    "Less than the fee: the receipt will be for %1 baht and the applicant is "
                    "asked for the other %2 baht with a new notice."
                )
                .replace("%1", baht_exact(paid))
                .replace("%2", baht_exact(row.amount_satang - paid))
            )
        else:
            self.paid_note.setText(
                self.tr(
                    "More than the fee: the receipt will be for the fee, and a refund of %1 "
                    "baht is recorded and the applicant told."
                ).replace("%1", baht_exact(paid - row.amount_satang))
            )

    def _show(self, row: PaymentRow | None) -> None:
        self.current = row
        english = i18n.current_language() == "en"
        if row is None:
            for value in self.values.values():
                value.setText("")
            self.slip.setText(self.tr("Nothing waits: no payment has a slip to check."))
            self.warning.hide()
        else:
            bank = f"{row.slip_bank} · {row.slip_reference}" if row.slip_reference else "-"
            self.values["tracking"].setText(row.tracking_number)
            self.values["payer"].setText(row.payer or "-")
            self.values["service"].setText(
                row.service_en if english and row.service_en else row.service_th
            )
            self.values["amount"].setText(
                self.tr("%1 baht").replace("%1", baht_exact(row.amount_satang))
            )
            self.values["txid"].setText(row.transaction_id)
            self.values["slip"].setText(bank)
            language = "en" if english else "th"
            self.values["due"].setText(
                format_date(row.due_at, language, with_time=False) if row.due_at else "-"
            )
            if row.evidence_document_id is None:
                self.slip.setText(self.tr("No slip yet: the applicant has not sent one."))
            self.warning.setText(
                self.tr(
                    "A file on this request repeats a slip already used for a payment. "
                    "Check it with the bank before verifying."
                )
            )
            self.warning.setVisible(row.reused_slip)
        evidence = row is not None and row.evidence_document_id is not None
        self.verify_button.setEnabled(evidence)
        self.reject_button.setEnabled(evidence)
        self.reason.setEnabled(evidence)
        self.paid.setEnabled(evidence)
        self._explain_paid(self.paid.text())

    # --- deciding --------------------------------------------------------------------------

    def verify(self) -> None:
        row = self.current
        if row is None or row.evidence_document_id is None:
            return
        self.verify_button.setEnabled(False)
        paid = self.paid.text()
        self._runner.run(
            lambda: self._port.verify(self._user, row.payment_id, paid),
            self._decided,
            owner=self,
            label="fees.verify",
        )

    def reject(self) -> None:
        row = self.current
        if row is None or row.evidence_document_id is None:
            return
        reason = self.reason.toPlainText()
        self.reject_button.setEnabled(False)
        self._runner.run(
            lambda: self._port.reject(self._user, row.payment_id, reason),
            self._decided,
            owner=self,
            label="fees.reject",
        )

    def _decided(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self.error.show_error(error, fallback_th=FALLBACK[0], fallback_en=FALLBACK[1])
            self._show(self.current)
            return
        self.error.clear()
        if isinstance(result, str):
            self.error.show_message(
                f"ตรวจสอบแล้ว ออกใบเสร็จรับเงินเลขที่ {result} และส่งให้ผู้ยื่นแล้ว",
                f"Verified: receipt {result} issued and sent to the applicant.",
            )
        self.reason.clear()
        self.paid.clear()
        self.current = None
        self.applications_did_change.emit()
        self.refresh()
