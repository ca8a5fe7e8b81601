"""The verification dialog: who signed a PDF, when, with which certificate chain, its
time-stamps, and whether it is intact or was changed after signing.

Opened with a result in hand (the approval page's "Verify signature" on a stored record), or
empty for a signed PDF from a folder — typed or chosen, then checked in the I/O pool by the
``check_file`` the caller gives (:meth:`ApprovalPort.verify_file`), offline, against the
agency's trust roots. The services write the lines in both languages; the dialog shows the
ones of the language on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.api import SignatureStatus
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.signature_lines import SignatureLines, Tone
from ui.common.tasks import TaskRunner

__all__ = ["VerifyDialog"]

_FALLBACK = (
    "ตรวจลายมือชื่อไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The signature could not be checked because of an internal error. Please tell your "
    "administrator.",
)


class VerifyDialog(Retranslating, QDialog):
    def __init__(
        self,
        check_file: Callable[[str], SignatureStatus],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "VerifyDialog")
        self._check_file, self._runner = check_file, runner
        self.status: SignatureStatus | None = None
        self._subject = ""
        layout = QVBoxLayout(self)
        self.heading = named(QLabel(), "DialogTitle")
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        self.path_label = QLabel()
        self.path = named(QLineEdit(), "VerifyPath")
        self.path_label.setBuddy(self.path)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.browse_button.setAutoDefault(False)  # Enter checks; it never opens a file picker
        self.check_button = named(QPushButton(), "Primary")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.path_label)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.error = ErrorBox()
        layout.addWidget(self.error)
        self.answer = SignatureLines()
        self.verdict, self.details = self.answer.verdict, self.answer.details
        layout.addWidget(self.answer, 1)
        foot = QHBoxLayout()
        foot.addStretch(1)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        foot.addWidget(self.close_button)
        layout.addLayout(foot)
        self.resize(760, 520)
        self.retranslate()

    # -- checking -------------------------------------------------------------------------

    def check(self) -> None:
        """Check the file named in the path box (in the I/O pool)."""
        path = self.path.text().strip()
        if not path:
            self.error.show_message(
                "พิมพ์หรือเลือกไฟล์ PDF ที่ลงนามแล้วก่อน", "Type or choose a signed PDF first."
            )
            return
        self.error.clear()
        self.check_button.setEnabled(False)
        check_file = self._check_file

        def done(status: SignatureStatus | None, error: BaseException | None) -> None:
            self.check_button.setEnabled(True)
            if error is not None or status is None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self.show_status(status, Path(path).name)

        self._runner.run(lambda: check_file(path), done, pool="io", owner=self, label="verify file")

    def show_status(self, status: SignatureStatus, subject: str = "") -> None:
        """Show a result (``subject``: what was checked, named in the heading)."""
        self.status, self._subject = status, subject
        self.retranslate()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signed PDF"), "", self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path.setText(chosen)
            self.check()

    # -- showing --------------------------------------------------------------------------

    def _fill(self) -> None:
        status = self.status
        if status is None:
            self.answer.clear()
            return
        tone: Tone
        if not status.signed:
            verdict, tone = self.tr("No digital signature in this file"), "error"
        elif status.ok:
            verdict, tone = self.tr("Signature valid, intact and trusted"), "ok"
        else:
            verdict, tone = self.tr("Signature NOT valid, changed, or not trusted"), "error"
        lines = status.lines_en if i18n.current_language() == "en" else status.lines_th
        self.answer.show_result(verdict, tone, lines)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify a signature"))
        self.heading.setText(
            self.tr("Signature of: {subject}").format(subject=self._subject)
            if self._subject
            else self.tr("Check the signatures of a signed PDF (offline, agency's trust roots)")
        )
        self.path_label.setText(self.tr("&File:"))
        self.path.setPlaceholderText(self.tr("Path of a signed PDF"))
        self.browse_button.setText(self.tr("Choose…"))
        self.check_button.setText(self.tr("Check"))
        self.close_button.setText(self.tr("Close"))
        self._fill()
