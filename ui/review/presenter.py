"""The review screen's presenter: the request in hand, whether a call is running, the port calls.

:class:`ReviewPresenter` owns what the review screen knows (the open application, the one
being opened, whether a decision is on its way) and makes every ``ReviewPort`` call through
the :class:`~ui.common.tasks.TaskRunner`'s database worker. It answers with signals; the
screen's widgets only lay out and render what the signals carry, so the review's logic is
tested without widgets (tests/ui/test_review_presenter.py).

Every answer is checked for staleness first: a generation number moves on when another
request is opened or the screen closes, and an answer about an earlier one is dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from services.api import (
    Action,
    ApplicationDetail,
    ApplicationStatus,
    DocumentInfo,
    IdentityCheckKind,
    ReviewPort,
    SignedInUser,
    Verdict,
)
from ui.common.tasks import TaskRunner

__all__ = ["ReviewPresenter"]


class _Failure(NamedTuple):
    """What :attr:`ReviewPresenter.action_did_fail` says of a call that failed: the action's
    name, and in Thai and English what happened when the error has no words of its own."""

    action: str
    th: str
    en: str


class ReviewPresenter(QObject):
    """State and port calls of one review screen.

    Signals (each carries what the screen needs to redraw):
        busy_did_change(bool): a decision started (True) or its answer arrived (False).
        application_did_open(ApplicationDetail): opened and claimed; it is now :attr:`detail`.
        opening_did_need_reason(error): older requests wait (``OutOfOrder``); ask why.
        application_did_reload(ApplicationDetail): read again after a decision.
        verdict_did_record(ApplicationDetail): a checklist verdict was stored.
        identity_did_record(ApplicationDetail): an identity check was stored.
        certify_did_preview(CertifyPreview): what a certified copy would be, to confirm.
        copy_did_certify(DocumentInfo, bool): a certified copy was made; the bool says
            whether it belongs to the request still in hand.
        copy_did_withdraw(DocumentInfo): a certified copy of the request in hand was
            withdrawn (kept, marked); :attr:`detail` lists it so.
        review_did_mark(ApplicationStatus): marked reviewed; the request's new status.
        claim_did_release(): put back in the queue.
        application_did_reassign(): given to another officer.
        officers_did_load(list): the officers a request can be given to.
        history_did_load(list): the request's history.
        next_did_load(row | None, error | None): the oldest waiting request, or why none.
        action_did_fail(str action, error, str th, str en): a call failed; ``action`` names
            it ("open", "verdict", "identity", "certify", "withdraw_copy", "review", "release",
            "reassign",
            "officers", "history"), ``th``/``en`` say it when the error has no words.
        application_did_change(): a status or claim changed; lists and counts are stale.
    """

    busy_did_change = Signal(bool)
    application_did_open = Signal(object)
    opening_did_need_reason = Signal(object)
    application_did_reload = Signal(object)
    verdict_did_record = Signal(object)
    identity_did_record = Signal(object)
    certify_did_preview = Signal(object)
    copy_did_certify = Signal(object, bool)
    copy_did_withdraw = Signal(object)
    review_did_mark = Signal(object)
    claim_did_release = Signal()
    application_did_reassign = Signal()
    officers_did_load = Signal(list)
    history_did_load = Signal(list)
    next_did_load = Signal(object, object)
    action_did_fail = Signal(str, object, str, str)
    application_did_change = Signal()

    def __init__(
        self,
        port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._user = user
        self._runner = runner
        self._detail: ApplicationDetail | None = None
        self._opening_id: str | None = None
        self._generation = 0
        self._busy = False
        self.history_stale = True
        self._officers_loaded = False

    # -- state ----------------------------------------------------------------------------

    @property
    def user(self) -> SignedInUser:
        return self._user

    @property
    def detail(self) -> ApplicationDetail | None:
        """The application in hand, as the port last answered (None while opening)."""
        return self._detail

    @property
    def application_id(self) -> str | None:
        return self._detail.row.id if self._detail is not None else self._opening_id

    @property
    def busy(self) -> bool:
        return self._busy

    def editable(self) -> bool:
        """Whether the officer may record checks on it (the service says, in ``allowed``)."""
        detail = self._detail
        return detail is not None and Action.RECORD_CHECKS in detail.allowed

    def forget(self) -> None:
        """The screen closed: answers still on their way are no longer wanted."""
        self._generation += 1

    # -- opening --------------------------------------------------------------------------

    def find_next(self, status: ApplicationStatus | None) -> None:
        """The oldest waiting request of ``status`` (None: all the officer's queues)."""
        port, user = self._port, self._user
        self._runner.run(
            lambda: port.next_application(user, status),
            lambda row, error: self.next_did_load.emit(row, error),
            owner=self,
            label="review.next",
        )

    def open_application(self, application_id: str, reason: str | None = None) -> None:
        """Claim and read ``application_id``; a new request in hand if it differs."""
        self._generation += 1
        generation = self._generation
        self._opening_id = application_id
        if self._detail is not None and self._detail.row.id != application_id:
            self._detail = None
        port, user = self._port, self._user

        def done(detail: ApplicationDetail | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if error is not None or detail is None:
                if error is not None and getattr(error, "code", None) == "out_of_order":
                    self.opening_did_need_reason.emit(error)
                    return
                self.action_did_fail.emit(
                    "open",
                    error,
                    "เปิดคำขอนี้ไม่ได้ ลองอีกครั้ง หรือกลับไปที่รายการ",
                    "Could not open this request. Try again, or go back to the list.",
                )
                return
            self._hold(detail)
            self.application_did_open.emit(detail)
            self.application_did_change.emit()  # claimed: the queue counts moved

        self._runner.run(
            lambda: port.open_application(user, application_id, reason),
            done,
            owner=self,
            label="review.open",
        )

    def open_with_reason(self, reason: str) -> None:
        if self._opening_id is not None:
            self.open_application(self._opening_id, reason)

    def reload(self) -> None:
        """Read the application again after a decision (no claim is taken by reading)."""
        detail = self._detail
        if detail is None:
            return
        generation = self._generation
        port, user, application_id = self._port, self._user, detail.row.id

        def done(result: ApplicationDetail | None, error: BaseException | None) -> None:
            if generation == self._generation and result is not None:
                self._hold(result)
                self.application_did_reload.emit(result)

        self._runner.run(
            lambda: port.open_application(user, application_id, None),
            done,
            owner=self,
            label="review.reload",
        )

    # -- checks ---------------------------------------------------------------------------

    def record_verdict(
        self,
        code: str,
        verdict: Verdict,
        reason: str,
        document_id: str | None,
        page: int | None,
    ) -> bool:
        """Store a checklist verdict; False (and nothing asked) when there is nothing to
        record it on or a call is still running."""
        detail = self._detail
        if detail is None or self._busy:
            return False
        port, user, application_id = self._port, self._user, detail.row.id

        def done(result: ApplicationDetail) -> None:
            self._hold(result)
            self.verdict_did_record.emit(result)

        self._run(
            lambda: port.record_checklist(
                user, application_id, code, verdict, reason, document_id, page
            ),
            done,
            "review.record_checklist",
            _Failure("verdict", "บันทึกผลการตรวจไม่ได้ ลองอีกครั้ง",
                     "Could not record the verdict. Try again."),
        )  # fmt: skip
        return True

    def record_identity(
        self, kind: IdentityCheckKind, verdict: Verdict, data: dict[str, str]
    ) -> bool:
        """Store an identity check (``data`` already names the document on screen)."""
        detail = self._detail
        if detail is None or self._busy:
            return False
        port, user, application_id = self._port, self._user, detail.row.id

        def done(result: ApplicationDetail) -> None:
            self._hold(result)
            self.identity_did_record.emit(result)

        self._run(
            lambda: port.record_identity_check(user, application_id, kind, verdict, data),
            done,
            "review.record_identity",
            _Failure("identity", "บันทึกผลการตรวจตัวตนไม่ได้ ลองอีกครั้ง",
                     "Could not record the identity check. Try again."),
        )  # fmt: skip
        return True

    # -- decisions ------------------------------------------------------------------------

    def preview_certification(self, document: DocumentInfo) -> bool:
        """Ask what a certified copy of ``document`` would be (nothing is made yet)."""
        detail = self._detail
        if detail is None or not self.editable() or self._busy:
            return False
        port, user = self._port, self._user
        self._run(
            lambda: port.certify_preview(user, document.id),
            self.certify_did_preview.emit,
            "review.certify_preview",
            _Failure("certify", "เตรียมรับรองสำเนาไม่ได้ ลองอีกครั้ง",
                     "Could not prepare the certified copy. Try again."),
            for_this_request=True,
        )  # fmt: skip
        return True

    def withdraw_copy(self, copy: DocumentInfo, reason: str) -> bool:
        """Withdraw a certified copy made by mistake, with the officer's reason."""
        detail = self._detail
        if detail is None or not self.editable() or self._busy:
            return False
        port, user = self._port, self._user

        def done(withdrawn: DocumentInfo) -> None:
            current = self._detail
            if current is not None:
                documents = tuple(
                    withdrawn if d.id == withdrawn.id else d for d in current.documents
                )
                self._detail = dataclasses.replace(current, documents=documents)
            self.history_stale = True
            self.copy_did_withdraw.emit(withdrawn)

        self._run(
            lambda: port.withdraw_certified_copy(user, copy.id, reason),
            done,
            "review.withdraw_copy",
            _Failure("withdraw_copy", "ถอนสำเนาถูกต้องไม่ได้ ลองอีกครั้ง",
                     "Could not withdraw the certified copy. Try again."),
            for_this_request=True,
        )  # fmt: skip
        return True

    def certify_copy(self, document: DocumentInfo) -> bool:
        detail = self._detail
        if detail is None or not self.editable() or self._busy:
            return False
        port, user = self._port, self._user

        def done(copy: DocumentInfo) -> None:
            current = self._detail
            same = current is not None and current.row.id == detail.row.id
            if current is not None and same:
                self._detail = dataclasses.replace(current, documents=(*current.documents, copy))
            self.copy_did_certify.emit(copy, same)

        self._run(
            lambda: port.certify_copy(user, document.id),
            done,
            "review.certify_copy",
            _Failure("certify", "รับรองสำเนาไม่ได้ ลองอีกครั้ง",
                     "Could not make the certified copy. Try again."),
        )  # fmt: skip
        return True

    def mark_reviewed(self) -> bool:
        detail = self._detail
        if detail is None or not self.editable() or self._busy:
            return False
        port, user, application_id = self._port, self._user, detail.row.id

        def done(status: ApplicationStatus) -> None:
            self.review_did_mark.emit(status)
            self.reload()
            self.application_did_change.emit()

        self._run(
            lambda: port.mark_reviewed(user, application_id),
            done,
            "review.mark_reviewed",
            _Failure("review", "บันทึกว่าตรวจเสร็จไม่ได้ ลองอีกครั้ง",
                     "Could not mark the request reviewed. Try again."),
        )  # fmt: skip
        return True

    def decided_elsewhere(self) -> None:
        """A composer (request documents, reject) made the decision: read again, tell all."""
        self.reload()
        self.application_did_change.emit()

    def release_claim(self) -> bool:
        detail = self._detail
        if detail is None or not self.editable() or self._busy:
            return False
        port, user, application_id = self._port, self._user, detail.row.id

        def done(_result: object) -> None:
            self.application_did_change.emit()
            self.claim_did_release.emit()

        self._run(
            lambda: port.release_claim(user, application_id),
            done,
            "review.release",
            _Failure("release", "ปล่อยคำขอคืนคิวไม่ได้ ลองอีกครั้ง",
                     "Could not put the request back in the queue. Try again."),
            answer_needed=False,
        )  # fmt: skip
        return True

    def reassign(self, username: str) -> bool:
        detail = self._detail
        if detail is None or self._busy or not username:
            return False
        port, user, application_id = self._port, self._user, detail.row.id

        def done(_result: object) -> None:
            self.application_did_reassign.emit()
            self.reload()
            self.application_did_change.emit()

        self._run(
            lambda: port.reassign(user, application_id, username),
            done,
            "review.reassign",
            _Failure("reassign", "มอบหมายงานไม่ได้ ลองอีกครั้ง",
                     "Could not reassign the request. Try again."),
            answer_needed=False,
        )  # fmt: skip
        return True

    def load_officers(self) -> None:
        """The officers to reassign to, read once per screen."""
        if self._officers_loaded:
            return
        port, user = self._port, self._user

        def done(officers: list[Any] | None, error: BaseException | None) -> None:
            if error is not None or officers is None:
                self.action_did_fail.emit(
                    "officers",
                    error,
                    "อ่านรายชื่อเจ้าหน้าที่ไม่ได้",
                    "Could not read the list of officers.",
                )
                return
            self._officers_loaded = True
            self.officers_did_load.emit(officers)

        self._runner.run(lambda: port.officers(user), done, owner=self, label="review.officers")

    def load_history(self) -> None:
        detail = self._detail
        if detail is None:
            return
        self.history_stale = False
        port, user, application_id = self._port, self._user, detail.row.id

        def done(entries: list[Any] | None, error: BaseException | None) -> None:
            if error is not None or entries is None:
                self.history_stale = True
                self.action_did_fail.emit(
                    "history",
                    error,
                    "อ่านประวัติของคำขอไม่ได้",
                    "Could not read the request's history.",
                )
                return
            if self._detail is not None and self._detail.row.id == application_id:
                self.history_did_load.emit(entries)

        self._runner.run(
            lambda: port.history(user, application_id), done, owner=self, label="review.history"
        )

    # -- internals ------------------------------------------------------------------------

    def _hold(self, detail: ApplicationDetail) -> None:
        self._detail = detail
        self._opening_id = detail.row.id
        self.history_stale = True

    def _run(
        self,
        fn: Callable[[], Any],
        succeeded: Callable[[Any], None],
        label: str,
        failure: _Failure,
        *,
        answer_needed: bool = True,
        for_this_request: bool = False,
    ) -> None:
        """A decision in the database worker, busy meanwhile: ``succeeded(answer)``, or
        ``failure`` told (also for no answer when one is ``answer_needed``). An answer
        ``for_this_request`` is dropped once another request is opened or the screen closed."""
        self._busy = True
        self.busy_did_change.emit(True)
        generation = self._generation

        def finished(result: Any, error: BaseException | None) -> None:
            self._busy = False
            self.busy_did_change.emit(False)
            if for_this_request and generation != self._generation:
                return
            if error is not None or (answer_needed and result is None):
                self.action_did_fail.emit(failure.action, error, failure.th, failure.en)
                return
            succeeded(result)

        self._runner.run(fn, finished, owner=self, label=label)
