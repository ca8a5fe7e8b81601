"""Open a profile's encrypted store: key from the keyring, schema brought up to date.

A station profile is a data directory holding ``anuyat.db`` (SQLCipher) and ``blobs/``; an
agency profile's folder names instead the agency's PostgreSQL database
(:mod:`services.store.server_link`), and the same migrations bring that schema up to date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from models.store import (
    MIGRATION_LOCK,
    create_server_engine,
    create_store_engine,
    make_session_factory,
)
from services.kernel.errors import AnuyatError
from services.store import keys
from services.store.blobstore import BlobStore
from services.store.profile_lock import UPGRADE_LOCK, profile_lock
from services.store.schema_head import head_revision, stored_revision
from services.store.server_blobs import ServerBlobStore
from services.store.server_link import ServerLink, read_link

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "Store",
    "StoreLocked",
    "key_opens_store",
    "open_store",
    "is_profile",
    "ServerUnreachable",
    "ServerNotTrusted",
    "StationRefused",
    "ServerSchemaMismatch",
    "server_unreachable",
    "upgrade_store",
    "DB_FILE",
    "BLOB_DIR",
]

log = logging.getLogger(__name__)

DB_FILE = "anuyat.db"
BLOB_DIR = "blobs"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


class StoreLocked(AnuyatError):
    code = "store_locked"


class ServerUnreachable(AnuyatError):
    code = "server_unreachable"


class ServerSchemaMismatch(AnuyatError):
    """The agency's database and this workstation's Anuyat are of different versions."""

    code = "server_schema_mismatch"


class ServerNotTrusted(ServerUnreachable):
    """The machine answering is not the agency's server as its CA vouches for it."""

    code = "server_not_trusted"


class StationRefused(ServerUnreachable):
    """The server answers but no longer admits this workstation's role."""

    code = "station_refused"


# The server's words when a station's role is locked (anuyat server revoke-station) or its
# password is not the one the server has.
_STATION_REFUSED = re.compile(r"is not permitted to log in|password authentication failed")

# libpq's words when verify-full refuses the server's certificate (an expired one, one the
# agency's CA did not sign, or one for another name).
_CERTIFICATE_REFUSED = re.compile(r"certificate verify failed|does not match host name")


def server_unreachable(exc: OperationalError) -> ServerUnreachable:
    """What an officer reads when the agency's server does not answer (the transaction was
    rolled back whole; what they typed is still on their screen)."""
    if _STATION_REFUSED.search(str(exc.orig)):
        return StationRefused(
            "เครื่องแม่ข่ายของหน่วยงานไม่รับเครื่องนี้แล้ว (ถูกถอนสิทธิ์ หรือรหัสผ่านของเครื่องไม่ตรง) "
            "— ขอไฟล์ลงทะเบียนเครื่องใหม่จากผู้ดูแลระบบ แล้วเข้าร่วมด้วย anuyat join FILE",
            "The agency's server no longer admits this workstation (its access was withdrawn, "
            "or its password does not match). Ask your IT administrator for a new enrolment "
            "file and join with 'anuyat join FILE'.",
            detail=repr(exc.orig),
        )
    if _CERTIFICATE_REFUSED.search(str(exc.orig)):
        return ServerNotTrusted(
            "เครื่องที่ตอบในนามเครื่องแม่ข่ายของหน่วยงานไม่ได้แสดงใบรับรองที่ถูกต้อง (ใบรับรองหมดอายุ "
            "ออกโดยผู้อื่น หรือชื่อเครื่องไม่ตรง) จึงไม่ได้เชื่อมต่อ — แจ้งผู้ดูแลระบบ "
            "(anuyat server renew-cert บนเครื่องแม่ข่าย) ไม่มีข้อมูลใดสูญหาย",
            "The machine answering for the agency's server did not show a valid certificate "
            "(expired, issued by someone else, or for another name), so this computer did not "
            "connect. Tell your IT administrator (anuyat server renew-cert on the server). "
            "Nothing was lost.",
            detail=repr(exc.orig),
        )
    return ServerUnreachable(
        "ติดต่อเครื่องแม่ข่ายของหน่วยงานไม่ได้ — ตรวจสายแลนหรือเครือข่าย แล้วลองใหม่ "
        "หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ (ไม่มีข้อมูลใดสูญหาย)",
        "The agency's server cannot be reached. Check the network cable or Wi-Fi and try "
        "again; if it still fails, tell your IT administrator. Nothing was lost.",
        detail=repr(exc.orig),
    )


@dataclass
class Store:
    data_dir: Path
    engine: Engine
    sessions: sessionmaker[Session]  # writers: each transaction takes the write lock first
    blobs: BlobStore
    reads: sessionmaker[Session]  # readers: never wait for a writer (see models.store)
    anchor_key: bytes = field(default=b"", repr=False)
    """Authenticates the audit chain's checkpoints outside the store (services.store.anchors)."""

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_store(engine: Engine) -> None:
    """Apply every pending migration inside one transaction on a keyed connection."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several stations share the database: one migrates, the others wait and then
            # find the schema current (the lock goes with this transaction).
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        # The usual case, a current schema, without Alembic's machinery (a cold start's
        # import cost); anything else is Alembic's to judge, as it always was.
        known_head = head_revision(MIGRATIONS_DIR)
        if known_head is not None and stored_revision(connection) == known_head:
            return
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = _alembic_config()
        head = ScriptDirectory.from_config(config).get_current_head()
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        if connection.dialect.name == "postgresql":
            _may_migrate_server(connection, config, current)
        log.info("upgrading store schema from %s to %s", current, head)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _may_migrate_server(connection: Connection, config: Config, current: str | None) -> None:
    """Refuse, in words, a migration the agency's server would refuse in SQL.

    Only the server profile (the migration role, services.server) changes the schema of the
    agency's database; a workstation connects as the application role, which may not. A
    workstation newer than the database waits for the server's administrator; one older
    than the database must be updated itself.
    """
    from alembic.script import ScriptDirectory

    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise ServerSchemaMismatch(
            "ฐานข้อมูลบนเครื่องแม่ข่ายถูกปรับโดย Anuyat รุ่นที่ใหม่กว่าโปรแกรมบนเครื่องนี้ "
            "— ปรับรุ่น Anuyat บนเครื่องนี้ แล้วเปิดใหม่ (ไม่มีข้อมูลใดถูกเปลี่ยน)",
            "The agency server's database was brought up to date by a newer Anuyat than the "
            "one on this computer. Update Anuyat here, then start it again. Nothing was "
            "changed.",
            detail=f"server at revision {current}, unknown here",
            code="server_schema_newer",
        )
    may_create = connection.exec_driver_sql(
        "SELECT has_schema_privilege('public', 'CREATE')"
    ).scalar_one()
    if not may_create:
        raise ServerSchemaMismatch(
            "ฐานข้อมูลบนเครื่องแม่ข่ายยังเป็นรุ่นเก่ากว่าโปรแกรมบนเครื่องนี้ — ให้ผู้ดูแลเครื่องแม่ข่าย"
            "ปรับฐานข้อมูลก่อน (anuyat server upgrade บนเครื่องแม่ข่าย) แล้วเปิดโปรแกรมใหม่ "
            "(ไม่มีข้อมูลใดถูกเปลี่ยน)",
            "The agency server's database is older than Anuyat on this computer. Ask the "
            "server's administrator to bring it up to date ('anuyat server upgrade' on the "
            "server), then start Anuyat again. Nothing was changed.",
            detail=f"server at revision {current}; this role may not change the schema",
            code="server_schema_behind",
        )


def key_opens_store(db_path: Path, master: bytes) -> bool:
    """Whether ``master`` opens the SQLCipher store at ``db_path``; reads only, writes nothing.

    A plain connection keyed with the derived store key reads the schema: a wrong key
    fails with "file is not a database" before anything could be written.
    """
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(db_path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{keys.store_key_hex(master)}'\"")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        return False
    finally:
        connection.close()
    return True


def is_profile(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a profile: a station's store or a link to the agency's."""
    return (data_dir / DB_FILE).exists() or read_link(data_dir) is not None


def open_store(data_dir: Path, *, create: bool = False) -> Store:
    """Open (or with ``create``, initialise) the encrypted store of a profile."""
    data_dir.mkdir(parents=True, exist_ok=True)
    link = read_link(data_dir)
    if link is not None:
        return open_server_store(data_dir, link, create=create)
    db_path = data_dir / DB_FILE
    if create and not db_path.exists() and not keys.has_master_key(data_dir):
        master = keys.create_master_key(data_dir)
    else:
        if not db_path.exists() and not create:
            raise StoreLocked(
                f"ยังไม่มีฐานข้อมูลในโฟลเดอร์ {data_dir} — สั่ง 'anuyat init' หรือ 'anuyat demo' ก่อน",
                f"There is no store in {data_dir} yet. Run 'anuyat init' or 'anuyat demo' first.",
            )
        master = keys.load_master_key(data_dir)
    engine = create_store_engine(db_path, keys.store_key_hex(master))
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        raise StoreLocked(
            "เปิดฐานข้อมูลไม่ได้: กุญแจในที่เก็บกุญแจของเครื่องไม่ตรงกับฐานข้อมูลนี้ "
            "หรือไฟล์เสียหาย — กู้คืนด้วยไฟล์กุญแจกู้คืน (anuyat recovery import) หรือจากสำเนาสำรอง",
            "The store cannot be opened: the key in this computer's keyring does not match it, "
            "or the file is damaged. Restore with the recovery key (anuyat recovery import) "
            "or from a backup.",
            detail=str(exc),
        ) from exc
    # Two processes opening a profile after an update (the GUI and a scheduled sync) must
    # not both migrate it: the second waits, then finds the schema current.
    with profile_lock(data_dir, UPGRADE_LOCK, wait=300):
        upgrade_store(engine)
    blobs = BlobStore(data_dir / BLOB_DIR, keys.derive_key(master, "blobs"))
    anchor_key = keys.derive_key(master, keys.PURPOSE_EVENTS)
    return Store(
        data_dir,
        engine,
        make_session_factory(engine),
        blobs,
        make_session_factory(engine, write=False),
        anchor_key,
    )


def open_server_store(data_dir: Path, link: ServerLink, *, create: bool = False) -> Store:
    """Open the agency's PostgreSQL database as this profile's store.

    The master key (from the keyring, as on a station) encrypts the documents and
    authenticates the audit chain's anchors; the database itself is reached over TLS.
    """
    if create and not keys.has_master_key(data_dir):
        master = keys.create_master_key(data_dir)
    else:
        master = keys.load_master_key(data_dir)
    password = keys.load_server_password(data_dir)
    engine = create_server_engine(
        link.url, link.station_code, **({"password": password} if password else {})
    )
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1")).scalar_one()
    except OperationalError as exc:
        engine.dispose()
        raise server_unreachable(exc) from exc
    upgrade_store(engine)
    # In the database, where every station reads them (services.store.server_blobs says why).
    blobs = ServerBlobStore(engine, keys.derive_key(master, "blobs"))
    return Store(
        data_dir,
        engine,
        make_session_factory(engine),
        blobs,
        make_session_factory(engine, write=False),
        keys.derive_key(master, keys.PURPOSE_EVENTS),
    )
