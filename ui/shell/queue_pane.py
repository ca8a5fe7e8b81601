"""The left pane: the dashboard at the top; "All" and one queue per status, each with its
count; below them, for the roles that have them, the intake pages ("Quarantine") with their
own count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import StatusCount
from ui.common import i18n
from ui.common.naming import named
from ui.shell.delegates import COUNT_ROLE, QueueItemDelegate

__all__ = [
    "AUDIT",
    "CATALOG",
    "DASHBOARD",
    "ISSUING",
    "MONTHLY_REPORT",
    "NOT_REQUESTS",
    "OFFICERS",
    "QUARANTINE",
    "QUEUES",
    "RETENTION",
    "SETTINGS",
    "QueuePane",
    "STATUS_ROLE",
]

STATUS_ROLE = Qt.ItemDataRole.UserRole + 11
"""On a queue item: the status code, or ``""`` for "All" (Qt data never holds None here)."""
_LABEL_TH_ROLE = Qt.ItemDataRole.UserRole + 12
_LABEL_EN_ROLE = Qt.ItemDataRole.UserRole + 13
_PAGE_ROLE = Qt.ItemDataRole.UserRole + 14

QUEUES = ""
"""The page that shows the application list of the chosen queue."""
QUARANTINE = "quarantine"
"""The page with the files intake held back."""
NOT_REQUESTS = "not_requests"
"""The page with the mail set aside as not requests (bounces, auto-replies, newsletters)."""
DASHBOARD = "dashboard"
"""The page with today's numbers."""
OFFICERS = "officers"
"""The administrator's page of officers' accounts."""
MONTHLY_REPORT = "monthly_report"
"""The monthly service report (figures per service, chart, XLSX and PDF)."""
AUDIT = "audit"
"""The audit log viewer and the chain's verification status."""
SETTINGS = "settings"
"""The administrator's page of the agency's and the station's settings."""
APPROVALS = "approvals"
"""The approver's page: reviewed requests to approve and sign (its badge: how many wait)."""
PAYMENTS = "payments"
"""The finance officer's page: payments to verify (its badge: slips to check)."""
CATALOG = "catalog"
"""The service catalog and the holidays (every officer reads; the administrator changes)."""
ISSUING = "issuing"
"""Licences to issue (the approver) and to deliver (intake, reviewers)."""
RETENTION = "retention"
"""Retention periods, destruction lists, the head's order and the destruction (records)."""


class QueuePane(QFrame):
    """Lists the queues; choosing one emits ``queue_did_change(status or None)``.

    Signals:
        queue_did_change(object): a queue was chosen (its status, or None for "All").
        page_did_change(str): the page to show changed: :data:`QUEUES` or :data:`QUARANTINE`.
            Choosing a page leaves no queue chosen; choosing a queue goes back to the list.
        labels_did_change(): the queues were named again in the new language (the list's
            title, which repeats the chosen queue's name, follows in the same turn).
    """

    queue_did_change = Signal(object)
    page_did_change = Signal(str)
    labels_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QueuePane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.overview = named(QListWidget(), "QueueList")
        self.overview.setItemDelegate(QueueItemDelegate(self.overview))
        self.overview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.currentItemChanged.connect(self._page_item_changed)
        self.overview.hide()
        layout.addWidget(self.overview)
        self._title = named(QLabel(), "PaneTitle")
        layout.addWidget(self._title)
        self.list = named(QListWidget(), "QueueList")
        self.list.setItemDelegate(QueueItemDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._current_changed)
        layout.addWidget(self.list, 1)

        self._page = QUEUES
        self._pages_title = named(QLabel(), "PaneTitle")
        self._pages_title.hide()
        layout.addWidget(self._pages_title)
        self.pages = named(QListWidget(), "QueueList")
        self.pages.setItemDelegate(QueueItemDelegate(self.pages))
        self.pages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages.currentItemChanged.connect(self._page_item_changed)
        self.pages.hide()
        layout.addWidget(self.pages)
        self._retranslate()

    # -- data ---------------------------------------------------------------------------

    def set_counts(self, total: int, counts: list[StatusCount]) -> None:
        """Rebuild the queues, keeping the one selected (or choosing "All").

        Does not emit ``queue_did_change``: the caller reloads the list itself.
        """
        had_selection = self.list.currentItem() is not None
        previous = self.current_status()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            self._add(None, "", "", total)
            for entry in counts:
                self._add(entry.status, entry.label_th, entry.label_en, entry.count)
            self._retranslate()
            if self._page == QUEUES:
                row = self._row_of(previous) if had_selection else 0
                self.list.setCurrentRow(max(row, 0))
        finally:
            self.list.blockSignals(False)
        # blockSignals also silenced the view's own repaint of the new current item.
        self.list.viewport().update()

    def _add(self, status: str | None, label_th: str, label_en: str, count: int) -> None:
        item = QListWidgetItem()
        item.setData(STATUS_ROLE, status or "")
        item.setData(_LABEL_TH_ROLE, label_th)
        item.setData(_LABEL_EN_ROLE, label_en)
        item.setData(COUNT_ROLE, int(count))
        self.list.addItem(item)

    def current_status(self) -> str | None:
        """The chosen status, or None for "All" (and before any queue is shown)."""
        item = self.list.currentItem()
        return None if item is None else (item.data(STATUS_ROLE) or None)

    def current_label(self) -> str:
        item = self.list.currentItem()
        return "" if item is None else item.text()

    def select_row(self, row: int) -> bool:
        """Choose the queue at ``row`` (0 is "All"); False if there is no such queue."""
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
            return True
        return False

    def select_status(self, status: str | None) -> bool:
        """Choose the queue of ``status`` (None: "All"); False if there is no such queue."""
        row = self._row_of(status)
        return self.select_row(row) if row >= 0 else False

    def queues(self) -> list[tuple[str | None, str, int]]:
        """(status, label as shown, count) for every queue, top to bottom."""
        result = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            result.append((item.data(STATUS_ROLE) or None, item.text(), item.data(COUNT_ROLE)))
        return result

    def _row_of(self, status: str | None) -> int:
        for row in range(self.list.count()):
            if self.list.item(row).data(STATUS_ROLE) == (status or ""):
                return row
        return -1

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        if self._page != QUEUES:
            self._page = QUEUES
            for other in (self.pages, self.overview):
                other.blockSignals(True)
                other.setCurrentRow(-1)
                other.blockSignals(False)
                other.viewport().update()
            self.page_did_change.emit(QUEUES)
        self.queue_did_change.emit(current.data(STATUS_ROLE) or None)

    # -- pages --------------------------------------------------------------------------

    def show_quarantine_entry(self, visible: bool) -> None:
        """Add (or remove) the "Quarantine" entry; only some roles have it."""
        self._show_page_entry(QUARANTINE, visible)

    def show_not_requests_entry(self, visible: bool) -> None:
        """Add (or remove) the "Not requests" entry; only some roles have it."""
        self._show_page_entry(NOT_REQUESTS, visible)

    def set_not_requests_count(self, count: int) -> None:
        row = self._page_row(NOT_REQUESTS)
        if row >= 0:
            self.pages.item(row).setData(COUNT_ROLE, int(count))

    def show_officers_entry(self, visible: bool) -> None:
        """Add (or remove) the "Officers" entry; only administrators have it."""
        self._show_page_entry(OFFICERS, visible)

    def show_report_entries(self, monthly: bool, audit: bool) -> None:
        """Add (or remove) "Monthly report" and "Audit log"; the access table decides."""
        self._show_page_entry(MONTHLY_REPORT, monthly)
        self._show_page_entry(AUDIT, audit)

    def show_retention_entry(self, visible: bool) -> None:
        """Add (or remove) "Retention and destruction"; the access table decides."""
        self._show_page_entry(RETENTION, visible)

    def show_approvals_entry(self, visible: bool) -> None:
        """Add (or remove) "Waiting for approval"; the access table decides (approvers)."""
        self._show_page_entry(APPROVALS, visible)

    def show_payments_entry(self, visible: bool) -> None:
        """Add (or remove) "Payments to verify"; the access table decides (finance)."""
        self._show_page_entry(PAYMENTS, visible)

    def set_payments_count(self, count: int) -> None:
        row = self._page_row(PAYMENTS)
        if row >= 0:
            self.pages.item(row).setData(COUNT_ROLE, int(count))

    def set_approvals_count(self, count: int) -> None:
        row = self._page_row(APPROVALS)
        if row >= 0:
            self.pages.item(row).setData(COUNT_ROLE, int(count))

    def show_settings_entry(self, visible: bool) -> None:
        """Add (or remove) the "Settings" entry; only administrators have it."""
        self._show_page_entry(SETTINGS, visible)

    def show_issuing_entry(self, visible: bool) -> None:
        """Add (or remove) "Issuing and delivery"; the access table decides."""
        self._show_page_entry(ISSUING, visible)

    def show_catalog_entry(self, visible: bool) -> None:
        """Add (or remove) the "Catalog and holidays" entry."""
        self._show_page_entry(CATALOG, visible)

    def _show_page_entry(self, page: str, visible: bool) -> None:
        row = self._page_row(page)
        if visible and row < 0:
            item = QListWidgetItem()
            item.setData(_PAGE_ROLE, page)
            self.pages.addItem(item)
        elif not visible and row >= 0:
            self.pages.takeItem(row)
        has_pages = self.pages.count() > 0
        self.pages.setVisible(has_pages)
        self._pages_title.setVisible(has_pages)
        # As tall as its entries: the queues above take the rest of the height.
        rows = sum(self.pages.sizeHintForRow(r) for r in range(self.pages.count()))
        self.pages.setFixedHeight(rows + 2 * self.pages.frameWidth())
        self._retranslate()

    def show_dashboard_entry(self, visible: bool) -> None:
        """Add (or remove) the "Dashboard" entry above the queues."""
        if visible and self.overview.count() == 0:
            item = QListWidgetItem()
            item.setData(_PAGE_ROLE, DASHBOARD)
            self.overview.addItem(item)
        elif not visible:
            self.overview.clear()
        self.overview.setVisible(visible)
        rows = sum(self.overview.sizeHintForRow(r) for r in range(self.overview.count()))
        self.overview.setFixedHeight(rows + 2 * self.overview.frameWidth() + 8)
        self._retranslate()

    def set_quarantine_count(self, count: int) -> None:
        row = self._page_row(QUARANTINE)
        if row >= 0:
            self.pages.item(row).setData(COUNT_ROLE, int(count))

    def quarantine_count(self) -> int | None:
        row = self._page_row(QUARANTINE)
        return None if row < 0 else self.pages.item(row).data(COUNT_ROLE)

    def select_page(self, page: str) -> bool:
        """Show ``page`` (:data:`QUARANTINE`); False if this officer has no such entry."""
        if page == QUEUES:
            if self._page != QUEUES:
                return self.select_row(0)
            return True
        if page == DASHBOARD:
            if self.overview.count() == 0:
                return False
            self.overview.setCurrentRow(0)
            return True
        row = self._page_row(page)
        if row < 0:
            return False
        self.pages.setCurrentRow(row)
        return True

    def current_page(self) -> str:
        return self._page

    def _page_row(self, page: str) -> int:
        for row in range(self.pages.count()):
            if self.pages.item(row).data(_PAGE_ROLE) == page:
                return row
        return -1

    def _page_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        page = current.data(_PAGE_ROLE)
        if page == self._page:
            return
        self._page = page
        # No queue is chosen while a page shows; choosing any queue comes back to the list.
        chosen = self.overview if page == DASHBOARD else self.pages
        for other in (self.list, self.pages, self.overview):
            if other is chosen:
                continue
            other.blockSignals(True)
            other.setCurrentRow(-1)
            other.blockSignals(False)
            other.viewport().update()
        self.page_did_change.emit(page)

    # -- language -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.labels_did_change.emit()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("QUEUES"))
        language = i18n.current_language()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.data(STATUS_ROLE):
                item.setText(self.tr("All applications"))
            else:
                th, en = item.data(_LABEL_TH_ROLE), item.data(_LABEL_EN_ROLE)
                item.setText((th if language == "th" else en) or th or en)
            if row < 9:
                item.setToolTip(self.tr("Alt+{n}").format(n=row + 1))
        for row in range(self.overview.count()):
            item = self.overview.item(row)
            item.setText(self.tr("Dashboard"))
            item.setToolTip(self.tr("Today's numbers at a glance (Alt+D)"))
        has_intake = self._page_row(QUARANTINE) >= 0
        admin_pages = {OFFICERS, SETTINGS, MONTHLY_REPORT, AUDIT, RETENTION}
        if has_intake:
            self._pages_title.setText(self.tr("INTAKE"))
        elif self._page_row(APPROVALS) >= 0:
            self._pages_title.setText(self.tr("APPROVAL"))
        elif self._page_row(PAYMENTS) >= 0:
            self._pages_title.setText(self.tr("FINANCE"))
        elif any(self._page_row(page) >= 0 for page in admin_pages):
            self._pages_title.setText(self.tr("ADMINISTRATION"))
        else:  # the catalog alone (finance, say)
            self._pages_title.setText(self.tr("PAGES"))
        for row in range(self.pages.count()):
            item = self.pages.item(row)
            if item.data(_PAGE_ROLE) == QUARANTINE:
                item.setText(self.tr("Quarantine"))
                item.setToolTip(self.tr("Files held back at intake (Alt+Q)"))
            elif item.data(_PAGE_ROLE) == NOT_REQUESTS:
                item.setText(self.tr("Not requests"))
                item.setToolTip(
                    self.tr("Mail set aside as not requests: bounces, auto-replies (Alt+N)")
                )
            elif item.data(_PAGE_ROLE) == OFFICERS:
                item.setText(self.tr("Officers"))
                item.setToolTip(self.tr("Officers' accounts, roles and passwords (Alt+O)"))
            elif item.data(_PAGE_ROLE) == MONTHLY_REPORT:
                item.setText(self.tr("Monthly report"))
                item.setToolTip(self.tr("Requests, SLA and fees per service, to send upward"))
            elif item.data(_PAGE_ROLE) == APPROVALS:
                item.setText(self.tr("Waiting for approval"))
                item.setToolTip(self.tr("Reviewed requests to approve and sign, oldest first"))
            elif item.data(_PAGE_ROLE) == PAYMENTS:
                item.setText(self.tr("Payments to verify"))
                item.setToolTip(self.tr("Slips to check first come first served, then fees due"))
            elif item.data(_PAGE_ROLE) == AUDIT:
                item.setText(self.tr("Audit log"))
                item.setToolTip(self.tr("Who did what, and whether the audit chain is intact"))
            elif item.data(_PAGE_ROLE) == RETENTION:
                item.setText(self.tr("Retention and destruction"))
                item.setToolTip(
                    self.tr("Periods kept, destruction lists and the head of the agency's order")
                )
            elif item.data(_PAGE_ROLE) == SETTINGS:
                item.setText(self.tr("Settings"))
                item.setToolTip(self.tr("The agency, mailbox, SMTP, drive, token (Ctrl+,)"))
            elif item.data(_PAGE_ROLE) == ISSUING:
                item.setText(self.tr("Issuing and delivery"))
                item.setToolTip(self.tr("Licences to issue, sign and deliver to the applicant"))
            elif item.data(_PAGE_ROLE) == CATALOG:
                item.setText(self.tr("Catalog and holidays"))
                item.setToolTip(self.tr("Services, fees, SLA and government holidays (Alt+K)"))
