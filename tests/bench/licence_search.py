"""``python -m tests.bench.licence_search [--entries 10000]``: the "Licences issued" search.

A register of ``--entries`` licences (four in five the system's, one in five paper ones)
on a real SQLCipher store; each figure is one page of 100 with the count of all that match,
as the issuing page asks for it (services.issuing.listing.find_issued), in CPU time (the
machine is shared: CPU time is what the query costs, not what the neighbours do). The floor,
from the same run on the same store, is a bare indexed SELECT of the page's ids newest first:
what any page of this list costs before matching anything.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import keyring
from sqlalchemy import text

from services.issuing.listing import LicenceQuery, find_issued
from services.kernel.actors import Actor
from services.kernel.clock import FixedClock
from services.store.context import AppContext
from services.store.profile import AgencySetup, initialise_profile, load_context
from tests.bench.table import Figure, render
from tests.conftest import MemoryKeyring
from tests.integration.test_licence_search import HOLDER_ID, fill_register

_NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
_APPROVER = Actor(username="bench", roles=frozenset({"approver"}))
_FLOOR = "SELECT * FROM issued_document ORDER BY issued_at DESC, document_number LIMIT 100"


def _profile(folder: Path) -> AppContext:
    clock = FixedClock(_NOW)
    store = initialise_profile(
        folder,
        AgencySetup(name_th="เทศบาลทดสอบ", name_en="Bench", code="BEN", number="1"),
        admin_username="admin", admin_password="bench-password", admin_display_name="admin",
        clock=clock,
    )  # fmt: skip
    store.close()
    return load_context(folder, clock)


def _cpu_ms(fn: Callable[[], object], calls: int = 10, rounds: int = 5) -> float:
    """The least CPU time of one call, over ``rounds`` runs of ``calls`` calls (warmed)."""
    fn()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(calls):
            fn()
        best = min(best, (time.process_time() - start) / calls)
    return best * 1000


def figures(entries: int) -> list[Figure]:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="anuyat-bench-licences-") as tmp:
        context = _profile(Path(tmp) / "profile")
        fill_register(context, system=entries * 4 // 5, paper=entries - entries * 4 // 5)
        with context.read() as session:
            count = session.scalar(text("SELECT count(*) FROM issued_document"))
            assert count == entries, count

            def page(query: LicenceQuery) -> Callable[[], object]:
                def run() -> object:
                    found = find_issued(session, _APPROVER, _NOW, query, limit=100)
                    assert found.total > 0, query
                    return found

                return run

            floor = _cpu_ms(lambda: session.execute(text(_FLOOR)).all())
            searches = [
                ("newest page, no filter", LicenceQuery()),
                ("Thai name, two words (half match)", LicenceQuery("สมชาย ใจดี")),
                ("Thai name, one licence in all", LicenceQuery(f"ลำดับที่ {entries // 5 - 1}")),
                ("number typed whole", LicenceQuery(f"ทม {entries // 5}/2550")),
                ("holder's national ID", LicenceQuery(HOLDER_ID)),
                ("status expired", LicenceQuery(status="expired")),
                ("expiring within 30 days", LicenceQuery(expiring_within_days=30)),
            ]
            measured = [(name, _cpu_ms(page(query))) for name, query in searches]
        context.store.close()
    return [
        Figure(
            f"licence search: {name}",
            value,
            "ms CPU",
            "bare indexed SELECT * of 100 rows",
            floor,
            f"page of 100 + count, {entries:,} licences" if n == 0 else "",
        )
        for n, (name, value) in enumerate(measured)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.licence_search")
    parser.add_argument("--entries", type=int, default=10_000, help="licences in the register")
    args = parser.parse_args()
    print(render(figures(args.entries)))


if __name__ == "__main__":
    main()
