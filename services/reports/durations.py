"""How long a request took, in business days, and the percentile the report quotes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import utc

__all__ = ["business_days_taken", "mean", "percentile"]


def business_days_taken(
    calendar: BusinessCalendar,
    deemed_received: datetime,
    done: datetime,
    pauses: Sequence[tuple[datetime, datetime | None]] = (),
) -> float:
    """Open time from ``deemed_received`` to ``done`` in business days, without the open time
    spent waiting for the applicant (the SLA clock stands still then, so the report's days
    and the SLA agree). A pause still running at ``done`` counts until ``done``."""
    start, end = utc(deemed_received), utc(done)
    total = calendar.business_time_between(start, end)
    waited = timedelta(0)
    for began, ended in pauses:
        lo = max(utc(began), start)
        hi = min(utc(ended) if ended is not None else end, end)
        if hi > lo:
            waited += calendar.business_time_between(lo, hi)
    return max(total - waited, timedelta(0)) / calendar.day_length


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least ``share`` of the values at
    or below it (no interpolation, so the figure is always one request's own time)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]
