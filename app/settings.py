"""Every setting, declared once: name, type, default, and what it is for.

Settings live in ``settings.toml`` under the platform's config directory
(``ANUYAT_CONFIG_DIR`` overrides it). Unknown keys and wrong types are reported
in Thai and English; the file is never rewritten behind the user's back.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from services.errors import InvalidInput

__all__ = ["SETTINGS", "Setting", "Settings", "config_dir", "load_settings", "default_data_dir"]


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "data_dir", str, "", "Profile folder (store, blobs, logs). Empty: the platform's data dir."
    ),
    Setting("language", str, "th", "User interface language: 'th' or 'en'."),
    Setting("log_level", str, "INFO", "Log level for the profile's rotating log."),
    Setting("log_max_bytes", int, 5_000_000, "Size at which the log file rotates."),
    Setting("log_backups", int, 10, "How many rotated log files to keep."),
    Setting("catalog_path", str, "", "Service catalog TOML. Empty: the bundled catalog."),
    Setting("holidays_path", str, "", "Public holidays TOML. Empty: the bundled calendar."),
    Setting("pkcs11_module", str, "", "PKCS#11 library of the signing token (USB token)."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def config_dir() -> Path:
    override = os.environ.get("ANUYAT_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("anuyat"))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("anuyat")) / "default"


class Settings:
    """Read-only access to the settings; the one accessor every module uses."""

    def __init__(self, values: dict[str, Any], source: Path | None) -> None:
        self._values = values
        self.source = source

    def get(self, name: str) -> Any:
        return self._values.get(name, _BY_NAME[name].default)

    def path(self, name: str) -> Path | None:
        value = self.get(name)
        return Path(value).expanduser() if value else None


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_dir() / "settings.toml"
    if not path.exists():
        return Settings({}, None)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"อ่านไฟล์ตั้งค่า {path} ไม่ได้: {exc} — แก้ไขไฟล์หรือลบทิ้งเพื่อใช้ค่าเริ่มต้น",
            f"Cannot read the settings file {path}: {exc}. Fix it, or delete it to use defaults.",
        ) from exc
    problems = []
    for key, value in raw.items():
        setting = _BY_NAME.get(key)
        if setting is None:
            problems.append(f"unknown setting '{key}'")
        elif not isinstance(value, setting.type):
            problems.append(f"'{key}' must be {setting.type.__name__}")
    if problems:
        listed = "; ".join(problems)
        raise InvalidInput(
            f"ไฟล์ตั้งค่า {path} มีค่าที่ไม่ถูกต้อง: {listed}",
            f"The settings file {path} has problems: {listed}. "
            f"Known settings: {', '.join(_BY_NAME)}.",
        )
    return Settings(raw, path)
