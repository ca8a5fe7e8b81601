"""Where intake mail comes from: the shared vocabulary of the mailbox sources.

Two sources satisfy :class:`MailSource`: :class:`services.intake.mail.imap.ImapMailbox`
(the agency's official address on an IMAP server) and
:class:`services.intake.mail.maildir.MaildirMailbox` (a local Maildir folder, the
embedded default the demo uses, so the workstation runs with no server).

The sync contract, the same for both, is what makes a crash or a dropped link at
any point harmless:

1. ``fetch_new(folder, cursor)`` yields :class:`MailBatch` es in ascending UID
   order; nothing on the server changes (IMAP fetches with ``BODY.PEEK[]``, so
   ``\\Seen`` is never set).
2. The caller commits each batch (de-duplicating by Message-ID, or a content
   hash when there is none) *together with* ``batch.cursor``.
3. Only then does it call ``mark_processed(folder, uids)``; if that fails or
   never happens, the next run fetches the messages again and the
   de-duplication makes that harmless.

When the server's UIDVALIDITY changed, the cursor is worthless: the fetch starts
again from UID 0 and ``batch.restarted`` is true (again harmless, thanks to 2).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from services.intake.types import RawMail
from services.kernel.errors import AnuyatError

__all__ = [
    "PROCESSED_KEYWORD",
    "FolderCursor",
    "MailBatch",
    "MailSource",
    "MailboxUnavailable",
    "MailboxAuthFailed",
    "MailFolderMissing",
    "Backoff",
    "OpensOnEnter",
]

PROCESSED_KEYWORD = "$AnuyatProcessed"
"""IMAP keyword set by the "flag" after-action (``\\Flagged`` when the server
allows no custom keywords; the Maildir info flag ``F`` for Maildir)."""


@dataclass(frozen=True, slots=True)
class FolderCursor:
    """How far a folder has been read; the caller stores it with what it committed."""

    uidvalidity: int
    """The folder's UIDVALIDITY the UIDs belong to; a different value voids ``last_uid``."""
    last_uid: int
    """Every message with a UID up to this one has been committed."""


class MailBatch(list[RawMail]):
    """One bounded batch of messages (a plain ``list[RawMail]``) plus where it leaves the folder.

    ``cursor`` is the position to store in the same transaction as the batch's
    messages. ``done``/``total`` count messages of this fetch for a progress bar.
    """

    def __init__(
        self,
        messages: Sequence[RawMail],
        *,
        cursor: FolderCursor,
        restarted: bool,
        done: int,
        total: int,
    ) -> None:
        super().__init__(messages)
        self.cursor = cursor
        """Store this after committing the batch (UIDVALIDITY + the batch's highest UID)."""
        self.restarted = restarted
        """True when the stored cursor was void (UIDVALIDITY changed) and the fetch began at 0."""
        self.done = done
        """Messages planned in this fetch up to and including this batch."""
        self.total = total
        """Messages this fetch planned to return in all."""

    def __repr__(self) -> str:
        return (
            f"MailBatch({len(self)} messages, cursor={self.cursor!r}, "
            f"restarted={self.restarted}, done={self.done}/{self.total})"
        )


@runtime_checkable
class MailSource(Protocol):
    """What the sync loop needs from a mailbox (IMAP or Maildir)."""

    @property
    def name(self) -> str:
        """A short label for logs and the sync-state row, e.g. ``intake@agency.go.th``."""
        ...

    def open(self) -> None:
        """Connect (or check the folder exists); raises :class:`MailboxUnavailable`."""
        ...

    def close(self) -> None:
        """Disconnect; never raises."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def folder_source(self, folder: str) -> str:
        """The ``RawMail.source`` of messages from ``folder``."""
        ...

    def select(self, folder: str) -> tuple[int, int]:
        """``(uidvalidity, uidnext)`` of ``folder``."""
        ...

    def fetch_new(self, folder: str, cursor: FolderCursor | None) -> Iterator[MailBatch]:
        """Batches of the messages after ``cursor``, ascending; nothing is marked read."""
        ...

    def mark_processed(
        self, folder: str, uids: Sequence[str], *, uidvalidity: int | None = None
    ) -> bool:
        """Do the configured after-action; call only once the messages are committed.

        Returns False (and does nothing) when ``uidvalidity`` is given and no longer
        the folder's: the UIDs may now name other messages.
        """
        ...

    def supports_idle(self) -> bool:
        """Whether :meth:`idle` can wait for news cheaply (else the caller polls)."""
        ...

    def idle(self, folder: str, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for new mail in ``folder``; True when some (may) have come."""
        ...

    def interrupt(self) -> None:
        """Thread-safe: make a running (or the next) :meth:`idle` return False at once."""
        ...


class OpensOnEnter:
    """``with source: ...`` opens the source and closes it however the block ends."""

    def open(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --- errors people can act on ------------------------------------------------------------


class MailboxUnavailable(AnuyatError):
    """The mailbox cannot be reached now (network, server down, TLS). Retrying later helps."""

    code = "mailbox_unavailable"

    def __init__(
        self,
        th: str = (
            "ติดต่อกล่องจดหมายของหน่วยงานไม่ได้ในขณะนี้ ระบบจะลองใหม่เองโดยอัตโนมัติ "
            "ไม่มีอีเมลสูญหาย หากเป็นอยู่นานให้ตรวจสอบการเชื่อมต่อเครือข่าย"
        ),
        en: str = (
            "The agency mailbox cannot be reached right now. Anuyat keeps retrying on its own "
            "and no mail is lost. If this lasts, check the network connection."
        ),
        *,
        detail: str | None = None,
        code: str | None = None,
        reply: str | None = None,
    ) -> None:
        super().__init__(th, en, detail=detail, code=code, reply=reply)


class MailboxAuthFailed(AnuyatError):
    """The server refused the sign-in: the user name or password in the settings is wrong."""

    code = "mailbox_auth_failed"

    def __init__(
        self,
        th: str = (
            "เข้าสู่ระบบกล่องจดหมายของหน่วยงานไม่สำเร็จ โปรดตรวจสอบชื่อผู้ใช้และรหัสผ่านของกล่องจดหมายในหน้าตั้งค่า"
        ),
        en: str = (
            "The mail server refused the sign-in. "
            "Check the mailbox user name and password in Settings."
        ),
        *,
        detail: str | None = None,
        code: str | None = None,
        reply: str | None = None,
    ) -> None:
        super().__init__(th, en, detail=detail, code=code, reply=reply)


class MailFolderMissing(AnuyatError):
    """A folder named in the settings does not exist in the mailbox."""

    code = "mail_folder_missing"

    def __init__(self, folder: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"ไม่พบโฟลเดอร์ «{folder}» ในกล่องจดหมาย โปรดตรวจสอบรายชื่อโฟลเดอร์ที่ติดตามในหน้าตั้งค่า",
            f"The folder “{folder}” does not exist in the mailbox. "
            "Check the folders to watch in Settings.",
            detail=detail,
        )
        self.folder = folder


# --- retry pacing ------------------------------------------------------------------------


class Backoff:
    """Exponential back-off with jitter, for retrying while the link is down.

    The n-th delay (from 0) is drawn uniformly from ``[d/2, d]`` where
    ``d = min(cap_s, base_s * factor**n)``: it grows quickly so an offline
    station does not hammer the server, never drops near zero, and the jitter
    keeps several stations from retrying in step after an outage.
    """

    def __init__(
        self,
        *,
        base_s: float = 5.0,
        factor: float = 2.0,
        cap_s: float = 15 * 60.0,
        rng: random.Random | None = None,
    ) -> None:
        if base_s <= 0 or factor < 1 or cap_s < base_s:
            raise ValueError("Backoff needs base_s > 0, factor >= 1 and cap_s >= base_s")
        self.base_s = base_s
        self.factor = factor
        self.cap_s = cap_s
        self._rng = rng if rng is not None else random.Random()
        self._attempts = 0

    @property
    def attempts(self) -> int:
        """Failures since the last :meth:`reset`."""
        return self._attempts

    def ceiling(self) -> float:
        """The largest delay :meth:`next_delay` could return now."""
        # Grow step by step so a long outage cannot overflow a float power.
        delay = self.base_s
        for _ in range(self._attempts):
            delay *= self.factor
            if delay >= self.cap_s:
                return self.cap_s
        return min(delay, self.cap_s)

    def next_delay(self) -> float:
        """Seconds to wait before the next attempt; each call counts one more failure."""
        top = self.ceiling()
        self._attempts += 1
        return self._rng.uniform(top / 2, top)

    def reset(self) -> None:
        """The link works again: the next failure starts from ``base_s``."""
        self._attempts = 0
