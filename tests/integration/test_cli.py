"""The ``anuyat`` command end to end, in process, on a real encrypted profile."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from services.store.engine import DB_FILE, open_store
from tests.conftest import STAFF_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("ANUYAT_CONFIG_DIR", str(config))
    monkeypatch.delenv("ANUYAT_DATA_DIR", raising=False)
    return config


def _init(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)
    return main(
        [
            "--data-dir",
            str(data_dir),
            "init",
            "--agency-name-th",
            "เทศบาลตำบลทดสอบ",
            "--agency-name-en",
            "Test Municipality",
            "--agency-code",
            "TST",
            "--agency-number",
            "ทส 52001",
            "--agency-email",
            "saraban@test.example.go.th",
        ]
    )


def test_help_lists_the_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0
    for command in ("init", "demo", "gui", "apps", "audit", "doctor", "recovery", "users"):
        assert command in done.stdout


def test_init_creates_an_encrypted_profile(data_dir: Path, monkeypatch, capsys) -> None:
    assert _init(data_dir, monkeypatch) == 0
    assert "Profile created" in capsys.readouterr().out
    assert (data_dir / DB_FILE).exists()
    # A second init refuses and changes nothing.
    before = (data_dir / DB_FILE).stat().st_mtime_ns
    assert _init(data_dir, monkeypatch) == 2
    err = capsys.readouterr().err
    assert "already holds a store" in err and "มีฐานข้อมูลอยู่แล้ว" in err
    assert (data_dir / DB_FILE).stat().st_mtime_ns == before


def test_init_refuses_bad_agency_code(data_dir: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)
    code = main(
        ["--data-dir", str(data_dir), "init", "--agency-name-th", "ก", "--agency-name-en", "A",
         "--agency-code", "ทดสอบ", "--agency-number", "1", "--agency-email", "a@b.go.th"]
    )  # fmt: skip
    assert code == 2
    assert "agency code" in capsys.readouterr().err
    assert not (data_dir / DB_FILE).exists()


def test_audit_verify_names_the_altered_row(data_dir: Path, monkeypatch, capsys) -> None:
    assert _init(data_dir, monkeypatch) == 0
    assert main(["--data-dir", str(data_dir), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out

    store = open_store(data_dir)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE event SET payload = '{}' WHERE seq = 3"))
    store.close()
    assert main(["--data-dir", str(data_dir), "audit", "verify"]) == 3
    err = capsys.readouterr().err
    assert "BROKEN" in err and "row seq 3" in err and "changed" in err


def test_audit_verify_names_a_deleted_row(data_dir: Path, monkeypatch, capsys) -> None:
    assert _init(data_dir, monkeypatch) == 0
    store = open_store(data_dir)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM event WHERE seq = 2"))
    store.close()
    assert main(["--data-dir", str(data_dir), "audit", "verify"]) == 3
    err = capsys.readouterr().err
    assert "row seq 3" in err and "removed" in err


def test_wrong_recovery_passphrase_is_clear(data_dir: Path, tmp_path, monkeypatch, capsys) -> None:
    assert _init(data_dir, monkeypatch) == 0
    out = tmp_path / "key.recovery"
    monkeypatch.setenv("ANUYAT_RECOVERY_PASSPHRASE", "twelve chars or more")
    assert main(["--data-dir", str(data_dir), "recovery", "export", "--out", str(out)]) == 0
    monkeypatch.setenv("ANUYAT_RECOVERY_PASSPHRASE", "a different passphrase")
    assert main(["--data-dir", str(data_dir), "recovery", "import", str(out)]) == 2
    err = capsys.readouterr().err
    assert "passphrase" in err.lower() and "รหัสผ่าน" in err


def test_broken_catalog_file_is_reported(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "services.toml"
    broken.write_text('[[services]]\ncode = "ร้านอาหาร"\nsla_business_days = 0\n', encoding="utf-8")
    assert main(["catalog", "check", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "sla_business_days" in err


def test_doctor_names_the_missing_keyring_and_the_fix(data_dir: Path, capsys) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert main(["--data-dir", str(data_dir), "doctor"]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] keyring" in out and "GNOME Keyring" in out
    assert "[OK ] SQLCipher" in out


def test_doctor_names_a_missing_token_driver(data_dir: Path, _private_config: Path, capsys) -> None:
    (_private_config / "settings.toml").write_text(
        'pkcs11_module = "/nonexistent/libtoken.so"\n', encoding="utf-8"
    )
    assert main(["--data-dir", str(data_dir), "doctor"]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] PKCS#11 token: /nonexistent/libtoken.so not found" in out
    assert "[OK ] keyring" in out


def test_bad_settings_file_is_reported(data_dir: Path, _private_config: Path, capsys) -> None:
    (_private_config / "settings.toml").write_text("langauge = 'th'\n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "apps", "list"]) == 2
    err = capsys.readouterr().err
    assert "unknown setting 'langauge'" in err


def test_apps_on_an_empty_folder_says_what_to_do(data_dir: Path, capsys) -> None:
    assert main(["--data-dir", str(data_dir), "apps", "list", "--json"]) == 2
    assert "anuyat init" in capsys.readouterr().err


def test_apps_list_json(data_dir: Path, monkeypatch, capsys) -> None:
    assert _init(data_dir, monkeypatch) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "apps", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_apps_list_names_the_times_it_shows(data_dir: Path, monkeypatch, capsys) -> None:
    assert _init(data_dir, monkeypatch) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "apps", "list"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert "Arrived" in header and "Deemed received (SLA start)" in header
    assert "Bangkok time" in header


def _run_cli(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    env = dict(__import__("os").environ, ANUYAT_CONFIG_DIR=str(config))
    env.pop("ANUYAT_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, env=env
    )


@pytest.mark.parametrize("shape", ["file", "under_a_file", "read_only"])
def test_an_unusable_data_dir_gets_a_clear_message(
    tmp_path: Path, _private_config: Path, shape: str
) -> None:
    target = {
        "file": tmp_path / "profile.txt",
        "under_a_file": tmp_path / "profile.txt" / "inner",
        # sysfs refuses new entries even to root, like a read-only drive.
        "read_only": Path("/sys/anuyat-profile"),
    }[shape]
    (tmp_path / "profile.txt").write_text("not a folder\n", encoding="utf-8")
    done = _run_cli("--data-dir", str(target), "apps", "list", config=_private_config)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "logs/anuyat.log" not in done.stderr
    assert f"The data folder {target} cannot be used" in done.stderr
    assert f"ใช้โฟลเดอร์ข้อมูล {target} ไม่ได้" in done.stderr
    assert "--data-dir" in done.stderr
    assert (tmp_path / "profile.txt").read_text(encoding="utf-8") == "not a folder\n"


def test_bad_setting_values_are_refused_before_anything_runs(
    data_dir: Path, _private_config: Path
) -> None:
    (_private_config / "settings.toml").write_text(
        'log_level = "VERBOSE"\nsync_interval_seconds = -1\nlog_max_bytes = true\n',
        encoding="utf-8",
    )
    done = _run_cli("--data-dir", str(data_dir), "sync", "--once", config=_private_config)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "'log_level' must be one of" in done.stderr
    assert "'sync_interval_seconds' must be at least" in done.stderr
    assert "'log_max_bytes' must be a whole number" in done.stderr
    assert not (data_dir / "logs").exists()


_INIT_ARGS = (
    "init", "--agency-name-th", "เทศบาลตำบลทดสอบ", "--agency-name-en", "Test Municipality",
    "--agency-code", "TST", "--agency-number", "ทส 52001",
    "--agency-email", "saraban@test.example.go.th",
)  # fmt: skip


def _run_with_env(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, env=env
    )


def test_a_stray_demo_file_never_puts_a_real_key_in_a_file(
    data_dir: Path, _private_config: Path
) -> None:
    import os

    (data_dir / "DEMO").write_text("", encoding="utf-8")
    env = dict(
        os.environ,
        ANUYAT_CONFIG_DIR=str(_private_config),
        ANUYAT_ADMIN_PASSWORD=STAFF_PASSWORD,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",  # a machine with no keyring
    )
    done = _run_with_env(env, "--data-dir", str(data_dir), *_INIT_ARGS)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "keyring" in done.stderr and "Traceback" not in done.stderr
    assert "It is ignored: this is a real profile" in done.stderr
    assert not (data_dir / "demo-keyring.json").exists()
    assert not (data_dir / DB_FILE).exists()


def test_a_stray_demo_file_is_ignored_and_warned_about(
    data_dir: Path, tmp_path: Path, _private_config: Path
) -> None:
    from tests.file_keyring import child_env

    (data_dir / "DEMO").write_text("", encoding="utf-8")
    ring = tmp_path / "keyring.json"
    env = child_env(
        ring, ANUYAT_CONFIG_DIR=str(_private_config), ANUYAT_ADMIN_PASSWORD=STAFF_PASSWORD
    )
    done = _run_with_env(env, "--data-dir", str(data_dir), *_INIT_ARGS)
    assert done.returncode == 0, done.stderr
    assert "It is ignored: this is a real profile" in done.stderr
    assert "profile-key:" in ring.read_text(encoding="utf-8")
    assert not (data_dir / "demo-keyring.json").exists()
    assert json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))["kind"] == "real"
    # Opening it later says the DEMO file has no effect, and never reaches for a key file.
    done = _run_with_env(env, "--data-dir", str(data_dir), "apps", "list")
    assert done.returncode == 0, done.stderr
    assert "a file named DEMO is in this real profile's folder" in done.stderr
    assert "DEMO profile keeps its key in a file" not in done.stderr


def test_the_demo_command_marks_the_store_and_a_forged_demo_marking_is_refused(
    tmp_path: Path, _private_config: Path
) -> None:
    import os

    from app.demo_keyring import DemoFileKeyring
    from services.store.keys import SERVICE, read_profile_id

    demo_dir, real_dir = tmp_path / "demo", tmp_path / "real"
    env = dict(
        os.environ,
        ANUYAT_CONFIG_DIR=str(_private_config),
        ANUYAT_ADMIN_PASSWORD=STAFF_PASSWORD,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    done = _run_with_env(env, "--data-dir", str(demo_dir), "demo")
    assert done.returncode == 0, done.stderr
    assert "DEMO profile keeps its key in a file" in done.stderr
    assert json.loads((demo_dir / "profile.json").read_text(encoding="utf-8"))["kind"] == "demo"
    done = _run_with_env(env, "--data-dir", str(demo_dir), "audit", "verify")
    assert done.returncode == 0, done.stderr
    # A real profile dressed up as a demo (metadata written, key copied into the key
    # file) does not open with the file keyring: the store itself is not marked demo.
    assert _run_with_env(
        dict(env, PYTHON_KEYRING_BACKEND="tests.file_keyring.FileKeyring",
             ANUYAT_TEST_KEYRING=str(tmp_path / "ring.json")),
        "--data-dir", str(real_dir), *_INIT_ARGS,
    ).returncode == 0  # fmt: skip
    (real_dir / "profile.json").write_text('{"kind": "demo"}', encoding="utf-8")
    pid = read_profile_id(real_dir)
    stored = json.loads((tmp_path / "ring.json").read_text(encoding="utf-8"))
    key = stored[f"{SERVICE}\x1fprofile-key:{pid}"]
    DemoFileKeyring(real_dir / "demo-keyring.json").set_password(SERVICE, f"profile-key:{pid}", key)
    done = _run_with_env(env, "--data-dir", str(real_dir), "apps", "list")
    assert done.returncode == 2
    assert "is not a demo profile" in done.stderr and "Traceback" not in done.stderr


def test_recovery_import_refuses_another_profiles_file_for_a_copied_store(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    import shutil

    import keyring

    from tests.conftest import MemoryKeyring

    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    assert _init(mine, monkeypatch) == 0 and _init(theirs, monkeypatch) == 0
    monkeypatch.setenv("ANUYAT_RECOVERY_PASSPHRASE", "twelve chars or more")
    for profile in (mine, theirs):
        out = str(tmp_path / f"{profile.name}.recovery")
        assert main(["--data-dir", str(profile), "recovery", "export", "--out", out]) == 0
    # The store alone is copied to a new computer (no profile.id), whose keyring is empty.
    copied = tmp_path / "copied"
    copied.mkdir()
    shutil.copy2(mine / DB_FILE, copied / DB_FILE)
    keyring.set_keyring(MemoryKeyring())
    capsys.readouterr()
    wrong = ["--data-dir", str(copied), "recovery", "import", str(tmp_path / "theirs.recovery")]
    assert main(wrong) == 2
    err = capsys.readouterr().err
    assert "does not open the store" in err and "Nothing was changed" in err
    assert "ไม่ได้เปลี่ยนแปลงอะไร" in err
    assert not (copied / "profile.id").exists()
    right = ["--data-dir", str(copied), "recovery", "import", str(tmp_path / "mine.recovery")]
    assert main(right) == 0
    assert "Key installed" in capsys.readouterr().out
    assert main(["--data-dir", str(copied), "audit", "verify"]) == 0


def test_report_monthly_writes_the_spreadsheet_and_the_pdf(
    data_dir: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    assert _init(data_dir, monkeypatch) == 0
    xlsx, pdf = tmp_path / "month.xlsx", tmp_path / "month.pdf"
    args = ["--data-dir", str(data_dir), "report", "monthly", "--from", "2026-10-01"]
    args += ["--to", "2026-10-31", "--xlsx", str(xlsx), "--pdf", str(pdf)]
    assert main(args) == 0
    assert f"Written: {xlsx}" in capsys.readouterr().out
    sheet = load_workbook(xlsx).worksheets[0]
    assert sheet["B1"].value == "งานบริการ" and sheet.max_row >= 3
    assert "รายงานผลการให้บริการประจำเดือน" in PdfReader(pdf).pages[0].extract_text()
    # Without files: the table on the terminal, last month by default.
    assert main(["--data-dir", str(data_dir), "report", "monthly"]) == 0
    assert "รวมทุกบริการ" in capsys.readouterr().out


def test_report_monthly_refuses_a_buddhist_year_and_reversed_dates(
    data_dir: Path, monkeypatch, capsys
) -> None:
    assert _init(data_dir, monkeypatch) == 0
    base = ["--data-dir", str(data_dir), "report", "monthly"]
    assert main([*base, "--from", "2569-10-01", "--to", "2569-10-31"]) == 2
    assert "Buddhist Era year" in capsys.readouterr().err
    assert main([*base, "--from", "2026-10-31", "--to", "2026-10-01"]) == 2
    err = capsys.readouterr().err
    assert "ก่อนวันเริ่มต้น" in err and "before the start date" in err
