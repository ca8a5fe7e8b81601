"""What each officer keeps for themselves: saved list views, the last list filter, whether
they want the daily digest, and when they last looked at their alerts.

Kept in the store, not in the workstation's per-user Qt settings: at an agency officers
change desks (the counter machine in the morning, a review desk in the afternoon) and
several officers share one operating-system account on a counter machine, so settings tied
to the machine's user would follow the wrong person. Each write is one upsert statement
(``INSERT … ON CONFLICT DO UPDATE``), so two windows of the same officer never lose one
another's change to a check-then-write race, on SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models import OfficerSetting
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.unit_of_work import UnitOfWork
from services.worklist.views import ListFilter, SavedView

__all__ = [
    "DIGEST",
    "MAX_VIEWS",
    "delete_view",
    "last_filter",
    "read_setting",
    "save_view",
    "saved_views",
    "set_digest",
    "set_last_filter",
    "wants_digest",
    "write_setting",
]

VIEWS: Final = "saved_views"
LAST_FILTER: Final = "last_filter"
DIGEST: Final = "daily_digest"
ALERTS_SEEN: Final = "alerts_seen_at"
MAX_VIEWS: Final = 20
_MAX_NAME: Final = 60


def _me(uow: UnitOfWork) -> str:
    if uow.actor.user_id is None:
        raise PermissionDenied(
            "รายการนี้ต้องทำโดยเจ้าหน้าที่ที่ลงชื่อเข้าใช้", "Only a signed-in officer can do this."
        )
    return uow.actor.user_id


def read_setting(session: Session, user_id: str, key: str) -> Any:
    return session.scalar(
        select(OfficerSetting.value).where(
            OfficerSetting.user_id == user_id, OfficerSetting.key == key
        )
    )


def write_setting(uow: UnitOfWork, key: str, value: Any) -> None:
    """Set one of the actor's own settings in a single upsert statement."""
    row = {"user_id": _me(uow), "key": key, "value": value, "updated_at": uow.now}
    dialect = uow.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(OfficerSetting).values(**row)
    statement = statement.on_conflict_do_update(
        index_elements=[OfficerSetting.user_id, OfficerSetting.key],
        set_={"value": statement.excluded.value, "updated_at": statement.excluded.updated_at},
    )
    uow.session.execute(statement)


def saved_views(session: Session, user_id: str) -> list[SavedView]:
    stored = read_setting(session, user_id, VIEWS)
    if not isinstance(stored, list):
        return []
    views = []
    for entry in stored:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            views.append(SavedView(entry["name"], ListFilter.from_json(entry.get("filter"))))
    return views


def _check_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InvalidInput("ตั้งชื่อมุมมองก่อนบันทึก", "Give the view a name before saving it.")
    if len(clean) > _MAX_NAME:
        raise InvalidInput(
            f"ชื่อมุมมองยาวเกิน {_MAX_NAME} ตัวอักษร — ตั้งชื่อให้สั้นลง",
            f"The view's name is longer than {_MAX_NAME} characters; choose a shorter one.",
        )
    return clean


def save_view(uow: UnitOfWork, name: str, list_filter: ListFilter) -> list[SavedView]:
    """Save (or replace, by name) one of the actor's list views; returns them all."""
    clean = _check_name(name)
    views = [v for v in saved_views(uow.session, _me(uow)) if v.name != clean]
    if len(views) >= MAX_VIEWS:
        raise InvalidInput(
            f"บันทึกมุมมองได้ไม่เกิน {MAX_VIEWS} รายการ — ลบมุมมองที่ไม่ใช้ก่อน",
            f"You can keep at most {MAX_VIEWS} views; delete one you no longer use first.",
        )
    views.append(SavedView(clean, list_filter))
    views.sort(key=lambda v: v.name)
    _store_views(uow, views)
    uow.record("officer.view_saved", "user", _me(uow), {"name": clean})
    return views


def delete_view(uow: UnitOfWork, name: str) -> list[SavedView]:
    views = [v for v in saved_views(uow.session, _me(uow)) if v.name != name]
    _store_views(uow, views)
    uow.record("officer.view_deleted", "user", _me(uow), {"name": name})
    return views


def _store_views(uow: UnitOfWork, views: list[SavedView]) -> None:
    write_setting(uow, VIEWS, [{"name": v.name, "filter": v.filter.as_json()} for v in views])


def last_filter(session: Session, user_id: str) -> ListFilter:
    return ListFilter.from_json(read_setting(session, user_id, LAST_FILTER))


def set_last_filter(uow: UnitOfWork, list_filter: ListFilter) -> None:
    # What the list showed last is a convenience, not a change to the case: no event.
    write_setting(uow, LAST_FILTER, list_filter.as_json())


def wants_digest(session: Session, user_id: str) -> bool:
    return read_setting(session, user_id, DIGEST) is True


def set_digest(uow: UnitOfWork, wanted: bool) -> None:
    write_setting(uow, DIGEST, bool(wanted))
    uow.record("officer.digest_chosen", "user", _me(uow), {"wanted": bool(wanted)})


def alerts_seen_at(session: Session, user_id: str) -> datetime | None:
    value = read_setting(session, user_id, ALERTS_SEEN)
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def mark_alerts_seen(uow: UnitOfWork) -> None:
    write_setting(uow, ALERTS_SEEN, uow.now.isoformat())
