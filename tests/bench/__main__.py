"""``make bench``: the workstation's figures, each with its baseline from the same run.

Usage: python -m tests.bench [--apps N] [--single N] [--skip-gui] [--skip-ingest] [--mails N]
                            [--skip-review] [--skip-memory] [--save FILE] [--compare FILE]

The mail-intake figures need Dovecot (``installer/install-system-deps.sh``); a private
server is started on loopback for the run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import sqlcipher3.dbapi2 as sqlcipher

from services.cases.applications import create_application
from services.kernel.actors import Actor
from services.kernel.clock import FixedClock
from services.kernel.events import verify_chain
from services.store import keys
from services.store.context import AppContext
from services.store.engine import DB_FILE, open_store
from services.store.profile import AgencySetup, initialise_profile, load_context
from tests.bench.cold_start import bench_cold_start
from tests.bench.compare import compare, load_run, save_run
from tests.bench.ingest import bench_ingest, ingest_child
from tests.bench.table import Figure, best_of, render
from tests.conftest import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
INTAKE = Actor(username="bench", roles=frozenset({"intake"}))


def _profile(tmp: Path) -> AppContext:
    clock = FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))
    store = initialise_profile(
        tmp,
        AgencySetup(name_th="เทศบาลทดสอบ", name_en="Bench", code="BEN", number="1"),
        admin_username="admin",
        admin_password="bench-password",
        admin_display_name="admin",
        clock=clock,
    )
    store.close()
    return load_context(tmp, clock)


def bench_store_open(data_dir: Path) -> Figure:
    master = keys.load_master_key(data_dir)
    key_hex = keys.store_key_hex(master)

    def full() -> None:
        open_store(data_dir).close()

    def bare() -> None:
        conn = sqlcipher.connect(str(data_dir / DB_FILE))
        conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()

    return Figure(
        "store open (keyring + key + schema check)",
        best_of(10, full) * 1000,
        "ms",
        "bare SQLCipher connect + key + query",
        best_of(10, bare) * 1000,
    )


def _insert(context: AppContext, n: int, per_transaction: int, start: datetime) -> float:
    began = time.perf_counter()
    done = 0
    while done < n:
        with context.unit_of_work(INTAKE) as uow:
            for i in range(done, min(n, done + per_transaction)):
                create_application(
                    uow,
                    context.calendar,
                    agency_code="BEN",
                    station_code=context.station_code,
                    channel="email",
                    received_at=start + timedelta(minutes=7 * i),
                    subject=f"ขอใบอนุญาตจำหน่ายอาหาร ลำดับ {i}",
                    service_code="FOOD-SHOP",
                    source_key=f"bench-{start.isoformat()}-{i}",
                )
        done = min(n, done + per_transaction)
    return time.perf_counter() - began


def _raw_insert(context: AppContext, n: int, per_transaction: int) -> float:
    """The floor: the same number of rows into a same-shaped table, plain executemany."""
    key_hex = keys.store_key_hex(keys.load_master_key(context.store.data_dir))
    conn = sqlcipher.connect(str(context.store.data_dir / DB_FILE))
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("DROP TABLE IF EXISTS bench_raw")
    conn.execute("CREATE TABLE bench_raw AS SELECT * FROM application WHERE 0")
    columns = [r[1] for r in conn.execute("PRAGMA table_info(bench_raw)")]
    sample = conn.execute(f"SELECT {', '.join(columns)} FROM application LIMIT 1").fetchone()
    placeholders = ", ".join("?" for _ in columns)
    id_index = columns.index("id")
    track_index = columns.index("tracking_number")
    began = time.perf_counter()
    for chunk in range(0, n, per_transaction):
        rows = []
        for i in range(chunk, min(n, chunk + per_transaction)):
            row = list(sample)
            row[id_index] = f"raw-{i}"
            row[track_index] = f"RAW-{i}"
            rows.append(row)
        with conn:
            conn.executemany(f"INSERT INTO bench_raw VALUES ({placeholders})", rows)
    elapsed = time.perf_counter() - began
    conn.execute("DROP TABLE bench_raw")
    conn.commit()
    conn.close()
    return elapsed


def bench_inserts(context: AppContext, single: int, bulk: int) -> list[Figure]:
    start = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)
    t_single = _insert(context, single, 1, start)
    t_single_raw = _raw_insert(context, single, 1)
    t_bulk = _insert(context, bulk, 1000, start + timedelta(days=3650))
    t_bulk_raw = _raw_insert(context, bulk, 1000)
    return [
        Figure(
            f"register an application, own transaction (n={single})",
            t_single / single * 1000,
            "ms/app",
            "raw INSERT, 1 row per transaction",
            t_single_raw / single * 1000,
            "with tracking number, deemed time, SLA due date and a chained event each",
        ),
        Figure(
            f"insert {bulk:,} applications (1,000 per txn)",
            t_bulk,
            "s",
            "raw executemany of the same rows",
            t_bulk_raw,
        ),
    ]


def bench_verify(context: AppContext) -> Figure:
    with context.read() as session:
        began = time.perf_counter()
        report = verify_chain(session)
        t_verify = time.perf_counter() - began
    assert report.ok, report.broken
    key_hex = keys.store_key_hex(keys.load_master_key(context.store.data_dir))
    conn = sqlcipher.connect(str(context.store.data_dir / DB_FILE))
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    began = time.perf_counter()
    prev = "0" * 64
    for row in conn.execute(
        "SELECT id, station_id, station_seq, actor, occurred_at, type, aggregate_type, "
        "aggregate_id, payload FROM event ORDER BY seq"
    ):
        body = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        prev = hashlib.sha256((prev + body).encode()).hexdigest()
    t_floor = time.perf_counter() - began
    conn.close()
    return Figure(
        f"audit verify ({report.checked:,} events)",
        t_verify,
        "s",
        "raw read + SHA-256 of every row",
        t_floor,
    )


# --- review: queue, search and dashboard over a year of applications -----------------------

REVIEW_NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # Wednesday 10:00 in Bangkok
# (Thai, English) first and last names of the made-up applicants.
_FIRST = [
    ("สมชาย", "Somchai"), ("สมหญิง", "Somying"), ("ประเสริฐ", "Prasert"), ("มาลี", "Malee"),
    ("วิชัย", "Wichai"), ("สุนีย์", "Sunee"), ("ธนพล", "Thanaphon"), ("กาญจนา", "Kanchana"),
    ("อนันต์", "Anan"), ("พรทิพย์", "Pornthip"), ("สุรชัย", "Surachai"), ("นภา", "Napha"),
    ("กิตติ", "Kitti"), ("วันเพ็ญ", "Wanphen"), ("อรุณ", "Arun"), ("จันทร์เพ็ญ", "Chanphen"),
]  # fmt: skip
_LAST = [
    ("ทองดี", "Thongdee"), ("ใจดี", "Jaidee"), ("วงศ์ใหญ่", "Wongyai"), ("ศรีสุข", "Srisuk"),
    ("แสงทอง", "Saengthong"), ("บุญมา", "Boonma"), ("รักไทย", "Rakthai"), ("มั่นคง", "Mankong"),
    ("พูลสวัสดิ์", "Poonsawat"), ("เจริญผล", "Charoenphon"), ("สุขสวัสดิ์", "Suksawat"),
    ("ทองคำ", "Thongkham"),
]  # fmt: skip
_FORM_TEXT = (
    "แบบคำขอรับใบอนุญาต ข้าพเจ้า {name} เลขประจำตัวประชาชน {nid} ที่อยู่ {house} หมู่ {moo} "
    "ตำบลท่าน้ำใส อำเภอเมืองทองธารา จังหวัดทองธารา ขอยื่นคำขอ{service} "
    "พร้อมเอกสารหลักฐาน สำเนาบัตรประจำตัวประชาชน สำเนาทะเบียนบ้าน แผนที่ตั้งสถานประกอบการ"
)
_OPEN_MIX = ("received", "received", "in_review", "in_review", "in_review", "waiting_applicant",
             "payment_due", "ready_for_approval", "approved", "issued")  # fmt: skip
_CLOSED_MIX = ("delivered",) * 16 + ("rejected",) * 3 + ("withdrawn",)


def _bare(data_dir: Path) -> Any:
    conn = sqlcipher.connect(str(data_dir / DB_FILE))
    conn.execute(f"PRAGMA key = \"x'{keys.store_key_hex(keys.load_master_key(data_dir))}'\"")
    return conn


def _review_people(rng: random.Random, count: int) -> list[dict[str, Any]]:
    from services.kernel.thai_id import generate_valid_id

    people: list[dict[str, Any]] = []
    used: set[str] = set()
    for k in range(count):
        (first_th, first_en), (last_th, last_en) = rng.choice(_FIRST), rng.choice(_LAST)
        national_id = generate_valid_id(rng)
        while national_id in used:
            national_id = generate_valid_id(rng)
        used.add(national_id)
        people.append(
            {
                "id": f"applicant-{k:06d}",
                "kind": "person",
                "title_th": rng.choice(("นาย", "นาง", "นางสาว")),
                "name_th": f"{first_th} {last_th}",
                "name_en": f"{first_en} {last_en}",
                "national_id": national_id,
                "representative_th": "",
                "email": f"{first_en}.{last_en}{k}@example.co.th".lower(),
                "phone": f"08{rng.randrange(10**8):08d}",
                "address_th": "",
                "created_at": REVIEW_NOW,
            }
        )
    return people


def seed_review(context: AppContext, n: int, officers: int = 12) -> dict[str, float]:
    """``n`` applications over the year before REVIEW_NOW, as a year of work leaves them
    (applicants, 1-3 documents each, claims, mostly closed), by Core bulk inserts; then the
    search index through services.cases.search, the workstation's own code path. Timings in s."""
    from sqlalchemy import insert, select

    from models import Applicant, Application, Document, ServiceType, User
    from services.cases.search import flush_index, index_application, index_document
    from services.kernel.clock import BANGKOK
    from services.kernel.statuses import STATUSES

    rng = random.Random(2569)
    calendar = context.calendar
    with context.read() as session:
        services = session.execute(
            select(ServiceType.id, ServiceType.name_th, ServiceType.sla_business_days)
        ).all()
    officer_ids = [f"officer-{k:02d}" for k in range(officers)]
    people = _review_people(rng, max(1, n // 5))
    year_ago = REVIEW_NOW - timedelta(days=365)
    arrivals = sorted(year_ago + timedelta(seconds=rng.randrange(365 * 86400)) for _ in range(n))
    apps: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    texts: dict[str, list[tuple[str, str]]] = {}
    numbers: dict[int, int] = {}
    for k, received in enumerate(arrivals):
        deemed = calendar.deemed_received_at(received)
        if deemed > REVIEW_NOW:  # arrived after hours last night: keep "now" the newest
            deemed = received = REVIEW_NOW - timedelta(minutes=1 + k % 60)
        be_year = deemed.astimezone(BANGKOK).year + 543
        numbers[be_year] = numbers.get(be_year, 0) + 1
        service_id, service_th, days = services[k % len(services)]
        person = rng.choice(people)
        old = (REVIEW_NOW - deemed).days > 60
        status = rng.choice(_CLOSED_MIX if old and rng.random() > 0.03 else _OPEN_MIX)
        app_id = f"app-{k:07d}"
        channel = rng.choice(("email", "email", "email", "counter", "drive"))
        body = (
            f"เรียน เจ้าหน้าที่ ข้าพเจ้า{person['title_th']}{person['name_th']} "
            f"ขอยื่น{service_th} รายละเอียดตามเอกสารแนบ"
        )
        urgent = " กรณีเร่งด่วนฯ" if k % 500 == 0 else ""  # a rare two-letter search: "นฯ"
        apps.append(
            {
                "id": app_id,
                "tracking_number": f"BEN-ST1-{be_year}-{numbers[be_year]:06d}",
                "service_type_id": service_id,
                "applicant_id": person["id"],
                "station_id": context.station_id,
                "channel": channel,
                "subject": f"ขอ{service_th}{urgent}",
                "body_text": body if channel == "email" else "",
                "reply_to": person["email"],
                "source_key": None,
                "received_at": received,
                "deemed_received_at": deemed,
                "sla_due_at": calendar.sla_due_at(deemed, days),
                "status": status,
                "assignee_id": None if status == "received" else rng.choice(officer_ids),
                "claimed_at": None,
                "form_data": {},
                "created_at": received,
                "updated_at": received,
                "closed_at": received if STATUSES[status].closed else None,
            }
        )
        for d in range(rng.choice((1, 2, 3))):
            documents.append(
                {
                    "id": f"doc-{k:07d}-{d}",
                    "application_id": app_id,
                    "blob_sha256": f"{k * 3 + d:064x}",
                    "filename": f"แบบคำขอ-{d}.pdf",
                    "content_type": "application/pdf",
                    "size": 70_000,
                    "pages": 1,
                    "origin": channel,
                    "flags": [],
                    "received_at": received,
                }
            )
        if rng.random() < 0.3:  # an e-form PDF with a text layer; the rest are scans
            form = _FORM_TEXT.format(
                name=person["name_th"],
                nid=person["national_id"],  # masked by the index, never stored in it
                house=rng.randrange(1, 300),
                moo=rng.randrange(1, 12),
                service=service_th,
            )
            texts[app_id] = [(f"doc-{k:07d}-0", form)]
    times: dict[str, float] = {"documents": len(documents), "texts": len(texts)}
    began = time.perf_counter()
    with context.unit_of_work(INTAKE) as uow:
        conn = uow.session.connection()
        officer_rows = [
            {
                "id": officer,
                "username": f"officer{j:02d}",
                "display_name": f"เจ้าหน้าที่ ทดสอบ {j:02d}",
                "password_hash": "-",
                "created_at": REVIEW_NOW,
            }
            for j, officer in enumerate(officer_ids)
        ]
        conn.execute(insert(User), officer_rows)
        conn.execute(insert(Applicant), people)
        for start in range(0, n, 10_000):
            conn.execute(insert(Application), apps[start : start + 10_000])
        for start in range(0, len(documents), 10_000):
            conn.execute(insert(Document), documents[start : start + 10_000])
    times["rows"] = time.perf_counter() - began
    began = time.perf_counter()
    for start in range(0, n, 10_000):
        with context.unit_of_work(INTAKE) as uow:
            for row in apps[start : start + 10_000]:
                index_application(uow.session, row["id"])
                for doc_id, form in texts.get(row["id"], ()):
                    index_document(uow.session, row["id"], doc_id, form)
            flush_index(uow.session)
    times["index"] = time.perf_counter() - began
    return times


def bench_review(tmp: Path, n: int) -> list[Figure]:
    """Queue pages, count, search and dashboard at ``n`` applications, each against the bare
    SQLCipher statement that does the same work (the floor)."""
    from sqlalchemy import text

    from services.cases.dashboard import dashboard
    from services.cases.queries import count_applications, list_applications
    from services.cases.search import search
    from services.kernel.statuses import OPEN_STATUSES

    context = _profile(tmp / "review")
    seeded = seed_review(context, n)
    calendar, now = context.calendar, REVIEW_NOW
    bare = _bare(context.store.data_dir)

    def ms(fn: Any, runs: int = 7) -> float:
        fn()  # warm: statement caches and pages, as on a workstation in use
        return best_of(runs, fn) * 1000

    def service(fn: Any) -> Any:
        def run() -> Any:
            with context.read() as session:  # a session per user action, as the UI does
                return fn(session)

        return run

    def sql(statement: str, *params: Any) -> Any:
        return lambda: bare.execute(statement, params).fetchall()

    def searching(query: str) -> Any:
        return service(lambda s: search(s, calendar, now, query))

    figures: list[Figure] = []
    last = max(0, n - 200)
    columns = (
        "a.id, a.tracking_number, a.status, a.channel, a.subject, a.reply_to, a.received_at, "
        "a.deemed_received_at, a.sla_due_at, s.code, s.name_th, s.name_en, p.title_th, "
        "p.name_th, p.national_id, u.display_name, "
        "(SELECT count(*) FROM document d WHERE d.application_id = a.id) "
        "FROM application a LEFT JOIN service_type s ON s.id = a.service_type_id "
        "LEFT JOIN applicant p ON p.id = a.applicant_id "
        "LEFT JOIN app_user u ON u.id = a.assignee_id "
    )
    order = "ORDER BY a.deemed_received_at, a.tracking_number"
    # What list_applications sends: the page's ids picked on the index, then joined.
    queue_sql = (
        f"SELECT {columns} WHERE a.id IN (SELECT id FROM application {{where}} "
        f"ORDER BY deemed_received_at, tracking_number LIMIT 200 OFFSET ?) {order}"
    )
    naive_sql = f"SELECT {columns} {order} LIMIT 200 OFFSET ?"

    def page(offset: int, status: str | None = None) -> Any:
        return service(lambda s: list_applications(s, calendar, now, status=status, offset=offset))

    first, end = page(0), page(last)
    assert len(first()) == len(end()) == min(200, n)
    with context.read() as session:
        delivered = count_applications(session, "delivered")
    naive = ms(sql(naive_sql, last), 3)
    figures += [
        Figure(
            f"queue first page (200 of {n:,})", ms(first), "ms",
            "bare SQLCipher, same SELECT", ms(sql(queue_sql.format(where=""), 0)),
            "list_applications: rows, SLA state per row, masked ID",
        ),
        Figure(
            f"queue last page (offset {last:,})", ms(end), "ms",
            "bare SQLCipher, same SELECT", ms(sql(queue_sql.format(where=""), last)),
            f"scroll to the end; a plain LIMIT/OFFSET join takes {naive:.0f} ms",
        ),
        Figure(
            f"queue 'delivered', last page ({delivered:,})",
            ms(page(max(0, delivered - 200), "delivered")), "ms",
            "bare SQLCipher, same SELECT",
            ms(sql(queue_sql.format(where="WHERE status = ?"), "delivered", delivered - 200)),
        ),
        Figure(
            "queue count (the list has no other sort)",
            ms(service(lambda s: count_applications(s))), "ms",
            "bare SELECT count(*)", ms(sql("SELECT count(*) FROM application")),
        ),
    ]  # fmt: skip

    match_sql = (
        "SELECT application_id FROM search_index WHERE search_index MATCH ? "
        "ORDER BY rowid LIMIT 200"
    )
    for query, note in (("อนุญาต", "Thai, most rows match"), ("somchai", "Latin: e-mail, name")):
        figures.append(
            Figure(
                f"search {query!r} ({len(searching(query)())} rows)", ms(searching(query)), "ms",
                "bare FTS5 MATCH, 200 ids", ms(sql(match_sql, f'"{query}"')), note,
            )
        )  # fmt: skip
    mixed = "ท่าน้ำใส ดี"
    figures.append(
        Figure(
            f"search {mixed!r} ({len(searching(mixed)())} rows)", ms(searching(mixed)), "ms",
            "bare FTS5 MATCH of the long word", ms(sql(match_sql, '"ท่าน้ำใส"')),
            "document text AND a two-letter word (LIKE on the matches)",
        )
    )  # fmt: skip
    fields = ("tracking_number", "applicant", "subject", "body", "documents")
    any_field = " OR ".join(f"{c} LIKE ?" for c in fields)
    like_sql = f"SELECT application_id FROM search_entry WHERE ({any_field}) ORDER BY id LIMIT 200"
    for query, note in (
        ("ดี", "two letters, common: LIKE fills the page early"),
        ("นฯ", "two letters, rare (1 in 500): the trigrams it begins"),
        ("ฮฮ", "two letters, nowhere: the trigrams it begins"),
    ):
        figures.append(
            Figure(
                f"search {query!r} ({len(searching(query)())} rows)",
                ms(searching(query), 5), "ms",
                "bare LIKE, same columns", ms(sql(like_sql, *[f"%{query}%"] * 5), 5), note,
            )
        )  # fmt: skip
    with context.read() as session:
        national_id, tracking = session.execute(
            text(
                "SELECT p.national_id, a.tracking_number FROM application a "
                "JOIN applicant p ON p.id = a.applicant_id ORDER BY a.id DESC LIMIT 1"
            )
        ).one()
    by_id_sql = (
        "SELECT a.id FROM application a JOIN applicant p ON p.id = a.applicant_id "
        "WHERE p.national_id = ? ORDER BY a.deemed_received_at LIMIT 200"
    )
    by_number_sql = "SELECT id FROM application WHERE tracking_number = ?"
    figures += [
        Figure(
            "search a national ID (exact)", ms(searching(national_id)), "ms",
            "bare indexed lookup", ms(sql(by_id_sql, national_id)),
        ),
        Figure(
            "search a tracking number (exact)", ms(searching(tracking)), "ms",
            "bare indexed lookup", ms(sql(by_number_sql, tracking)),
        ),
    ]  # fmt: skip

    board = service(lambda s: dashboard(s, calendar, now))
    stats = board()
    statuses = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
    board_sql = (
        "SELECT status, service_type_id, assignee_id, count(*), sum(sla_due_at < ?), "
        "sum(sla_due_at >= ? AND sla_due_at <= ?), sum(sla_due_at >= ? AND sla_due_at < ?) "
        f"FROM application WHERE status IN ({statuses}) "
        "GROUP BY status, service_type_id, assignee_id"
    )
    days_sql = (
        "SELECT date(deemed_received_at, '+7 hours'), count(*) FROM application "
        "WHERE deemed_received_at >= ? GROUP BY 1"
    )
    stamp = now.replace(tzinfo=None).isoformat(sep=" ")
    since = (now - timedelta(days=14)).replace(tzinfo=None).isoformat(sep=" ")

    def bare_board() -> None:
        bare.execute(board_sql, (stamp,) * 5).fetchall()
        bare.execute(days_sql, (since,)).fetchall()

    figures.append(
        Figure(
            f"dashboard ({stats.pending + stats.waiting_applicant:,} open)", ms(board), "ms",
            "bare GROUP BY + per-day count", ms(bare_board),
            f"overdue {stats.overdue:,}, at risk {stats.at_risk}, due this week "
            f"{stats.due_this_week}",
        )
    )  # fmt: skip

    began = time.perf_counter()
    bare.execute("INSERT INTO search_index(search_index) VALUES('rebuild')")
    bare.commit()
    rebuild = time.perf_counter() - began
    figures.append(
        Figure(
            f"index {n:,} applications (services.cases.search)", seeded["index"], "s",
            "FTS5 'rebuild' from the stored text", rebuild,
            f"{int(seeded['documents']):,} documents, {int(seeded['texts']):,} with text; "
            f"rows seeded in {seeded['rows']:.1f} s",
        )
    )  # fmt: skip
    bare.close()
    context.store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("--apps", type=int, default=100_000, help="applications to bulk insert")
    parser.add_argument("--single", type=int, default=2_000, help="one-per-transaction inserts")
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true", help="no Dovecot mail intake")
    parser.add_argument(
        "--skip-review", action="store_true", help="no queue, search and dashboard figures"
    )
    parser.add_argument("--mails", type=int, default=1_000, help="mails for the intake figures")
    parser.add_argument("--skip-pdf", action="store_true", help="no QtPdf judging figures")
    parser.add_argument("--save", type=Path, help="write the figures to FILE (JSON)")
    parser.add_argument(
        "--compare", type=Path, help="print each figure's change against a run saved in FILE"
    )
    parser.add_argument(
        "--skip-memory", action="store_true", help="no RSS figure after 200 requests opened"
    )
    parser.add_argument("--ingest-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--imap-port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--imap-user", help=argparse.SUPPRESS)
    parser.add_argument("--imap-folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child is not None:  # the memory figure, in a process of its own
        from tests.bench.memory import memory_child

        memory_child(args.memory_child)
        return
    if args.ingest_child is not None:  # one measured ingest, in a process of its own
        ingest_child(args.ingest_child, args.imap_port, args.imap_user, args.imap_folder)
        return
    saved = load_run(args.compare) if args.compare else None  # a bad file fails before the run
    load_before = [round(x, 2) for x in os.getloadavg()]
    keyring.set_keyring(MemoryKeyring())
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="anuyat-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.skip_gui:
            figures.extend(bench_cold_start(tmp))
        context = _profile(tmp / "profile")
        figures.append(bench_store_open(tmp / "profile"))
        figures.extend(bench_inserts(context, args.single, args.apps))
        figures.append(bench_verify(context))
        context.store.close()
        if not args.skip_review:
            figures.extend(bench_review(tmp, args.apps))
        if not args.skip_gui:
            from tests.bench.review_gui import run_in_child

            figures.extend(run_in_child())
        if not args.skip_ingest:
            figures.extend(bench_ingest(tmp, args.mails))
        if not args.skip_memory:
            from tests.bench.memory import bench_memory

            figures.extend(bench_memory(tmp, args.apps))
        if not args.skip_pdf:
            from tests.bench.pdf_probe import bench_pdf_probe

            figures.extend(bench_pdf_probe())
    print(render(figures))
    if args.save:
        save_run(args.save, figures, load_before)
    if saved is not None:
        print()
        print(compare(figures, saved, load_before))


if __name__ == "__main__":
    main()
