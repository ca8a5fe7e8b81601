"""The current state against the events: a row edited without an event is found.

The columns hold the current state and the event log how it came to be, so replaying
the events must give the columns back. Checked: each application's status, holder
(``assignee_id``) and applicant, and each applicant's name and whether a national ID
was given (the ID itself is never in an event). An edit made straight in the store,
or an application or applicant with no event at all, is reported.

The replay rules are the tables below: a service that changes the holder in a new way
must add its event type here (the demo's and the tests' workflows check them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Applicant, Application, Event, User

__all__ = ["HOLDER_CLEARED", "HOLDER_SET", "StateMismatch", "check_state"]

HOLDER_SET = {
    "application.claimed": "assignee",
    "application.reassigned": "to",
    "application.assigned": "holder",
}
"""Events that give an application a holder: event type → payload key with the username."""
HOLDER_CLEARED = frozenset({"application.released", "review.completed", "review.rejected"})
"""Events after which an application has no holder."""

_APPLICATION_EVENTS = (
    "application.received",
    "application.status_changed",
    *HOLDER_SET,
    *HOLDER_CLEARED,
)


@dataclass(frozen=True)
class StateMismatch:
    kind: str  # "application" | "applicant"
    label: str  # tracking number, or the row id
    field: str
    recorded: Any  # what the events say
    current: Any  # what the row says

    def describe(self) -> str:
        if self.field == "no_event":
            return f"{self.kind} {self.label}: no event records it (added without an event)"
        if self.field == "row_missing":
            return f"{self.kind} {self.label}: recorded by events, but its row is gone"
        if self.field == "name_th":  # personal data: say that it differs, not what it is
            return f"{self.kind} {self.label}: its name differs from the recorded one"
        return (
            f"{self.kind} {self.label}: {self.field} is {self.current!r} but the events say "
            f"{self.recorded!r} (changed without an event)"
        )


def _replay(session: Session) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    applications: dict[str, dict[str, Any]] = {}
    applicants: dict[str, dict[str, Any]] = {}
    rows = session.execute(
        select(Event.type, Event.aggregate_id, Event.payload)
        .where(Event.type.in_((*_APPLICATION_EVENTS, "applicant.registered")))
        .order_by(Event.seq)
        .execution_options(yield_per=5000)
    )
    for type_, aggregate_id, payload_text in rows:
        payload = json.loads(payload_text)
        if type_ == "applicant.registered":
            applicants[aggregate_id] = {
                "name_th": payload.get("name_th"),
                "has_national_id": bool(payload.get("has_national_id")),
            }
            continue
        if type_ == "application.received":
            applications[aggregate_id] = {
                "tracking_number": payload.get("tracking_number"),
                "status": payload.get("status"),
                "holder": None,
                "applicant_id": payload.get("applicant_id"),
            }
            continue
        state = applications.get(aggregate_id)
        if state is None:
            continue  # reported below as an application without its "received" event
        if type_ == "application.status_changed":
            state["status"] = payload.get("to")
        elif type_ in HOLDER_SET:
            state["holder"] = payload.get(HOLDER_SET[type_])
        elif type_ in HOLDER_CLEARED:
            state["holder"] = None
    return applications, applicants


def check_state(session: Session) -> list[StateMismatch]:
    """Every difference between the replayed events and the current rows."""
    recorded_apps, recorded_people = _replay(session)
    usernames: dict[str, str] = {
        user_id: username for user_id, username in session.execute(select(User.id, User.username))
    }
    found: list[StateMismatch] = []
    current = session.execute(
        select(
            Application.id,
            Application.tracking_number,
            Application.status,
            Application.assignee_id,
            Application.applicant_id,
        ).order_by(Application.tracking_number)
    )
    for app_id, tracking, status, assignee_id, applicant_id in current:
        recorded = recorded_apps.pop(app_id, None)
        if recorded is None:
            found.append(StateMismatch("application", tracking, "no_event", None, None))
            continue
        holder = usernames.get(assignee_id) if assignee_id else None
        for name, now in (("status", status), ("holder", holder), ("applicant_id", applicant_id)):
            if recorded[name] != now:
                found.append(StateMismatch("application", tracking, name, recorded[name], now))
    for app_id, recorded in recorded_apps.items():
        label = recorded["tracking_number"] or app_id
        found.append(StateMismatch("application", label, "row_missing", None, None))
    people = session.execute(
        select(Applicant.id, Applicant.name_th, Applicant.national_id).order_by(Applicant.id)
    )
    for person_id, name_th, national_id in people:
        recorded = recorded_people.pop(person_id, None)
        if recorded is None:
            found.append(StateMismatch("applicant", person_id, "no_event", None, None))
            continue
        if recorded["name_th"] != name_th:
            found.append(
                StateMismatch("applicant", person_id, "name_th", recorded["name_th"], name_th)
            )
        if recorded["has_national_id"] != (national_id is not None):
            found.append(
                StateMismatch(
                    "applicant",
                    person_id,
                    "has_national_id",
                    recorded["has_national_id"],
                    national_id is not None,
                )
            )
    for person_id in recorded_people:
        found.append(StateMismatch("applicant", person_id, "row_missing", None, None))
    return found
