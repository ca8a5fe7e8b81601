"""The last good backup in the status bar, a warning when it is too old, and "Back up now".

:class:`BackupIndicator` reads ``port.state(user)`` (files in the backup folder: the ``io``
pool) at start and every :data:`CHECK_MS`; at each check it first asks
``port.back_up_if_due()`` (the station's schedule: daily, and after N recorded changes),
which runs the backup in the worker, never on the GUI thread. The administrator also has
"Back up now". A failed backup says what happened in both languages; earlier backups are
untouched (see :mod:`services.backup`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from services.api import BackupMade, BackupPort, BackupState, SignedInUser
from ui.common import i18n
from ui.common.errors import bilingual
from ui.common.formatting import format_date
from ui.common.lay_out_now import lay_out_now
from ui.common.naming import named
from ui.common.tasks import TaskRunner

__all__ = ["CHECK_MS", "BackupIndicator"]

log = logging.getLogger(__name__)

CHECK_MS = 10 * 60 * 1000
"""How often the schedule is asked whether a backup is due (and the state read again)."""


class BackupIndicator(QWidget):
    def __init__(
        self,
        port: BackupPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._user = user
        self._runner = runner
        self._state: BackupState | None = None
        self._failure: BaseException | None = None
        self._busy = False
        self.label = named(QLabel(), "Hint")
        self.button = named(QPushButton(), "LinkButton")
        self.button.setVisible(port.may_back_up_now(user))
        self.button.clicked.connect(self.back_up_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check_schedule)
        self.timer.start()
        self._retranslate()
        self.check_schedule()

    # --- work in the workers -----------------------------------------------------------------

    def check_schedule(self) -> None:
        """Back up if the schedule says so, then show the state (both off the GUI thread)."""
        if self._busy:
            return
        self._busy = True
        self._runner.run(
            self._port.back_up_if_due, self._backup_done, pool="io", owner=self, label="backup.due"
        )

    def back_up_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._retranslate()
        user = self._user
        self._runner.run(
            lambda: self._port.back_up_now(user),
            self._backup_done,
            pool="io",
            owner=self,
            label="backup.now",
        )

    def refresh(self) -> None:
        user = self._user
        self._runner.run(
            lambda: self._port.state(user), self._state_read, pool="io", owner=self, label="backup"
        )

    def _backup_done(self, made: BackupMade | None, error: Any) -> None:
        self._busy = False
        self._failure = error
        if made is not None:
            log.info("backup made at %s", made.path)
        self._retranslate()
        self.refresh()

    def _state_read(self, state: BackupState | None, error: Any) -> None:
        if state is not None:
            self._state = state
        elif error is not None:
            log.info("backup state could not be read: %s", error)
        self._retranslate()

    # --- words ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            lay_out_now(self)  # the status bar fits the new words in this frame
        super().changeEvent(event)

    def text(self) -> str:
        """The few words the status bar has room for (the sentence is in :meth:`sentence`)."""
        state = self._state
        if self._busy:
            return self.tr("Backing up…")
        if state is None:
            return ""
        if not state.folder_set:
            return self.tr("No backup folder")
        if state.last_at is None:
            return self.tr("No backup yet")
        when = format_date(state.last_at, i18n.current_language(), with_time=False)
        if state.too_old:
            return self.tr("Backup old: %1").replace("%1", when)
        return self.tr("Backup %1").replace("%1", when)

    def sentence(self) -> str:
        state = self._state
        if state is None or state.last_at is None:
            return ""
        when = format_date(state.last_at, i18n.current_language(), short=False)
        if state.too_old:
            return (
                self.tr("The last backup was made %1, more than %2 hours ago.")
                .replace("%1", when)
                .replace("%2", str(state.warn_after_hours))
            )
        return self.tr("The last backup was made %1.").replace("%1", when)

    def _retranslate(self) -> None:
        self.button.setText(self.tr("Back up now"))
        self.button.setToolTip(self.tr("Make a backup now in the backup folder"))
        self.button.setEnabled(not self._busy)
        self.label.setText(self.text())
        failed = self._failure is not None
        warn = failed or (self._state is not None and self._state.too_old and not self._busy)
        self.label.setProperty("tone", "error" if warn else "")
        tip = self.sentence()
        if failed:
            th, en = bilingual(
                self._failure,
                "สำรองข้อมูลไม่สำเร็จ สำเนาสำรองเดิมยังอยู่ครบ ดูรายละเอียดในบันทึกของโปรแกรม",
                "The backup failed; earlier backups are intact. The log has the details.",
            )
            tip = f"{th}\n{en}"
        elif self._state is not None and not self._state.folder_set:
            tip = self.tr("The administrator sets the backup folder on the Settings page.")
        self.label.setToolTip(tip)
        if failed:
            self.label.setText(self.tr("Backup failed"))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        # Its few words stay whole; the queue count to the left gives way first.
        self.label.setMinimumWidth(self.label.sizeHint().width())
