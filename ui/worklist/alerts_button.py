"""The alerts badge in the window's header, and a tray notice when something new arrives.

It asks the services for the officer's alerts (``worklist.alerts``) every minute and
whenever the window announces a change; the badge counts those that need the officer (for a
supervisor, a request nobody holds only once it has waited over a business day; the younger
ones are listed under their own heading, uncounted). When the count of *new*
things (not the standing SLA warnings) grows, a notice goes to the system tray where there
is one; offscreen, or on a desktop without a tray, the badge alone says it. Opening the menu
lists the alerts; choosing one opens that request; "Mark all as seen" clears all but the
standing ones (SLA warnings, and for a supervisor the requests nobody holds), which stay until
the request moves on. The daily digest e-mail is turned on
and off here too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QToolButton, QWidget

from services.api import AlertItem, AlertKind, Alerts, SignedInUser, WorklistPort
from ui.common import i18n
from ui.common.formatting import days_text
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["AlertsButton", "POLL_MS"]

POLL_MS = 60_000
_LISTED = 15


class AlertsButton(Retranslating, QToolButton):
    """The bell with the number of alerts, its menu, and the tray notice.

    Signals:
        request_chosen(str application_id): the officer chose an alert in the menu.
        alerts_did_load(object Alerts): fresh alerts arrived from the services.
    """

    request_chosen = Signal(str)
    alerts_did_load = Signal(object)

    def __init__(
        self,
        port: WorklistPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "AlertsButton")
        self._port, self._runner, self._user = port, runner, user
        self._alerts = Alerts(None)
        self._notified = 0
        self._wants_digest = False
        self.setIcon(QIcon(str(i18n.RESOURCES / "icons" / "bell.svg")))
        self.setIconSize(QSize(20, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.menu_.aboutToShow.connect(self._fill_menu)
        self.setMenu(self.menu_)
        self.seen_action = QAction(self)
        self.seen_action.triggered.connect(self.mark_seen)
        self.digest_action = QAction(self, checkable=True)
        self.digest_action.toggled.connect(self._digest_toggled)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QIcon(str(i18n.RESOURCES / "icons" / "anuyat.svg")), self)
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.retranslate()
        self._load_digest()
        self.refresh()

    @property
    def alerts(self) -> Alerts:
        return self._alerts

    @property
    def notices_sent(self) -> int:
        """How many new alerts the last tray notice (or badge, without a tray) announced."""
        return self._notified

    def stop(self) -> None:
        self._timer.stop()
        if self.tray is not None:
            self.tray.hide()

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        port, user = self._port, self._user
        self._runner.run(lambda: port.alerts(user), self._loaded, owner=self, label="alerts.read")

    def _loaded(self, alerts: Alerts | None, error: BaseException | None) -> None:
        if error is not None or alerts is None:
            return  # the badge keeps what it knew; the next poll tries again (logged)
        fresh = _new_count(alerts)
        if fresh > _new_count(self._alerts):
            self._notify(alerts, fresh)
        self._alerts = alerts
        self.retranslate()
        self.alerts_did_load.emit(alerts)

    def _notify(self, alerts: Alerts, fresh: int) -> None:
        self._notified = fresh
        if self.tray is None or not self.tray.supportsMessages():
            return
        self.tray.showMessage(
            self.tr("Anuyat"),
            self.tr("{count} new in your work list").format(count=fresh),
            QSystemTrayIcon.MessageIcon.Information,
            8000,
        )

    def _tray_clicked(self) -> None:
        self.showMenu()

    def mark_seen(self) -> None:
        port, user = self._port, self._user

        def done(_: Any, error: BaseException | None) -> None:
            if error is None:
                self._notified = 0
                self.refresh()

        self._runner.run(lambda: port.mark_alerts_seen(user), done, owner=self, label="alerts.seen")

    # -- the digest ------------------------------------------------------------------------

    def _load_digest(self) -> None:
        port, user = self._port, self._user

        def done(wanted: bool | None, error: BaseException | None) -> None:
            if error is None and wanted is not None:
                self._wants_digest = wanted
                self.digest_action.blockSignals(True)
                self.digest_action.setChecked(wanted)
                self.digest_action.blockSignals(False)

        self._runner.run(lambda: port.wants_digest(user), done, owner=self, label="alerts.digest")

    def _digest_toggled(self, wanted: bool) -> None:
        port, user = self._port, self._user

        def done(_: Any, error: BaseException | None) -> None:
            if error is not None:  # put the tick back as the store has it
                self._load_digest()
            else:
                self._wants_digest = wanted

        self._runner.run(
            lambda: port.set_digest(user, wanted), done, owner=self, label="alerts.set_digest"
        )

    # -- the menu and the badge ------------------------------------------------------------

    def _fill_menu(self) -> None:
        menu = self.menu_
        menu.clear()
        items = self._alerts.items
        if not items:
            empty = menu.addAction(self.tr("Nothing new"))
            empty.setEnabled(False)
        counted = [item for item in items if item.needs_action]
        listed = [item for item in items if not item.needs_action]
        self._add_items(counted[:_LISTED], len(counted))
        room = max(_LISTED - len(counted), 0)
        if listed and room:
            menu.addSection(self.tr("Waiting under a business day"))
            self._add_items(listed[:room], len(listed))
        menu.addSeparator()
        menu.addAction(self.seen_action)
        menu.addAction(self.digest_action)

    def _add_items(self, shown: list[AlertItem], of: int) -> None:
        for item in shown:
            action = self.menu_.addAction(self._describe(item))
            action.triggered.connect(
                lambda _=False, i=item.application_id: self.request_chosen.emit(i)
            )
        if of > len(shown):
            more = self.menu_.addAction(self.tr("… and {n} more").format(n=of - len(shown)))
            more.setEnabled(False)

    def _describe(self, item: AlertItem) -> str:
        number = item.tracking_number
        match item.kind:
            case AlertKind.NEW_IN_QUEUE:
                return self.tr("New in your queue: {number}").format(number=number)
            case AlertKind.ASSIGNED_TO_ME:
                return self.tr("Assigned to you: {number}").format(number=number)
            case AlertKind.APPLICANT_REPLIED:
                return self.tr("The applicant replied: {number}").format(number=number)
            case AlertKind.UNASSIGNED:
                return self.tr("Nobody holds it yet: {number}").format(number=number)
            case AlertKind.LICENCE_DATA_DUE:
                days = item.business_days_left or 0.0
                if days < 0:
                    return self.tr("Licence data overdue: {number}").format(number=number)
                return self.tr("Licence data due ({left}): {number}").format(
                    number=number, left=days_text(days)
                )
            case AlertKind.SLA_AT_RISK:
                left = item.business_days_left
                if left is not None and left < 0:
                    return self.tr("Overdue: {number}").format(number=number)
                return self.tr("Due soon ({left}): {number}").format(
                    number=number, left=days_text(left or 0.0)
                )
        return number

    def retranslate(self) -> None:
        total = self._alerts.needing_action
        self.setText(str(total) if total else "")
        self.setProperty("alerting", bool(total))
        self.style().unpolish(self)
        self.style().polish(self)
        self.setToolTip(
            self.tr("{count} alerts: new requests, replies and SLAs about to run out").format(
                count=total
            )
            if total
            else self.tr("No alerts")
        )
        self.setAccessibleName(self.tr("Alerts"))
        self.seen_action.setText(self.tr("Mark all as seen"))
        self.digest_action.setText(self.tr("Daily summary by e-mail"))
        if self.tray is not None:
            self.tray.setToolTip(self.toolTip())


# Alerts that stand until the request moves on: they never make a notice of their own.
_STANDING = (AlertKind.SLA_AT_RISK, AlertKind.LICENCE_DATA_DUE, AlertKind.UNASSIGNED)


def _new_count(alerts: Alerts) -> int:
    return sum(1 for item in alerts.items if item.kind not in _STANDING)
