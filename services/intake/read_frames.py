"""Frames between the sync and its reader process: an 8-byte big-endian length, then a pickle.

Both ends are this workstation's own code with the same rights (the reader is started by the
sync, from the same installation); the mail's bytes travel inside the pickle as data. A frame
is written whole or not at all from one thread at a time.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import IO

from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.types import Limits

__all__ = ["ReaderSpec", "portable_error", "read_frame", "write_frame"]

_LENGTH = 8


@dataclass(frozen=True)
class ReaderSpec:
    """What the reader process needs to read a folder's batches (sent pickled)."""

    source: str
    authserv_id: str
    limits: Limits
    pdf_probe: PdfOpenProbe | None
    """A probe as pickled: a fresh one of the same kind, with its own engine worker."""


def write_frame(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_LENGTH, "big") + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> object | None:
    """The next message, or None at the end of the stream (or a frame cut short)."""
    head = _read_exact(stream, _LENGTH)
    if head is None:
        return None
    data = _read_exact(stream, int.from_bytes(head, "big"))
    return None if data is None else pickle.loads(data)  # noqa: S301 — our own reader's frames


def _read_exact(stream: IO[bytes], size: int) -> bytes | None:
    # The PDF judge's pipe is read alike in ui.viewer.open_check, which may not import this
    # (ui reaches services through the facades only, and the judge imports nothing but Qt).
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def portable_error(exc: BaseException) -> BaseException:
    """``exc`` if it survives a pickle round trip, else a ``RuntimeError`` naming it: an
    exception whose constructor wants other arguments cannot be rebuilt on the other side."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 — made here, from our own exception
    except Exception:  # noqa: BLE001 — any failure to rebuild means: send its name instead
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
