"""The real implementation of the port the UI talks to (``services.api.WorkstationPort``).

Each method is one user action in its own session; it may be called from a
worker thread, so it shares nothing mutable but the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, Station, SyncState
from services import review
from services.access import auth
from services.access.table import Action, require
from services.cases import dashboard, queries, search
from services.cases.views import (
    AgencyInfo,
    ApplicationRow,
    DashboardStats,
    DocumentInfo,
    HistoryEntry,
    StatusCount,
)
from services.intake import quarantine
from services.intake.counter import register_counter_request
from services.intake.types import Limits
from services.intake.views import (
    CounterRequest,
    QuarantineRow,
    ServiceOption,
    SyncStatusRow,
    SyncSummary,
)
from services.kernel.actors import SYSTEM, Actor, SignedInUser
from services.kernel.calendar import holiday_data_warning
from services.kernel.errors import AnuyatError
from services.produce import certify
from services.review.views import ApplicationDetail, Officer
from services.store.context import AppContext

__all__ = ["Workstation"]


class Workstation:
    def __init__(
        self,
        context: AppContext,
        *,
        sync: Callable[[], SyncSummary] | None = None,
        limits: Limits | None = None,
        on_sign_out: Callable[[], object] | None = None,
    ) -> None:
        self.context = context
        self._sync = sync
        self._on_sign_out = on_sign_out
        self.limits = limits or Limits()

    def sign_in(self, username: str, password: str) -> SignedInUser:
        # The slow password check reads only; the outcome is written in its own short
        # transaction (see services.access.auth).
        with self.context.read() as session:
            check = auth.check_password(session, username, password)
        with self.context.unit_of_work(SYSTEM) as uow:
            outcome = auth.record_sign_in(uow, check, self.context.station_code)
        if isinstance(outcome, AnuyatError):
            raise outcome  # after the commit, so failed attempts are counted and logged
        return outcome

    def sign_out(self, user: SignedInUser) -> None:
        """Record the sign-out, then anchor the audit chain (app/ passes ``on_sign_out``)."""
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            auth.sign_out(uow)
        if self._on_sign_out is not None:
            self._on_sign_out()

    def agency(self) -> AgencyInfo:
        with self.context.read() as session:
            agency = session.scalars(select(Agency)).one()
            station = session.get(Station, self.context.station_id)
            assert station is not None
            return AgencyInfo(
                name_th=agency.name_th,
                name_en=agency.name_en,
                code=agency.code,
                number=agency.number,
                station_code=station.code,
                station_name=station.name,
            )

    def holiday_warning(self) -> tuple[str, str] | None:
        today = self.context.clock.now().astimezone(self.context.calendar.tz).date()
        warning = holiday_data_warning(self.context.calendar, today)
        return (warning.th, warning.en) if warning else None

    def status_counts(self, user: SignedInUser) -> list[StatusCount]:
        with self.context.read(Actor.from_user(user)) as session:
            return queries.status_counts(session)

    def count_applications(self, user: SignedInUser, status: str | None) -> int:
        with self.context.read(Actor.from_user(user)) as session:
            return queries.count_applications(session, status)

    def list_applications(
        self, user: SignedInUser, status: str | None, offset: int, limit: int
    ) -> list[ApplicationRow]:
        with self.context.read(Actor.from_user(user)) as session:
            return queries.list_applications(
                session,
                self.context.calendar,
                self.context.clock.now(),
                status=status,
                offset=offset,
                limit=limit,
            )

    # --- intake (services.api.IntakePort) ----------------------------------------------

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

    def release_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            quarantine.release(uow, self.context.store.blobs, item_id, reason)

    def discard_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            quarantine.discard(uow, item_id, reason)

    def services(self, user: SignedInUser) -> list[ServiceOption]:
        return [ServiceOption(s.code, s.name_th, s.name_en) for s in self.context.catalog]

    def register_counter_request(self, user: SignedInUser, request: CounterRequest) -> str:
        return register_counter_request(self.context, Actor.from_user(user), request, self.limits)

    # --- review (services.api.ReviewPort) ------------------------------------------------

    def _detail(
        self, session: Session, user: SignedInUser, application_id: str
    ) -> ApplicationDetail:
        application = review.load_application(session, application_id)
        return review.application_detail(
            session,
            self.context.calendar,
            self.context.clock.now(),
            application,
            user.user_id,
            user.roles,
        )

    def next_application(self, user: SignedInUser, status: str | None) -> ApplicationRow | None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            application = review.next_application(uow, self.context.calendar, status)
            if application is None:
                return None
            uow.session.flush()
            return review.application_row(uow.session, self.context.calendar, uow.now, application)

    def open_application(
        self, user: SignedInUser, application_id: str, out_of_order_reason: str | None = None
    ) -> ApplicationDetail:
        actor = Actor.from_user(user)
        require(actor, Action.OPEN_REVIEW)
        with self.context.unit_of_work(actor) as uow:
            review.open_for(uow, self.context.calendar, application_id, out_of_order_reason)
            uow.session.flush()
            return self._detail(uow.session, user, application_id)

    def claim(self, user: SignedInUser, application_id: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.claim(uow, self.context.calendar, application_id)

    def release_claim(self, user: SignedInUser, application_id: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.release_claim(uow, application_id)

    def reassign(self, user: SignedInUser, application_id: str, to_username: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.reassign(uow, application_id, to_username)

    def officers(self, user: SignedInUser) -> list[Officer]:
        require(self.context.verified(Actor.from_user(user)), Action.READ_CASES)
        with self.context.read(Actor.from_user(user)) as session:
            return review.officers(session)

    def document_bytes(self, user: SignedInUser, document_id: str) -> bytes:
        with self.context.read(Actor.from_user(user)) as session:
            return review.document_bytes(
                session,
                self.context.store.blobs,
                self.context.verified(Actor.from_user(user)),
                document_id,
            )

    def record_checklist(
        self,
        user: SignedInUser,
        application_id: str,
        item_code: str,
        verdict: str,
        reason: str = "",
        document_id: str | None = None,
        page: int | None = None,
    ) -> ApplicationDetail:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.record_checklist(
                uow, application_id, item_code, verdict, reason, document_id, page
            )
            return self._detail(uow.session, user, application_id)

    def record_identity_check(
        self,
        user: SignedInUser,
        application_id: str,
        kind: str,
        verdict: str,
        data: dict[str, str],
    ) -> ApplicationDetail:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.record_identity_check(uow, application_id, kind, verdict, data)
            return self._detail(uow.session, user, application_id)

    def preview_document_request(
        self,
        user: SignedInUser,
        application_id: str,
        item_codes: tuple[str, ...],
        message: str,
        deadline: date,
    ) -> tuple[str, str]:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return review.preview_document_request(
                uow, application_id, item_codes, message, deadline
            )

    def request_documents(
        self,
        user: SignedInUser,
        application_id: str,
        item_codes: tuple[str, ...],
        message: str,
        deadline: date,
    ) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.request_documents(
                uow, self.context.calendar, application_id, item_codes, message, deadline
            )

    def mark_reviewed(self, user: SignedInUser, application_id: str, note: str = "") -> str:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return review.mark_reviewed(uow, self.context.calendar, application_id, note)

    def reject(self, user: SignedInUser, application_id: str, reasons: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.reject(uow, self.context.calendar, application_id, reasons)

    def history(self, user: SignedInUser, application_id: str) -> list[HistoryEntry]:
        require(self.context.verified(Actor.from_user(user)), Action.READ_CASES)
        with self.context.read(Actor.from_user(user)) as session:
            application = review.load_application(session, application_id)
            return review.history(session, application)

    def certify_copy(self, user: SignedInUser, document_id: str) -> DocumentInfo:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            copy = certify.certify_copy_as_actor(uow, self.context.store.blobs, document_id)
            return review.document_info(copy)

    def dashboard(self, user: SignedInUser) -> DashboardStats:
        require(self.context.verified(Actor.from_user(user)), Action.READ_CASES)
        with self.context.read(Actor.from_user(user)) as session:
            return dashboard.dashboard(session, self.context.calendar, self.context.clock.now())

    def search(self, user: SignedInUser, text: str, limit: int = 200) -> list[ApplicationRow]:
        require(self.context.verified(Actor.from_user(user)), Action.READ_CASES)
        with self.context.read(Actor.from_user(user)) as session:
            return search.search(
                session, self.context.calendar, self.context.clock.now(), text, limit
            )
