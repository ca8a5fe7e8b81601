"""Does the viewer's own engine open this PDF? The port, its verdicts, and a cache by hash.

pypdf alone judged "opens" at intake, and it disagrees with the viewer (QtPdf, i.e. PDFium)
both ways: PDFs pypdf reads that the viewer refuses (a trailer without ``/Root``), PDFs pypdf
gives up on that the viewer repairs (a file cut before its cross-reference table), and PDFs
on which the viewer never returns (a page tree that loops). So intake also asks the viewer's
engine, through :class:`PdfOpenProbe`. services/ may not import Qt: app/ supplies the real
probe (a subprocess running QtPdf with a time limit, so a PDF that hangs or crashes the engine
takes down only that subprocess). Without a probe, intake judges with pypdf alone.

:class:`CachedPdfProbe` asks once per content hash: a file mailed again, or re-read after a
crash, costs nothing the second time.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

__all__ = [
    "VIEWER_UNSAFE",
    "VIEWER_UNSAFE_REASONS",
    "CachedPdfProbe",
    "PdfOpenProbe",
    "PdfOpens",
    "PdfProbeResult",
]

VIEWER_UNSAFE = "pdf_viewer_unsafe"
"""Flag on a document an officer released although the viewer's engine refused it or never
finished opening it: the viewer does not load it (a looping PDF would hold the engine, whose
lock every PDF shares) and offers the system viewer instead."""
VIEWER_UNSAFE_REASONS = frozenset({"pdf_too_slow", "pdf_viewer_cannot_open"})


class PdfOpens(StrEnum):
    """What the viewer's engine made of a PDF."""

    OPENS = "opens"
    """Loaded, and its first page rendered."""
    REFUSED = "refused"
    """The engine said it cannot load it, rendered nothing, or crashed on it."""
    TOO_SLOW = "too_slow"
    """Not done within the time limit (the engine was stopped)."""
    UNAVAILABLE = "unavailable"
    """The probe itself could not run (not the file's fault): judge with pypdf alone."""


@dataclass(frozen=True)
class PdfProbeResult:
    outcome: PdfOpens
    pages: int | None = None
    """The page count the engine found (when it opened)."""
    detail: str = ""
    """For the log only (the engine's error name, the signal that ended it …)."""


class PdfOpenProbe(Protocol):
    """Opens a PDF the way the viewer does; never raises for a bad file."""

    @property
    def time_limit(self) -> float:
        """Seconds one PDF may take before it is judged too slow."""
        ...

    def probe(self, data: bytes) -> PdfProbeResult: ...


class CachedPdfProbe:
    """A :class:`PdfOpenProbe` that asks ``inner`` once per SHA-256 of the bytes.

    Verdicts on the file (opens, refused, too slow) are kept, the most recent ``size`` of
    them; "unavailable" is not, so the next sync asks again. Safe to share between threads.
    """

    def __init__(self, inner: PdfOpenProbe, size: int = 4096) -> None:
        self._inner = inner
        self._size = size
        self._verdicts: OrderedDict[str, PdfProbeResult] = OrderedDict()
        self._lock = threading.Lock()
        self.asked = 0
        """How many times ``inner`` was asked (for tests and the benchmark)."""

    @property
    def time_limit(self) -> float:
        return self._inner.time_limit

    def __reduce__(self) -> tuple[object, tuple[PdfOpenProbe, int]]:
        # Sent to another process: the same inner probe (as it pickles) and an empty cache.
        return CachedPdfProbe, (self._inner, self._size)

    def close(self) -> None:
        """Close the inner probe, where it has anything to close (an engine worker)."""
        close = getattr(self._inner, "close", None)
        if callable(close):
            close()

    def probe(self, data: bytes) -> PdfProbeResult:
        key = hashlib.sha256(data).hexdigest()
        with self._lock:
            known = self._verdicts.get(key)
            if known is not None:
                self._verdicts.move_to_end(key)
                return known
        result = self._inner.probe(data)
        with self._lock:
            self.asked += 1
            if result.outcome is not PdfOpens.UNAVAILABLE:
                self._verdicts[key] = result
                while len(self._verdicts) > self._size:
                    self._verdicts.popitem(last=False)
        return result
