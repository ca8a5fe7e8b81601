"""Delivery through the agency's SMTP server: TLS or STARTTLS, login, replies classified."""

from __future__ import annotations

import contextlib
import ipaddress
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Literal

from services.kernel.errors import AnuyatError
from services.outbox.addresses import wire_address
from services.outbox.compose import message_bytes, needs_smtputf8
from services.outbox.errors import (
    DeliveryDeferred,
    RecipientRefused,
    TransportUnavailable,
    invalid,
    reply_text,
)

SMTP_PASSWORD_SECRET = "smtp-password"
"""Name of the SMTP password in the keyring (``keys.load_secret(SMTP_PASSWORD_SECRET)``)."""

_HOSTNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*")


Security = Literal["tls", "starttls", "plain"]
_SECURITY: tuple[Security, ...] = ("tls", "starttls", "plain")


@dataclass(frozen=True)
class SmtpSettings:
    """The agency's SMTP server. The password is not here: it lives in the keyring."""

    host: str
    """Server name or address."""
    port: int = 587
    """465 for ``tls``, 587 for ``starttls``."""
    security: Security = "starttls"
    """``tls`` (TLS from the start), ``starttls``, or ``plain`` (loopback relays only)."""
    username: str | None = None
    """Login, usually the official address; ``None`` for a relay without login."""
    cafile: str | None = None
    """Extra CA certificates (PEM) for a server with a certificate from a private CA."""
    timeout_s: float = 30.0
    """Seconds to wait for the server at each step."""

    def transport(self, password: str | None) -> SmtpTransport:
        """A transport for these settings; ``password`` from ``keys.load_secret``."""
        context = ssl.create_default_context(cafile=self.cafile) if self.cafile else None
        return SmtpTransport(
            self.host,
            self.port,
            self.security,
            self.username,
            password,
            self.timeout_s,
            ssl_context=context,
        )


def _is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _helo_name() -> str:
    # socket.getfqdn() (smtplib's default) asks DNS, which can hang for long on a bad link.
    name = socket.gethostname()
    return name if name.isascii() and _HOSTNAME.fullmatch(name) else "localhost"


class SmtpTransport:
    """Sends through the agency's SMTP server; one connection is reused within a run."""

    def __init__(
        self,
        host: str,
        port: int,
        security: Security,
        username: str | None,
        password: str | None,
        timeout_s: float = 30.0,
        *,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if security not in _SECURITY:
            raise invalid(
                "การตั้งค่าความปลอดภัย SMTP ต้องเป็น tls, starttls หรือ plain",
                "SMTP security must be 'tls', 'starttls' or 'plain'.",
                "bad_smtp_settings",
            )
        if not host.strip() or not 0 < port < 65536:
            raise invalid(
                "ต้องระบุชื่อเซิร์ฟเวอร์และพอร์ต SMTP ให้ถูกต้อง",
                "The SMTP server name and port are required.",
                "bad_smtp_settings",
            )
        if security == "plain" and not _is_loopback(host):
            raise invalid(
                f"ส่งอีเมลแบบไม่เข้ารหัส (plain) ได้เฉพาะไปยังเครื่องนี้เอง ไม่ใช่ {host} — "
                "ให้ใช้ tls หรือ starttls",
                f"Unencrypted SMTP ('plain') is allowed only to this computer, not to {host}. "
                "Use 'tls' or 'starttls'.",
                "smtp_plain_not_loopback",
            )
        if username and not password:
            raise invalid(
                "ไม่พบรหัสผ่าน SMTP ในที่เก็บกุญแจของเครื่อง — ให้ผู้ดูแลระบบบันทึกรหัสผ่านก่อน",
                "There is no SMTP password in this computer's keyring. "
                "Ask the administrator to store it first.",
                "smtp_password_missing",
            )
        self.host = host.strip()
        self.port = port
        self.security: Security = security
        self.username = username or None
        self._password = password
        self.timeout_s = timeout_s
        self._context = ssl_context or ssl.create_default_context()
        self._connection: smtplib.SMTP | None = None

    def __repr__(self) -> str:
        return (
            f"SmtpTransport({self.host!r}, {self.port}, {self.security!r}, "
            f"username={self.username!r})"
        )

    # --- errors ---

    @property
    def _where(self) -> str:
        return f"{self.host}:{self.port}"

    def _unreachable(self, exc: BaseException) -> TransportUnavailable:
        return TransportUnavailable(
            f"ติดต่อเซิร์ฟเวอร์อีเมล {self._where} ไม่ได้ (เครือข่ายขัดข้องหรือเซิร์ฟเวอร์ไม่ทำงาน) — "
            "ข้อความยังอยู่ในกล่องขาออกและจะส่งใหม่โดยอัตโนมัติ",
            f"Cannot reach the mail server {self._where} (network down or server not "
            "running). The messages stay in the outbox and will be sent automatically.",
            detail=repr(exc),
        )

    def _refused_now(self, code: int, text: str) -> TransportUnavailable:
        return TransportUnavailable(
            f"เซิร์ฟเวอร์อีเมล {self._where} ไม่รับอีเมลในขณะนี้ ({code} {text}) — จะส่งใหม่โดยอัตโนมัติ",
            f"The mail server {self._where} is not taking mail now ({code} {text}). "
            "It will be retried automatically.",
            detail=f"{code} {text}",
            reply=f"{code} {text}",
        )

    def _classify(self, code: int, text: str, to: str) -> AnuyatError:
        if code == 421 or code < 400:
            return self._refused_now(code, text)
        if code < 500:
            return DeliveryDeferred(
                f"เซิร์ฟเวอร์ปลายทางขอให้ส่งถึง {to} ใหม่ภายหลัง ({code} {text}) — จะลองใหม่โดยอัตโนมัติ",
                f"The server asked to try the message to {to} later ({code} {text}). "
                "It will be retried automatically.",
                detail=f"{code} {text}",
            )
        return RecipientRefused(
            f"เซิร์ฟเวอร์อีเมลปฏิเสธข้อความถึง {to} ({code} {text}) — ตรวจสอบที่อยู่อีเมลของผู้รับ แล้วสั่งส่งใหม่",
            f"The mail server refused the message to {to} ({code} {text}). "
            "Check the recipient's address, then send it again.",
            detail=f"{code} {text}",
        )

    # --- connection ---

    def _connect(self) -> smtplib.SMTP:
        helo = _helo_name()
        try:
            connection: smtplib.SMTP
            if self.security == "tls":
                connection = smtplib.SMTP_SSL(
                    self.host,
                    self.port,
                    local_hostname=helo,
                    timeout=self.timeout_s,
                    context=self._context,
                )
            else:
                connection = smtplib.SMTP(
                    self.host, self.port, local_hostname=helo, timeout=self.timeout_s
                )
        except ssl.SSLError as exc:
            raise self._tls_failed(exc) from exc
        except smtplib.SMTPConnectError as exc:
            raise self._refused_now(exc.smtp_code, reply_text(exc.smtp_error)) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise self._unreachable(exc) from exc
        try:
            connection.ehlo()
            if self.security == "starttls":
                if not connection.has_extn("starttls"):
                    raise TransportUnavailable(
                        f"เซิร์ฟเวอร์อีเมล {self._where} ไม่รองรับ STARTTLS จึงไม่ส่งรหัสผ่านและอีเมล"
                        "แบบไม่เข้ารหัส — ให้ผู้ดูแลระบบตรวจสอบการตั้งค่า SMTP",
                        f"The mail server {self._where} does not offer STARTTLS; Anuyat will "
                        "not send the password or mail unencrypted. Ask the administrator to "
                        "check the SMTP settings.",
                        detail="no STARTTLS in EHLO",
                    )
                connection.starttls(context=self._context)
                connection.ehlo()
            if self.username:
                connection.login(self.username, self._password or "")
        except TransportUnavailable:
            _quietly_close(connection)
            raise
        except smtplib.SMTPAuthenticationError as exc:
            _quietly_close(connection)
            raise TransportUnavailable(
                f"เซิร์ฟเวอร์อีเมล {self._where} ไม่ยอมรับชื่อผู้ใช้หรือรหัสผ่าน ({self.username}) — "
                "ให้ผู้ดูแลระบบตรวจสอบการตั้งค่า SMTP และรหัสผ่านในที่เก็บกุญแจ "
                "ข้อความยังอยู่ในกล่องขาออก",
                f"The mail server {self._where} refused the login ({self.username}). Ask the "
                "administrator to check the SMTP settings and the password in the keyring; "
                "the messages stay in the outbox.",
                detail=f"{exc.smtp_code} {reply_text(exc.smtp_error)}",
                reply=f"{exc.smtp_code} {reply_text(exc.smtp_error)}",
            ) from exc
        except ssl.SSLError as exc:
            _quietly_close(connection)
            raise self._tls_failed(exc) from exc
        except (OSError, smtplib.SMTPException) as exc:
            _quietly_close(connection)
            raise self._unreachable(exc) from exc
        return connection

    def _tls_failed(self, exc: BaseException) -> TransportUnavailable:
        return TransportUnavailable(
            f"เชื่อมต่อแบบเข้ารหัสกับเซิร์ฟเวอร์อีเมล {self._where} ไม่สำเร็จ (ใบรับรองไม่น่าเชื่อถือ "
            "หรือตั้งค่าความปลอดภัยไม่ตรงกัน) — ให้ผู้ดูแลระบบตรวจสอบการตั้งค่า SMTP",
            f"The secure connection to the mail server {self._where} failed (untrusted "
            "certificate or wrong security setting). Ask the administrator to check the SMTP "
            "settings; the messages stay in the outbox.",
            detail=repr(exc),
        )

    def _open(self) -> smtplib.SMTP:
        if self._connection is not None:
            try:
                if self._connection.noop()[0] == 250:
                    return self._connection
            except (OSError, smtplib.SMTPException):
                pass
            self.close()
        self._connection = self._connect()
        return self._connection

    def check(self) -> tuple[str, ...]:
        """Connect, secure and sign in as :meth:`send` would, send nothing, and hang up.

        Returns the extensions the server offers (EHLO keywords, upper case). Raises as
        :meth:`send` does; a refusal carries the server's line in ``reply``.
        """
        connection = self._connect()
        try:
            return tuple(sorted(name.upper() for name in connection.esmtp_features))
        finally:
            try:
                connection.quit()
            except (OSError, smtplib.SMTPException):
                _quietly_close(connection)

    def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                connection.quit()
            except (OSError, smtplib.SMTPException):
                _quietly_close(connection)

    def send(self, message: EmailMessage, envelope_from: str, to: str) -> None:
        """Deliver ``message`` to ``to``; see :class:`Transport`."""
        sender, recipient = wire_address(envelope_from), wire_address(to)
        international = needs_smtputf8(message, sender, recipient)
        connection = self._open()
        if international and not connection.has_extn("smtputf8"):
            raise RecipientRefused(
                f"ที่อยู่ {to} เป็นอักษรไทย แต่เซิร์ฟเวอร์อีเมลของหน่วยงานไม่รองรับ (SMTPUTF8) — "
                "ขอที่อยู่อีเมลอื่นจากผู้ยื่น หรือแจ้งผลทางช่องทางอื่น",
                f"The address {to} is in Thai script, but the agency's mail server does not "
                "support it (SMTPUTF8). Ask the applicant for another address or notify them "
                "another way.",
                detail="server lacks SMTPUTF8",
            )
        data = message_bytes(message, international=international)
        options = ["SMTPUTF8", "BODY=8BITMIME"] if international else []
        try:
            connection.sendmail(sender, [recipient], data, mail_options=options)
        except smtplib.SMTPRecipientsRefused as exc:
            self.close()
            code, reply = next(iter(exc.recipients.values()), (451, b"refused"))
            raise self._classify(code, reply_text(reply), to) from exc
        except smtplib.SMTPSenderRefused as exc:
            self.close()
            text = reply_text(exc.smtp_error)
            if exc.smtp_code == 421 or exc.smtp_code < 500:
                raise self._refused_now(exc.smtp_code, text) from exc
            # A refused sender is a setting to fix, not the message's fault: keep it queued.
            raise TransportUnavailable(
                f"เซิร์ฟเวอร์อีเมลไม่ยอมให้ส่งในนาม {envelope_from} ({exc.smtp_code} {text}) — "
                "ให้ผู้ดูแลระบบตรวจสอบว่าบัญชี SMTP ส่งในนามที่อยู่ราชการนี้ได้",
                f"The mail server does not allow sending as {envelope_from} "
                f"({exc.smtp_code} {text}). Ask the administrator to check that the SMTP "
                "account may send as the official address.",
                detail=f"{exc.smtp_code} {text}",
            ) from exc
        except smtplib.SMTPDataError as exc:
            self.close()
            raise self._classify(exc.smtp_code, reply_text(exc.smtp_error), to) from exc
        except ssl.SSLError as exc:
            self.close()
            raise self._tls_failed(exc) from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise self._unreachable(exc) from exc


def _quietly_close(connection: smtplib.SMTP) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):
        connection.close()
