"""Sender authentication as the agency's own mail server found it (RFC 8601).

The receiving server checks SPF, DKIM and DMARC and writes the verdict into an
``Authentication-Results`` header naming itself (its authserv-id). Anyone can write such a
header into a mail before sending it, so only the agency's server's own header is read.
"""

from __future__ import annotations

import re

from services.intake.types import SenderAuth

__all__ = ["sender_authentication"]


_COMMENT = re.compile(r"\([^()]*\)")
_RESULT = re.compile(r"^\s*([A-Za-z0-9_-]+)(?:/\d+)?\s*=\s*([A-Za-z0-9_-]+)")


def _auth_results(value: str) -> tuple[str, dict[str, str]]:
    """(authserv-id, {method: result}) of one Authentication-Results header."""
    # The header is ASCII (RFC 8601); anything else in it is noise, not a verdict.
    text = value.encode("ascii", "replace").decode("ascii").replace("\r", " ").replace("\n", " ")
    for _ in range(5):  # comments nest rarely; a few passes take them all out
        text = _COMMENT.sub(" ", text)
    parts = text.split(";")
    server = parts[0].strip().split()
    authserv_id = server[0].lower() if server else ""
    results: dict[str, str] = {}
    for part in parts[1:]:
        match = _RESULT.match(part)
        if match:
            results.setdefault(match.group(1).lower(), match.group(2).lower())
    return authserv_id, results


def sender_authentication(
    headers: dict[str, list[str]], authserv_id: str
) -> tuple[SenderAuth, str]:
    """("pass" | "fail" | "none", detail) from the agency's own Authentication-Results.

    Only a header whose authserv-id is the agency's receiving server counts: anyone can
    write an Authentication-Results header into a mail, so others are ignored, and of the
    agency's the topmost (added last, by the agency's server) is read. DMARC decides when
    present; without it, a hard SPF or DKIM failure with nothing passing is a failure
    (SPF softfail is not).
    """
    wanted = authserv_id.strip().lower()
    if not wanted:
        return "none", ""
    for value in headers.get("authentication-results", []):
        server, results = _auth_results(value)
        if server != wanted:
            continue
        detail = " ".join(f"{m}={r}" for m, r in sorted(results.items()))[:200]
        dmarc = results.get("dmarc")
        if dmarc == "fail":
            return "fail", detail
        if dmarc == "pass" or "pass" in (results.get("dkim"), results.get("spf")):
            return "pass", detail
        if results.get("spf") == "fail" or results.get("dkim") == "fail":
            return "fail", detail
        return "none", detail
    return "none", ""
