"""Other workstations' changes reach a station through the server (LISTEN/NOTIFY, polling).

Station ST2's change feed (services.store.change_feed) on a real PostgreSQL server; station
ST1 commits changes through the services. The feed reports them, through notifications or,
where the server gives none, by polling; a cable pulled (a relay cut, tests/peers/relay.py)
is reported at once, retried, and reported back with a change once the link returns. The
tests wait for what the feed reports (a queue with a generous limit), never measure time.
"""

from __future__ import annotations

import queue
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url

from models.store import create_server_engine
from services.kernel.actors import SYSTEM
from services.kernel.events import change_origin
from services.store.change_feed import ChangeFeed
from services.store.context import AppContext
from tests.integration.test_agency_coordination import _requests
from tests.integration.test_agency_server import Agency, agency  # noqa: F401
from tests.peers.relay import Relay

WAIT = 60  # seconds: a limit for a broken feed to fail the test, not a figure


@contextmanager
def _feed(ctx: AppContext, **options: object) -> Iterator[tuple[ChangeFeed, queue.Queue[str]]]:
    reports: queue.Queue[str] = queue.Queue()
    feed = ChangeFeed(
        ctx.store.engine,
        change_origin(ctx.station_id),
        lambda: reports.put("change"),
        lambda up: reports.put("up" if up else "down"),
        **options,  # type: ignore[arg-type]
    )
    feed.start()
    try:
        assert reports.get(timeout=WAIT) == "up"
        yield feed, reports
    finally:
        feed.stop()


def test_a_change_committed_on_one_station_is_reported_on_the_other(
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    try:
        with _feed(ctx_b) as (feed, reports):
            assert feed.mode == "listening"
            _requests(ctx_a, 1)
            assert reports.get(timeout=WAIT) == "change"
            # A rolled-back action tells nobody; the next committed one is heard.
            try:
                with ctx_a.unit_of_work(SYSTEM) as uow:
                    uow.record("test.rolled_back", "application", "none", {})
                    raise RuntimeError("the action fails")
            except RuntimeError:
                pass
            _requests(ctx_a, 1)
            assert reports.get(timeout=WAIT) == "change"
            assert reports.empty()
    finally:
        ctx_a.store.close()
        ctx_b.store.close()


def test_without_notifications_the_feed_polls_the_audit_log(
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    try:
        with _feed(ctx_b, notifications=False, poll=0.2) as (feed, reports):
            assert feed.mode == "polling"
            _requests(ctx_a, 1)
            assert reports.get(timeout=WAIT) == "change"
    finally:
        ctx_a.store.close()
        ctx_b.store.close()


def test_a_pulled_cable_is_reported_retried_and_reported_back_with_a_change(
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    url = make_url(agency.url)
    relay = Relay(int(url.port or 5432))
    cable = create_server_engine(
        url.set(port=relay.port).render_as_string(hide_password=False), "ST2",
        connect_timeout=2,
    )  # fmt: skip
    try:
        reports: queue.Queue[str] = queue.Queue()
        feed = ChangeFeed(
            cable, change_origin(ctx_b.station_id), lambda: reports.put("change"),
            lambda up: reports.put("up" if up else "down"), retry=0.2,
        )  # fmt: skip
        feed.start()
        try:
            assert reports.get(timeout=WAIT) == "up"
            relay.cut()
            assert reports.get(timeout=WAIT) == "down"
            assert feed.mode == "offline"
            _requests(ctx_a, 1)  # made while this station could not hear of it
            relay.mend()
            assert [reports.get(timeout=WAIT), reports.get(timeout=WAIT)] == ["up", "change"]
            assert feed.mode == "listening"
        finally:
            feed.stop()
    finally:
        relay.close()
        cable.dispose()
        ctx_a.store.close()
        ctx_b.store.close()
