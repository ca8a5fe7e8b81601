"""Refunds owed: what the agency must pay back on overpayments, the longest owed first.

Each row is one overpayment (tracking number, payer, the amount owed, since when). Once the
money has gone back, the finance officer records how (a transfer or cash), the transfer's
reference or the payment voucher number, and the day; the services record it once (a second
recording, by anyone, is refused) with its event, and the row leaves the list. The list and
the recording are finance's alone — the services check it on every call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from services.api import FeesPort, RefundRow, SignedInUser
from ui.common import i18n
from ui.common.formatting import baht_exact, format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.common.thai_date_edit import ThaiDateEdit
from ui.fees.list_tab import FALLBACK, choose_again, list_tab

__all__ = ["RefundsOwed"]

_METHODS = ("transfer", "cash")


class RefundsOwed(Retranslating, QWidget):
    """Signals: refunds_did_change(int): how many refunds are still owed, read again."""

    refunds_did_change = Signal(int)

    def __init__(
        self, port: FeesPort, user: SignedInUser, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RefundsOwed")
        self._port, self._user, self._runner = port, user, runner
        self.rows: list[RefundRow] = []
        self.current: RefundRow | None = None
        # The payer (column 1) gives way.
        outer, self.notice, self.error, self.table = list_tab(
            self, ("RefundsNotice", "RefundsTable"), 5, 1, self._choose
        )
        outer.addWidget(self.table, 1)
        outer.addWidget(self._build_form())
        self.retranslate()
        self._show(None)

    def _build_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 0)
        self.chosen = named(QLabel(), "RefundChosen")
        self.chosen.setWordWrap(True)
        self.method_label, self.reference_label, self.day_label = QLabel(), QLabel(), QLabel()
        self.method = named(QComboBox(), "RefundMethod")
        self.method.addItems(["", ""])
        self.reference = named(QLineEdit(), "RefundReference")
        self.reference.setMaxLength(100)
        self.reference.returnPressed.connect(self.record)
        # The services' today (their clock, Bangkok), not the computer's: a refund paid
        # "today" must be a day the services accept, whatever this computer's clock says.
        self.day = named(ThaiDateEdit(self._port.today()), "RefundDay")
        self.record_button = named(QPushButton(), "Primary")
        self.record_button.clicked.connect(self.record)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        form.addRow(self.chosen)
        form.addRow(self.method_label, self.method)
        form.addRow(self.reference_label, self.reference)
        form.addRow(self.day_label, self.day)
        form.addRow(buttons)
        return box

    def retranslate(self) -> None:
        self.notice.setText(
            self.tr(
                "Payers who paid more than the fee: the receipt was for the fee and the rest "
                "is owed back to them. Once the money has gone back, record how and when."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tracking number"), self.tr("Payer"), self.tr("To refund (baht)"),
             self.tr("Owed since"), self.tr("Receipt")]
        )  # fmt: skip
        self.method_label.setText(self.tr("Paid back by"))
        self.method.setItemText(0, self.tr("Bank transfer"))
        self.method.setItemText(1, self.tr("Cash"))
        self.reference_label.setText(self.tr("Transfer reference or voucher number"))
        self.reference.setPlaceholderText(self.tr("as on the bank's record or the voucher"))
        self.day_label.setText(self.tr("Paid back on"))
        self.record_button.setText(self.tr("Record the refund as paid"))
        self._fill_table()
        self._show(self.current)

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run(
            lambda: self._port.refunds_owed(self._user), self._loaded, owner=self,
            label="fees.refunds_owed",
        )  # fmt: skip

    def _loaded(self, rows: Any, error: BaseException | None) -> None:
        if error is not None:
            self.error.show_error(error, fallback_th=FALLBACK[0], fallback_en=FALLBACK[1])
            return
        chosen = self.current.payment_id if self.current else None
        self.rows = list(rows)
        self._fill_table()
        self.refunds_did_change.emit(len(self.rows))
        if not choose_again(self.table, [r.payment_id for r in self.rows], chosen, self._choose):
            self._show(None)

    def _fill_table(self) -> None:
        language = i18n.current_language()
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            cells = (row.tracking_number, row.payer, baht_exact(row.refund_satang),
                     format_date(row.owed_since, language), row.receipt_number)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self._show(self.rows[index])

    def _show(self, row: RefundRow | None) -> None:
        changed = row is None or self.current is None or row.payment_id != self.current.payment_id
        self.current = row
        if row is None:
            self.chosen.setText(self.tr("No refund is owed."))
        else:
            self.chosen.setText(
                self.tr("%1 baht to %2 (request %3)")
                .replace("%1", baht_exact(row.refund_satang))
                .replace("%2", row.payer or "-")
                .replace("%3", row.tracking_number)
            )
        if changed:
            self.reference.clear()
        for widget in (self.method, self.reference, self.day, self.record_button):
            widget.setEnabled(row is not None)

    # --- recording -------------------------------------------------------------------------

    def record(self) -> None:
        row = self.current
        if row is None:
            return
        method = _METHODS[max(self.method.currentIndex(), 0)]
        reference = self.reference.text()
        paid_on = self.day.day()
        self.record_button.setEnabled(False)
        self._runner.run(
            lambda: self._port.mark_refunded(self._user, row.payment_id, method, reference,
                                             paid_on),
            lambda _result, error: self._recorded(row, error),
            owner=self,
            label="fees.mark_refunded",
        )  # fmt: skip

    def _recorded(self, row: RefundRow, error: BaseException | None) -> None:
        if error is not None:
            self.error.show_error(error, fallback_th=FALLBACK[0], fallback_en=FALLBACK[1])
            self.record_button.setEnabled(self.current is not None)
            # Another officer may have recorded it meanwhile: read the list again (what was
            # typed stays while the same refund stays chosen).
            self.refresh()
            return
        self.error.show_message(
            f"บันทึกการคืนเงิน {baht_exact(row.refund_satang)} บาท ของคำขอ {row.tracking_number} แล้ว",
            f"The refund of {baht_exact(row.refund_satang)} baht on request {row.tracking_number} "
            "is recorded.",
        )
        self.current = None
        self.reference.clear()
        self.refresh()
