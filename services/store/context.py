"""The objects every service call needs: the store, the clock, the calendar, the catalog.

One writer at a time: every write in this process (:meth:`AppContext.unit_of_work` and
:meth:`AppContext.writing`) holds the context's writer lock, so the workstation's database
worker and a sync running in the I/O pool never write at once (SQLite/SQLCipher takes one
writer; the other would wait on the file lock and could time out). Reads take no lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from services.access.sessions import check_session
from services.catalog.loader import Catalog
from services.kernel.actors import Actor
from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import Clock
from services.kernel.unit_of_work import UnitOfWork
from services.store.engine import Store, server_unreachable

__all__ = ["AppContext"]


def _connection_lost(exc: OperationalError) -> bool:
    """No answer (no SQLSTATE), a connection exception (08…) or the server shutting down."""
    state = getattr(exc.orig, "sqlstate", None)
    return state is None or state.startswith(("08", "57P0"))


@dataclass
class AppContext:
    store: Store
    clock: Clock
    calendar: BusinessCalendar
    catalog: Catalog
    station_id: str
    station_code: str
    agency_code: str
    _writer: threading.RLock = field(
        default_factory=threading.RLock, init=False, repr=False, compare=False
    )

    def today(self) -> date:
        """The agency's today: the clock read in the calendar's zone (Asia/Bangkok), so a
        date a screen proposes agrees with the dates the services check against."""
        return self.clock.now().astimezone(self.calendar.tz).date()

    @contextmanager
    def _server_answers(self) -> Iterator[None]:
        """On the agency profile, a lost connection to the server is said so plainly."""
        try:
            yield
        except OperationalError as exc:
            if self.store.engine.dialect.name != "postgresql" or not _connection_lost(exc):
                raise  # a lock timeout or deadlock is not a lost server
            raise server_unreachable(exc) from exc

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session in a transaction, committed at the end, as this process's one writer."""
        with self._writer, self._server_answers():
            with self.store.sessions() as session, session.begin():
                yield session

    @contextmanager
    def unit_of_work(
        self, actor: Actor, *, changing_own_password: bool = False, checked_at_start: bool = False
    ) -> Iterator[UnitOfWork]:
        """One action in one transaction. An officer's account is re-read first: a
        deactivated one, or one that must change its password (unless this action is that
        change), is refused (:mod:`services.access.sessions`).

        ``checked_at_start``: this transaction is one step of an action done in several (a
        batch of approvals, one transaction per request so one bad request does not sink the
        rest), and ``actor`` is what :func:`check_session` returned when that action began:
        it is not read again for each step."""
        with self.writing() as session:
            # The officer acts with the roles the store gives them now, not those the
            # caller's SignedInUser says (a role removed a moment ago no longer works).
            checked = (
                actor
                if checked_at_start
                else check_session(session, actor, changing_own_password=changing_own_password)
            )
            yield UnitOfWork(session, checked, self.clock.now(), self.station_id)

    def verified(self, actor: Actor) -> Actor:
        """``actor`` as the store knows them now (roles, active account), for a request
        that checks a right before it reads."""
        if actor.user_id is None:
            return actor
        with self.store.reads() as session:
            return check_session(session, actor)

    @contextmanager
    def read(self, actor: Actor | None = None) -> Iterator[Session]:
        """A read-only session for queries (it never waits for a writer); for an officer's,
        their account is checked first as for :meth:`unit_of_work` (a deactivated officer's
        open window reads nothing)."""
        with self._server_answers(), self.store.reads() as session:
            if actor is not None:
                check_session(session, actor)
            yield session
