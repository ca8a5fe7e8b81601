"""The reader process's own side: ``python -m services.intake.read_child``.

Started by :class:`services.intake.read_process.ReaderProcess`. It reads batches of fetched
mail as the sync's reader thread would (:meth:`.read_ahead.BatchReader.read`: parse, then
judge each mail's files, the PDFs with its own viewer's-engine worker) and sends each prepared
mail back. It touches nothing but the bytes it is sent: no store, no keyring, no mailbox.

Protocol on the pipes, both ways: frames of an 8-byte big-endian length and a pickle (see
:mod:`.read_frames`).

- In: one :class:`.read_frames.ReaderSpec`; then ``("batch", batch, times)`` per batch
  (``times``: when the workstation took each mail, from the sync's clock); ``("stop",)`` or
  the end of input stops.
- Out: ``("mail", prepared, raw_left_out)`` per mail, in order, then ``("end",)`` per batch,
  or ``("failed", exc)`` where reading the batch failed; and ``("log", logger, level, text,
  (path, line, function, pid))`` for what the reading logs at INFO and above, so it reaches
  the workstation's log through its filters.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from dataclasses import replace
from datetime import datetime
from typing import IO

from services.intake.mail.sources import MailBatch
from services.intake.read_ahead import BatchReader
from services.intake.read_frames import ReaderSpec, portable_error, read_frame, write_frame
from services.intake.reading import Prepared

__all__ = ["main", "serve"]


class _Forward(logging.Handler):
    """Log records sent to the workstation, formatted here (a traceback travels as text)."""

    def __init__(self, out: queue.SimpleQueue[tuple[object, ...] | None]) -> None:
        super().__init__(logging.DEBUG)
        self._out = out
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            where = (record.pathname, record.lineno, record.funcName, record.process)
            self._out.put(("log", record.name, record.levelno, self.format(record), where))
        except Exception:  # noqa: BLE001 — logging never breaks the reading
            self.handleError(record)


def _send_all(out: queue.SimpleQueue[tuple[object, ...] | None], stream: IO[bytes]) -> None:
    """Write what the reading produced, in order; its own thread, so the reading never waits
    for the workstation to take an answer out of a full pipe."""
    try:
        while (message := out.get()) is not None:
            write_frame(stream, message)
    except OSError:  # the workstation went away: nothing to send to
        return


def _listen(
    stream: IO[bytes], work: queue.SimpleQueue[tuple[MailBatch, list[datetime]] | None],
    stop: threading.Event,
) -> None:  # fmt: skip
    """Batches to the reading; "stop" or the end of input stops it after the mail it is on."""
    try:
        while isinstance(message := read_frame(stream), tuple) and message[0] == "batch":
            work.put((message[1], message[2]))
    finally:
        stop.set()
        work.put(None)


def serve(spec: ReaderSpec, source: IO[bytes], sink: IO[bytes]) -> None:
    out: queue.SimpleQueue[tuple[object, ...] | None] = queue.SimpleQueue()
    root = logging.getLogger()
    root.handlers[:] = [_Forward(out)]
    root.setLevel(logging.INFO)
    sender = threading.Thread(target=_send_all, args=(out, sink), name="read-child-send")
    sender.start()
    stop = threading.Event()
    work: queue.SimpleQueue[tuple[MailBatch, list[datetime]] | None] = queue.SimpleQueue()
    threading.Thread(
        target=_listen, args=(source, work, stop), name="read-child-listen", daemon=True
    ).start()
    try:
        while (job := work.get()) is not None and not stop.is_set():
            batch, times = job
            reader = BatchReader(
                spec.source, iter(times).__next__, spec.authserv_id, spec.limits, spec.pdf_probe
            )
            try:
                for raw, prepared in zip(batch, reader.read(batch, stop), strict=False):
                    out.put(("mail", *_without_raw(_portable(prepared), raw.data)))
            except BaseException as exc:  # noqa: BLE001 — raised again on the sync's thread
                out.put(("failed", portable_error(exc)))
            else:
                out.put(("end",))
    finally:
        close = getattr(spec.pdf_probe, "close", None)
        if callable(close):
            close()  # its engine worker goes with it
        out.put(None)
        sender.join()


def _without_raw(prepared: Prepared, raw: bytes) -> tuple[Prepared, bool]:
    """The mail as sent back: without its raw bytes when they are the batch's own (True),
    which the workstation holds already; a second copy would double a batch in its memory."""
    if prepared.arrival.raw is not raw:
        return prepared, False
    return replace(prepared, arrival=replace(prepared.arrival, raw=None)), True


def _portable(prepared: Prepared) -> Prepared:
    if prepared.problem is None:
        return prepared
    problem = portable_error(prepared.problem)
    if problem is prepared.problem:
        return prepared
    return Prepared(
        prepared.uid, prepared.size, prepared.arrival, prepared.inspected, prepared.position,
        problem,
    )  # fmt: skip


def main() -> int:
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    spec = read_frame(source)
    if not isinstance(spec, ReaderSpec):
        return 2
    serve(spec, source, sink)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
