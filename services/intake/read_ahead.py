"""The next batch of mail parsed and judged while the current one is recorded.

Taking a batch has two halves. Reading it — parsing each mail, judging its files with pypdf and
waiting for the viewer's engine to draw each PDF (:mod:`.inspect.probe_ahead`) — touches
nothing but the mail's bytes. Recording it (:func:`.group.record_group`) spends much of its
time off the processor: the files and the database are synced to disk once per group. Done
one after the other, a sync costs the sum of both; here one thread reads batch N+1 while the
sync's own thread records batch N, so it costs about the larger of the two.

A thread and not a process. Since a group is written in one flush (about 3.3 ms a mail), the
reading is what the sync waits for: on the bench's mail (118 KB, one scanned PDF) about 3.6 ms
of parsing and 2 ms of pypdf per mail, done holding the interpreter lock the recording needs,
while the engine's worker already takes the second core. One reader process (spawned, with its
own engine worker, each judged mail sent back pickled, 0.3 ms) was measured against this
thread on two shared cores, alternating: it cut the intake process's own CPU for 1000 mails
from 9.7 to 4.3 s for 0.4-0.8 s more in all, but not the wall time (1000 mails: 10.6-21.3 s,
median 14.2, against 10.8-22.1 s, median 14.4, faster in 4 pairs of 7; 300 mails: 0.4-0.6 s
slower, the price of starting Python and a second engine worker). The two cores are the
limit: recording, reading and drawing take about 14 ms of CPU a mail together, so no split of
the work goes below about 7 ms a mail.

What is kept, and how:

- **Nothing early.** The reader only computes; the mailbox, the store and the cursor are
  touched by the sync's thread alone, in today's order: a group commits, then its mail is
  flagged or moved, then the batch's cursor is stored.
- **Order.** One reader, batch after batch, each in the server's order; the recording takes
  them in the same order, so first come stays first served (each mail's "taken" time is when
  it was parsed, so it keeps the order too).
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

import os
import queue
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from services.intake.group import Checkpoint, Fetched, Prepared, parse_fetched, prepare_mail
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.inspect.probe_ahead import ProbeAhead, looks_like_pdf
from services.intake.mail.sources import MailBatch
from services.intake.types import Limits

__all__ = ["READ_STEP", "BatchReader", "Reading", "read_ahead_pays", "read_batches", "usable_cores"]

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
    batches: Iterable[MailBatch], reader: BatchReader, *, ahead: bool
) -> Iterator[Iterator[Reading]]:
    """The batches, each with its mail read in order; with ``ahead``, a thread reads the next
    batch while the caller records this one. Leaving the block stops the reader and waits."""
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

    def overlapped() -> Iterator[Reading]:
        waiting: Reading | None = None
        for batch in batches:  # the fetch: on the caller's thread, which owns the connection
            following = start(batch)  # read while ``waiting`` is recorded
            if waiting is not None:
                yield waiting
            waiting = following
        if waiting is not None:
            yield waiting

    try:
        yield overlapped()
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)


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
