"""A real Dovecot IMAP server on 127.0.0.1 for the tests (no mocks).

Loaded by ``pytest_plugins = ["tests.peers.dovecot"]`` in ``tests/conftest.py``.

Fixtures
--------
``dovecot_server`` (session)
    One private Dovecot (``dovecot -F -c <tmp>/dovecot.conf``) with its own
    config, users file, TLS certificate (from a throw-away CA) and mail root.
``dovecot`` (function)
    The same server, running, with every session kicked and the test user's
    mailbox emptied: each test starts from an empty ``INBOX``.

The server object offers ``host``, ``port`` (plain + STARTTLS), ``tls_port``
(implicit TLS), ``cafile`` (trust it for TLS/STARTTLS), ``user``/``password``
(``intake@agency.test``), ``thai_user``/``thai_password`` (a non-ASCII
password), ``append()``/``append_many()`` (APPEND, returns the UIDs),
``flags()``, ``uids()``, ``status()``, ``folders()``, ``create_folder()``,
``maildir()`` (the folder on disk), ``read_only()`` (an ACL: the user may only
read a folder), ``stop()``/``start()`` (the server going away and coming back;
every session is cut), ``pause()``/``resume()`` (a frozen server: TCP still
accepted, nothing answered), ``kick()`` and ``uidvalidity_reset()``.

Dovecot not installed: the tests FAIL, with or without ``CI``, naming the package and the
command that installs it (``make test`` installs it: ``installer/install-system-deps.sh run
test``). A missing peer is never a skip.
Runs as root (mail owned by ``nobody``); as an ordinary user it configures an
unprivileged Dovecot (no chroot, every process as that user), a path written from
Dovecot's documentation that the root-run CI does not exercise.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import getpass
import grp
import imaplib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import pytest

from services.intake.mail.imap import encode_mailbox_name
from tests.peers.loopback import free_port, make_loopback_certificate
from tests.peers.tools import require_tool

__all__ = ["DovecotServer", "dovecot_server", "dovecot", "require_dovecot"]

USER = "intake@agency.test"
PASSWORD = "secret-Anuyat-2026"
THAI_USER = "thai@agency.test"
THAI_PASSWORD = "รหัสผ่าน-ทดสอบ-9"


def require_dovecot(search_path: str | None = None) -> str:
    """The dovecot binary; the test fails (never skips) with the install hint without it."""
    return require_tool("dovecot", "dovecot-imapd", search_path)


def _quote(name: str) -> str:
    if name.upper() == "INBOX":
        return "INBOX"
    # Dovecot's Maildir++ layout separates levels with '.'; tests write them with '/'.
    encoded = encode_mailbox_name(name.replace("/", "."))
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'


class DovecotServer:
    """A private Dovecot; see the module docstring."""

    host = "127.0.0.1"
    user = USER
    password = PASSWORD
    thai_user = THAI_USER
    thai_password = THAI_PASSWORD

    def __init__(self, binary: str) -> None:
        self.binary = binary
        # Not under pytest's 0700 tmp dirs: Dovecot's unprivileged processes must
        # reach their sockets and the mail (owned by nobody when run as root).
        self.base = Path(tempfile.mkdtemp(prefix="anuyat-dovecot-"))
        self.base.chmod(0o755)
        self.conf = self.base / "dovecot.conf"
        self.log_path = self.base / "dovecot.log"
        self.run_dir = self.base / "run"
        self.mail = self.base / "mail"
        self.port = free_port()
        self.tls_port = free_port()
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._paused = False
        atexit.register(self.close)  # even if the session dies without teardown
        self.cafile, cert, key = make_loopback_certificate(self.base)
        self._write_config(cert, key)

    # -- setup -----------------------------------------------------------------------------

    def _write_config(self, cert: Path, key: Path) -> None:
        self.mail.mkdir()
        if os.geteuid() == 0:
            internal, login = "dovecot", "dovenull"
            mail_user, mail_group = "nobody", "nogroup"
            if not _group_exists(mail_group):
                mail_group = grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name
            os.chown(self.mail, pwd.getpwnam(mail_user).pw_uid, grp.getgrnam(mail_group).gr_gid)
            chroot_off = ""
        else:
            # Unprivileged Dovecot: every process runs as us and nothing is chrooted.
            internal = login = mail_user = getpass.getuser()
            mail_group = grp.getgrgid(os.getegid()).gr_name
            chroot_off = "  chroot =\n"
        users = self.base / "users"
        users.write_text(
            f"{USER}:{{PLAIN}}{PASSWORD}::::::\n{THAI_USER}:{{PLAIN}}{THAI_PASSWORD}::::::\n",
            encoding="utf-8",
        )
        users.chmod(0o644)
        key.chmod(0o600)
        self.conf.write_text(
            f"""\
base_dir = {self.run_dir}
state_dir = {self.base}/state
log_path = {self.log_path}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_max_userip_connections = 200
default_internal_user = {internal}
default_internal_group = {grp.getgrgid(pwd.getpwnam(internal).pw_gid).gr_name}
default_login_user = {login}
mail_location = maildir:~/Maildir
# ACLs only where a test writes a dovecot-acl file (read_only()); elsewhere the owner may do all.
mail_plugins = acl
protocol imap {{
  mail_plugins = $mail_plugins imap_acl
}}
plugin {{
  acl = vfile
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {users}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {users}
  default_fields = uid={mail_user} gid={mail_group} home={self.mail}/%d/%n
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
{chroot_off}}}
# No growing delay after failed logins (the auth penalty): tests fail logins on purpose.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
{chroot_off}}}
""",
            encoding="utf-8",
        )

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-15:])
        except OSError:
            return "(no log)"

    def start(self, timeout: float = 15.0) -> None:
        """Start the server (again) on the same ports and wait for its greeting."""
        if self.running:
            return
        self._stderr = open(self.base / "stderr.log", "ab")  # noqa: SIM115 — closed in stop()
        self._proc = subprocess.Popen(
            [self.binary, "-F", "-c", str(self.conf)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                err = (self.base / "stderr.log").read_text(errors="replace")[-2000:]
                self._proc = None
                raise RuntimeError(f"dovecot exited at start:\n{err}\n{self._log_tail()}")
            if self._greets(self.port):
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not answer on {self.port}:\n{self._log_tail()}")

    def _greets(self, port: int) -> bool:
        try:
            with socket.create_connection((self.host, port), timeout=1) as s:
                return s.recv(100).startswith(b"* OK")
        except OSError:
            return False

    def _signal_all(self, sig: signal.Signals) -> None:
        """Signal the master and every process it spawned (its own process group)."""
        if self._proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._proc.pid, sig)

    def stop(self, *, graceful: bool = False) -> None:
        """Stop the server the way an outage does: the master and every session die.

        ``graceful`` lets the master shut down in order first (about a second);
        either way no IMAP session survives (Dovecot's own stop leaves them running).
        """
        if self._paused:
            self.resume()
        proc = self._proc
        if proc is None:
            return
        if graceful:
            with contextlib.suppress(ProcessLookupError):
                proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
        self._signal_all(signal.SIGKILL)
        proc.wait(timeout=10)
        self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
        deadline = time.monotonic() + 5
        while self._greets(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)

    def pause(self) -> None:
        """Freeze every Dovecot process: connections are accepted, nothing answers."""
        self._signal_all(signal.SIGSTOP)
        self._paused = True

    def resume(self) -> None:
        self._signal_all(signal.SIGCONT)
        self._paused = False

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def _doveadm(self, *args: str) -> subprocess.CompletedProcess[str]:
        doveadm = shutil.which("doveadm") or "/usr/bin/doveadm"
        return subprocess.run(
            [doveadm, "-c", str(self.conf), *args], capture_output=True, text=True, timeout=20
        )

    def kick(self, user: str = USER) -> None:
        """Cut every IMAP session of ``user`` and wait until they are gone."""
        if not self.running:
            return
        self._doveadm("kick", user)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            who = self._doveadm("who", "-1", user)
            if user not in who.stdout:
                return
            time.sleep(0.05)

    def home(self, user: str = USER) -> Path:
        local, _, domain = user.partition("@")
        return self.mail / domain / local

    def maildir(self, folder: str = "INBOX", user: str = USER) -> Path:
        root = self.home(user) / "Maildir"
        if folder.upper() == "INBOX":
            return root
        return root / ("." + encode_mailbox_name(folder.replace("/", ".")))

    def reset(self) -> None:
        """Running, unfrozen, no sessions, every mailbox empty."""
        if self._paused:
            self.resume()
        self.start()
        for user in (USER, THAI_USER):
            self.kick(user)
            shutil.rmtree(self.home(user), ignore_errors=True)

    # -- client helpers --------------------------------------------------------------------

    @contextlib.contextmanager
    def connect(self, user: str = USER, password: str | None = None) -> Iterator[imaplib.IMAP4]:
        """A logged-in imaplib connection (the test's "other client")."""
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        try:
            conn.login(user, password if password is not None else PASSWORD)
            yield conn
        finally:
            with contextlib.suppress(Exception):
                conn.logout()

    def create_folder(self, folder: str) -> None:
        with self.connect() as conn:
            conn.create(_quote(folder))

    def append(
        self,
        folder: str,
        raw: bytes,
        internal_date: dt.datetime | None = None,
        flags: Sequence[str] = (),
    ) -> int:
        """APPEND ``raw`` (use CRLF line ends: imaplib turns bare LF into CRLF); its UID."""
        return self.append_many(folder, [raw], internal_date, flags)[0]

    def append_many(
        self,
        folder: str,
        messages: Sequence[bytes],
        internal_date: dt.datetime | None = None,
        flags: Sequence[str] = (),
    ) -> list[int]:
        uids: list[int] = []
        with self.connect() as conn:
            name = _quote(folder)
            if folder.upper() != "INBOX":
                conn.create(name)
            flag_text = "(" + " ".join(flags) + ")" if flags else None
            date_text = imaplib.Time2Internaldate(internal_date) if internal_date else None
            for raw in messages:
                typ, data = conn.append(name, flag_text, date_text, raw)
                assert typ == "OK", data
                m = re.search(rb"APPENDUID \d+ (\d+)", data[0] if data and data[0] else b"")
                assert m, data
                uids.append(int(m.group(1)))
        return uids

    def flags(self, folder: str, uid: int | str) -> set[str]:
        with self.connect() as conn:
            conn.select(_quote(folder), readonly=True)
            typ, data = conn.uid("FETCH", str(uid), "(FLAGS)")
            found = [d for d in data if isinstance(d, bytes) and b"FLAGS" in d]
            assert typ == "OK" and found, (typ, data)
            m = re.search(rb"FLAGS \(([^)]*)\)", found[0])
            return set(m.group(1).decode().split()) if m else set()

    def uids(self, folder: str) -> list[int]:
        with self.connect() as conn:
            typ, _ = conn.select(_quote(folder), readonly=True)
            if typ != "OK":
                return []
            typ, data = conn.uid("SEARCH", "ALL")
            return sorted(int(n) for n in (data[0] or b"").split())

    def status(self, folder: str = "INBOX") -> dict[str, int]:
        with self.connect() as conn:
            typ, data = conn.status(_quote(folder), "(MESSAGES UIDNEXT UIDVALIDITY)")
            assert typ == "OK", data
            pairs = re.findall(rb"([A-Z]+) (\d+)", data[0] or b"")
            return {k.decode(): int(v) for k, v in pairs}

    def folders(self) -> list[str]:
        with self.connect() as conn:
            _, data = conn.list()
            names = []
            for line in data:
                if isinstance(line, bytes):
                    m = re.match(rb'\([^)]*\) "." (.*)$', line)
                    if m:
                        names.append(m.group(1).decode().strip('"'))
            return names

    def read_only(self, folder: str) -> None:
        """Let the test user only read ``folder`` (an ACL), as some agencies set it up."""
        path = self.maildir(folder) / "dovecot-acl"
        path.write_text("owner lr\n", encoding="ascii")
        os.chown(path, self.maildir(folder).stat().st_uid, self.maildir(folder).stat().st_gid)
        self.kick()

    def uidvalidity_reset(self, folder: str = "INBOX") -> int:
        """Make the server renumber ``folder`` under a new UIDVALIDITY (returns it).

        Like a server restored from backup or migrated: the messages stay, their
        UIDs are assigned afresh, every client's cursor becomes void.
        """
        before = self.status(folder)["UIDVALIDITY"]
        self.stop()
        path = self.maildir(folder)
        for directory in {path, self.maildir("INBOX")}:
            for name in os.listdir(directory):
                if name == "dovecot-uidlist" or name.startswith(
                    ("dovecot.index", "dovecot.list.index")
                ):
                    os.unlink(directory / name)
        # A header-only uidlist: Dovecot numbers every message afresh under this value.
        uidlist = path / "dovecot-uidlist"
        uidlist.write_text(f"3 V{before + 1} N1\n", encoding="ascii")
        os.chown(uidlist, path.stat().st_uid, path.stat().st_gid)
        self.start()
        # Dovecot rebuilds its indexes on first access and reports them corrupted to
        # the next session once ([SERVERBUG]); let that happen here, not in the test.
        for _ in range(5):
            with self.connect() as conn:
                if conn.select(_quote(folder))[0] == "OK":
                    break
        after = self.status(folder)["UIDVALIDITY"]
        assert after != before, "Dovecot kept the UIDVALIDITY"
        return after


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[DovecotServer]:
    """One private Dovecot for the whole session (started once, torn down at the end)."""
    server = DovecotServer(require_dovecot())
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture
def dovecot(dovecot_server: DovecotServer) -> DovecotServer:
    """The session's Dovecot, running, with empty mailboxes and no open sessions."""
    dovecot_server.reset()
    return dovecot_server
