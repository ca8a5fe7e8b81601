"""The main window's widgets, laid out: the header band and banners on top; below them the
queue pane, the centre (the application list or a page) and the panels at the right, in a
splitter; the review screen in place of all three while a request is open.

Only building and placing happens here; :class:`~ui.shell.main_window.MainWindow` connects
the parts and decides what each one does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from services.api import Ports, SignedInUser
from ui.admin import OfficersPort
from ui.approval.arrivals import ArrivalBanner
from ui.common.changes import ChangeHub
from ui.common.naming import named
from ui.common.tasks import TaskRunner
from ui.review.screen import ReviewScreen
from ui.shell.application_model import ApplicationModel
from ui.shell.header_band import HeaderBand
from ui.shell.lazy_widget import LazyWidget
from ui.shell.list_page import ListPage
from ui.shell.queue_pane import QueuePane
from ui.shell.server_watch import OfflineBanner
from ui.shell.shortcut_sheet import ShortcutSheet
from ui.shell.window_pages import WindowPages
from ui.shell.window_panels import SidePanels
from ui.shell.window_rights import WindowRights

__all__ = ["HeaderActions", "WindowBody", "build_body"]


@dataclass(frozen=True, slots=True)
class HeaderActions:
    """What the header band offers: refresh, the language menu, the user menu."""

    refresh: QAction
    language_menu: QMenu
    sign_out: QAction
    account: list[QAction]


@dataclass(frozen=True, slots=True)
class WindowBody:
    central: QWidget
    header: HeaderBand
    demo_banner: QLabel
    holiday_banner: QLabel
    arrival_banner: ArrivalBanner
    offline_banner: OfflineBanner
    splitter: QSplitter
    queues: QueuePane
    list_page: ListPage
    pages: QStackedWidget
    page_set: WindowPages
    panels: SidePanels
    workspace: QStackedWidget
    review: LazyWidget[ReviewScreen]
    shortcut_sheet: ShortcutSheet


def _banner(visible: bool) -> QLabel:
    label = named(QLabel(), "DemoBanner")
    label.setWordWrap(True)
    label.setVisible(visible)
    return label


def _queue_pane(rights: WindowRights) -> QueuePane:
    queues = QueuePane()
    queues.setMinimumWidth(170)
    queues.show_dashboard_entry(True)
    queues.show_quarantine_entry(rights.quarantine)
    queues.show_not_requests_entry(rights.not_requests)
    queues.show_officers_entry(rights.manage_officers)
    queues.show_report_entries(rights.read_reports, rights.read_audit)
    queues.show_retention_entry(rights.retention)
    queues.show_settings_entry(rights.manage_settings)
    queues.show_approvals_entry(rights.approve)
    queues.show_payments_entry(rights.verify_payments)
    queues.show_catalog_entry(rights.view_catalog)
    queues.show_issuing_entry(rights.issue)
    return queues


def build_body(
    central: QWidget,
    *,
    ports: Ports,
    user: SignedInUser,
    runner: TaskRunner,
    settings: QSettings,
    accounts: OfficersPort | None,
    rights: WindowRights,
    changes: ChangeHub,
    model: ApplicationModel,
    header_actions: HeaderActions,
    list_actions: tuple[QAction, QAction],
    demo: bool,
    holiday_warning: bool,
    below: QWidget,
    catalog_did_change: Callable[[], None],
    agency_did_change: Callable[[], None],
) -> WindowBody:
    """Build every part into ``central`` (already in the window); ``list_actions`` are "Next"
    and "Register at the counter"; ``below`` goes under the workspace (the sync's details).

    Each container is put in its place before what it holds is made and added: a widget
    tree added to another is re-polished whole under the application's style sheet, so
    parts assembled first and then put in the window were re-polished once per level (most
    of the time signing in took to build the window)."""
    outer = QVBoxLayout(central)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    header = HeaderBand(
        user,
        refresh=header_actions.refresh,
        language_menu=header_actions.language_menu,
        sign_out=header_actions.sign_out,
        account_actions=header_actions.account,
    )
    outer.addWidget(header)
    demo_banner = _banner(demo)
    outer.addWidget(demo_banner)
    # The holiday list runs out: SLA dates would count holidays as business days.
    holiday_banner = _banner(holiday_warning)
    outer.addWidget(holiday_banner)
    # Reviewed requests that arrive for approval, where the desktop has no tray notices.
    arrival_banner = ArrivalBanner()
    outer.addWidget(arrival_banner)
    # The agency's server gone: said in a banner (ui.shell.server_watch).
    offline_banner = OfflineBanner()
    outer.addWidget(offline_banner)
    # The review screen takes the whole width: documents need the room.
    workspace = named(QStackedWidget(), "Workspace")
    outer.addWidget(workspace, 1)
    outer.addWidget(below)

    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("MainSplitter")
    splitter.setChildrenCollapsible(False)
    workspace.addWidget(splitter)
    queues = _queue_pane(rights)
    splitter.addWidget(queues)
    # The centre shows either the application list or one of the pages.
    pages = named(QStackedWidget(), "CentrePages")
    splitter.addWidget(pages)
    next_action, counter_action = list_actions
    list_page = ListPage(
        model, next_action, counter_action,
        can_take_next=rights.take_next, can_register=rights.register,
    )  # fmt: skip
    pages.addWidget(list_page)
    page_set = WindowPages(
        pages, list_page, ports=ports, user=user, runner=runner, settings=settings,
        accounts=accounts, rights=rights, queues=queues, changes=changes,
        catalog_did_change=catalog_did_change, agency_did_change=agency_did_change,
    )  # fmt: skip
    panels = SidePanels(
        splitter, list_page.table, ports=ports, user=user, runner=runner,
        settings=settings, rights=rights, changes=changes,
    )  # fmt: skip
    # Made when the first request is opened: most sessions' first minutes need no room for it.
    review = LazyWidget(lambda: ReviewScreen(ports.review, user, runner, settings, workspace))
    review.when_built(workspace.addWidget)
    shortcut_sheet = ShortcutSheet()
    shortcut_sheet.attach(workspace)
    return WindowBody(
        central, header, demo_banner, holiday_banner, arrival_banner, offline_banner,
        splitter, queues, list_page, pages, page_set, panels, workspace, review, shortcut_sheet,
    )  # fmt: skip
