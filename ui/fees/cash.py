"""Cash at the counter: the finance officer names the payment, types the amount counted, and
the receipt is made and put in the print dialog at once (the payer is waiting).

The services find the payment, verify it and take the receipt number; this box only types
and prints. Printing draws the receipt PDF's pages with Qt's own PDF engine, so nothing is
written to disk.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from services.api import FeesPort, SignedInUser
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["CashBox"]

_FALLBACK = (
    "บันทึกรับเงินสดไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The cash could not be recorded because of an internal error. Please tell your administrator.",
)


class CashBox(Retranslating, QGroupBox):
    """Signals: cash_recorded(str): the receipt number of cash just taken."""

    cash_recorded = Signal(str)

    def __init__(
        self,
        port: FeesPort,
        user: SignedInUser,
        runner: TaskRunner,
        messages: ErrorBox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CashBox")
        self._port, self._user, self._runner, self._messages = port, user, runner, messages
        self.print_dialog: QPrintDialog | None = None
        self._printer: QPrinter | None = None
        self._pdf = b""
        row = QHBoxLayout(self)
        self.reference_label, self.amount_label = QLabel(), QLabel()
        self.reference = named(QLineEdit(), "CashReference")
        self.amount = named(QLineEdit(), "CashAmount")
        self.amount.setMaximumWidth(140)
        self.amount.returnPressed.connect(self.record)
        self.button = QPushButton()
        self.button.clicked.connect(self.record)
        for widget in (self.reference_label, self.reference, self.amount_label, self.amount):
            row.addWidget(widget)
        row.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Cash at the counter"))
        self.reference_label.setText(self.tr("Transaction ID or tracking number:"))
        self.amount_label.setText(self.tr("Amount counted (baht):"))
        self.button.setText(self.tr("Record the cash and print the receipt"))

    def record(self) -> None:
        reference, amount = self.reference.text(), self.amount.text()
        self.button.setEnabled(False)
        self._runner.run(
            lambda: self._port.record_cash(self._user, reference, amount),
            self._recorded,
            owner=self,
            label="fees.record_cash",
        )

    def _recorded(self, result: Any, error: BaseException | None) -> None:
        self.button.setEnabled(True)
        if error is not None:
            self._messages.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        number, _name, pdf = result
        self._messages.show_message(
            f"รับเงินสดแล้ว ออกใบเสร็จรับเงินเลขที่ {number} — พิมพ์ใบเสร็จให้ผู้ชำระ",
            f"Cash received: receipt {number} issued. Print it for the payer.",
        )
        self.reference.clear()
        self.amount.clear()
        self.cash_recorded.emit(number)
        self.print_receipt(pdf)

    def print_receipt(self, pdf: bytes) -> None:
        """Open the print dialog for the receipt (window-modal: the page stays responsive)."""
        self._pdf = pdf
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.print_dialog = QPrintDialog(self._printer, self)
        self.print_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.print_dialog.accepted.connect(self._print)
        self.print_dialog.show()

    def _print(self) -> None:
        assert self._printer is not None
        buffer = QBuffer()
        buffer.setData(QByteArray(self._pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        painter = QPainter(self._printer)
        try:
            page_rect = self._printer.pageRect(QPrinter.Unit.DevicePixel)
            for index in range(document.pageCount()):
                if index:
                    self._printer.newPage()
                size = QSize(int(page_rect.width()), int(page_rect.height()))
                painter.drawImage(QRectF(0, 0, size.width(), size.height()),
                                  document.render(index, size))  # fmt: skip
        finally:
            painter.end()
