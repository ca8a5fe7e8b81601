"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), with switches for trouble.

Load with ``pytest_plugins = ["tests.peers.smtp"]``. Fixtures:

* ``smtp_sink`` — plain SMTP on a free loopback port, SMTPUTF8 on;
* ``smtp_sink_starttls`` — the same behind STARTTLS, with a certificate from a throw-away
  CA (``sink.ca_file`` is what a client must trust).

A sink keeps every accepted delivery (envelope and raw bytes), can make the next N
recipients fail with 421/451 (temporary) or 550 (permanent), can demand a login, and can be
``stop()``-ped and ``start()``-ed on the same port to play a link that goes down and back.
"""

from __future__ import annotations

import email.policy
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser, Parser
from pathlib import Path
from typing import Any, Literal

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.peers.loopback import free_port, make_loopback_certificate

__all__ = ["Delivery", "SmtpSink", "smtp_sink", "smtp_sink_starttls"]

REPLIES = {
    421: "421 4.3.2 Service not available, closing channel",
    450: "450 4.2.1 Mailbox busy, try again later",
    451: "451 4.7.1 Greylisted, please try again later",
    550: "550 5.1.1 Mailbox unavailable: no such user",
    552: "552 5.2.2 Mailbox full",
    553: "553 5.1.3 Mailbox name not allowed",
}


@dataclass(frozen=True)
class Delivery:
    """One message the sink accepted."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    mail_options: tuple[str, ...]
    smtputf8: bool
    content: bytes
    """The bytes exactly as received after DATA."""

    def message(self) -> EmailMessage:
        """The received bytes parsed by the standard library (modern policy).

        An SMTPUTF8 message has raw UTF-8 headers (RFC 6532); the bytes parser would keep
        them as surrogates, so such a message is decoded first.
        """
        parsed = (
            Parser(policy=email.policy.default).parsestr(self.content.decode("utf-8"))
            if self.smtputf8
            else BytesParser(policy=email.policy.default).parsebytes(self.content)
        )
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def message_id(self) -> str:
        return str(self.message()["Message-ID"])


@dataclass
class _Failure:
    reply: str
    remaining: int
    recipient: str | None


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.sink.credentials is not None and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        reply = self.sink._take_failure(address)
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        assert isinstance(content, bytes)
        self.sink._record(
            Delivery(
                mail_from=str(envelope.mail_from),
                rcpt_tos=tuple(envelope.rcpt_tos),
                mail_options=tuple(envelope.mail_options),
                smtputf8=bool(envelope.smtp_utf8),
                content=content,
            )
        )
        return "250 2.0.0 Message accepted for delivery"


class SmtpSink:
    """An aiosmtpd server on 127.0.0.1 that records what it accepts."""

    host = "127.0.0.1"

    def __init__(
        self,
        *,
        mode: Literal["plain", "starttls"] = "plain",
        cert_dir: Path | None = None,
        smtputf8: bool = True,
    ) -> None:
        self.mode = mode
        self.smtputf8 = smtputf8
        self.port = free_port()
        self.deliveries: list[Delivery] = []
        self.credentials: tuple[str, str] | None = None
        self.logins: list[str] = []
        self._failures: list[_Failure] = []
        self._lock = threading.Lock()
        self._controller: Controller | None = None
        self.ca_file: Path | None = None
        self._tls_context: ssl.SSLContext | None = None
        if mode == "starttls":
            if cert_dir is None:
                raise ValueError("STARTTLS needs a directory for the certificates")
            self.ca_file, cert, key = make_loopback_certificate(cert_dir)
            self._tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._tls_context.load_cert_chain(cert, key)

    # --- life cycle ---

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        """Listen (again) on the sink's port."""
        if self._controller is not None:
            return
        kwargs: dict[str, Any] = {
            "authenticator": self._authenticate,
            "auth_require_tls": self.mode == "starttls",
            "enable_SMTPUTF8": self.smtputf8,
        }
        if self._tls_context is not None:
            kwargs.update(tls_context=self._tls_context, require_starttls=True)
        controller = Controller(_Handler(self), hostname=self.host, port=self.port, **kwargs)
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        """Stop listening: connections are refused, as when the link is down."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    # --- switches ---

    def fail_next(self, count: int = 1, code: int = 451, *, recipient: str | None = None) -> None:
        """Refuse the next ``count`` RCPT commands (for ``recipient`` only, if given)."""
        reply = REPLIES.get(code, f"{code} {'4.0.0' if code < 500 else '5.0.0'} Refused")
        with self._lock:
            self._failures.append(_Failure(reply, count, recipient.lower() if recipient else None))

    def require_login(self, username: str, password: str) -> None:
        """Accept mail only after AUTH with these credentials."""
        self.credentials = (username, password)

    def clear(self) -> None:
        with self._lock:
            self.deliveries.clear()
            self._failures.clear()

    # --- what arrived ---

    def messages(self) -> list[EmailMessage]:
        return [d.message() for d in self.deliveries]

    def by_message_id(self, message_id: str) -> list[Delivery]:
        return [d for d in self.deliveries if d.message_id == message_id]

    # --- called from the server thread ---

    def _take_failure(self, address: str) -> str | None:
        with self._lock:
            for failure in self._failures:
                if failure.recipient in (None, address.lower()) and failure.remaining > 0:
                    failure.remaining -= 1
                    return failure.reply
        return None

    def _record(self, delivery: Delivery) -> None:
        with self._lock:
            self.deliveries.append(delivery)

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword) or self.credentials is None:
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace")
        password = auth_data.password.decode("utf-8", "replace")
        ok = (login, password) == self.credentials
        if ok:
            self.logins.append(login)
        return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    """A plain SMTP sink on 127.0.0.1 (a free port), running."""
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink_starttls(tmp_path: Path) -> Iterator[SmtpSink]:
    """An SMTP sink that requires STARTTLS; trust ``sink.ca_file`` to talk to it."""
    sink = SmtpSink(mode="starttls", cert_dir=tmp_path / "smtp-tls")
    sink.start()
    yield sink
    sink.stop()
