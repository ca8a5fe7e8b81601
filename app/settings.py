"""The settings as the program reads them: the user's file, then the profile's over it.

Every setting is declared once in :mod:`services.settings.declaration` (re-exported here).
Settings live in ``settings.toml`` under the platform's config directory
(``ANUYAT_CONFIG_DIR`` overrides it), and the profile's own ``settings.toml`` (the agency's
mailbox, SMTP, shared drive…) overlays it. Unknown keys and wrong types are reported in Thai
and English. The profile's file is written only when the administrator saves the Settings
page (:mod:`services.settings.station`); the user's file is never rewritten.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Imported where they are used: the settings are read before the sign-in paints, and
    # an officer's start with no settings file needs neither the declarations (a default is
    # looked up there only when asked for) nor platformdirs (ANUYAT_CONFIG_DIR set).
    from services.access.passwords import PasswordPolicy
    from services.settings.declaration import SETTINGS, Setting

__all__ = [
    "SETTINGS",
    "Setting",
    "Settings",
    "config_dir",
    "default_data_dir",
    "load_settings",
    "password_policy",
    "profile_settings_path",
    "resolve_data_dir",
    "with_profile",
]


def __getattr__(name: str) -> Any:
    # SETTINGS and Setting are re-exported, loaded on first use (see the imports above).
    if name in ("SETTINGS", "Setting"):
        from services.settings import declaration

        return getattr(declaration, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def config_dir() -> Path:
    override = os.environ.get("ANUYAT_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("anuyat"))


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("anuyat")) / "default"


class Settings:
    """Read-only access to the settings; the one accessor every module uses."""

    def __init__(self, values: dict[str, Any], source: Path | None) -> None:
        self._values = values
        self.source = source

    def get(self, name: str) -> Any:
        if name in self._values:
            return self._values[name]
        from services.settings.declaration import BY_NAME

        return BY_NAME[name].default

    def set_in_files(self, name: str) -> Any | None:
        """The value the files give ``name``, or None when they leave it to its default."""
        return self._values.get(name)

    def path(self, name: str) -> Path | None:
        value = self.get(name)
        return Path(value).expanduser() if value else None

    def values(self) -> dict[str, Any]:
        """The values set in the files (a copy; defaults are not included)."""
        return dict(self._values)


def resolve_data_dir(cli_value: str | None, settings: Settings) -> Path:
    """--data-dir, then ANUYAT_DATA_DIR, then the settings file, then the platform default."""
    chosen = cli_value or os.environ.get("ANUYAT_DATA_DIR") or settings.get("data_dir")
    return Path(chosen).expanduser().resolve() if chosen else default_data_dir()


def load_settings(path: Path | None = None) -> Settings:
    """The user's settings (config dir); see :func:`with_profile` for the agency's own."""
    path = path or config_dir() / "settings.toml"
    if not path.exists():
        return Settings({}, None)
    return Settings(_read(path), path)


def profile_settings_path(data_dir: Path) -> Path:
    """The profile's own ``settings.toml`` (what the Settings page writes)."""
    return data_dir / "settings.toml"


def with_profile(settings: Settings, data_dir: Path) -> Settings:
    """Overlay the profile's ``settings.toml``: an agency's mailbox belongs to its profile."""
    path = profile_settings_path(data_dir)
    if not path.exists():
        return settings
    merged = dict(settings._values)
    merged.update(_read(path))
    return Settings(merged, path)


def password_policy(settings: Settings) -> PasswordPolicy:
    """The officers' password policy; a value out of range is refused with what to fix."""
    from services.access.passwords import PasswordPolicy

    return PasswordPolicy(
        min_length=settings.get("password_min_length"),
        min_kinds=settings.get("password_min_kinds"),
        forbid_username=settings.get("password_forbid_username"),
    )


def _read(path: Path) -> dict[str, Any]:
    from services.settings.settings_file import read_settings_file

    return read_settings_file(path)
