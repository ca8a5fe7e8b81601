"""``anuyat server enrol-station``: register a new station and write its enrolment file.

Run on the server, in the server profile. The station's code is the next free ``ST<n>``
(or the one asked for), taken inside one transaction that first locks the agency's row: two
enrolments at once take turns and the second sees the first's code, from whichever profile
they run (the server profile's writers queue on its station's lock anyway; writers of
different stations do not), and the code column is unique besides. The
station's own login role is made (:mod:`services.server.station_roles`) and the file written
before that transaction commits — a file that cannot be written leaves no station behind —
and both are removed again if the commit fails.

The file expires after ``valid_for`` (a week unless asked otherwise, at most 30 days) and
works once: its id and expiry are kept on the station's row, and the join claims the id
(:mod:`services.server.join`).
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from models import Agency, Station
from services.kernel.actors import SYSTEM
from services.kernel.errors import InvalidInput
from services.server.enrolment import Enrolment, seal_enrolment
from services.server.roles import ServerRoles
from services.server.setup import TLS_DIR, read_server_setup
from services.server.station_roles import create_station_role, drop_station_role
from services.server.tls import CA_CERT
from services.store import keys
from services.store.context import AppContext
from services.store.recovery import DEFAULT_KDF, KdfParams
from services.store.stations import add_station

__all__ = ["DEFAULT_VALIDITY", "MAX_VALIDITY", "EnrolledStation", "enrol_station"]

_NUMBERED = re.compile(r"^ST(\d{1,8})$")

DEFAULT_VALIDITY = timedelta(days=7)
"""Long enough to carry the file to a workstation; short enough that a forgotten copy dies."""
MAX_VALIDITY = timedelta(days=30)


@dataclass(frozen=True)
class EnrolledStation:
    code: str
    file: Path
    expires_at: datetime


def _write_new(out: Path, payload: bytes) -> None:
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise InvalidInput(
            f"มีไฟล์ {out.name} อยู่แล้ว — โปรแกรมจะไม่เขียนทับ เลือกชื่อใหม่",
            f"A file named {out.name} already exists; Anuyat will not overwrite it. "
            "Choose another name.",
            code="file_exists",
        ) from None
    except OSError as exc:
        raise InvalidInput(
            f"สร้างไฟล์ {out.name} ไม่ได้ — ตรวจว่าโฟลเดอร์มีอยู่และเขียนได้",
            f"Cannot create {out.name}; check that the folder exists and is writable.",
            detail=repr(exc),
            code="unwritable_file",
        ) from exc
    with os.fdopen(fd, "wb") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())


def enrol_station(
    context: AppContext,
    out: Path,
    passphrase: str,
    *,
    superuser: str = "",
    name: str = "",
    code: str | None = None,
    kdf: KdfParams = DEFAULT_KDF,
    valid_for: timedelta = DEFAULT_VALIDITY,
) -> EnrolledStation:
    """Register a station of the agency, make its login role (with the ``superuser``
    connection) and write its sealed enrolment file to ``out``, valid for ``valid_for``."""
    if not timedelta(hours=1) <= valid_for <= MAX_VALIDITY:
        raise InvalidInput(
            f"อายุของไฟล์ลงทะเบียนต้องอยู่ระหว่าง 1 ชั่วโมงถึง {MAX_VALIDITY.days} วัน",
            f"An enrolment file is valid for between one hour and {MAX_VALIDITY.days} days.",
            code="enrolment_validity",
        )
    data_dir = context.store.data_dir
    facts = read_server_setup(data_dir)
    roles = ServerRoles(facts.database, facts.owner_role, facts.app_role)
    master = keys.load_master_key(data_dir)
    ca_pem = (data_dir / TLS_DIR / CA_CERT).read_text(encoding="ascii")
    role: str | None = None
    written = False
    try:
        with context.unit_of_work(SYSTEM) as uow:
            uow.session.scalars(select(Agency.id).with_for_update()).one()
            chosen = code
            if chosen is None:
                taken = uow.session.scalars(select(Station.code)).all()
                numbers = [int(m.group(1)) for c in taken if (m := _NUMBERED.match(c))]
                chosen = f"ST{max(numbers, default=0) + 1}"
            station = add_station(uow, chosen, name or chosen)  # records station.created
            station.enrolment_id = str(uuid.uuid4())
            expires_at = station.enrolment_expires_at = uow.now + valid_for
            role, password = create_station_role(superuser, roles, station.code)
            uow.record(
                "station.role_created",
                "station",
                station.id,
                {
                    "role": role,
                    "enrolment": station.enrolment_id,
                    "expires_at": expires_at.isoformat(timespec="seconds"),
                },
            )
            enrolment = Enrolment(
                agency_code=uow.session.scalars(select(Agency.code)).one(),
                station_code=station.code,
                host=facts.host,
                port=facts.port,
                database=facts.database,
                role=role,
                password=password,
                ca_cert_pem=ca_pem,
                master_key_hex=master.hex(),
                enrolment_id=station.enrolment_id,
                expires_at=expires_at.isoformat(timespec="seconds"),
            )
            created_at = uow.now.isoformat(timespec="seconds")
            _write_new(out, seal_enrolment(enrolment, passphrase, created_at, kdf=kdf))
            written = True
    except BaseException:
        # The station was not registered after all: neither its role nor its file stay.
        if written:
            with contextlib.suppress(OSError):
                out.unlink()
        if role is not None:
            drop_station_role(superuser, role)
        raise
    return EnrolledStation(station.code, out, expires_at)
