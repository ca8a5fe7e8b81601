"""The next batch of mail parsed and judged while the current one is recorded.

Taking a batch has two halves. Reading it — parsing each mail, judging its files with pypdf and
waiting for the viewer's engine to draw each PDF (:mod:`.inspect.probe_ahead`) — touches
nothing but the mail's bytes. Recording it (:func:`.group.record_group`) spends much of its
time off the processor: the files and the database are synced to disk once per group. Done
one after the other, a sync costs the sum of both; here one thread reads batch N+1 while the
sync's own thread records batch N, so it costs about the larger of the two.

A thread for the first batch, a process from the second. Reading (about 3.6 ms of parsing and
2 ms of pypdf per mail of the bench's kind, 118 KB with one scanned PDF) and recording (about
4 ms) both compute in Python and take turns on one interpreter lock, so a thread overlaps them
only where one of them waits: the intake process stayed busy about 10 ms a mail. From a
folder's second batch on, :mod:`.read_process` reads in a process of its own, leaving the
sync's process the fetch and the recording (about 4 ms a mail). A sync of a few batches, most
of a working day's, does not pay that process's start; a catch-up after a day offline does.
The measurements are in :mod:`.read_process`.

What is kept, and how:

- **Nothing early.** The reader only computes; the mailbox, the store and the cursor are
  touched by the sync's thread alone, in today's order: a group commits, then its mail is
  flagged or moved, then the batch's cursor is stored.
- **Order.** One reader, batch after batch, each in the server's order; the recording takes
  them in the same order, so first come stays first served (each mail's "taken" time is read
  from the sync's clock as its batch is handed to be read, mail after mail, so it keeps the
  order too).
- **Memory.** At most one batch is read ahead: batch N+2 is fetched only once batch N is
  recorded (the fetch itself stays on the sync's thread, which owns the connection).
- **A mail that cannot be judged** is held whole in quarantine, as before
  (:func:`.group.prepare_mail`); a full disk while judging stops the batch where it happened,
  after the mail before it is recorded.
- **Stopping.** If the sync stops (an error, or the progress callback raising to cancel), the
  reader is told and stops after the mail it is on; the sync waits for it, so no thread
  outlives its run.

With one usable core there is nothing to overlap with (the engine's worker takes the same
core): the batches are then read and recorded one after the other, as before.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.inspect.probe_ahead import ProbeAhead, looks_like_pdf
from services.intake.mail.sources import MailBatch
from services.intake.reading import Checkpoint, Fetched, Prepared, parse_fetched, prepare_mail
from services.intake.types import Limits

__all__ = [
    "READ_STEP",
    "BatchReader",
    "OtherReader",
    "Reading",
    "read_ahead_pays",
    "read_batches",
    "usable_cores",
]

log = logging.getLogger(__name__)

READ_STEP = "read"
"""The checkpoint step told when a batch is read (parsed and judged), from the reader."""


def usable_cores() -> int:
    """The cores this process may run on (a CPU affinity mask counts, where there is one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_ahead_pays() -> bool:
    return usable_cores() >= 2


@dataclass(frozen=True)
class BatchReader:
    """Reads batches: what a sync needs to parse and judge their mail."""

    source: str
    now: Callable[[], datetime]
    authserv_id: str
    limits: Limits
    pdf_probe: PdfOpenProbe | None
    checkpoint: Checkpoint | None = None

    def read(
        self, batch: MailBatch, stop: threading.Event | None = None
    ) -> Generator[Prepared, None, None]:
        """``batch`` parsed, then each mail judged as it is asked for (a full disk raises
        :class:`DiskFull` at the mail it met); with ``stop`` set, ends early."""
        uidvalidity = batch.cursor.uidvalidity
        fetched = [
            parse_fetched(raw, self.source, uidvalidity, self.now(), self.authserv_id)
            for raw in batch
        ]
        with _probe_ahead(self.pdf_probe, fetched) as probe:
            for index, mail in enumerate(fetched, start=1):
                if stop is not None and stop.is_set():
                    return
                prepared = prepare_mail(mail, self.limits, probe)
                if index == len(fetched) and self.checkpoint is not None:
                    self.checkpoint(READ_STEP)  # before the last is handed on to be recorded
                yield prepared


Reading = tuple[MailBatch, Iterator[Prepared]]
"""A fetched batch and its mail, prepared in order as the iterator is drawn from."""


@contextmanager
def read_batches(
    batches: Iterable[MailBatch],
    reader: BatchReader,
    *,
    ahead: bool,
    process: Callable[[MailBatch], OtherReader | None] | None = None,
) -> Iterator[Iterator[Reading]]:
    """The batches, each with its mail read in order; with ``ahead``, a thread reads the next
    batch while the caller records this one; and with ``process`` too, the batches from the
    second on are read by what it starts when asked with the second batch, if it starts one
    (:mod:`.read_process`). Leaving the block stops the readers and waits for them."""
    if not ahead:
        current: list[Generator[Prepared, None, None]] = []

        def in_turn() -> Iterator[Reading]:
            for batch in batches:
                current[:] = [reader.read(batch)]
                yield batch, current[0]

        try:
            yield in_turn()
        finally:
            for generator in current:
                generator.close()  # its engine thread is let go, even when left midway
        return
    stop = threading.Event()
    pool = ThreadPoolExecutor(1, thread_name_prefix="intake-read-ahead")

    def start(batch: MailBatch) -> Reading:
        lane: queue.SimpleQueue[Prepared | _End] = queue.SimpleQueue()
        pool.submit(_fill, lane, reader.read(batch, stop))
        return batch, _drain(lane)

    other: list[OtherReader] = []
    tried: list[bool] = []

    def start_elsewhere(batch: MailBatch) -> Reading:
        # A second batch: the folder has more than one, worth starting a process for.
        if not tried:
            tried.append(True)
            try:
                started = process(batch) if process is not None else None
                other.extend([started] if started is not None else [])
            except OSError:
                log.warning("the intake reader process could not start; batches are read here")
                log.debug("intake reader start failure", exc_info=True)
        return (batch, other[0].start(batch)) if other else start(batch)

    def overlapped() -> Iterator[Reading]:
        waiting: Reading | None = None
        for batch in batches:  # the fetch: on the caller's thread, which owns the connection
            # read while ``waiting`` is recorded
            following = start(batch) if waiting is None else start_elsewhere(batch)
            if waiting is not None:
                yield waiting
            waiting = following
        if waiting is not None:
            yield waiting

    try:
        yield overlapped()
    finally:
        stop.set()
        for started in other:
            started.close()
        pool.shutdown(wait=True, cancel_futures=True)


class OtherReader(Protocol):
    """Reads batches somewhere else (a process): each started as it is fetched, in order."""

    def start(self, batch: MailBatch) -> Iterator[Prepared]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class _End:
    """The last item of a lane: the batch is read, or reading it failed with ``failure``."""

    failure: BaseException | None = None


def _fill(lane: queue.SimpleQueue[Prepared | _End], prepared: Iterator[Prepared]) -> None:
    try:
        for item in prepared:
            lane.put(item)
    except BaseException as exc:  # noqa: BLE001 — handed to the recording thread, raised there
        lane.put(_End(exc))
    else:
        lane.put(_End())


def _drain(lane: queue.SimpleQueue[Prepared | _End]) -> Iterator[Prepared]:
    while True:
        item = lane.get()
        if isinstance(item, _End):
            if item.failure is not None:
                raise item.failure
            return
        yield item


@contextmanager
def _probe_ahead(
    probe: PdfOpenProbe | None, fetched: list[Fetched]
) -> Iterator[PdfOpenProbe | None]:
    """The batch's PDFs handed to the viewer's engine ahead of their inspection."""
    if probe is None:
        yield None
        return
    with ProbeAhead(probe) as ahead:
        for mail in fetched:
            if mail.arrival.not_request is not None:
                continue  # set aside: its files are not judged
            for attachment in mail.arrival.attachments:
                if looks_like_pdf(attachment.data):
                    ahead.expect(attachment.data)
        yield ahead
