"""What the officer does from the issuing page, each through its dialog or off the GUI thread:
issue the chosen request's licence, register a paper one, revoke one, deliver one, check a
licence someone shows, answer data requests.

The page says which row is chosen and shows what comes back: a sentence for its notice
(:attr:`IssuingSteps.told`, a function so it is written again after a language switch), an
error (:attr:`IssuingSteps.failed`), and that the lists changed. The dialogs are kept here so
a step's dialog can be found while it is open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from services.api import (
    Delivery,
    IssuedLicence,
    IssuedRow,
    IssuingPort,
    RegisteredPaper,
    SignedInUser,
    ToIssueRow,
)
from ui.common.tasks import TaskRunner
from ui.issuing.channels import channel_name
from ui.issuing.check_dialog import CheckLicenceDialog
from ui.issuing.data_requests_dialog import DataRequestsDialog
from ui.issuing.delivery_bar import DeliveryBar
from ui.issuing.issue_dialog import IssueDialog
from ui.issuing.paper_dialog import PaperLicenceDialog
from ui.issuing.revoke_dialog import RevokeDialog

__all__ = ["IssuingSteps"]


class IssuingSteps(QObject):
    """Signals: told(Callable[[], str]): a step's outcome, for the notice; failed(object): the
    error a step ended in; applications_did_change(); lists_did_change(): read them again."""

    told = Signal(object)
    failed = Signal(object)
    applications_did_change = Signal()
    lists_did_change = Signal()

    def __init__(
        self, port: IssuingPort, user: SignedInUser, runner: TaskRunner, page: QWidget
    ) -> None:
        super().__init__(page)
        self._port = port
        self._user = user
        self._runner = runner
        self._page = page  # the dialogs' parent, and the owner of the work run for them
        self.dialog: IssueDialog | None = None
        self.paper_dialog: PaperLicenceDialog | None = None
        self.revoke_dialog: RevokeDialog | None = None
        self.check_dialog: CheckLicenceDialog | None = None
        self.data_dialog: DataRequestsDialog | None = None

    # --- issuing ------------------------------------------------------------------------

    def issue(self, row: ToIssueRow) -> None:
        self.dialog = IssueDialog(row, self._port, self._runner, self._user, self._page)
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
                self.failed.emit(error)
                return
            self._changed(lambda: self._issued_words(issued))

        self._runner.run(
            lambda: port.issue(user, row.application_id, choice, renews, premises),
            done,
            pool="io",
            owner=self._page,
            label="issue licence",
        )

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

    # --- paper licences issued before the system ------------------------------------------

    def register_paper(self) -> None:
        self.paper_dialog = PaperLicenceDialog(self._port, self._runner, self._user, self._page)
        dialog = self.paper_dialog
        dialog.accepted.connect(lambda: self._paper_registered(dialog.registered))
        dialog.open()

    def _paper_registered(self, done: RegisteredPaper | None) -> None:
        if done is None:
            return
        self.told.emit(
            lambda: self.tr(
                "Paper licence {number} registered; a check by its number now finds it "
                "(verification code {code})."
            ).format(number=done.number, code=done.verification_code)
        )
        self.lists_did_change.emit()  # it now stands in the list of licences issued

    # --- revoking -----------------------------------------------------------------------

    def revoke(self, doc: IssuedRow) -> None:
        if not doc.may_revoke:
            return
        self.revoke_dialog = RevokeDialog(doc, self._port, self._runner, self._user, self._page)
        # The row then says revoked (and stays chosen).
        self.revoke_dialog.accepted.connect(lambda: self._changed(lambda: self._revoked(doc)))
        self.revoke_dialog.open()

    def _revoked(self, doc: IssuedRow) -> str:
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

    # --- delivering ---------------------------------------------------------------------

    def deliver(self, doc: IssuedRow, bar: DeliveryBar) -> None:
        port, user = self._port, self._user
        choice = bar.choice(doc)

        def done(delivery: Delivery | None, error: BaseException | None) -> None:
            if error is not None or delivery is None:
                self.failed.emit(error)
                return
            bar.reset()
            self._changed(lambda: self._delivered_words(doc, delivery))

        self._runner.run(lambda: port.deliver(user, doc.issued_id, protect=choice.protect,
                                              handed_to=choice.handed_to, channel=choice.channel),
                         done, owner=self._page, label="deliver licence")  # fmt: skip

    def _delivered_words(self, doc: IssuedRow, delivery: Delivery) -> str:
        text = self.tr("Licence {number} delivered ({channel}).").format(
            number=doc.number, channel=channel_name(delivery.channel)
        )
        if delivery.password:
            text += " " + self.tr(
                "Give the applicant this password by phone or SMS; it is shown only now: {p}"
            ).format(p=delivery.password)
        return text

    # --- looking things up: a licence someone shows, data requests -------------------------

    def check(self) -> None:
        if self.check_dialog is None:
            self.check_dialog = CheckLicenceDialog(self._port, self._runner, self._user, self._page)
        self.check_dialog.show()
        self.check_dialog.raise_()
        self.check_dialog.reference.setFocus()

    def data_requests(self) -> None:
        if self.data_dialog is None:
            self.data_dialog = DataRequestsDialog(self._port, self._runner, self._user, self._page)
            self.data_dialog.requests_did_change.connect(self.applications_did_change)
        else:
            self.data_dialog.refresh()
        self.data_dialog.show()
        self.data_dialog.raise_()
        self.data_dialog.reference.setFocus()

    def _changed(self, words: Callable[[], str]) -> None:
        """A step changed a request or a licence: say so, and have both lists read again."""
        self.told.emit(words)
        self.applications_did_change.emit()
        self.lists_did_change.emit()
