"""The next batches read by a process of their own while the sync's thread records.

A reader thread (:mod:`.read_ahead`) overlaps reading with recording only where one of them
waits: both compute in Python and take turns on one interpreter lock, so on the bench's mail
the intake process was busy about 10 ms per mail whatever the overlap. A reader *process*
parses and judges on its own interpreter (with its own viewer's-engine worker), and the
sync's process is left the fetch and the recording.

It is started for a folder when a second batch is fetched and at least
:data:`PROCESS_FROM_MAILS` mails are left: a sync of a batch or a few (most syncs of a working
day) does not pay Python's start for it; a catch-up after a day offline does. From then on
every batch is sent to it as soon as it is fetched, and its answers come back, in order, on
a thread that hands each batch's prepared mail to the recording as
:func:`.read_ahead.read_batches` does. At most one
batch is read ahead, as with the thread (batch N+2 is fetched once batch N is recorded).

Measured (``make bench``, 1,000 mails of 118 KB with one scanned PDF, two cores, quiet, one
run: ``docs/bench/2026-12-06-stop11.json``): 8.2 ms a mail against 9.1 with the thread only;
the intake process's own CPU 3.8 ms a mail against 8.2, all processes' 12.0 against 11.8 (the
frames between them, and a second Python); a thread woken every 10 ms beside the sync, as the
window's is, ran late by 3.1 ms (95th percentile) against 4.3; the intake process's peak
memory grew by 54 MB against 39 (a batch's answers held as they arrive), the reader's own
besides. On a loaded machine the two took the same time (the CPU they share is the limit). The
reader starts in 0.15 s of CPU: it loads no store and no database library (:mod:`.reading`).

What is kept: the reader only computes (the mailbox, the store and the cursor stay on the
sync's thread); each mail's "taken" time comes from the sync's clock, sent with its batch;
what the reader logs is logged here, through the workstation's own filters. If the reader
process dies, the batch it was on and those after it are read on the sync's thread, in turn,
from the mail it had not yet answered for: the sync goes on and nothing is read twice.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO

from services.intake.mail.sources import MailBatch
from services.intake.read_ahead import READ_STEP, BatchReader, usable_cores
from services.intake.read_frames import ReaderSpec, read_frame, write_frame
from services.intake.reading import Prepared

__all__ = [
    "PROCESS_FROM_MAILS",
    "ReaderProcess",
    "reader_process_pays",
    "spec_for",
    "worth_a_process",
]

log = logging.getLogger(__name__)

_ROOT = Path(__file__).resolve().parents[2]
_CHILD = [sys.executable, "-m", "services.intake.read_child"]
_STOP_GRACE_SECONDS = 5.0
"""How long a stopped reader may take to finish the mail it is on before it is killed (it
only computes; the engine's own time limit bounds a PDF)."""


def reader_process_pays() -> bool:
    """Whether a folder of more than one batch is read by a process (see the module's
    docstring for what was measured)."""
    return usable_cores() >= 2


PROCESS_FROM_MAILS = 250
"""A fetch with at least this many mails left after its first batch is read by a process; a
smaller one by the thread, as starting the process costs about as much as it saves on that
many (the module's docstring)."""


def worth_a_process(second: MailBatch) -> bool:
    """Whether what is left of a fetch, from its second batch on, is worth a process."""
    return second.total - (second.done - len(second)) >= PROCESS_FROM_MAILS


def spec_for(reader: BatchReader) -> ReaderSpec | None:
    """What the reader process needs, or None when this reader cannot be sent (a PDF probe that
    does not pickle stays with the sync: read on a thread instead)."""
    spec = ReaderSpec(reader.source, reader.authserv_id, reader.limits, reader.pdf_probe)
    try:
        pickle.dumps(spec)
    except Exception:  # noqa: BLE001 — anything unpicklable: not for a process
        log.debug("intake reader stays in process: its spec does not pickle", exc_info=True)
        return None
    return spec


@dataclass(frozen=True)
class _End:
    """A batch's last item: read whole, or reading it failed with ``failure``."""

    failure: BaseException | None = None


@dataclass(frozen=True)
class _Lost:
    """The reader process ended before answering for the whole batch."""


_Item = Prepared | _End | _Lost


@dataclass
class _Lane:
    batch: MailBatch
    items: queue.SimpleQueue[_Item]
    answered: int = 0


class ReaderProcess:
    """One reader process for one folder's run: :meth:`start` a batch, drain its iterator."""

    def __init__(self, reader: BatchReader, spec: ReaderSpec) -> None:
        self._reader = reader
        self._lock = threading.Lock()
        self._lanes: deque[_Lane] = deque()
        self._lost = False
        self._closing = False
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(_ROOT), os.environ.get("PYTHONPATH", "")) if p
        )}  # fmt: skip
        self._process = subprocess.Popen(
            _CHILD,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # what it logs comes back as frames
            cwd=_ROOT,
            env=env,
        )
        self._outgoing: queue.SimpleQueue[object | None] = queue.SimpleQueue()
        self._outgoing.put(spec)
        self._sender = threading.Thread(target=self._send, name="intake-reader-send", daemon=True)
        self._receiver = threading.Thread(target=self._receive, name="intake-reader-receive")
        self._sender.start()
        self._receiver.start()

    def start(self, batch: MailBatch) -> Iterator[Prepared]:
        """Send ``batch`` to be read; its prepared mail, in order, as the iterator is drawn."""
        times = [self._reader.now() for _ in batch]  # taken now, as the thread would take it
        lane = _Lane(batch, queue.SimpleQueue())
        with self._lock:
            if self._lost:
                lane.items.put(_Lost())
            else:
                self._lanes.append(lane)
                self._outgoing.put(("batch", batch, times))
        return self._drain(lane, times)

    def close(self) -> None:
        """Stop the reader after the mail it is on, and wait for it (and the threads here)."""
        with self._lock:
            self._closing = True
        self._outgoing.put(("stop",))
        self._outgoing.put(None)
        try:
            self._process.wait(_STOP_GRACE_SECONDS + self._probe_limit())
        except subprocess.TimeoutExpired:
            log.warning("the intake reader did not stop; it was ended")
            self._process.kill()
            self._process.wait()
        self._receiver.join()
        self._sender.join()

    # -- the sync's thread ---------------------------------------------------------------------

    def _drain(self, lane: _Lane, times: list[datetime]) -> Generator[Prepared, None, None]:
        yielded = 0
        while True:
            item = lane.items.get()
            if isinstance(item, _End):
                if item.failure is not None:
                    raise item.failure
                return
            if isinstance(item, _Lost):
                yield from self._read_here(lane.batch, times, skip=yielded)
                return
            yielded += 1
            yield item

    def _read_here(self, batch: MailBatch, times: list[datetime], skip: int) -> Iterator[Prepared]:
        """The batch read on this thread, in turn, from the first mail not yet answered: what
        the reader sent back before it ended is not parsed or judged again."""
        rest = MailBatch(
            batch[skip:], cursor=batch.cursor, restarted=batch.restarted, done=batch.done,
            total=batch.total,
        )  # fmt: skip
        return replace(self._reader, now=iter(times[skip:]).__next__).read(rest)

    # -- the threads that talk to the process ----------------------------------------------------

    def _send(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            while (message := self._outgoing.get()) is not None:
                write_frame(stdin, message)
        except OSError:  # it is gone: the receiver sees its end and says so
            pass
        finally:
            try:
                stdin.close()
            except OSError:
                pass

    def _receive(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            self._route(stdout)
        except Exception:  # noqa: BLE001 — a frame that cannot be read: the process is lost
            log.exception("the intake reader's answer could not be read")
            self._process.kill()
        finally:
            self._process.wait()
            with self._lock:
                self._lost = True
                lanes, self._lanes = list(self._lanes), deque()
                closing = self._closing
            if lanes and not closing:
                log.warning(
                    "the intake reader ended (exit code %s); the sync reads the rest itself",
                    self._process.returncode,
                )
            for lane in lanes:
                lane.items.put(_Lost())

    def _route(self, stdout: IO[bytes]) -> None:
        while (message := read_frame(stdout)) is not None:
            assert isinstance(message, tuple)
            kind = message[0]
            if kind == "log":
                _log_here(*message[1:])
                continue
            with self._lock:
                lane = self._lanes[0]
            if kind == "mail":
                _, prepared, raw_left_out = message
                raw = lane.batch[lane.answered].data
                lane.answered += 1
                if raw_left_out:  # the batch's own bytes, not a second copy
                    prepared = replace(prepared, arrival=replace(prepared.arrival, raw=raw))
                if lane.answered == len(lane.batch) and self._reader.checkpoint is not None:
                    self._reader.checkpoint(READ_STEP)  # before the last is handed on
                lane.items.put(prepared)
                continue
            with self._lock:
                self._lanes.popleft()
            lane.items.put(_End(message[1] if kind == "failed" else None))

    def _probe_limit(self) -> float:
        probe = self._reader.pdf_probe
        return probe.time_limit if probe is not None else 0.0


def _log_here(name: str, level: int, text: str, where: tuple[str, int, str, int]) -> None:
    """A record the reader process logged, logged here under its own logger, place and
    process id."""
    logger = logging.getLogger(name)
    if not logger.isEnabledFor(level):
        return
    path, line, function, pid = where
    fields: dict[str, object] = {
        "name": name,
        "levelno": level,
        "levelname": logging.getLevelName(level),
        "msg": text,
        "pathname": path,
        "filename": os.path.basename(path),
        "module": os.path.splitext(os.path.basename(path))[0],
        "lineno": line,
        "funcName": function,
        "process": pid,
    }
    logger.handle(logging.makeLogRecord(fields))
