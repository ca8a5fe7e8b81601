"""``anuyat join FILE``: make this computer a station of the agency from its enrolment file.

The file is opened with its passphrase; the agency CA's certificate goes into the profile
folder (it is public), the station role's password and the agency's master key into this
computer's keyring, and the link (server address, ``sslmode=verify-full``, station code)
into ``agency-server.toml``. Then the server is reached the way every start will reach it:
over TLS, checking its certificate against the agency's CA and its name, as the application
role, and the station must be one the server knows. Whatever fails, the caller removes what
was written (the CLI's undo), so a folder is joined whole or not at all.

A file past its expiry is refused before anything is written. Once connected, the join
claims the file on the server: one conditional update sets the station's ``joined_at``
where the row still carries this file's id, unexpired and never joined — two computers
joining with one file at the same moment, one wins and the other is refused (the row lock
makes the second update wait, then find ``joined_at`` set), on SQLite and PostgreSQL alike.
In the same transaction the station gives its role a new password, known only to this
computer's keyring: the one sealed in the file no longer logs in once the file was used. (The
agency's key in the file cannot be changed that way: README, "Agency server".)
"""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

from psycopg import sql
from sqlalchemy import Connection, select, update

from models import Station
from services.kernel.actors import SYSTEM
from services.kernel.clock import BANGKOK, Clock
from services.kernel.errors import InvalidInput
from services.kernel.fsutil import write_atomically
from services.server.enrolment import Enrolment, open_enrolment
from services.server.setup import server_url
from services.store import keys
from services.store.context import AppContext
from services.store.engine import StationRefused, is_profile
from services.store.profile import load_context
from services.store.server_link import ServerLink, write_link

__all__ = ["CA_FILE", "join_agency"]

CA_FILE = "agency-ca.crt"


def join_agency(data_dir: Path, file: Path, passphrase: str, clock: Clock) -> AppContext:
    """Join ``data_dir`` (a new folder) to the agency; the opened context, to be closed."""
    if is_profile(data_dir):
        raise InvalidInput(
            f"โฟลเดอร์ {data_dir} เป็นโปรไฟล์อยู่แล้ว — ไม่ได้เปลี่ยนแปลงอะไร เลือกโฟลเดอร์ใหม่ด้วย --data-dir",
            f"{data_dir} is a profile already; nothing was changed. Choose a new folder with "
            "--data-dir.",
            code="profile_exists",
        )
    enrolment = open_enrolment(file, passphrase)  # nothing written before this succeeds
    _refuse_expired(enrolment, clock.now())
    keys.check_keyring()
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        ca_file = data_dir / CA_FILE
        write_atomically(ca_file, enrolment.ca_cert_pem.encode("ascii"))
        keys.install_master_key(data_dir, bytes.fromhex(enrolment.master_key_hex))
        keys.install_server_password(data_dir, enrolment.password)
        url = server_url(
            enrolment.host, enrolment.port, enrolment.database, enrolment.role, ca_file.resolve()
        )
        write_link(data_dir, ServerLink(url=url, station_code=enrolment.station_code))
        # A certificate the agency's CA does not vouch for is refused here with its own
        # words (services.store.engine.ServerNotTrusted), as on every later start.
        try:
            context = load_context(data_dir, clock)
        except StationRefused as exc:
            # Its password was replaced by the join that used the file, or it was revoked.
            raise _used(enrolment) from exc
        try:
            _claim(context, enrolment)
        finally:
            # Its engine holds the file's password, which the claim replaced.
            context.store.close()
        return load_context(data_dir, clock)  # with the new password: proves it works
    except BaseException:
        # The caller removes the files; the agency's key leaves this keyring with them.
        keys.forget_agency_secrets(data_dir)
        raise


def _shown(moment: datetime) -> str:
    return f"{moment.astimezone(BANGKOK):%Y-%m-%d %H:%M}"


def _refuse_expired(enrolment: Enrolment, now: datetime) -> None:
    if now < enrolment.expiry():
        return
    raise InvalidInput(
        f"ไฟล์ลงทะเบียนนี้หมดอายุแล้วเมื่อ {_shown(enrolment.expiry())} — ขอไฟล์ใหม่จากผู้ดูแลเครื่องแม่ข่าย "
        "(anuyat server enrol-station) ไม่ได้เปลี่ยนแปลงอะไรบนเครื่องนี้",
        f"This enrolment file expired on {_shown(enrolment.expiry())} (Bangkok time). Ask "
        "the server's administrator for a new one (anuyat server enrol-station). Nothing "
        "was changed on this computer.",
        detail=f"station {enrolment.station_code}, enrolment {enrolment.enrolment_id}",
        code="enrolment_expired",
    )


def _claim(context: AppContext, enrolment: Enrolment) -> None:
    """Mark the file used on the server, or refuse it: used already, replaced, or expired
    by the server's reckoning (the row's expiry, not this computer's clock alone)."""
    with context.unit_of_work(SYSTEM) as uow:
        claimed = uow.session.execute(
            update(Station)
            .where(
                Station.code == enrolment.station_code,
                Station.enrolment_id == enrolment.enrolment_id,
                Station.enrolment_expires_at > uow.now,
                Station.joined_at.is_(None),
            )
            .values(joined_at=uow.now)
        )
        if getattr(claimed, "rowcount", 0) != 1:
            raise _used(enrolment)
        _new_role_password(uow.session.connection(), context.store.data_dir)
        station_id = uow.session.scalars(
            select(Station.id).where(Station.code == enrolment.station_code)
        ).one()
        uow.record("station.joined", "station", station_id, {"enrolment": enrolment.enrolment_id})


def _new_role_password(connection: Connection, data_dir: Path) -> None:
    """Give the station's role a new password (in the caller's transaction: undone with it)
    and keep it in the keyring. Any role may change its own password; it reaches the server
    hashed (SCRAM, computed here), as in :func:`services.server.roles.create_login_role`."""
    raw = connection.connection.driver_connection
    assert raw is not None  # a live connection of the transaction
    password = secrets.token_urlsafe(32)
    hashed = raw.pgconn.encrypt_password(
        password.encode("utf-8"), raw.info.user.encode("utf-8"), b"scram-sha-256"
    ).decode("ascii")
    statement = sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(sql.Literal(hashed))
    connection.exec_driver_sql(statement.as_string(raw))
    keys.install_server_password(data_dir, password)


def _used(enrolment: Enrolment) -> InvalidInput:
    return InvalidInput(
        "ไฟล์ลงทะเบียนนี้ถูกใช้ไปแล้ว (ใช้ได้ครั้งเดียว) มีไฟล์ใหม่มาแทน หรือสถานีถูกถอนสิทธิ์ — ขอไฟล์ใหม่จาก"
        "ผู้ดูแลเครื่องแม่ข่าย หากไม่มีเครื่องของหน่วยงานเครื่องใดเข้าร่วมด้วยไฟล์นี้ ให้แจ้งผู้ดูแลทันที "
        "ไฟล์อาจอยู่ในมือผู้อื่น (anuyat server revoke-station "
        f"{enrolment.station_code}) ไม่ได้เปลี่ยนแปลงอะไรบนเครื่องนี้",
        "This enrolment file was used already (it works once), a newer one replaced it, or "
        "its station was locked out. Ask the server's administrator for a new file. If no "
        "computer of the agency joined with this one, tell the administrator at once: the "
        f"file may be in other hands (anuyat server revoke-station {enrolment.station_code}). "
        "Nothing was changed on this computer.",
        detail=f"station {enrolment.station_code}, enrolment {enrolment.enrolment_id}",
        code="enrolment_used",
    )
