"""Telling a signed-in approver that reviewed requests have just arrived for approval.

:class:`ArrivalReader` reads the approval queue whenever the window's one change hook
(:class:`~ui.common.changes.ChangeHub`) says lists may have moved — a reviewer's verdict
here, a sync, F5 — always in the database pool, never by polling on the GUI thread, and
whether or not the approval page was ever opened (it is made on first open).
:class:`ArrivalWatch` compares each reading with what the approver has already been shown:
the first reading after sign-in is the badge's to tell, later ones announce only requests
never seen before in this session. :class:`ArrivalNotifier` puts the news in the system tray
where the desktop has one that shows messages, else in :class:`ArrivalBanner`, a strip at
the top of the window with a button that opens the approval page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from services.api import AlertKind, Alerts, ApplicationRow, SignedInUser
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:  # the approval facade's module is loaded by the page, when first opened
    from services.api import ApprovalPort

__all__ = ["ArrivalBanner", "ArrivalNotifier", "ArrivalReader", "ArrivalWatch"]

log = logging.getLogger(__name__)

_NAMED = 3  # tracking numbers named in a notice; the rest are counted


class ArrivalWatch:
    """What the approver has been shown; says which requests of a new reading are news."""

    def __init__(self) -> None:
        self._known: set[str] | None = None

    def news(self, rows: Sequence[ApplicationRow]) -> list[ApplicationRow]:
        """The rows never seen before in this session, in queue (first-come) order."""
        ids = {row.id for row in rows}
        if self._known is None:  # the first reading: what waited at sign-in, not news
            self._known = ids
            return []
        fresh = [row for row in rows if row.id not in self._known]
        self._known |= ids
        return fresh

    def has_seen(self, application_id: str) -> bool:
        return self._known is not None and application_id in self._known


class ArrivalReader(QObject):
    """Reads the approval queue (database pool) and tells which requests are news.

    Signals:
        arrivals_did_come(list[ApplicationRow]): requests new to this session joined the queue.
    """

    arrivals_did_come = Signal(list)

    def __init__(
        self,
        port: ApprovalPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port, self._user, self._runner = port, user, runner
        self._watch = ArrivalWatch()

    def read(self) -> None:
        port, user = self._port, self._user

        def done(rows: list[ApplicationRow] | None, error: BaseException | None) -> None:
            if error is not None or rows is None:
                # Nothing to tell this time; the next change reads again (the task logged why).
                log.warning("approval arrivals not read: %s", type(error).__name__)
                return
            news = self._watch.news(rows)
            if news:
                self.arrivals_did_come.emit(news)

        self._runner.run(lambda: port.queue(user), done, owner=self, label="approval.arrivals")

    def read_again_if_new(self, alerts: Alerts) -> None:
        """Read again when the officer's alerts name a request waiting that was never seen
        (passed on at another workstation since the last reading)."""
        if any(
            item.kind == AlertKind.NEW_IN_QUEUE and not self._watch.has_seen(item.application_id)
            for item in alerts.items
        ):
            self.read()


def _numbers(rows: Sequence[ApplicationRow]) -> str:
    named_ = ", ".join(row.tracking_number for row in rows[:_NAMED])
    return named_ + (" …" if len(rows) > _NAMED else "")


class ArrivalBanner(Retranslating, QFrame):
    """The in-window notice: how many arrived, which, and a button to the approval page.

    Signals:
        open_requested(): the approver pressed "Open approvals".
    """

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ArrivalBanner")
        self._rows: list[ApplicationRow] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        self.label = named(QLabel(), "ArrivalText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.open_button = named(QPushButton(), "ArrivalOpen")
        self.open_button.clicked.connect(self._open)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.dismiss_button = named(QToolButton(), "DismissButton")
        self.dismiss_button.setText("\u00d7")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()
        self.hide()

    def show_arrivals(self, rows: Sequence[ApplicationRow]) -> None:
        """Add ``rows`` to what the banner announces (it gathers until dismissed)."""
        shown = {row.id for row in self._rows}
        self._rows += [row for row in rows if row.id not in shown]
        self.retranslate()
        self.show()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def dismiss(self) -> None:
        self._rows = []
        self.hide()

    def _open(self) -> None:
        self.dismiss()
        self.open_requested.emit()

    def retranslate(self) -> None:
        self.label.setText(
            self.tr("{count} reviewed request(s) arrived for your approval: {numbers}").format(
                count=len(self._rows), numbers=_numbers(self._rows)
            )
        )
        self.open_button.setText(self.tr("Open approvals"))
        self.dismiss_button.setToolTip(self.tr("Dismiss this message"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this message"))


class ArrivalNotifier(QObject):
    """Sends an arrival notice to the tray when it can show messages, else to the banner."""

    def __init__(
        self, banner: ArrivalBanner, tray: QSystemTrayIcon | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.banner = banner
        self.tray = tray
        self.tray_messages = 0
        # A click on the tray message opens the alerts menu (the tray icon is the alerts
        # badge's), which lists these requests among the officer's alerts.

    def announce(self, rows: Sequence[ApplicationRow]) -> None:
        if not rows:
            return
        tray = self.tray
        if tray is not None and tray.isVisible() and tray.supportsMessages():
            tray.showMessage(
                self.tr("Anuyat: waiting for your approval"),
                self.tr("{count} reviewed request(s) arrived: {numbers}").format(
                    count=len(rows), numbers=_numbers(rows)
                ),
                QSystemTrayIcon.MessageIcon.Information,
                10_000,
            )
            self.tray_messages += 1
            return
        self.banner.show_arrivals(rows)
