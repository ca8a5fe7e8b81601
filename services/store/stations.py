"""The workstations of an agency that share its server (the agency profile).

On a station's own store there is one station, created with the profile. On the agency's
server each workstation is a station of its own: its code goes into the tracking numbers it
hands out and into every event it records, so two stations never hand out one number.
Adding one is the server's IT administrator's action (``anuyat server enrol-station``, run
with the server's own credentials), recorded in the audit chain.
"""

from __future__ import annotations

from sqlalchemy import select

from models import Agency, Station
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.store.agency import CODE_PATTERN

__all__ = ["add_station"]


def add_station(uow: UnitOfWork, code: str, name: str) -> Station:
    """A new station of the agency; refuses a code already taken or not of the right form."""
    code = code.strip().upper()
    if not CODE_PATTERN.match(code):
        raise InvalidInput(
            "รหัสสถานีต้องเป็นอักษรโรมันตัวใหญ่หรือตัวเลข 2–10 ตัว เช่น ST2",
            "A station code is 2–10 capital Roman letters or digits, such as ST2.",
        )
    session = uow.session
    if session.scalar(select(Station.id).where(Station.code == code)) is not None:
        raise InvalidInput(
            f"มีสถานีรหัส {code} อยู่แล้ว — เลือกรหัสอื่น",
            f"There is already a station {code}. Choose another code.",
        )
    agency_id = session.scalars(select(Agency.id)).one()
    station = Station(agency_id=agency_id, code=code, name=name.strip() or code,
                      is_local=False, created_at=uow.now)  # fmt: skip
    session.add(station)
    session.flush()
    uow.record("station.created", "station", station.id, {"code": code})
    return station
