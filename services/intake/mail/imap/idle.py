"""IMAP IDLE (RFC 2177) read straight from the socket with a deadline."""

from __future__ import annotations

import imaplib
import re
import socket
import time

from services.intake.mail.sources import (
    MailboxUnavailable,
)

IDLE_MAX_S = 29 * 60  # RFC 2177: re-issue IDLE at least every 29 minutes
_UNTAGGED_COUNT = re.compile(rb"\* (\d+) (EXISTS|EXPUNGE)\b", re.IGNORECASE)
_LITERAL_AT_END = re.compile(rb"\{(\d+)\+?\}$")


class LineReader:
    """Reads CRLF lines straight from the socket with a deadline (used during IDLE).

    imaplib's buffered file must not see a timeout: after one it refuses every
    later read. The raw socket can time out and be read again.
    """

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buf = bytearray()

    @property
    def leftover(self) -> bool:
        return bool(self._buf)

    def _fill(self, deadline: float) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline passed")
        self._sock.settimeout(remaining)
        chunk = self._sock.recv(65536)
        if not chunk:
            raise ConnectionResetError("server closed the connection")
        self._buf += chunk

    def readline(self, deadline: float) -> bytes:
        while b"\r\n" not in self._buf:
            self._fill(deadline)
        end = self._buf.index(b"\r\n")
        line = bytes(self._buf[:end])
        del self._buf[: end + 2]
        literal = _LITERAL_AT_END.search(line)
        if literal is not None:  # not expected during IDLE; skip it to stay in step
            size = int(literal.group(1))
            while len(self._buf) < size:
                self._fill(deadline)
            del self._buf[:size]
            line += b" " + self.readline(deadline)
        return line


def idle_exchange(
    conn: imaplib.IMAP4,
    sock: socket.socket,
    tag: bytes,
    exists: int,
    *,
    wait: float,
    timeout_s: float,
) -> tuple[bool, int, bool]:
    """One IDLE … DONE exchange on the selected folder: ``(news, exists, leftover)``.

    ``news`` tells whether the server reported new messages within ``wait`` seconds;
    ``exists`` is the message count it reported last; ``leftover`` is True when bytes
    were read past the tagged end (imaplib would never see them: drop the connection).
    Each step with the server has ``timeout_s`` to answer.
    """
    reader = LineReader(sock)
    conn.send(tag + b" IDLE\r\n")
    deadline = time.monotonic() + timeout_s
    news = False
    while True:
        line = reader.readline(deadline)
        if line.startswith(b"+"):
            break
        if line.startswith(tag + b" "):
            raise MailboxUnavailable(detail=f"IDLE refused: {line[:200]!r}")
        news, exists = _idle_line(line, news, exists)
    end = time.monotonic() + wait
    while not news:
        try:
            line = reader.readline(end)
        except TimeoutError:
            break
        news, exists = _idle_line(line, news, exists)
    conn.send(b"DONE\r\n")
    deadline = time.monotonic() + timeout_s
    while True:
        line = reader.readline(deadline)
        if line.startswith(tag + b" "):
            if not line[len(tag) + 1 :].upper().startswith(b"OK"):
                raise MailboxUnavailable(detail=f"IDLE ended with {line[:200]!r}")
            break
        news, exists = _idle_line(line, news, exists)
    return news, exists, reader.leftover


def _idle_line(line: bytes, news: bool, exists: int) -> tuple[bool, int]:
    if line.upper().startswith(b"* BYE"):
        raise ConnectionResetError(f"server said {line[:200]!r}")
    m = _UNTAGGED_COUNT.match(line)
    if m is None:
        return news, exists
    n = int(m.group(1))
    if m.group(2).upper() == b"EXPUNGE":
        return news, max(0, exists - 1)
    return news or n > exists, n
