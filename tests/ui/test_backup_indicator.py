"""The backup state in the main window's status bar, over a real profile and backup folder."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from services.api.backup import BackupFacade
from services.backup.status import list_snapshots
from services.store import keys
from tests.conftest import STAFF_PASSWORD
from ui.common import i18n
from ui.shell.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def values() -> dict:
    return {}


@pytest.fixture
def ports(workstation, context, values):
    return workstation.replace(backup=BackupFacade(context, lambda: values))


def open_window(qtbot, ports, runner, settings, username: str) -> MainWindow:
    i18n.apply_language("en")
    user = ports.shell.sign_in(username, STAFF_PASSWORD)
    window = MainWindow(ports, user, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def snapshots(context, folder: Path) -> list:
    return list_snapshots(folder, keys.profile_id(context.store.data_dir))


def test_without_a_folder_the_window_says_no_backup_is_set(
    qtbot, gui, ports, runner, settings
) -> None:
    window = open_window(qtbot, ports, runner, settings, "admin")
    indicator = window.backup
    assert indicator is not None
    qtbot.waitUntil(lambda: indicator.label.text() == "No backup folder", timeout=20000)
    assert indicator.label.property("tone") == "error"
    assert "Settings page" in indicator.label.toolTip()


def test_the_schedule_backs_up_in_the_worker_and_warns_when_it_is_old(
    qtbot, gui, ports, runner, settings, context, values, clock, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    values.update(backup_dir=str(folder), backup_warn_after_hours=48, backup_every_hours=24)
    window = open_window(qtbot, ports, runner, settings, "reviewer")
    indicator = window.backup
    assert indicator is not None
    # No backup yet: the first check makes one (the schedule is the station's, any user's).
    qtbot.waitUntil(
        lambda: re.match(r"Backup \d", indicator.label.text()) is not None, timeout=30000
    )
    assert len(snapshots(context, folder)) == 1
    assert indicator.label.property("tone") == ""
    assert not indicator.button.isVisible()  # "Back up now" is the administrator's
    # Not due again within the day: a check makes nothing new.
    indicator.check_schedule()
    qtbot.waitUntil(lambda: not indicator._busy, timeout=30000)
    assert len(snapshots(context, folder)) == 1
    # Three days on, with the folder gone offline: the state turns to a warning.
    clock.advance(timedelta(days=3))
    values.update(backup_every_hours=720)  # the schedule would not run now
    indicator.refresh()
    qtbot.waitUntil(lambda: indicator.label.text().startswith("Backup old"), timeout=20000)
    assert "more than 48 hours ago" in indicator.label.toolTip()
    assert indicator.label.property("tone") == "error"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.statusBar().grab().save(str(SHOTS / "backup-status-old-en.png"))
    i18n.apply_language("th")
    try:
        qtbot.waitUntil(lambda: "ชั่วโมง" in indicator.label.toolTip(), timeout=5000)
        window.statusBar().grab().save(str(SHOTS / "backup-status-old-th.png"))
    finally:
        i18n.apply_language("en")


def test_the_administrator_backs_up_now_and_a_full_folder_is_said(
    qtbot, gui, ports, runner, settings, context, values, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    values.update(backup_dir=str(folder), backup_every_hours=720, backup_after_changes=0)
    window = open_window(qtbot, ports, runner, settings, "admin")
    indicator = window.backup
    assert indicator is not None
    qtbot.waitUntil(
        lambda: re.match(r"Backup \d", indicator.label.text()) is not None, timeout=30000
    )
    assert indicator.button.isVisible()
    qtbot.mouseClick(indicator.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(snapshots(context, folder)) == 2, timeout=30000)
    qtbot.waitUntil(indicator.button.isEnabled, timeout=30000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.statusBar().grab().save(str(SHOTS / "backup-status-en.png"))
    # The folder becomes a file (a share mounted wrongly): the backup fails and says why.
    values.update(backup_dir=str(tmp_path / "not-a-folder"))
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    qtbot.mouseClick(indicator.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: indicator.label.text() == "Backup failed", timeout=30000)
    assert "Earlier backups are intact" in indicator.label.toolTip()
    assert "สำเนาสำรองเดิมยังอยู่ครบ" in indicator.label.toolTip()
    assert len(snapshots(context, folder)) == 2


def test_the_settings_page_sets_the_schedule_and_the_warning(
    qtbot, gui, workstation, runner, settings, context, data_dir
) -> None:
    from services.api.settings import SectionKey, SettingsFacade
    from tests.ui.conftest import officer_types

    ports = workstation.replace(settings=SettingsFacade(context, data_dir / "settings.toml"))
    window = open_window(qtbot, ports, runner, settings, "admin")
    assert window.show_settings()
    page = window.settings_page
    assert page is not None
    qtbot.waitUntil(lambda: SectionKey.BACKUP in page.forms, timeout=30000)
    page.show_section(SectionKey.BACKUP.value)
    form = page.forms[SectionKey.BACKUP]
    qtbot.waitUntil(lambda: form.values()["backup_warn_after_hours"] == 48, timeout=30000)
    hours = form.edit("backup_every_hours")
    assert isinstance(hours, QSpinBox)
    hours.setFocus()
    hours.selectAll()
    officer_types("12")
    assert form.values()["backup_every_hours"] == 12
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "settings-backup-en.png"))
    i18n.apply_language("th")
    try:
        qtbot.waitUntil(lambda: "ชั่วโมง" in form._labels["backup_every_hours"].text(), timeout=5000)
        window.grab().save(str(SHOTS / "settings-backup-th.png"))
    finally:
        i18n.apply_language("en")


def test_the_status_bar_with_the_backup_is_whole_in_either_language(
    qtbot, gui, ports, runner, settings
) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_sync_indicator import _status_bar_is_whole

    window = open_window(qtbot, ports, runner, settings, "admin")
    indicator = window.backup
    assert indicator is not None
    qtbot.waitUntil(lambda: indicator.label.text() == "No backup folder", timeout=20000)
    assert indicator.button.isVisible()
    try:
        for language in ("th", "en", "th"):
            i18n.apply_language(language)
            QApplication.processEvents()  # one turn: the frame right after the switch
            assert indicator.button.text() == (
                "Back up now" if language == "en" else "สำรองข้อมูลเดี๋ยวนี้"
            )
            _status_bar_is_whole(window)
            SHOTS.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(SHOTS / f"backup-status-whole-{language}.png"))
    finally:
        i18n.apply_language("en")
