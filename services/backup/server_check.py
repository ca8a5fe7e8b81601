"""``anuyat backup verify --server URL``: is a restored agency database whole and usable?

A PostgreSQL dump restored (``pg_restore``) onto a server is checked as a station's snapshot
is: its schema is at this program's migration head, every station's audit chain walks, the
rows agree with the events (:mod:`services.kernel.state_check`), every document, issued
document and raw message names a blob the ``stored_blob`` table holds, and, with the
agency's key, every blob is read whole and authenticated against its address. With
``against`` (the live server's URL) the row counts of each table are compared too, for a
drill taken while nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models import Document, InboundMessage, IssuedDocument, StoredBlob
from services.backup.layout import BackupDamaged
from services.kernel.events import verify_chain
from services.kernel.state_check import check_state
from services.store import keys
from services.store.engine import MIGRATIONS_DIR
from services.store.server_blobs import ServerBlobStore

__all__ = ["ServerChecked", "server_counts", "verify_server"]


@dataclass(frozen=True)
class ServerChecked:
    database: str
    head: str
    events_checked: int
    blobs_checked: int
    blobs_authenticated: bool
    counts: Mapping[str, int] = field(default_factory=dict)


def _damaged(database: str, th: str, en: str, detail: str) -> BackupDamaged:
    return BackupDamaged(
        f"ฐานข้อมูลที่กู้คืน {database} ใช้ไม่ได้: {th}",
        f"The restored database {database} is not usable: {en}",
        detail=detail,
        code="server_restore_damaged",
    )


def _engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url)


def server_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table of the public schema (names from the schema, quoted)."""
    with engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
        return {
            n: connection.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names
        }


def _referenced(session: Session) -> set[str]:
    shas: set[str] = set()
    for column in (
        Document.blob_sha256,
        IssuedDocument.blob_sha256,
        InboundMessage.raw_blob_sha256,
    ):
        shas.update(sha for sha in session.scalars(select(column).distinct()) if sha)
    return shas


def verify_server(url: str, master: bytes | None, *, against: str | None = None) -> ServerChecked:
    engine = _engine(url)
    database = engine.url.database or "?"
    try:
        with engine.connect() as connection:
            head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        wanted = ScriptDirectory.from_config(config).get_current_head()
        if head != wanted:
            raise _damaged(database, f"โครงสร้างรุ่น {head} ไม่ใช่ {wanted}",
                           f"its schema is at migration {head}, not {wanted}",
                           f"alembic head {head} != {wanted}")  # fmt: skip
        with Session(engine) as session:
            report = verify_chain(session)
            if not report.ok:
                assert report.broken is not None
                raise _damaged(database, "บันทึกเหตุการณ์ขาดตอนหรือถูกแก้ไข",
                               "its audit chain is broken", report.broken.describe())  # fmt: skip
            mismatches = check_state(session)
            if mismatches:
                first = mismatches[0].describe()
                raise _damaged(database, "ข้อมูลไม่ตรงกับบันทึกเหตุการณ์",
                               "its rows differ from the events", first)  # fmt: skip
            needed = _referenced(session)
            stored = set(session.scalars(select(StoredBlob.sha256)))
        missing = sorted(needed - stored)
        if missing:
            raise _damaged(database, f"ไม่มีไฟล์เอกสาร {len(missing)} ไฟล์",
                           f"{len(missing)} document file(s) are missing from stored_blob",
                           f"missing blobs, first {missing[0]}")  # fmt: skip
        if master is not None:
            blobs = ServerBlobStore(engine, keys.derive_key(master, "blobs"))
            for sha in sorted(needed):
                blobs.get(sha)  # reads it whole; BlobCorrupted names what is wrong
        counts = server_counts(engine)
    except SQLAlchemyError as exc:
        raise _damaged(database, "เปิดหรืออ่านฐานข้อมูลไม่ได้", "it cannot be opened or read",
                       repr(exc)) from exc  # fmt: skip
    finally:
        engine.dispose()
    if against is not None:
        live_engine = _engine(against)
        try:
            live = server_counts(live_engine)
        finally:
            live_engine.dispose()
        differ = sorted(t for t in set(live) | set(counts) if live.get(t) != counts.get(t))
        if differ:
            raise _damaged(database, f"จำนวนแถวไม่ตรงกับเซิร์ฟเวอร์ที่ใช้งานในตาราง {', '.join(differ)}",
                           f"row counts differ from the live server in {', '.join(differ)}",
                           f"differ: {differ}")  # fmt: skip
    return ServerChecked(database, head, report.checked, len(needed), master is not None, counts)
