"""The main window: queues on the left, the application list in the centre, details right.

``MainWindow(ports, user, runner)`` asks nothing of the database itself: counts, pages and
the agency come through the :class:`~ui.common.tasks.TaskRunner` from the shell's port; each
screen it holds gets its own area's port (``services.api.Ports``). What each role finds in
it is told in :mod:`ui.shell`. The window is where the parts meet, each in its own module
``ui.shell.window_*``: rights (what the officer may do), body (the widgets laid out), pages
(which page is up), list (its counts and title), panels (the right side), review (to and
from the review screen), keys (menus and keys), status (the status bar), agency (name and
banners), session (own password, signing out, a session the services end), screens (the
review screen and the pages, made when first opened); the screen lock is
:mod:`ui.shell.screen_lock`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QMainWindow, QWidget

from services.api import AgencyInfo, ApplicationRow, Ports, SignedInUser
from ui.admin import OfficersPort
from ui.admin.password_dialogs import ChangePasswordDialog
from ui.common import i18n, ui_settings
from ui.common.changes import ChangeHub, Changes
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.shell.actions import WindowActions
from ui.shell.application_model import ApplicationModel, Column
from ui.shell.layout_state import restore_layout, save_layout
from ui.shell.lock_panel import ASKED
from ui.shell.queue_pane import (
    CATALOG,
    DASHBOARD,
    NOT_REQUESTS,
    OFFICERS,
    QUARANTINE,
    SETTINGS,
)
from ui.shell.screen_lock import ScreenLock, locked_title
from ui.shell.search import SearchingPort
from ui.shell.server_watch import ServerWatch
from ui.shell.status_texts import window_title
from ui.shell.window_agency import AgencyBanners
from ui.shell.window_body import HeaderActions, build_body
from ui.shell.window_keys import add_catalog_action, add_window_keys, build_menus, connect_actions
from ui.shell.window_list import WindowList
from ui.shell.window_panels import connect_detail_buttons
from ui.shell.window_review import ReviewSwitch, ShownReview
from ui.shell.window_rights import WindowRights
from ui.shell.window_screens import LazyScreens
from ui.shell.window_session import WindowSession
from ui.shell.window_status import WindowStatusBar
from ui.worklist.controls import WorklistControls
from ui.worklist.filtering import FilteringPort

__all__ = ["MainWindow"]


_QUEUE_PANE_WIDTH = 222


class MainWindow(Retranslating, LazyScreens, QMainWindow):
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
        self.ports = ports
        self._accounts = accounts
        self.runner = runner
        self._settings = settings if settings is not None else ui_settings.default_settings()
        self._closing = False
        # What the officer may do is the services' access table, asked here, not re-decided.
        self.rights = WindowRights.of(ports, user, has_accounts=accounts is not None)

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
        self.session = WindowSession(
            self,
            ports.shell,
            accounts,
            runner,
            user,
            forget_files=self._forget_review_files,
        )
        self.session.session_was_refused.connect(self.sign_out)
        self.app_list = WindowList(self)
        self.status = WindowStatusBar(
            self.statusBar(), ports, user, runner, self.changes,
            auto_sync=ui_settings.read(self._settings, ui_settings.SYNC_INTERVAL)
            if self.rights.run_sync else None,
        )  # fmt: skip
        self.sync, self.count_label = self.status.sync, self.status.count_label

        self._build_actions()
        self._build_central()
        self.backup = self.status.backup
        self._queue_shortcuts = add_window_keys(self)
        self._connect()
        self.retranslate()
        first_sizes = [_QUEUE_PANE_WIDTH, 1000, 0, 0]  # the side panels closed
        restore_layout(self, self._settings, self.splitter, self.table, first_sizes)
        self.panels.hide_all()
        self.app_list.fit_columns()

        self.agency_banners.load_agency()
        self.refresh()
        self.sync.start()
        self.server_watch.start()
        self.screen_lock.start()

    # -- construction -------------------------------------------------------------------

    def _icon(self, name: str) -> QIcon:
        return QIcon(str(i18n.RESOURCES / "icons" / f"{name}.svg"))

    def _build_actions(self) -> None:
        rights = self.rights
        actions = self.window_actions = WindowActions(
            self, self._icon, can_review=rights.review, can_take_next=rights.take_next,
            can_register=rights.register, can_quarantine=rights.quarantine,
            can_see_not_requests=rights.not_requests, can_manage_officers=rights.manage_officers,
            has_accounts=self._accounts is not None, can_manage_settings=rights.manage_settings,
        )  # fmt: skip
        a = actions  # the names the rest of the window (and its tests) use
        self.refresh_action, self.sign_out_action, self.quit_action = a.refresh, a.sign_out, a.quit
        self.lock_action = a.lock
        self.find_action, self.next_action, self.help_action = a.find, a.next, a.help
        self.dashboard_action, self.counter_action = a.dashboard, a.counter
        self.quarantine_action, self.not_requests_action = a.quarantine, a.not_requests
        self.officers_action, self.settings_action = a.officers, a.settings
        self.change_password_action, self.language_actions = a.change_password, a.languages
        self.sync_action = self.sync.sync_action
        self.catalog_action = add_catalog_action(self, rights.view_catalog)
        connect_actions(self)
        build_menus(self, with_catalog=rights.view_catalog)

    def _build_central(self) -> None:
        holiday_warning = self.ports.shell.holiday_warning()
        # The content sits under the screen lock's stack: locked, only its panel is drawn.
        # Both are in the window before the content is built (see build_body).
        central = QWidget()
        self.screen_lock = ScreenLock(self, central, self.ports.shell, self.runner)
        self.setCentralWidget(self.screen_lock.stack)
        body = build_body(
            central, ports=self.ports, user=self.user, runner=self.runner, settings=self._settings,
            accounts=self._accounts, rights=self.rights, changes=self.changes, model=self.model,
            header_actions=HeaderActions(
                self.refresh_action, self.window_actions.language_menu, self.sign_out_action,
                [*([self.change_password_action] if self._accounts else []), self.lock_action],
            ),
            list_actions=(self.next_action, self.counter_action), demo=self._demo_warning,
            holiday_warning=holiday_warning is not None, below=self.sync.details,
            catalog_did_change=self._catalog_changed,
            agency_did_change=lambda: self.agency_banners.load_agency(),
        )  # fmt: skip
        # The names the rest of the window (and its tests) use.
        self.header, self.queues, self.splitter = body.header, body.queues, body.splitter
        self.demo_banner, self.holiday_banner = body.demo_banner, body.holiday_banner
        self.arrival_banner, self.offline_banner = body.arrival_banner, body.offline_banner
        # The agency's server: other stations' changes into the hook, a banner when it is gone.
        self.server_watch = ServerWatch(self.ports.changes, self.changes, self.offline_banner, self)
        self.pages, self.page_set, self.panels = body.pages, body.page_set, body.panels
        self.workspace, self._review = body.workspace, body.review
        self.shortcut_sheet = body.shortcut_sheet
        self.agency_banners = AgencyBanners(
            self.ports.shell, self.runner, header=self.header, demo_banner=self.demo_banner,
            holiday_banner=self.holiday_banner, holiday_warning=holiday_warning,
            did_change=self.update_title, failed=self.app_list.show_error,
        )  # fmt: skip
        centre = body.list_page
        self.queue_title, self.search_edit = centre.title, centre.search_edit
        self.next_button, self.counter_button = centre.next_button, centre.counter_button
        self.error_box, self.table = centre.error_box, centre.table
        self.table.viewport_did_resize.connect(self.app_list.fit_columns)
        self.detail, self.forward_box = self.panels.detail, self.panels.forward_box
        self.counter_form = self.panels.counter_form
        # Filters and saved views, the empty list's message, assigning, notes, alerts.
        self.worklist = WorklistControls(
            self, self.ports, self.user, self.runner, changes=self.changes,
            list_page=centre, model=self.model, queues=self.queues, header=self.header,
            review=ShownReview(self._review),
        )  # fmt: skip

    def _connect(self) -> None:
        self.app_list.follow()
        self.review_switch = ReviewSwitch(self, self._review)
        self.moves, self.archive_export = connect_detail_buttons(self)
        self.queues.page_did_change.connect(self._page_changed)
        self.changes.changes_did_happen.connect(self._changes_happened)
        self.arrivals = self.page_set.announce_arrivals(self.arrival_banner, self.worklist.alerts)

    # -- language and titles ------------------------------------------------------------

    def retranslate(self) -> None:
        language = i18n.current_language()
        self.model.set_language(language)
        self.window_actions.retranslate(language)
        self.search_edit.setPlaceholderText(
            self.tr("Search: tracking no., name, ID, e-mail, words (Ctrl+F)")
        )
        self.agency_banners.retranslate()
        self.worklist.retranslate()
        self.table.setAccessibleName(self.tr("Applications"))
        self.catalog_action.setText(self.tr("Catalog and holidays"))
        self.catalog_action.setToolTip(
            self.tr("Services, fees, SLA and government holidays (Alt+K)")
        )
        self.queues.list.setAccessibleName(self.tr("Queues"))
        self.update_title()
        self.app_list.update_status()

    def update_title(self) -> None:
        """The window's title (the agency's name) and the list's; locked, only "locked"."""
        if self.screen_lock.is_locked:
            self.setWindowTitle(locked_title())
            return
        name = self.agency_banners.agency_name()
        self.setWindowTitle(window_title(name, demo=self._demo_warning))
        self.app_list.update_title()

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the queues, the current queue, the quarantine and the sync state again (F5)."""
        self.changes.announce(Changes.everything())

    def _changes_happened(self, changes: Changes) -> None:
        """The one place the window learns that something changed (see :mod:`ui.common.changes`)."""
        if changes.sync:
            self.sync.refresh_status()
        if changes.application_ids and self.review_switch.is_up():
            # Counts move under the review screen; the list is read again when it closes.
            return
        if changes.quarantine or changes.lists:  # the pages' badges count from the services
            self.page_set.read_badges()
        if changes.quarantine:  # a sync may hold files back, or set mail aside
            self.page_set.refresh_intake()
        if changes.lists:
            self.app_list.refresh_queues()

    def _catalog_changed(self) -> None:
        # A new holiday may have moved due dates; the holiday-list warning may be answered.
        self.changes.announce(Changes(lists=True))
        self.agency_banners.read_holiday_warning()

    # -- pages ------------------------------------------------------------------------

    def current_page(self) -> str:
        """``""`` (:data:`QUEUES`) for the application list, else the page's name."""
        return self.page_set.current()

    def _select_page(self, page: str) -> bool:
        """Leave the review screen if it is up, and choose ``page`` in the queue pane."""
        self.review_switch.leave()
        return self.queues.select_page(page)

    def show_quarantine(self) -> bool:
        """Show the quarantine page (Alt+Q); False for roles that do not have it."""
        return self.page_set.has(QUARANTINE) and self._select_page(QUARANTINE)

    def show_not_requests(self) -> bool:
        """Show the "Not requests" tray (Alt+N); False for roles that do not have it."""
        return self.page_set.has(NOT_REQUESTS) and self._select_page(NOT_REQUESTS)

    def show_dashboard(self) -> None:
        """Show the dashboard page (Alt+D), leaving the review screen if it was open."""
        self._select_page(DASHBOARD)

    def show_officers(self) -> bool:
        """Show the officers page (Alt+O); False for officers who may not manage them."""
        return self.page_set.has(OFFICERS) and self._select_page(OFFICERS)

    def show_report_page(self, page: str) -> bool:
        """Show :data:`MONTHLY_REPORT` or :data:`AUDIT`; False for roles without it."""
        return self._select_page(page)

    def show_settings(self) -> bool:
        """Show the settings page (Ctrl+,); False for officers who may not change them."""
        return self.page_set.has(SETTINGS) and self._select_page(SETTINGS)

    def show_catalog(self) -> bool:
        """Show the catalog and holidays page (Alt+K); False without it."""
        return self.page_set.has(CATALOG) and self._select_page(CATALOG)

    def _page_changed(self, page: str) -> None:
        self.workspace.setCurrentWidget(self.splitter)
        if self.page_set.show(page):
            self.detail.hide()
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_title()

    # -- list, panels and review --------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: to the search box (from the review screen or a page, back to the list)."""
        self.review_switch.leave()
        self.app_list.focus_search()

    def open_counter_form(self) -> bool:
        """Show the counter registration panel at the right (Ctrl+N); False if not allowed."""
        return self.panels.open_counter_form()

    def open_detail(self, row: ApplicationRow) -> None:
        """Show ``row``'s fields in the panel at the right (in place of the counter form)."""
        self.panels.open_detail(row)

    def toggle_detail(self) -> None:
        """Space on the list: the quick look at the right (details without opening)."""
        self.panels.toggle_detail()

    def open_review(self, row: ApplicationRow) -> None:
        """Open ``row`` in the review screen (claims it; older ones waiting ask why)."""
        self.review_switch.open_review(row)

    def open_next(self) -> None:
        """Take the oldest waiting request of the queue on screen and open it (Ctrl+Enter)."""
        self.review_switch.open_next()

    def close_review(self) -> None:
        self.review_switch.close_review()

    def toggle_shortcuts(self) -> None:  # F1, ?
        self.shortcut_sheet.toggle()

    # -- the session, closing, remembering ----------------------------------------------

    def change_password(self) -> bool:
        """Open "Change my password" (user menu); False without an accounts port."""
        return self.session.change_password()

    def lock_screen(self) -> bool:
        """Lock the screen now (Ctrl+L, the user menu); False if it was locked already."""
        return self.screen_lock.lock(ASKED)

    def sign_out(self) -> None:
        self.session.sign_out()
        self.user_did_sign_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            self.session.end()
            self.screen_lock.stop()
            self.sync.stop()
            self.server_watch.stop()
            self.worklist.stop()
            save_layout(
                self, self._settings, self.splitter, self.table,
                detail_open=self.detail.isVisible(),
            )  # fmt: skip
            self.window_did_close.emit()
        super().closeEvent(event)

    @property
    def user(self) -> SignedInUser:
        """The signed-in officer (a changed password gives a new one)."""
        return self.session.user

    @property
    def end_reason(self) -> tuple[str, str] | None:
        """Why the services ended the session (Thai, English), for the sign-in dialog."""
        return self.session.end_reason

    @property
    def password_dialog(self) -> ChangePasswordDialog | None:
        return self.session.password_dialog

    def visible_columns(self) -> list[Column]:
        return self.table.visible_columns()

    @property
    def agency(self) -> AgencyInfo | None:
        return self.agency_banners.agency

    @property
    def request_dialog(self) -> object:
        """The classify or withdraw dialog opened last (ui.shell.request_moves)."""
        return self.moves.dialog
