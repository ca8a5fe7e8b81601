"""The main window: queues on the left, the application list in the centre, details right.

``MainWindow(ports, user, runner)`` asks nothing of the database itself: counts, pages and
the agency come through the :class:`~ui.common.tasks.TaskRunner` from the shell's port; each
screen it holds gets its own area's port (``services.api.Ports``: shell, intake, review).

Intake adds the sync indicator in the status bar (F9), the "Quarantine" page (Alt+Q, intake
and reviewer roles) and the counter registration panel at the right (Ctrl+N, intake role).

Review adds the review screen (Enter on a row, or "Next": Ctrl+Enter / F2), which takes the
whole width while open; the dashboard page (Alt+D); the search box above the list (Ctrl+F),
whose results show as a "Search results" pseudo-queue; and the keyboard cheat-sheet (F1, ?).

Reports (``ports.reports``) add, for the roles the access table allows, the "Monthly report"
page (figures per service, a chart, XLSX and PDF) and the "Audit log" page (events by request,
officer, kind and date; the chain's verification status; CSV and XLSX).

Accounts (``accounts``, an :class:`~ui.admin.OfficersPort`) add "Change my password" to the
user menu and, for administrators, the "Officers" page (Alt+O). A session the services end
(the officer was deactivated, or must change a password) signs out to the sign-in dialog,
which says why (:attr:`MainWindow.end_reason`).

Settings (``ports.settings``) add, for administrators, the "Settings" page (Ctrl+,): the
agency's identity and hours and the station's mailbox, SMTP, drive, token and backup place,
each with "Test connection" (:mod:`ui.admin.settings_page`).

The work list (:class:`~ui.worklist.controls.WorklistControls`) adds the filter bar with
saved views above the list (the officer's own requests first), "Assign…" (Ctrl+Shift+A,
supervisors), "Notes…" (Ctrl+Shift+N) and the alerts badge in the header.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    BANGKOK,
    Action,
    AgencyInfo,
    ApplicationRow,
    Ports,
    SignedInUser,
    StatusCount,
    SyncSummary,
    may,
)
from ui.admin import OfficersPort
from ui.admin.officers_page import OfficersPage
from ui.admin.password_dialogs import ChangePasswordDialog
from ui.admin.settings_page import SettingsPage
from ui.approval.arrivals import ArrivalBanner, ArrivalNotifier
from ui.approval.page import ApprovalPage
from ui.catalog.catalog_page import CatalogPage
from ui.common import i18n, ui_settings
from ui.common.changes import ChangeHub, Changes
from ui.common.errors import bilingual
from ui.common.naming import named
from ui.common.tasks import TaskRunner
from ui.fees.page import FeesPage
from ui.intake.counter_form import CounterForm
from ui.intake.forward_box import ForwardBox
from ui.intake.not_requests_view import NotRequestsView
from ui.intake.quarantine_view import QuarantineView
from ui.intake.sync_indicator import SyncIndicator
from ui.issuing.page import IssuingPage
from ui.reports.audit_page import AuditLogPage
from ui.reports.monthly_page import MonthlyReportPage
from ui.review.screen import NEXT_FAILED, NOTHING_WAITING, ReviewScreen
from ui.shell.actions import WindowActions
from ui.shell.application_model import ROW_ROLE, ApplicationModel, Column
from ui.shell.archive_export import ArchiveExportFlow
from ui.shell.backup_indicator import BackupIndicator
from ui.shell.dashboard_view import DashboardView
from ui.shell.detail_panel import DetailPanel
from ui.shell.header_band import HeaderBand
from ui.shell.layout_state import restore_layout, save_layout
from ui.shell.list_page import ListPage
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
    SETTINGS,
    QueuePane,
)
from ui.shell.request_moves import RequestMoves
from ui.shell.search import SearchingPort, SearchQuery
from ui.shell.server_watch import OfflineBanner, ServerWatch
from ui.shell.shortcut_sheet import ShortcutSheet
from ui.shell.status_texts import count_text, window_title
from ui.worklist.controls import WorklistControls
from ui.worklist.filtering import FilteredQueue, FilteringPort

__all__ = ["MainWindow"]

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

_QUEUE_PANE_WIDTH = 222
_DETAIL_WIDTH = 360
_COUNTER_WIDTH = 420


class MainWindow(QMainWindow):
    """The officer's workstation after sign-in.

    Signals:
        user_did_sign_out(): the officer chose "Sign out"; the window then closes.
        window_did_close(): the window closed (sign out, Ctrl+Q or the close button).
    """

    user_did_sign_out = Signal()
    window_did_close = Signal()

    def __init__(
        self,
        ports: Ports,
        user: SignedInUser,
        runner: TaskRunner,
        *,
        settings: QSettings | None = None,
        demo_warning: bool = False,
        accounts: OfficersPort | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._demo_warning = demo_warning
        self._ports = ports
        self._port = ports.shell
        self._accounts = accounts
        self.end_reason: tuple[str, str] | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self._user = user
        self._runner = runner
        self._settings = settings if settings is not None else ui_settings.default_settings()
        self._agency: AgencyInfo | None = None
        self._counts_generation = 0
        self._updated_at: datetime | None = None
        self._closing = False
        # What the officer may do is the services' access table, asked here, not re-decided.
        self.can_quarantine = may(user.roles, Action.HANDLE_QUARANTINE)
        self.can_see_not_requests = may(user.roles, Action.VIEW_NOT_REQUESTS)
        self.can_register = may(user.roles, Action.REGISTER_AT_COUNTER)
        self.can_review = may(user.roles, Action.OPEN_REVIEW)
        self.can_take_next = may(user.roles, Action.TAKE_NEXT)
        self.can_manage_officers = accounts is not None and may(user.roles, Action.MANAGE_OFFICERS)
        self.can_read_reports = may(user.roles, Action.READ_REPORTS)
        self.can_approve = may(user.roles, Action.APPROVE)
        self.can_verify_payments = may(user.roles, Action.VERIFY_PAYMENT)
        self.can_read_audit = may(user.roles, Action.READ_AUDIT)
        self.can_manage_settings = ports.settings is not None and may(
            user.roles, Action.MANAGE_SETTINGS
        )
        self.can_view_catalog = ports.catalog is not None and may(user.roles, Action.VIEW_CATALOG)
        self.can_issue = ports.issuing is not None and (
            may(user.roles, Action.ISSUE_LICENCE) or may(user.roles, Action.DELIVER_DOCUMENT)
        )

        self.setObjectName("MainWindow")
        self.setWindowIcon(QIcon(str(i18n.RESOURCES / "icons" / "anuyat.svg")))
        # Every change is announced here, and every screen refreshes from it.
        self.changes = ChangeHub(self)
        self.model = ApplicationModel(
            FilteringPort(SearchingPort(ports.shell), ports.worklist),
            user,
            runner,
            language=i18n.current_language(),
            parent=self,
        )

        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status_bar()
        self._build_shortcuts()
        self._connect()
        self.retranslate()
        self._restore_layout()

        self._runner.session_did_end.connect(self._session_ended)
        self._load_agency()
        self.refresh()
        self.sync.start()
        self.server_watch.start()

    # -- construction -------------------------------------------------------------------

    def _icon(self, name: str) -> QIcon:
        return QIcon(str(i18n.RESOURCES / "icons" / f"{name}.svg"))

    def _build_actions(self) -> None:
        actions = self.window_actions = WindowActions(
            self,
            self._icon,
            can_review=self.can_review,
            can_take_next=self.can_take_next,
            can_register=self.can_register,
            can_quarantine=self.can_quarantine,
            can_see_not_requests=self.can_see_not_requests,
            can_manage_officers=self.can_manage_officers,
            has_accounts=self._accounts is not None,
            can_manage_settings=self.can_manage_settings,
        )
        # The names the rest of the window (and its tests) use.
        self.refresh_action = actions.refresh
        self.sign_out_action = actions.sign_out
        self.quit_action = actions.quit
        self.find_action = actions.find
        self.next_action = actions.next
        self.dashboard_action = actions.dashboard
        self.help_action = actions.help
        self.counter_action = actions.counter
        self.quarantine_action = actions.quarantine
        self.language_actions = actions.languages
        self.refresh_action.triggered.connect(self.refresh)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self.focus_search)
        self.next_action.triggered.connect(self.open_next)
        self.dashboard_action.triggered.connect(self.show_dashboard)
        self.help_action.triggered.connect(self.toggle_shortcuts)
        self.counter_action.triggered.connect(self.open_counter_form)
        self.quarantine_action.triggered.connect(self.show_quarantine)
        self.not_requests_action = actions.not_requests
        self.not_requests_action.triggered.connect(self.show_not_requests)
        for code, action in self.language_actions.items():
            action.triggered.connect(lambda _=False, c=code: i18n.apply_language(c))
        self.sync = SyncIndicator(self._ports.intake, self._user, self._runner)
        if may(self._user.roles, Action.RUN_SYNC):
            # The window fetches and sends on its own too, not only when F9 is pressed.
            self.sync.set_auto_sync(ui_settings.read(self._settings, ui_settings.SYNC_INTERVAL))
        self.sync_action = self.sync.sync_action
        self.officers_action = actions.officers
        self.change_password_action = actions.change_password
        self.officers_action.triggered.connect(self.show_officers)
        self.settings_action = actions.settings
        self.settings_action.triggered.connect(self.show_settings)
        # The catalog page's key lives here (not in WindowActions): every officer has it.
        self.catalog_action = QAction(self)
        self.catalog_action.setShortcut(QKeySequence("Alt+K"))
        self.catalog_action.setVisible(self.can_view_catalog)
        self.catalog_action.setEnabled(self.can_view_catalog)
        self.catalog_action.triggered.connect(self.show_catalog)
        self.addAction(self.catalog_action)
        self.change_password_action.triggered.connect(self.change_password)

    def _build_menus(self) -> None:
        self.window_actions.build_menus(self.menuBar(), self.sync_action, self)
        if self.can_view_catalog:
            menu = self.window_actions.view_menu
            menu.insertAction(menu.actions()[-3], self.catalog_action)  # before the separator
        self._language_menu = self.window_actions.language_menu

    def _build_central(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = HeaderBand(
            self._user,
            refresh=self.refresh_action,
            language_menu=self._language_menu,
            sign_out=self.sign_out_action,
            account_actions=[self.change_password_action] if self._accounts else [],
        )
        outer.addWidget(self.header)
        self.demo_banner = named(QLabel(), "DemoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setVisible(self._demo_warning)
        outer.addWidget(self.demo_banner)
        # The holiday list runs out: SLA dates would count holidays as business days.
        self._holiday_warning = self._port.holiday_warning()
        self.holiday_banner = named(QLabel(), "DemoBanner")
        self.holiday_banner.setWordWrap(True)
        self.holiday_banner.setVisible(self._holiday_warning is not None)
        outer.addWidget(self.holiday_banner)
        # Reviewed requests that arrive for approval, where the desktop has no tray notices.
        self.arrival_banner = ArrivalBanner()
        outer.addWidget(self.arrival_banner)
        # The agency's server: other stations' changes into the hook, a banner when it is gone.
        self.offline_banner = OfflineBanner()
        outer.addWidget(self.offline_banner)
        self.server_watch = ServerWatch(
            self._ports.changes, self.changes, self.offline_banner, self
        )

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.queues = QueuePane()
        self.queues.setMinimumWidth(170)
        self.queues.show_dashboard_entry(True)
        self.queues.show_quarantine_entry(self.can_quarantine)
        self.queues.show_not_requests_entry(self.can_see_not_requests)
        self.queues.show_officers_entry(self.can_manage_officers)
        self.queues.show_report_entries(self.can_read_reports, self.can_read_audit)
        self.queues.show_settings_entry(self.can_manage_settings)
        self.queues.show_approvals_entry(self.can_approve)
        self.queues.show_payments_entry(self.can_verify_payments and self._ports.fees is not None)
        self.queues.show_catalog_entry(self.can_view_catalog)
        self.queues.show_issuing_entry(self.can_issue)
        self.splitter.addWidget(self.queues)

        # The centre shows either the application list or an intake page (quarantine).
        self.pages = named(QStackedWidget(), "CentrePages")
        centre = ListPage(
            self.model,
            self.next_action,
            self.counter_action,
            can_take_next=self.can_take_next,
            can_register=self.can_register,
        )
        self.queue_title = centre.title
        self.search_edit = centre.search_edit
        self.next_button = centre.next_button
        self.counter_button = centre.counter_button
        self.error_box = centre.error_box
        self.table = centre.table
        self.table.viewport_did_resize.connect(self._fit_columns)
        self.pages.addWidget(centre)
        self._list_page = centre
        self.quarantine: QuarantineView | None = None
        if self.can_quarantine:
            self.quarantine = QuarantineView(self._ports.intake, self._user, self._runner)
            self.pages.addWidget(self.quarantine)
        self.not_requests: NotRequestsView | None = None
        if self.can_see_not_requests:
            self.not_requests = NotRequestsView(
                self._ports.intake,
                self._user,
                self._runner,
                can_take=may(self._user.roles, Action.TAKE_AS_REQUEST),
            )
            self.pages.addWidget(self.not_requests)
        self.dashboard = DashboardView(self._port, self._user, self._runner)
        self.pages.addWidget(self.dashboard)
        self.officers: OfficersPage | None = None
        if self._accounts is not None and self.can_manage_officers:
            self.officers = OfficersPage(self._accounts, self._runner, self._user)
            self.pages.addWidget(self.officers)
        self.monthly_report: MonthlyReportPage | None = None
        if self.can_read_reports:
            self.monthly_report = MonthlyReportPage(self._ports.reports, self._runner, self._user)
            self.pages.addWidget(self.monthly_report)
        self.audit_log: AuditLogPage | None = None
        if self.can_read_audit:
            self.audit_log = AuditLogPage(self._ports.reports, self._runner, self._user)
            self.pages.addWidget(self.audit_log)
        self.approvals: ApprovalPage | None = None
        if self.can_approve:
            self.approvals = ApprovalPage(
                self._ports.approval, self._ports.review, self._user, self._runner, self._settings
            )
            self.approvals.queue_did_change.connect(self.queues.set_approvals_count)
            self.approvals.applications_did_change.connect(
                lambda: self.changes.announce(Changes(lists=True))
            )
            self.pages.addWidget(self.approvals)
            self.approvals.refresh()  # the badge: how many wait for approval
        self.payments: FeesPage | None = None
        if self._ports.fees is not None and self.can_verify_payments:
            self.payments = FeesPage(self._ports.fees, self._user, self._runner)
            self.payments.queue_did_change.connect(self.queues.set_payments_count)
            self.payments.applications_did_change.connect(
                lambda: self.changes.announce(Changes(lists=True))
            )
            self.pages.addWidget(self.payments)
            self.payments.refresh()  # the badge: slips to check
        self.settings_page: SettingsPage | None = None
        if self._ports.settings is not None and self.can_manage_settings:
            self.settings_page = SettingsPage(self._ports.settings, self._runner, self._user)
            self.settings_page.agency_did_change.connect(self._load_agency)
            self.pages.addWidget(self.settings_page)
        self.issuing: IssuingPage | None = None
        if self._ports.issuing is not None and self.can_issue:
            self.issuing = IssuingPage(self._ports.issuing, self._user, self._runner)
            self.issuing.applications_did_change.connect(
                lambda: self.changes.announce(Changes(lists=True))
            )
            self.pages.addWidget(self.issuing)
        self.catalog_page: CatalogPage | None = None
        if self._ports.catalog is not None and self.can_view_catalog:
            self.catalog_page = CatalogPage(self._ports.catalog, self._runner, self._user)
            self.catalog_page.services.catalog_did_change.connect(self._catalog_changed)
            self.catalog_page.holidays.calendar_did_change.connect(self._catalog_changed)
            self.pages.addWidget(self.catalog_page)
        self.splitter.addWidget(self.pages)

        self.detail = DetailPanel(roles=self._user.roles)
        # A forwarded request's applicant, proposed by intake and confirmed here.
        self.forward_box = ForwardBox(
            self._ports.intake,
            self._user,
            self._runner,
            can_confirm=may(self._user.roles, Action.CONFIRM_APPLICANT),
        )
        self.detail.add_section(self.forward_box)
        self.detail.row_did_show.connect(self.forward_box.show_for)
        self.detail.setMinimumWidth(280)
        self.detail.hide()
        self.splitter.addWidget(self.detail)
        # Only officers at the counter register requests; the panel exists for them alone.
        self.counter_form: CounterForm | None = None
        if self.can_register:
            self.counter_form = CounterForm(self._ports.intake, self._user, self._runner)
            self.counter_form.setMinimumWidth(340)
            self.counter_form.hide()
            self.splitter.addWidget(self.counter_form)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        if self.counter_form is not None:
            self.splitter.setStretchFactor(3, 0)
        # The review screen takes the whole width: documents need the room.
        self.workspace = named(QStackedWidget(), "Workspace")
        self.workspace.addWidget(self.splitter)
        self.review = ReviewScreen(self._ports.review, self._user, self._runner, self._settings)
        self.workspace.addWidget(self.review)
        outer.addWidget(self.workspace, 1)
        outer.addWidget(self.sync.details)
        self.setCentralWidget(central)
        self.shortcut_sheet = ShortcutSheet()
        self.shortcut_sheet.attach(self.workspace)
        # Filters and saved views, the empty list's message, assigning, notes, alerts.
        self.worklist = WorklistControls(
            self, self._ports, self._user, self._runner, changes=self.changes,
            list_page=centre, model=self.model, queues=self.queues, header=self.header,
            review=self.review,
        )  # fmt: skip

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.count_label = named(QLabel(), "QueueCount")
        self.loading_label = named(QLabel(), "Muted")
        self.updated_label = named(QLabel(), "Muted")
        bar.addWidget(self.count_label, 1)
        bar.addPermanentWidget(self.loading_label)
        bar.addPermanentWidget(self.updated_label)
        bar.addPermanentWidget(self.sync)
        self.backup: BackupIndicator | None = None
        if self._ports.backup is not None:
            self.backup = BackupIndicator(self._ports.backup, self._user, self._runner)
            # Beside the queue count, which gives way first: the sync state on the right
            # already fills the bar in Thai at 1280 px.
            bar.addWidget(self.backup)

    def _build_shortcuts(self) -> None:
        # Alt+1..9 choose the queue in that position (Alt+1 is "All applications").
        self._queue_shortcuts = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda n=number: self.queues.select_row(n - 1))
            self._queue_shortcuts.append(shortcut)
        peek = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        peek.setContext(Qt.ShortcutContext.WidgetShortcut)
        peek.activated.connect(self.toggle_detail)
        for action in self.window_actions.window_keys(self.sync_action):
            self.addAction(action)

    def _connect(self) -> None:
        self.queues.queue_did_change.connect(self._queue_changed)
        self.worklist.list_did_change.connect(lambda: self._search_changed(""))
        self.search_edit.search_did_change.connect(self._search_changed)
        self.search_edit.search_did_leave.connect(self._leave_search)
        self.table.activated.connect(self._open_index)
        self.review.screen_did_close.connect(self.close_review)
        self.review.application_did_change.connect(
            lambda: self.changes.announce(Changes.of_application(self.review.application_id))
        )
        self.review.next_requested.connect(self.open_next)
        self.review.review_will_open.connect(self._show_review)
        self.review.next_did_fail.connect(self._next_failed)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.model.rows_did_load.connect(self._rows_loaded)
        self.model.rows_did_fail.connect(self._rows_failed)
        self.model.loading_did_change.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)
        self.detail.panel_did_close.connect(self.table.setFocus)
        self.moves = RequestMoves(self, self._ports.intake, self._runner, lambda: self._user,
                                  self.error_box, self.changes)  # fmt: skip
        self.detail.classify_requested.connect(self.moves.open_classify)
        self.detail.withdraw_requested.connect(self.moves.open_withdraw)
        self.archive_export: ArchiveExportFlow | None = None
        if self._ports.archive is not None:
            self.archive_export = ArchiveExportFlow(self, self._ports.archive, self._runner,
                                                    lambda: self._user, self.error_box)  # fmt: skip
            self.detail.archive_requested.connect(self.archive_export.start)
        self.queues.page_did_change.connect(self._page_changed)
        self.sync.sync_did_finish.connect(self._sync_finished)
        self.sync.other_sync_did_finish.connect(
            lambda: self.changes.announce(Changes(lists=True, quarantine=True))
        )
        self.forward_box.applicant_did_change.connect(
            lambda application_id: self.changes.announce(Changes.of_application(application_id))
        )
        if self.not_requests is not None:
            self.not_requests.items_did_load.connect(self.queues.set_not_requests_count)
            # A mail taken as a request is a new request in the queues.
            self.not_requests.mail_did_become_request.connect(
                lambda *_: self.changes.announce(Changes(lists=True))
            )
        if self.quarantine is not None:
            self.quarantine.items_did_load.connect(self.queues.set_quarantine_count)
            self.quarantine.quarantine_did_change.connect(
                lambda *_: self.changes.announce(Changes(lists=True, quarantine=True))
            )
        if self.counter_form is not None:
            self.counter_form.request_did_register.connect(self._counter_registered)
            self.counter_form.form_did_close.connect(self.table.setFocus)
        self.changes.changes_did_happen.connect(self._changes_happened)
        if self.approvals is not None:
            self._connect_arrivals(self.approvals)

    def _connect_arrivals(self, approvals: ApprovalPage) -> None:
        """New reviewed requests: a tray notice, else the banner (:mod:`ui.approval.arrivals`)."""
        self.arrivals = ArrivalNotifier(self.arrival_banner, self.worklist.alerts.tray, self)
        approvals.arrivals_did_come.connect(self.arrivals.announce)
        self.arrival_banner.open_requested.connect(lambda: self.queues.select_page(APPROVALS))
        # The alerts' background read sees requests passed on at other workstations.
        self.worklist.alerts.alerts_did_load.connect(approvals.read_again_if_new)

    # -- language -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fit_columns(self) -> None:
        """Hide what the width cannot hold, so the service name always has room."""
        status = self.model.status
        self.table.fit_columns(one_status=isinstance(status, FilteredQueue) and status.one_status)

    def visible_columns(self) -> list[Column]:
        return self.table.visible_columns()

    def retranslate(self) -> None:
        language = i18n.current_language()
        self.model.set_language(language)
        self.window_actions.retranslate(language)
        self.search_edit.setPlaceholderText(
            self.tr("Search: tracking no., name, ID, e-mail, words (Ctrl+F)")
        )
        self.demo_banner.setText(
            self.tr(
                "Demo profile: its key is kept in a file beside the data. "
                "Use it for fictional data only, never for real applications."
            )
        )
        if self._holiday_warning is not None:
            th, en = self._holiday_warning
            self.holiday_banner.setText(th if i18n.current_language() == "th" else en)
        self.worklist.retranslate()
        self.table.setAccessibleName(self.tr("Applications"))
        self.catalog_action.setText(self.tr("Catalog and holidays"))
        self.catalog_action.setToolTip(
            self.tr("Services, fees, SLA and government holidays (Alt+K)")
        )
        self.queues.list.setAccessibleName(self.tr("Queues"))
        self._update_title()
        self._update_status()

    def _update_title(self) -> None:
        agency = self._agency
        name = ""
        if agency is not None:
            name = agency.name_th if i18n.current_language() == "th" else agency.name_en
        self.setWindowTitle(window_title(name, demo=self._demo_warning))
        if self._searching():
            self.queue_title.setText(
                self.tr("Search results for “{text}”").format(text=self.search_edit.searching)
            )
        else:
            self.queue_title.setText(self.queues.current_label() or self.tr("Applications"))

    def _update_status(self, *_: Any) -> None:
        total = self.model.total
        if total is None:
            self.count_label.setText("")
        else:
            self.count_label.setText(
                count_text(total, self.model.loaded, searching=self._searching())
            )
        self.loading_label.setText(self.tr("Loading…") if self.model.is_loading else "")
        if self._updated_at is not None:
            self.updated_label.setText(
                self.tr("Updated {time}").format(time=self._updated_at.strftime("%H:%M"))
            )

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the queues, the current queue, the quarantine and the sync state again (F5)."""
        self.changes.announce(Changes.everything())

    def _changes_happened(self, changes: Changes) -> None:
        """The one place the window learns that something changed (see :mod:`ui.common.changes`)."""
        if changes.sync:
            self.sync.refresh_status()
        if changes.application_ids and self.workspace.currentWidget() is self.review:
            # Counts move under the review screen; the list is read again when it closes.
            return
        if changes.quarantine and self.quarantine is not None:
            self.quarantine.refresh()
        if changes.quarantine and self.not_requests is not None:  # a sync may set mail aside
            self.not_requests.refresh()
        if changes.lists:
            self.refresh_queues()

    def refresh_queues(self) -> None:
        """Read the queue counts and the current queue again, and the dashboard if shown."""
        if self.current_page() == DASHBOARD:  # read when shown otherwise
            self.dashboard.refresh()
        if self.approvals is not None:  # its badge follows what reviewers pass on
            self.approvals.refresh()
        self.error_box.clear()
        self._counts_generation += 1
        generation = self._counts_generation
        port, user = self._port, self._user

        def read_counts() -> tuple[int, list[StatusCount]]:
            return port.count_applications(user, None), port.status_counts(user)

        def done(result: tuple[int, list[StatusCount]] | None, error: Any) -> None:
            if generation != self._counts_generation:
                return
            if error is not None or result is None:
                self._show_error(
                    error,
                    "อ่านรายการคิวงานไม่ได้ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                    "Could not read the queues. Try again; if it keeps failing, "
                    "tell your administrator.",
                )
                return
            total, counts = result
            self.queues.set_counts(total, counts)
            self.model.set_queue(self._list_status())
            self._fit_columns()
            self._updated_at = datetime.now(BANGKOK)  # agency time, like the sync indicator
            self._update_title()
            self._update_status()

        self._runner.run(read_counts, done, owner=self, label="main.counts")

    def _load_agency(self) -> None:
        def done(agency: AgencyInfo | None, error: Any) -> None:
            if error is not None or agency is None:
                self._show_error(
                    error,
                    "อ่านข้อมูลหน่วยงานไม่ได้ โปรดแจ้งผู้ดูแลระบบ",
                    "Could not read the agency's details. Please tell your administrator.",
                )
                return
            self._agency = agency
            self.header.set_agency(agency)
            self._update_title()

        self._runner.run(self._port.agency, done, owner=self, label="main.agency")

    def _queue_changed(self, _status: str | None) -> None:
        self.workspace.setCurrentWidget(self.splitter)  # Alt+1…9 from the review screen too
        self.search_edit.clear_search()
        self.model.set_queue(self._list_status())
        self._fit_columns()
        self._update_title()

    # -- intake: sync, quarantine, counter -------------------------------------------------

    def show_quarantine(self) -> bool:
        """Show the quarantine page (Alt+Q); False for roles that do not have it."""
        if self.quarantine is None:
            return False
        self.queues.select_page(QUARANTINE)
        return True

    def show_not_requests(self) -> bool:
        """Show the "Not requests" tray (Alt+N); False for roles that do not have it."""
        if self.not_requests is None:
            return False
        self.queues.select_page(NOT_REQUESTS)
        return True

    def current_page(self) -> str:
        """``""`` for the application list, ``"quarantine"`` or ``"dashboard"`` for those."""
        if self.pages.currentWidget() is self.quarantine:
            return QUARANTINE
        if self.not_requests is not None and self.pages.currentWidget() is self.not_requests:
            return NOT_REQUESTS
        if self.pages.currentWidget() is self.dashboard:
            return DASHBOARD
        if self.officers is not None and self.pages.currentWidget() is self.officers:
            return OFFICERS
        current = self.pages.currentWidget()
        if self.monthly_report is not None and current is self.monthly_report:
            return MONTHLY_REPORT
        if self.audit_log is not None and current is self.audit_log:
            return AUDIT
        if self.settings_page is not None and self.pages.currentWidget() is self.settings_page:
            return SETTINGS
        if self.approvals is not None and current is self.approvals:
            return APPROVALS
        if self.catalog_page is not None and self.pages.currentWidget() is self.catalog_page:
            return CATALOG
        if self.issuing is not None and current is self.issuing:
            return ISSUING
        return QUEUES

    def show_dashboard(self) -> None:
        """Show the dashboard page (Alt+D), leaving the review screen if it was open."""
        if self.workspace.currentWidget() is self.review:
            self.close_review()
        self.queues.select_page(DASHBOARD)

    def _page_changed(self, page: str) -> None:
        self.workspace.setCurrentWidget(self.splitter)
        if page == DASHBOARD:
            self.detail.hide()
            self.pages.setCurrentWidget(self.dashboard)
            self.dashboard.refresh()
        elif page == CATALOG and self.catalog_page is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.catalog_page)
            self.catalog_page.refresh()
            self.catalog_page.services.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif page == OFFICERS and self.officers is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.officers)
            self.officers.refresh()
            self.officers.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif page == MONTHLY_REPORT and self.monthly_report is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.monthly_report)
            self.monthly_report.start()
        elif page == AUDIT and self.audit_log is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.audit_log)
            self.audit_log.start()
        elif page == ISSUING and self.issuing is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.issuing)
            self.issuing.refresh()
            self.issuing.waiting.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif page == APPROVALS and self.approvals is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.approvals)
            self.approvals.refresh()
            self.approvals.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif page == PAYMENTS and self.payments is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.payments)
            self.payments.refresh()
            self.payments.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif page == SETTINGS and self.settings_page is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.settings_page)
            self.settings_page.refresh()
            self.settings_page.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif page == NOT_REQUESTS and self.not_requests is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.not_requests)
            self.not_requests.refresh()
            self.not_requests.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif page == QUARANTINE and self.quarantine is not None:
            self.detail.hide()
            self.pages.setCurrentWidget(self.quarantine)
            self.quarantine.refresh()
            self.quarantine.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.pages.setCurrentWidget(self._list_page)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_title()

    def open_counter_form(self) -> bool:
        """Show the counter registration panel at the right (Ctrl+N); False if not allowed."""
        form = self.counter_form
        if form is None:
            return False
        self.detail.hide()
        was_hidden = form.isHidden()
        form.open_form()
        if was_hidden:
            self._give_room(3, _COUNTER_WIDTH)
        return True

    def _give_room(self, panel: int, want: int) -> None:
        """Open the splitter's ``panel`` at ``want`` px, taken from the list in the centre."""
        sizes = self.splitter.sizes()
        if len(sizes) > panel and sizes[panel] < 200:
            sizes[1] = max(300, sizes[1] + sizes[panel] - want)
            sizes[panel] = want
            self.splitter.setSizes(sizes)

    def _counter_registered(self, tracking_number: str) -> None:
        log.info("counter request %s registered", tracking_number)
        # Scanned files that fail inspection are held back, so quarantine may have moved too.
        self.changes.announce(Changes(lists=True, quarantine=True))

    def _sync_finished(self, summary: SyncSummary | None) -> None:
        if summary is None:
            return
        if summary.new or summary.appended or summary.quarantined or summary.set_aside:
            self.changes.announce(Changes(lists=True, quarantine=True))

    def _rows_loaded(self, _loaded: int, _total: int) -> None:
        if not self.error_box.isHidden():
            self.error_box.clear()
        shown = self.detail.application_id
        if shown is not None and self.detail.isVisible():
            row = self.model.find_row(shown)
            if row >= 0:
                self.detail.show_row(self.model.row_at(row))
        if self.table.currentIndex().row() < 0 and self.model.rowCount() > 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
        self._update_status()

    def _rows_failed(self, error: BaseException) -> None:
        self._show_error(
            error,
            "อ่านรายการคำขอไม่ได้ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
            "Could not read the applications. Try again; if it keeps failing, "
            "tell your administrator.",
        )
        self._update_status()

    def _show_error(self, error: BaseException | None, th: str, en: str) -> None:
        self.error_box.show_error(error, fallback_th=th, fallback_en=en)
        self.error_box.set_action(self.tr("Try again"), self.refresh)

    # -- list and details ---------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: to the search box (from the review screen or a page, back to the list)."""
        if self.workspace.currentWidget() is self.review:
            self.close_review()
        if self.current_page() != QUEUES:
            self.queues.select_page(QUEUES)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _searching(self) -> bool:
        return isinstance(self.model.status, SearchQuery)

    def _list_status(self) -> SearchQuery | FilteredQueue:
        """What the list shows: the search's results while searching, else the queue
        narrowed by the filter bar."""
        words = self.search_edit.searching
        if words:
            return SearchQuery(words)
        return self.worklist.list_queue(self.queues.current_status())

    def _search_changed(self, words: str) -> None:
        self.model.set_queue(self._list_status())
        self._fit_columns()
        self._update_title()
        self._update_status()

    def _leave_search(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _row_for(self, index: AnyIndex) -> ApplicationRow | None:
        if not index.isValid():
            return None
        row = index.data(ROW_ROLE)
        return row if isinstance(row, ApplicationRow) else None

    def _open_index(self, index: QModelIndex) -> None:
        row = self._row_for(index)
        if row is None:
            return
        if self.can_review:
            self.open_review(row)
        else:
            self.open_detail(row)

    def toggle_detail(self) -> None:
        """Space on the list: the quick look at the right (details without opening)."""
        if self.detail.isVisible():
            self.detail.close_panel()
            return
        row = self._row_for(self.table.currentIndex())
        if row is not None:
            self.open_detail(row)

    # -- review ---------------------------------------------------------------------------

    def open_review(self, row: ApplicationRow) -> None:
        """Open ``row`` in the review screen (claims it; older ones waiting ask why)."""
        self._show_review()
        self.review.open_row(row)

    def _show_review(self) -> None:
        self.shortcut_sheet.close_sheet()
        self.workspace.setCurrentWidget(self.review)

    def open_next(self) -> None:
        """Take the oldest waiting request of the queue on screen and open it (Ctrl+Enter)."""
        if not self.can_review:
            return
        searching_or_page = self._searching() or self.current_page() != QUEUES
        self.review.open_next(None if searching_or_page else self.queues.current_status())

    def _next_failed(self, error: BaseException | None) -> None:
        if error is None:
            self.error_box.show_message(*NOTHING_WAITING)
        else:
            self.error_box.show_error(error, fallback_th=NEXT_FAILED[0], fallback_en=NEXT_FAILED[1])
        self.error_box.set_action("", None)

    def close_review(self) -> None:
        self.workspace.setCurrentWidget(self.splitter)
        shown = self.review.application_id
        # Changes announced while the review screen was up were left for now.
        self.changes.announce(Changes(lists=True, quarantine=True))
        if shown is not None:
            number = self.model.find_row(shown)
            if number >= 0:
                self.table.selectRow(number)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_shortcuts(self) -> None:
        self.shortcut_sheet.toggle()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Once the panel is open it follows the cursor, so Up/Down walk through the queue.
        if self.detail.isVisible():
            row = self._row_for(current)
            if row is not None:
                self.detail.show_row(row)

    def open_detail(self, row: ApplicationRow) -> None:
        """Show ``row``'s fields in the panel at the right (in place of the counter form)."""
        if self.counter_form is not None:
            self.counter_form.hide()
        was_hidden = self.detail.isHidden()
        self.detail.show_row(row)
        if was_hidden:
            want = max(ui_settings.read(self._settings, ui_settings.DETAIL_WIDTH), _DETAIL_WIDTH)
            self._give_room(2, want)

    # -- accounts: officers page, own password, a session the services end ------------

    def show_officers(self) -> bool:
        """Show the officers page (Alt+O); False for officers who may not manage them."""
        if self.officers is None:
            return False
        if self.workspace.currentWidget() is self.review:
            self.close_review()
        return self.queues.select_page(OFFICERS)

    def show_report_page(self, page: str) -> bool:
        """Show :data:`MONTHLY_REPORT` or :data:`AUDIT`; False for roles without it."""
        if self.workspace.currentWidget() is self.review:
            self.close_review()
        return self.queues.select_page(page)

    def show_settings(self) -> bool:
        """Show the settings page (Ctrl+,); False for officers who may not change them."""
        if self.settings_page is None:
            return False
        if self.workspace.currentWidget() is self.review:
            self.close_review()
        return self.queues.select_page(SETTINGS)

    def show_catalog(self) -> bool:
        """Show the catalog and holidays page (Alt+K); False without it."""
        if self.catalog_page is None:
            return False
        if self.workspace.currentWidget() is self.review:
            self.close_review()
        return self.queues.select_page(CATALOG)

    def _catalog_changed(self) -> None:
        # A new holiday may have moved due dates; the holiday-list warning may be answered.
        self.changes.announce(Changes(lists=True))
        port = self._port
        self._runner.run(port.holiday_warning, self._holiday_warning_read, owner=self)

    def _holiday_warning_read(self, warning: Any, error: BaseException | None) -> None:
        if error is None:
            self._holiday_warning = warning
            self.holiday_banner.setVisible(warning is not None)
            self.retranslate()

    def change_password(self) -> bool:
        """Open "Change my password" (user menu); False without an accounts port."""
        if self._accounts is None:
            return False
        dialog = ChangePasswordDialog(self._accounts, self._runner, self._user, parent=self)
        dialog.password_did_change.connect(self._password_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        dialog.open()
        return True

    def _password_changed(self, user: SignedInUser) -> None:
        self._user = user
        self.statusBar().showMessage(self.tr("Your password was changed."), 8000)

    def _session_ended(self, error: BaseException) -> None:
        """The services refused this session (deactivated, or a password to change):
        back to the sign-in dialog, which says why."""
        if self._closing or getattr(error, "username", "") != self._user.username:
            return  # another session's (a second window in the same process)
        self.end_reason = bilingual(error, "", "")
        log.info("session of %s ended by the services", self._user.username)
        self.sign_out()

    # -- signing out, closing, remembering ----------------------------------------------

    def sign_out(self) -> None:
        log.info("user %s signed out", self._user.username)
        self.review.read_ahead.clear()  # no decrypted file outlives the officer's session
        try:  # recorded, and the audit chain anchored outside the store
            self._port.sign_out(self._user)
        except Exception:
            log.exception("recording the sign-out failed")
        self.user_did_sign_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            self._runner.session_did_end.disconnect(self._session_ended)
            self.sync.stop()
            self.server_watch.stop()
            self.worklist.stop()
            self.review.read_ahead.clear()
            self._save_layout()
            self.window_did_close.emit()
        super().closeEvent(event)

    def _restore_layout(self) -> None:
        first_sizes = [_QUEUE_PANE_WIDTH, 1000, 0, 0]
        restore_layout(self, self._settings, self.splitter, self.table, first_sizes)
        self.detail.hide()
        if self.counter_form is not None:
            self.counter_form.hide()
        self._fit_columns()

    def _save_layout(self) -> None:
        save_layout(
            self, self._settings, self.splitter, self.table, detail_open=self.detail.isVisible()
        )

    # -- for tests and screenshots ------------------------------------------------------

    @property
    def user(self) -> SignedInUser:
        return self._user

    @property
    def agency(self) -> AgencyInfo | None:
        return self._agency

    @property
    def request_dialog(self) -> object:
        """The classify or withdraw dialog opened last (ui.shell.request_moves)."""
        return self.moves.dialog
