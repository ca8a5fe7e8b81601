"""`anuyat doctor`: the data folder, the keyring advice and the holiday list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null

from app import doctor
from app.settings import Settings
from services.kernel.errors import AnuyatError
from services.store import keys


def _holiday_file(path: Path, *years: int) -> Path:
    path.write_text(
        "".join(
            f'[[holiday]]\ndate = {y}-01-01\nname_th = "วันขึ้นปีใหม่"\nname_en = "New Year"\n'
            for y in years
        ),
        encoding="utf-8",
    )
    return path


def test_a_data_folder_that_does_not_exist_yet_will_be_created(tmp_path: Path) -> None:
    check = doctor._data_dir(tmp_path / "agency" / "anuyat" / "profile")
    assert check.ok
    assert "does not exist yet" in check.detail and "will create it" in check.detail
    assert str(tmp_path) in check.detail  # the parent that was checked


def test_a_data_folder_that_cannot_be_created_fails(tmp_path: Path) -> None:
    blocker = tmp_path / "usb"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    check = doctor._data_dir(blocker / "profile")
    assert not check.ok
    assert "cannot be created" in check.detail and "--data-dir" in check.fix


def test_an_existing_data_folder_is_reported(data_dir: Path) -> None:
    check = doctor._data_dir(data_dir)
    assert check.ok and "no store yet" in check.detail


def test_no_keyring_advice_covers_machines_without_a_desktop() -> None:
    keyring.set_keyring(null.Keyring())
    check = doctor._keyring()
    assert not check.ok
    for needed in (
        "gnome-keyring dbus-user-session",
        "dbus-run-session -- sh -c",
        "gnome-keyring-daemon --unlock",
        "keyrings.alt",
        "Secret Service",
        "Credential Manager",
        "เครื่องที่ไม่มีเดสก์ท็อป",
    ):
        assert needed in check.fix, needed


def test_keyrings_alt_is_not_accepted_for_the_key() -> None:
    class EncryptedKeyring(KeyringBackend):  # what keyrings.alt offers, by name
        priority = 1  # type: ignore[assignment]
        store: dict[str, str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get(username)

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[username] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop(username, None)

    EncryptedKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(EncryptedKeyring())
    with pytest.raises(AnuyatError) as refused:
        keys.check_keyring()
    assert refused.value.code == "keyring_unavailable"
    assert "keyrings.alt" in refused.value.en and "keyrings.alt" in refused.value.th


def test_holidays_warn_from_october_for_next_year(tmp_path: Path, data_dir: Path) -> None:
    settings = Settings({"holidays_path": str(_holiday_file(tmp_path / "h.toml", 2026))}, None)
    september = doctor._holidays(settings, data_dir, date(2026, 9, 30))
    assert september.ok and not september.warning
    october = doctor._holidays(settings, data_dir, date(2026, 10, 1))
    assert october.ok and "2027 (B.E. 2570)" in october.warning and "พ.ศ. 2570" in october.warning


def test_doctor_fails_when_this_years_holidays_are_missing(
    tmp_path: Path, data_dir: Path, capsys
) -> None:
    settings = Settings({"holidays_path": str(_holiday_file(tmp_path / "h.toml", 2026))}, None)
    assert doctor.run(data_dir, settings, today=date(2027, 1, 4)) == 1
    out = capsys.readouterr().out
    assert "[FAIL] holidays" in out and "already counting" in out
    assert "holidays" in out.splitlines()[-1]  # named in the "to fix" line


def test_doctor_warns_but_passes_in_october(tmp_path: Path, data_dir: Path, capsys) -> None:
    keyring_ok = doctor._keyring().ok  # the test keyring; everything else is this machine
    settings = Settings({"holidays_path": str(_holiday_file(tmp_path / "h.toml", 2026))}, None)
    code = doctor.run(data_dir, settings, today=date(2026, 10, 1))
    out = capsys.readouterr().out
    assert "[WARN] holidays" in out
    assert keyring_ok and code == 0, out


def test_doctor_names_what_an_edited_acknowledgement_lost(tmp_path: Path, data_dir: Path) -> None:
    from services.intake.acknowledgement import DEFAULT_TEMPLATE

    edited = tmp_path / "ack.txt"
    shipped = DEFAULT_TEMPLATE.read_text(encoding="utf-8")
    edited.write_text(shipped.replace("Disclaimer:", "Note:"), encoding="utf-8")
    assert doctor._ack_template(Settings({}, None), data_dir).ok
    check = doctor._ack_template(Settings({"ack_template": str(edited)}, None), data_dir)
    assert not check.ok
    assert "the disclaimer in English (Disclaimer)" in check.fix and "ขาดส่วนที่ต้องมี" in check.fix
