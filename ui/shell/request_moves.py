"""Moving a request from the list's detail panel: classify it (intake) or withdraw it at the
applicant's wish (intake, reviewer). Each opens its dialog (``ui.common.request_dialogs``);
a change made is announced on the window's change hook, since its queue and counts moved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from services.api import ApplicationRow, IntakePort, ServiceOption, SignedInUser
from ui.common.changes import ChangeHub, Changes
from ui.common.errors import ErrorBox
from ui.common.request_dialogs import ClassifyDialog, WithdrawDialog
from ui.common.tasks import TaskRunner

__all__ = ["CLASSIFY_FAILED", "RequestMoves"]

CLASSIFY_FAILED = (
    "อ่านรายการบริการไม่ได้ ลองอีกครั้ง",
    "Could not read the list of services. Try again.",
)


class RequestMoves(QObject):
    """Opens the classify and withdraw dialogs over ``window`` (``user`` is asked each time:
    the signed-in officer can change, e.g. after changing their password)."""

    def __init__(
        self,
        window: QWidget,
        port: IntakePort,
        runner: TaskRunner,
        user: Callable[[], SignedInUser],
        error_box: ErrorBox,
        changes: ChangeHub,
    ) -> None:
        super().__init__(window)
        self._window, self._port, self._runner, self._user = window, port, runner, user
        self._error_box, self._changes = error_box, changes
        self.dialog: ClassifyDialog | WithdrawDialog | None = None

    def open_classify(self, row: ApplicationRow) -> None:
        """The services of the catalog are read first, then the dialog opens."""
        port, user = self._port, self._user()

        def done(services: list[ServiceOption] | None, error: BaseException | None) -> None:
            if error is not None or services is None:
                self._error_box.show_error(
                    error, fallback_th=CLASSIFY_FAILED[0], fallback_en=CLASSIFY_FAILED[1]
                )
                return
            dialog = ClassifyDialog(port, self._runner, user, row, services, parent=self._window)
            self._show(dialog)

        self._runner.run(lambda: port.services(user), done, owner=self, label="main.services")

    def open_withdraw(self, row: ApplicationRow) -> None:
        self._show(WithdrawDialog(self._port, self._runner, self._user(), row, parent=self._window))

    def _show(self, dialog: ClassifyDialog | WithdrawDialog) -> None:
        dialog.action_did_succeed.connect(lambda: self._changes.announce(Changes(lists=True)))
        self.dialog = dialog
        dialog.open()
