"""The dialog that makes one change through the services: a form, an inline error, Cancel and
one primary button.

Pressing the button (or Enter) runs :meth:`CallDialog.call`'s work in the database worker;
a refusal is shown in place (Thai and English, from the services) with the form kept as
typed, and the dialog closes only when the change was made. The officers page's dialogs and
those that move a request between desks are built on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ui.common.dialog_buttons import button_row, cancel_and_primary
from ui.common.errors import ErrorBox
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["CallDialog"]

_FALLBACK = (
    "บันทึกไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be saved because of an internal error. Please tell your administrator.",
)


class CallDialog(Retranslating, QDialog):
    """Subclasses fill :attr:`body`, then call :meth:`finish_layout` and :meth:`retranslate`;
    they say what to run (:meth:`call`) and when the form is complete (:meth:`ready`,
    re-checked by :meth:`update_ready` as the officer types).

    Signals:
        action_did_succeed(object): the call's result; the dialog then accepts.
    """

    action_did_succeed = Signal(object)

    def __init__(self, runner: TaskRunner, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setMinimumWidth(width)
        self._runner = runner
        self._busy = False
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 16)
        self.body.setSpacing(8)
        self.error = ErrorBox()
        self.cancel_button, self.ok_button = cancel_and_primary(self, self.submit)

    def finish_layout(self) -> None:
        """The error and the buttons under what the subclass put in the body."""
        self.body.addWidget(self.error)
        self.body.addLayout(button_row(self.cancel_button, self.ok_button))
        self.ok_button.setDefault(True)

    def call(self) -> Callable[[], Any]:
        """The work to run in the database worker, with what the form holds now."""
        raise NotImplementedError(f"{type(self).__name__} must say what it calls")

    def ready(self) -> bool:
        return True

    def update_ready(self) -> None:
        self.ok_button.setEnabled(self.ready() and not self._busy)

    def submit(self) -> None:
        if self._busy or not self.ready():
            return
        self._busy = True
        self.update_ready()
        self.error.clear()
        self._runner.run(self.call(), self._done, owner=self, label=self.objectName())

    def _done(self, result: Any, error: BaseException | None) -> None:
        self._busy = False
        self.update_ready()
        if error is not None:
            self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            self.adjustSize()
            return
        self.action_did_succeed.emit(result)
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # re-worded first (Retranslating)
        if event.type() == QEvent.Type.LanguageChange:
            self.adjustSize()  # the new words' wrapped lines take another height

    def retranslate(self) -> None:
        # One context for the shared button (lupdate reads class names as written).
        self.cancel_button.setText(QCoreApplication.translate("CallDialog", "Cancel"))
