"""``anuyat settings …`` as an administrator runs it: real child processes on a real
encrypted profile (the keyring shared through a file) and a real Dovecot; the command line
uses the settings page's service, so the same checks and events apply."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from models import Event
from services.kernel.clock import SystemClock
from services.settings.sections import IMAP_SECRET
from services.store import keys
from services.store.profile import load_context
from tests.file_keyring import FileKeyring
from tests.integration.test_cli_users import Profile
from tests.peers.dovecot import DovecotServer

pytestmark = pytest.mark.peer


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    config = tmp_path / "config"
    config.mkdir()
    made = Profile(tmp_path / "profile", tmp_path / "keyring.json", config)
    done = made.run(
        "init",
        "--agency-name-th", "เทศบาลตำบลทดสอบ",
        "--agency-name-en", "Test Municipality",
        "--agency-code", "TST",
        "--agency-number", "ทส 52001",
        "--agency-email", "saraban@test.example.go.th",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return made


def _events(profile: Profile, type_: str) -> list[dict]:
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(profile.ring))
    try:
        context = load_context(profile.data_dir, SystemClock())
        try:
            with context.read() as session:
                rows = session.scalars(select(Event).where(Event.type == type_))
                return [json.loads(e.payload) for e in rows]
        finally:
            context.store.close()
    finally:
        keyring.set_keyring(previous)


def test_set_show_and_test_the_mailbox_from_the_command_line(
    profile: Profile, dovecot: DovecotServer
) -> None:
    base = ("settings", "set", "mailbox")
    wrong = profile.run(
        *base, f"imap_host={dovecot.host}", "imap_port=99999", "imap_security=plain",
        f"imap_user={dovecot.user}",
    )  # fmt: skip
    assert wrong.returncode == 2 and "'imap_port' must be at most 65535" in wrong.stderr
    secret = profile.data_dir.parent / "imap-password.txt"
    secret.write_text(dovecot.password + "\n", encoding="utf-8")
    done = profile.run(
        *base, f"imap_host={dovecot.host}", f"imap_port={dovecot.port}", "imap_security=plain",
        f"imap_user={dovecot.user}", "imap_folders=INBOX", "--secret-file", str(secret),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "imap_host" in done.stdout and "password (keyring)" in done.stdout

    shown = profile.run("settings", "show", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["mailbox"]["imap_host"] == dovecot.host
    assert data["mailbox"]["password_saved_in_keyring"] is True
    assert dovecot.password not in shown.stdout
    assert data["agency"]["email"] == "saraban@test.example.go.th"

    ok = profile.run("settings", "test", "mailbox")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "every folder to watch is there" in ok.stdout
    refused = profile.run("settings", "test", "mailbox", "imap_user=nobody@agency.test")
    assert refused.returncode == 4
    assert "[AUTHENTICATIONFAILED]" in refused.stdout

    (event,) = _events(profile, "settings.changed")
    assert event["password_replaced"] is True and dovecot.password not in json.dumps(event)
    assert event["changed"]["imap_port"]["to"] == dovecot.port
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(profile.ring))
    try:
        assert keys.load_secret(IMAP_SECRET) == dovecot.password
    finally:
        keyring.set_keyring(previous)


def test_the_agency_from_the_command_line_with_the_free_mail_rule(profile: Profile) -> None:
    refused = profile.run("settings", "set", "agency", "email=tambon@gmail.com")
    assert refused.returncode == 2 and "gmail.com" in refused.stderr
    kept = profile.run(
        "settings", "set", "agency", "email=tambon@gmail.com", "opens_at=08:00",
        "--allow-free-mail",
    )  # fmt: skip
    assert kept.returncode == 0, kept.stderr
    assert "email" in kept.stdout and "Warning" in kept.stdout
    (event,) = _events(profile, "agency.updated")
    assert event["changed"]["opens_at"] == {"from": "08:30", "to": "08:00"}
