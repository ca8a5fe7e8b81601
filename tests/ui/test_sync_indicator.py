"""The sync indicator over the real ports: state and errors as the store records them.

The sync state rows are written by the real sync parts (``services.intake.sync.sync_mailbox``) over
real Maildirs in the test's folder: one that holds a mail, one whose drive "is not
connected". "Sync now" runs ``Intake.run_sync`` either as the plain test profile has it
(no intake sources, which the workstation reports as a problem) or wired the way
``app/bootstrap.py`` wires it: ``services.intake.sync.run_sync`` over a ``SyncPlan`` with a local
Maildir as the mailbox and a Maildir "sent" folder as the outbox.
"""

from __future__ import annotations

import mailbox

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SCREENSHOTS, active_main_window, mail_bytes
from ui.intake.sync_indicator import SyncIndicator
from ui.shell.main_window import MainWindow
from ui.shell.start import build_main_window_for


def _sync_maildir(context, root, *, with_mail: bool = True):
    from services.intake.mail.maildir import MaildirMailbox
    from services.intake.sync import sync_mailbox
    from services.intake.types import Limits

    if with_mail:
        box = mailbox.Maildir(root, create=True)
        box.add(mail_bytes("ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", []))
    return sync_mailbox(context, MaildirMailbox(root), ("INBOX",), limits=Limits())


@pytest.fixture
def offline_mailbox(context, tmp_path):
    """One mailbox synced fine, the other offline (its folder is missing)."""
    good = _sync_maildir(context, tmp_path / "mail")
    assert good.state == "ok", good
    missing = _sync_maildir(context, tmp_path / "share" / "mail", with_mail=False)
    assert missing.state == "offline", missing
    return missing


def _window(qtbot, workstation, user, runner, settings) -> MainWindow:
    window = active_main_window(qtbot, workstation, user, runner, settings)
    qtbot.waitUntil(lambda: bool(window.sync.rows), timeout=10000)
    return window


def test_indicator_shows_the_worst_state_and_the_error_from_the_store(
    qtbot, workstation, intake_user, runner, settings, offline_mailbox
) -> None:
    window = _window(qtbot, workstation, intake_user, runner, settings)
    sync = window.sync
    assert sync.state == "offline"
    assert sync.state_button.text().startswith("ออฟไลน์")
    assert "ซิงค์ล่าสุด" in sync.state_button.text()  # the other mailbox did sync
    assert window.statusBar().isAncestorOf(sync)
    # The error in plain words, Thai and English, in the tooltip and in the details.
    tip = sync.state_button.toolTip()
    assert offline_mailbox.error_th in tip and offline_mailbox.error_en in tip
    assert sync.details.isHidden()
    qtbot.mouseClick(sync.state_button, Qt.MouseButton.LeftButton)
    assert sync.details.isVisible()
    lines = sync.details.lines()
    offline = next(line for line in lines if "ออฟไลน์" in line)
    assert offline_mailbox.error_th in offline and offline_mailbox.error_en in offline
    assert any("เป็นปัจจุบัน" in line for line in lines)
    assert QApplication.activeModalWidget() is None


def test_sync_now_runs_in_the_background_and_reports_inline(
    qtbot, workstation, intake_user, runner, settings, offline_mailbox
) -> None:
    window = _window(qtbot, workstation, intake_user, runner, settings)
    sync = window.sync
    assert window.sync_action.shortcut().toString() == "F9"
    assert window.sync_action.text() == "ซิงค์ทันที"
    with qtbot.waitSignal(sync.sync_did_finish, timeout=10000) as finished:
        qtbot.keyClick(window.table, Qt.Key.Key_F9)
        assert sync.is_syncing  # the call went to a worker; the window keeps painting
        assert sync.state == "working"
        assert not window.sync_action.isEnabled()
    summary = finished.args[0]
    assert summary is not None
    assert not sync.is_syncing and window.sync_action.isEnabled()
    assert sync.summary_label.text().startswith("ซิงค์ครั้งล่าสุด:")
    # This profile has no intake sources; the workstation says so, and the officer sees it.
    assert summary.problems_th
    sync.show_details()
    assert any(summary.problems_th[0] in line for line in sync.details.lines())
    assert any(summary.problems_en[0] in line for line in sync.details.lines())
    assert QApplication.activeModalWidget() is None


def test_state_is_read_again_on_a_timer(
    qtbot, workstation, intake_user, runner, context, tmp_path
) -> None:
    indicator = SyncIndicator(workstation.intake, intake_user, runner, refresh_ms=100)
    qtbot.addWidget(indicator)
    indicator.start()
    qtbot.waitUntil(lambda: indicator.state == "never", timeout=5000)
    assert indicator.state_button.text() == "ยังไม่ได้ซิงค์"
    # Another process (the scheduler) syncs meanwhile; the indicator follows without a click
    # and says that requests may have arrived (the main window then reads the queues).
    with qtbot.waitSignal(indicator.other_sync_did_finish, timeout=5000):
        _sync_maildir(context, tmp_path / "mail")
    assert indicator.state == "ok"
    assert indicator.state_button.text().startswith("ซิงค์แล้วเมื่อ")
    indicator.stop()


def test_sync_is_refused_inline_for_a_role_without_intake(
    qtbot, workstation, runner, settings
) -> None:
    from tests.conftest import STAFF_PASSWORD

    finance = workstation.shell.sign_in("finance", STAFF_PASSWORD)
    window = build_main_window_for(workstation, finance, runner, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.sync_did_finish, timeout=10000) as finished:
        window.sync_action.trigger()
    assert finished.args == [None]
    assert window.sync.state == "error"
    window.sync.show_details()
    text = "\n".join(window.sync.details.lines())
    assert "permission" in text.lower() or "สิทธิ์" in text
    assert QApplication.activeModalWidget() is None


@pytest.fixture
def intake_workstation(context, tmp_path):
    """The ports as app/bootstrap.py builds them, over a Maildir holding one new mail."""
    from services.api.ports import build_ports
    from services.intake.mail.maildir import MaildirMailbox
    from services.intake.sync import SyncPlan, run_sync, summarise
    from services.outbox import MaildirTransport

    inbox = tmp_path / "inbox"
    mailbox.Maildir(inbox, create=True).add(mail_bytes("ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", []))
    plan = SyncPlan(
        open_mailbox=lambda: MaildirMailbox(inbox),
        folders=("INBOX",),
        scanner=None,
        open_transport=lambda: MaildirTransport(tmp_path / "sent"),
    )
    return build_ports(context, sync=lambda: summarise(run_sync(context, plan)))


def test_a_sync_that_brings_requests_refreshes_the_queues(
    qtbot, intake_workstation, runner, settings
) -> None:
    from tests.conftest import STAFF_PASSWORD

    user = intake_workstation.shell.sign_in("intake", STAFF_PASSWORD)
    window = build_main_window_for(intake_workstation, user, runner, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.total == 0, timeout=10000)
    assert window.sync.state == "never"
    with qtbot.waitSignal(window.sync.sync_did_finish, timeout=20000) as finished:
        window.sync_action.trigger()
    summary = finished.args[0]
    assert (summary.new, summary.sent) == (1, 1)  # the request, and its acknowledgement
    assert window.sync.summary_label.text() == "ซิงค์ครั้งล่าสุด: คำขอใหม่ 1 · ส่งแล้ว 1"
    # New requests: the queues and the list were read again without F5.
    qtbot.waitUntil(lambda: window.model.total == 1 and window.model.rowCount() == 1, timeout=10000)
    assert window.model.row_at(0).channel == "email"
    queues = {status: count for status, _, count in window.queues.queues()}
    assert queues[None] == 1
    # The state was read again after the sync: both parts ran fine just now.
    qtbot.waitUntil(lambda: window.sync.state == "ok", timeout=10000)
    assert {r.component.partition(":")[0] for r in window.sync.rows} == {"mail", "outbox"}
    assert window.sync.state_button.text().startswith("ซิงค์แล้วเมื่อ")
    assert "อีเมลขาออก: เป็นปัจจุบัน" in window.sync.state_button.toolTip()


def test_the_window_syncs_on_its_own_timer_and_shows_when(
    qtbot, workstation, intake_user, runner, settings
) -> None:
    # A short interval, as an agency could set it; the timer is real, only its interval is
    # short: the test waits for the run it starts, never for a length of time.
    settings.setValue("sync/interval_seconds", 1)
    window = build_main_window_for(workstation, intake_user, runner, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    sync = window.sync
    assert sync.schedule_label.text().startswith("ซิงค์ครั้งถัดไปใน")
    with qtbot.waitSignal(sync.sync_did_finish, timeout=20000) as finished:
        pass  # nobody presses F9
    assert finished.args[0] is not None
    qtbot.waitUntil(lambda: "ซิงค์ล่าสุดเมื่อ" in sync.schedule_label.text(), timeout=5000)
    assert sync.schedule_label.text().startswith("ซิงค์ครั้งถัดไปใน")  # and again later
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.sendPostedEvents()  # pending layout requests: the status bar as drawn
    window.grab().save(str(SCREENSHOTS / "sync_schedule.png"))
    window.close()


def _status_bar_is_whole(window: MainWindow) -> None:
    """Each text in the status bar as wide as its words (a tool button also its icon), and
    inside the bar: nothing elided to "Not … yet"."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    bar = window.statusBar()
    for widget in bar.findChildren(QLabel) + bar.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        needed = widget.fontMetrics().horizontalAdvance(widget.text())
        if isinstance(widget, QAbstractButton):
            needed = widget.sizeHint().width()  # the words, the icon and the margins
        assert widget.width() >= needed, (widget.text(), widget.width(), needed)
        corner = widget.mapTo(bar, widget.rect().bottomRight())
        assert bar.rect().contains(corner), widget.text()


def test_the_status_bar_is_whole_at_1280_in_either_language_from_the_first_frame(
    qtbot, intake_workstation, runner, settings
) -> None:
    from tests.conftest import STAFF_PASSWORD
    from ui.common import i18n

    settings.setValue("sync/interval_seconds", 3600)  # the schedule's words shown, no run
    user = intake_workstation.shell.sign_in("intake", STAFF_PASSWORD)
    window = build_main_window_for(intake_workstation, user, runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.model.total == 0, timeout=10000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language in ("en", "th"):
        i18n.apply_language(language)
        QApplication.processEvents()  # one turn: the frame right after the switch
        assert window.sync.state_button.text() == (
            "Not synced yet" if language == "en" else "ยังไม่ได้ซิงค์"
        )
        _status_bar_is_whole(window)
    # The longest it gets: the last sync's summary and the schedule beside the state.
    with qtbot.waitSignal(window.sync.sync_did_finish, timeout=20000):
        window.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.state == "ok" and window.model.total == 1, timeout=10000)
    for language in ("en", "th"):
        i18n.apply_language(language)
        QApplication.processEvents()
        assert window.sync.summary_label.text()
        _status_bar_is_whole(window)
        window.grab().save(str(SCREENSHOTS / f"status_bar_whole_{language}.png"))
    i18n.apply_language("th")
