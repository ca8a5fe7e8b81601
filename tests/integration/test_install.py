"""The Makefile and the installer scripts, run for real (`make -n` where running would install).

`make run` puts only what the workstation needs on an officer's computer; `make test` and CI
install what the tests need too; `make install` puts the `anuyat` command on PATH.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALL_DEPS = ROOT / "installer" / "install-system-deps.sh"
TEST_ONLY = {"dovecot-imapd", "softhsm2", "sqlite3", "poppler-utils", "xvfb", "postgresql"}


def _packages(*lists: str) -> set[str]:
    done = subprocess.run(
        ["bash", str(INSTALL_DEPS), "--print", *lists],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


def make_env() -> dict[str, str]:
    """The environment for a child `make`, as if typed in a shell: not a sub-make of the
    `make test` that may be running this test (which would print "Entering directory")."""
    return {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}


def _make_dry_run(target: str) -> str:
    done = subprocess.run(
        ["make", "-n", target, f"VENV={sys.prefix}"],
        cwd=ROOT,
        env=make_env(),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_run_list_has_no_test_servers() -> None:
    run = _packages("run")
    assert "fonts-thai-tlwg" in run and "python3-venv" in run
    assert not run & TEST_ONLY
    assert TEST_ONLY <= _packages("run", "test")
    assert _packages() == run  # the default is the run list


def test_an_unknown_list_is_refused_in_both_languages() -> None:
    done = subprocess.run(
        ["bash", str(INSTALL_DEPS), "--print", "everything"], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "Unknown list 'everything'" in done.stderr and "ไม่รู้จักรายการ" in done.stderr


def test_make_run_installs_only_the_run_list() -> None:
    steps = _make_dry_run("run").splitlines()
    installs = [s for s in steps if "install-system-deps.sh" in s]
    assert installs == ["installer/install-system-deps.sh run"]
    assert any("install-launcher.sh" in s for s in steps)  # `make run` installs the command


def test_make_test_installs_what_the_tests_need_first() -> None:
    steps = _make_dry_run("test").splitlines()
    assert steps[0] == "installer/install-system-deps.sh run test"
    assert any("pytest" in s for s in steps)


def test_ci_installs_both_lists() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "installer/install-system-deps.sh run test" in ci
    assert "make test" in ci


def test_make_install_puts_the_command_on_path(tmp_path: Path) -> None:
    bindir = tmp_path / "bin"
    done = subprocess.run(
        ["make", "--no-print-directory", "launcher", f"VENV={sys.prefix}", f"BINDIR={bindir}"],
        cwd=ROOT,
        env=make_env(),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    link = bindir / "anuyat"
    assert link.is_symlink() and link.resolve() == (Path(sys.prefix) / "bin" / "anuyat").resolve()
    assert f'export PATH="{bindir}:$PATH"' in done.stderr  # not on PATH yet: says how
    env = dict(make_env(), PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}", PYTHONPATH=str(ROOT))
    helped = subprocess.run(
        ["anuyat", "--help"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert helped.returncode == 0, helped.stderr
    assert "doctor" in helped.stdout


def test_make_install_never_replaces_someone_elses_file(tmp_path: Path) -> None:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    theirs = bindir / "anuyat"
    theirs.write_text("#!/bin/sh\necho another program\n", encoding="utf-8")
    done = subprocess.run(
        ["make", "--no-print-directory", "launcher", f"VENV={sys.prefix}", f"BINDIR={bindir}"],
        cwd=ROOT,
        env=make_env(),
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "left alone" in done.stderr and "ไม่ได้แทนที่" in done.stderr
    assert theirs.read_text(encoding="utf-8") == "#!/bin/sh\necho another program\n"
