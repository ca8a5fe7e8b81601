"""One mailbox folder taken into the store: fetched in batches, recorded in groups, then marked.

Each batch the server returns (:meth:`MailSource.fetch_new`) is read — its mails parsed and
their files judged (:mod:`.read_ahead`, which reads the next batch while this one is recorded
when there is a second core) — then recorded group by group, each group in one transaction
(:func:`.group.record_group`); only then are its messages flagged or moved on the server.
A batch's own cursor is stored once all of it is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from models import InboundMessage, MailboxCursor
from services.intake.group import Checkpoint, GroupLimits, groups_of, record_group
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.mail.sources import FolderCursor, MailBatch, MailSource
from services.intake.pipeline import INTAKE, IntakeOutcome, MailboxPosition, advance_cursor
from services.intake.read_ahead import BatchReader, Reading, read_ahead_pays, read_batches
from services.intake.read_process import (
    ReaderProcess,
    reader_process_pays,
    spec_for,
    worth_a_process,
)
from services.intake.types import Limits
from services.store.context import AppContext

__all__ = ["FolderRun", "retry_mailbox_actions", "sync_folder"]


@dataclass(frozen=True)
class FolderRun:
    """What taking mail from the folders of one mailbox needs, for one sync run."""

    context: AppContext
    mailbox: MailSource
    count: Callable[[IntakeOutcome | str], None]
    """Told the outcome of each mail, once it is committed."""
    progress: Callable[[int, int], None]
    """(done, total) of the current fetch, after each committed mail."""
    limits: Limits
    ack_template: Path
    authserv_id: str
    pdf_probe: PdfOpenProbe | None
    group_limits: GroupLimits
    checkpoint: Checkpoint | None
    read_ahead: bool | None = None
    """Read the next batch while this one is recorded (None: when there are two cores)."""
    reader_process: bool | None = None
    """Read ahead in a process of its own from a folder's second batch on (None: where it
    pays, :func:`.read_process.reader_process_pays` and :func:`.read_process.worth_a_process`).
    """


def sync_folder(run: FolderRun, folder: str) -> None:
    context, mailbox = run.context, run.mailbox
    uidvalidity, _uidnext = mailbox.select(folder)
    source = mailbox.folder_source(folder)
    with context.read() as session:
        row = session.get(MailboxCursor, source)
        cursor = FolderCursor(row.uidvalidity, row.last_uid) if row else None
    # Pending actions name UIDs of the numbering the cursor was stored under: if the
    # server renumbered the folder since, they would hit other (unread) messages.
    retry_mailbox_actions(context, mailbox, folder, cursor.uidvalidity if cursor else uidvalidity)
    reader = BatchReader(
        source, context.clock.now, run.authserv_id, run.limits, run.pdf_probe, run.checkpoint
    )
    ahead = read_ahead_pays() if run.read_ahead is None else run.read_ahead
    elsewhere = reader_process_pays() if run.reader_process is None else run.reader_process
    spec = spec_for(reader) if ahead and elsewhere else None

    def process(second: MailBatch) -> ReaderProcess | None:
        if spec is None or (run.reader_process is None and not worth_a_process(second)):
            return None
        return ReaderProcess(reader, spec)

    fetched = mailbox.fetch_new(folder, cursor)
    with read_batches(fetched, reader, ahead=ahead, process=process) as batches:
        for reading in batches:
            _take_batch(run, folder, source, reading)
            del reading  # recorded: its mail need not stay in memory while the next is fetched


def _take_batch(run: FolderRun, folder: str, source: str, reading: Reading) -> None:
    context, mailbox = run.context, run.mailbox
    batch, prepared = reading
    uidvalidity = batch.cursor.uidvalidity

    def mark_duplicates(uids: list[str]) -> None:
        mailbox.mark_processed(folder, uids, uidvalidity=uidvalidity)

    done = batch.done - len(batch)
    for group in groups_of(prepared, run.group_limits):
        recorded = record_group(
            context,
            group,
            ack_template=run.ack_template,
            mark_duplicates=mark_duplicates,
            checkpoint=run.checkpoint,
        )
        for outcome in recorded.outcomes:
            run.count(outcome)
            done += 1
            run.progress(done, batch.total)
        # Flags and moves only for what is committed (and what an earlier run left).
        retry_mailbox_actions(context, mailbox, folder, uidvalidity)
        if recorded.stopped is not None:
            raise recorded.stopped
    # Every message of the batch is committed: the batch's own cursor is safe to keep
    # (Maildir keys are not numbers, so this is how a Maildir cursor moves).
    with context.unit_of_work(INTAKE) as uow:
        advance_cursor(uow, MailboxPosition(source, uidvalidity, batch.cursor.last_uid))


def retry_mailbox_actions(
    context: AppContext, mailbox: MailSource, folder: str, uidvalidity: int
) -> None:
    """After-processing actions (flag/move) for mail already committed but not yet marked."""
    source = mailbox.folder_source(folder)
    with context.read() as session:
        uids = session.scalars(
            select(InboundMessage.mailbox_uid).where(
                InboundMessage.action_pending.is_(True),
                InboundMessage.mailbox_source == source,
            )
        ).all()
    if not uids:
        return
    # uidvalidity guards against flagging or moving renumbered messages by mistake.
    mailbox.mark_processed(folder, list(uids), uidvalidity=uidvalidity)
    with context.writing() as session:
        for row in session.scalars(
            select(InboundMessage).where(
                InboundMessage.action_pending.is_(True),
                InboundMessage.mailbox_source == source,
                InboundMessage.mailbox_uid.in_(uids),
            )
        ):
            row.action_pending = False
