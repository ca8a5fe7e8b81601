"""``make bench``: the workstation's figures, each with its baseline from the same run.

Usage: python -m tests.bench [--apps N] [--single N] [--skip-gui]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import sqlcipher3.dbapi2 as sqlcipher

from services import keys
from services.applications import create_application
from services.clock import FixedClock
from services.context import Actor, AppContext
from services.events import verify_chain
from services.profile import AgencySetup, initialise_profile, load_context
from services.store import DB_FILE, open_store
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


def _first_paint(args: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - began


_BARE_QT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("เข้าสู่ระบบ")
label.show()
QTimer.singleShot(0, app.quit)  # after the first paint, as the workstation does
app.exec()
"""


def bench_cold_start(tmp: Path) -> Figure:
    demo = tmp / "gui-demo"
    env = dict(os.environ, ANUYAT_CONFIG_DIR=str(tmp / "config"), QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(demo), "demo"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    gui_env = dict(env, ANUYAT_QUIT_AFTER_FIRST_PAINT="1")
    app_cmd = [sys.executable, "-m", "app", "--data-dir", str(demo), "gui"]
    bare_cmd = [sys.executable, "-c", _BARE_QT]
    workstation = min(_first_paint(app_cmd, gui_env) for _ in range(3))
    bare = min(_first_paint(bare_cmd, env) for _ in range(3))
    return Figure(
        "cold start to first painted window",
        workstation * 1000,
        "ms",
        "bare PySide6 window, same process shape",
        bare * 1000,
        "process start → sign-in window painted → exit (offscreen)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("--apps", type=int, default=100_000, help="applications to bulk insert")
    parser.add_argument("--single", type=int, default=2_000, help="one-per-transaction inserts")
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="anuyat-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.skip_gui:
            figures.append(bench_cold_start(tmp))
        context = _profile(tmp / "profile")
        figures.append(bench_store_open(tmp / "profile"))
        figures.extend(bench_inserts(context, args.single, args.apps))
        figures.append(bench_verify(context))
        context.store.close()
    print(render(figures))


if __name__ == "__main__":
    main()
