"""The review screen: the documents at the left, the checklist and checks at the right.

Opened from the list (Enter, double-click) or with "Next" (Ctrl+Enter, F2), it claims the
application through ``port.open_application``. When older requests wait, the service says
so (``OutOfOrder``, code ``out_of_order``) and the screen asks for the reason in place, then
opens with it. Every verdict and decision is one port call in the database worker, made by
the screen's :class:`~ui.review.presenter.ReviewPresenter`; the port answers with the
application as it now stands, and the screen redraws from what the presenter's signals carry.

Nothing here is modal: the composers for asking documents and rejecting open beside the
document; messages show inline in Thai and English.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    Action,
    ApplicationDetail,
    ApplicationRow,
    ApplicationStatus,
    DocumentInfo,
    IdentityCheckKind,
    ReviewPort,
    SignedInUser,
    Verdict,
    may,
)
from ui.common import ui_settings
from ui.common.errors import ErrorBox
from ui.common.message_area import MessageArea
from ui.common.naming import named
from ui.common.request_dialogs import ReturnToReviewDialog
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.review.actions import ReviewActionBar, ReviewTopBar
from ui.review.certify import CertifyFlow
from ui.review.checklist import ChecklistView
from ui.review.composer import RejectComposer, RequestDocumentsComposer
from ui.review.identity import LINKS_DOCUMENT, IdentityPanel
from ui.review.info import ApplicationInfoView, HistoryView
from ui.review.opening import Opening
from ui.review.out_of_order import OutOfOrderPanel
from ui.review.presenter import ReviewPresenter
from ui.review.read_ahead import ReadAhead
from ui.review.screen_keys import ReviewKeys
from ui.review.screen_messages import ReviewMessages, status_name
from ui.review.settings import REVIEW_SPLITTER
from ui.review.tab_titles import title_tabs
from ui.viewer.document_viewer import DocumentViewer

__all__ = ["NEXT_FAILED", "NOTHING_WAITING", "ReviewScreen"]

log = logging.getLogger(__name__)

NOTHING_WAITING = ("ไม่มีคำขอรออยู่ในคิวนี้แล้ว", "No request is waiting in this queue.")
NEXT_FAILED = ("หาคำขอถัดไปไม่ได้ ลองอีกครั้ง", "Could not find the next request. Try again.")
_VIEWER_SHARE = 0.57  # of the width, on first use: the document gets the larger part


class ReviewScreen(Retranslating, QFrame):
    """One application under review.

    Signals:
        screen_did_close(): the officer went back to the list.
        application_did_change(): a status or claim changed; lists and counts are stale.
        next_requested(): the officer asked for the next request (the window knows the queue).
        review_will_open(): :meth:`open_next` found a request and opens it here.
        next_did_fail(object): :meth:`open_next` found nothing (None) or failed (the error),
            while the screen was not showing (when it shows, it says so itself).
    """

    screen_did_close = Signal()
    application_did_change = Signal()
    next_requested = Signal()
    review_will_open = Signal()
    next_did_fail = Signal(object)

    def __init__(
        self,
        port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReviewScreen")
        self._port = port
        self._user = user
        self._runner = runner
        self._settings = settings
        # The request in hand, the busy state and every port call; this screen renders.
        self.presenter = ReviewPresenter(port, user, runner, self)
        # The next request's files, decrypted while the officer works on this one.
        self.read_ahead = ReadAhead(port, user, runner, parent=self)
        self._queue_status: str | None = None  # the queue "Next" last took from
        self._shown: ApplicationDetail | None = None  # what the widgets show now
        self._filled: ApplicationDetail | None = None  # what the tabs show (after page 1)
        self.return_dialog: ReturnToReviewDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = ReviewTopBar()
        self.top_bar.back_clicked.connect(self.close_screen)
        self.top_bar.next_clicked.connect(self.next_requested)
        # No queue to take from (the administrator): no "Next" to press.
        self.top_bar.next_button.setVisible(may(user.roles, Action.TAKE_NEXT))
        layout.addWidget(self.top_bar)
        self.error_box = ErrorBox(dismissable=True)
        self.notice_box = ErrorBox(dismissable=True)
        self.notice_box.setObjectName("NoticeBox")
        self.said = ReviewMessages(
            self.error_box, self.notice_box,
            next_request=self.next_requested.emit, show_first_open=self._show_first_open,
        )  # fmt: skip
        self.messages = MessageArea(self.error_box, self.notice_box)
        layout.addWidget(self.messages)

        self.pages = named(QStackedWidget(), "ReviewPages")
        self._build_out_of_order()
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "ReviewSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.viewer = DocumentViewer(port, user, runner, settings)
        self.viewer.setMinimumWidth(360)
        self.viewer.position_did_change.connect(self._viewer_moved)
        self.splitter.addWidget(self.viewer)
        self.splitter.addWidget(self._build_side())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.splitterMoved.connect(self._save_splitter)
        self.pages.addWidget(self.splitter)
        layout.addWidget(self.pages, 1)
        self._restore_splitter()
        self.opening = Opening(self.viewer, self.read_ahead, self.checklist, self)
        self.keys = ReviewKeys(self)
        self.shortcuts = self.keys.shortcuts
        self._connect_presenter()
        self.retranslate()

    # -- construction -------------------------------------------------------------------

    def _build_out_of_order(self) -> None:
        self.out_of_order = OutOfOrderPanel()
        self.out_of_order.reason_given.connect(self.open_with_reason)
        self.out_of_order.oldest_requested.connect(self.next_requested)
        self.pages.addWidget(self.out_of_order)

    def _build_side(self) -> QWidget:
        side = named(QFrame(), "ReviewSide")
        side.setMinimumWidth(380)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.side_stack = QStackedWidget()
        self.tabs = named(QTabWidget(), "ReviewTabs")
        self.tabs.setDocumentMode(True)
        self.checklist = ChecklistView()
        self.checklist.verdict_requested.connect(self.record_verdict)
        self.checklist.document_requested.connect(self._show_linked)
        self.identity = IdentityPanel(self._port.now)
        self.identity.check_requested.connect(self.record_identity)
        self.identity.set_officer(self._user.display_name)
        self.info = ApplicationInfoView()
        self.history = HistoryView()
        for widget in (self.checklist, self.identity, self.info, self.history):
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.side_stack.addWidget(self.tabs)
        self.request_composer = RequestDocumentsComposer(self._port, self._user, self._runner)
        self.request_composer.composer_did_close.connect(self.show_checklist)
        self.request_composer.request_did_send.connect(self._documents_requested)
        self.reject_composer = RejectComposer(self._port, self._user, self._runner)
        self.reject_composer.composer_did_close.connect(self.show_checklist)
        self.reject_composer.application_did_reject.connect(self._rejected)
        self.side_stack.addWidget(self.request_composer)
        self.side_stack.addWidget(self.reject_composer)
        layout.addWidget(self.side_stack, 1)
        self.action_bar = ReviewActionBar(can_reassign=may(self._user.roles, Action.REASSIGN))
        self.action_bar.certify_clicked.connect(self.certify_copy)
        self.action_bar.request_clicked.connect(self.open_request_composer)
        self.action_bar.reject_clicked.connect(self.open_reject_composer)
        self.action_bar.return_clicked.connect(self.open_return_dialog)
        self.action_bar.reviewed_clicked.connect(self.mark_reviewed)
        self.action_bar.release_clicked.connect(self.release_claim)
        self.action_bar.reassign_menu_opened.connect(self._load_officers)
        self.action_bar.reassign_chosen.connect(self.reassign)
        layout.addWidget(self.action_bar)
        return side

    def _connect_presenter(self) -> None:
        presenter = self.presenter
        presenter.busy_did_change.connect(lambda _busy: self._update_actions())
        presenter.application_did_open.connect(lambda d: self._show_detail(d, new=True))
        presenter.opening_did_need_reason.connect(self._ask_reason)
        presenter.application_did_reload.connect(self._show_detail)
        presenter.verdict_did_record.connect(self._verdict_recorded)
        presenter.identity_did_record.connect(self._identity_recorded)
        presenter.copy_did_certify.connect(self._copy_certified)
        self.certify_flow = CertifyFlow(
            presenter, self.viewer, lambda text, action: self.said.notice(text, action=action), self
        )
        presenter.copy_did_withdraw.connect(self._copy_withdrawn)
        presenter.review_did_mark.connect(self._reviewed)
        presenter.claim_did_release.connect(self.close_screen)
        presenter.application_did_reassign.connect(
            lambda: self.said.notice(lambda: self.tr("Reassigned."))
        )
        presenter.officers_did_load.connect(self.action_bar.set_officers)
        presenter.history_did_load.connect(self.history.set_entries)
        presenter.next_did_load.connect(self._next_loaded)
        presenter.action_did_fail.connect(self._action_failed)
        presenter.application_did_change.connect(self.application_did_change)

    # -- opening --------------------------------------------------------------------------

    @property
    def detail(self) -> ApplicationDetail | None:
        return self.presenter.detail

    @property
    def user(self) -> SignedInUser:
        return self._user

    @property
    def application_id(self) -> str | None:
        return self.presenter.application_id

    def is_settled(self) -> bool:
        """The tabs show the request in hand as last answered (they follow page 1)."""
        return self._filled is not None and self._filled is self.presenter.detail

    def open_next(self, status: str | None) -> None:
        """Take the oldest waiting request of the ``status`` queue (None: all of the officer's
        queues) through ``port.next_application`` and open it."""
        self._queue_status = status
        self.presenter.find_next(ApplicationStatus(status) if status else None)

    def _next_loaded(self, row: ApplicationRow | None, error: BaseException | None) -> None:
        if row is not None and self.isVisible() and row.id == self.application_id:
            # First come, first served: the one in hand is still the oldest.
            self.error_box.clear()
            self.said.notice(
                lambda: self.tr(
                    "This request is still the oldest in your hands. Finish it, ask for "
                    "documents, or put it back in the queue."
                )
            )
        elif row is not None:
            self.review_will_open.emit()
            self.open_row(row)
        elif not self.isVisible():
            self.next_did_fail.emit(error)
        elif error is not None:
            self.said.show_error(error, *NEXT_FAILED)
        else:
            self.notice_box.clear()
            self.error_box.show_message(*NOTHING_WAITING)
            self.error_box.set_action("", None)

    def open_row(self, row: ApplicationRow) -> None:
        self.open_application(row.id, tracking_number=row.tracking_number)

    def open_application(
        self, application_id: str, *, tracking_number: str = "", reason: str | None = None
    ) -> None:
        """Claim and show ``application_id``; older requests waiting ask for ``reason``."""
        detail = self.presenter.detail
        if detail is None or detail.row.id != application_id:
            self._shown = None
            self.top_bar.show_loading(tracking_number)
            self.opening.begin(application_id)  # its files are read just before the claim
        self.error_box.clear()
        self.notice_box.clear()
        self.show_checklist()
        self.pages.setCurrentWidget(self.splitter)
        self.presenter.open_application(application_id, reason)

    def _ask_reason(self, error: BaseException) -> None:
        self.top_bar.subtitle.clear()
        self.out_of_order.ask(getattr(error, "th", ""), getattr(error, "en", ""))
        self.pages.setCurrentWidget(self.out_of_order)
        self.out_of_order.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_with_reason(self, reason: str) -> None:
        opening = self.presenter.application_id
        if opening is not None:
            self.open_application(opening, reason=reason)

    def is_asking_reason(self) -> bool:
        return self.pages.currentWidget() is self.out_of_order

    def _show_detail(self, detail: ApplicationDetail, *, new: bool = False) -> None:
        previous = self._shown
        self._shown = detail
        self.top_bar.show_detail(detail)
        if new or previous is None or previous.row.id != detail.row.id:
            self.opening.show_claimed(detail)
            # The tabs, and the next request read ahead, wait until its page is on screen.
            self.opening.after_first_page(lambda: self._fill_side(new=new, warm=True))
            return
        if [d.id for d in previous.documents] != [d.id for d in detail.documents]:
            self.viewer.update_documents(detail.documents)
        self._fill_side(new=new)

    def read_next_ahead(self) -> None:
        """Read ahead the request "Next" would open after this one (once its page shows)."""
        if self._shown is not None and may(self._user.roles, Action.TAKE_NEXT):
            status = ApplicationStatus(self._queue_status) if self._queue_status else None
            self.read_ahead.warm(status, after=self._shown.row.id)

    def _fill_side(self, *, new: bool, warm: bool = False) -> None:
        """The checklist, identity and details tabs, from the request as last answered."""
        detail = self._filled = self._shown
        if detail is None:
            return
        if warm:
            self.read_next_ahead()
        editable = self._editable()
        documents = list(detail.documents)
        self.said.follow(detail)
        self.checklist.set_items(
            detail.checklist, documents, editable=editable, keep_current=not new
        )
        self.checklist.set_viewing(self.viewer.current_document_id(), self.viewer.current_page())
        self.identity.set_detail(detail, editable=editable)
        self.identity.set_viewing(*self._link())
        self.info.set_detail(detail)
        self._update_tabs()
        self._update_actions()
        if new:
            self.tabs.setCurrentWidget(self.checklist)
            self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)
        self.presenter.history_stale = True
        if self.tabs.currentWidget() is self.history:
            self.presenter.load_history()

    def _editable(self) -> bool:  # the service says (holder, status, roles)
        return self.presenter.editable()

    # -- verdicts -------------------------------------------------------------------------

    def _link(self) -> tuple[str | None, int | None]:
        """The document and page on screen (pages count for PDFs only)."""
        document_id = self.viewer.current_document_id()
        if document_id is None:
            return None, None
        page = self.viewer.current_page() if self.viewer.current_kind() == "pdf" else None
        return document_id, page

    def record_verdict(self, code: str, verdict_text: str, reason: str) -> None:
        detail = self.presenter.detail
        if detail is None or self.presenter.busy:
            return
        verdict = Verdict(verdict_text)  # a Qt signal carries it as a plain str
        # Only an acceptance names where the document was found; a rejection's reason says
        # what is wrong (the document may not be there at all).
        document_id, page = self._link() if verdict == Verdict.ACCEPTED else (None, None)
        if verdict == Verdict.ACCEPTED and document_id is None:
            # The message is on screen: use the link the row shows, if any.
            row = self.checklist.current_row()
            if row is not None and row.document_combo.currentIndex() > 0:
                chosen = detail.documents[row.document_combo.currentIndex() - 1]
                document_id, page = chosen.id, (row.page_spin.value() or None)
        self.checklist.set_busy(True)
        self.presenter.record_verdict(code, verdict, reason, document_id, page)

    def _verdict_recorded(self, result: ApplicationDetail) -> None:
        self.checklist.set_busy(False)
        self.said.clear_error()
        row = self.checklist.current_row()
        if row is not None:
            row.hide_reason()
        self._show_detail(result)
        self.checklist.advance()
        self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)

    def record_identity(self, kind_text: str, verdict_text: str, data: dict[str, str]) -> None:
        if self.presenter.detail is None or self.presenter.busy:
            return
        # A Qt signal carries them as plain str.
        kind, verdict = IdentityCheckKind(kind_text), Verdict(verdict_text)
        data = dict(data)
        document_id, page = self._link()
        if kind in LINKS_DOCUMENT and document_id is not None:
            data["document_id"] = document_id
            if page is not None:
                data["page"] = str(page)
        self.identity.set_busy(True)
        self.presenter.record_identity(kind, verdict, data)

    def _identity_recorded(self, result: ApplicationDetail) -> None:
        self.identity.set_busy(False)
        self.said.clear_error()
        self._show_detail(result)

    def _action_failed(self, action: str, error: BaseException | None, th: str, en: str) -> None:
        if action == "review" and getattr(error, "code", None) == "review_incomplete":
            self.said.show_incomplete(error)
            return
        if action == "open":
            self.opening.failed()
        elif action == "verdict":
            self.checklist.set_busy(False)
        elif action == "identity":
            self.identity.set_busy(False)
        self.said.show_error(error, th, en)

    # -- decisions ------------------------------------------------------------------------

    def certify_copy(self) -> None:
        """Certify the document on screen (after a look at the stamp), or withdraw the
        certified copy on screen."""
        document = self.viewer.current_document()
        if self.presenter.detail is None or not self._editable() or self.presenter.busy:
            return
        if document is None:
            self.error_box.show_message(
                "เปิดเอกสารที่จะรับรองสำเนาก่อน (ข้อความของคำขอรับรองไม่ได้)",
                "Open the document to certify first (the request's message cannot be certified).",
            )
            return
        self.certify_flow.start(document)

    def _copy_certified(self, copy: DocumentInfo, same_request: bool) -> None:
        detail = self.presenter.detail
        if same_request and detail is not None:
            self.viewer.add_document(copy)
            self._shown = detail  # the viewer has the copy already
            self._show_detail(detail)
        self.said.notice(
            lambda: self.tr("Certified copy made: {name}").format(name=copy.filename),
            action=self.certify_flow.undo_action(copy) if same_request else None,
        )

    def _copy_withdrawn(self, _copy: DocumentInfo) -> None:
        # The viewer strikes it (CertifyFlow); the checklist stops offering it.
        if self.presenter.detail is not None:
            self._show_detail(self.presenter.detail)

    def open_request_composer(self) -> None:
        detail = self.presenter.detail
        if detail is None or not self._editable():
            return
        self.request_composer.open_for(detail)
        self.side_stack.setCurrentWidget(self.request_composer)
        self._update_actions()

    def open_reject_composer(self) -> None:
        detail = self.presenter.detail
        if detail is None or not self._editable():
            return
        self.reject_composer.open_for(detail)
        self.side_stack.setCurrentWidget(self.reject_composer)
        self._update_actions()

    def show_checklist(self) -> None:
        self.side_stack.setCurrentWidget(self.tabs)
        self._update_actions()
        if self.isVisible():
            self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)

    def mark_reviewed(self) -> None:
        if self.presenter.detail is None or not self._editable() or self.presenter.busy:
            return
        self.presenter.mark_reviewed()

    def _reviewed(self, status: str) -> None:
        self.said.notice(
            lambda: self.tr("Review done. The request is now “{status}”.").format(
                status=status_name(status)
            ),
            next_action=True,
        )

    def _show_first_open(self) -> None:
        detail = self.presenter.detail
        if detail is None:
            return
        self.show_checklist()
        if detail.missing_items:
            codes = [i.code for i in detail.checklist]
            self.tabs.setCurrentWidget(self.checklist)
            self.checklist.set_current(codes.index(detail.missing_items[0]))
            self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)
        elif detail.missing_checks:
            self.tabs.setCurrentWidget(self.identity)

    def _documents_requested(self) -> None:
        self.show_checklist()
        self.said.notice(
            lambda: self.tr(
                "The request for documents is on its way. The application waits for the "
                "applicant; the clock is stopped."
            ),
            next_action=True,
        )
        self.presenter.decided_elsewhere()

    def open_return_dialog(self) -> ReturnToReviewDialog | None:
        """An approver or finance officer sends the request back to the reviewer with a note."""
        detail = self.presenter.detail
        if detail is None or Action.RETURN_TO_REVIEW not in detail.allowed or self.presenter.busy:
            return None
        dialog = ReturnToReviewDialog(self._port, self._runner, self._user, detail.row, self)
        dialog.action_did_succeed.connect(self._returned)
        dialog.open()
        self.return_dialog = dialog
        return dialog

    def _returned(self) -> None:
        self.said.notice(
            lambda: self.tr("Sent back to the reviewer, with your note."), next_action=True
        )
        self.presenter.decided_elsewhere()

    def _rejected(self) -> None:
        self.show_checklist()
        self.said.notice(lambda: self.tr("The application was rejected."), next_action=True)
        self.presenter.decided_elsewhere()

    def release_claim(self) -> None:
        if self.presenter.detail is None or not self._editable() or self.presenter.busy:
            return
        self.presenter.release_claim()

    def reassign(self, username: str) -> None:
        self.presenter.reassign(username)

    def _load_officers(self) -> None:
        self.presenter.load_officers()

    # -- history --------------------------------------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history and self.presenter.history_stale:
            self.presenter.load_history()

    # -- helpers --------------------------------------------------------------------------

    def _update_tabs(self) -> None:
        title_tabs(self.tabs, self._shown)

    def _update_actions(self) -> None:
        detail = self.presenter.detail
        composing = self.side_stack.currentWidget() is not self.tabs
        # A composer has its own buttons; the decisions wait below it until it closes.
        self.action_bar.setVisible(not composing)
        self.action_bar.set_state(
            editable=self._editable() and not composing,
            document=self.viewer.current_document(),
            missing=detail.open_count if detail is not None else 0,
            can_decide=detail is not None and Action.DECIDE_REVIEW in detail.allowed,
            busy=self.presenter.busy,
            can_return=detail is not None and Action.RETURN_TO_REVIEW in detail.allowed,
        )

    def _viewer_moved(self, document_id: str | None, page: int) -> None:
        self.checklist.set_viewing(document_id, page)
        self.identity.set_viewing(*self._link())
        self._update_actions()

    def _show_linked(self, document_id: str | None, page: int) -> None:
        self.viewer.show_document(document_id, page)

    def forget_files(self) -> None:
        """Signed out: no decrypted byte stays (read ahead, on screen, system viewer copies)."""
        self.presenter.forget()
        self.opening.forget()
        self.viewer.remove_temp_files()

    def close_screen(self) -> None:
        self.presenter.forget()
        self.viewer.remove_temp_files()
        self.screen_did_close.emit()

    def _restore_splitter(self) -> None:
        state = ui_settings.read(self._settings, REVIEW_SPLITTER)
        if state.isEmpty() or not self.splitter.restoreState(state):
            self.splitter.setSizes([round(1366 * _VIEWER_SHARE), round(1366 * (1 - _VIEWER_SHARE))])

    def _save_splitter(self, *_: Any) -> None:
        ui_settings.write(self._settings, REVIEW_SPLITTER, self.splitter.saveState())

    def retranslate(self) -> None:
        self.said.retranslate()
        self._update_tabs()
