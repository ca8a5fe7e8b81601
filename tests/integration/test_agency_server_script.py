"""installer/agency-server.sh: what it would run on a Debian server (``--print``), and its
refusals. The steps it runs are proven elsewhere against a real cluster
(tests/integration/test_server_setup.py, test_server_cli.py, test_pg_backup.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "agency-server.sh"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_script_installs_sets_up_and_schedules_the_backup_in_that_order() -> None:
    done = _run(
        "--print", "--host", "srv.agency.local", "--host", "192.168.1.10",
        "--allow-from", "192.168.1.0/24", "--",
        "--agency-name-th", "เทศบาลตำบลตัวอย่าง", "--agency-code", "EXM",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    steps = [line for line in done.stdout.splitlines() if not line.startswith("#")]
    wanted = [
        "apt-get install -y --no-install-recommends postgresql postgresql-contrib",
        "make -C",
        "ALTER\\ SYSTEM\\ SET\\ listen_addresses",
        "systemctl restart postgresql",
        "/usr/local/sbin/anuyat-server server init --host srv.agency.local --host 192.168.1.10 "
        "--allow-from 192.168.1.0/24 --agency-name-th เทศบาลตำบลตัวอย่าง --agency-code EXM",
        "anuyat-pg-backup.timer /etc/systemd/system/anuyat-pg-backup.timer",
        "systemctl enable --now anuyat-pg-backup.timer",
    ]
    positions = [next(i for i, line in enumerate(steps) if w in line) for w in wanted]
    assert positions == sorted(positions)
    # The wrapper the later server commands go through is valid shell.
    wrapper = "\n".join(
        line.removeprefix("#   ") for line in done.stdout.splitlines() if line.startswith("#   ")
    )
    assert "gnome-keyring-daemon --unlock" in wrapper and "runuser -u postgres" in wrapper
    checked = subprocess.run(["bash", "-n"], input=wrapper, text=True, capture_output=True)
    assert checked.returncode == 0, checked.stderr


def test_without_a_host_or_the_agency_it_says_what_is_missing() -> None:
    refused = _run("--print", "--host", "srv.agency.local")
    assert refused.returncode == 2
    assert "ต้องระบุ --host" in refused.stderr and "Give --host" in refused.stderr
    unknown = _run("--print", "--hostname", "srv")
    assert unknown.returncode == 2 and "Unknown option '--hostname'" in unknown.stderr
