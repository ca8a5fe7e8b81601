"""``anuyat users …`` as an administrator runs it: real child processes on a real encrypted
profile (the keyring shared through a file), passwords only from stdin or the environment."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from models import Event
from services.access.auth import MAX_FAILED_ATTEMPTS, AccountLocked, SignInFailed
from services.api.ports import build_ports
from services.kernel.clock import SystemClock
from services.store.profile import load_context
from tests.conftest import STAFF_PASSWORD
from tests.file_keyring import FileKeyring, child_env

ROOT = Path(__file__).resolve().parents[2]
MALEE_PASSWORD = "มาลี-รักงาน-2569"


@dataclass
class Profile:
    data_dir: Path
    ring: Path
    config: Path

    def run(
        self, *args: str, stdin: str = "", admin_password: str | None = STAFF_PASSWORD
    ) -> subprocess.CompletedProcess[str]:
        extra = {"ANUYAT_CONFIG_DIR": str(self.config)}
        if admin_password is not None:
            extra["ANUYAT_ADMIN_PASSWORD"] = admin_password
        env = child_env(self.ring, **extra)
        env.pop("ANUYAT_DATA_DIR", None)
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(self.data_dir), *args],
            cwd=ROOT,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def users(self, *args: str, **kwargs: str | None) -> subprocess.CompletedProcess[str]:
        return self.run("users", *args, **kwargs)  # type: ignore[arg-type]


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


def _one_time(out: str) -> str:
    match = re.search(r"^\s{4}(\S+)$", out, re.MULTILINE)
    assert match, out
    return match.group(1)


def _add_malee(profile: Profile, roles: str = "intake,reviewer") -> str:
    done = profile.users(
        "add", "malee.r",
        "--name-th", "นางสาวมาลี รักงาน",
        "--name-en", "Ms Malee Rakngan",
        "--position", "เจ้าพนักงานธุรการ",
        "--email", "malee.r@test.example.go.th",
        "--roles", roles,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "shown once" in done.stdout and "แสดงครั้งเดียว" in done.stdout
    return _one_time(done.stdout)


def _listing(profile: Profile) -> dict[str, dict]:
    done = profile.users("list", "--json")
    assert done.returncode == 0, done.stderr
    return {row["username"]: row for row in json.loads(done.stdout)}


def test_an_officers_life_from_the_command_line(profile: Profile) -> None:
    one_time = _add_malee(profile)
    rows = _listing(profile)
    assert rows["malee.r"]["state"] == "must-change"
    assert rows["malee.r"]["roles"] == ["intake", "reviewer"]
    assert rows["malee.r"]["position_th"] == "เจ้าพนักงานธุรการ"
    assert rows["admin"]["roles"] == ["admin"]

    # The officer must choose their own password before anything else…
    refused = profile.users("--as", "malee.r", "list", admin_password=one_time)
    assert refused.returncode == 2
    assert "anuyat users --as malee.r passwd" in refused.stderr
    # …from stdin: current line, then new line (never on the command line).
    changed = profile.users(
        "--as", "malee.r", "passwd", admin_password=None, stdin=f"{one_time}\n{MALEE_PASSWORD}\n"
    )
    assert changed.returncode == 0, changed.stderr
    assert "Password changed" in changed.stdout
    # She is no administrator.
    denied = profile.users("--as", "malee.r", "list", admin_password=MALEE_PASSWORD)
    assert denied.returncode == 2 and "needs role: admin" in denied.stderr

    done = profile.users("roles", "malee.r", "--add", "finance")
    assert done.returncode == 0 and "finance, intake, reviewer" in done.stdout
    done = profile.users("roles", "malee.r", "--remove", "intake")
    assert done.returncode == 0
    assert _listing(profile)["malee.r"]["roles"] == ["reviewer", "finance"]
    same = profile.users("roles", "malee.r", "--set", "finance,reviewer")
    assert "Nothing changed" in same.stdout

    done = profile.users("deactivate", "malee.r", "--reason", "ย้ายไปสังกัดอื่น")
    assert done.returncode == 0 and "deactivated" in done.stdout
    gone = profile.users("--as", "malee.r", "list", admin_password=MALEE_PASSWORD)
    assert gone.returncode == 2 and "Wrong user name or password" in gone.stderr
    assert _listing(profile)["malee.r"]["state"] == "deactivated"
    assert profile.users("activate", "malee.r").returncode == 0

    reset = profile.users("reset-password", "malee.r")
    assert reset.returncode == 0, reset.stderr
    fresh = _one_time(reset.stdout)
    assert fresh != one_time
    old = profile.users("--as", "malee.r", "passwd", admin_password=MALEE_PASSWORD)
    assert old.returncode == 2  # the forgotten password no longer works

    audit = profile.run("audit", "verify")
    assert audit.returncode == 0 and "intact" in audit.stdout
    # Neither the log nor the events hold a password.
    log = (profile.data_dir / "logs" / "anuyat.log").read_text(encoding="utf-8")
    events = _event_payloads(profile)
    for secret in (one_time, fresh, MALEE_PASSWORD, STAFF_PASSWORD):
        assert secret not in log
        assert secret not in events
    for kind in (
        "user.created",
        "user.password_changed",
        "user.roles_changed",
        "user.deactivated",
        "user.activated",
        "user.password_reset",
    ):
        assert kind in events


def test_the_last_administrator_stays(profile: Profile) -> None:
    for action in (("roles", "admin", "--set", "reviewer"), ("deactivate", "admin")):
        done = profile.users(*action)
        assert done.returncode == 2
        assert "last active administrator" in done.stderr and "คนสุดท้าย" in done.stderr
    assert _listing(profile)["admin"]["state"] == "active"


def test_unlock_after_too_many_wrong_passwords(profile: Profile) -> None:
    one_time = _add_malee(profile)
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(profile.ring))
    try:
        context = load_context(profile.data_dir, SystemClock())
        ws = build_ports(context)
        for _ in range(MAX_FAILED_ATTEMPTS - 1):
            with pytest.raises(SignInFailed):
                ws.shell.sign_in("malee.r", "guessing-1234")
        with pytest.raises(AccountLocked):
            ws.shell.sign_in("malee.r", "guessing-1234")
        assert _listing(profile)["malee.r"]["state"] == "locked"
        done = profile.users("unlock", "malee.r")
        assert done.returncode == 0 and "unlocked" in done.stdout
        assert ws.shell.sign_in("malee.r", one_time).must_change_password
        again = profile.users("unlock", "malee.r")
        assert again.returncode == 2 and "not locked" in again.stderr
        context.store.close()
    finally:
        keyring.set_keyring(previous)


def test_bad_input_is_refused_with_what_to_fix(profile: Profile) -> None:
    done = profile.users(
        "add", "malee.r", "--name-th", "", "--name-en", "M", "--position", "",
        "--roles", "chief", "--email", "nope",
    )  # fmt: skip
    assert done.returncode == 2
    assert "Thai name" in done.stderr and "position" in done.stderr and "chief" in done.stderr
    wrong = profile.users("list", admin_password="not-the-password-1")
    assert wrong.returncode == 2 and "Wrong user name or password" in wrong.stderr
    # Passwords are not accepted as arguments at all.
    argv = profile.users("passwd", "--new-password", MALEE_PASSWORD)
    assert argv.returncode == 2 and "unrecognized arguments" in argv.stderr
    missing = profile.users("--password-file", "/nonexistent/pw", "list")
    assert missing.returncode == 2 and "Cannot read the password file" in missing.stderr


def test_init_applies_the_password_policy(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text("password_min_length = 16\n", encoding="utf-8")
    weak = Profile(tmp_path / "p", tmp_path / "ring.json", config)
    done = weak.run(
        "init", "--agency-name-th", "ท", "--agency-name-en", "T", "--agency-code", "TST",
        "--agency-number", "1", "--agency-email", "a@test.go.th",
    )  # fmt: skip
    assert done.returncode == 2
    assert "at least 16 characters" in done.stderr and "อย่างน้อย 16" in done.stderr
    assert not (weak.data_dir / "anuyat.db").exists()


def _event_payloads(profile: Profile) -> str:
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(profile.ring))
    try:
        context = load_context(profile.data_dir, SystemClock())
        with context.read() as session:
            rows = session.execute(select(Event.type, Event.payload)).all()
        context.store.close()
    finally:
        keyring.set_keyring(previous)
    return "\n".join(f"{t} {p}" for t, p in rows)


def test_an_officer_is_put_in_a_section_by_the_administrator(profile: Profile) -> None:
    one_time = _add_malee(profile)
    done = profile.users("section", "malee.r", "งานอาหาร")
    assert done.returncode == 0, done.stderr
    assert "Section of malee.r: งานอาหาร" in done.stdout
    # Not the officer herself (she must first choose a password, and is no administrator).
    profile.users(
        "--as", "malee.r", "passwd", admin_password=None, stdin=f"{one_time}\n{MALEE_PASSWORD}\n"
    )
    denied = profile.users(
        "--as", "malee.r", "section", "malee.r", "", admin_password=MALEE_PASSWORD
    )
    assert denied.returncode == 2 and "needs role: admin" in denied.stderr
    events = _event_payloads(profile)
    assert "user.section_changed" in events and "งานอาหาร" in events
