"""The one source of "now" for the whole program, so tests can control time.

Every timestamp the workstation stores is an aware UTC datetime; business rules
(hours, holidays, deemed-received time) are computed in Asia/Bangkok.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

__all__ = ["BANGKOK", "Clock", "SystemClock", "FixedClock", "utc"]

BANGKOK = ZoneInfo("Asia/Bangkok")


def utc(moment: datetime) -> datetime:
    """Return ``moment`` as an aware UTC datetime; naive values are taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, benchmarks, the demo)."""

    def __init__(self, start: datetime) -> None:
        self._now = utc(start)

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = utc(moment)

    def advance(self, delta: timedelta) -> None:
        self._now += delta
