"""The administrator's settings page on real widgets over a real store, with real Dovecot and
a real SMTP sink: typed as an officer types, a wrong IMAP password shows the server's own
refusal, the right one signs in, saving puts the password in the keyring (never in the file);
the agency's free-mail address is refused until kept on purpose, then warned about."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QSpinBox, QWidget
from sqlalchemy import select

from models import Event
from services.api.settings import SectionKey, SettingsFacade
from services.settings.sections import IMAP_SECRET
from services.store import keys
from tests.conftest import STAFF_PASSWORD
from tests.peers.dovecot import DovecotServer
from tests.peers.smtp import SmtpSink
from tests.ui.conftest import officer_types
from ui.admin.settings_page import AGENCY, SettingsPage
from ui.common import i18n
from ui.shell.idle_watch import CHECK_EVERY_MS
from ui.shell.main_window import MainWindow
from ui.shell.queue_pane import SETTINGS

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"settings-{name}.png"
    widget.grab().save(str(path))
    return path


@pytest.fixture
def ports(workstation, context, data_dir):
    return workstation.replace(settings=SettingsFacade(context, data_dir / "settings.toml"))


@pytest.fixture
def window(qtbot, gui, ports, runner, settings) -> MainWindow:
    admin = ports.shell.sign_in("admin", STAFF_PASSWORD)
    window = MainWindow(ports, admin, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.show_settings()
    assert window.current_page() == SETTINGS
    page = window.settings_page
    assert page is not None
    qtbot.waitUntil(lambda: SectionKey.MAILBOX in page.forms, timeout=30000)
    return window


def _page(window: MainWindow) -> SettingsPage:
    assert window.settings_page is not None
    return window.settings_page


def _type_into(widget: QWidget, text: str, *, replace_all: bool = True) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    if replace_all and isinstance(widget, QLineEdit | QSpinBox):
        widget.selectAll()
    officer_types(text)


def _events(context, type_: str) -> list[dict]:
    with context.read() as session:
        rows = session.scalars(select(Event).where(Event.type == type_).order_by(Event.seq))
        return [json.loads(e.payload) for e in rows]


def test_only_an_administrator_has_the_settings_page(qtbot, gui, ports, runner, settings) -> None:
    reviewer = ports.shell.sign_in("reviewer", STAFF_PASSWORD)
    window = MainWindow(ports, reviewer, runner, settings=settings)
    qtbot.addWidget(window)
    assert window.settings_page is None
    assert not window.show_settings()
    assert not window.settings_action.isVisible()


def test_a_wrong_imap_password_shows_the_servers_refusal_and_the_right_one_is_saved(
    qtbot, window, context, data_dir, dovecot: DovecotServer
) -> None:
    page = _page(window)
    page.show_section(SectionKey.MAILBOX.value)
    form = page.forms[SectionKey.MAILBOX]
    panel = page.panel(SectionKey.MAILBOX.value)
    assert form.password is not None
    _type_into(form.edit("imap_host"), dovecot.host)
    _type_into(form.edit("imap_port"), str(dovecot.port))
    form.fields["imap_security"].setFocus()
    form.fields["imap_security"].setCurrentIndex(2)  # plain: Dovecot listens on loopback
    _type_into(form.edit("imap_user"), dovecot.user)
    _type_into(form.password, "รหัสผิด-wrong")
    assert form.values()["imap_port"] == dovecot.port
    assert panel.test_button is not None
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.test_button.isEnabled() and bool(panel.result.text()), timeout=40000
    )
    shown = panel.result.text()
    assert not panel.result.ok
    assert "[AUTHENTICATIONFAILED] Authentication failed." in shown  # Dovecot's NO line
    assert "ตรวจสอบชื่อผู้ใช้และรหัสผ่าน" in shown and "Check the user name" in shown
    shot(window, "mailbox-refused-th")

    form.password.clear()
    _type_into(form.password, dovecot.password)
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.ok, timeout=40000)
    assert "every folder to watch is there" in panel.result.text()
    assert "IMAP4REV1" in panel.result.text()

    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "audit log" in panel.result.text(), timeout=30000)
    assert "next sync round" in panel.result.text()
    assert keys.load_secret(IMAP_SECRET) == dovecot.password
    text = (data_dir / "settings.toml").read_text(encoding="utf-8")
    assert f'imap_host = "{dovecot.host}"' in text and dovecot.password not in text
    (event,) = _events(context, "settings.changed")
    assert event["password_replaced"] is True and dovecot.password not in json.dumps(event)
    # The page re-reads: the password is now "saved in the keyring", and not shown.
    qtbot.waitUntil(lambda: "keyring" in form.password_state.text(), timeout=30000)
    assert form.password.text() == ""


def test_an_smtp_refusal_quotes_the_535_reply(qtbot, window, smtp_sink: SmtpSink) -> None:
    smtp_sink.require_login("saraban@agency.test", "smtp-Secret-1")
    page = _page(window)
    page.show_section(SectionKey.SMTP.value)
    form = page.forms[SectionKey.SMTP]
    panel = page.panel(SectionKey.SMTP.value)
    assert form.password is not None and panel.test_button is not None
    _type_into(form.edit("smtp_host"), smtp_sink.host)
    _type_into(form.edit("smtp_port"), str(smtp_sink.port))
    form.fields["smtp_security"].setCurrentIndex(2)
    _type_into(form.edit("smtp_user"), "saraban@agency.test")
    _type_into(form.password, "not-it")
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.test_button.isEnabled() and bool(panel.result.text()), timeout=40000
    )
    assert "535 5.7.8 Authentication credentials invalid" in panel.result.text()
    assert smtp_sink.deliveries == []


def test_a_port_out_of_range_is_refused_with_the_reason(qtbot, window, data_dir) -> None:
    page = _page(window)
    page.show_section(SectionKey.MAILBOX.value)
    form = page.forms[SectionKey.MAILBOX]
    panel = page.panel(SectionKey.MAILBOX.value)
    _type_into(form.edit("imap_port"), "70000")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.save_button.isEnabled() and bool(panel.result.text()), timeout=30000
    )
    shown = panel.result.text()
    # The field by its label in both languages, and what to do; not the settings.toml key.
    assert "“Port” must be at most 65535 (not 70000)" in shown
    assert "«พอร์ต» ต้องไม่เกิน 65535 (ไม่ใช่ 70000)" in shown
    assert "imap_port" not in shown and "Correct that field and save again" in shown
    assert not (data_dir / "settings.toml").exists()


def test_free_mail_is_refused_then_kept_on_purpose_with_a_warning(qtbot, window, context) -> None:
    page = _page(window)
    assert page.current_section() == AGENCY
    form = page.agency_form
    panel = page.panel(AGENCY)
    qtbot.waitUntil(lambda: form.name_th.text() != "", timeout=30000)
    _type_into(form.address_th, "99 หมู่ 1 ตำบลทดสอบ อำเภอเมือง จังหวัดหนองคาย 43000")
    _type_into(form.email, "tambon.test@gmail.com")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.save_button.isEnabled() and bool(panel.result.text()), timeout=30000
    )
    assert "gmail.com" in panel.result.text() and "Nothing was saved" in panel.result.text()
    assert _events(context, "agency.updated") == []
    keep = panel.result.error._action
    assert keep.isVisible() and keep.text()
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.ok, timeout=30000)
    assert "Warning: the agency's official address is free mail" in panel.result.text()
    (event,) = _events(context, "agency.updated")
    assert event["changed"]["email"]["to"] == "tambon.test@gmail.com"
    assert event["changed"]["address_th"]["to"].startswith("99 หมู่ 1")
    qtbot.wait(50)  # the page scrolls the answer into view on the next turn of the loop
    shot(window, "agency-free-mail-th")


def test_screenshots_in_thai_and_english(qtbot, window, gui, tmp_path) -> None:
    page = _page(window)
    qtbot.waitUntil(lambda: page.agency_form.name_th.text() != "", timeout=30000)
    for language in ("th", "en"):
        i18n.apply_language(language, gui)
        QApplication.processEvents()
        page.show_section(AGENCY)
        QApplication.processEvents()
        shot(window, f"agency-{language}")
        page.show_section(SectionKey.MAILBOX.value)
        QApplication.processEvents()
        shot(window, f"mailbox-{language}")
        page.show_section(SectionKey.SIGNING.value)
        QApplication.processEvents()
        shot(window, f"signing-{language}")
    assert page.title.text() == "Settings"


def test_the_drive_and_the_token_library_are_tested_from_the_page(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    import subprocess

    from tests.integration.test_settings import _softhsm_module
    from tests.peers.tools import require_tool

    page = _page(window)
    page.show_section(SectionKey.DRIVE.value)
    drive = page.forms[SectionKey.DRIVE]
    panel = page.panel(SectionKey.DRIVE.value)
    assert panel.test_button is not None
    _type_into(drive.edit("drive_root"), str(tmp_path / "not-mounted"))
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.test_button.isEnabled() and bool(panel.result.text()), timeout=40000
    )
    assert "not-mounted" in panel.result.text() and "was not found" in panel.result.text()

    util = require_tool("softhsm2-util", "softhsm2")
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(
        [
            util,
            "--init-token",
            "--free",
            "--label",
            "approver",
            "--pin",
            "1234",
            "--so-pin",
            "5678",
        ],
        check=True,
        capture_output=True,
    )
    page.show_section(SectionKey.SIGNING.value)
    signing = page.forms[SectionKey.SIGNING]
    panel = page.panel(SectionKey.SIGNING.value)
    assert panel.test_button is not None
    _type_into(signing.edit("pkcs11_module"), _softhsm_module())
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.ok, timeout=40000)
    # The library is loaded once per process (see the integration test): ours among them.
    found = re.search(r"พบโทเคน: ([^\n]*)", panel.result.text())
    assert found and "approver" in found.group(1).split(", "), panel.result.text()
    qtbot.wait(50)
    shot(window, "signing-token-found-th")


def test_what_was_typed_in_another_section_survives_a_save_and_a_page_switch(qtbot, window) -> None:
    page = _page(window)
    page.show_section(SectionKey.SMTP.value)
    smtp = page.forms[SectionKey.SMTP]
    _type_into(smtp.edit("smtp_host"), "mail.test-municipality.example.go.th")
    page.show_section(SectionKey.BACKUP.value)
    backup = page.forms[SectionKey.BACKUP]
    panel = page.panel(SectionKey.BACKUP.value)
    _type_into(backup.edit("backup_dir"), "/srv/anuyat-backup")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "audit log" in panel.result.text(), timeout=30000)
    # The page re-read everything after the save, and shows it again when chosen again.
    qtbot.waitUntil(lambda: not page._runner.is_busy(), timeout=30000)
    assert window.show_dashboard() is None and window.show_settings()
    qtbot.waitUntil(lambda: not page._runner.is_busy(), timeout=30000)
    assert smtp.values()["smtp_host"] == "mail.test-municipality.example.go.th"
    assert backup.values()["backup_dir"] == "/srv/anuyat-backup"


def _save_and_wait(qtbot, panel) -> str:
    panel.result.clear()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.save_button.isEnabled() and bool(panel.result.text()), timeout=30000
    )
    return panel.result.text()


def test_the_register_address_and_the_retention_years_are_typed_checked_and_saved(
    qtbot, window, gui, context, data_dir
) -> None:
    # Two settings that lived only in settings.toml: the https address printed under each
    # licence's QR, and how many years a closed request is kept. No connection to test.
    page = _page(window)
    qtbot.waitUntil(lambda: SectionKey.RETENTION in page.forms, timeout=30000)
    page.show_section(SectionKey.ISSUING.value)
    issuing, panel = page.forms[SectionKey.ISSUING], page.panel(SectionKey.ISSUING.value)
    assert panel.test_button is None
    _type_into(issuing.edit("register_url"), "http://www.test-municipality.go.th/licences")
    shown = _save_and_wait(qtbot, panel)
    assert not panel.result.ok and "must be a web address starting with https://" in shown
    assert "“Address of the licence register” must be" in shown and "register_url" not in shown
    assert "«ที่อยู่ทะเบียนใบอนุญาต» ต้องเป็นที่อยู่เว็บ" in shown
    assert "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://" in shown
    assert not (data_dir / "settings.toml").exists()
    _type_into(issuing.edit("register_url"), "https://www.test-municipality.go.th/licences")
    assert "audit log" in _save_and_wait(qtbot, panel)

    page.show_section(SectionKey.RETENTION.value)
    retention, panel = page.forms[SectionKey.RETENTION], page.panel(SectionKey.RETENTION.value)
    _type_into(retention.edit("retention_years"), "250")
    shown = _save_and_wait(qtbot, panel)
    assert "“Keep closed requests for (years; 0: for ever)” must be at most 200 (not 250)" in shown
    assert "«เก็บคำขอที่ปิดแล้วไว้ (ปี; 0: ตลอดไป)» ต้องไม่เกิน 200 (ไม่ใช่ 250)" in shown
    assert "retention_years" not in shown
    assert retention.label("retention_years") == "เก็บคำขอที่ปิดแล้วไว้ (ปี; 0: ตลอดไป)"
    for language in ("en", "th"):
        i18n.apply_language(language, gui)
        QApplication.processEvents()
        english = (
            retention.label("retention_years") == "Keep closed requests for (years; 0: for ever)"
        )
        assert english == (language == "en")
        # Whole in the frame right after the switch: the label column and "Save".
        for widget in [panel.save_button, *retention.findChildren(QLabel)]:
            if widget.isVisible():
                assert widget.width() >= widget.sizeHint().width(), widget.text()
        shot(window, f"retention-refused-{language}")
    _type_into(retention.edit("retention_years"), "10")
    assert "audit log" in _save_and_wait(qtbot, panel)

    text = (data_dir / "settings.toml").read_text(encoding="utf-8")
    assert 'register_url = "https://www.test-municipality.go.th/licences"' in text
    assert "retention_years = 10" in text
    changes = {e["section"]: e["changed"] for e in _events(context, "settings.changed")}
    assert changes["issuing"]["register_url"] == {
        "from": "",
        "to": "https://www.test-municipality.go.th/licences",
    }
    assert changes["retention"]["retention_years"] == {"from": 0, "to": 10}
    for language in ("th", "en"):
        i18n.apply_language(language, gui)
        QApplication.processEvents()
        for key in (SectionKey.ISSUING, SectionKey.RETENTION):
            page.show_section(key.value)
            QApplication.processEvents()
            shot(window, f"{key.value}-{language}")
    assert page.panel(SectionKey.RETENTION.value).heading.text() == "Retention"


def test_the_screen_lock_minutes_are_typed_checked_and_saved(
    qtbot, window, gui, context, data_dir
) -> None:
    page = _page(window)
    qtbot.waitUntil(lambda: SectionKey.SCREEN_LOCK in page.forms, timeout=30000)
    page.show_section(SectionKey.SCREEN_LOCK.value)
    form, panel = page.forms[SectionKey.SCREEN_LOCK], page.panel(SectionKey.SCREEN_LOCK.value)
    assert panel.test_button is None
    assert form.edit("lock_after_minutes").text() == "10"  # the declared default
    _type_into(form.edit("lock_after_minutes"), "121")
    shown = _save_and_wait(qtbot, panel)
    assert (
        "“Lock the screen after this long unused (minutes; 0: never)” must be at most 120 (not 121)"
        in shown
    )
    assert "«ล็อกหน้าจอเมื่อไม่มีการใช้งานนาน (นาที; 0: ไม่ล็อก)» ต้องไม่เกิน 120 (ไม่ใช่ 121)" in shown
    assert not (data_dir / "settings.toml").exists()
    # The open windows read the minutes at each idle check, so the hint says so (not "the
    # next time it is used", which the other sections say) and names the check's period.
    within = f"within {CHECK_EVERY_MS // 1000} seconds"
    _type_into(form.edit("lock_after_minutes"), "5")
    shown = _save_and_wait(qtbot, panel)
    assert "audit log" in shown and within in shown and "next time" not in shown
    assert f"ภายใน {CHECK_EVERY_MS // 1000} วินาที" in shown
    assert "lock_after_minutes = 5" in (data_dir / "settings.toml").read_text(encoding="utf-8")
    changes = {e["section"]: e["changed"] for e in _events(context, "settings.changed")}
    assert changes["screen_lock"]["lock_after_minutes"] == {"from": 10, "to": 5}
    for language in ("th", "en"):
        i18n.apply_language(language, gui)
        QApplication.processEvents()
        for widget in [panel.save_button, *form.findChildren(QLabel)]:
            if widget.isVisible():
                assert widget.width() >= widget.sizeHint().width(), widget.text()
        shot(window, f"screen_lock-{language}")
        hint = f"ภายใน {CHECK_EVERY_MS // 1000} วินาที" if language == "th" else within
        assert hint in panel.effect.text() and "next time" not in panel.effect.text()
    assert panel.heading.text() == "Screen lock"


def test_save_is_in_view_on_a_1280_by_720_screen_under_the_demo_band(
    qtbot, gui, ports, runner, settings
) -> None:
    admin = ports.shell.sign_in("admin", STAFF_PASSWORD)
    # The demo profile's band (as `make run` shows it) takes the height the form had spare.
    window = MainWindow(ports, admin, runner, settings=settings, demo_warning=True)
    qtbot.addWidget(window)
    window.resize(1280, 680)  # maximised on a 1280×720 screen, less its panel and title bar
    window.show()
    assert window.show_settings()
    page = _page(window)
    qtbot.waitUntil(lambda: SectionKey.MAILBOX in page.forms, timeout=30000)
    for language in ("th", "en"):
        i18n.apply_language(language, gui)
        for name in (AGENCY, "retention", "screen_lock"):
            page.show_section(name)
            button = page.panel(name).save_button
            qtbot.waitUntil(button.isVisible, timeout=10_000)
            window.layout().activate()
            QApplication.processEvents()
            # The whole button inside the page (it was cut by the page's bottom edge).
            assert page.rect().contains(button.mapTo(page, button.rect().bottomRight())), name
        shot(window, f"agency-under-demo-band-{language}")
    i18n.apply_language("th", gui)
