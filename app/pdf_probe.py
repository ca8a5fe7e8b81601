"""The real :class:`~services.intake.inspect.pdf_probe.PdfOpenProbe`: QtPdf in a subprocess.

One long-lived worker process (``python -m ui.viewer.open_check``) judges PDF after PDF, so a
sync pays Python's and Qt's start-up once, not per file. Each PDF gets ``time_limit`` seconds;
past that the worker is killed (the PDF is "too slow") and a fresh one is started for the
next. A worker that dies while judging a PDF crashed on it: "refused". If no worker can be
started at all (a broken installation), the verdict is "unavailable" and intake falls back
to pypdf alone, with a warning in the log; the sync goes on either way.

The worker runs with the same Python and sees only the PDF bytes on its stdin; its stderr
(PDFium's complaints) is discarded. Calls are serialised (one PDF at a time per probe).
"""

from __future__ import annotations

import json
import logging
import os
import selectors
import subprocess
import sys
import threading
import time
from pathlib import Path

from services.intake.inspect.pdf_probe import PdfOpens, PdfProbeResult

__all__ = ["PDF_OPEN_SECONDS", "QtPdfProbe"]

log = logging.getLogger(__name__)

PDF_OPEN_SECONDS = 20.0
"""How long one PDF may take to open and draw its first page. Real scans that open slowly take
about 4 s on an office PC; a PDF that loops inside the engine never finishes."""
_ROOT = Path(__file__).resolve().parents[1]
_WORKER = [sys.executable, "-m", "ui.viewer.open_check"]


class QtPdfProbe:
    """Asks QtPdf, in a worker process, whether it opens a PDF; never raises for a bad file."""

    def __init__(self, time_limit: float = PDF_OPEN_SECONDS, *, start_limit: float = 60.0) -> None:
        self._time_limit = time_limit
        self._start_limit = start_limit
        self._process: subprocess.Popen[bytes] | None = None
        self._pending = b""
        self._lock = threading.Lock()
        self.started = 0
        """How many worker processes were started (a restart follows each hang or crash)."""

    @property
    def time_limit(self) -> float:
        return self._time_limit

    def __reduce__(self) -> tuple[object, tuple[float, float]]:
        # Sent to another process (intake's reader), it is a new probe with the same limits
        # and a worker of its own there; a worker and its pipes cannot travel.
        return _fresh_probe, (self._time_limit, self._start_limit)

    def probe(self, data: bytes) -> PdfProbeResult:
        with self._lock:
            process = self._worker()
            if process is None:
                return PdfProbeResult(PdfOpens.UNAVAILABLE, detail="worker did not start")
            try:
                assert process.stdin is not None
                process.stdin.write(len(data).to_bytes(8, "big") + data)
                process.stdin.flush()
            except OSError as exc:  # it died before reading this PDF: not the PDF's fault
                self._stop()
                return PdfProbeResult(PdfOpens.UNAVAILABLE, detail=f"worker gone: {exc!r}")
            line, ended = self._read_line(time.monotonic() + self._time_limit)
            if line is None:
                self._stop()
                if ended:
                    code = process.returncode
                    return PdfProbeResult(PdfOpens.REFUSED, detail=f"engine crashed ({code})")
                return PdfProbeResult(PdfOpens.TOO_SLOW, detail=f"over {self._time_limit:g} s")
            try:
                answer = json.loads(line)
                outcome = PdfOpens(answer["outcome"])
            except (ValueError, KeyError, TypeError) as exc:
                self._stop()
                return PdfProbeResult(PdfOpens.UNAVAILABLE, detail=f"bad answer: {exc!r}")
            pages = answer.get("pages")
            return PdfProbeResult(
                outcome, pages if isinstance(pages, int) else None, str(answer.get("detail", ""))
            )

    def close(self) -> None:
        """Stop the worker (it also ends by itself when this process goes away)."""
        with self._lock:
            self._stop()

    # -- the worker ---------------------------------------------------------------------------

    def _worker(self) -> subprocess.Popen[bytes] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_ROOT), env.get("PYTHONPATH", "")) if p)
        try:
            process = subprocess.Popen(
                _WORKER,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                cwd=_ROOT,
                env=env,
            )
        except OSError:
            log.warning("the PDF check could not start; PDFs are judged by pypdf alone")
            log.debug("pdf probe start failure", exc_info=True)
            return None
        self._process = process
        self.started += 1
        ready, _ended = self._read_line(time.monotonic() + self._start_limit)
        if ready != "ready":
            log.warning("the PDF check did not start; PDFs are judged by pypdf alone")
            self._stop()
            return None
        return process

    def _read_line(self, deadline: float) -> tuple[str | None, bool]:
        """The worker's next line, or (None, whether it ended) at the deadline or its exit."""
        process = self._process
        assert process is not None and process.stdout is not None
        fd = process.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._pending:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    return None, False
                chunk = os.read(fd, 65536)
                if not chunk:
                    process.wait()
                    return None, True
                self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line.decode("utf-8", "replace").strip(), False

    def _stop(self) -> None:
        process, self._process, self._pending = self._process, None, b""
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


def _fresh_probe(time_limit: float, start_limit: float) -> QtPdfProbe:
    return QtPdfProbe(time_limit, start_limit=start_limit)
