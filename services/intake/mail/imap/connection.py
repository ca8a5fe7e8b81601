"""The connection: TLS or STARTTLS, sign-in, errors people can read, folders and SELECT."""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Self

from services.intake.mail.imap.account import ImapAccount, invalid_settings, is_loopback_host
from services.intake.mail.imap.names import encode_mailbox_name, quote
from services.intake.mail.imap.responses import (
    LIST_LINE,
    bytes_only,
    response_text,
    server_text,
)
from services.intake.mail.sources import (
    PROCESSED_KEYWORD,
    MailboxAuthFailed,
    MailboxUnavailable,
    MailFolderMissing,
    OpensOnEnter,
)
from services.kernel.errors import AnuyatError, InvalidInput

log = logging.getLogger(__name__)


@dataclass
class Selected:
    """The folder this connection has selected, as the server described it."""

    folder: str
    uidvalidity: int
    uidnext: int
    exists: int
    keywords_ok: bool
    read_only: bool = False


class ImapConnection(OpensOnEnter):
    """One IMAP account's connection; a context manager (``with box: ...``).

    Calls re-connect on their own after a failure, so a retry loop can simply call
    again after :class:`MailboxUnavailable`. :class:`~services.intake.mail.imap.mailbox.
    ImapMailbox` builds the mail source on it.
    """

    def __init__(self, account: ImapAccount, password: str) -> None:
        self.account = account
        self._password = password
        self._conn: imaplib.IMAP4 | None = None
        self._caps: frozenset[str] = frozenset()
        self._delimiter: str | None = None
        self._existing: set[str] = set()
        self._selected: Selected | None = None

    @classmethod
    def from_keyring(cls, account: ImapAccount, secret_name: str) -> Self:
        """The mailbox with its password read from the keyring entry ``secret_name``.

        No default name: the entry is the one the settings saved the password under
        (``services.settings.sections.IMAP_SECRET``), which this layer does not know."""
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
                raise invalid_settings(
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
                conn.login(quote(user), password)
            else:
                # LOGIN is ASCII-only in imaplib; SASL PLAIN carries UTF-8.
                token = f"\0{user}\0{password}".encode()
                conn.authenticate("PLAIN", lambda _challenge: token)
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as exc:
            reason = str(exc)
            said = server_text(exc)
            if "[UNAVAILABLE]" in reason or "[SERVERBUG]" in reason:
                raise MailboxUnavailable(
                    detail=f"{account.label} login: {reason}", reply=said
                ) from None
            raise MailboxAuthFailed(detail=f"{account.label} login: {reason}", reply=said) from None
        typ, data = conn.capability()
        if typ == "OK" and data and isinstance(data[-1], bytes):
            self._caps = frozenset(data[-1].decode("ascii", "replace").upper().split())
        else:
            self._caps = frozenset(c.upper() for c in conn.capabilities)

    @property
    def capabilities(self) -> frozenset[str]:
        """What the server announced after sign-in (upper case), e.g. ``IDLE``, ``MOVE``."""
        self._ensure()
        return self._caps

    def folder_names(self) -> list[str]:
        """Every folder of the account, as the server lists them (for "Test connection")."""
        conn = self._ensure()
        with self._guard("LIST"):
            typ, data = conn.list()
        if typ != "OK":
            raise MailboxUnavailable(detail=f"{self.account.label} LIST: {response_text(data)}")
        names = []
        for line in data:
            if isinstance(line, bytes) and (m := LIST_LINE.match(line)):
                names.append(line[m.end() :].decode("utf-8", "replace").strip().strip('"'))
        return names

    # -- folders ---------------------------------------------------------------------------

    def _server_delimiter(self, conn: imaplib.IMAP4) -> str:
        if self._delimiter is None:
            typ, data = conn.list('""', '""')
            delimiter = "/"
            for line in data if typ == "OK" else []:
                if isinstance(line, bytes):
                    m = LIST_LINE.match(line)
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
        return quote(encode_mailbox_name(name))

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
                    detail=f"CREATE {server_name}: {typ} {response_text(data)}",
                    code="mailbox_create_failed",
                )
            with contextlib.suppress(imaplib.IMAP4.error):
                conn.subscribe(server_name)  # so mail clients show it too
            log.info("created folder %s in %s", folder, self.account.label)
        self._existing.add(server_name)
        return server_name

    def _select(self, folder: str) -> Selected:
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

    def _select_once(self, folder: str) -> Selected:
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
                    raise MailFolderMissing(
                        folder, detail=f"{self.account.label}: {response_text(data)}"
                    )
                raise MailboxUnavailable(
                    detail=f"{self.account.label} SELECT {folder}: {typ} {response_text(data)}"
                )
            uidvalidity = self._response_int(conn, "UIDVALIDITY")
            uidnext = self._response_int(conn, "UIDNEXT")
            if uidvalidity is None:
                raise MailboxUnavailable(detail=f"SELECT {folder}: no UIDVALIDITY from server")
            if uidnext is None:  # optional before IMAP4rev2; ask for it
                _, status = conn.status(server_name, "(UIDNEXT)")
                found = re.search(rb"UIDNEXT (\d+)", b" ".join(bytes_only(status)))
                uidnext = int(found.group(1)) if found else 0
            _, perm = conn.response("PERMANENTFLAGS")
            permanent = perm[0] if perm and isinstance(perm[0], bytes) else b""
            keywords_ok = b"\\*" in permanent or PROCESSED_KEYWORD.encode() in permanent
            exists = int(data[-1]) if data and isinstance(data[-1], bytes) else 0
            self._selected = Selected(
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
