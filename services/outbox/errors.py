"""How a send can fail: worth retrying (the link, this message later) or refused for good."""

from __future__ import annotations

from services.kernel.errors import AnuyatError, InvalidInput


class TemporaryFailure(AnuyatError):
    """Not sent now, worth trying again later; the message stays queued."""

    code = "mail_temporary_failure"


class TransportUnavailable(TemporaryFailure):
    """The mail server cannot take anything now (no link, 421, login refused …).

    :func:`send_due` stops its run on this: every further message would fail the same way.
    """

    code = "mail_transport_unavailable"


class DeliveryDeferred(TemporaryFailure):
    """The server took the connection but asked to try *this* message later (4xx)."""

    code = "mail_delivery_deferred"


class RecipientRefused(AnuyatError):
    """The server refused this message for good (5xx): it will not be retried by itself."""

    code = "mail_recipient_refused"


def reply_text(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return " ".join(text.split())[:200]


def invalid(th: str, en: str, code: str, detail: str | None = None) -> InvalidInput:
    return InvalidInput(th, en, code=code, detail=detail)
