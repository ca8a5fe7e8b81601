"""The batch being signed: progress, a cancel that stops after the request being signed, and
what became of each request at the end."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.api import ApprovalPort, BatchItem, BatchOutcome, SignedInUser, SigningChoice
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["BatchProgressDialog"]

_FALLBACK = (
    "ลงนามไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ รายการที่ลงนามแล้วบันทึกไว้ โปรดแจ้งผู้ดูแลระบบ",
    "Signing failed because of an internal error; what was signed is saved. Please tell your "
    "administrator.",
)


class _Bridge(QObject):
    """Carries progress from the signing worker to the GUI thread (a queued signal)."""

    item_did_finish = Signal(int, int, str)


class BatchProgressDialog(Retranslating, QDialog):
    """Runs the batch in the I/O pool (one worker holds the token session for all of it).

    Signals:
        batch_did_finish(object): the BatchOutcome (or None after an error).
    """

    batch_did_finish = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatchProgressDialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self._runner = runner
        self._cancel = threading.Event()
        self._bridge = _Bridge(self)
        self._bridge.item_did_finish.connect(self._item_finished)
        self.outcome: BatchOutcome | None = None
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = named(QLabel(), "DialogHeading")
        self.heading.setWordWrap(True)
        body.addWidget(self.heading)
        self.bar = named(QProgressBar(), "BatchProgress")
        body.addWidget(self.bar)
        self.status = QLabel()
        self.status.setWordWrap(True)
        body.addWidget(self.status)
        self.error = ErrorBox()
        body.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = named(QPushButton(), "Primary")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        body.addLayout(buttons)
        self._total = 0
        self._draw_notices: Callable[[], int] = lambda: 0
        self.retranslate()

    def start(
        self,
        port: ApprovalPort,
        user: SignedInUser,
        items: Sequence[BatchItem],
        choice: SigningChoice,
    ) -> None:
        self._total = len(items)
        self.bar.setRange(0, self._total)
        self.bar.setValue(0)
        self.status.setText(self.tr("Opening the token…"))
        bridge, cancel = self._bridge, self._cancel
        chosen = list(items)
        held = [choice]  # the only reference here: let go of in the worker, at the batch's end

        def work() -> BatchOutcome:
            try:
                return port.approve_batch(
                    user, chosen, held[0], progress=bridge.item_did_finish.emit,
                    cancelled=cancel.is_set,
                )  # fmt: skip
            finally:
                # The PIN goes the moment the batch ends, even if the services refused it
                # before using it, and whether or not the screen is locked (the outcome
                # waits behind the lock; the secret must not wait with it).
                held[0].secret.forget()
                held.clear()

        self._runner.run(work, self._done, pool="io", owner=self, label="approve batch")
        self._draw_notices = lambda: port.draw_fee_notices(user)

    def cancel(self) -> None:
        """Stop after the request being signed (it is finished, not cut in half)."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the request being signed…"))

    def _item_finished(self, done: int, total: int, tracking: str) -> None:
        self.bar.setValue(done)
        self.status.setText(
            self.tr("Signed {done} of {total}: {number}").format(
                done=done, total=total, number=tracking or "-"
            )
        )

    def _done(self, outcome: BatchOutcome | None, error: BaseException | None) -> None:
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setFocus()
        self.outcome = outcome
        if error is not None or outcome is None:
            self.status.setText(self.tr("Nothing more was signed."))
            self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            self.adjustSize()  # the message wraps: the dialog grows to show all of it
            self.batch_did_finish.emit(None)
            return
        self.bar.setValue(len(outcome.approved) + len(outcome.failed))
        if outcome.approved:
            # The fee notices the approvals made due are drawn now, off the signing loop; no
            # owner: the work finishes even when the dialog is closed (a failure is logged,
            # and the next sync draws what is left before sending).
            self._runner.run(self._draw_notices, _ignored, pool="io", label="draw fee notices")
        self._describe(outcome)
        if outcome.stopped is not None:
            self.error.show_error(
                outcome.stopped, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1]
            )
        self.adjustSize()
        self.batch_did_finish.emit(outcome)

    def _describe(self, outcome: BatchOutcome) -> None:
        """What became of the batch, in the language shown (again after a switch)."""
        lines = [self.tr("Approved and signed: {count}").format(count=len(outcome.approved))]
        if outcome.cancelled:
            left = len(outcome.remaining)
            lines.append(self.tr("Cancelled; {count} left in the queue.").format(count=left))
        if outcome.timestamp_pending:
            lines.append(
                self.tr(
                    "Signed without a time-stamp: {count} (the time-stamping authority did not "
                    "answer). Press “Add timestamps” on the approval page once online."
                ).format(count=len(outcome.timestamp_pending))
            )
        for _app_id, th, en in outcome.failed:
            lines.append(self.tr("Skipped: {reason}").format(reason=en if self._english() else th))
        self.status.setText("\n".join(lines))

    def _english(self) -> bool:
        return i18n.current_language() == "en"

    def retranslate(self) -> None:
        if self.outcome is not None:
            self._describe(self.outcome)
        self.setWindowTitle(self.tr("Signing"))
        self.heading.setText(self.tr("Approving and signing; keep the token plugged in."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))


def _ignored(result: object, error: BaseException | None) -> None:
    """Nothing to show: the notices appear on the requests and go out with the next sync."""
