"""The real implementation of the port the UI talks to (``services.views.WorkstationPort``).

Each method is one user action in its own session; it may be called from a
worker thread, so it shares nothing mutable but the engine.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from models import Agency, Station, SyncState
from services import auth, quarantine, queries
from services.context import SYSTEM, Actor, AppContext
from services.counter import register_counter_request
from services.errors import AnuyatError
from services.intake_types import Limits
from services.views import (
    AgencyInfo,
    ApplicationRow,
    CounterRequest,
    QuarantineRow,
    ServiceOption,
    SignedInUser,
    StatusCount,
    SyncStatusRow,
    SyncSummary,
)

__all__ = ["Workstation"]


class Workstation:
    def __init__(
        self,
        context: AppContext,
        *,
        sync: Callable[[], SyncSummary] | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.context = context
        self._sync = sync
        self.limits = limits or Limits()

    def sign_in(self, username: str, password: str) -> SignedInUser:
        with self.context.unit_of_work(SYSTEM) as uow:
            outcome = auth.sign_in(uow, username, password, self.context.station_code)
        if isinstance(outcome, AnuyatError):
            raise outcome  # after the commit, so failed attempts are counted and logged
        return outcome

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

    def status_counts(self, user: SignedInUser) -> list[StatusCount]:
        with self.context.read() as session:
            return queries.status_counts(session)

    def count_applications(self, user: SignedInUser, status: str | None) -> int:
        with self.context.read() as session:
            return queries.count_applications(session, status)

    def list_applications(
        self, user: SignedInUser, status: str | None, offset: int, limit: int
    ) -> list[ApplicationRow]:
        with self.context.read() as session:
            return queries.list_applications(
                session,
                self.context.calendar,
                self.context.clock.now(),
                status=status,
                offset=offset,
                limit=limit,
            )

    # --- intake (services.views.IntakePort) ----------------------------------------------

    def sync_status(self, user: SignedInUser) -> list[SyncStatusRow]:
        with self.context.read() as session:
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
        Actor.from_user(user).require("intake", "reviewer", "admin")
        if self._sync is None:
            return SyncSummary(0, 0, 0, 0, ("ยังไม่ได้ตั้งค่าการรับเรื่อง",), ("Intake is not set up.",))
        return self._sync()

    def quarantine_items(self, user: SignedInUser, status: str = "held") -> list[QuarantineRow]:
        Actor.from_user(user).require("intake", "reviewer", "admin")
        with self.context.read() as session:
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
