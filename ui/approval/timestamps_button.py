""" "Add timestamps (N)": the approver's way to time-stamp what was signed offline.

Shown only while signed memos — or, on the issuing page, licences — wait for a time-stamp (the
agency's TSA did not answer when they were signed; :mod:`services.approval.timestamps`,
:mod:`services.issuing.timestamps`). Pressing it asks the services to add
them — network work, in the I/O pool — and says how it went in the page's message box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from services.api import SignedInUser
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["TimestampsButton"]

_FALLBACK = (
    "เพิ่มตราประทับเวลาไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The time-stamps could not be added because of an internal error. Please tell your "
    "administrator.",
)


# What the button asks, given by its page: the approval port's calls (memos) or the issuing
# port's (licences). Two calls, not a port, so each port keeps names of its own.
PendingCall = Callable[[SignedInUser], Sequence[object]]
AddCall = Callable[[SignedInUser], list[str]]


class TimestampsButton(Retranslating, QPushButton):
    """Signals:
    timestamps_did_change(): time-stamps were added (the shown record may have a new file).
    """

    timestamps_did_change = Signal()

    def __init__(
        self,
        pending: PendingCall,
        add: AddCall,
        runner: TaskRunner,
        user: SignedInUser,
        messages: ErrorBox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "AddTimestamps")
        self._pending, self._add = pending, add
        self._runner, self._user, self._messages = runner, user, messages
        self.waiting = 0
        self.clicked.connect(self.add_now)
        self.retranslate()
        self.hide()

    def refresh(self) -> None:
        pending_call, user = self._pending, self._user

        def done(pending: Sequence[object] | None, error: BaseException | None) -> None:
            if error is None and pending is not None:
                self.waiting = len(pending)
                self.retranslate()
                self.setVisible(self.waiting > 0)

        self._runner.run(lambda: pending_call(user), done, owner=self, label="pending timestamps")

    def add_now(self) -> None:
        add_call, user = self._add, self._user
        self.setEnabled(False)

        def done(numbers: list[str] | None, error: BaseException | None) -> None:
            self.setEnabled(True)
            if error is not None or numbers is None:
                self._messages.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            else:
                count = len(numbers)
                self._messages.show_message(
                    f"เพิ่มตราประทับเวลาและข้อมูลตรวจสอบระยะยาวแล้ว {count} รายการ",
                    f"Time-stamps and long-term validation data added to {count} record(s).",
                )
                self.timestamps_did_change.emit()
            self.refresh()

        self._runner.run(
            lambda: add_call(user), done, pool="io", owner=self, label="add timestamps"
        )

    def retranslate(self) -> None:
        self.setText(self.tr("Add timestamps ({count})").format(count=self.waiting))
        self.setToolTip(
            self.tr(
                "Records signed while the time-stamping authority could not be reached; "
                "add their time-stamps now that the network is back."
            )
        )
