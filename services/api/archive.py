"""The window's and the CLI's archive port: a request's whole file as one PDF/A
(:mod:`services.archive.export`), and retention: the destruction list, the head of the
agency's order, the destruction (:mod:`services.archive.retention`) and what the retention
page shows of them (:mod:`services.archive.overview`) — each for the roles the access table
allows. The window's periods come from ``retention``, read at each use (the Settings page
may change them); the command line passes its own."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Protocol

from services.access.table import Action, may, require
from services.archive.export import ArchiveExport, export_case
from services.archive.overview import (
    KeptBecause,
    ListedRequest,
    ListState,
    ListSummary,
    RetentionOverview,
    ServicePeriod,
    listed_requests,
    retention_overview,
)
from services.archive.policy import RetentionPolicy
from services.archive.register import list_files
from services.archive.retention import (
    Destroyed,
    destroy_listed,
    discard_destroyed_files,
    draft_list,
    record_order,
)
from services.issuing.paper import paper_date
from services.kernel.actors import Actor, SignedInUser
from services.kernel.fsutil import write_atomically
from services.store.context import AppContext

__all__ = [
    "Archive",
    "ArchiveExport",
    "ArchivePort",
    "Destroyed",
    "KeptBecause",
    "ListState",
    "ListSummary",
    "ListWritten",
    "ListedRequest",
    "RetentionOverview",
    "RetentionPolicy",
    "ServicePeriod",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ListWritten:
    number: int
    requests: int
    pdf: Path
    csv: Path


class ArchivePort(Protocol):
    def today(self) -> date:
        """The agency's today: the services' clock read in the agency's time zone (the month
        an empty date field's calendar opens on)."""
        ...

    def may_export(self, user: SignedInUser) -> bool: ...

    def export(self, user: SignedInUser, tracking: str, out: Path) -> ArchiveExport: ...

    def draw_up_list(
        self, user: SignedInUser, policy: RetentionPolicy, folder: Path
    ) -> ListWritten: ...

    def write_list(self, user: SignedInUser, number: int, folder: Path) -> ListWritten: ...

    def record_order(
        self, user: SignedInUser, number: int, order_number: str, ordered_by: str, on: date
    ) -> None: ...

    def destroy(self, user: SignedInUser, number: int) -> Destroyed: ...

    def may_list_for_destruction(self, user: SignedInUser) -> bool: ...

    def may_destroy(self, user: SignedInUser) -> bool: ...

    def retention_overview(self, user: SignedInUser) -> RetentionOverview: ...

    def listed_requests(self, user: SignedInUser, number: int) -> list[ListedRequest]: ...

    def draft(self, user: SignedInUser) -> int: ...

    def record_typed_order(
        self, user: SignedInUser, number: int, order_number: str, ordered_by: str, on: str
    ) -> None: ...

    def save_list(self, user: SignedInUser, number: int, pdf: Path) -> ListWritten: ...


class Archive:
    def __init__(
        self, context: AppContext, retention: Callable[[], RetentionPolicy] | None = None
    ) -> None:
        self.context = context
        self._retention = retention or RetentionPolicy

    def today(self) -> date:
        return self.context.today()

    def may_export(self, user: SignedInUser) -> bool:
        return may(user.roles, Action.EXPORT_ARCHIVE)

    def export(self, user: SignedInUser, tracking: str, out: Path) -> ArchiveExport:
        """Slow (every page drawn): call it off the GUI thread, on the "io" pool."""
        return export_case(self.context, Actor.from_user(user), tracking, out)

    # --- retention ------------------------------------------------------------------------

    def draw_up_list(
        self, user: SignedInUser, policy: RetentionPolicy, folder: Path
    ) -> ListWritten:
        """A new destruction list, written to ``folder`` as PDF and CSV."""
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            number = draft_list(uow, policy).number
        return self.write_list(user, number, folder)

    def write_list(self, user: SignedInUser, number: int, folder: Path) -> ListWritten:
        folder.mkdir(parents=True, exist_ok=True)
        return self.save_list(user, number, folder / f"destruction-list-{number}.pdf")

    def save_list(self, user: SignedInUser, number: int, pdf: Path) -> ListWritten:
        """List ``number`` as ``pdf`` and, beside it, the same name ending ``.csv``."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.LIST_FOR_DESTRUCTION)
        with self.context.read(actor) as session:
            files = list_files(session, number)
        csv = pdf.with_suffix(".csv")
        write_atomically(pdf, files.pdf)
        write_atomically(csv, files.csv)
        return ListWritten(number, files.requests, pdf, csv)

    # --- the retention page ------------------------------------------------------------

    def may_list_for_destruction(self, user: SignedInUser) -> bool:
        return may(user.roles, Action.LIST_FOR_DESTRUCTION)

    def may_destroy(self, user: SignedInUser) -> bool:
        """Record the head's order and carry it out."""
        return may(user.roles, Action.DESTROY_RECORDS)

    def retention_overview(self, user: SignedInUser) -> RetentionOverview:
        """The periods in force (as the settings stand now), what is past them, the lists."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.LIST_FOR_DESTRUCTION)
        policy = self._retention()
        with self.context.read(actor) as session:
            return retention_overview(session, policy, self.context.clock.now())

    def listed_requests(self, user: SignedInUser, number: int) -> list[ListedRequest]:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.LIST_FOR_DESTRUCTION)
        with self.context.read(actor) as session:
            return listed_requests(session, number)

    def draft(self, user: SignedInUser) -> int:
        """A new destruction list by the periods in force; its number."""
        policy = self._retention()
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return draft_list(uow, policy).number

    def record_typed_order(
        self, user: SignedInUser, number: int, order_number: str, ordered_by: str, on: str
    ) -> None:
        """:meth:`record_order` with the date as the officer typed it (``5/1/2570``, B.E.,
        as on the order, or ``2027-01-05``)."""
        day = paper_date(on, "วันที่ของคำสั่ง", "The order's date")
        self.record_order(user, number, order_number, ordered_by, day)

    def record_order(
        self, user: SignedInUser, number: int, order_number: str, ordered_by: str, on: date
    ) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            record_order(
                uow, number, order_number=order_number, ordered_by=ordered_by,
                ordered_on=datetime.combine(on, time(12), tzinfo=UTC),
            )  # fmt: skip

    def destroy(self, user: SignedInUser, number: int) -> Destroyed:
        """Carry out ordered list ``number``; the files only destroyed requests used go after
        the commit (and any a crash left behind last time)."""
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            done = destroy_listed(uow, number)
        with self.context.read() as session:
            removed = discard_destroyed_files(session, self.context.store.blobs)
        log.info("destruction list %s: %s files removed", number, removed)
        return done
