"""The main window's status bar: how many requests the list holds, whether it is still
loading, when it was read, the sync state (the sync indicator, F9, which also fetches and
sends on its own) and the backup's. A sync that brought something announces it.

Its words are in the "MainWindow" translation context, where they have always been.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from services.api import Ports, SignedInUser, SyncSummary
from ui.common.changes import ChangeHub, Changes
from ui.common.naming import named
from ui.common.tasks import TaskRunner
from ui.intake.sync_indicator import SyncIndicator
from ui.shell.backup_indicator import BackupIndicator
from ui.shell.status_texts import count_text

__all__ = ["WindowStatusBar"]


class WindowStatusBar:
    """Fills ``bar``; :meth:`show_list` is called whenever the list or its loading moves."""

    def __init__(
        self,
        bar: QStatusBar,
        ports: Ports,
        user: SignedInUser,
        runner: TaskRunner,
        changes: ChangeHub,
        *,
        auto_sync: int | None,
    ) -> None:
        """``auto_sync``: seconds between the window's own syncs (None: F9 and the schedule)."""
        self._changes = changes
        self._bar = bar
        self.sync = sync = SyncIndicator(ports.intake, user, runner)
        if auto_sync is not None:
            # The window fetches and sends on its own too, not only when F9 is pressed.
            sync.set_auto_sync(auto_sync)
        sync.sync_did_finish.connect(self._sync_finished)
        sync.other_sync_did_finish.connect(
            lambda: changes.announce(Changes(lists=True, quarantine=True))
        )
        bar.setSizeGripEnabled(False)
        self.count_label = named(QLabel(), "QueueCount")
        self.loading_label = named(QLabel(), "Muted")
        self.updated_label = named(QLabel(), "Muted")
        bar.addWidget(self.count_label, 1)
        bar.addPermanentWidget(self.loading_label)
        bar.addPermanentWidget(self.updated_label)
        bar.addPermanentWidget(sync)
        self.backup: BackupIndicator | None = None
        if ports.backup is not None:
            self.backup = BackupIndicator(ports.backup, user, runner)
            # Beside the queue count, which gives way first: the sync state on the right
            # already fills the bar in Thai at 1280 px.
            bar.addWidget(self.backup)

    def _sync_finished(self, summary: SyncSummary | None) -> None:
        if summary is None:
            return
        if summary.new or summary.appended or summary.quarantined or summary.set_aside:
            self._changes.announce(Changes(lists=True, quarantine=True))

    def show_list(
        self,
        total: int | None,
        loaded: int,
        *,
        searching: bool,
        loading: bool,
        updated_at: datetime | None,
    ) -> None:
        """The count line (empty before the first count), "Loading…", and "Updated hh:mm"."""
        if total is None:
            self.count_label.setText("")
        else:
            self.count_label.setText(count_text(total, loaded, searching=searching))
        self.loading_label.setText(
            QCoreApplication.translate("MainWindow", "Loading…") if loading else ""
        )
        if updated_at is not None:
            self.updated_label.setText(
                QCoreApplication.translate("MainWindow", "Updated {time}").format(
                    time=updated_at.strftime("%H:%M")
                )
            )
        # "Loading…" appears in an empty label: given its width now, not a turn later (the
        # first frame showed a sliver of it).
        layout = self._bar.layout()
        if layout is not None:
            layout.activate()
