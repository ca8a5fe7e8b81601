"""The fee ledger saved from the finance page: a range of days, as CSV or XLSX.

The services read the receipts and record the export's event (database worker); the file is
written whole or not at all in the I/O pool (``ui/reports/files.py: write_file``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from services.api import FeesPort, SignedInUser
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.common.thai_date_edit import ThaiDateEdit
from ui.reports.files import write_file

__all__ = ["LedgerBar"]

_FAILED = (
    "บันทึกบัญชีรับเงินไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The ledger could not be saved because of an internal error. Please tell your administrator.",
)


class LedgerBar(Retranslating, QWidget):
    """Signals: file_did_save(str): the path of the ledger just written."""

    file_did_save = Signal(str)

    def __init__(
        self,
        port: FeesPort,
        user: SignedInUser,
        runner: TaskRunner,
        messages: ErrorBox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._port, self._user, self._runner, self._messages = port, user, runner, messages
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label, self.until = QLabel(), QLabel()
        # The services' today (their clock, Bangkok), not the computer's.
        today = port.today()
        self.first = named(ThaiDateEdit(today.replace(day=1)), "LedgerFirst")
        self.last = named(ThaiDateEdit(today), "LedgerLast")
        self.csv_button, self.xlsx_button = QPushButton(), QPushButton()
        self.csv_button.clicked.connect(lambda: self.choose_file("csv"))
        self.xlsx_button.clicked.connect(lambda: self.choose_file("xlsx"))
        for widget in (self.label, self.first, self.until, self.last,
                       self.csv_button, self.xlsx_button):  # fmt: skip
            row.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Ledger from"))
        self.until.setText(self.tr("to"))
        self.csv_button.setText(self.tr("Save CSV…"))
        self.xlsx_button.setText(self.tr("Save XLSX…"))

    def suggested_name(self, kind: str) -> str:
        return f"fee-ledger_{self.first.day().isoformat()}_{self.last.day().isoformat()}.{kind}"

    def choose_file(self, kind: str) -> None:
        what = self.tr("Spreadsheet (*.xlsx)") if kind == "xlsx" else self.tr("CSV (*.csv)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the ledger"), str(Path.home() / self.suggested_name(kind)), what
        )
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        first, last = self.first.day(), self.last.day()
        port, user = self._port, self._user

        def written(_result: Any, error: BaseException | None) -> None:
            if error is not None:
                self._messages.show_error(error, fallback_th=_FAILED[0], fallback_en=_FAILED[1])
                return
            self._messages.show_message(
                f"บันทึกบัญชีรับเงินแล้วที่ {path}", f"The ledger was saved to {path}."
            )
            self.file_did_save.emit(str(path))

        def read(data: Any, error: BaseException | None) -> None:
            if error is not None:
                self._messages.show_error(error, fallback_th=_FAILED[0], fallback_en=_FAILED[1])
                return
            self._runner.run(
                lambda: write_file(path, data), written, pool="io", owner=self,
                label="fees.ledger_write",
            )  # fmt: skip

        self._runner.run(
            lambda: port.ledger_file(user, first, last, kind), read, owner=self,
            label="fees.ledger",
        )  # fmt: skip
