"""The "Retention and destruction" page (การเก็บรักษาและทำลาย) for the records' keeper.

Left, the periods in force per service (as the settings stand now; "for ever" unless the
agency set one) and how many closed requests are past them; right, the destruction lists and
how far each has gone (drafted → ordered → destroyed); below, the requests the chosen list
names, the applicant's national ID masked. The steps follow the DGA guidelines (draft):
draw up a list, save it as PDF and CSV for the head of the agency, record the head's order,
then destroy after a confirmation that says what goes.

Who sees what is asked of the access table through the port: the page itself for those who
may draw up lists, the order and the destruction for those who may destroy records. Every
read and step runs in the workers; the services check the rights again and keep their
guards (a request worked on again since it was listed is not destroyed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QPushButton,
    QWidget,
)

from services.api import SignedInUser
from services.api.archive import (
    ArchivePort,
    Destroyed,
    ListedRequest,
    ListState,
    ListSummary,
    ListWritten,
    RetentionOverview,
)
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.retention.destroy_dialog import DestroyDialog
from ui.retention.empty import EmptyRegisters
from ui.retention.order_dialog import OrderDialog
from ui.retention.parts import lay_out
from ui.retention.tables import (
    fill_lists,
    fill_requests,
    fill_services,
    label_headers,
    years_text,
)

__all__ = ["RetentionPage"]

_READ_FAILED = (
    "อ่านข้อมูลการเก็บรักษาไม่ได้ ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "Could not read the retention data. Try again; if it keeps failing, tell your administrator.",
)
_STEP_FAILED = (
    "ทำรายการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ ไม่มีสิ่งใดถูกทำลาย ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "The step failed because of an internal error; nothing was destroyed. Try again; if it "
    "keeps failing, tell your administrator.",
)

# Asks where to save the list's PDF (None: the officer cancelled); a test hands its own.
ChoosePath = Callable[[QWidget, str], Path | None]


class RetentionPage(Retranslating, QWidget):
    """Signals:
    overview_did_load(): the periods and the lists are on screen.
    requests_did_load(): the chosen list's requests are on screen.
    step_did_finish(str): a step is done and shown: "drafted", "saved", "ordered", "destroyed".
    """

    overview_did_load = Signal()
    requests_did_load = Signal()
    step_did_finish = Signal(str)

    def __init__(
        self,
        port: ArchivePort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
        *,
        choose: ChoosePath | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RetentionPage")
        self._port, self._runner, self._user = port, runner, user
        self._choose = choose or self._ask_where
        self._overview: RetentionOverview | None = None
        self._requests: list[ListedRequest] = []
        self._wanted: int | None = None  # the list to choose once the lists are read
        self._generation = 0
        self._drafting = False  # a draw-up is under way: its button stays off until it ends
        self.may_destroy = port.may_destroy(user)
        self.order_dialog: OrderDialog | None = None
        self.destroy_dialog: DestroyDialog | None = None

        parts = lay_out(self, may_destroy=self.may_destroy)
        self.title, self.intro, self.result = parts.title, parts.intro, parts.result
        self.periods_label, self.lists_label = parts.periods_label, parts.lists_label
        self.services, self.lists, self.requests = parts.services, parts.lists, parts.requests
        self.past_label, self.requests_label = parts.past_label, parts.requests_label
        self.draft_button, self.save_button = parts.draft_button, parts.save_button
        self.order_button, self.destroy_button = parts.order_button, parts.destroy_button
        self.error = parts.error
        self.empty = EmptyRegisters(self.lists, self.requests)
        self.lists.itemSelectionChanged.connect(self._list_chosen)
        self.draft_button.clicked.connect(self.draft)
        self.save_button.clicked.connect(self.save)
        self.order_button.clicked.connect(self.record_order)
        self.destroy_button.clicked.connect(self.ask_to_destroy)
        self.retranslate()
        self._update_buttons()

    # -- reading ------------------------------------------------------------------------

    @property
    def overview(self) -> RetentionOverview | None:
        return self._overview

    def chosen(self) -> ListSummary | None:
        rows = self.lists.selectionModel().selectedRows()
        if self._overview is None or not rows:
            return None
        return self._overview.lists[rows[0].row()]

    def refresh(self) -> None:
        """Read the periods, what is past them and the lists again (the chosen list stays)."""
        port, user = self._port, self._user
        self._generation += 1
        generation = self._generation
        chosen = self.chosen()
        if self._wanted is None and chosen is not None:
            self._wanted = chosen.number

        def done(overview: RetentionOverview | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if error is not None or overview is None:
                self._show(error, _READ_FAILED)
                return
            self._overview = overview
            self._fill()
            self.overview_did_load.emit()

        self._runner.run(
            lambda: port.retention_overview(user), done, owner=self, label="retention.overview"
        )

    def _fill(self) -> None:
        overview = self._overview
        if overview is None:
            return
        fill_services(self.services, overview.services)
        self.lists.blockSignals(True)
        fill_lists(self.lists, overview.lists)
        self.lists.blockSignals(False)
        self._retranslate_counts()
        numbers = [listing.number for listing in overview.lists]
        wanted = self._wanted if self._wanted in numbers else (numbers[0] if numbers else None)
        self._wanted = None
        if wanted is None:
            self._requests = []
            self.requests.setRowCount(0)
            self._update_buttons()
            return
        self.lists.selectRow(numbers.index(wanted))
        self._list_chosen()

    def _list_chosen(self) -> None:
        self._update_buttons()
        self._retranslate_counts()
        listing = self.chosen()
        if listing is None:
            return
        port, user, number = self._port, self._user, listing.number

        def done(found: list[ListedRequest] | None, error: BaseException | None) -> None:
            chosen = self.chosen()
            if chosen is None or chosen.number != number:
                return  # another list was chosen meanwhile
            if error is not None or found is None:
                self._show(error, _READ_FAILED)
                return
            self._requests = found
            fill_requests(self.requests, found)
            self.requests_did_load.emit()

        self._runner.run(
            lambda: port.listed_requests(user, number), done, owner=self, label="retention.items"
        )

    # -- steps --------------------------------------------------------------------------

    def draft(self) -> None:
        port, user = self._port, self._user
        self._begin(self.draft_button)
        self._drafting = True

        def done(number: int | None, error: BaseException | None) -> None:
            self._drafting = False
            if error is not None or number is None:
                self._update_buttons()
                self._show(error, _STEP_FAILED)
                return
            self._wanted = number
            self._say(
                lambda: self.tr(
                    "Destruction list {number} drawn up. Save it as PDF and CSV for the head "
                    "of the agency's order; nothing is destroyed before the order is recorded."
                ).format(number=number)
            )
            self.overview_did_load.connect(self._announce_drafted)
            self.refresh()

        self._runner.run(lambda: port.draft(user), done, owner=self, label="retention.draft")

    def _announce_drafted(self) -> None:
        self.overview_did_load.disconnect(self._announce_drafted)
        self.step_did_finish.emit("drafted")

    def _ask_where(self, parent: QWidget, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, self.tr("Save the destruction list"), suggested, self.tr("PDF files (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def save(self) -> None:
        listing = self.chosen()
        if listing is None:
            return
        path = self._choose(self, str(Path.home() / f"destruction-list-{listing.number}.pdf"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        port, user, number = self._port, self._user, listing.number
        self._begin(self.save_button)

        def done(written: ListWritten | None, error: BaseException | None) -> None:
            self.save_button.setEnabled(True)
            if error is not None or written is None:
                self._show(error, _STEP_FAILED)
                return
            self._say(
                lambda: self.tr("Destruction list {number} saved: {pdf} and {csv}").format(
                    number=written.number, pdf=written.pdf, csv=written.csv
                )
            )
            self.step_did_finish.emit("saved")

        self._runner.run(
            lambda: port.save_list(user, number, path),
            done,
            pool="io",
            owner=self,
            label="retention.save",
        )

    def record_order(self) -> None:
        listing = self.chosen()
        if listing is None or not self.may_destroy:
            return
        self.error.clear()
        dialog = OrderDialog(self._port, self._runner, self._user, listing.number, self)
        self.order_dialog = dialog

        def recorded() -> None:
            self._wanted = listing.number
            self._say(
                lambda: self.tr("The order is recorded on destruction list {number}.").format(
                    number=listing.number
                )
            )
            self.refresh()
            self.step_did_finish.emit("ordered")

        dialog.accepted.connect(recorded)
        dialog.open()

    def ask_to_destroy(self) -> None:
        listing = self.chosen()
        if listing is None or not self.may_destroy:
            return
        self.error.clear()
        waiting = [row.tracking_number for row in self._requests if row.state == "listed"]
        dialog = DestroyDialog(listing, waiting, self)
        self.destroy_dialog = dialog
        dialog.accepted.connect(lambda: self._destroy(listing.number))
        dialog.open()

    def _destroy(self, number: int) -> None:
        port, user = self._port, self._user
        self._begin(self.destroy_button)

        def done(outcome: Destroyed | None, error: BaseException | None) -> None:
            if error is not None or outcome is None:
                self._show(error, _STEP_FAILED)
                self._update_buttons()
                return
            self._say(lambda: self._destroyed_words(outcome))
            self._wanted = number
            self.refresh()
            self.step_did_finish.emit("destroyed")

        self._runner.run(
            lambda: port.destroy(user, number), done, owner=self, label="retention.destroy"
        )

    def _destroyed_words(self, outcome: Destroyed) -> str:
        text = self.tr("Destroyed {destroyed} requests from destruction list {number}.")
        if outcome.kept:
            text += " " + self.tr(
                "Skipped {kept}: worked on again since they were listed, or destroyed "
                "already; the list below says which."
            )
        return text.format(
            destroyed=len(outcome.destroyed), number=outcome.list_number, kept=len(outcome.kept)
        )

    # -- helpers ------------------------------------------------------------------------

    def _begin(self, button: QPushButton) -> None:
        self.error.clear()
        self.result.forget()
        button.setEnabled(False)

    def _say(self, words: Callable[[], str]) -> None:
        """Show the outcome of a step; ``words`` says it again after a language switch."""
        self.error.clear()
        self.result.tell(words)

    def _show(self, error: BaseException | None, fallback: tuple[str, str]) -> None:
        self.error.show_error(error, fallback_th=fallback[0], fallback_en=fallback[1])

    def _update_buttons(self) -> None:
        # The service's own count decides whether there is anything to list (it still refuses
        # an empty list); until it has answered the button waits.
        overview = self._overview
        past = overview.past if overview is not None else 0
        self.draft_button.setEnabled(past > 0 and not self._drafting)
        self.draft_button.setToolTip(
            self.tr(
                "Nothing to list: no closed request is past its retention period, or all "
                "of them are on a list already."
            )
            if overview is not None and past == 0
            else ""
        )
        listing = self.chosen()
        self.save_button.setEnabled(listing is not None)
        self.order_button.setEnabled(listing is not None and listing.state == ListState.DRAFTED)
        self.destroy_button.setEnabled(listing is not None and listing.state == ListState.ORDERED)

    # -- language -----------------------------------------------------------------------

    def _retranslate_counts(self) -> None:
        overview = self._overview
        default = years_text(overview.default_years) if overview is not None else ""
        self.intro.setText(
            self.tr(
                "Closed requests are kept for ever unless the agency sets a period "
                "(Settings, Retention). Agency-wide period: {default}. Nothing is destroyed "
                "before the head of the agency's order is recorded on a destruction list."
            ).format(default=default or "…")
        )
        past = overview.past if overview is not None else 0
        self.past_label.setText(
            self.tr("{count} closed requests are past their period and on no list.").format(
                count=f"{past:,}"
            )
        )
        listing = self.chosen()
        self.empty.show(overview, listing, self.draft_button.text())
        if listing is None:
            self.requests_label.setText(self.tr("Requests on the chosen list"))
        else:
            self.requests_label.setText(
                self.tr("Requests on destruction list {number} ({count})").format(
                    number=listing.number, count=listing.requests
                )
            )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Retention and destruction"))
        self.periods_label.setText(self.tr("Periods in force"))
        self.lists_label.setText(self.tr("Destruction lists"))
        self.draft_button.setText(self.tr("Draw &up a destruction list"))
        self.save_button.setText(self.tr("&Save PDF and CSV…"))
        self.order_button.setText(self.tr("Record the &order…"))
        self.destroy_button.setText(self.tr("&Destroy…"))
        label_headers(self.services, self.lists, self.requests)
        self._retranslate_counts()
        self._update_buttons()  # the draw-up button's reason, in the new language
        if self._overview is not None:
            fill_services(self.services, self._overview.services)
            self.lists.blockSignals(True)
            fill_lists(self.lists, self._overview.lists)
            self.lists.blockSignals(False)
            fill_requests(self.requests, self._requests)
        layout = self.layout()
        if layout is not None:  # the buttons take their new words' widths in this turn
            layout.activate()
