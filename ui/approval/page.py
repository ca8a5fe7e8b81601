"""The approver's page: the requests waiting for approval, first come first served; the
summary of the one chosen beside its documents; the decisions.

Choosing a request opens it for approval (the services claim it, or ask why when older ones
wait); ticking several and pressing "Approve and sign" signs them as one batch with one PIN.
What the approver may do comes from the services (``allowed`` on the request's detail).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    Action,
    AlertKind,
    Alerts,
    ApplicationRow,
    ApprovalPort,
    ApprovalSummary,
    BatchItem,
    BatchOutcome,
    ReviewPort,
    SignatureStatus,
    SignedInUser,
)
from ui.approval.batch_progress import BatchProgressDialog
from ui.approval.signing_dialog import SigningDialog
from ui.approval.summary_view import SummaryView
from ui.approval.timestamps_button import TimestampsButton
from ui.approval.verify_dialog import VerifyDialog
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.request_dialogs import RefuseDialog, ReturnToReviewDialog
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.viewer.document_viewer import DocumentViewer

__all__ = ["ApprovalPage"]

_FALLBACK = (
    "ทำรายการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be done because of an internal error. Please tell your administrator.",
)
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ApprovalPage(Retranslating, QWidget):
    """Signals:
    queue_did_change(int): the number of requests waiting for approval was read again.
    applications_did_change(): a decision changed requests (lists and counts elsewhere).
    """

    queue_did_change = Signal(int)
    applications_did_change = Signal()

    def __init__(
        self,
        port: ApprovalPort,
        review_port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ApprovalPage")
        self._port = port
        self._review_port = review_port
        self._user = user
        self._runner = runner
        self._rows: list[ApplicationRow] = []
        self.summary: ApprovalSummary | None = None
        self._edited: dict[str, tuple[str, ...]] = {}
        # The signed record whose verification is on screen: a request shown again (a
        # refresh after a batch, a second open still on its way) keeps its verdict.
        self._verified_document: str | None = None
        self.progress: BatchProgressDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.title = named(QLabel(), "PageTitle")
        top.addWidget(self.title, 1)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.take_next)
        self.sign_button = named(QPushButton(), "Primary")
        self.sign_button.clicked.connect(self.approve_selected)
        self.error = ErrorBox(dismissable=True)
        self.timestamps_button = TimestampsButton(
            port.pending_timestamps, port.add_timestamps, runner, user, self.error
        )
        self.timestamps_button.timestamps_did_change.connect(self._timestamps_added)
        top.addWidget(self.timestamps_button)
        self.check_file_button = QPushButton()
        self.check_file_button.clicked.connect(lambda: self.open_verify_dialog())
        top.addWidget(self.check_file_button)
        top.addWidget(self.next_button)
        top.addWidget(self.sign_button)
        outer.addLayout(top)
        outer.addWidget(self.error)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "ApprovalSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.table = named(QTableWidget(0, 3), "ApprovalQueue")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumWidth(240)
        self.table.itemActivated.connect(lambda item: self.open_row(item.row()))
        self.table.cellClicked.connect(self._cell_clicked)
        self.splitter.addWidget(self.table)
        self.viewer = DocumentViewer(review_port, user, runner, settings)
        self.viewer.setMinimumWidth(320)
        self.splitter.addWidget(self.viewer)
        self.splitter.addWidget(self._build_side())
        self.splitter.setStretchFactor(1, 1)
        # The list gets room for the tick, the request number and a readable "applicant ·
        # service" column at 1280 px (the page is ~1040 wide beside the queue pane): with
        # less, the stretched last column kept its 100 px and the list scrolled sideways,
        # its header cut at both ends. The viewer keeps ~390 px; its toolbar needs it.
        self.splitter.setSizes([290, 390, 350])
        outer.addWidget(self.splitter, 1)
        self.retranslate()
        self._update_buttons()

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setMinimumWidth(320)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_view = SummaryView()
        layout.addWidget(self.summary_view, 3)
        self.conditions_label = QLabel()
        self.conditions_label.setWordWrap(True)
        # A Thai leading vowel overhangs the left edge of its glyph box: a little room.
        self.conditions_label.setContentsMargins(4, 0, 0, 0)
        self.conditions = named(QPlainTextEdit(), "ConditionsEditor")
        self.conditions.setFixedHeight(96)
        self.conditions_label.setBuddy(self.conditions)
        layout.addWidget(self.conditions_label)
        layout.addWidget(self.conditions)
        self.signature_status = named(QLabel(), "SignatureStatus")
        self.signature_status.setWordWrap(True)
        self.signature_status.hide()
        layout.addWidget(self.signature_status)
        buttons = QGridLayout()
        self.approve_button = named(QPushButton(), "Primary")
        self.approve_button.clicked.connect(self.approve_current)
        self.refuse_button = QPushButton()
        self.refuse_button.clicked.connect(self.refuse_current)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.send_back_current)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify_current)
        # Two rows: Thai labels are long, and the side panel is narrow at 1280 px.
        buttons.addWidget(self.approve_button, 0, 0, 1, 3)
        buttons.addWidget(self.refuse_button, 1, 0)
        buttons.addWidget(self.back_button, 1, 1)
        buttons.addWidget(self.verify_button, 1, 2)
        layout.addLayout(buttons)
        return side

    # -- the queue ------------------------------------------------------------------------

    def refresh(self) -> None:
        port, user = self._port, self._user

        def done(rows: list[ApplicationRow] | None, error: BaseException | None) -> None:
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._fill(rows or [])

        self._runner.run(lambda: port.queue(user), done, owner=self, label="approval queue")
        self.timestamps_button.refresh()

    def read_again_if_new(self, alerts: Alerts) -> None:
        """Read the queue again when the officer's alerts name a request it does not show
        (passed on at another workstation since the last reading)."""
        shown = {row.id for row in self._rows}
        if any(
            item.kind == AlertKind.NEW_IN_QUEUE and item.application_id not in shown
            for item in alerts.items
        ):
            self.refresh()

    def _fill(self, rows: list[ApplicationRow]) -> None:
        checked = set(self.checked_ids())
        self._rows = rows
        self.table.setRowCount(len(rows))
        language = i18n.current_language()
        for r, row in enumerate(rows):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(
                Qt.CheckState.Checked if row.id in checked else Qt.CheckState.Unchecked
            )
            tick.setData(_ID_ROLE, row.id)
            self.table.setItem(r, 0, tick)
            number = QTableWidgetItem(row.tracking_number)
            number.setToolTip(format_date(row.deemed_received_at, language))
            self.table.setItem(r, 1, number)
            service = row.service_name_th if language == "th" else row.service_name_en
            who = QTableWidgetItem(f"{row.applicant_name} · {service}")
            who.setToolTip(who.text())
            self.table.setItem(r, 2, who)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.queue_did_change.emit(len(rows))
        self._update_buttons()

    def checked_ids(self) -> list[str]:
        """Ticked requests, in queue (first-come) order."""
        ids = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(str(item.data(_ID_ROLE)))
        return ids

    def set_checked(self, application_id: str, checked: bool = True) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(_ID_ROLE) == application_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- one request ----------------------------------------------------------------------

    def _cell_clicked(self, row: int, column: int) -> None:
        if column > 0:  # the first column only ticks the request for the batch
            self.open_row(row)

    def open_row(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            self.open_application(self._rows[index].id)

    def open_application(self, application_id: str, reason: str | None = None) -> None:
        port, user = self._port, self._user
        self.error.clear()

        def done(summary: ApprovalSummary | None, error: BaseException | None) -> None:
            if error is not None or summary is None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._show(summary)

        self._runner.run(
            lambda: port.open_approval(user, application_id, reason), done, owner=self,
            label="open approval",
        )  # fmt: skip

    def take_next(self) -> None:
        port, user = self._port, self._user

        def done(row: ApplicationRow | None, error: BaseException | None) -> None:
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            if row is None:
                self.error.show_message("ไม่มีคำขอที่รออนุมัติ", "Nothing is waiting for approval.")
                return
            self.open_application(row.id)

        self._runner.run(lambda: port.take_next_approval(user), done, owner=self, label="next")

    def _show(self, summary: ApprovalSummary) -> None:
        self._remember_conditions()
        self.summary = summary
        self.summary_view.show_summary(summary)
        d = summary.detail
        self.viewer.set_application(d.row.id, d.body_text, d.documents)
        conditions = self._edited.get(d.row.id, summary.default_conditions)
        self.conditions.setPlainText("\n".join(conditions))
        record = summary.decision
        if record is None or record.document_id != self._verified_document:
            self.signature_status.hide()
            self._verified_document = None
        for r, row in enumerate(self._rows):
            if row.id == d.row.id:
                self.table.selectRow(r)
        self._update_buttons()

    def _remember_conditions(self) -> None:
        if self.summary is not None:
            self._edited[self.summary.detail.row.id] = self.current_conditions()

    def current_conditions(self) -> tuple[str, ...]:
        return tuple(line for line in self.conditions.toPlainText().splitlines() if line.strip())

    def _update_buttons(self) -> None:
        allowed = self.summary.detail.allowed if self.summary is not None else frozenset()
        self.approve_button.setEnabled(Action.APPROVE in allowed)
        self.refuse_button.setEnabled(Action.APPROVE in allowed)
        self.back_button.setEnabled(Action.RETURN_TO_REVIEW in allowed)
        self.conditions.setEnabled(Action.APPROVE in allowed)
        has_record = self.summary is not None and self.summary.decision is not None
        self.verify_button.setEnabled(
            has_record and self.summary is not None and self.summary.decision is not None
            and self.summary.decision.document_id is not None
        )  # fmt: skip
        self.sign_button.setEnabled(bool(self._rows))

    # -- decisions ------------------------------------------------------------------------

    def approve_current(self) -> None:
        if self.summary is not None:
            self._sign([self.summary])

    def approve_selected(self) -> None:
        """Open every ticked request (the services claim them in first-come order), then sign."""
        ids = self.checked_ids() or ([self.summary.detail.row.id] if self.summary else [])
        if not ids:
            self.error.show_message(
                "เลือกคำขอที่จะอนุมัติก่อน (ติ๊กหน้ารายการ)",
                "Tick the requests to approve first.",
            )
            return
        self._remember_conditions()
        port, user = self._port, self._user

        def work() -> list[ApprovalSummary]:
            return [port.open_approval(user, app_id) for app_id in ids]

        def done(summaries: list[ApprovalSummary] | None, error: BaseException | None) -> None:
            if error is not None or not summaries:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._sign(summaries)

        self._runner.run(work, done, owner=self, label="open batch")

    def _sign(self, summaries: list[ApprovalSummary]) -> None:
        self._remember_conditions()
        dialog = SigningDialog(self._port, self._runner, self._user, summaries, self)
        self.signing_dialog = dialog
        dialog.finished.connect(lambda result: self._signing_chosen(dialog, summaries, result))
        dialog.open()

    def _signing_chosen(
        self, dialog: SigningDialog, summaries: list[ApprovalSummary], result: int
    ) -> None:
        choice = dialog.choice()
        if not result or choice is None:
            return
        items = [
            BatchItem(s.detail.row.id, self._edited.get(s.detail.row.id, s.default_conditions))
            for s in summaries
        ]
        self.progress = BatchProgressDialog(self._runner, self)
        self.progress.batch_did_finish.connect(self._batch_finished)
        self.progress.open()
        self.progress.start(self._port, self._user, items, choice)

    def _batch_finished(self, outcome: BatchOutcome | None) -> None:
        if outcome is not None:
            for app_id in outcome.approved:
                self._edited.pop(app_id, None)
                self.set_checked(app_id, False)
        self.applications_did_change.emit()
        self.refresh()
        if self.summary is not None:
            self.open_application(self.summary.detail.row.id)

    def _timestamps_added(self) -> None:
        if self.summary is not None:  # its record may be a new, time-stamped file now
            self.open_application(self.summary.detail.row.id)

    def refuse_current(self) -> None:
        if self.summary is None:
            return
        dialog = RefuseDialog(self._port, self._runner, self._user, self.summary.detail.row, self)
        dialog.action_did_succeed.connect(self._decided)
        dialog.open()

    def send_back_current(self) -> None:
        if self.summary is None:
            return
        row = self.summary.detail.row
        dialog = ReturnToReviewDialog(self._review_port, self._runner, self._user, row, self)
        dialog.action_did_succeed.connect(self._decided)
        dialog.open()

    def _decided(self) -> None:
        self.applications_did_change.emit()
        self.refresh()
        if self.summary is not None:
            self.open_application(self.summary.detail.row.id)

    def verify_current(self) -> None:
        record = self.summary.decision if self.summary is not None else None
        if record is None or record.document_id is None:
            return
        port, user, document_id = self._port, self._user, record.document_id

        def done(status: SignatureStatus | None, error: BaseException | None) -> None:
            if error is not None or status is None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            shown = self.summary.decision if self.summary is not None else None
            if shown is None or shown.document_id != document_id:
                return  # the officer moved to another request meanwhile
            self._verified_document = document_id
            self.show_signature_status(status)
            number = self.summary.detail.row.tracking_number if self.summary is not None else ""
            kind = self.tr("signature type {type}").format(type=shown.signature_type)
            self.open_verify_dialog(status, f"{number} · {kind}")

        self._runner.run(
            lambda: port.verify_document(user, document_id), done, pool="io", owner=self,
            label="verify signature",
        )  # fmt: skip

    def open_verify_dialog(self, status: SignatureStatus | None = None, subject: str = "") -> None:
        """The verification dialog: with a result (a stored record), or empty for a file."""
        port, user = self._port, self._user
        dialog = VerifyDialog(lambda path: port.verify_file(user, path), self._runner, self)
        if status is not None:
            dialog.show_status(status, subject)
        self.verify_dialog = dialog
        dialog.open()

    def show_signature_status(self, status: SignatureStatus) -> None:
        lines = status.lines_th if i18n.current_language() == "th" else status.lines_en
        verdict = (
            self.tr("Signature valid and trusted")
            if status.ok
            else self.tr("Signature NOT valid or not trusted")
        )
        if not status.signed:
            verdict = self.tr("No digital signature (type 1 record)")
        self.signature_status.setText("\n".join([verdict, *lines]))
        self.signature_status.show()

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Waiting for approval (first come, first served)"))
        self.next_button.setText(self.tr("Take next"))
        self.sign_button.setText(self.tr("Approve and sign ticked…"))
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Request"), self.tr("Applicant · service")]
        )
        self.conditions_label.setText(self.tr("&Conditions (one per line; edit as needed)"))
        self.approve_button.setText(self.tr("Approve and sign…"))
        self.refuse_button.setText(self.tr("Refuse…"))
        self.back_button.setText(self.tr("Send back…"))
        self.verify_button.setText(self.tr("Verify signature"))
        self.check_file_button.setText(self.tr("Check a signed PDF…"))
        if self._rows:
            self._fill(self._rows)
