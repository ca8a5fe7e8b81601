"""The agency's official mailbox on an IMAP server, read without side effects.

Sync is by UID under UIDVALIDITY (see :mod:`services.intake.mail.sources` for the
contract). Bodies are fetched with ``BODY.PEEK[]`` so a message is never marked
read by accident; the after-action (flag or move) happens only when the caller
says the message is committed. Batches are bounded by count *and* by bytes, so a
mailbox of large scans never has to fit in memory at once.

Every network failure becomes :class:`~services.intake.mail.sources.MailboxUnavailable`
(the connection is dropped and re-opened by the next call), a refused sign-in
becomes :class:`~services.intake.mail.sources.MailboxAuthFailed`. All socket operations
have a timeout, so a server that dies or freezes mid-fetch cannot hang the sync.

Not thread-safe: one :class:`ImapMailbox` belongs to one worker thread (only
:meth:`ImapMailbox.interrupt` may be called from another one).
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from types import TracebackType
from typing import Literal, Self

from services.intake.mail.sources import (
    PROCESSED_KEYWORD,
    FolderCursor,
    MailBatch,
    MailboxAuthFailed,
    MailboxUnavailable,
    MailFolderMissing,
)
from services.intake.types import RawMail
from services.kernel.errors import AnuyatError, InvalidInput

__all__ = [
    "Security",
    "AfterAction",
    "ImapAccount",
    "ImapMailbox",
    "is_loopback_host",
    "encode_mailbox_name",
    "decode_mailbox_name",
]

log = logging.getLogger(__name__)

Security = Literal["tls", "starttls", "plain"]
AfterAction = Literal["none", "flag", "move"]

_IDLE_MAX_S = 29 * 60  # RFC 2177: re-issue IDLE at least every 29 minutes
_STORE_CHUNK = 500  # UIDs per STORE/MOVE command, keeps command lines short


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ``::1`` (the only hosts plain IMAP may use)."""
    name = host.strip().rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def _invalid(th: str, en: str, detail: str) -> InvalidInput:
    return InvalidInput(th, en, detail=detail, code="invalid_mail_settings")


@dataclass(frozen=True)
class ImapAccount:
    """Settings of one IMAP mailbox; the password is not here (it lives in the keyring)."""

    host: str
    """Server name as on its certificate, e.g. ``mail.agency.go.th``."""
    port: int
    """993 for TLS, 143 for STARTTLS."""
    username: str
    """The login, usually the official address."""
    security: Security
    """``tls`` (implicit TLS), ``starttls``, or ``plain`` (only to a loopback address)."""
    folders: tuple[str, ...] = ("INBOX",)
    """Folders to watch; ``/`` separates levels whatever the server's own separator."""
    after: AfterAction = "flag"
    """After a message is committed: ``none``, ``flag`` (keyword ``$AnuyatProcessed``,
    or ``\\Flagged`` when the server allows no keywords) or ``move`` (to ``move_to``)."""
    move_to: str = "Anuyat/Processed"
    """Folder for ``after="move"``; created when missing."""
    batch_size: int = 50
    """Most messages per fetch round trip (and per batch handed to the caller)."""
    timeout_s: float = 30
    """Socket timeout for every network operation."""
    batch_max_bytes: int = 64 * 1024 * 1024
    """Most message bytes per batch (a single larger message still comes, alone)."""
    cafile: str | None = None
    """Extra CA certificates (PEM) to trust, e.g. the agency's own CA; verification stays on."""

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise _invalid(
                "ยังไม่ได้ระบุเซิร์ฟเวอร์อีเมล (IMAP) ในหน้าตั้งค่า",
                "No IMAP server is set in Settings.",
                "empty host",
            )
        if not 0 < self.port < 65536:
            raise _invalid(
                f"หมายเลขพอร์ตของเซิร์ฟเวอร์อีเมลไม่ถูกต้อง ({self.port})",
                f"The IMAP port is not valid ({self.port}).",
                f"port={self.port}",
            )
        if not self.username.strip():
            raise _invalid(
                "ยังไม่ได้ระบุชื่อผู้ใช้ของกล่องจดหมายในหน้าตั้งค่า",
                "No mailbox user name is set in Settings.",
                "empty username",
            )
        if self.security not in ("tls", "starttls", "plain"):
            raise _invalid(
                "รูปแบบการเชื่อมต่อต้องเป็น TLS, STARTTLS หรือ plain",
                "The connection security must be TLS, STARTTLS or plain.",
                f"security={self.security!r}",
            )
        if self.security == "plain" and not is_loopback_host(self.host):
            raise InvalidInput(
                "รหัสผ่านต้องไม่ถูกส่งผ่านเครือข่ายโดยไม่เข้ารหัส โปรดเลือกการเชื่อมต่อแบบ TLS หรือ STARTTLS",
                "Passwords must not cross the network in clear text; use TLS or STARTTLS.",
                detail=f"plain IMAP refused for non-loopback host {self.host!r}",
                code="insecure_connection",
            )
        if not self.folders or any(not f.strip() for f in self.folders):
            raise _invalid(
                "ต้องระบุโฟลเดอร์ที่ติดตามอย่างน้อยหนึ่งโฟลเดอร์ (เช่น INBOX)",
                "At least one folder to watch is needed (e.g. INBOX).",
                f"folders={self.folders!r}",
            )
        if self.after not in ("none", "flag", "move"):
            raise _invalid(
                "การจัดการหลังบันทึกต้องเป็น none, flag หรือ move",
                "The after-processing action must be none, flag or move.",
                f"after={self.after!r}",
            )
        if self.after == "move" and (not self.move_to.strip() or self.move_to in self.folders):
            raise _invalid(
                "โฟลเดอร์ปลายทางต้องไม่ว่างและต้องไม่ใช่โฟลเดอร์ที่ติดตามอยู่",
                "The folder to move processed mail to must be set and not be a watched folder.",
                f"move_to={self.move_to!r} folders={self.folders!r}",
            )
        if not 1 <= self.batch_size <= 1000:
            raise _invalid(
                "จำนวนข้อความต่อรอบต้องอยู่ระหว่าง 1 ถึง 1000",
                "The batch size must be between 1 and 1000.",
                f"batch_size={self.batch_size}",
            )
        if not self.timeout_s > 0 or self.batch_max_bytes < 1:
            raise _invalid(
                "ค่าเวลารอหรือขนาดต่อรอบไม่ถูกต้อง",
                "The timeout or batch byte limit is not valid.",
                f"timeout_s={self.timeout_s} batch_max_bytes={self.batch_max_bytes}",
            )

    @property
    def label(self) -> str:
        """``user@host`` for logs and status lines (no secrets)."""
        return f"{self.username}@{self.host}"


# --- modified UTF-7 (RFC 3501 §5.1.3), for Thai folder names ----------------------------


def _b64_utf16(text: str) -> str:
    raw = base64.b64encode(text.encode("utf-16-be")).decode("ascii")
    return raw.rstrip("=").replace("/", ",")


def encode_mailbox_name(name: str) -> str:
    """``name`` in IMAP's modified UTF-7, e.g. ``"คำขอ"`` → ``"&DIQOMw4CDis-"``."""
    out: list[str] = []
    pending: list[str] = []
    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            if pending:
                out.append("&" + _b64_utf16("".join(pending)) + "-")
                pending.clear()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    if pending:
        out.append("&" + _b64_utf16("".join(pending)) + "-")
    return "".join(out)


def decode_mailbox_name(name: str) -> str:
    """The inverse of :func:`encode_mailbox_name`."""

    def _one(match: re.Match[str]) -> str:
        body = match.group(1)
        if not body:
            return "&"
        padded = body.replace(",", "/") + "=" * (-len(body) % 4)
        return base64.b64decode(padded).decode("utf-16-be")

    return re.sub(r"&([A-Za-z0-9+,]*)-", _one, name)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- parsing server responses ----------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
# Parsed by hand: strptime's %b follows the process locale, and Qt sets a Thai one.
_INTERNALDATE = re.compile(
    rb'INTERNALDATE "\s?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([-+])(\d\d)(\d\d)"'
)
_UID = re.compile(rb"[(\s]UID (\d+)")
_SIZE = re.compile(rb"[(\s]RFC822\.SIZE (\d+)")
_BODY_LITERAL = re.compile(rb"BODY\[\]\s*\{\d+\+?\}\s*$")
_BODY_QUOTED = re.compile(rb'BODY\[\] "((?:\\.|[^"\\])*)"')
_LIST_LINE = re.compile(rb'\((?P<flags>[^)]*)\) (?P<delim>"(?:\\.|[^"\\])"|NIL) ')
_UNTAGGED_COUNT = re.compile(rb"\* (\d+) (EXISTS|EXPUNGE)\b", re.IGNORECASE)
_LITERAL_AT_END = re.compile(rb"\{(\d+)\+?\}$")


def _parse_internaldate(text: bytes) -> datetime | None:
    m = _INTERNALDATE.search(text)
    if m is None:
        return None
    month = _MONTHS.get(m.group(2).decode("ascii").upper())
    if month is None:
        return None
    offset = timedelta(hours=int(m.group(8)), minutes=int(m.group(9)))
    if m.group(7) == b"-":
        offset = -offset
    local = datetime(
        int(m.group(3)),
        month,
        int(m.group(1)),
        int(m.group(4)),
        int(m.group(5)),
        int(m.group(6)),
        tzinfo=timezone(offset),
    )
    return local.astimezone(UTC)


@dataclass
class _FetchItem:
    text: bytes  # the response without its literals
    literals: list[tuple[bytes, bytes]]  # (text just before the literal, literal)


def _fetch_items(data: Sequence[object]) -> list[_FetchItem]:
    """Group imaplib's flat FETCH data into one item per ``* n FETCH`` response.

    imaplib gives a response with literals as ``(text-before, literal)`` tuples
    followed by the bytes that end the line; one without literals as bytes.
    """
    items: list[_FetchItem] = []
    current = _FetchItem(b"", [])
    for part in data:
        if isinstance(part, tuple) and len(part) == 2:
            head, literal = part
            if isinstance(head, bytes) and isinstance(literal, bytes):
                current.text += head
                current.literals.append((head, literal))
        elif isinstance(part, bytes):
            current.text += part
            items.append(current)
            current = _FetchItem(b"", [])
    if current.text:
        items.append(current)
    return items


def _uid_set(uids: Sequence[int]) -> str:
    """``[1, 2, 3, 7]`` → ``"1:3,7"`` (input ascending)."""
    parts: list[str] = []
    start = prev = uids[0]
    for uid in uids[1:]:
        if uid == prev + 1:
            prev = uid
            continue
        parts.append(f"{start}:{prev}" if prev != start else str(start))
        start = prev = uid
    parts.append(f"{start}:{prev}" if prev != start else str(start))
    return ",".join(parts)


def _plan_batches(sizes: Sequence[tuple[int, int]], count: int, max_bytes: int) -> list[list[int]]:
    batches: list[list[int]] = []
    current: list[int] = []
    used = 0
    for uid, size in sizes:
        if current and (len(current) >= count or used + size > max_bytes):
            batches.append(current)
            current, used = [], 0
        current.append(uid)
        used += size
    if current:
        batches.append(current)
    return batches


def _bytes_only(data: Sequence[object]) -> list[bytes]:
    return [d for d in data if isinstance(d, bytes)]


def _text(data: Sequence[object]) -> str:
    return b" ".join(_bytes_only(data)).decode("utf-8", "replace")[:300]


class _LineReader:
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


# --- the mailbox -----------------------------------------------------------------------


@dataclass
class _Selected:
    folder: str
    uidvalidity: int
    uidnext: int
    exists: int
    keywords_ok: bool
    read_only: bool = False


class ImapMailbox:
    """One IMAP account; a context manager (``with ImapMailbox(account, pw) as box: ...``).

    Calls re-connect on their own after a failure, so a retry loop can simply call
    again after :class:`MailboxUnavailable`.
    """

    def __init__(self, account: ImapAccount, password: str) -> None:
        self.account = account
        self._password = password
        self._conn: imaplib.IMAP4 | None = None
        self._caps: frozenset[str] = frozenset()
        self._delimiter: str | None = None
        self._existing: set[str] = set()
        self._selected: _Selected | None = None
        self._fetched_uidnext: dict[str, int] = {}
        self._idle_tags = 0
        self._interrupted = threading.Event()

    @classmethod
    def from_keyring(cls, account: ImapAccount, secret_name: str = "imap") -> ImapMailbox:
        """The mailbox with its password read from the keyring entry ``secret_name``."""
        from services.store.keys import load_secret

        password = load_secret(secret_name)
        if password is None:
            raise MailboxAuthFailed(
                "ยังไม่ได้บันทึกรหัสผ่านของกล่องจดหมาย โปรดใส่รหัสผ่านในหน้าตั้งค่า",
                "No mailbox password is saved yet. Enter it in Settings.",
                detail=f"keyring has no secret {secret_name!r}",
                code="mailbox_no_password",
            )
        return cls(account, password)

    def __repr__(self) -> str:  # never shows the password
        return f"ImapMailbox({self.account.label}, security={self.account.security})"

    @property
    def name(self) -> str:
        return self.account.label

    def folder_source(self, folder: str) -> str:
        return f"imap:{self.account.username}@{self.account.host}/{folder}"

    # -- connection ------------------------------------------------------------------------

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

    def open(self) -> None:
        """Connect and sign in (nothing happens when already connected)."""
        self._ensure()

    def close(self) -> None:
        """Log out politely when possible; never raises, never waits long."""
        conn, self._conn = self._conn, None
        self._forget()
        if conn is None:
            return
        with contextlib.suppress(Exception):
            conn.socket().settimeout(min(self.account.timeout_s, 5.0))
            conn.logout()
        with contextlib.suppress(Exception):
            conn.shutdown()

    def _forget(self) -> None:
        self._caps = frozenset()
        self._delimiter = None
        self._existing.clear()
        self._selected = None

    def _drop(self) -> None:
        """Abandon a connection that failed mid-command (its stream is out of step)."""
        conn, self._conn = self._conn, None
        self._forget()
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.shutdown()

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn network and protocol failures into errors people can read."""
        try:
            yield
        except (MailFolderMissing, InvalidInput):
            raise
        except AnuyatError:
            self._drop()
            raise
        except ssl.SSLCertVerificationError as exc:
            self._drop()
            raise MailboxUnavailable(
                "ยืนยันใบรับรองความปลอดภัย (certificate) ของเซิร์ฟเวอร์อีเมลไม่ได้ จึงไม่ได้ส่งรหัสผ่านไป "
                "โปรดให้ผู้ดูแลระบบตรวจสอบชื่อเซิร์ฟเวอร์และใบรับรอง",
                "The mail server's security certificate could not be verified, so the password "
                "was not sent. Ask the IT administrator to check the server name and certificate.",
                detail=f"{self.account.label} {action}: {exc}",
                code="mailbox_certificate",
            ) from exc
        except (imaplib.IMAP4.error, OSError, EOFError) as exc:
            # imaplib.IMAP4.abort (and readonly) are IMAP4.error; socket timeouts and
            # ssl.SSLError are OSError.
            self._drop()
            raise MailboxUnavailable(
                detail=f"{self.account.label} {action}: {type(exc).__name__}: {exc}"
            ) from exc

    def _ssl_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.account.cafile:
            try:
                context.load_verify_locations(cafile=self.account.cafile)
            except (OSError, ssl.SSLError) as exc:
                raise _invalid(
                    "อ่านไฟล์ใบรับรอง (CA) ที่ระบุในหน้าตั้งค่าไม่ได้",
                    "The CA certificate file named in Settings cannot be read.",
                    f"{self.account.cafile}: {exc}",
                ) from exc
        return context

    def _ensure(self) -> imaplib.IMAP4:
        if self._conn is not None:
            return self._conn
        account = self.account
        with self._guard("connect"):
            conn: imaplib.IMAP4
            if account.security == "tls":
                conn = imaplib.IMAP4_SSL(
                    account.host,
                    account.port,
                    ssl_context=self._ssl_context(),
                    timeout=account.timeout_s,
                )
            else:
                conn = imaplib.IMAP4(account.host, account.port, timeout=account.timeout_s)
            try:
                self._secure_and_login(conn)
            except BaseException:
                with contextlib.suppress(Exception):
                    conn.shutdown()
                raise
            self._conn = conn
        return conn

    def _secure_and_login(self, conn: imaplib.IMAP4) -> None:
        account = self.account
        if account.security == "starttls":
            if "STARTTLS" not in conn.capabilities:
                raise MailboxUnavailable(
                    "เซิร์ฟเวอร์อีเมลไม่รองรับ STARTTLS จึงไม่ได้ส่งรหัสผ่านไป "
                    "โปรดเลือกการเชื่อมต่อแบบ TLS ในหน้าตั้งค่า หรือสอบถามผู้ดูแลระบบ",
                    "The mail server does not offer STARTTLS, so the password was not sent. "
                    "Choose TLS in Settings or ask the IT administrator.",
                    detail=f"{account.label}: capabilities {conn.capabilities!r}",
                    code="mailbox_no_starttls",
                )
            conn.starttls(ssl_context=self._ssl_context())
        elif account.security == "plain":
            # The host name said loopback; make sure the address it resolved to agrees.
            peer = conn.socket().getpeername()[0]
            if not is_loopback_host(str(peer)):
                raise InvalidInput(
                    "รหัสผ่านต้องไม่ถูกส่งผ่านเครือข่ายโดยไม่เข้ารหัส โปรดเลือกการเชื่อมต่อแบบ TLS หรือ STARTTLS",
                    "Passwords must not cross the network in clear text; use TLS or STARTTLS.",
                    detail=f"{account.host!r} resolved to non-loopback {peer!r}",
                    code="insecure_connection",
                )
        if "LOGINDISABLED" in conn.capabilities:
            raise MailboxAuthFailed(
                "เซิร์ฟเวอร์อีเมลไม่ยอมให้เข้าสู่ระบบผ่านการเชื่อมต่อนี้ โปรดเลือก TLS หรือ STARTTLS ในหน้าตั้งค่า",
                "The mail server does not allow signing in over this connection. "
                "Choose TLS or STARTTLS in Settings.",
                detail=f"{account.label}: LOGINDISABLED",
                code="mailbox_needs_tls",
            )
        user, password = account.username, self._password
        try:
            if (user + password).isascii():
                conn.login(_quote(user), password)
            else:
                # LOGIN is ASCII-only in imaplib; SASL PLAIN carries UTF-8.
                token = f"\0{user}\0{password}".encode()
                conn.authenticate("PLAIN", lambda _challenge: token)
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as exc:
            reason = str(exc)
            if "[UNAVAILABLE]" in reason or "[SERVERBUG]" in reason:
                raise MailboxUnavailable(detail=f"{account.label} login: {reason}") from None
            raise MailboxAuthFailed(detail=f"{account.label} login: {reason}") from None
        typ, data = conn.capability()
        if typ == "OK" and data and isinstance(data[-1], bytes):
            self._caps = frozenset(data[-1].decode("ascii", "replace").upper().split())
        else:
            self._caps = frozenset(c.upper() for c in conn.capabilities)

    # -- folders ---------------------------------------------------------------------------

    def _server_delimiter(self, conn: imaplib.IMAP4) -> str:
        if self._delimiter is None:
            typ, data = conn.list('""', '""')
            delimiter = "/"
            for line in data if typ == "OK" else []:
                if isinstance(line, bytes):
                    m = _LIST_LINE.match(line)
                    if m and m.group("delim") != b"NIL":
                        delimiter = m.group("delim")[1:-1].decode("ascii").replace("\\", "") or "/"
            self._delimiter = delimiter
        return self._delimiter

    def _server_name(self, conn: imaplib.IMAP4, folder: str) -> str:
        """The quoted, encoded name of ``folder`` (levels separated by ``/``) on this server."""
        if folder.upper() == "INBOX":
            return "INBOX"
        delimiter = self._server_delimiter(conn)
        name = folder.replace("/", delimiter) if delimiter != "/" else folder
        return _quote(encode_mailbox_name(name))

    def _folder_exists(self, conn: imaplib.IMAP4, server_name: str) -> bool:
        typ, data = conn.list('""', server_name)
        return typ == "OK" and any(isinstance(d, bytes | tuple) for d in data)

    def _ensure_folder(self, conn: imaplib.IMAP4, folder: str) -> str:
        server_name = self._server_name(conn, folder)
        if server_name in self._existing:
            return server_name
        if not self._folder_exists(conn, server_name):
            typ, data = conn.create(server_name)
            if typ != "OK" and not self._folder_exists(conn, server_name):
                raise MailboxUnavailable(
                    f"สร้างโฟลเดอร์ «{folder}» ในกล่องจดหมายไม่ได้ โปรดตรวจสอบชื่อโฟลเดอร์ในหน้าตั้งค่า",
                    f"The folder “{folder}” could not be created in the mailbox. "
                    "Check the folder name in Settings.",
                    detail=f"CREATE {server_name}: {typ} {_text(data)}",
                    code="mailbox_create_failed",
                )
            with contextlib.suppress(imaplib.IMAP4.error):
                conn.subscribe(server_name)  # so mail clients show it too
            log.info("created folder %s in %s", folder, self.account.label)
        self._existing.add(server_name)
        return server_name

    def _select(self, folder: str) -> _Selected:
        reused = self._conn is not None
        try:
            return self._select_once(folder)
        except MailboxUnavailable:
            if not reused or self._conn is not None:
                raise
            # The kept connection had died while unused (server restarted, NAT timeout):
            # SELECT changes nothing, so one more try on a fresh connection is safe.
            log.info("%s: connection was gone, reconnecting", self.name)
            return self._select_once(folder)

    def _select_once(self, folder: str) -> _Selected:
        conn = self._ensure()
        with self._guard(f"SELECT {folder}"):
            server_name = self._server_name(conn, folder)
            read_only = False
            try:
                typ, data = conn.select(server_name)
            except imaplib.IMAP4.readonly:
                # The account may only read this folder (ACL): reading still works.
                typ, data = conn.select(server_name, readonly=True)
                read_only = True
            if typ != "OK":
                if not self._folder_exists(conn, server_name):
                    raise MailFolderMissing(folder, detail=f"{self.account.label}: {_text(data)}")
                raise MailboxUnavailable(
                    detail=f"{self.account.label} SELECT {folder}: {typ} {_text(data)}"
                )
            uidvalidity = self._response_int(conn, "UIDVALIDITY")
            uidnext = self._response_int(conn, "UIDNEXT")
            if uidvalidity is None:
                raise MailboxUnavailable(detail=f"SELECT {folder}: no UIDVALIDITY from server")
            if uidnext is None:  # optional before IMAP4rev2; ask for it
                _, status = conn.status(server_name, "(UIDNEXT)")
                found = re.search(rb"UIDNEXT (\d+)", b" ".join(_bytes_only(status)))
                uidnext = int(found.group(1)) if found else 0
            _, perm = conn.response("PERMANENTFLAGS")
            permanent = perm[0] if perm and isinstance(perm[0], bytes) else b""
            keywords_ok = b"\\*" in permanent or PROCESSED_KEYWORD.encode() in permanent
            exists = int(data[-1]) if data and isinstance(data[-1], bytes) else 0
            self._selected = _Selected(
                folder, uidvalidity, uidnext, exists, keywords_ok and not read_only, read_only
            )
            return self._selected

    @staticmethod
    def _response_int(conn: imaplib.IMAP4, code: str) -> int | None:
        _, values = conn.response(code)
        for value in reversed(values or []):
            if isinstance(value, bytes) and value.strip().isdigit():
                return int(value)
        return None

    def select(self, folder: str) -> tuple[int, int]:
        """``(uidvalidity, uidnext)``; SELECT (not EXAMINE) so flag/move work later.

        Selecting never changes a message: bodies are read only with ``BODY.PEEK[]``.
        """
        selected = self._select(folder)
        return selected.uidvalidity, selected.uidnext

    # -- fetching --------------------------------------------------------------------------

    def fetch_new(self, folder: str, cursor: FolderCursor | None) -> Iterator[MailBatch]:
        """Batches of the messages with UID > ``cursor.last_uid``, ascending.

        A cursor from another UIDVALIDITY is void: the fetch starts from UID 0 and
        every batch says ``restarted``. Nothing yields when nothing is new.
        """
        selected = self._select(folder)
        uidvalidity = selected.uidvalidity
        restarted = cursor is not None and cursor.uidvalidity != uidvalidity
        after = cursor.last_uid if cursor is not None and not restarted else 0
        if restarted:
            log.warning(
                "%s/%s: UIDVALIDITY changed (%s → %s); reading the folder again from the start",
                self.account.label,
                folder,
                cursor.uidvalidity if cursor else None,
                uidvalidity,
            )
        self._fetched_uidnext[folder] = selected.uidnext
        if selected.exists == 0 or (selected.uidnext and selected.uidnext <= after + 1):
            return
        sizes = self._sizes_after(folder, after)
        if not sizes:
            return
        self._fetched_uidnext[folder] = max(selected.uidnext, sizes[-1][0] + 1)
        plan = _plan_batches(sizes, self.account.batch_size, self.account.batch_max_bytes)
        done = 0
        for uids in plan:
            mails = self._fetch_bodies(folder, uidvalidity, uids)
            if mails is None:  # UIDVALIDITY changed under us: the rest of the plan is void
                return
            done += len(uids)
            yield MailBatch(
                mails,
                cursor=FolderCursor(uidvalidity, uids[-1]),
                restarted=restarted,
                done=done,
                total=len(sizes),
            )

    def _reselect(self, folder: str, uidvalidity: int) -> bool:
        """Make ``folder`` the selected one again; False when its UIDVALIDITY changed."""
        if self._conn is not None and self._selected is not None:
            if self._selected.folder == folder:
                return self._selected.uidvalidity == uidvalidity
        return self._select(folder).uidvalidity == uidvalidity

    def _sizes_after(self, folder: str, after: int) -> list[tuple[int, int]]:
        """``(uid, size)`` of every message with UID > ``after``, ascending."""
        conn = self._ensure()
        with self._guard(f"UID FETCH sizes {folder}"):
            typ, data = conn.uid("FETCH", f"{after + 1}:*", "(UID RFC822.SIZE)")
            if typ != "OK":
                raise MailboxUnavailable(detail=f"UID FETCH {after + 1}:* {typ} {_text(data)}")
        sizes: dict[int, int] = {}
        for item in _fetch_items(data):
            uid_m, size_m = _UID.search(item.text), _SIZE.search(item.text)
            # "n:*" always includes the highest message, even when its UID ≤ after.
            if uid_m and size_m and int(uid_m.group(1)) > after:
                sizes[int(uid_m.group(1))] = int(size_m.group(1))
        return sorted(sizes.items())

    def _fetch_bodies(self, folder: str, uidvalidity: int, uids: list[int]) -> list[RawMail] | None:
        if not self._reselect(folder, uidvalidity):
            return None
        conn = self._ensure()
        source = self.folder_source(folder)
        wanted = set(uids)
        found: dict[int, RawMail] = {}
        with self._guard(f"UID FETCH bodies {folder}"):
            typ, data = conn.uid("FETCH", _uid_set(uids), "(UID INTERNALDATE BODY.PEEK[])")
            if typ != "OK":
                raise MailboxUnavailable(detail=f"UID FETCH {_uid_set(uids)}: {typ} {_text(data)}")
            for item in _fetch_items(data):
                uid_m = _UID.search(item.text)
                if uid_m is None or int(uid_m.group(1)) not in wanted:
                    continue  # an unsolicited FETCH (flags changed by another client)
                uid = int(uid_m.group(1))
                body = self._body_of(item)
                if body is None:
                    continue
                when = _parse_internaldate(item.text)
                if when is None:
                    log.warning("%s/%s UID %s: no INTERNALDATE; using now", source, folder, uid)
                    when = datetime.now(UTC)
                found[uid] = RawMail(source=source, uid=str(uid), internal_date=when, data=body)
            missing = sorted(wanted - set(found))
            if missing:
                self._check_gone(conn, missing)
        return [found[uid] for uid in uids if uid in found]

    @staticmethod
    def _body_of(item: _FetchItem) -> bytes | None:
        for head, literal in item.literals:
            if _BODY_LITERAL.search(head):
                return literal
        quoted = _BODY_QUOTED.search(item.text)
        if quoted is not None:
            return re.sub(rb"\\(.)", rb"\1", quoted.group(1))
        return None

    def _check_gone(self, conn: imaplib.IMAP4, missing: list[int]) -> None:
        """Skipping a UID is right only when the message was expunged; else retry later."""
        typ, data = conn.uid("SEARCH", "UID", _uid_set(missing))
        still = {
            int(n) for d in data if isinstance(d, bytes) for n in d.split() if n.isdigit()
        } & set(missing)
        if typ != "OK" or still:
            raise MailboxUnavailable(
                detail=f"server returned no body for existing UIDs {sorted(still)[:20]} ({typ})"
            )
        log.info("%s: UIDs %s were expunged before they could be read", self.name, missing[:20])

    # -- after-processing --------------------------------------------------------------------

    def mark_processed(
        self, folder: str, uids: Sequence[str], *, uidvalidity: int | None = None
    ) -> bool:
        """Flag or move the committed messages ``uids`` of ``folder`` as configured.

        ``flag`` sets the keyword ``$AnuyatProcessed`` (``\\Flagged`` when the server
        accepts no new keywords). ``move`` uses UID MOVE, else COPY + ``\\Deleted`` +
        UID EXPUNGE of exactly these UIDs (without UIDPLUS the copies are left marked
        ``\\Deleted`` rather than expunging anything else). Repeating it is harmless.
        """
        action = self.account.after
        if action == "none" or not uids:
            return True
        numbers = sorted({self._uid_number(u) for u in uids})
        selected = self._select(folder)
        if uidvalidity is not None and uidvalidity != selected.uidvalidity:
            log.warning(
                "%s/%s: not marking %d messages, UIDVALIDITY is now %s (was %s)",
                self.name,
                folder,
                len(numbers),
                selected.uidvalidity,
                uidvalidity,
            )
            return False
        if selected.read_only:
            raise AnuyatError(
                f"บัญชีนี้อ่านโฟลเดอร์ «{folder}» ได้อย่างเดียว จึงติดธงหรือย้ายอีเมลที่บันทึกแล้วไม่ได้ "
                "โปรดเลือก «ไม่ต้องทำอะไร» เป็นการจัดการหลังบันทึกในหน้าตั้งค่า หรือขอสิทธิ์เขียนจากผู้ดูแลระบบ",
                f"This account may only read the folder “{folder}”, so recorded mail cannot be "
                "flagged or moved. Choose “nothing” as the after-processing action in Settings, "
                "or ask the IT administrator for write access.",
                detail=f"{self.name}/{folder}: READ-ONLY",
                code="mailbox_read_only",
            )
        conn = self._ensure()
        with self._guard(f"{action} {folder}"):
            target = self._ensure_folder(conn, self.account.move_to) if action == "move" else ""
            for start in range(0, len(numbers), _STORE_CHUNK):
                uid_set = _uid_set(numbers[start : start + _STORE_CHUNK])
                if action == "flag":
                    keyword = PROCESSED_KEYWORD if selected.keywords_ok else "\\Flagged"
                    self._ok(conn.uid("STORE", uid_set, "+FLAGS.SILENT", f"({keyword})"), "STORE")
                elif "MOVE" in self._caps:
                    self._ok(conn.uid("MOVE", uid_set, target), "MOVE")
                else:
                    self._ok(conn.uid("COPY", uid_set, target), "COPY")
                    self._ok(conn.uid("STORE", uid_set, "+FLAGS.SILENT", "(\\Deleted)"), "STORE")
                    if "UIDPLUS" in self._caps:
                        self._ok(conn.uid("EXPUNGE", uid_set), "EXPUNGE")
        return True

    @staticmethod
    def _uid_number(uid: str) -> int:
        text = str(uid).strip()
        if not text.isdigit() or int(text) == 0:
            raise InvalidInput(
                "หมายเลขข้อความ (UID) ไม่ถูกต้อง",
                "A message number (UID) is not valid.",
                detail=f"not an IMAP UID: {uid!r}",
            )
        return int(text)

    @staticmethod
    def _ok(result: tuple[str, list[object]], what: str) -> None:
        typ, data = result
        if typ != "OK":
            raise MailboxUnavailable(detail=f"UID {what}: {typ} {_text(data)}")

    # -- waiting for news --------------------------------------------------------------------

    def supports_idle(self) -> bool:
        """Whether the server announces IDLE (connects if needed)."""
        self._ensure()
        return "IDLE" in self._caps

    def idle(self, folder: str, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` (at most 29 min) for new mail in ``folder``.

        True when the server reported new messages, or when mail has arrived since
        the last :meth:`fetch_new` of this folder (returns at once then). Without
        IDLE on the server it waits and compares UIDNEXT: polling, same answer.
        False on timeout or after :meth:`interrupt`.
        """
        if self._interrupted.is_set():
            self._interrupted.clear()
            return False
        selected = self._select(folder)
        known = self._fetched_uidnext.get(folder)
        if known is not None and selected.uidnext > known:
            return True
        wait = max(0.0, min(timeout_s, _IDLE_MAX_S))
        if "IDLE" not in self._caps:
            if self._interrupted.wait(wait):
                self._interrupted.clear()
                return False
            self._selected = None
            return self._select(folder).uidnext > selected.uidnext
        conn = self._ensure()
        try:
            with self._guard(f"IDLE {folder}"):
                sock = conn.socket()
                previous_timeout = sock.gettimeout()
                try:
                    return self._idle_exchange(conn, sock, selected.exists, wait)
                finally:
                    if self._conn is conn:
                        sock.settimeout(previous_timeout)
        except MailboxUnavailable:
            if self._interrupted.is_set():  # our own interrupt() cut the connection
                self._interrupted.clear()
                return False
            raise

    def interrupt(self) -> None:
        """From another thread: make a running :meth:`idle` return False now (app closing).

        The connection is cut to wake the waiting read; the next call reconnects.
        """
        self._interrupted.set()
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(OSError, AttributeError):
                conn.socket().shutdown(socket.SHUT_RDWR)

    def _idle_exchange(
        self, conn: imaplib.IMAP4, sock: socket.socket, exists: int, wait: float
    ) -> bool:
        self._idle_tags += 1
        tag = b"ANYIDLE%d" % self._idle_tags
        reader = _LineReader(sock)
        conn.send(tag + b" IDLE\r\n")
        deadline = time.monotonic() + self.account.timeout_s
        news = False
        while True:
            line = reader.readline(deadline)
            if line.startswith(b"+"):
                break
            if line.startswith(tag + b" "):
                raise MailboxUnavailable(detail=f"IDLE refused: {line[:200]!r}")
            news, exists = self._idle_line(line, news, exists)
        end = time.monotonic() + wait
        while not news:
            try:
                line = reader.readline(end)
            except TimeoutError:
                break
            news, exists = self._idle_line(line, news, exists)
        conn.send(b"DONE\r\n")
        deadline = time.monotonic() + self.account.timeout_s
        while True:
            line = reader.readline(deadline)
            if line.startswith(tag + b" "):
                if not line[len(tag) + 1 :].upper().startswith(b"OK"):
                    raise MailboxUnavailable(detail=f"IDLE ended with {line[:200]!r}")
                break
            news, exists = self._idle_line(line, news, exists)
        if reader.leftover:  # bytes imaplib will never see: start afresh next time
            self._drop()
        elif self._selected is not None:
            self._selected.exists = exists
        return news

    @staticmethod
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
