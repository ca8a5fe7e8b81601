"""A keyring that refuses its password is told apart from no keyring at all, on the real
backend the agency server uses: GNOME Keyring in a D-Bus session, unlocked the way the
server's wrapper does it (``printf %s PASSWORD | gnome-keyring-daemon --unlock``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_STORE_AND_READ = """
import sys
from services.store import keys
if sys.argv[1] == "store":
    keys.store_secret("earlier-setup", "kept")
print("read:", keys.load_secret("earlier-setup"))
"""


def _in_keyring_session(
    home: Path, password: str, *command: str
) -> subprocess.CompletedProcess[str]:
    """``command`` in a fresh D-Bus session whose keyring was unlocked with ``password``."""
    runtime = home / "run"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHONPATH": str(REPO),
        "ANUYAT_CONFIG_DIR": str(home / "anuyat-config"),
        "ANUYAT_ADMIN_PASSWORD": "Str0ng-enough-passw0rd",
        "LANG": "C.UTF-8",
    }
    script = 'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock >/dev/null; exec "$@"'
    return subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script, "keyring-session", *command],
        env={**env, "KEYRING_PASSWORD": password},
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_keyring_left_with_another_password_is_reported_as_locked_and_kept(
    tmp_path: Path,
) -> None:
    home = tmp_path / "postgres-home"
    python = sys.executable
    first = _in_keyring_session(home, "the first password", python, "-c", _STORE_AND_READ, "store")
    assert "read: kept" in first.stdout, first.stderr
    keyring_file = home / ".local" / "share" / "keyrings" / "login.keyring"
    before = keyring_file.read_bytes()

    # A second try with another password: 'server init' stops before the server is touched
    # (--port given, so no connection is made first) and says what is wrong and what to do.
    agency = ["--agency-name-th", "เทศบาลตำบลทดสอบ", "--agency-name-en", "Test Municipality",
              "--agency-code", "TST", "--agency-number", "ทส 52001",
              "--agency-email", "saraban@test.example.go.th"]  # fmt: skip
    init = _in_keyring_session(
        home, "another password", python, "-m", "app", "--data-dir", str(tmp_path / "server"),
        "server", "init", "--superuser", "host=/nonexistent", "--port", "5432",
        "--host", "localhost", *agency,
    )  # fmt: skip
    assert init.returncode == 2, init.stderr
    assert "keyring exists but stays locked" in init.stderr
    assert "รหัสผ่านที่ใช้ปลดล็อกไม่ใช่รหัสผ่านของ" in init.stderr
    assert "login.keyring.old" in init.stderr  # how to move it aside, never "delete"
    assert "no usable" not in init.stderr
    assert not (tmp_path / "server").exists()
    assert keyring_file.read_bytes() == before  # the old keyring is left as it was

    doctor = _in_keyring_session(home, "another password", python, "-m", "app", "doctor")
    assert "keyring exists but stays locked" in doctor.stdout + doctor.stderr

    # With its own password the old keyring opens, its secret intact.
    again = _in_keyring_session(home, "the first password", python, "-c", _STORE_AND_READ, "read")
    assert "read: kept" in again.stdout, again.stderr
