"""When a mail counts as received, when the times it carries are after its arrival.

A mail's received time is the server's (IMAP INTERNALDATE, a Maildir file's time); the SLA
and the deemed-received time (M02) follow from it. A server with a wrong clock, a Maildir
file copied with a future time, or a sender's Date header weeks ahead would otherwise put a
request in the future, where it waits unseen. A time after the workstation took the mail
cannot be true: it is clamped to that arrival time and the officer is told, as the shared
drive does with a platform's time (``services.intake.drive.sidecar.platform_time``, M26).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from services.intake.hold_reasons import HOLD_REASONS
from services.kernel.thai_dates import format_english_date, format_thai_date

__all__ = ["CLOCK_SLACK", "settle_received_time"]

CLOCK_SLACK: Final = timedelta(minutes=10)
"""Clocks that disagree by less are ordinary drift, not worth an officer's attention."""


def settle_received_time(
    server_time: datetime, date_header: datetime | None, arrival: datetime
) -> tuple[datetime, tuple[str, ...]]:
    """The received time to record, and the officer's notes (Thai, English) if any time was
    after ``arrival``; the applicant's text is ``HOLD_REASONS["received_in_future"]``."""
    late = [t for t in (server_time, date_header) if t is not None and t > arrival + CLOCK_SLACK]
    if not late:
        return min(server_time, arrival), ()
    reason = HOLD_REASONS["received_in_future"]
    shown_th = ", ".join(format_thai_date(t, with_time=True) for t in late)
    shown_en = ", ".join(format_english_date(t, with_time=True) for t in late)
    notes = (reason.officer_th.format(detail=shown_th), reason.officer_en.format(detail=shown_en))
    return min(server_time, arrival), notes
