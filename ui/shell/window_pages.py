"""The pages the main window's centre shows besides the application list, and which is up.

Each page is registered once with what showing it means (read again, and where the keyboard
focus goes); the queue pane's entries choose among them (:mod:`ui.shell.queue_pane`). A page
the officer may not have is never built, so nothing of it can be reached by a key either;
one the officer has is built the first time it is shown. The badges on the pane's entries
count from the services, not from their pages (:mod:`ui.shell.page_badges`), and new
requests for approval are told by :class:`~ui.approval.arrivals.ArrivalReader`, page or
not. What a page changes is announced on the window's :class:`~ui.common.changes.ChangeHub`.
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
from ui.approval.arrivals import ArrivalBanner, ArrivalNotifier, ArrivalReader
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
from ui.shell.page_badges import PageBadges
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


def _table(page: QuarantineView | NotRequestsView | ApprovalPage | FeesPage) -> QWidget:
    return page.table


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

    Each page is made the first time it is shown (:class:`~ui.shell.lazy_widget.LazyWidget`);
    its attribute makes it when read, and is None for a page the officer does not have. The
    queue pane's badges are :attr:`badges`' (read by :meth:`read_badges`)."""

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

        self._intake_changed = intake_changed
        self._settings = settings
        self._can_take = rights.take_as_request
        self.badges = PageBadges(
            queues, ports=ports, user=user, runner=runner, rights=rights, parent=stack
        )
        self.arrivals: ArrivalReader | None = None
        if rights.approve:
            self.arrivals = ArrivalReader(ports.approval, user, runner, parent=stack)
        if rights.quarantine:
            self._lazy(QUARANTINE, self._make_quarantine, QuarantineView.refresh, _table)
        if rights.not_requests:
            self._lazy(NOT_REQUESTS, self._make_not_requests, NotRequestsView.refresh, _table)
        if rights.approve:
            self._lazy(APPROVALS, self._make_approvals, ApprovalPage.refresh, _table)
        if ports.fees is not None and rights.verify_payments:
            self._lazy(PAYMENTS, self._make_payments, FeesPage.refresh, _table)
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
    # A page with a badge reads the badges again whenever it reads its own list, so a
    # decision taken on it (a slip set aside announces nothing else) shows on the pane.

    def _make_quarantine(self) -> QuarantineView:
        page = QuarantineView(self._ports.intake, self._user, self._runner, self._stack)
        page.items_did_load.connect(self.badges.read)
        page.quarantine_did_change.connect(self._intake_changed)
        return page

    def _make_not_requests(self) -> NotRequestsView:
        page = NotRequestsView(
            self._ports.intake, self._user, self._runner, can_take=self._can_take,
            parent=self._stack,
        )  # fmt: skip
        page.items_did_load.connect(self.badges.read)
        # A mail taken as a request is a new request in the queues.
        page.mail_did_become_request.connect(self._lists_changed)
        return page

    def _make_approvals(self) -> ApprovalPage:
        ports = self._ports
        page = ApprovalPage(
            ports.approval, ports.review, self._user, self._runner, self._settings, self._stack
        )
        page.queue_did_change.connect(self.badges.read)
        page.applications_did_change.connect(self._lists_changed)
        return page

    def _make_payments(self) -> FeesPage:
        assert self._ports.fees is not None
        page = FeesPage(self._ports.fees, self._user, self._runner, self._stack)
        page.queue_did_change.connect(self.badges.read)
        page.applications_did_change.connect(self._lists_changed)
        return page

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
    def quarantine(self) -> QuarantineView | None:
        return self._page(QUARANTINE, QuarantineView)

    @property
    def not_requests(self) -> NotRequestsView | None:
        return self._page(NOT_REQUESTS, NotRequestsView)

    @property
    def approvals(self) -> ApprovalPage | None:
        return self._page(APPROVALS, ApprovalPage)

    @property
    def payments(self) -> FeesPage | None:
        return self._page(PAYMENTS, FeesPage)

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
        reader = self.arrivals
        if reader is None:
            return None
        arrivals = ArrivalNotifier(banner, alerts.tray, reader)
        reader.arrivals_did_come.connect(arrivals.announce)
        banner.open_requested.connect(lambda: self._queues.select_page(APPROVALS))
        # The alerts' background read sees requests passed on at other workstations.
        alerts.alerts_did_load.connect(reader.read_again_if_new)
        holder = self._pages[APPROVALS].holder
        holder.when_built(lambda page: alerts.alerts_did_load.connect(page.read_again_if_new))
        return arrivals

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

    def read_badges(self) -> None:
        """Count the badges again, and look for requests new in the approval queue."""
        self.badges.read()
        if self.arrivals is not None:
            self.arrivals.read()

    def refresh_intake(self) -> None:
        """Read the quarantine and the "Not requests" tray again if made (a sync may move
        both); their badges are :meth:`read_badges`'."""
        for name in (QUARANTINE, NOT_REQUESTS):
            page = self.built(name)
            if isinstance(page, QuarantineView | NotRequestsView):
                page.refresh()

    def refresh_approvals(self) -> None:
        """Read the approval page again if made (its list follows what reviewers pass on)."""
        page = self.built(APPROVALS)
        if isinstance(page, ApprovalPage):
            page.refresh()
