"""The work lists' port and facade: assigning, internal notes, alerts, filtered lists and
saved views, the daily digest choice.

Each facade method is one user action in its own session; it may be called from a worker
thread, so it shares nothing mutable but the engine.
"""

from __future__ import annotations

from typing import Protocol

from services.access.table import Action, require
from services.cases.views import ApplicationRow
from services.kernel.actors import Actor, SignedInUser
from services.review.queue import officers
from services.review.views import Officer
from services.store.context import AppContext
from services.worklist import alerts, assign, listing, notes, officer_settings
from services.worklist.views import Alerts, AssignResult, ListFilter, NoteRow, SavedView

__all__ = ["Worklist", "WorklistPort"]


class WorklistPort(Protocol):
    """What the list's filter bar, the assign dialog, the notes and the alerts ask."""

    def assign(
        self,
        user: SignedInUser,
        application_ids: tuple[str, ...],
        *,
        to_officer: str | None = None,
        to_section: str | None = None,
        note: str = "",
        out_of_order_reason: str | None = None,
    ) -> AssignResult:
        """Raises services.review.OutOfOrder when older unassigned requests would be passed
        over and no reason is given."""
        ...

    def assign_targets(self, user: SignedInUser) -> tuple[list[Officer], list[str]]:
        """Active officers and the sections they work in (for the assign dialog)."""
        ...

    def notes(self, user: SignedInUser, application_id: str) -> list[NoteRow]: ...

    def add_note(self, user: SignedInUser, application_id: str, body: str) -> NoteRow: ...

    def count_filtered(self, user: SignedInUser, list_filter: ListFilter) -> int: ...

    def list_filtered(
        self, user: SignedInUser, list_filter: ListFilter, offset: int, limit: int
    ) -> list[ApplicationRow]: ...

    def saved_views(self, user: SignedInUser) -> list[SavedView]: ...

    def save_view(
        self, user: SignedInUser, name: str, list_filter: ListFilter
    ) -> list[SavedView]: ...

    def delete_view(self, user: SignedInUser, name: str) -> list[SavedView]: ...

    def last_filter(self, user: SignedInUser) -> ListFilter: ...

    def set_last_filter(self, user: SignedInUser, list_filter: ListFilter) -> None: ...

    def alerts(self, user: SignedInUser) -> Alerts: ...

    def mark_alerts_seen(self, user: SignedInUser) -> None: ...

    def wants_digest(self, user: SignedInUser) -> bool: ...

    def set_digest(self, user: SignedInUser, wanted: bool) -> None: ...


class Worklist:
    """The real WorklistPort."""

    def __init__(self, context: AppContext) -> None:
        self.context = context

    def assign(
        self,
        user: SignedInUser,
        application_ids: tuple[str, ...],
        *,
        to_officer: str | None = None,
        to_section: str | None = None,
        note: str = "",
        out_of_order_reason: str | None = None,
    ) -> AssignResult:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return assign.assign(
                uow,
                application_ids,
                to_officer=to_officer,
                to_section=to_section,
                note=note,
                out_of_order_reason=out_of_order_reason,
            )

    def assign_targets(self, user: SignedInUser) -> tuple[list[Officer], list[str]]:
        require(self.context.verified(Actor.from_user(user)), Action.ASSIGN)
        with self.context.read(Actor.from_user(user)) as session:
            return officers(session), assign.sections(session)

    def notes(self, user: SignedInUser, application_id: str) -> list[NoteRow]:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return notes.notes(session, actor, application_id)

    def add_note(self, user: SignedInUser, application_id: str, body: str) -> NoteRow:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return notes.add_note(uow, application_id, body)

    def count_filtered(self, user: SignedInUser, list_filter: ListFilter) -> int:
        with self.context.read(Actor.from_user(user)) as session:
            return listing.count_filtered(
                session, self.context.calendar, self.context.clock.now(), list_filter, user.user_id
            )

    def list_filtered(
        self, user: SignedInUser, list_filter: ListFilter, offset: int, limit: int
    ) -> list[ApplicationRow]:
        with self.context.read(Actor.from_user(user)) as session:
            return listing.filtered_rows(
                session,
                self.context.calendar,
                self.context.clock.now(),
                list_filter,
                user.user_id,
                offset=offset,
                limit=limit,
            )

    def saved_views(self, user: SignedInUser) -> list[SavedView]:
        with self.context.read(Actor.from_user(user)) as session:
            return officer_settings.saved_views(session, user.user_id)

    def save_view(self, user: SignedInUser, name: str, list_filter: ListFilter) -> list[SavedView]:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return officer_settings.save_view(uow, name, list_filter)

    def delete_view(self, user: SignedInUser, name: str) -> list[SavedView]:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return officer_settings.delete_view(uow, name)

    def last_filter(self, user: SignedInUser) -> ListFilter:
        with self.context.read(Actor.from_user(user)) as session:
            return officer_settings.last_filter(session, user.user_id)

    def set_last_filter(self, user: SignedInUser, list_filter: ListFilter) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            officer_settings.set_last_filter(uow, list_filter)

    def alerts(self, user: SignedInUser) -> Alerts:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return alerts.alerts(session, actor, self.context.clock.now(), self.context.calendar)

    def mark_alerts_seen(self, user: SignedInUser) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            officer_settings.mark_alerts_seen(uow)

    def wants_digest(self, user: SignedInUser) -> bool:
        with self.context.read(Actor.from_user(user)) as session:
            return officer_settings.wants_digest(session, user.user_id)

    def set_digest(self, user: SignedInUser, wanted: bool) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            officer_settings.set_digest(uow, wanted)
