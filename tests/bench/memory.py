"""Memory after an hour of review: RSS with 100,000 applications, 200 requests opened in a row.

A profile is seeded with bulk inserts (``seed_review``, the queue bench's year of
applications); the 200 oldest new requests get real encrypted PDFs. A fresh process — a
workstation after a restart — signs a reviewer in and opens them one after the other through
the review port the review screen calls (open, page 1's bytes, history, release), noting its
RSS every 50. The figure is the RSS after the 200th against the RSS before the first; the
growth per request between the 50th and the 200th says whether anything is kept per request.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import keyring

from tests.bench.table import Figure
from tests.file_keyring import FileKeyring, child_env

ROOT = Path(__file__).resolve().parents[2]
REVIEWER, PASSWORD = "bench-memory", "bench-password"
MARKS = (50, 100, 150, 200)


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def _seed(data_dir: Path, apps: int, opens: int) -> None:
    """The profile: ``apps`` applications, a reviewer, real PDFs for the first ``opens``."""
    from sqlalchemy import select, update

    from models import Application, Document
    from services.access import auth
    from services.kernel.actors import SYSTEM
    from tests.bench.__main__ import _profile, seed_review
    from tests.bench.ingest import _scan_pdf

    context = _profile(data_dir)
    seed_review(context, apps)
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow, username=REVIEWER, display_name="ผู้ตรวจ หน่วยความจำ",
            password=PASSWORD, roles=["reviewer"],
        )  # fmt: skip
    pdf = _scan_pdf()
    with context.writing() as session:
        oldest = session.scalars(
            select(Application.id)
            .where(Application.status == "received")
            .order_by(Application.deemed_received_at, Application.tracking_number)
            .limit(opens)
        ).all()
        for app_id in oldest:
            for doc_id in session.scalars(
                select(Document.id).where(Document.application_id == app_id)
            ):
                ref = context.store.blobs.put(pdf + f"%{doc_id}\n".encode())
                session.execute(
                    update(Document)
                    .where(Document.id == doc_id)
                    .values(blob_sha256=ref.sha256, size=ref.size)
                )
    (data_dir / "bench-open.json").write_text(json.dumps(list(oldest)), encoding="ascii")
    context.store.close()


def memory_child(data_dir: Path) -> None:
    """In a fresh process: sign in, open the requests one by one, print RSS at each mark."""
    from datetime import UTC, datetime

    from services.api.ports import build_ports
    from services.kernel.clock import FixedClock
    from services.store.profile import load_context

    context = load_context(data_dir, FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC)))
    ports = build_ports(context)
    user = ports.shell.sign_in(REVIEWER, PASSWORD)
    ids = json.loads((data_dir / "bench-open.json").read_text(encoding="ascii"))
    gc.collect()
    result: dict[str, Any] = {"rss_start": _rss_mb(), "marks": {}}
    began = time.perf_counter()
    for n, app_id in enumerate(ids, start=1):
        detail = ports.review.open_application(user, app_id, "bench: opened from the list")
        for document in detail.documents[:1]:  # page 1 of the first document, as shown
            ports.review.document_bytes(user, document.id)
        ports.review.history(user, app_id)
        ports.review.release_claim(user, app_id)
        if n in MARKS:
            gc.collect()
            result["marks"][str(n)] = _rss_mb()
    result["seconds_per_open"] = (time.perf_counter() - began) / max(1, len(ids))
    result["opened"] = len(ids)
    context.store.close()
    print(json.dumps(result))


def bench_memory(tmp: Path, apps: int, opens: int = MARKS[-1]) -> list[Figure]:
    ring = tmp / "memory-keyring.json"
    data_dir = tmp / "memory"
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(ring))
    try:
        began = time.perf_counter()
        _seed(data_dir, apps, opens)
        seeded = time.perf_counter() - began
    finally:
        keyring.set_keyring(previous)
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--memory-child", str(data_dir)],
        cwd=ROOT, env=child_env(ring), check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    marks = {int(k): v for k, v in result["marks"].items()}
    last = max(marks)
    first = min(marks)
    per_request_kb = (marks[last] - marks[first]) * 1024 / max(1, last - first)
    shown = " / ".join(f"{marks[m]:.0f}" for m in sorted(marks))
    return [
        Figure(
            f"RSS after opening {result['opened']} requests ({apps:,} apps)",
            marks[last],
            "MB",
            "RSS signed in, before the first",
            result["rss_start"],
            f"RSS after {' / '.join(str(m) for m in sorted(marks))}: {shown} MB; "
            f"{result['seconds_per_open'] * 1000:.0f} ms per open (port calls, no Qt); "
            f"profile seeded in {seeded:.0f} s",
            goal="≤ 300 MB; issue #16",
        ),
        Figure(
            f"RSS growth per request opened ({first}th → {last}th)",
            per_request_kb,
            "KB/req",
            goal="no growth (≈ 0; a page or two of noise)",
        ),
    ]
