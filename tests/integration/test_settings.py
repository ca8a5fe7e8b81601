"""The administrator's settings on a real store, a real keyring entry, real peers: the
agency's identity (M11 checks), the station's sections saved as events with the passwords
in the keyring, and "Test connection" against Dovecot, the SMTP sink, folders and SoftHSM2."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import open_runtime
from app.settings import Settings, load_settings, with_profile
from models import Event
from services.api.ports import build_ports
from services.api.settings import SectionKey, SettingsFacade
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from services.settings.probes import ProbeResult, within
from services.settings.sections import IMAP_SECRET
from services.store import keys
from services.store.agency import FreeMailAddress
from tests.conftest import STAFF_PASSWORD
from tests.peers.dovecot import DovecotServer
from tests.peers.smtp import SmtpSink
from tests.peers.tools import require_tool


@pytest.fixture
def port(context, data_dir) -> SettingsFacade:
    return SettingsFacade(context, data_dir / "settings.toml")


@pytest.fixture
def admin(context):
    return build_ports(context).shell.sign_in("admin", STAFF_PASSWORD)


@pytest.fixture
def reviewer(context):
    return build_ports(context).shell.sign_in("reviewer", STAFF_PASSWORD)


def _events(context, type_: str) -> list[dict]:
    with context.read() as session:
        rows = session.scalars(select(Event).where(Event.type == type_).order_by(Event.seq))
        return [json.loads(e.payload) for e in rows]


def _mailbox(port, admin, **changes: object) -> dict:
    values = dict(next(s for s in port.sections(admin) if s.key is SectionKey.MAILBOX).values)
    values.update(changes)
    return values


def _smtp(port, admin, **changes: object) -> dict:
    values = dict(next(s for s in port.sections(admin) if s.key is SectionKey.SMTP).values)
    values.update(changes)
    return values


# --- the agency ----------------------------------------------------------------------------


def test_changing_the_agency_is_one_event_and_moves_the_business_hours(
    context, port, admin
) -> None:
    before = port.agency_details(admin)
    changed = replace(
        before,
        name_en="Test Town Municipality",
        address_th="99 ถนนราชดำเนิน ตำบลทดสอบ อำเภอเมือง จังหวัดหนองคาย 43000",
        opens_at=time(8, 0),
        closes_at=time(16, 0),
    )
    update = port.save_agency(admin, changed)
    assert set(update.changed) == {"name_en", "address_th", "opens_at", "closes_at"}
    assert update.warning is None
    assert port.agency_details(admin) == changed
    (event,) = _events(context, "agency.updated")
    assert event["changed"]["opens_at"] == {"from": "08:30", "to": "08:00"}
    assert event["changed"]["name_en"]["to"] == "Test Town Municipality"
    # At once, without a restart: the calendar the SLA clocks use has the new hours.
    assert context.calendar.hours.opens == time(8, 0)
    assert context.calendar.hours.closes == time(16, 0)
    with context.read() as session:
        assert verify_chain(session).ok


def test_saving_the_same_agency_again_records_nothing(context, port, admin) -> None:
    update = port.save_agency(admin, port.agency_details(admin))
    assert update.changed == ()
    assert _events(context, "agency.updated") == []


def test_a_malformed_official_address_is_refused_and_nothing_changes(context, port, admin) -> None:
    before = port.agency_details(admin)
    with pytest.raises(InvalidInput) as refused:
        port.save_agency(admin, replace(before, email="saraban@@test", code="tst"))
    assert "saraban@@test" in refused.value.en
    assert "agency code" in refused.value.en and "รหัสหน่วยงาน" in refused.value.th
    assert port.agency_details(admin) == before
    assert _events(context, "agency.updated") == []


def test_free_mail_is_refused_unless_accepted_and_then_warned_about(context, port, admin) -> None:
    free = replace(port.agency_details(admin), email="tambon.test@gmail.com")
    with pytest.raises(FreeMailAddress):
        port.save_agency(admin, free)
    assert port.agency_details(admin).email != free.email
    update = port.save_agency(admin, free, allow_free_mail=True)
    assert update.changed == ("email",)
    assert update.warning is not None and "gmail.com" in update.warning[1]
    (event,) = _events(context, "agency.updated")
    assert event["free_mail_accepted"] == "gmail.com"


def test_only_the_administrator_may_see_or_change_settings(port, reviewer) -> None:
    assert not port.may_manage_settings(reviewer)
    with pytest.raises(PermissionDenied):
        port.agency_details(reviewer)
    with pytest.raises(PermissionDenied):
        port.sections(reviewer)
    with pytest.raises(PermissionDenied):
        port.test_section(reviewer, SectionKey.BACKUP, {"backup_dir": "/tmp"})


# --- the station's sections ----------------------------------------------------------------


def test_the_mailbox_is_saved_to_the_file_and_the_password_to_the_keyring_only(
    context, port, admin, data_dir, memory_keyring
) -> None:
    values = _mailbox(
        port,
        admin,
        imap_host="mail.test-municipality.example.go.th",
        imap_port=993,
        imap_user="saraban@test-municipality.example.go.th",
        imap_folders=["INBOX", "คำขอ"],
    )
    saved = port.save_section(admin, SectionKey.MAILBOX, values, "ความลับ-Imap-2026")
    assert saved.password_replaced and "imap_host" in saved.changed
    assert keys.load_secret(IMAP_SECRET) == "ความลับ-Imap-2026"
    text = (data_dir / "settings.toml").read_text(encoding="utf-8")
    assert "mail.test-municipality.example.go.th" in text
    assert "ความลับ" not in text
    (event,) = _events(context, "settings.changed")
    assert event["section"] == "mailbox" and event["password_replaced"] is True
    assert event["changed"]["imap_host"] == {"from": "", "to": values["imap_host"]}
    assert "ความลับ" not in json.dumps(event, ensure_ascii=False)
    # What the page wrote is what the program reads at its next start.
    reread = with_profile(Settings({}, None), data_dir)
    assert reread.get("imap_folders") == ["INBOX", "คำขอ"]
    shown = next(s for s in port.sections(admin) if s.key is SectionKey.MAILBOX)
    assert shown.password_saved is True and shown.values["imap_port"] == 993


def test_the_mailbox_rules_of_the_sync_are_the_pages_rules(context, port, admin) -> None:
    plain = _mailbox(port, admin, imap_host="mail.example.go.th", imap_security="plain")
    plain["imap_user"] = "saraban@example.go.th"
    with pytest.raises(InvalidInput) as refused:
        port.save_section(admin, SectionKey.MAILBOX, plain, "pw-123456")
    assert "clear text" in refused.value.en
    bad_port = _mailbox(port, admin, imap_port=70000)
    with pytest.raises(InvalidInput) as refused:
        port.save_section(admin, SectionKey.MAILBOX, bad_port)
    assert "imap_port" in refused.value.en and "65535" in refused.value.en
    no_password = _mailbox(port, admin, imap_host="mail.example.go.th", imap_user="s@x.go.th")
    with pytest.raises(InvalidInput) as refused:
        port.save_section(admin, SectionKey.MAILBOX, no_password)
    assert refused.value.code == "password_missing"
    assert _events(context, "settings.changed") == []


def test_a_relative_folder_is_refused(port, admin) -> None:
    with pytest.raises(InvalidInput) as refused:
        port.save_section(admin, SectionKey.BACKUP, {"backup_dir": "backups"})
    assert "full path" in refused.value.en


def test_a_saved_mailbox_is_used_by_the_next_sync_without_a_restart(
    data_dir, context, dovecot: DovecotServer, memory_keyring
) -> None:
    context.store.close()
    runtime = open_runtime(data_dir, load_settings(data_dir / "no-user-settings.toml"))
    try:
        admin = runtime.ports.shell.sign_in("admin", STAFF_PASSWORD)
        settings_port = runtime.ports.settings
        assert settings_port is not None
        assert runtime.settings.get("imap_host") == ""
        values = {
            "imap_host": dovecot.host,
            "imap_port": dovecot.port,
            "imap_security": "plain",
            "imap_user": dovecot.user,
            "imap_folders": ["INBOX"],
        }
        settings_port.save_section(admin, SectionKey.MAILBOX, values, dovecot.password)
        assert runtime.settings.get("imap_host") == dovecot.host
        box = runtime.plan.open_mailbox()
        with box:  # the new plan signs in to the server with the keyring's password
            assert box.name == f"{dovecot.user}@{dovecot.host}"
        share = data_dir.parent / "share"
        share.mkdir()
        drive = {"drive_root": str(share), "drive_processed_dir": "", "drive_stable_seconds": 30}
        settings_port.save_section(admin, SectionKey.DRIVE, drive)
        assert runtime.plan.scanner is not None and runtime.drive_root == share
        assert getattr(runtime.ports.reports, "drive_root", None) == share
    finally:
        runtime.close()


# --- "Test connection" against real peers --------------------------------------------------


def test_a_wrong_imap_password_shows_the_servers_refusal(
    port, admin, dovecot: DovecotServer
) -> None:
    values = _mailbox(
        port,
        admin,
        imap_host=dovecot.host,
        imap_port=dovecot.port,
        imap_security="plain",
        imap_user=dovecot.user,
    )
    result = port.test_section(admin, SectionKey.MAILBOX, values, "not-the-password")
    assert not result.ok
    assert "AUTHENTICATIONFAILED" in result.reply  # Dovecot's own NO line
    assert result.reply in result.en and result.reply in result.th
    assert "password" in result.en and "รหัสผ่าน" in result.th


def test_the_right_imap_password_signs_in_and_counts_the_folders(
    port, admin, dovecot: DovecotServer
) -> None:
    dovecot.create_folder("Archive")
    values = _mailbox(
        port,
        admin,
        imap_host=dovecot.host,
        imap_port=dovecot.port,
        imap_security="plain",
        imap_user=dovecot.user,
    )
    result = port.test_section(admin, SectionKey.MAILBOX, values, dovecot.password)
    assert result.ok, result.en
    count = len(dovecot.folders())
    assert count >= 2 and f"the mailbox has {count} folders" in result.en
    assert "IMAP4REV1" in result.reply
    missing = port.test_section(
        admin,
        SectionKey.MAILBOX,
        {**values, "imap_folders": ["INBOX", "Requests"]},
        dovecot.password,
    )
    assert not missing.ok and "Requests" in missing.en


def test_the_saved_imap_password_is_used_when_none_is_typed(
    port, admin, dovecot: DovecotServer
) -> None:
    keys.store_secret(IMAP_SECRET, dovecot.password)
    values = _mailbox(
        port,
        admin,
        imap_host=dovecot.host,
        imap_port=dovecot.port,
        imap_security="plain",
        imap_user=dovecot.user,
    )
    assert port.test_section(admin, SectionKey.MAILBOX, values).ok


def test_nothing_listening_is_said_plainly(port, admin) -> None:
    from tests.peers.loopback import free_port

    closed = free_port()
    values = _mailbox(
        port,
        admin,
        imap_host="127.0.0.1",
        imap_port=closed,
        imap_security="plain",
        imap_user="x@agency.test",
    )
    result = port.test_section(admin, SectionKey.MAILBOX, values, "pw")
    assert not result.ok and f"port {closed}" in result.en and "refused" in result.en


def test_a_wrong_smtp_password_shows_the_535_reply(port, admin, smtp_sink: SmtpSink) -> None:
    smtp_sink.require_login("saraban@agency.test", "smtp-Secret-1")
    values = _smtp(
        port,
        admin,
        smtp_host=smtp_sink.host,
        smtp_port=smtp_sink.port,
        smtp_security="plain",
        smtp_user="saraban@agency.test",
    )
    wrong = port.test_section(admin, SectionKey.SMTP, values, "wrong")
    assert not wrong.ok
    assert wrong.reply.startswith("535"), wrong.reply
    assert wrong.reply in wrong.en
    right = port.test_section(admin, SectionKey.SMTP, values, "smtp-Secret-1")
    assert right.ok, right.en
    assert "Nothing was sent" in right.en
    assert smtp_sink.logins == ["saraban@agency.test"] and smtp_sink.deliveries == []


def test_folders_missing_a_file_or_fine(port, admin, tmp_path: Path) -> None:
    missing = port.test_section(admin, SectionKey.BACKUP, {"backup_dir": str(tmp_path / "no")})
    assert not missing.ok and "not found" in missing.en
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    not_a_folder = port.test_section(admin, SectionKey.BACKUP, {"backup_dir": str(a_file)})
    assert not not_a_folder.ok and "is a file" in not_a_folder.en
    share = tmp_path / "share"
    share.mkdir()
    (share / "scan-001.pdf").write_bytes(b"%PDF-1.4")
    drive = {
        "drive_root": str(share),
        "drive_processed_dir": str(tmp_path / "gone"),
        "drive_stable_seconds": 30,
    }
    moved_missing = port.test_section(admin, SectionKey.DRIVE, drive)
    assert not moved_missing.ok and "gone" in moved_missing.en
    (tmp_path / "gone").mkdir()
    fine = port.test_section(admin, SectionKey.DRIVE, drive)
    assert fine.ok and "(1 items in it)" in fine.en
    assert sorted(p.name for p in share.iterdir()) == ["scan-001.pdf"]  # the test file is gone


def test_the_signing_module_lists_the_softhsm_token(port, admin, tmp_path, monkeypatch) -> None:
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
    module = _softhsm_module()
    result = port.test_section(admin, SectionKey.SIGNING, {"pkcs11_module": module})
    assert result.ok, result.en
    # The PKCS#11 library is loaded once per process: tokens an earlier test made in its
    # own SoftHSM folder may be listed beside this one, so look for ours among them.
    found = re.search(r"tokens found: ([^.]*)\.", result.en)
    assert found and "approver" in found.group(1).split(", "), result.en
    assert "SoftHSM" in result.en
    not_pkcs11 = port.test_section(admin, SectionKey.SIGNING, {"pkcs11_module": str(conf)})
    assert not not_pkcs11.ok and "could not be loaded as a PKCS#11 library" in not_pkcs11.en
    gone = port.test_section(admin, SectionKey.SIGNING, {"pkcs11_module": "/nowhere/lib.so"})
    assert not gone.ok and "not found" in gone.en


def _softhsm_module() -> str:
    for candidate in (
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    ):
        if Path(candidate).is_file():
            return candidate
    pytest.fail("SoftHSM2's PKCS#11 module is missing: apt-get install softhsm2")


def test_a_peer_that_never_answers_gets_an_answer_on_time() -> None:
    import threading

    release = threading.Event()

    def stuck() -> ProbeResult:
        release.wait()
        return ProbeResult(True, "", "")

    try:
        result = within(0.05, stuck, ("เซิร์ฟเวอร์", "server"))
    finally:
        release.set()
    assert not result.ok and "gave no answer within 0.05 seconds" in result.en


def test_imap_over_tls_trusts_the_agencys_own_authority_only_when_told(
    port, admin, dovecot: DovecotServer, tmp_path
) -> None:
    values = _mailbox(
        port,
        admin,
        imap_host="localhost",
        imap_port=dovecot.tls_port,
        imap_security="tls",
        imap_user=dovecot.user,
    )
    untrusted = port.test_section(admin, SectionKey.MAILBOX, values, dovecot.password)
    assert not untrusted.ok and "certificate could not be verified" in untrusted.en
    not_pem = tmp_path / "ca.txt"
    not_pem.write_text("hello")
    wrong_file = port.test_section(
        admin, SectionKey.MAILBOX, {**values, "imap_cafile": str(not_pem)}, dovecot.password
    )
    assert not wrong_file.ok and "not a PEM certificate" in wrong_file.en
    trusted = {**values, "imap_cafile": str(dovecot.cafile)}
    result = port.test_section(admin, SectionKey.MAILBOX, trusted, dovecot.password)
    assert result.ok, result.en
    saved = port.save_section(admin, SectionKey.MAILBOX, trusted, dovecot.password)
    assert "imap_cafile" in saved.changed


def test_the_register_and_retention_sections_have_nothing_to_test(port, admin) -> None:
    for key in (SectionKey.ISSUING, SectionKey.RETENTION):
        values = next(s for s in port.sections(admin) if s.key is key).values
        with pytest.raises(InvalidInput) as refused:
            port.test_section(admin, key, dict(values))
        assert "no connection to test" in refused.value.en and "ไม่มีสิ่งที่ต้องทดสอบ" in refused.value.th
