"""E-mail addresses and Message-IDs: checked, made, and written as the wire wants them."""

from __future__ import annotations

import logging
import re
import uuid

from services.kernel.errors import InvalidInput
from services.outbox.errors import invalid

log = logging.getLogger(__name__)

_LOCAL_PART = re.compile(r"[^\s@<>()\[\],;:\\\"]+")
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_MSG_ID = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")


def idna_domain(domain: str) -> str | None:
    """The domain as lowercase ASCII (IDNA A-labels), or ``None`` when it is not one."""
    text = domain.strip().lower()
    if not text.isascii():
        try:
            text = text.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = text.split(".")
    if len(text) > 253 or len(labels) < 2 or labels[-1].isdigit():
        return None
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        return None
    return text


def _bad_address(address: str) -> InvalidInput:
    shown = address.strip()[:100] or "(ว่าง / empty)"
    return invalid(
        f"ที่อยู่อีเมล “{shown}” ไม่ถูกต้อง — ตรวจสอบที่อยู่อีเมลของผู้รับแล้วลองใหม่",
        f"“{shown}” is not a valid e-mail address. Check the recipient's address and try again.",
        "bad_email_address",
    )


def check_address(address: str) -> str:
    """``address`` trimmed, or a bilingual :class:`InvalidInput` when it is obviously bad.

    Thai-script names and domains (EAI) are accepted; lists, display names, spaces and
    control characters are not.
    """
    text = address.strip() if isinstance(address, str) else ""
    local, at, domain = text.rpartition("@")
    if (
        not at
        or len(text) > 254
        or not 0 < len(local) <= 64
        or _LOCAL_PART.fullmatch(local) is None
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or not all(c.isprintable() for c in text)
        or idna_domain(domain) is None
    ):
        raise _bad_address(address if isinstance(address, str) else "")
    return text


def wire_address(address: str) -> str:
    """The address as written on the wire: an ASCII name keeps ASCII (IDNA domain)."""
    local, _, domain = address.rpartition("@")
    if local.isascii():
        return f"{local}@{idna_domain(domain) or domain}"
    return address  # a Thai-script name needs SMTPUTF8 anyway; keep the domain as typed


def make_message_id(domain: str) -> str:
    """A new ``<uuid@domain>`` Message-ID on the agency's domain."""
    ascii_domain = idna_domain(domain)
    if ascii_domain is None:
        raise invalid(
            f"โดเมน “{domain[:100]}” ใช้สร้างรหัสข้อความ (Message-ID) ไม่ได้ — "
            "ให้ผู้ดูแลระบบตรวจสอบที่อยู่อีเมลราชการของหน่วยงาน",
            f"“{domain[:100]}” cannot be used as the Message-ID domain. "
            "Ask the administrator to check the agency's official e-mail address.",
            "bad_message_id_domain",
        )
    return f"<{uuid.uuid4()}@{ascii_domain}>"


def own_message_id(value: str) -> str:
    text = value.strip()
    if not text.startswith("<"):
        text = f"<{text}>"
    if _MSG_ID.fullmatch(text) is None or len(text) > 300 or not text.isascii():
        raise invalid(
            "รหัสข้อความ (Message-ID) ไม่ถูกต้อง",
            "The Message-ID is not valid.",
            "bad_message_id",
            detail=f"message_id {value!r:.120}",
        )
    return text


def reply_ids(value: str | None) -> str | None:
    """The msg-ids in an inbound In-Reply-To, or ``None``; junk is dropped, never refused.

    A malformed id in the applicant's mail must not stop the acknowledgement.
    """
    if not value:
        return None
    ids = [i for i in _MSG_ID.findall(value) if i.isascii()][:1]
    if not ids:
        bare = value.strip()
        if bare.isascii() and _MSG_ID.fullmatch(f"<{bare}>"):
            ids = [f"<{bare}>"]
    if not ids:
        log.info("outbox: in_reply_to %r is not a Message-ID; left out", value[:120])
        return None
    return str(ids[0])[:300]


def one_line(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())
