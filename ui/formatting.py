"""How read-model values are shown: dates (Thai, Buddhist Era), SLA badges, roles, channels.

Pure functions over the frozen rows from ``services.views``; the only Qt they use is
``QCoreApplication.translate`` for the words, so they follow the UI language.

``services/thai_dates.py`` did not exist when this was written, so the Thai date formatter
here is a small private one (``_thai_date``). When the service module lands, replace
``_thai_date`` with ``services.thai_dates.format_thai_date`` (same output shape).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from services.views import ApplicationRow

__all__ = [
    "SlaBadge",
    "channel_label",
    "format_date",
    "format_days",
    "role_label",
    "roles_text",
    "service_name",
    "sla_badge",
    "status_label",
]

BANGKOK = ZoneInfo("Asia/Bangkok")

_TH_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_TH_MONTHS_LONG = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
_EN_MONTHS_SHORT = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def _local(moment: datetime) -> datetime:
    # Stored times are aware UTC; a naive value is taken as UTC (services.clock.utc).
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BANGKOK)


def _thai_date(moment: datetime, *, with_time: bool = True, short: bool = True) -> str:
    """``27 พ.ย. 2568 14:05`` (short) or ``27 พฤศจิกายน 2568 เวลา 14:05 น.`` (long)."""
    local = _local(moment)
    be_year = local.year + 543
    if short:
        text = f"{local.day} {_TH_MONTHS_SHORT[local.month - 1]} {be_year}"
        return f"{text} {local:%H:%M}" if with_time else text
    text = f"{local.day} {_TH_MONTHS_LONG[local.month - 1]} {be_year}"
    return f"{text} เวลา {local:%H:%M} น." if with_time else text


def format_date(
    moment: datetime | None, language: str, *, with_time: bool = True, short: bool = True
) -> str:
    """A date as officers read it: Thai with the Buddhist Era year, or English (CE)."""
    if moment is None:
        return ""
    if language == "th":
        return _thai_date(moment, with_time=with_time, short=short)
    local = _local(moment)
    text = f"{local.day} {_EN_MONTHS_SHORT[local.month - 1]} {local.year}"
    return f"{text} {local:%H:%M}" if with_time else text


def format_days(days: float) -> str:
    """``3``, ``0.5``, ``12`` — whole days without a decimal point."""
    rounded = round(days, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


@dataclass(frozen=True)
class SlaBadge:
    text: str
    tooltip: str
    background: QColor
    foreground: QColor


# Colours chosen for contrast on white (WCAG AA for the badge text).
_SLA_COLOURS = {
    "on_track": ("#e3f1e6", "#1e6b34"),
    "at_risk": ("#fdf0d5", "#8a5a00"),
    "overdue": ("#fbe1df", "#a4262c"),
    "paused": ("#eceef1", "#4d5562"),
    "closed": ("#f3f4f6", "#6b7280"),
}


def sla_badge(row: ApplicationRow) -> SlaBadge:
    """The SLA cell: business days left, coloured by the service's SLA state."""
    days = row.business_days_left
    state = row.sla_state
    if state == "closed":
        text = QCoreApplication.translate("Sla", "Closed")
        tip = QCoreApplication.translate("Sla", "The application is closed; no deadline applies.")
    elif state == "paused":
        text = QCoreApplication.translate("Sla", "Paused")
        tip = QCoreApplication.translate(
            "Sla", "The clock is stopped while waiting for the applicant."
        )
        if days is not None:
            tip += "\n" + QCoreApplication.translate(
                "Sla", "{days} business days left when the clock restarts."
            ).format(days=format_days(days))
    elif state == "overdue" or (days is not None and days < 0):
        late = abs(days) if days else 0.0
        if not late:
            text = QCoreApplication.translate("Sla", "Overdue")
        elif format_days(late) == "1":
            text = QCoreApplication.translate("Sla", "1 day late")
        else:
            text = QCoreApplication.translate("Sla", "{days} days late").format(
                days=format_days(late)
            )
        tip = QCoreApplication.translate("Sla", "Past the deadline in the citizen manual.")
    elif days is None:
        text = ""
        tip = ""
    else:
        if format_days(days) == "1":
            text = QCoreApplication.translate("Sla", "1 day left")
        else:
            text = QCoreApplication.translate("Sla", "{days} days left").format(
                days=format_days(days)
            )
        tip = (
            QCoreApplication.translate("Sla", "Close to the deadline.")
            if state == "at_risk"
            else QCoreApplication.translate("Sla", "Within the deadline.")
        )
        tip += "\n" + QCoreApplication.translate("Sla", "Counted in business days.")
    background, foreground = _SLA_COLOURS.get(state, _SLA_COLOURS["paused"])
    return SlaBadge(text, tip, QColor(background), QColor(foreground))


def status_label(row: ApplicationRow, language: str) -> str:
    return row.status_label_th if language == "th" else row.status_label_en


def service_name(row: ApplicationRow) -> str:
    # Service names are the legal Thai titles from the citizen manual; English goes in
    # the tooltip so the list reads the same as the paperwork in either UI language.
    return row.service_name_th or row.service_name_en


def channel_label(channel: str) -> str:
    labels = {
        "email": QCoreApplication.translate("Channel", "Email"),
        "drive": QCoreApplication.translate("Channel", "Shared drive"),
        "counter": QCoreApplication.translate("Channel", "Counter"),
    }
    return labels.get(channel, channel)


def role_label(role: str) -> str:
    labels = {
        "intake": QCoreApplication.translate("Roles", "Intake"),
        "reviewer": QCoreApplication.translate("Roles", "Reviewer"),
        "finance": QCoreApplication.translate("Roles", "Finance"),
        "approver": QCoreApplication.translate("Roles", "Approver"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels.get(role, role)


_ROLE_ORDER = ("intake", "reviewer", "finance", "approver", "admin")


def roles_text(roles: frozenset[str]) -> str:
    ordered = sorted(roles, key=lambda r: (_ROLE_ORDER.index(r) if r in _ROLE_ORDER else 99, r))
    return ", ".join(role_label(r) for r in ordered)
