"""Whether an automatic reply may go to a message (RFC 3834 and common practice).

An acknowledgement sent to an auto-responder, a mailing list or a bounce address starts a
mail loop or spams a list, so any sign of automation blocks it.
"""

from __future__ import annotations

import re

from services.intake.mail.headers import first_header

__all__ = ["auto_reply_reason"]

_NOREPLY_LOCAL = re.compile(
    r"(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?)"
    r"($|[-_.+])",
    re.IGNORECASE,
)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply", "auto-reply"})
_SUPPRESS_VALUES = frozenset({"all", "autoreply", "oof"})


def auto_reply_reason(headers: dict[str, list[str]], sender_address: str) -> str | None:
    """Why an automatic reply must not go to this message (RFC 3834 and common practice)."""
    auto = (first_header(headers, "auto-submitted") or "").strip().lower()
    if auto and auto.split(";", 1)[0].strip() != "no":
        return f"Auto-Submitted: {auto[:40]}"
    precedence = (first_header(headers, "precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in ("list-id", "list-unsubscribe"):
        if name in headers:
            return f"mailing list ({name})"
    suppress = (first_header(headers, "x-auto-response-suppress") or "").lower()
    if {v.strip() for v in re.split(r"[,\s]+", suppress)} & _SUPPRESS_VALUES:
        return "X-Auto-Response-Suppress"
    for name in ("x-autoreply", "x-autorespond"):
        if name in headers:
            return f"automatic reply ({name})"
    return_path = first_header(headers, "return-path")
    if return_path is not None and return_path.strip() in ("<>", ""):
        return "empty Return-Path (a bounce)"
    if not sender_address or "@" not in sender_address:
        return "no sender address"
    local = sender_address.rsplit("@", 1)[0]
    if _NOREPLY_LOCAL.search(local):
        return f"sender does not take replies ({local[:40]})"
    content_type = (first_header(headers, "content-type") or "").lower()
    if content_type.strip().startswith("multipart/report"):
        return "delivery or read report"
    return None
