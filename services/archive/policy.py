"""How long a closed request is kept: for ever unless the agency sets a period.

Two settings: ``retention_years`` for every service (0, the default: kept indefinitely) and
``retention_by_service``, entries ``CODE=YEARS`` for the services whose legal period differs
(``0`` there keeps that service for ever whatever the agency-wide period).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from services.kernel.errors import InvalidInput

__all__ = ["RetentionPolicy", "past_period"]


@dataclass(frozen=True)
class RetentionPolicy:
    years: int = 0
    by_service: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, years: int, entries: Iterable[str]) -> RetentionPolicy:
        by_service: dict[str, int] = {}
        for entry in entries:
            code, _, value = str(entry).partition("=")
            if not code.strip() or not value.strip().isdigit():
                raise InvalidInput(
                    f"ตั้งค่า retention_by_service ไม่ถูกต้อง: '{entry}' ให้เขียนเป็น รหัสบริการ=จำนวนปี",
                    f"retention_by_service has '{entry}': write each as SERVICE_CODE=YEARS.",
                )
            by_service[code.strip()] = int(value)
        return cls(int(years), by_service)

    def keep_years(self, service_code: str | None) -> int:
        """Years to keep a request of ``service_code`` after it closed; 0: for ever."""
        if service_code and service_code in self.by_service:
            return self.by_service[service_code]
        return self.years

    @property
    def keeps_everything(self) -> bool:
        return self.years == 0 and not any(self.by_service.values())


def past_period(closed_at: datetime, years: int, now: datetime) -> bool:
    """Whether ``years`` whole years have passed since ``closed_at`` (29 Feb → 28 Feb)."""
    if years <= 0:
        return False
    try:
        until = closed_at.replace(year=closed_at.year + years)
    except ValueError:
        until = closed_at.replace(year=closed_at.year + years, day=28)
    return until <= now
