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
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    Action,
    Delivery,
    IssuedLicence,
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
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.notice_line import NoticeLine
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.issuing.check_dialog import CheckLicenceDialog
from ui.issuing.data_requests_dialog import DataRequestsDialog
from ui.issuing.issue_dialog import IssueDialog
from ui.issuing.licence_filter import LicenceFilterBar
from ui.issuing.paper_dialog import PaperLicenceDialog
from ui.issuing.revoke_dialog import RevokeDialog
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
        self.paper_dialog: PaperLicenceDialog | None = None
        self.revoke_dialog: RevokeDialog | None = None
        self._waiting: list[ToIssueRow] = []
        self._issued: list[IssuedRow] = []
        self._query = LicenceQuery()
        self._total = 0
        self._reading = 0  # the latest read of the list: an older answer arriving late is dropped
        self.dialog: IssueDialog | None = None
        self.check_dialog: CheckLicenceDialog | None = None
        self.data_dialog: DataRequestsDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.title = named(QLabel(), "PageTitle")
        outer.addWidget(self.title)
        self.error = ErrorBox(dismissable=True)
        outer.addWidget(self.error)
        self.title.setWordWrap(True)
        self.notice = named(NoticeLine(), "IssuingNotice")
        outer.addWidget(self.notice)
        top = QHBoxLayout()
        self.waiting_label = named(QLabel(), "SectionTitle")
        self.waiting_label.setWordWrap(True)
        top.addWidget(self.waiting_label, 1)
        self.issue_button = named(QPushButton(), "Primary")
        self.issue_button.clicked.connect(self.issue_selected)
        self.issue_button.setVisible(self.can_issue)
        self.check_button = named(QPushButton(), "CheckLicence")
        self.check_button.clicked.connect(self.open_check)
        self.check_button.setVisible(self.can_check)
        top.addWidget(self.check_button)
        self.data_button = named(QPushButton(), "DataRequests")
        self.data_button.clicked.connect(self.open_data_requests)
        self.data_button.setVisible(self.can_deliver)
        top.addWidget(self.data_button)
        # Licences signed while the TSA did not answer (hidden while none wait).
        self.timestamps_button = TimestampsButton(
            port.pending_licence_timestamps, port.add_licence_timestamps, runner, user, self.error
        )
        top.addWidget(self.timestamps_button)
        top.addWidget(self.issue_button)
        outer.addLayout(top)
        self.waiting = self._table("ToIssueTable", 4)
        outer.addWidget(self.waiting, 1)
        # An empty list says why, once it has been read (not while it is being read).
        self.waiting_empty = EmptyHint(self.waiting)
        self._waiting_read = False
        # The delivery controls on their own rows: the page must fit beside the queue pane
        # in a small window (no row wider than the narrowest screen the window allows).
        self.issued_label = named(QLabel(), "SectionTitle")
        self.issued_label.setWordWrap(True)
        issued_head = QHBoxLayout()
        issued_head.addWidget(self.issued_label, 1)
        self.paper_button = named(QPushButton(), "RegisterPaper")
        self.paper_button.clicked.connect(self.open_paper)
        self.paper_button.setVisible(self.can_register_paper)
        issued_head.addWidget(self.paper_button)
        # Shown to whoever may revoke some entry; enabled on a row the services mark so.
        self.revoke_button = named(QPushButton(), "RevokeLicence")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.revoke_button.setVisible(self.can_issue or self.can_register_paper)
        issued_head.addWidget(self.revoke_button)
        outer.addLayout(issued_head)
        self.filters = LicenceFilterBar()
        self.filters.query_did_change.connect(self.search)
        outer.addWidget(self.filters)
        self.protect = named(QCheckBox(), "ProtectCheck")
        outer.addWidget(self.protect)
        controls = QHBoxLayout()
        # By the request's channel unless the officer chooses another (after a bounce, say).
        self.channel_choice = named(QComboBox(), "DeliveryChannel")
        self.channel_choice.currentIndexChanged.connect(self._update_buttons)
        controls.addWidget(self.channel_choice)
        self.handed_to = named(QLineEdit(), "HandedTo")
        self.handed_to.setMinimumWidth(160)
        self.deliver_button = named(QPushButton(), "Primary")
        self.deliver_button.clicked.connect(self.deliver_selected)
        controls.addWidget(self.handed_to, 1)
        controls.addWidget(self.deliver_button)
        outer.addLayout(controls)
        for widget in (self.protect, self.channel_choice, self.handed_to, self.deliver_button):
            widget.setVisible(self.can_deliver)
        self.issued = self._table("IssuedTable", 6)
        self.issued.itemSelectionChanged.connect(self._update_buttons)
        self.waiting.itemSelectionChanged.connect(self._update_buttons)
        outer.addWidget(self.issued, 2)
        self.issued_empty = EmptyHint(self.issued)
        footer = QHBoxLayout()
        self.count_label = named(QLabel(), "LicenceCount")
        self.count_label.setWordWrap(True)
        footer.addWidget(self.count_label, 1)
        self.more_button = named(QPushButton(), "MoreLicences")
        self.more_button.clicked.connect(self.read_more)
        self.more_button.hide()
        footer.addWidget(self.more_button)
        outer.addLayout(footer)
        self.retranslate()
        self._update_buttons()

    @staticmethod
    def _table(name: str, columns: int) -> QTableWidget:
        table = named(QTableWidget(0, columns), name)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # --- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read both lists again: as many licences as were shown (the pages read stay)."""
        port, user, query = self._port, self._user, self._query
        if self.can_issue:
            self.timestamps_button.refresh()
        wanted = max(len(self._issued), PAGE_ROWS)
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
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._waiting = result[0]
            self._waiting_read = True
            self.filters.set_services(result[2])
            if reading == self._reading:  # else a search typed meanwhile has the last word
                self._show_page(result[1], append=False)
            else:
                self._fill()

        self._runner.run(work, done, owner=self, label="issuing lists")

    def search(self, query: LicenceQuery) -> None:
        """The licences matching what the officer typed and chose, from the first page."""
        self._query = query
        self._read_licences(0)

    def read_more(self) -> None:
        self._read_licences(len(self._issued))

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
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._show_page(page, append=offset > 0)

        self._runner.run(lambda: port.find_issued(user, query, offset, PAGE_ROWS), done,
                         owner=self, label="find licences")  # fmt: skip

    def _show_page(self, page: IssuedPage, append: bool) -> None:
        chosen = self._selected_issued()
        self._issued = [*self._issued, *page.rows] if append else list(page.rows)
        self._total = page.total
        self._fill()
        # The chosen licence stays chosen when it is still in the list (after a refresh).
        ids = [row.issued_id for row in self._issued]
        if chosen is not None and chosen.issued_id in ids:
            self.issued.selectRow(ids.index(chosen.issued_id))

    def _fill(self) -> None:
        language = i18n.current_language()
        thai = language == "th"
        self.waiting.setRowCount(len(self._waiting))
        for r, row in enumerate(self._waiting):
            service = row.service_th if thai else row.service_en
            values: tuple[str, ...] = (
                row.tracking_number,
                service,
                row.applicant,
                self._channel(row.channel),
            )
            for c, text in enumerate(values):
                self.waiting.setItem(r, c, QTableWidgetItem(text))
        self.waiting_empty.show_message(
            self.tr("No approved request waits for its licence. Requests appear here once the "
                    "approver has signed them.")
            if self._waiting_read and not self._waiting else ""
        )  # fmt: skip
        self.issued.setRowCount(len(self._issued))
        for r, doc in enumerate(self._issued):
            if doc.origin == "paper":
                delivered = self.tr("Paper licence, registered by hand")
            elif doc.delivered_at:
                by = self._channel(doc.delivered_by or doc.channel)
                delivered = f"{by} · {format_date(doc.delivered_at, language)}"
            elif doc.delivery_failed_at:
                delivered = self.tr("Bounced {date}: send again").format(
                    date=format_date(doc.delivery_failed_at, language)
                )
            else:
                delivered = self.tr("Not yet ({channel})").format(
                    channel=self._channel(doc.channel)
                )
            status = {
                "revoked": self.tr("Revoked"),
                "superseded": self.tr("Superseded (renewed)"),
            }.get(doc.status, self.tr("Expired") if doc.expired else self.tr("Valid"))
            values = (doc.number, doc.licensee, doc.subject_th if thai else doc.subject_en,
                      status, delivered, doc.holder_id)  # fmt: skip
            for c, text in enumerate(values):
                self.issued.setItem(r, c, QTableWidgetItem(text))
        self.waiting.resizeColumnsToContents()
        self.issued.resizeColumnsToContents()
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        """The count under the list ("N of M"); an empty list says why over it, once read."""
        shown, total = len(self._issued), self._total
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

    def _channel(self, code: str) -> str:
        names = {
            "email": self.tr("E-mail"),
            "counter": self.tr("Counter"),
            "drive": self.tr("Shared drive"),
        }
        return names.get(code, code)

    def _delivery_channel(self, doc: IssuedRow | None) -> str:
        """The channel the licence goes by: the one chosen, else the request's."""
        chosen = str(self.channel_choice.currentData() or "")
        return chosen or (doc.channel if doc is not None else "")

    def _selected_waiting(self) -> ToIssueRow | None:
        rows = self.waiting.selectionModel().selectedRows()
        return self._waiting[rows[0].row()] if rows else None

    def _selected_issued(self) -> IssuedRow | None:
        rows = self.issued.selectionModel().selectedRows()
        return self._issued[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.issue_button.setEnabled(self.can_issue and self._selected_waiting() is not None)
        doc = self._selected_issued()
        open_doc = (
            doc is not None
            and doc.origin != "paper"  # issued on paper: nothing here to deliver
            and doc.delivered_at is None
            and doc.status == "valid"
        )
        self.revoke_button.setEnabled(doc is not None and doc.may_revoke)
        self.deliver_button.setEnabled(self.can_deliver and open_doc)
        channel = self._delivery_channel(doc)
        self.channel_choice.setEnabled(open_doc)
        self.protect.setEnabled(open_doc and channel == "email")
        self.handed_to.setEnabled(open_doc and channel == "counter")

    # --- issuing ------------------------------------------------------------------------

    def issue_selected(self) -> None:
        row = self._selected_waiting()
        if row is None:
            return
        self.dialog = IssueDialog(row, self._port, self._runner, self._user, self)
        dialog = self.dialog
        dialog.finished.connect(lambda result: self._issue(row, dialog, result))
        dialog.open()

    def _issue(self, row: ToIssueRow, dialog: IssueDialog, result: int) -> None:
        choice = dialog.choice()
        if not result or choice is None:
            return
        renews = dialog.renews.text()
        premises = dialog.premises.text()
        port, user = self._port, self._user

        def done(issued: IssuedLicence | None, error: BaseException | None) -> None:
            if error is not None or issued is None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._tell(lambda: self._issued_words(issued))
            self.applications_did_change.emit()
            self.refresh()

        self._runner.run(
            lambda: port.issue(user, row.application_id, choice, renews, premises),
            done,
            pool="io",
            owner=self,
            label="issue licence",
        )

    # --- paper licences issued before the system ------------------------------------------

    def open_paper(self) -> None:
        self.paper_dialog = PaperLicenceDialog(self._port, self._runner, self._user, self)
        dialog = self.paper_dialog
        dialog.accepted.connect(lambda: self._paper_registered(dialog))
        dialog.open()

    def _paper_registered(self, dialog: PaperLicenceDialog) -> None:
        done = dialog.registered
        if done is None:
            return
        self._tell(
            lambda: self.tr(
                "Paper licence {number} registered; a check by its number now finds it "
                "(verification code {code})."
            ).format(number=done.number, code=done.verification_code)
        )
        self.refresh()  # it now stands in the list of licences issued

    # --- revoking -----------------------------------------------------------------------

    def revoke_selected(self) -> None:
        doc = self._selected_issued()
        if doc is None or not doc.may_revoke:
            return
        self.revoke_dialog = RevokeDialog(doc, self._port, self._runner, self._user, self)
        self.revoke_dialog.accepted.connect(lambda: self._revoked(doc))
        self.revoke_dialog.open()

    def _revoked(self, doc: IssuedRow) -> None:
        self._tell(lambda: self._revoked_words(doc))
        self.applications_did_change.emit()
        self.refresh()  # the row now says revoked (and stays chosen)

    def _revoked_words(self, doc: IssuedRow) -> str:
        if doc.origin == "paper":
            text = self.tr(
                "Paper licence {number} revoked; tell the holder on paper. A check by its "
                "number now answers revoked."
            )
        else:
            text = self.tr(
                "Licence {number} revoked; the holder is told. A check by its number now "
                "answers revoked."
            )
        return text.format(number=doc.number)

    # --- checking a licence someone shows -------------------------------------------------

    def open_check(self) -> None:
        if self.check_dialog is None:
            self.check_dialog = CheckLicenceDialog(self._port, self._runner, self._user, self)
        self.check_dialog.show()
        self.check_dialog.raise_()
        self.check_dialog.reference.setFocus()

    def open_data_requests(self) -> None:
        if self.data_dialog is None:
            self.data_dialog = DataRequestsDialog(self._port, self._runner, self._user, self)
            self.data_dialog.requests_did_change.connect(self.applications_did_change)
        else:
            self.data_dialog.refresh()
        self.data_dialog.show()
        self.data_dialog.raise_()
        self.data_dialog.reference.setFocus()

    # --- delivering ---------------------------------------------------------------------

    def deliver_selected(self) -> None:
        doc = self._selected_issued()
        if doc is None:
            return
        port, user = self._port, self._user
        channel = self._delivery_channel(doc)
        protect = self.protect.isChecked() and channel == "email"
        handed_to = self.handed_to.text()
        chosen = str(self.channel_choice.currentData() or "")

        def done(delivery: Delivery | None, error: BaseException | None) -> None:
            if error is not None or delivery is None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self.handed_to.clear()
            self.channel_choice.setCurrentIndex(0)
            self._tell(lambda: self._delivered_words(doc, delivery))
            self.applications_did_change.emit()
            self.refresh()

        self._runner.run(lambda: port.deliver(user, doc.issued_id, protect=protect,
                                              handed_to=handed_to, channel=chosen),
                         done, owner=self, label="deliver licence")  # fmt: skip

    def _issued_words(self, issued: IssuedLicence) -> str:
        text = self.tr("Licence {number} issued ({file}); verification code {code}.").format(
            number=issued.number, file=issued.file_name, code=issued.verification_code
        )
        if issued.timestamp_pending:
            text += " " + self.tr(
                "It was signed without a time-stamp: the time-stamping authority did not "
                "answer. Press “Add timestamps” once the network is back."
            )
        return text

    def _delivered_words(self, doc: IssuedRow, delivery: Delivery) -> str:
        text = self.tr("Licence {number} delivered ({channel}).").format(
            number=doc.number, channel=self._channel(delivery.channel)
        )
        if delivery.password:
            text += " " + self.tr(
                "Give the applicant this password by phone or SMS; it is shown only now: {p}"
            ).format(p=delivery.password)
        return text

    def _tell(self, words: Callable[[], str]) -> None:
        """Show the outcome of a step; ``words`` writes it again after a language switch."""
        self.error.clear()
        self.notice.tell(words)

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
        self.deliver_button.setText(self.tr("&Deliver"))
        self.more_button.setText(self.tr("&More…"))
        self.protect.setText(self.tr("Protect the e-mail with a password"))
        chosen = self.channel_choice.currentIndex()
        self.channel_choice.blockSignals(True)
        self.channel_choice.clear()
        self.channel_choice.addItem(self.tr("By the request's channel"), "")
        for code in ("email", "counter", "drive"):
            self.channel_choice.addItem(self._channel(code), code)
        self.channel_choice.setCurrentIndex(max(chosen, 0))
        self.channel_choice.blockSignals(False)
        self.handed_to.setPlaceholderText(self.tr("Received at the counter by…"))
        self.waiting.setHorizontalHeaderLabels(
            [self.tr("Request"), self.tr("Service"), self.tr("Applicant"), self.tr("Channel")]
        )
        self.issued.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Licensee"), self.tr("Subject"), self.tr("Status"),
             self.tr("Delivered"), self.tr("ID number")]
        )  # fmt: skip
        self._fill()
