"""Settings are checked where they are declared: type, choices and ranges."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import SETTINGS, load_settings
from services.kernel.errors import InvalidInput


def _load(tmp_path: Path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ('log_level = "VERBOSE"', "'log_level' must be one of DEBUG, INFO"),
        ("sync_interval_seconds = -1", "'sync_interval_seconds' must be at least"),
        ("log_max_bytes = true", "'log_max_bytes' must be a whole number"),
        ("log_backups = 0", "'log_backups' must be at least 1"),
        ('imap_security = "ssl"', "'imap_security' must be one of tls, starttls, plain"),
        ('imap_after = "delete"', "'imap_after' must be one of none, flag, move"),
        ("smtp_port = 70000", "'smtp_port' must be at most 65535"),
        ('language = "fr"', "'language' must be one of th, en"),
        ("drive_stable_seconds = false", "'drive_stable_seconds' must be a whole number"),
    ],
)
def test_out_of_range_or_wrong_choice_is_refused_in_both_languages(
    tmp_path: Path, line: str, named: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        _load(tmp_path, line + "\n")
    assert named in caught.value.en
    assert "ไฟล์ตั้งค่า" in caught.value.th and "Fix the file" in caught.value.en


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        _load(tmp_path, 'log_level = "VERBOSE"\nsync_interval_seconds = -1\nlog_max_bytes = true\n')
    for name in ("log_level", "sync_interval_seconds", "log_max_bytes"):
        assert f"'{name}'" in caught.value.en and f"'{name}'" in caught.value.th


def test_valid_values_pass_and_the_level_is_normalised(tmp_path: Path) -> None:
    settings = _load(
        tmp_path, 'log_level = "debug"\nsync_interval_seconds = 30\nimap_security = "plain"\n'
    )
    assert settings.get("log_level") == "DEBUG"
    assert settings.get("sync_interval_seconds") == 30


def test_every_default_satisfies_its_own_declaration() -> None:
    for setting in SETTINGS:
        assert setting.problem(setting.default) is None, setting.name


def test_the_register_address_must_be_an_https_web_address() -> None:
    from services.settings.declaration import problems_in

    assert problems_in({"register_url": "https://www.nongphai.go.th/licences"}) == []
    assert problems_in({"register_url": ""}) == []  # not set: the agency's mail domain
    for bad in ("www.nongphai.go.th", "http://www.nongphai.go.th", "https://localhost/x",
                "https://a.go.th/ verify", "https://a.go.th/v?x=1"):  # fmt: skip
        ((th, en),) = problems_in({"register_url": bad})
        assert "https://" in en and "https://" in th, bad


def test_a_start_without_a_language_set_gets_the_declared_default(tmp_path: Path) -> None:
    """``anuyat gui`` hands the GUI None when no file sets the language (so as not to load
    the declarations before the sign-in paints); the GUI's default must be the declared one."""
    from ui.common import i18n

    unset = _load(tmp_path, "log_level = 'info'\n")
    assert unset.set_in_files("language") is None
    assert unset.get("language") == i18n.DEFAULT_LANGUAGE == "th"
    assert _load(tmp_path, 'language = "en"\n').set_in_files("language") == "en"
