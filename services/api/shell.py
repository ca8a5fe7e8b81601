"""The shell's port and facade: signing in and out, the agency, the lists, search, dashboard.

Each facade method is one user action in its own session; it may be called from a worker
thread, so it shares nothing mutable but the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy import select

from models import Agency, Station
from services.access import auth
from services.access.table import Action, require
from services.cases import dashboard, queries, search
from services.cases.views import (
    AgencyInfo,
    ApplicationRow,
    DashboardStats,
    StatusCount,
)
from services.kernel.actors import SYSTEM, Actor, SignedInUser
from services.kernel.calendar import holiday_data_warning
from services.kernel.errors import AnuyatError
from services.kernel.statuses import ApplicationStatus
from services.settings.declaration import BY_NAME
from services.store.context import AppContext

__all__ = ["Shell", "ShellPort"]


class ShellPort(Protocol):
    """What the main window and the sign-in ask of the services."""

    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password; raise AnuyatError (wrong password, locked account)."""
        ...

    def sign_out(self, user: SignedInUser) -> None:
        """Record the sign-out and anchor the audit chain outside the store."""
        ...

    def lock_after_minutes(self) -> int:
        """Idle minutes before the screen locks itself (0: never); read at each use."""
        ...

    def lock(self, user: SignedInUser, reason: str) -> None:
        """Record that ``user``'s screen locked (``reason``: "idle" or "asked")."""
        ...

    def unlock(self, user: SignedInUser, password: str) -> SignedInUser:
        """Check ``user``'s password at the locked screen, counted as a sign-in's; the
        officer as the store knows them now, or raise (wrong password, locked account,
        session ended)."""
        ...

    def agency(self) -> AgencyInfo: ...

    def holiday_warning(self) -> tuple[str, str] | None:
        """(Thai, English) when the holiday list lacks this year, or next year from October."""
        ...

    def status_counts(self, user: SignedInUser) -> list[StatusCount]: ...

    def count_applications(self, user: SignedInUser, status: ApplicationStatus | None) -> int: ...

    def list_applications(
        self, user: SignedInUser, status: ApplicationStatus | None, offset: int, limit: int
    ) -> list[ApplicationRow]:
        """One page, oldest deemed-received first (first come, first served)."""
        ...

    def dashboard(self, user: SignedInUser) -> DashboardStats: ...

    def search(self, user: SignedInUser, text: str, limit: int = 200) -> list[ApplicationRow]:
        """Tracking number, name, e-mail, national ID (exact), subject, document text."""
        ...


class Shell:
    """The real ShellPort."""

    def __init__(
        self,
        context: AppContext,
        *,
        on_sign_out: Callable[[], object] | None = None,
        lock_minutes: Callable[[], int] | None = None,
    ) -> None:
        self.context = context
        self._on_sign_out = on_sign_out
        self._lock_minutes = lock_minutes

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

    def lock_after_minutes(self) -> int:
        # The station's setting as last saved (app/ passes a reader of its current settings).
        if self._lock_minutes is None:
            return int(BY_NAME["lock_after_minutes"].default)
        return int(self._lock_minutes())

    def lock(self, user: SignedInUser, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            auth.record_locked(uow, self.context.station_code, reason)

    def unlock(self, user: SignedInUser, password: str) -> SignedInUser:
        # As at sign-in: the slow check reads only, the outcome is one short transaction,
        # and that transaction re-reads the account first (deactivated: the session ends).
        with self.context.read() as session:
            check = auth.check_password(session, user.username, password)
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            outcome = auth.record_unlock(uow, check, self.context.station_code)
        if isinstance(outcome, AnuyatError):
            raise outcome  # after the commit, so the failure is counted and recorded
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

    def holiday_warning(self) -> tuple[str, str] | None:
        today = self.context.clock.now().astimezone(self.context.calendar.tz).date()
        warning = holiday_data_warning(self.context.calendar, today)
        return (warning.th, warning.en) if warning else None

    def status_counts(self, user: SignedInUser) -> list[StatusCount]:
        with self.context.read(Actor.from_user(user)) as session:
            return queries.status_counts(session)

    def count_applications(self, user: SignedInUser, status: ApplicationStatus | None) -> int:
        with self.context.read(Actor.from_user(user)) as session:
            return queries.count_applications(session, status)

    def list_applications(
        self, user: SignedInUser, status: ApplicationStatus | None, offset: int, limit: int
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
