"""The pages the main window's centre shows besides the application list, and which is up.

Each page is registered once with what showing it means (read again, and where the keyboard
focus goes); the queue pane's entries choose among them (:mod:`ui.shell.queue_pane`). A page
the officer may not have is never built, so nothing of it can be reached by a key either;
one the officer has is built the first time it is shown, unless its badge counts from the
first frame. What a page changes is announced on the window's
:class:`~ui.common.changes.ChangeHub`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

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
from ui.shell.lazy_widget import LazyWidget
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
_P = TypeVar("_P", bound=QWidget)


@dataclass(frozen=True, slots=True)
class _Page:
    holder: LazyWidget[Any]  # each page its own type
    on_show: Callable[[], None]
    """Read the page again and put the focus where the officer starts on it."""


def _refresh_and_focus(
    holder: LazyWidget[_P], refresh: Callable[[_P], None], focus: Callable[[_P], QWidget]
) -> Callable[[], None]:
    def show() -> None:
        page = holder.get()
        refresh(page)
        focus(page).setFocus(_SHORTCUT)

    return show


class WindowPages:
    """The pages this officer may have, in ``stack`` after the list page, and which is up.

    The pages with a badge in the queue pane (quarantine, "Not requests", approvals,
    payments) are made at once: their counts are read by the page and must be right from
    the first frame. Every other page is made the first time it is shown
    (:class:`~ui.shell.lazy_widget.LazyWidget`); its attribute makes it when read, and is
    None for a page the officer does not have."""

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
        self._ports, self._user, self._runner = ports, user, runner
        self._accounts = accounts
        self._catalog_did_change = catalog_did_change
        self._agency_did_change = agency_did_change

        def lists_changed(*_: object) -> None:
            changes.announce(Changes(lists=True))

        self._lists_changed = lists_changed

        def intake_changed(*_: object) -> None:
            changes.announce(Changes(lists=True, quarantine=True))

        self.quarantine: QuarantineView | None = None
        if rights.quarantine:
            self.quarantine = QuarantineView(ports.intake, user, runner)
            self.quarantine.items_did_load.connect(queues.set_quarantine_count)
            self.quarantine.quarantine_did_change.connect(intake_changed)
            q = self.quarantine
            self._add_ready(QUARANTINE, q, q.refresh, q.table)
        self.not_requests: NotRequestsView | None = None
        if rights.not_requests:
            self.not_requests = NotRequestsView(
                ports.intake, user, runner, can_take=rights.take_as_request
            )
            self.not_requests.items_did_load.connect(queues.set_not_requests_count)
            # A mail taken as a request is a new request in the queues.
            self.not_requests.mail_did_become_request.connect(lists_changed)
            n = self.not_requests
            self._add_ready(NOT_REQUESTS, n, n.refresh, n.table)
        self.approvals: ApprovalPage | None = None
        if rights.approve:
            self.approvals = ApprovalPage(ports.approval, ports.review, user, runner, settings)
            self.approvals.queue_did_change.connect(queues.set_approvals_count)
            self.approvals.applications_did_change.connect(lists_changed)
            a = self.approvals
            self._add_ready(APPROVALS, a, a.refresh, a.table)
            self.approvals.refresh()  # the badge: how many wait for approval
        self.payments: FeesPage | None = None
        if ports.fees is not None and rights.verify_payments:
            self.payments = FeesPage(ports.fees, user, runner)
            self.payments.queue_did_change.connect(queues.set_payments_count)
            self.payments.applications_did_change.connect(lists_changed)
            f = self.payments
            self._add_ready(PAYMENTS, f, f.refresh, f.table)
            self.payments.refresh()  # the badge: slips to check

        # The rest are made when first shown.
        self._lazy(DASHBOARD, self._make_dashboard, DashboardView.refresh, None)
        if accounts is not None and rights.manage_officers:
            self._lazy(OFFICERS, self._make_officers, OfficersPage.refresh, lambda p: p.table)
        if rights.read_reports:
            self._lazy(MONTHLY_REPORT, self._make_monthly, MonthlyReportPage.start, None)
        if rights.read_audit:
            self._lazy(AUDIT, self._make_audit, AuditLogPage.start, None)
        if ports.archive is not None and rights.retention:
            self._lazy(RETENTION, self._make_retention, RetentionPage.refresh, lambda p: p.lists)
        if ports.settings is not None and rights.manage_settings:
            self._lazy(SETTINGS, self._make_settings, SettingsPage.refresh, lambda p: p.nav)
        if ports.issuing is not None and rights.issue:
            self._lazy(ISSUING, self._make_issuing, IssuingPage.refresh, lambda p: p.waiting)
        if ports.catalog is not None and rights.view_catalog:
            focus_catalog: Callable[[CatalogPage], QWidget] = lambda p: p.services.table  # noqa: E731
            self._lazy(CATALOG, self._make_catalog, CatalogPage.refresh, focus_catalog)

    # -- the pages made on first show -----------------------------------------------------

    def _make_dashboard(self) -> DashboardView:
        return DashboardView(self._ports.shell, self._user, self._runner, self._stack)

    def _make_officers(self) -> OfficersPage:
        assert self._accounts is not None
        return OfficersPage(self._accounts, self._runner, self._user, self._stack)

    def _make_monthly(self) -> MonthlyReportPage:
        return MonthlyReportPage(self._ports.reports, self._runner, self._user, self._stack)

    def _make_audit(self) -> AuditLogPage:
        return AuditLogPage(self._ports.reports, self._runner, self._user, self._stack)

    def _make_retention(self) -> RetentionPage:
        assert self._ports.archive is not None
        page = RetentionPage(self._ports.archive, self._runner, self._user, self._stack)
        # A destruction changes the lists (tombstones read as destroyed).
        page.step_did_finish.connect(self._lists_changed)
        return page

    def _make_settings(self) -> SettingsPage:
        assert self._ports.settings is not None
        page = SettingsPage(self._ports.settings, self._runner, self._user, self._stack)
        page.agency_did_change.connect(self._agency_did_change)
        return page

    def _make_issuing(self) -> IssuingPage:
        assert self._ports.issuing is not None
        page = IssuingPage(self._ports.issuing, self._user, self._runner, self._stack)
        page.applications_did_change.connect(self._lists_changed)
        return page

    def _make_catalog(self) -> CatalogPage:
        assert self._ports.catalog is not None
        page = CatalogPage(self._ports.catalog, self._runner, self._user, parent=self._stack)
        page.services.catalog_did_change.connect(self._catalog_did_change)
        page.holidays.calendar_did_change.connect(self._catalog_did_change)
        return page

    def _page(self, name: str, kind: type[_P]) -> _P | None:
        """Page ``name`` (made now if it was not yet), None if the officer does not have it."""
        page = self._pages.get(name)
        if page is None:
            return None
        widget = page.holder.get()
        assert isinstance(widget, kind)
        return widget

    @property
    def dashboard(self) -> DashboardView:
        page = self._page(DASHBOARD, DashboardView)
        assert page is not None  # every officer has the dashboard
        return page

    @property
    def officers(self) -> OfficersPage | None:
        return self._page(OFFICERS, OfficersPage)

    @property
    def monthly_report(self) -> MonthlyReportPage | None:
        return self._page(MONTHLY_REPORT, MonthlyReportPage)

    @property
    def audit_log(self) -> AuditLogPage | None:
        return self._page(AUDIT, AuditLogPage)

    @property
    def retention(self) -> RetentionPage | None:
        return self._page(RETENTION, RetentionPage)

    @property
    def settings_page(self) -> SettingsPage | None:
        return self._page(SETTINGS, SettingsPage)

    @property
    def issuing(self) -> IssuingPage | None:
        return self._page(ISSUING, IssuingPage)

    @property
    def catalog_page(self) -> CatalogPage | None:
        return self._page(CATALOG, CatalogPage)

    def has(self, name: str) -> bool:
        """Whether this officer has page ``name`` (made yet or not)."""
        return name in self._pages

    def built(self, name: str) -> QWidget | None:
        """Page ``name`` if it has been made, else None (this does not make it)."""
        page = self._pages.get(name)
        return None if page is None else page.holder.built

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

    def _add_ready(
        self, name: str, page: QWidget, refresh: Callable[[], None], focus: QWidget
    ) -> None:
        self._stack.addWidget(page)
        holder = LazyWidget.ready(page)
        self._pages[name] = _Page(
            holder, _refresh_and_focus(holder, lambda _: refresh(), lambda _: focus)
        )

    def _lazy(
        self,
        name: str,
        make: Callable[[], _P],
        refresh: Callable[[_P], None],
        focus: Callable[[_P], QWidget] | None,
    ) -> None:
        holder: LazyWidget[_P] = LazyWidget(make)
        holder.when_built(self._stack.addWidget)
        if focus is None:  # the page puts the focus itself when it starts

            def on_show() -> None:
                refresh(holder.get())
        else:
            on_show = _refresh_and_focus(holder, refresh, focus)
        self._pages[name] = _Page(holder, on_show)

    def current(self) -> str:
        """The page up: :data:`~ui.shell.queue_pane.QUEUES` for the application list."""
        shown = self._stack.currentWidget()
        for name, page in self._pages.items():
            if page.holder.built is shown:
                return name
        return QUEUES

    def show(self, name: str) -> bool:
        """Bring page ``name`` up and read it again; False (the list is shown) for the list
        itself and for a page this officer does not have."""
        page = self._pages.get(name)
        if page is None:
            self._stack.setCurrentWidget(self._list_page)
            return False
        self._stack.setCurrentWidget(page.holder.get())  # made the first time
        page.on_show()
        return True

    def refresh_intake(self) -> None:
        """Read the quarantine and the "Not requests" tray again (a sync may move both)."""
        if self.quarantine is not None:
            self.quarantine.refresh()
        if self.not_requests is not None:
            self.not_requests.refresh()
