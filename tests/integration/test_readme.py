"""The README's commands, run as written: every `anuyat …` line of its ``sh`` blocks, in order.

They run through the `anuyat` command that `make install` puts on PATH (here into a temporary
folder: the same Makefile target, the same virtual environment), in a shell, on a fresh data
folder, with the admin password and the recovery passphrase from the environment variables the
README names. Only the USB stick (``/media/usb``) is replaced by a temporary folder. The
keyring is a file shared with the child processes, as in the other CLI tests.

The agency server's commands need a PostgreSQL cluster and an enrolment file, so the README
fences them ``bash``; tests/integration/test_server_cli.py runs that sequence on a real cluster.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.file_keyring import child_env
from tests.integration.test_install import make_env

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
USB = "/media/usb"
# Exit codes other than 0 that the README documents for a command (none so far).
DOCUMENTED_CODES: dict[str, int] = {}


def _sh_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)


def _commands(block: str) -> list[str]:
    """The block's command lines, continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", block)
    commands = []
    for line in joined.splitlines():
        words = shlex.split(line, comments=True)
        if words:
            commands.append(shlex.join(words))
    return commands


def _readme_commands(program: str) -> list[str]:
    found = []
    for block in _sh_blocks(README.read_text(encoding="utf-8")):
        found += [c for c in _commands(block) if shlex.split(c)[0] == program]
    return found


def test_the_readme_documents_the_real_agency_sequence() -> None:
    commands = [shlex.split(c)[:2] for c in _readme_commands("anuyat")]
    assert commands == [
        ["anuyat", "init"],
        ["anuyat", "recovery"],
        ["anuyat", "doctor"],
        ["anuyat"],
        ["anuyat", "settings"],
        ["anuyat", "backup"],
        ["anuyat", "backup"],
        ["anuyat", "backup"],
        ["anuyat", "backup"],
        ["anuyat", "--data-dir"],
        ["anuyat", "--data-dir"],
    ]
    assert {c.split()[1] for c in _readme_commands("make")} == {"run", "test"}


def test_readme_make_targets_exist() -> None:
    for command in _readme_commands("make"):
        target = shlex.split(command)[1]
        done = subprocess.run(
            ["make", "-n", target, f"VENV={sys.prefix}"],
            cwd=ROOT,
            env=make_env(),
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, f"{command}: {done.stderr}"


def test_readme_anuyat_commands_work_as_written(tmp_path: Path) -> None:
    bindir = tmp_path / "bin"
    installed = subprocess.run(
        ["make", "--no-print-directory", "launcher", f"VENV={sys.prefix}", f"BINDIR={bindir}"],
        cwd=ROOT,
        env=make_env(),
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    usb = tmp_path / "usb"
    usb.mkdir()
    (tmp_path / "config").mkdir()
    env = child_env(
        tmp_path / "keyring.json",
        PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}",
        PYTHONPATH=str(ROOT),
        ANUYAT_DATA_DIR=str(tmp_path / "profile"),
        ANUYAT_CONFIG_DIR=str(tmp_path / "config"),
        ANUYAT_ADMIN_PASSWORD="correct-horse-9",
        ANUYAT_RECOVERY_PASSPHRASE="a long offline passphrase",
        ANUYAT_QUIT_AFTER_FIRST_PAINT="1",
        QT_QPA_PLATFORM="offscreen",
    )
    commands = _readme_commands("anuyat")
    assert commands
    restored = tmp_path / "restored"
    for command in commands:
        # The restore drill's new folder goes under the test's folder, not the real home.
        line = command.replace(USB, str(usb)).replace("~/anuyat-restored", str(restored))
        done = subprocess.run(
            ["bash", "-c", line],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=240,
        )
        subcommand = (shlex.split(command)[1:] or [""])[0]
        expected = DOCUMENTED_CODES.get(subcommand, 0)
        assert done.returncode == expected, (
            f"`{command}` exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
    assert (usb / "anuyat-recovery.key").exists()
    assert (restored / "anuyat.db").exists()  # the restore drill ran
