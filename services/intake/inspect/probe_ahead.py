"""The viewer's engine asked about the next PDFs while the reader judges the ones before.

Judging a PDF with QtPdf means writing it into the worker process's pipe and waiting for
the answer: the worker runs on its own core, the asking thread only waits. The reader of a
batch (:mod:`services.intake.read_ahead`) parses the batch first, hands each PDF to
:meth:`ProbeAhead.expect` — a single thread then asks the engine, PDF after PDF — and the
inspection asks :meth:`ProbeAhead.probe` as before, getting the answer that is ready by then.
While the engine works, the reader runs pypdf over the mail before it.

Only waiting is moved to this thread: parsing and pypdf stay on the reader's thread, since
one more thread computing in Python would take turns with it on the interpreter lock.
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from services.intake.inspect.pdf_probe import PdfOpenProbe, PdfProbeResult

__all__ = ["ProbeAhead", "looks_like_pdf"]


def looks_like_pdf(data: bytes) -> bool:
    """A PDF header in the first KiB, where readers look for it (what the sniffer calls PDF)."""
    return b"%PDF-" in data[:1024]


class ProbeAhead:
    """A :class:`PdfOpenProbe` whose answers to expected PDFs are fetched ahead, in order.

    Use as a context manager; on leaving, answers not taken are dropped (a worker thread
    finishing the PDF it is on). A PDF not announced is asked about directly.
    """

    def __init__(self, inner: PdfOpenProbe) -> None:
        self._inner = inner
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="pdf-probe-ahead")
        self._ahead: dict[str, list[Future[PdfProbeResult]]] = {}
        self._lock = threading.Lock()

    @property
    def time_limit(self) -> float:
        return self._inner.time_limit

    def expect(self, data: bytes) -> None:
        """Start asking about ``data``; :meth:`probe` with the same bytes takes the answer."""
        key = hashlib.sha256(data).hexdigest()
        future = self._pool.submit(self._inner.probe, data)
        with self._lock:
            self._ahead.setdefault(key, []).append(future)

    def probe(self, data: bytes) -> PdfProbeResult:
        key = hashlib.sha256(data).hexdigest()
        with self._lock:
            waiting = self._ahead.get(key)
            future = waiting.pop(0) if waiting else None
            if waiting is not None and not waiting:
                del self._ahead[key]
        if future is None:
            return self._inner.probe(data)
        return future.result()

    def close(self) -> None:
        with self._lock:
            for futures in self._ahead.values():
                for future in futures:
                    future.cancel()
            self._ahead.clear()
        self._pool.shutdown(wait=True)

    def __enter__(self) -> ProbeAhead:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
