"""`anuyat init`: the agency's official address (M11) and a refused init leaving nothing behind."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import null

from app.cli import main
from services.store.engine import DB_FILE
from tests.conftest import STAFF_PASSWORD


@pytest.fixture(autouse=True)
def _private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("ANUYAT_CONFIG_DIR", str(config))
    monkeypatch.delenv("ANUYAT_DATA_DIR", raising=False)
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)


def _init(data_dir: Path, email: str, *extra: str) -> int:
    return main(
        ["--data-dir", str(data_dir), "init",
         "--agency-name-th", "เทศบาลตำบลทดสอบ", "--agency-name-en", "Test Municipality",
         "--agency-code", "TST", "--agency-number", "ทส 52001", "--agency-email", email, *extra]
    )  # fmt: skip


@pytest.mark.parametrize(
    "email", ["not-an-address", "saraban@", "saraban@localhost", "a b@x.go.th"]
)
def test_init_refuses_a_malformed_address(tmp_path: Path, capsys, email: str) -> None:
    data_dir = tmp_path / "profile"
    assert _init(data_dir, email) == 2
    err = capsys.readouterr().err
    assert "not a valid address" in err and "ไม่ใช่ที่อยู่อีเมลที่ถูกต้อง" in err
    assert not data_dir.exists()


@pytest.mark.parametrize(
    "email", ["someone@gmail.com", "Saraban.Town@Hotmail.com", "town@yahoo.co.th", "x@outlook.com"]
)
def test_init_refuses_free_mail_without_the_flag(tmp_path: Path, capsys, email: str) -> None:
    data_dir = tmp_path / "profile"
    assert _init(data_dir, email) == 2
    err = capsys.readouterr().err
    assert "free mail" in err and "อีเมลฟรี" in err
    assert "--allow-free-mail" in err and "DGA guidelines (draft)" in err
    assert not data_dir.exists()


def test_init_accepts_free_mail_with_the_flag_and_warns(tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / "profile"
    assert _init(data_dir, "nongbuathong.town@gmail.com", "--allow-free-mail") == 0
    captured = capsys.readouterr()
    assert "Profile created" in captured.out
    assert "Warning: nongbuathong.town@gmail.com is free mail (gmail.com)" in captured.err
    assert "คำเตือน" in captured.err
    assert (data_dir / DB_FILE).exists()


def test_init_accepts_the_agency_domain(tmp_path: Path, capsys) -> None:
    assert _init(tmp_path / "profile", "saraban@nongbuathong.go.th") == 0
    assert "Warning" not in capsys.readouterr().err


def test_refused_init_removes_the_folders_it_created(tmp_path: Path, capsys) -> None:
    keyring.set_keyring(null.Keyring())  # no keyring: refused after the folders were made
    data_dir = tmp_path / "new" / "agency" / "profile"
    assert _init(data_dir, "saraban@nongbuathong.go.th") == 2
    assert "keyring" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config"]


def test_refused_init_keeps_what_was_there(tmp_path: Path, capsys) -> None:
    keyring.set_keyring(null.Keyring())
    data_dir = tmp_path / "profile"
    (data_dir / "logs").mkdir(parents=True)
    (data_dir / "logs" / "old.log").write_text("kept\n", encoding="utf-8")
    (data_dir / "notes.txt").write_text("the agency's own file\n", encoding="utf-8")
    assert _init(data_dir, "saraban@nongbuathong.go.th") == 2
    assert sorted(p.name for p in data_dir.iterdir()) == ["logs", "notes.txt"]
    assert (data_dir / "notes.txt").read_text(encoding="utf-8") == "the agency's own file\n"
    assert (data_dir / "logs" / "old.log").exists()
