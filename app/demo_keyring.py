"""A keyring for the *demo* profile only, on machines that have no keyring at all.

Real profiles refuse to open without the OS keyring (services.store.keys raises
KeyringUnavailable). A demo profile holds only fictional data, so on a bare
machine (a fresh VM, CI, a training room) the demo may keep its key in a file
beside the data. It is never used silently: the demo profile is marked by a
``DEMO`` file, the CLI prints a warning and the window title says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from services.kernel.errors import AnuyatError
from services.store import keys

__all__ = ["DEMO_MARKER", "DemoFileKeyring", "is_demo_profile", "activate_if_needed"]

DEMO_MARKER = "DEMO"


class DemoFileKeyring(KeyringBackend):
    priority = 0.1  # type: ignore[assignment]  # never chosen automatically

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _load(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        data = json.loads(self.path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x1f{username}"] = password
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(tmp, self.path)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\x1f{username}", None)
        self.path.write_text(json.dumps(data), encoding="utf-8")


def is_demo_profile(data_dir: Path) -> bool:
    return (data_dir / DEMO_MARKER).exists()


def activate_if_needed(data_dir: Path) -> bool:
    """For a demo profile on a machine without a keyring, switch to the file keyring.

    Returns True when the file keyring is in use (callers then warn the user).
    """
    if not is_demo_profile(data_dir):
        return False
    try:
        keys.check_keyring()
        return False
    except AnuyatError:
        keyring.set_keyring(DemoFileKeyring(data_dir / "demo-keyring.json"))
        return True
