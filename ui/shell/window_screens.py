"""The main window's screens made when first opened, by the names the window has for them.

The review screen and the pages are made the first time they are opened
(:mod:`ui.shell.lazy_widget`, :mod:`ui.shell.window_pages`). Reading one of these names is
opening it in code (a test, a step that needs the screen) and makes it;
:attr:`~LazyScreens.review_if_built` and ``page_set.built(name)`` look without making.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.admin.officers_page import OfficersPage
    from ui.admin.settings_page import SettingsPage
    from ui.approval.page import ApprovalPage
    from ui.catalog.catalog_page import CatalogPage
    from ui.fees.page import FeesPage
    from ui.intake.not_requests_view import NotRequestsView
    from ui.intake.quarantine_view import QuarantineView
    from ui.issuing.page import IssuingPage
    from ui.reports.audit_page import AuditLogPage
    from ui.reports.monthly_page import MonthlyReportPage
    from ui.retention.page import RetentionPage
    from ui.review.screen import ReviewScreen
    from ui.shell.dashboard_view import DashboardView
    from ui.shell.lazy_widget import LazyWidget
    from ui.shell.window_pages import WindowPages

__all__ = ["LazyScreens"]


class LazyScreens:
    """A mixin of :class:`~ui.shell.main_window.MainWindow`: its screens made on first use."""

    _review: LazyWidget[ReviewScreen]
    page_set: WindowPages

    @property
    def review(self) -> ReviewScreen:
        """The review screen, made now if no request was opened yet this session."""
        return self._review.get()

    @property
    def review_if_built(self) -> ReviewScreen | None:
        return self._review.built

    def _forget_review_files(self) -> None:
        review = self._review.built
        if review is not None:  # never made: it never held a file
            review.forget_files()

    @property
    def quarantine(self) -> QuarantineView | None:
        return self.page_set.quarantine

    @property
    def not_requests(self) -> NotRequestsView | None:
        return self.page_set.not_requests

    @property
    def approvals(self) -> ApprovalPage | None:
        return self.page_set.approvals

    @property
    def payments(self) -> FeesPage | None:
        return self.page_set.payments

    @property
    def dashboard(self) -> DashboardView:
        return self.page_set.dashboard

    @property
    def officers(self) -> OfficersPage | None:
        return self.page_set.officers

    @property
    def monthly_report(self) -> MonthlyReportPage | None:
        return self.page_set.monthly_report

    @property
    def audit_log(self) -> AuditLogPage | None:
        return self.page_set.audit_log

    @property
    def settings_page(self) -> SettingsPage | None:
        return self.page_set.settings_page

    @property
    def issuing(self) -> IssuingPage | None:
        return self.page_set.issuing

    @property
    def catalog_page(self) -> CatalogPage | None:
        return self.page_set.catalog_page

    @property
    def retention(self) -> RetentionPage | None:
        return self.page_set.retention
