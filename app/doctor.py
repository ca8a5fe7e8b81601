"""``anuyat doctor``: check each piece the workstation needs and say how to fix it."""

from __future__ import annotations

import ctypes
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from app.settings import Settings, with_profile
from services.kernel.calendar import (
    DEFAULT_HOLIDAYS_PATH,
    BusinessCalendar,
    BusinessHours,
    holiday_data_warning,
)
from services.kernel.clock import BANGKOK
from services.kernel.errors import AnuyatError
from services.store import keys
from services.store.server_link import LINK_FILE

__all__ = ["Check", "run_checks", "run"]

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""  # what to do, when not ok (Thai / English)
    warning: str = ""  # ok for now, but needs attention soon (Thai / English)


KEYRING_HELP = """\
ติดตั้งและปลดล็อกที่เก็บกุญแจ (keyring) ของระบบ แล้วสั่งใหม่:
  - เครื่องที่มีเดสก์ท็อป: GNOME Keyring หรือ KWallet ซึ่งปลดล็อกเองเมื่อเข้าระบบ
    (Windows: Credential Manager มีในระบบอยู่แล้ว)
  - เครื่องที่ไม่มีเดสก์ท็อป (เซิร์ฟเวอร์ เข้าผ่าน SSH):
    sudo apt-get install gnome-keyring dbus-user-session
    แล้วสั่งงานภายใน D-Bus session ที่ปลดล็อก keyring แล้ว เช่น
    dbus-run-session -- sh -c \\
      'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock >/dev/null; anuyat doctor'
    (ครั้งแรกรหัสผ่านนี้จะสร้าง keyring ใหม่ ครั้งต่อไปต้องใช้รหัสผ่านเดิม)
  - ที่ยอมรับ: Secret Service (GNOME Keyring, KWallet), KWallet, Windows Credential Manager,
    macOS Keychain; ที่ไม่ยอมรับสำหรับข้อมูลจริง: keyrings.alt (กุญแจอยู่ในไฟล์) และ null/fail
Install and unlock the system keyring, then run the command again:
  - With a desktop: GNOME Keyring or KWallet, unlocked when you log in
    (Windows: Credential Manager is built in).
  - Without a desktop (a server, over SSH):
    sudo apt-get install gnome-keyring dbus-user-session
    and run Anuyat inside a D-Bus session with the keyring unlocked, e.g.
    dbus-run-session -- sh -c \\
      'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock >/dev/null; anuyat doctor'
    (the first time, that password creates the keyring; later it must be the same one).
  - Accepted: Secret Service (GNOME Keyring, KWallet), KWallet, Windows Credential Manager,
    macOS Keychain. Not accepted for real data: keyrings.alt (the key would sit in a file)
    and the null/fail backends."""


def _python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check(
        "Python",
        ok,
        sys.version.split()[0],
        "" if ok else "ติดตั้ง Python 3.11 ขึ้นไป / Install Python 3.11 or newer.",
    )


def _keyring() -> Check:
    try:
        return Check("keyring", True, keys.check_keyring())
    except keys.KeyringLocked as exc:  # there is one: installing another would not help
        return Check("keyring", False, exc.detail or "keyring locked", exc.bilingual())
    except AnuyatError as exc:
        return Check("keyring", False, exc.detail or "no usable keyring", KEYRING_HELP)


def _sqlcipher() -> Check:
    try:
        sqlcipher = importlib.import_module("sqlcipher3.dbapi2")
    except ImportError as exc:
        return Check(
            "SQLCipher",
            False,
            str(exc),
            "ติดตั้งแพ็กเกจ sqlcipher3 / Install it: pip install 'sqlcipher3>=0.6.4'",
        )
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlcipher.connect(str(Path(tmp) / "probe.db"))
        try:
            conn.execute("PRAGMA key = \"x'" + "ab" * 32 + "'\"")
            conn.execute("CREATE TABLE t(x)")
            version = conn.execute("PRAGMA cipher_version").fetchone()
        finally:
            conn.close()
    ok = bool(version and version[0])
    return Check(
        "SQLCipher",
        ok,
        f"cipher {version[0] if version else '?'}",
        "" if ok else "sqlcipher3 ไม่ได้เข้ารหัส / sqlcipher3 is not encrypting: reinstall it.",
    )


def _qt() -> Check:
    # Import in a child process: a missing system library (libEGL, libxkbcommon)
    # can abort the interpreter, and doctor must survive to report it.
    code = (
        "from PySide6.QtWidgets import QApplication; import sys; "
        "app = QApplication(sys.argv[:1]); print(app.platformName())"
    )
    env = dict(os.environ)
    if (
        not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
    ):
        no_screen = "no DISPLAY/WAYLAND_DISPLAY"
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        no_screen = ""
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        return Check("Qt", False, "timed out", "ตรวจการตั้งค่าจอภาพ / Check the display setup.")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return Check(
            "Qt",
            False,
            last,
            "ติดตั้งไลบรารีของ Qt / Install Qt's system libraries: "
            "sudo installer/install-system-deps.sh (Debian/Ubuntu)",
        )
    platform = done.stdout.strip()
    if no_screen:
        return Check(
            "Qt",
            True,
            f"{platform} ({no_screen}: the window needs a desktop session or Xvfb)",
        )
    return Check("Qt", True, platform)


def _fonts() -> Check:
    bundled = [RESOURCES / "fonts" / f for f in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")]
    missing = [p.name for p in bundled if not p.exists()]
    if missing:
        return Check(
            "Thai fonts",
            False,
            f"bundled font missing: {', '.join(missing)}",
            "ติดตั้งโปรแกรมใหม่ / Reinstall Anuyat (resources/fonts is incomplete).",
        )
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return Check(
            "Thai fonts", True, "Sarabun bundled (fontconfig not found to check system fonts)"
        )
    out = subprocess.run([fc_list, ":lang=th", "family"], capture_output=True, text=True).stdout
    if not out.strip():
        return Check(
            "Thai fonts",
            False,
            "no system font covers Thai",
            "ติดตั้งฟอนต์ไทย / Install Thai fonts: sudo apt-get install fonts-thai-tlwg",
        )
    return Check(
        "Thai fonts", True, f"Sarabun bundled; {len(out.splitlines())} system Thai families"
    )


def _pkcs11(settings: Settings) -> Check:
    module = settings.get("pkcs11_module")
    if not module:
        return Check(
            "PKCS#11 token", True, "not configured (needed only on the approver's station)"
        )
    path = Path(module)
    if not path.exists():
        return Check(
            "PKCS#11 token",
            False,
            f"{module} not found",
            "ติดตั้งไดรเวอร์ของโทเคน หรือแก้ pkcs11_module ในไฟล์ตั้งค่า / Install the token's "
            "driver, or correct pkcs11_module in settings.toml.",
        )
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        return Check(
            "PKCS#11 token",
            False,
            str(exc),
            "ไดรเวอร์โทเคนโหลดไม่ได้ — ติดตั้งใหม่ให้ตรงกับระบบ (64 บิต) / The token driver does "
            "not load: reinstall the 64-bit driver.",
        )
    return Check("PKCS#11 token", True, f"{path}; {_tokens_seen(str(path))}")


def _tokens_seen(module: str) -> str:
    """The tokens and certificates the module sees (no PIN asked)."""
    from services.kernel.errors import AnuyatError
    from services.produce.sign.token import list_tokens, public_certificates

    try:
        tokens = [t for t in list_tokens(module) if t.label]
        if not tokens:
            return "no token plugged in"
        parts = []
        for token in tokens:
            certs = public_certificates(module, token.label)
            described = ", ".join(
                f"{c.subject} (issuer {c.issuer}, to {c.not_after:%Y-%m-%d}"
                + (", signing" if c.signs else ", not for signing")
                + ")"
                for c in certs
            )
            pin = "" if token.pin_state == "ok" else f", PIN {token.pin_state}"
            parts.append(
                f"token '{token.label}' ({token.model}{pin}): {described or 'no certificates'}"
            )
        return "; ".join(parts)
    except AnuyatError as exc:
        return exc.en


def _data_dir(data_dir: Path) -> Check:
    choose = "เลือกโฟลเดอร์ที่เขียนได้ด้วย --data-dir / Choose a writable folder with --data-dir."
    if data_dir.exists():
        if not data_dir.is_dir():
            return Check("data folder", False, f"{data_dir} is a file, not a folder", choose)
        if not os.access(data_dir, os.W_OK | os.X_OK):
            return Check("data folder", False, f"{data_dir} is not writable", choose)
        if (data_dir / "anuyat.db").exists():
            state = "store present"
        elif (data_dir / LINK_FILE).exists():
            state = "agency profile: the store is the agency's server"
        else:
            state = "no store yet"
        return Check("data folder", True, f"{data_dir} ({state})")
    parent = next(p for p in data_dir.parents if p.exists())  # the root always exists
    if parent.is_dir() and os.access(parent, os.W_OK | os.X_OK):
        return Check(
            "data folder",
            True,
            f"{data_dir} does not exist yet; 'anuyat init' will create it ({parent} is writable)",
        )
    return Check(
        "data folder",
        False,
        f"{data_dir} does not exist and cannot be created: {parent} is not writable",
        choose,
    )


def _holidays(settings: Settings, data_dir: Path, today: date | None) -> Check:
    """The holiday list covers this year (else FAIL) and, from October, next year (else WARN).

    The list is the store's once the profile has one (the administrator adds years in the
    window); before that, the holiday file that will seed it."""
    from services.store.calendar_peek import stored_holidays

    path = DEFAULT_HOLIDAYS_PATH
    stored = stored_holidays(data_dir)
    try:
        path = with_profile(settings, data_dir).path("holidays_path") or path
        calendar = BusinessCalendar.from_toml(path, BusinessHours())
    except AnuyatError as exc:
        return Check("holidays", False, str(path), f"{exc.th}\n       {exc.en}")
    source = str(path)
    if stored is not None:
        calendar = BusinessCalendar(BusinessHours(), stored[1])
        source = f"the store's calendar (version {stored[0]})"
    years = ", ".join(str(y) for y in sorted(calendar.covered_years)) or "none"
    detail = f"{source} covers {years}"
    warning = holiday_data_warning(calendar, today or datetime.now(BANGKOK).date())
    if warning is None:
        return Check("holidays", True, detail)
    text = f"{warning.th}\n       {warning.en}"
    if warning.current_year_missing:
        return Check("holidays", False, detail, text)
    return Check("holidays", True, detail, warning=text)


def _ack_template(settings: Settings, data_dir: Path) -> Check:
    """The acknowledgement template renders and keeps every part the guidelines require."""
    from services.intake.acknowledgement import DEFAULT_TEMPLATE, check_template

    path = DEFAULT_TEMPLATE
    try:
        path = with_profile(settings, data_dir).path("ack_template") or path
        check_template(path)
    except AnuyatError as exc:
        return Check("acknowledgement", False, str(path), f"{exc.th}\n       {exc.en}")
    return Check("acknowledgement", True, str(path))


def _backup(settings: Settings, data_dir: Path, now: datetime | None) -> Check:
    """The profile's last good backup: WARN when none is set or made, or it is too old."""
    from services.backup.status import last_snapshot, too_old

    if (data_dir / LINK_FILE).exists():
        # Requests and documents live on the agency's server, which backs itself up with the
        # engine's own tools; a workstation has nothing of its own to back up.
        return Check(
            "backup", True, "on the agency server (installer/pg-backup.sh, its daily timer)"
        )
    pid = keys.read_profile_id(data_dir)
    if pid is None:
        return Check("backup", True, "no profile yet")
    own = with_profile(settings, data_dir)
    folder = own.path("backup_dir")
    if folder is None:
        return Check(
            "backup",
            True,
            "no backup folder set",
            warning="ตั้งที่เก็บสำรองข้อมูลในหน้าตั้งค่า (backup_dir) / "
            "Set the backup folder on the Settings page (backup_dir).",
        )
    last = last_snapshot(folder, pid)
    hours = own.get("backup_warn_after_hours")
    moment = now or datetime.now(BANGKOK)
    if last is None or last.created_at is None:
        detail = f"no backup in {folder} yet"
    else:
        detail = f"last backup {last.created_at:%Y-%m-%d %H:%M} UTC in {folder}"
    if too_old(last, moment, timedelta(hours=hours)):
        return Check(
            "backup",
            True,
            detail,
            warning=f"สำรองข้อมูลล่าสุดนานกว่า {hours} ชั่วโมง สั่ง anuyat backup create / "
            f"The last backup is older than {hours} hours: run 'anuyat backup create'.",
        )
    return Check("backup", True, detail)


RENEW_BEFORE = timedelta(days=30)
"""The server certificate is said to need renewing this long before it ends."""


def _agency_server(data_dir: Path, now: datetime | None) -> Check:
    import psycopg

    from services.server.checkup import check_server

    name = "agency server"
    try:
        found = check_server(data_dir)
    except psycopg.OperationalError as exc:
        return Check(
            name,
            False,
            f"cannot connect: {str(exc).strip().splitlines()[-1]}",
            "ตรวจเครือข่ายและใบรับรองของเครื่องแม่ข่าย (anuyat server renew-cert บนเครื่องแม่ข่าย) / "
            "Check the network and the server's certificate ('anuyat server renew-cert' on the "
            "server).",
        )
    except AnuyatError as exc:
        return Check(name, False, exc.en, exc.th)
    if found is None:
        return Check(name, True, "not used: a station profile keeps its own store")
    version = f"PostgreSQL {found.server_version // 10000}"
    kind = "migration role (the server profile)" if found.owns_tables else "application role"
    detail = f"{found.role}, {kind}, over {found.tls_version or 'NO TLS'}; {version}"
    if found.tls_version is None:
        return Check(
            name,
            False,
            detail,
            "การเชื่อมต่อไม่เข้ารหัส — ตั้งค่าเครื่องแม่ข่ายด้วย anuyat server init / The link is not "
            "encrypted: set the server up with 'anuyat server init' and join again.",
        )
    if not found.least_privilege:
        return Check(
            name,
            False,
            detail + "; this role may change the schema or rewrite audit events",
            "ขอไฟล์ลงทะเบียนเครื่องใหม่ (บทบาทของโปรแกรม) / Ask for a new enrolment file (it "
            "connects as the application role): anuyat server enrol-station, then anuyat join.",
        )
    warning = ""
    if found.certificate_until is not None:
        detail += f"; server certificate until {found.certificate_until:%Y-%m-%d}"
        if found.certificate_until - (now or datetime.now(found.certificate_until.tzinfo)) < (
            RENEW_BEFORE
        ):
            warning = (
                "ใบรับรองของเครื่องแม่ข่ายใกล้หมดอายุ — anuyat server renew-cert บนเครื่องแม่ข่าย / "
                "The server's certificate ends soon: run 'anuyat server renew-cert' on the server."
            )
    if found.server_version < 150000:
        warning = (warning + " " if warning else "") + (
            "แนะนำ PostgreSQL 15 ขึ้นไป / PostgreSQL 15 or later is recommended."
        )
    return Check(name, True, detail, warning=warning)


def run_checks(data_dir: Path, settings: Settings, today: date | None = None) -> list[Check]:
    probes: list[Callable[[], Check]] = [
        _python,
        _keyring,
        _sqlcipher,
        _qt,
        _fonts,
        lambda: _pkcs11(settings),
        lambda: _data_dir(data_dir),
        lambda: _holidays(settings, data_dir, today),
        lambda: _ack_template(settings, data_dir),
        lambda: _backup(settings, data_dir, None),
        lambda: _agency_server(data_dir, None),
    ]
    return [probe() for probe in probes]


def run(data_dir: Path, settings: Settings, today: date | None = None) -> int:
    checks = run_checks(data_dir, settings, today)
    for check in checks:
        mark = "FAIL" if not check.ok else "WARN" if check.warning else "OK "
        print(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok and check.fix:
            print(f"       → {check.fix}")
        if check.ok and check.warning:
            print(f"       → {check.warning}")
    failed = [c.name for c in checks if not c.ok]
    if failed:
        print(f"\nต้องแก้ไข / To fix: {', '.join(failed)}")
        return 1
    print("\nพร้อมใช้งาน / Everything needed is in place.")
    return 0
