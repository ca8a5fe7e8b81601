"""The intake screens' port and facade: sync, held files (quarantine), counter requests,
the "Not requests" tray and forwarded requests' applicants.

Each facade method is one user action in its own session; it may be called from a worker
thread, so it shares nothing mutable but the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from sqlalchemy import select

from models import Application, SyncState
from services.access.table import Action, require
from services.fees.submission import open_submission_fees, submission_services
from services.intake import quarantine
from services.intake.acknowledgement import DEFAULT_TEMPLATE
from services.intake.classify import classify
from services.intake.counter import read_counter_files, register_counter_request
from services.intake.forwarded import ForwardProposal, confirm_applicant, forward_proposal
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.not_request import (
    JudgedMail,
    count_not_requests,
    judge_mail_to_take,
    list_not_requests,
    take_as_request,
)
from services.intake.types import Limits
from services.intake.views import (
    CounterRequest,
    NotRequestRow,
    QuarantineRow,
    ServiceOption,
    SyncStatusRow,
    SyncSummary,
)
from services.intake.withdrawal import withdraw
from services.issuing.premises import premises_services
from services.kernel.actors import SYSTEM, Actor, SignedInUser
from services.produce.receipt import counter_receipt, render_receipt
from services.store.context import AppContext

__all__ = ["Intake", "IntakePort"]


class IntakePort(Protocol):
    """What the intake screens ask of the services."""

    def sync_status(self, user: SignedInUser) -> list[SyncStatusRow]: ...

    def run_sync(self, user: SignedInUser) -> SyncSummary:
        """Mailbox, shared drive and outbox once; slow (network): call from a worker."""
        ...

    def quarantine_items(self, user: SignedInUser, status: str = "held") -> list[QuarantineRow]: ...

    def quarantine_count(self, user: SignedInUser) -> int:
        """How many files are held (the queue pane's badge; one count, no rows)."""
        ...

    def release_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None:
        """Accept a held file as a document of its application (intake/reviewer)."""
        ...

    def discard_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None: ...

    def services(self, user: SignedInUser) -> list[ServiceOption]: ...

    def read_counter_files(self, user: SignedInUser, request: CounterRequest) -> CounterRequest:
        """The request with its scanned files read and judged as intake judges mail (the
        viewer's engine on each PDF, up to its time limit): run it in the I/O pool."""
        ...

    def register_counter_request(self, user: SignedInUser, request: CounterRequest) -> str:
        """Register a paper/phone request (files read and judged already, or both here);
        returns its tracking number."""
        ...

    def counter_receipt(self, user: SignedInUser, tracking_number: str) -> bytes:
        """The receipt (ใบรับคำขอ) of a request, a one-page A4 PDF to print for the applicant."""
        ...

    def classify(
        self, user: SignedInUser, application_id: str, service_code: str, applicant_kind: str
    ) -> None:
        """Name the service of an unclassified request (intake); the applicant is sent the SLA."""
        ...

    def withdraw(self, user: SignedInUser, application_id: str, reason: str) -> None:
        """Close the request as withdrawn at the applicant's wish (intake/reviewer); the
        reason is for the record, the applicant gets a confirmation."""
        ...

    def not_requests_count(self, user: SignedInUser) -> int:
        """How many mails are set aside (the queue pane's badge; one count, no rows)."""
        ...

    def not_requests(self, user: SignedInUser) -> list[NotRequestRow]:
        """The mail set aside as not requests (bounces, auto-replies, newsletters, notices)."""
        ...

    def judge_mail_to_take(self, user: SignedInUser, item_id: str) -> JudgedMail:
        """A set-aside mail's files judged as intake judges mail (the viewer's engine on each
        PDF, up to its time limit); only reads: run it in the I/O pool."""
        ...

    def take_as_request(
        self, user: SignedInUser, item_id: str, judged: JudgedMail | None = None
    ) -> str | None:
        """A set-aside mail is a request after all: it enters the normal intake flow (and is
        acknowledged); returns the tracking number of the request it became or joined.
        Its files as ``judged`` by :meth:`judge_mail_to_take`, else judged here first."""
        ...

    def forward_proposal(self, user: SignedInUser, application_id: str) -> ForwardProposal | None:
        """Who a forwarded request names as its original sender, and intake's decision on it
        (None for a request that was not forwarded)."""
        ...

    def confirm_applicant(
        self, user: SignedInUser, application_id: str, take_original: bool
    ) -> None:
        """For a forwarded request: the original sender is the applicant (``take_original``)
        or the forwarder stays; the acknowledgement goes to the one confirmed."""
        ...


class Intake:
    """The real IntakePort."""

    def __init__(
        self,
        context: AppContext,
        *,
        sync: Callable[[], SyncSummary] | None = None,
        limits: Limits | None = None,
        ack_template: Path | None = None,
        pdf_probe: PdfOpenProbe | None = None,
    ) -> None:
        self.context = context
        self._sync = sync
        self.limits = limits or Limits()
        self.ack_template = ack_template or DEFAULT_TEMPLATE
        self.pdf_probe = pdf_probe

    def sync_status(self, user: SignedInUser) -> list[SyncStatusRow]:
        with self.context.read(Actor.from_user(user)) as session:
            rows = session.scalars(select(SyncState).order_by(SyncState.component)).all()
            return [
                SyncStatusRow(
                    component=r.component,
                    state=r.state,
                    last_success_at=r.last_success_at,
                    last_attempt_at=r.last_attempt_at,
                    error_th=r.last_error_th,
                    error_en=r.last_error_en,
                    processed=r.processed,
                    pending=r.pending,
                )
                for r in rows
            ]

    def run_sync(self, user: SignedInUser) -> SyncSummary:
        require(self.context.verified(Actor.from_user(user)), Action.RUN_SYNC)
        if self._sync is None:
            return SyncSummary(0, 0, 0, 0, ("ยังไม่ได้ตั้งค่าการรับเรื่อง",), ("Intake is not set up.",))
        return self._sync()

    def quarantine_items(self, user: SignedInUser, status: str = "held") -> list[QuarantineRow]:
        require(self.context.verified(Actor.from_user(user)), Action.HANDLE_QUARANTINE)
        with self.context.read(Actor.from_user(user)) as session:
            return quarantine.list_quarantine(session, status)

    def quarantine_count(self, user: SignedInUser) -> int:
        require(self.context.verified(Actor.from_user(user)), Action.HANDLE_QUARANTINE)
        with self.context.read(Actor.from_user(user)) as session:
            return quarantine.count_quarantine(session)

    def release_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            quarantine.release(uow, self.context.store.blobs, item_id, reason)

    def discard_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            quarantine.discard(uow, item_id, reason)

    def services(self, user: SignedInUser) -> list[ServiceOption]:
        with_premises = premises_services()
        return [
            ServiceOption(
                s.code,
                s.name_th,
                s.name_en,
                s.needs_consent,
                s.purpose_th,
                s.purpose_en,
                asks_premises=s.code in with_premises,
            )  # fmt: skip
            for s in self.context.catalog
        ]

    def read_counter_files(self, user: SignedInUser, request: CounterRequest) -> CounterRequest:
        return read_counter_files(
            self.context.verified(Actor.from_user(user)), request, self.limits, self.pdf_probe
        )

    def register_counter_request(self, user: SignedInUser, request: CounterRequest) -> str:
        tracking = register_counter_request(
            self.context, Actor.from_user(user), request, self.limits, self.pdf_probe
        )
        # A fee due at submission: its payment and notice now, while the applicant is here.
        codes = submission_services(self.context.catalog)
        if request.service_code in codes:
            with self.context.unit_of_work(SYSTEM) as uow:
                app_id = uow.session.scalar(
                    select(Application.id).where(Application.tracking_number == tracking)
                )
                open_submission_fees(
                    uow, self.context.calendar, self.context.store.blobs, codes,
                    [app_id] if app_id else [],
                )  # fmt: skip
        return tracking

    def counter_receipt(self, user: SignedInUser, tracking_number: str) -> bytes:
        receipt = counter_receipt(self.context, Actor.from_user(user), tracking_number)
        return render_receipt(receipt)

    def classify(
        self, user: SignedInUser, application_id: str, service_code: str, applicant_kind: str
    ) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            classify(uow, self.context.calendar, application_id, service_code, applicant_kind)

    def withdraw(self, user: SignedInUser, application_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            withdraw(uow, self.context.calendar, application_id, reason)

    def not_requests(self, user: SignedInUser) -> list[NotRequestRow]:
        require(self.context.verified(Actor.from_user(user)), Action.VIEW_NOT_REQUESTS)
        with self.context.read(Actor.from_user(user)) as session:
            return list_not_requests(session)

    def not_requests_count(self, user: SignedInUser) -> int:
        require(self.context.verified(Actor.from_user(user)), Action.VIEW_NOT_REQUESTS)
        with self.context.read(Actor.from_user(user)) as session:
            return count_not_requests(session)

    def judge_mail_to_take(self, user: SignedInUser, item_id: str) -> JudgedMail:
        return judge_mail_to_take(
            self.context, Actor.from_user(user), item_id, self.limits, self.pdf_probe
        )

    def take_as_request(
        self, user: SignedInUser, item_id: str, judged: JudgedMail | None = None
    ) -> str | None:
        if judged is None:  # the same judge as any mail, before the transaction
            judged = self.judge_mail_to_take(user, item_id)
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            outcome = take_as_request(
                uow, self.context, item_id, limits=self.limits, ack_template=self.ack_template,
                judged=judged,
            )  # fmt: skip
            return outcome.tracking_number

    def forward_proposal(self, user: SignedInUser, application_id: str) -> ForwardProposal | None:
        with self.context.read(Actor.from_user(user)) as session:
            application = session.get(Application, application_id)
            return forward_proposal(application.form_data) if application else None

    def confirm_applicant(
        self, user: SignedInUser, application_id: str, take_original: bool
    ) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            confirm_applicant(uow, application_id, take_original, template=self.ack_template)
