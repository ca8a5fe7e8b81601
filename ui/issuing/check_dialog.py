"""Check a licence someone shows: its PDF, a photo or screenshot of it, a scanned paper one,
or the number or verification code typed off the paper (M20).

The officer sees one verdict line in a colour (valid, revoked, superseded, expired, not in the
register, or in the register but the file fails its checks), then the register entry and, for
a PDF, what its signatures say. Reading the file and asking the register run off the GUI
thread; the services decide who may check and what the answer shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.api import IssuingPort, LicenceCheck, SignedInUser
from ui.common import i18n
from ui.common.dialog_body import add_dialog_heading
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.signature_lines import SignatureLines, Tone
from ui.common.tasks import PoolName, TaskRunner

__all__ = ["CheckLicenceDialog"]

_FALLBACK = (
    "ตรวจใบอนุญาตไม่ได้เนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The licence could not be checked because of an internal error. Please tell your "
    "administrator.",
)


class CheckLicenceDialog(Retranslating, QDialog):
    """``outcome`` holds the last answer (None until one came)."""

    def __init__(
        self,
        port: IssuingPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CheckLicenceDialog")
        self.setMinimumSize(640, 460)
        self._port = port
        self._runner = runner
        self._user = user
        self.outcome: LicenceCheck | None = None
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = add_dialog_heading(body)
        typed = QHBoxLayout()
        self.reference = named(QLineEdit(), "LicenceReference")
        self.reference.returnPressed.connect(self.check_typed)
        self.look_up_button = QPushButton()
        self.look_up_button.clicked.connect(self.check_typed)
        typed.addWidget(self.reference, 1)
        typed.addWidget(self.look_up_button)
        body.addLayout(typed)
        self.file_button = QPushButton()
        self.file_button.clicked.connect(self._choose_file)
        body.addWidget(self.file_button)
        self.error = ErrorBox(dismissable=True)
        body.addWidget(self.error)
        self.answer = SignatureLines()
        self.verdict, self.details = self.answer.verdict, self.answer.details
        body.addWidget(self.answer, 1)
        foot = QHBoxLayout()
        foot.addStretch(1)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        foot.addWidget(self.close_button)
        body.addLayout(foot)
        self.retranslate()

    # --- asking -------------------------------------------------------------------------

    def check_typed(self) -> None:
        port, user, text = self._port, self._user, self.reference.text()
        self._ask(lambda: port.check_typed(user, text), "db")

    def check_file(self, path: Path) -> None:
        port, user = self._port, self._user
        self.reference.clear()  # the answer is about the file now, not a number typed before
        self._ask(lambda: port.check_file(user, path), "io")

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The licence to check"),
            "",
            self.tr("Licence PDF or photo (*.pdf *.jpg *.jpeg *.png *.webp *.tif *.tiff)"),
        )
        if path:
            self.check_file(Path(path))

    def _ask(self, work: Callable[[], LicenceCheck], pool: PoolName) -> None:
        self.error.clear()
        self.look_up_button.setEnabled(False)
        self.file_button.setEnabled(False)

        def done(found: LicenceCheck | None, error: BaseException | None) -> None:
            self.look_up_button.setEnabled(True)
            self.file_button.setEnabled(True)
            if error is not None or found is None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self.outcome = found
            self._show()

        self._runner.run(work, done, pool=pool, owner=self, label="check licence")

    # --- showing ------------------------------------------------------------------------

    def _show(self) -> None:
        found = self.outcome
        if found is None:
            return
        english = i18n.current_language() != "th"
        lines = [en if english else th for th, en in found.lines()]
        tone: Tone
        if found.ok:
            tone = "ok"
        elif found.entry is not None and found.entry.status in ("valid", "expired"):
            tone = "warn"  # in the register, but the file shown fails a check, or it lapsed
        else:
            tone = "error"
        self.answer.show_result(lines[0], tone, lines[1:])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check a licence"))
        self.heading.setText(
            self.tr(
                "Check a licence someone shows you: type the number or verification code "
                "printed on it, or open its PDF, a photo or a scan."
            )
        )
        self.reference.setPlaceholderText(self.tr("Number (12/2569) or code (AB12-CD34-EF56)"))
        self.look_up_button.setText(self.tr("&Look up"))
        self.file_button.setText(self.tr("Open a &PDF, photo or scan…"))
        self.close_button.setText(self.tr("Close"))
        self._show()
