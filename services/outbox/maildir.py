"""Delivery into a local Maildir (the demo's "sent" folder), once per Message-ID."""

from __future__ import annotations

import hashlib
import logging
import mailbox
import os
from email.message import EmailMessage
from pathlib import Path

from services.kernel.fsutil import create_once
from services.outbox.compose import message_bytes, needs_smtputf8
from services.outbox.errors import TransportUnavailable

log = logging.getLogger(__name__)


class MaildirTransport:
    """Delivers into a local Maildir (the demo's "sent" folder), once per Message-ID.

    Each message's file is named after a hash of its Message-ID, so delivering the same
    message again (the at-least-once retry after a crash) writes nothing. Messages are
    filed as read (``cur/…:2,S``), as a "sent" folder holds them; any Maildir reader
    (``mailbox.Maildir``, mail clients) opens it.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._box: mailbox.Maildir | None = None

    def __repr__(self) -> str:
        return f"MaildirTransport({str(self.path)!r})"

    def _maildir(self) -> mailbox.Maildir:
        if self._box is None:
            try:
                self._box = mailbox.Maildir(self.path, create=True)
            except OSError as exc:
                raise self._unwritable(exc) from exc
        return self._box

    def _unwritable(self, exc: BaseException) -> TransportUnavailable:
        return TransportUnavailable(
            f"เขียนอีเมลลงโฟลเดอร์ {self.path} ไม่ได้ (พื้นที่เต็มหรือไม่มีสิทธิ์เขียน) — ข้อความยังอยู่ในกล่องขาออก",
            f"Cannot write mail into {self.path} (disk full or no permission). "
            "The messages stay in the outbox.",
            detail=repr(exc),
        )

    @staticmethod
    def key_for(message_id: str) -> str:
        """The file name stem used for a Message-ID."""
        normal = message_id.strip().strip("<>").strip()
        return "anuyat-" + hashlib.sha256(normal.encode("utf-8")).hexdigest()

    def contains(self, message_id: str) -> bool:
        """Whether a message with this Message-ID is already in the folder."""
        box = self._maildir()
        key = self.key_for(message_id)
        if (self.path / "new" / key).exists():
            return True
        prefix = key + box.colon
        with os.scandir(self.path / "cur") as entries:
            return any(e.name == key or e.name.startswith(prefix) for e in entries)

    def send(self, message: EmailMessage, envelope_from: str, to: str) -> None:
        message_id = message["Message-ID"]
        if not message_id:
            raise ValueError("a message without a Message-ID cannot be filed idempotently")
        box = self._maildir()
        if self.contains(str(message_id)):
            log.info("outbox: %s already in %s; not filed again", message_id, self.path)
            return
        key = self.key_for(str(message_id))
        international = needs_smtputf8(message, envelope_from, to)
        data = message_bytes(message, international=international, linesep="\n")
        target = self.path / "cur" / f"{key}{box.colon}2,S"
        try:
            # Another run filing it meanwhile wins; this one then writes nothing.
            create_once(target, data, tmp_dir=self.path / "tmp", prefix=f"{key}.")
        except OSError as exc:
            raise self._unwritable(exc) from exc

    def close(self) -> None:
        pass
