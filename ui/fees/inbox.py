"""The finance inbox: slips intake could tie to no payment, each with its sender and mail.

The officer reads the slip (left) and the mail (right), types or confirms the Transaction ID
or tracking number of the payment it proves and attaches it — the services check that the
payment waits for evidence and that the slip was never used before — or sets it aside with a
reason. Oldest first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import FeesPort, InboxRow, SignedInUser
from ui.common import i18n
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.fees.list_tab import FALLBACK, choose_again, list_tab
from ui.fees.slip_image import show_slip_when_read, slip_and_details

__all__ = ["FinanceInbox"]


class FinanceInbox(Retranslating, QWidget):
    """Signals:
    inbox_did_change(int): how many slips wait, read again.
    payments_did_change(): a slip became a payment's evidence (the payments list)."""

    inbox_did_change = Signal(int)
    payments_did_change = Signal()

    def __init__(
        self, port: FeesPort, user: SignedInUser, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FinanceInbox")
        self._port, self._user, self._runner = port, user, runner
        self.rows: list[InboxRow] = []
        self.current: InboxRow | None = None
        # The subject (column 2) gives way.
        outer, self.notice, self.error, self.table = list_tab(
            self, ("InboxNotice", "SlipInbox"), 4, 2, self._choose
        )
        splitter, self.slip = slip_and_details(
            "InboxSplitter", "InboxSlipImage", self._build_side(), (460, 480), self._build_actions()
        )
        # Nothing chosen (the officer cleared the selection): nothing to attach or set aside.
        self.table.itemSelectionChanged.connect(self._selection_changed)
        outer.addWidget(self.table, 1)
        outer.addWidget(splitter, 3)
        self.retranslate()
        self._show(None)

    def _build_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("sender", "subject", "received", "slip", "why"):
            label, value = QLabel(), named(QLabel(), f"Inbox_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key], self.values[key] = label, value
            form.addRow(label, value)
        column.addLayout(form)
        self.mail = named(QPlainTextEdit(), "InboxMailText")
        self.mail.setReadOnly(True)
        self.mail.setMaximumHeight(80)
        column.addWidget(self.mail)
        self.warning = named(QLabel(), "FeeWarning")
        self.warning.setWordWrap(True)
        column.addWidget(self.warning)
        column.addStretch(1)
        return side

    def _build_actions(self) -> QWidget:
        """The payment's reference and the reason to set aside, with their buttons."""
        actions = QWidget()
        column = QVBoxLayout(actions)
        self.reference_label = QLabel()
        column.addWidget(self.reference_label)
        attach_row = QHBoxLayout()
        self.reference = named(QLineEdit(), "InboxReference")
        self.reference.returnPressed.connect(self.attach)
        self.attach_button = named(QPushButton(), "Primary")
        self.attach_button.clicked.connect(self.attach)
        attach_row.addWidget(self.reference, 1)
        attach_row.addWidget(self.attach_button)
        column.addLayout(attach_row)
        self.reason_label = QLabel()
        column.addWidget(self.reason_label)
        aside_row = QHBoxLayout()
        self.reason = named(QLineEdit(), "InboxReason")
        self.aside_button = QPushButton()
        self.aside_button.clicked.connect(self.set_aside)
        aside_row.addWidget(self.reason, 1)
        aside_row.addWidget(self.aside_button)
        column.addLayout(aside_row)
        return actions

    def retranslate(self) -> None:
        self.notice.setText(
            self.tr(
                "Slips and payment mail that name no payment of ours, or come from someone "
                "other than the applicant. Attach each to the payment it proves, or set it "
                "aside with a reason."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Received"), self.tr("Sender"), self.tr("Subject"), self.tr("Slip")]
        )
        names = {
            "sender": self.tr("From"),
            "subject": self.tr("Subject"),
            "received": self.tr("Received"),
            "slip": self.tr("Slip (bank, reference)"),
            "why": self.tr("Why it is here"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self.reference_label.setText(self.tr("Transaction ID or tracking number of the payment:"))
        self.attach_button.setText(self.tr("Attach to this payment"))
        self.reason_label.setText(self.tr("Or set it aside, with the reason:"))
        self.aside_button.setText(self.tr("Set aside"))
        self._fill_table()
        self._show(self.current)

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run(
            lambda: self._port.inbox(self._user), self._loaded, owner=self, label="fees.inbox"
        )

    def _loaded(self, rows: Any, error: BaseException | None) -> None:
        if error is not None:
            self.error.show_error(error, fallback_th=FALLBACK[0], fallback_en=FALLBACK[1])
            return
        chosen = self.current.item_id if self.current else None
        self.rows = list(rows)
        self._fill_table()
        self.inbox_did_change.emit(len(self.rows))
        if not choose_again(self.table, [r.item_id for r in self.rows], chosen, self._choose):
            self._show(None)

    def _fill_table(self) -> None:
        language = i18n.current_language()
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            slip = f"{row.slip_bank} · {row.slip_reference}" if row.slip_reference else "-"
            cells = (format_date(row.received_at, language), row.sender_address or row.sender_name,
                     row.subject, slip)  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))

    def _selection_changed(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen:
            self._show(None)
        elif self.current is None:
            self._choose(chosen[0].row())

    def _choose(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            self._show(None)
            return
        row = self.rows[index]
        if row is self.current:
            return  # already shown (the selection and the current cell both tell)
        self._show(row)
        if not row.has_file:
            return
        show_slip_when_read(
            self.slip,
            lambda: self._port.inbox_file(self._user, row.item_id),
            runner=self._runner,
            owner=self,
            still_wanted=lambda: self.current is not None and self.current.item_id == row.item_id,
            undrawable=self.tr("The file %1 cannot be drawn."),
            label="fees.inbox_file",
        )

    def _why(self, row: InboxRow) -> str:
        if row.reason_code == "not_applicant":
            return (
                self.tr(
                    "It names the payment %1 (request %2), but the sender is not that "
                    "request's applicant."
                )
                .replace("%1", row.suggested_reference)
                .replace("%2", row.suggested_tracking)
            )
        if row.suggested_reference:
            return self.tr("It names request %1 but came from another address.").replace(
                "%1", row.suggested_tracking
            )
        return self.tr("It names no payment or request of ours.")

    def _show(self, row: InboxRow | None) -> None:
        self.current = row
        language = i18n.current_language()
        if row is None:
            for value in self.values.values():
                value.setText("")
            self.mail.clear()
            self.reference.clear()
            self.slip.setText(
                self.tr("Choose a slip from the list.")
                if self.rows
                else self.tr("The finance inbox is empty.")
            )
            self.warning.hide()
        else:
            sender = (
                f"{row.sender_name} <{row.sender_address}>"
                if row.sender_name
                else (row.sender_address)
            )
            self.values["sender"].setText(sender)
            self.values["subject"].setText(row.subject or "-")
            self.values["received"].setText(format_date(row.received_at, language))
            self.values["slip"].setText(
                f"{row.slip_bank} · {row.slip_reference}" if row.slip_reference else "-"
            )
            self.values["why"].setText(self._why(row))
            self.mail.setPlainText(row.body_text)
            if not self.reference.hasFocus() or not self.reference.text():
                self.reference.setText(row.suggested_reference)
            if not row.has_file:
                self.slip.setText(self.tr("The mail carries no file."))
            self.warning.setText(
                self.tr(
                    "This slip already proves the payment of request %1: it cannot be used "
                    "again. Check with the bank, then set it aside."
                ).replace("%1", row.used_by_tracking)
            )
            self.warning.setVisible(bool(row.used_by_tracking))
        for widget in (self.reference, self.attach_button, self.reason, self.aside_button):
            widget.setEnabled(row is not None)

    # --- deciding --------------------------------------------------------------------------

    def attach(self) -> None:
        row, reference = self.current, self.reference.text()
        if row is None:
            return
        self.attach_button.setEnabled(False)
        self._runner.run(
            lambda: self._port.attach_slip(self._user, row.item_id, reference),
            self._attached,
            owner=self,
            label="fees.attach_slip",
        )

    def set_aside(self) -> None:
        row, reason = self.current, self.reason.text()
        if row is None:
            return
        self.aside_button.setEnabled(False)
        self._runner.run(
            lambda: self._port.set_aside_slip(self._user, row.item_id, reason),
            self._decided,
            owner=self,
            label="fees.set_aside_slip",
        )

    def _attached(self, result: Any, error: BaseException | None) -> None:
        if error is None:
            self.error.show_message(
                f"แนบสลิปเป็นหลักฐานการชำระของคำขอ {result} แล้ว รอตรวจสอบในรายการชำระเงิน",
                f"The slip is now the payment evidence of request {result}; check it in the "
                "payments list.",
            )
            self.payments_did_change.emit()
        self._decided(result, error, keep_message=True)

    def _decided(
        self, result: Any, error: BaseException | None, keep_message: bool = False
    ) -> None:
        if error is not None:
            self.error.show_error(error, fallback_th=FALLBACK[0], fallback_en=FALLBACK[1])
            self._show(self.current)
            return
        if not keep_message:
            self.error.clear()
        self.reason.clear()
        self._show(None)  # until the list is read again, nothing is chosen
        self.refresh()
