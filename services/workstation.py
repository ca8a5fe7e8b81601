"""The real implementation of the port the UI talks to (``services.views.WorkstationPort``).

Each method is one user action in its own session; it may be called from a
worker thread, so it shares nothing mutable but the engine.
"""

from __future__ import annotations

from sqlalchemy import select

from models import Agency, Station
from services import auth, queries
from services.context import SYSTEM, AppContext
from services.errors import AnuyatError
from services.views import AgencyInfo, ApplicationRow, SignedInUser, StatusCount

__all__ = ["Workstation"]


class Workstation:
    def __init__(self, context: AppContext) -> None:
        self.context = context

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
