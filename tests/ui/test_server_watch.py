"""Two workstations of one agency, each a real window or real services on one PostgreSQL.

Station ST1 registers a request through the services; station ST2's window, untouched,
shows it in its list: the server's notification reached the window's one refresh hook
(no F5, no sync). A station whose link to the server is cut (a relay between it and the
server, tests/peers/relay.py) shows the offline banner at once, in Thai and English, and
drops it by itself when the link is back. Screenshots of the banner in both languages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url

from services.api.ports import build_ports
from services.kernel.clock import FixedClock
from services.store import keys
from services.store.profile import load_context
from services.store.server_link import ServerLink, write_link
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_agency_coordination import _requests
from tests.integration.test_agency_server import NOW, Agency, agency  # noqa: F401
from tests.peers.relay import Relay
from tests.ui.conftest import SCREENSHOTS
from ui.common import i18n
from ui.common.changes import Changes
from ui.shell.main_window import MainWindow

WAIT = 60_000  # ms: a limit for a broken feed to fail the test, not a figure


def _window(qtbot, runner, settings, ports) -> MainWindow:  # type: ignore[no-untyped-def]
    user = ports.shell.sign_in("reviewer", STAFF_PASSWORD)
    window = MainWindow(ports, user, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.model.total is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=WAIT)
    return window


def test_a_request_registered_on_one_station_appears_in_the_others_list(
    gui,
    qtbot,
    runner,
    settings,
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    try:
        window = _window(qtbot, runner, settings, build_ports(ctx_b))
        qtbot.waitUntil(lambda: window.server_watch.mode == "listening", timeout=WAIT)
        before = window.model.total
        assert before is not None
        heard: list[Changes] = []
        window.changes.changes_did_happen.connect(heard.append)
        _requests(ctx_a, 2)  # at station ST1's counter
        qtbot.waitUntil(lambda: window.model.total == before + 2, timeout=WAIT)
        assert heard and all(c.lists for c in heard)
        assert window.offline_banner.isHidden()
        window.close()
    finally:
        ctx_a.store.close()
        ctx_b.store.close()


def _shot(window: MainWindow, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert window.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_a_cut_link_shows_the_offline_banner_until_it_is_back(
    gui,
    qtbot,
    runner,
    settings,
    agency: Agency,  # noqa: F811 — the fixture
    tmp_path: Path,
) -> None:
    url = make_url(agency.url)
    relay = Relay(int(url.port or 5432))
    desk = tmp_path / "station-behind-a-cable"
    through = url.set(port=relay.port).render_as_string(hide_password=False)
    write_link(desk, ServerLink(url=through, station_code="ST2"))
    keys.install_master_key(desk, keys.load_master_key(agency.a))
    ctx = load_context(desk, FixedClock(NOW))
    ports = build_ports(ctx)
    ports.changes.retry = 0.5  # type: ignore[union-attr]
    try:
        window = _window(qtbot, runner, settings, ports)
        qtbot.waitUntil(lambda: window.server_watch.mode == "listening", timeout=WAIT)
        assert window.offline_banner.isHidden()
        relay.cut()
        qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=WAIT)
        assert window.offline_banner.text().startswith("ติดต่อเครื่องแม่ข่ายของหน่วยงานไม่ได้")
        _shot(window, "offline_banner_th")
        i18n.apply_language("en")
        try:
            qtbot.waitUntil(
                lambda: window.offline_banner.text().startswith(
                    "The agency's server cannot be reached"
                ),
                timeout=WAIT,
            )
            assert "nothing is lost" in window.offline_banner.text()
            _shot(window, "offline_banner_en")
        finally:
            i18n.apply_language("th")
        relay.mend()
        qtbot.waitUntil(lambda: window.offline_banner.isHidden(), timeout=WAIT)
        assert window.server_watch.mode == "listening"
        window.close()
    finally:
        relay.close()
        ctx.store.close()
