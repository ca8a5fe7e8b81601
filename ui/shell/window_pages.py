"""The pages the main window's centre shows besides the application list, and which is up.

Each page is registered once with what showing it means (read again, and where the keyboard
focus goes); the queue pane's entries choose among them (:mod:`ui.shell.queue_pane`). A page
the officer may not have is never built, so nothing of it can be reached by a key either.
What a page changes is announced on the window's :class:`~ui.common.changes.ChangeHub`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QStackedWidget, QWidget

from services.api import Ports, SignedInUser
from ui.admin import OfficersPort
from ui.admin.officers_page import OfficersPage
from ui.admin.settings_page import SettingsPage
from ui.approval.arrivals import ArrivalBanner, ArrivalNotifier
from ui.approval.page import ApprovalPage
from ui.catalog.catalog_page import CatalogPage
from ui.common.changes import ChangeHub, Changes
from ui.common.tasks import TaskRunner
from ui.fees.page import FeesPage
from ui.intake.not_requests_view import NotRequestsView
from ui.intake.quarantine_view import QuarantineView
from ui.issuing.page import IssuingPage
from ui.reports.audit_page import AuditLogPage
from ui.reports.monthly_page import MonthlyReportPage
from ui.retention.page import RetentionPage
from ui.shell.dashboard_view import DashboardView
from ui.shell.queue_pane import (
    APPROVALS,
    AUDIT,
    CATALOG,
    DASHBOARD,
    ISSUING,
    MONTHLY_REPORT,
    NOT_REQUESTS,
    OFFICERS,
    PAYMENTS,
    QUARANTINE,
    QUEUES,
    RETENTION,
    SETTINGS,
    QueuePane,
)
from ui.shell.window_rights import WindowRights
from ui.worklist.alerts_button import AlertsButton

__all__ = ["WindowPages"]

_SHORTCUT = Qt.FocusReason.ShortcutFocusReason


@dataclass(frozen=True, slots=True)
class _Page:
    widget: QWidget
    on_show: Callable[[], None]
    """Read the page again and put the focus where the officer starts on it."""


def _refresh_and_focus(refresh: Callable[[], None], focus: QWidget) -> Callable[[], None]:
    def show() -> None:
        refresh()
        focus.setFocus(_SHORTCUT)

    return show


class WindowPages:
    """Builds the pages this officer may have into ``stack`` (after the list page) and
    switches among them; the attributes are None for pages the officer does not have."""

    def __init__(
        self,
        stack: QStackedWidget,
        list_page: QWidget,
        *,
        ports: Ports,
        user: SignedInUser,
        runner: TaskRunner,
        settings: QSettings,
        accounts: OfficersPort | None,
        rights: WindowRights,
        queues: QueuePane,
        changes: ChangeHub,
        catalog_did_change: Callable[[], None],
        agency_did_change: Callable[[], None],
    ) -> None:
        self._stack = stack
        self._list_page = list_page
        self._queues = queues
        self._pages: dict[str, _Page] = {}

        def lists_changed(*_: object) -> None:
            changes.announce(Changes(lists=True))

        def intake_changed(*_: object) -> None:
            changes.announce(Changes(lists=True, quarantine=True))

        self.quarantine: QuarantineView | None = None
        if rights.quarantine:
            self.quarantine = QuarantineView(ports.intake, user, runner)
            self.quarantine.items_did_load.connect(queues.set_quarantine_count)
            self.quarantine.quarantine_did_change.connect(intake_changed)
            self._add(QUARANTINE, self.quarantine, self.quarantine.refresh, self.quarantine.table)
        self.not_requests: NotRequestsView | None = None
        if rights.not_requests:
            self.not_requests = NotRequestsView(
                ports.intake, user, runner, can_take=rights.take_as_request
            )
            self.not_requests.items_did_load.connect(queues.set_not_requests_count)
            # A mail taken as a request is a new request in the queues.
            self.not_requests.mail_did_become_request.connect(lists_changed)
            page = self.not_requests
            self._add(NOT_REQUESTS, page, page.refresh, page.table)
        self.dashboard = DashboardView(ports.shell, user, runner)
        stack.addWidget(self.dashboard)
        self._pages[DASHBOARD] = _Page(self.dashboard, self.dashboard.refresh)
        self.officers: OfficersPage | None = None
        if accounts is not None and rights.manage_officers:
            self.officers = OfficersPage(accounts, runner, user)
            self._add(OFFICERS, self.officers, self.officers.refresh, self.officers.table)
        self.monthly_report: MonthlyReportPage | None = None
        if rights.read_reports:
            self.monthly_report = MonthlyReportPage(ports.reports, runner, user)
            stack.addWidget(self.monthly_report)
            self._pages[MONTHLY_REPORT] = _Page(self.monthly_report, self.monthly_report.start)
        self.audit_log: AuditLogPage | None = None
        if rights.read_audit:
            self.audit_log = AuditLogPage(ports.reports, runner, user)
            stack.addWidget(self.audit_log)
            self._pages[AUDIT] = _Page(self.audit_log, self.audit_log.start)
        self.retention: RetentionPage | None = None
        if ports.archive is not None and rights.retention:
            self.retention = RetentionPage(ports.archive, runner, user)
            # A destruction changes the lists (tombstones read as destroyed).
            self.retention.step_did_finish.connect(lists_changed)
            page_r = self.retention
            self._add(RETENTION, page_r, page_r.refresh, page_r.lists)
        self.approvals: ApprovalPage | None = None
        if rights.approve:
            self.approvals = ApprovalPage(ports.approval, ports.review, user, runner, settings)
            self.approvals.queue_did_change.connect(queues.set_approvals_count)
            self.approvals.applications_did_change.connect(lists_changed)
            self._add(APPROVALS, self.approvals, self.approvals.refresh, self.approvals.table)
            self.approvals.refresh()  # the badge: how many wait for approval
        self.payments: FeesPage | None = None
        if ports.fees is not None and rights.verify_payments:
            self.payments = FeesPage(ports.fees, user, runner)
            self.payments.queue_did_change.connect(queues.set_payments_count)
            self.payments.applications_did_change.connect(lists_changed)
            self._add(PAYMENTS, self.payments, self.payments.refresh, self.payments.table)
            self.payments.refresh()  # the badge: slips to check
        self.settings_page: SettingsPage | None = None
        if ports.settings is not None and rights.manage_settings:
            self.settings_page = SettingsPage(ports.settings, runner, user)
            self.settings_page.agency_did_change.connect(agency_did_change)
            page_s = self.settings_page
            self._add(SETTINGS, page_s, page_s.refresh, page_s.nav)
        self.issuing: IssuingPage | None = None
        if ports.issuing is not None and rights.issue:
            self.issuing = IssuingPage(ports.issuing, user, runner)
            self.issuing.applications_did_change.connect(lists_changed)
            self._add(ISSUING, self.issuing, self.issuing.refresh, self.issuing.waiting)
        self.catalog_page: CatalogPage | None = None
        if ports.catalog is not None and rights.view_catalog:
            self.catalog_page = CatalogPage(ports.catalog, runner, user)
            self.catalog_page.services.catalog_did_change.connect(catalog_did_change)
            self.catalog_page.holidays.calendar_did_change.connect(catalog_did_change)
            page_c = self.catalog_page
            self._add(CATALOG, page_c, page_c.refresh, page_c.services.table)

    def announce_arrivals(
        self, banner: ArrivalBanner, alerts: AlertsButton
    ) -> ArrivalNotifier | None:
        """New reviewed requests: a tray notice, else the banner (:mod:`ui.approval.arrivals`);
        None for officers without the approval page."""
        approvals = self.approvals
        if approvals is None:
            return None
        arrivals = ArrivalNotifier(banner, alerts.tray, approvals)
        approvals.arrivals_did_come.connect(arrivals.announce)
        banner.open_requested.connect(lambda: self._queues.select_page(APPROVALS))
        # The alerts' background read sees requests passed on at other workstations.
        alerts.alerts_did_load.connect(approvals.read_again_if_new)
        return arrivals

    def _add(self, name: str, page: QWidget, refresh: Callable[[], None], focus: QWidget) -> None:
        self._stack.addWidget(page)
        self._pages[name] = _Page(page, _refresh_and_focus(refresh, focus))

    def current(self) -> str:
        """The page up: :data:`~ui.shell.queue_pane.QUEUES` for the application list."""
        shown = self._stack.currentWidget()
        for name, page in self._pages.items():
            if page.widget is shown:
                return name
        return QUEUES

    def show(self, name: str) -> bool:
        """Bring page ``name`` up and read it again; False (the list is shown) for the list
        itself and for a page this officer does not have."""
        page = self._pages.get(name)
        if page is None:
            self._stack.setCurrentWidget(self._list_page)
            return False
        self._stack.setCurrentWidget(page.widget)
        page.on_show()
        return True

    def refresh_intake(self) -> None:
        """Read the quarantine and the "Not requests" tray again (a sync may move both)."""
        if self.quarantine is not None:
            self.quarantine.refresh()
        if self.not_requests is not None:
            self.not_requests.refresh()
