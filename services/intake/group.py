"""Group commit: several mail arrivals recorded in one transaction, their files synced once.

One arrival per transaction cost about six fsyncs and a commit per mail. A group takes up to
:attr:`GroupLimits.mails` arrivals (or :attr:`~GroupLimits.megabytes` of mail, or what was
prepared within :attr:`~GroupLimits.seconds`), judges their files before the transaction
(:func:`prepare_mail`), then records them all in one unit of work (:func:`record_group`):

1. the arrivals together in one SAVEPOINT, written by one flush (:func:`_record_together`);
   should anything in it fail, it is undone whole and the group recorded again with each
   arrival in a SAVEPOINT of its own, so the one that fails is rolled back alone and held whole
   in quarantine instead, as a single arrival would have been; the files the undone try wrote
   that no row now names are then dropped before they are put in place (:func:`_forget_unnamed`);
2. the blobs written unsynced, then made durable together (:mod:`services.store.blob_group`:
   files synced, renamed into place, folders synced);
3. the mailbox cursor moved once, past the last arrival recorded (one statement per group, not
   one per mail), then the commit — the cursor moves in it, so it never runs ahead of the store;
4. only then is the mailbox acted on (flags, moves), by the caller.

What a crash does at each point: before 3 nothing of the group is committed and the cursor has
not moved, so the next run fetches the same mail and records it (the blobs already in place
are not written twice; temporary files are ignored); after 3 every arrival of the group holds
its idempotency key, so the next run finds each one recorded and only finishes the mailbox
actions left pending. A copy found to be a duplicate is marked on the server before the commit
that moves the cursor past it, as the one-by-one sync did.

The bounds keep a group small: the writer lock is held for one group's database work (a
fraction of a second; officers' saves wait at most that), a sync stopped midway loses at most
one group's work (done again next run), and memory holds one group's mail.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.cases.applications import expect_applicants
from services.intake.acknowledgement import DEFAULT_TEMPLATE
from services.intake.dedup import expect_keys
from services.intake.pipeline import (
    INTAKE,
    IntakeOutcome,
    MailboxPosition,
    advance_cursor,
    hold_unprocessable,
    record_arrival,
)
from services.intake.reading import Checkpoint, Fetched, Prepared, parse_fetched, prepare_mail
from services.kernel.errors import DiskFull, is_disk_full
from services.kernel.unit_of_work import UnitOfWork
from services.store.blob_group import BlobGroup
from services.store.blob_references import referenced_among
from services.store.context import AppContext

__all__ = [
    "Checkpoint",
    "GroupLimits",
    "Fetched",
    "GroupResult",
    "Prepared",
    "groups_of",
    "parse_fetched",
    "prepare_mail",
    "record_group",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GroupLimits:
    """When a group is closed and committed: whichever bound is reached first."""

    mails: int = 25
    """Arrivals per transaction. At 25 the two syncs and the commit are shared so widely that
    they are no longer what a mail costs (the bench measures the whole); a larger group would
    hold the writer lock longer and lose more work to a kill."""
    megabytes: float = 24.0
    """Mail bytes per group: one group's mail is what intake holds in memory."""
    seconds: float = 2.0
    """Preparing (judging PDFs may take seconds each) stops adding to a group after this long,
    so the first mails of a slow group are not kept waiting for their commit."""


def groups_of(prepared: Iterable[Prepared], limits: GroupLimits) -> Iterator[list[Prepared]]:
    """The prepared mails in groups, each closed at the first bound reached."""
    group: list[Prepared] = []
    size = 0
    began = time.monotonic()
    for item in prepared:
        group.append(item)
        size += item.size
        if (
            len(group) >= limits.mails
            or size >= limits.megabytes * 1024 * 1024
            or time.monotonic() - began >= limits.seconds
        ):
            yield group
            group, size, began = [], 0, time.monotonic()
    if group:
        yield group


@dataclass
class GroupResult:
    outcomes: list[IntakeOutcome | str]
    """Per recorded mail, in order: its outcome, or "quarantined"/"duplicate" for one held
    whole."""
    stopped: DiskFull | None = None
    """The disk filled up at the next mail: what came before it is committed, it and the rest
    of the group are not (the cursor stays before it, so a later sync takes them)."""


def record_group(
    context: AppContext,
    group: Sequence[Prepared],
    *,
    ack_template: Path = DEFAULT_TEMPLATE,
    mark_duplicates: Callable[[list[str]], None] | None = None,
    checkpoint: Checkpoint | None = None,
) -> GroupResult:
    """Record ``group`` in one transaction. ``mark_duplicates`` flags the copies found
    recorded already, before the commit moves the cursor past them."""
    step = checkpoint or (lambda _name: None)
    result = GroupResult([])
    with context.unit_of_work(INTAKE) as uow, context.store.blobs.group() as blobs:
        expect_keys(uow, (item.arrival.source_key for item in group))
        expect_applicants(uow, _addresses(group))
        together = _record_together(uow, context, group, ack_template, step)
        if together is not None:
            result.outcomes = together
        else:
            _record_one_by_one(uow, context, group, ack_template, step, result)
            _forget_unnamed(uow, blobs)
        recorded = list(zip(group, result.outcomes, strict=False))
        duplicates = [item.uid for item, outcome in recorded if _kind(outcome) == "duplicate"]
        if duplicates and mark_duplicates is not None:
            mark_duplicates(duplicates)
        for position in _last_positions(recorded, duplicates_marked=mark_duplicates is not None):
            advance_cursor(uow, position)
        step("recorded")
        blobs.make_durable()
        step("durable")
    step("committed")
    return result


def _record_together(
    uow: UnitOfWork,
    context: AppContext,
    group: Sequence[Prepared],
    ack_template: Path,
    step: Checkpoint,
) -> list[IntakeOutcome | str] | None:
    """The whole group in one SAVEPOINT, written by one flush; None if any of it failed.

    A SAVEPOINT per arrival made a flush per arrival (its release writes what it holds), so
    each row went out in a statement of its own. Most groups have no mail that fails: here
    their rows go out table by table, many per statement. Should anything fail — a mail's
    judging, its recording, the flush — the SAVEPOINT undoes the whole attempt (the counter,
    the chain's head, every row; the blobs it put wait, and those left unnamed are dropped)
    and the caller records the group again one arrival at a time, where the failing mail is
    held alone.
    """
    if any(item.problem is not None for item in group):
        return None  # one is to be held whole: record one by one at once
    outcomes: list[IntakeOutcome | str] = []
    try:
        with uow.session.begin_nested():
            for item in group:
                outcomes.append(
                    record_arrival(uow, context, item.arrival, item.inspected, ack_template)
                )
                step("arrival")
    except Exception as exc:  # noqa: BLE001 — undone whole; the one-by-one pass finds the culprit
        log.info("a group could not be recorded together (%s); one by one", type(exc).__name__)
        return None
    return outcomes


def _record_one_by_one(
    uow: UnitOfWork,
    context: AppContext,
    group: Sequence[Prepared],
    ack_template: Path,
    step: Checkpoint,
    result: GroupResult,
) -> None:
    """Each arrival in a SAVEPOINT of its own: one that fails is rolled back and held alone."""
    for item in group:
        try:
            result.outcomes.append(_record_one(uow, context, item, ack_template))
            step("arrival")
        except DiskFull as full:
            # Not the message's fault: keep what fitted (the mail before it), stop here.
            result.stopped = full
            uow.session.info.pop("chain_heads", None)
            break


def _forget_unnamed(uow: UnitOfWork, blobs: BlobGroup) -> None:
    """Drop the blobs the joint try (or a mail that failed alone) wrote and no row now names.

    Asked of the rows, not of who wrote them: a blob the group wrote is new to the store, but
    the same bytes may be named by a row of this very transaction (a mail recorded after its
    group's failed try). On a station the blobs are still temporary files, never put in place.
    On the agency server each put is committed at once: a blob is taken back only while no
    other put of the same bytes came since (another station may be about to name it; then
    it waits for the orphan sweep) and no committed row names it (services.store.server_blobs).
    """
    waiting = blobs.addresses()
    if not waiting:
        return
    unnamed = waiting - referenced_among(uow.session, waiting)
    if unnamed:
        log.info("%d file(s) of a group recorded again one by one are named by no row: dropped",
                 blobs.forget(unnamed))  # fmt: skip


def _addresses(group: Sequence[Prepared]) -> Iterator[str]:
    """The addresses the group's new applicants may be known by (services.cases)."""
    for item in group:
        arrival = item.arrival
        yield arrival.sender_address
        if arrival.applicant is not None:
            yield arrival.applicant.email


def _kind(result: IntakeOutcome | str) -> str:
    return result if isinstance(result, str) else result.kind


def _last_positions(
    recorded: Sequence[tuple[Prepared, IntakeOutcome | str]], *, duplicates_marked: bool
) -> list[MailboxPosition]:
    """Where each folder's cursor goes once the group commits: as far as moving it arrival by
    arrival would have taken it (the same rule as :func:`advance_cursor`, folded here so the
    row is read and written once per group instead of once per mail).

    A copy found recorded already moves the cursor only when it was marked on the server (it
    is then done with); unmarked, the cursor stays before it, as one-by-one recording left it.
    A mail held whole in quarantine moves it whatever it turned out to be."""
    last: dict[str, MailboxPosition] = {}
    for item, outcome in recorded:
        position = item.position
        if position is None:
            continue
        if isinstance(outcome, IntakeOutcome) and outcome.kind == "duplicate":
            if not duplicates_marked:
                continue
        before = last.get(position.source)
        if (
            before is None
            or before.uidvalidity != position.uidvalidity
            or position.uid > before.uid
        ):
            last[position.source] = position
    return list(last.values())


def _record_one(
    uow: UnitOfWork, context: AppContext, item: Prepared, ack_template: Path
) -> IntakeOutcome | str:
    problem = item.problem
    if problem is None:
        try:
            with uow.session.begin_nested():
                # No cursor here: record_group moves it once for the whole group.
                return record_arrival(uow, context, item.arrival, item.inspected, ack_template)
        except Exception as exc:  # noqa: BLE001 — keep the message, move on
            if is_disk_full(exc):
                raise DiskFull(detail=f"{type(exc).__name__}: {exc}") from exc
            log.exception("message could not be processed; quarantined whole")
            problem = exc
            # The chain head cached in the session may be the rolled-back one: read it again.
            uow.session.info.pop("chain_heads", None)
    with uow.session.begin_nested():
        held = hold_unprocessable(uow, context, item.arrival, problem, None)
    return "quarantined" if held else "duplicate"
