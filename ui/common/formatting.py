"""How read-model values are shown: dates (Thai, Buddhist Era), SLA badges, roles, channels.

Pure functions over the frozen rows from ``services.api``; the only Qt they use is
``QCoreApplication.translate`` for the words, so they follow the UI language.

Dates come from :mod:`services.kernel.thai_dates` (Buddhist Era years, Bangkok time).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from services.api import (
    BANGKOK,
    ApplicationRow,
    Channel,
    SlaState,
    format_english_date,
    format_thai_date,
    utc,
)

__all__ = [
    "SlaBadge",
    "arrival_label",
    "channel_label",
    "deemed_label",
    "received_times_hint",
    "days_text",
    "format_date",
    "format_days",
    "role_label",
    "roles_text",
    "service_name",
    "sla_badge",
    "status_label",
]


def format_date(
    moment: datetime | None, language: str, *, with_time: bool = True, short: bool = True
) -> str:
    """A date as officers read it: Thai with the Buddhist Era year, or English (CE).

    The short form is for list cells (``1 ก.ย. 2568 09:23``); the long form is the one in
    letters (``1 กันยายน 2568 เวลา 09:23 น.``), from :mod:`services.kernel.thai_dates`.
    """
    if moment is None:
        return ""
    if not short:
        if language == "th":
            return format_thai_date(moment, with_time=with_time)
        return format_english_date(moment, with_time=with_time)
    if language == "th":
        text = format_thai_date(moment, short=True)
    else:
        text = format_english_date(moment, short=True)
    if with_time:
        # Without the "เวลา … น." words the date fits a list column at 1366 px.
        text += f" {utc(moment).astimezone(BANGKOK):%H:%M}"
    return text


def baht_exact(satang: int) -> str:
    """An amount with its satang always shown (``1,050.50``, ``350.00``): money received or
    owed, where the two decimals are part of the record."""
    whole, rest = divmod(satang, 100)
    return f"{whole:,}.{rest:02d}"


def baht_short(satang: int) -> str:
    """A price with two decimals only when it has satang (``2,000`` / ``350.50``)."""
    return baht_exact(satang) if satang % 100 else f"{satang // 100:,}"


def format_days(days: float) -> str:
    """``3``, ``0.5``, ``12`` — whole days without a decimal point."""
    rounded = round(days, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def days_text(days: float) -> str:
    """``3 days left`` / ``2 days late`` in whole business days, in the UI language: what is
    left rounds down (27.9 → 27, under one → "less than 1 day"), lateness rounds up (the
    exact figure goes in the tooltip, :func:`exact_days_text`)."""
    if 0 < days < 1:
        return QCoreApplication.translate("Sla", "less than 1 day left")
    whole = math.floor(days) if days >= 0 else -math.ceil(-days)
    amount = str(abs(whole))
    if days < 0:
        if amount == "1":
            return QCoreApplication.translate("Sla", "1 day late")
        return QCoreApplication.translate("Sla", "{days} days late").format(days=amount)
    if amount == "1":
        return QCoreApplication.translate("Sla", "1 day left")
    return QCoreApplication.translate("Sla", "{days} days left").format(days=amount)


def exact_days_text(days: float) -> str:
    """``27.9 business days`` (the figure the whole-day chip rounds)."""
    return QCoreApplication.translate("Sla", "Exactly {days} business days.").format(
        days=format_days(days)
    )


@dataclass(frozen=True)
class SlaBadge:
    text: str
    tooltip: str
    background: QColor
    foreground: QColor


# Colours chosen for contrast on white (WCAG AA for the badge text).
_SLA_COLOURS = {
    SlaState.ON_TRACK: ("#e3f1e6", "#1e6b34"),
    SlaState.AT_RISK: ("#fdf0d5", "#8a5a00"),
    SlaState.OVERDUE: ("#fbe1df", "#a4262c"),
    SlaState.PAUSED: ("#eceef1", "#4d5562"),
    SlaState.CLOSED: ("#f3f4f6", "#6b7280"),
}


def sla_badge(row: ApplicationRow) -> SlaBadge:
    """The SLA cell: business days left, coloured by the service's SLA state."""
    days = row.business_days_left
    state = row.sla_state
    if state == SlaState.CLOSED:
        text = QCoreApplication.translate("Sla", "Closed")
        tip = QCoreApplication.translate("Sla", "The application is closed; no deadline applies.")
    elif state == SlaState.PAUSED:
        text = QCoreApplication.translate("Sla", "Paused")
        tip = QCoreApplication.translate(
            "Sla", "The clock is stopped while waiting for the applicant."
        )
        if days is not None:
            tip += "\n" + QCoreApplication.translate(
                "Sla", "{days} business days left when the clock restarts."
            ).format(days=format_days(days))
    elif state == SlaState.OVERDUE or (days is not None and days < 0):
        text = days_text(days) if days else QCoreApplication.translate("Sla", "Overdue")
        tip = QCoreApplication.translate("Sla", "Past the deadline in the citizen manual.")
        if days:
            tip += "\n" + exact_days_text(abs(days))
    elif days is None:
        text = ""
        tip = ""
    else:
        text = days_text(days)
        tip = (
            QCoreApplication.translate("Sla", "Close to the deadline.")
            if state == SlaState.AT_RISK
            else QCoreApplication.translate("Sla", "Within the deadline.")
        )
        tip += "\n" + QCoreApplication.translate("Sla", "Counted in business days.")
        tip += "\n" + exact_days_text(days)
    background, foreground = _SLA_COLOURS[state]
    return SlaBadge(text, tip, QColor(background), QColor(foreground))


def status_label(row: ApplicationRow, language: str) -> str:
    return row.status_label_th if language == "th" else row.status_label_en


def service_name(row: ApplicationRow, language: str) -> str:
    """The service's name in the UI language; the list's tooltip gives both, so an officer
    in English mode still sees the legal Thai title of the citizen manual."""
    if language == "en":
        return row.service_name_en or row.service_name_th
    return row.service_name_th or row.service_name_en


# Two moments of a request, named the same in the list, the detail panel, the review screen
# and the CLI (`anuyat apps list`): when it arrived, and when it counts as received (the next
# working hour when it came outside office hours), from which the time limit runs.


def arrival_label() -> str:
    return QCoreApplication.translate("ReceivedTimes", "Arrived")


def deemed_label() -> str:
    return QCoreApplication.translate("ReceivedTimes", "Deemed received (SLA start)")


def received_times_hint() -> str:
    return QCoreApplication.translate(
        "ReceivedTimes",
        "When the request arrived. The time limit counts from its deemed-received time: "
        "the next working hour when it came outside office hours or on a holiday.",
    )


def channel_label(channel: Channel) -> str:
    labels = {
        Channel.EMAIL: QCoreApplication.translate("Channel", "Email"),
        Channel.DRIVE: QCoreApplication.translate("Channel", "Shared drive"),
        Channel.COUNTER: QCoreApplication.translate("Channel", "Counter"),
    }
    return labels.get(channel, channel)


def role_label(role: str) -> str:
    labels = {
        "intake": QCoreApplication.translate("Roles", "Intake"),
        "reviewer": QCoreApplication.translate("Roles", "Reviewer"),
        "finance": QCoreApplication.translate("Roles", "Finance"),
        "approver": QCoreApplication.translate("Roles", "Approver"),
        "supervisor": QCoreApplication.translate("Roles", "Supervisor"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels.get(role, role)


_ROLE_ORDER = ("intake", "reviewer", "finance", "approver", "supervisor", "admin")


def roles_text(roles: frozenset[str]) -> str:
    ordered = sorted(roles, key=lambda r: (_ROLE_ORDER.index(r) if r in _ROLE_ORDER else 99, r))
    return ", ".join(role_label(r) for r in ordered)
