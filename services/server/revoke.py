"""``anuyat server revoke-station CODE``: lock a lost or stolen workstation out.

Its login role is refused from now on and its open sessions end
(:func:`services.server.station_roles.lock_station_role`); the station's requests, events and
tracking numbers stay, and the act is an audit event. The workstation then reads that it is
no longer admitted (:class:`services.store.engine.StationRefused`), and its enrolment file,
if still unused, can no longer be used to join (its id is cleared from the station's row).

What it does not do: change the agency's master key. The lost computer's keyring, and its
enrolment file to whoever has the passphrase, still hold that key, and there is no key
rotation yet: any copy of the agency's data they obtain stays readable to them. The README's
agency-server section says what to do about that risk.
"""

from __future__ import annotations

from sqlalchemy import select

from models import Station
from services.kernel.actors import SYSTEM
from services.kernel.errors import InvalidInput, NotFound
from services.server.roles import ServerRoles
from services.server.setup import read_server_setup
from services.server.station_roles import lock_station_role, station_role
from services.store.context import AppContext

__all__ = ["revoke_station"]


def revoke_station(context: AppContext, code: str, *, superuser: str = "") -> int:
    """Lock station ``code`` out; how many of its sessions were ended."""
    facts = read_server_setup(context.store.data_dir)
    roles = ServerRoles(facts.database, facts.owner_role, facts.app_role)
    code = code.strip().upper()
    with context.unit_of_work(SYSTEM) as uow:
        station = uow.session.scalars(
            select(Station).where(Station.code == code).with_for_update()
        ).one_or_none()
        if station is None:
            raise NotFound(
                f"ไม่มีสถานีรหัส {code} — ดูรหัสได้ในรายการสถานี",
                f"There is no station {code}. Check the station's code.",
            )
        if station.id == context.station_id:
            raise InvalidInput(
                "สถานีนี้คือเครื่องแม่ข่ายเอง ถอนสิทธิ์ไม่ได้",
                "That station is the server itself; it cannot be locked out.",
            )
        ended = lock_station_role(superuser, station_role(roles, code))
        station.enrolment_id = None  # an unused enrolment file of it joins nothing now
        uow.record("station.revoked", "station", station.id, {"code": code, "ended": ended})
    return ended
