"""The issuing page: approved requests waiting for their licence, and licences issued.

The approver issues the chosen request's licence, signing on the USB token or, where the
service's risk allows type 1, confirming with the sign-in password
(:class:`~ui.issuing.issue_dialog.IssueDialog`); intake officers and reviewers deliver an
issued licence by the request's channel (e-mail, optionally protected with a password shown
here once; the counter, naming who received it; the shared drive). Anyone who meets holders
checks a licence shown to them (:class:`~ui.issuing.check_dialog.CheckLicenceDialog`).
Licences registered from paper stand in the same list, marked so (nothing to deliver); an
entry the services mark revocable for this officer is revoked with a reason
(:class:`~ui.issuing.revoke_dialog.RevokeDialog`).
The list of licences is searched and filtered (:class:`~ui.issuing.licence_filter.
LicenceFilterBar`), read a page at a time off the GUI thread with the count of all that
match; "More" reads the next page, and a refresh keeps the pages read and the chosen row.
What each officer may do comes from the services' access table; the services re-check it.

This module lays the page out and reads the lists; the steps an officer takes run in
:mod:`ui.issuing.steps`, the lists' columns are :mod:`ui.issuing.tables`, and the delivery
controls :mod:`ui.issuing.delivery_bar`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from services.api import (
    Action,
    IssuedPage,
    IssuedRow,
    IssuedService,
    IssuingPort,
    LicenceQuery,
    SignedInUser,
    ToIssueRow,
    may,
)
from ui.approval.timestamps_button import TimestampsButton
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.notice_line import NoticeLine
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.issuing.delivery_bar import DeliveryBar
from ui.issuing.licence_filter import LicenceFilterBar
from ui.issuing.steps import IssuingSteps
from ui.issuing.tables import IssuedTable, WaitingTable
from ui.worklist.empty_hint import EmptyHint

__all__ = ["PAGE_ROWS", "IssuingPage"]

PAGE_ROWS = 100
"""Licences read at a time; "More" reads the next ones."""

_FALLBACK = (
    "ทำรายการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be done because of an internal error. Please tell your administrator.",
)


class IssuingPage(Retranslating, QWidget):
    """Signals: applications_did_change(): a licence was issued or delivered."""

    applications_did_change = Signal()

    def __init__(
        self,
        port: IssuingPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("IssuingPage")
        self._port = port
        self._user = user
        self._runner = runner
        self.can_issue = may(user.roles, Action.ISSUE_LICENCE)
        self.can_deliver = may(user.roles, Action.DELIVER_DOCUMENT)
        self.can_check = may(user.roles, Action.VERIFY_LICENCE)
        self.can_register_paper = may(user.roles, Action.REGISTER_PAPER_LICENCE)
        self._query = LicenceQuery()
        self._total = 0
        self._reading = 0  # the latest read of the list: an older answer arriving late is dropped
        self._waiting_read = False  # an empty list says why once read, not while being read
        self.steps = IssuingSteps(port, user, runner, self)
        self.steps.told.connect(self._tell)
        self.steps.failed.connect(self._show_error)
        self.steps.applications_did_change.connect(self.applications_did_change)
        self.steps.lists_did_change.connect(self.refresh)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.title = named(QLabel(), "PageTitle")
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        self.error = ErrorBox(dismissable=True)
        outer.addWidget(self.error)
        self.notice = named(NoticeLine(), "IssuingNotice")
        outer.addWidget(self.notice)
        outer.addLayout(self._waiting_head())
        self.waiting = WaitingTable()
        outer.addWidget(self.waiting, 1)
        self.waiting_empty = EmptyHint(self.waiting)
        outer.addLayout(self._issued_head())
        self.filters = LicenceFilterBar()
        self.filters.open_popups_on(port.today())
        self.filters.query_did_change.connect(self.search)
        outer.addWidget(self.filters)
        self.delivery = DeliveryBar()
        self.delivery.channel_choice.currentIndexChanged.connect(self._update_buttons)
        self.delivery.deliver_button.clicked.connect(self.deliver_selected)
        self.delivery.setVisible(self.can_deliver)
        outer.addWidget(self.delivery)
        self.issued = IssuedTable()
        self.issued.itemSelectionChanged.connect(self._update_buttons)
        self.waiting.itemSelectionChanged.connect(self._update_buttons)
        outer.addWidget(self.issued, 2)
        self.issued_empty = EmptyHint(self.issued)
        outer.addLayout(self._footer())
        self.retranslate()
        self._update_buttons()

    def _waiting_head(self) -> QHBoxLayout:
        """The waiting list's title, and the buttons that act on it or beside it."""
        top = QHBoxLayout()
        self.waiting_label = named(QLabel(), "SectionTitle")
        self.waiting_label.setWordWrap(True)
        top.addWidget(self.waiting_label, 1)
        self.check_button = self._button("CheckLicence", self.steps.check, self.can_check)
        top.addWidget(self.check_button)
        self.data_button = self._button("DataRequests", self.steps.data_requests, self.can_deliver)
        top.addWidget(self.data_button)
        # Licences signed while the TSA did not answer (hidden while none wait).
        self.timestamps_button = TimestampsButton(
            self._port.pending_licence_timestamps,
            self._port.add_licence_timestamps,
            self._runner,
            self._user,
            self.error,
        )
        top.addWidget(self.timestamps_button)
        self.issue_button = self._button("Primary", self.issue_selected, self.can_issue)
        top.addWidget(self.issue_button)
        return top

    def _issued_head(self) -> QHBoxLayout:
        """The issued list's title, registering a paper licence and revoking one."""
        head = QHBoxLayout()
        self.issued_label = named(QLabel(), "SectionTitle")
        self.issued_label.setWordWrap(True)
        head.addWidget(self.issued_label, 1)
        self.paper_button = self._button(
            "RegisterPaper", self.steps.register_paper, self.can_register_paper
        )
        head.addWidget(self.paper_button)
        # Shown to whoever may revoke some entry; enabled on a row the services mark so.
        may_revoke_some = self.can_issue or self.can_register_paper
        self.revoke_button = self._button("RevokeLicence", self.revoke_selected, may_revoke_some)
        head.addWidget(self.revoke_button)
        return head

    def _footer(self) -> QHBoxLayout:
        """ "N of M licences" and "More"."""
        footer = QHBoxLayout()
        self.count_label = named(QLabel(), "LicenceCount")
        self.count_label.setWordWrap(True)
        footer.addWidget(self.count_label, 1)
        self.more_button = self._button("MoreLicences", self.read_more, True)
        self.more_button.hide()
        footer.addWidget(self.more_button)
        return footer

    @staticmethod
    def _button(name: str, pressed: Callable[[], None], shown: bool) -> QPushButton:
        button = named(QPushButton(), name)
        button.clicked.connect(pressed)
        button.setVisible(shown)
        return button

    # --- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read both lists again: as many licences as were shown (the pages read stay)."""
        port, user, query = self._port, self._user, self._query
        if self.can_issue:
            self.timestamps_button.refresh()
        wanted = max(len(self.issued.rows), PAGE_ROWS)
        self._reading += 1
        reading = self._reading

        def work() -> tuple[list[ToIssueRow], IssuedPage, list[IssuedService]]:
            return (port.to_issue(user), port.find_issued(user, query, 0, wanted),
                    port.issued_services(user))  # fmt: skip

        def done(
            result: tuple[list[ToIssueRow], IssuedPage, list[IssuedService]] | None,
            error: BaseException | None,
        ) -> None:
            if error is not None or result is None:
                self._show_error(error)
                return
            self._waiting_read = True
            self.filters.set_services(result[2])
            issued = self.issued.rows
            if reading == self._reading:  # else a search typed meanwhile has the last word
                issued, self._total = list(result[1].rows), result[1].total
            self._fill(result[0], issued)

        self._runner.run(work, done, owner=self, label="issuing lists")

    def search(self, query: LicenceQuery) -> None:
        """The licences matching what the officer typed and chose, from the first page."""
        self._query = query
        self._read_licences(0)

    def read_more(self) -> None:
        self._read_licences(len(self.issued.rows))

    def _read_licences(self, offset: int) -> None:
        port, user, query = self._port, self._user, self._query
        self._reading += 1
        reading = self._reading
        self.more_button.setEnabled(False)

        def done(page: IssuedPage | None, error: BaseException | None) -> None:
            if reading != self._reading:
                return  # the officer typed on: a newer answer is coming
            self.more_button.setEnabled(True)
            if error is not None or page is None:
                self._show_error(error)
                return
            self._total = page.total
            before = self.issued.rows if offset > 0 else []
            self._fill(self.waiting.rows, [*before, *page.rows])

        self._runner.run(lambda: port.find_issued(user, query, offset, PAGE_ROWS), done,
                         owner=self, label="find licences")  # fmt: skip

    def _fill(self, waiting: list[ToIssueRow], issued: list[IssuedRow]) -> None:
        language = i18n.current_language()
        self.waiting.show_rows(waiting, language)
        self.waiting_empty.show_message(
            self.tr("No approved request waits for its licence. Requests appear here once the "
                    "approver has signed them.")
            if self._waiting_read and not waiting else ""
        )  # fmt: skip
        self.issued.show_rows(issued, language)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        """The count under the list ("N of M"); an empty list says why over it, once read."""
        shown, total = len(self.issued.rows), self._total
        text = empty = ""
        if total:
            text = self.tr("Showing {shown} of {total} licences").format(shown=shown, total=total)
        elif self.filters.is_filtered():
            empty = self.tr("No licence matches this search: check the spelling or the "
                            "number, or clear the filters.")  # fmt: skip
        else:
            empty = self.tr("No licence has been issued or registered yet.")
        read = self._waiting_read
        self.count_label.setText(text if read else "")
        self.issued_empty.show_message(empty if read else "")
        self.more_button.setVisible(shown < total)

    def _update_buttons(self) -> None:
        self.issue_button.setEnabled(self.can_issue and self.waiting.chosen() is not None)
        doc = self.issued.chosen()
        self.revoke_button.setEnabled(doc is not None and doc.may_revoke)
        self.delivery.show_for(doc, self.can_deliver)

    # --- the steps on the chosen row ------------------------------------------------------

    def issue_selected(self) -> None:
        row = self.waiting.chosen()
        if row is not None:
            self.steps.issue(row)

    def revoke_selected(self) -> None:
        doc = self.issued.chosen()
        if doc is not None:
            self.steps.revoke(doc)

    def deliver_selected(self) -> None:
        doc = self.issued.chosen()
        if doc is not None:
            self.steps.deliver(doc, self.delivery)

    def _tell(self, words: Callable[[], str]) -> None:
        """Show the outcome of a step; ``words`` writes it again after a language switch."""
        self.error.clear()
        self.notice.tell(words)

    def _show_error(self, error: BaseException | None) -> None:
        self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Issuing and delivery"))
        self.waiting_label.setText(self.tr("Approved, waiting for their licence"))
        self.issued_label.setText(self.tr("Licences issued"))
        self.issue_button.setText(self.tr("&Issue licence…"))
        self.check_button.setText(self.tr("&Check a licence…"))
        self.data_button.setText(self.tr("Data &requests…"))
        self.paper_button.setText(self.tr("Register a &paper licence…"))
        self.revoke_button.setText(self.tr("Re&voke…"))
        self.more_button.setText(self.tr("&More…"))
        self.waiting.retranslate()
        self.issued.retranslate()
        self._fill(self.waiting.rows, self.issued.rows)
