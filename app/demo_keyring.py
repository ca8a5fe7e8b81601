"""A keyring for the *demo* profile only, on machines that have no keyring at all.

Real profiles refuse to open without the OS keyring (services.store.keys raises
KeyringUnavailable). A demo profile holds only fictional data, so on a bare
machine (a fresh VM, CI, a training room) the demo may keep its key in a file
beside the data. It is never used silently: the CLI prints a warning and the
window title says so.

What makes a profile a demo is decided by the command that creates it, never by a
file someone can drop in a folder: ``anuyat demo`` writes the profile's metadata
(``profile.json``, ``{"kind": "demo"}``) *and* marks the encrypted store itself
(a ``profile.marked_demo`` event in its audit chain). The file keyring is used only
when the metadata says demo, and a store opened with it must carry the mark too
(:func:`check_store_is_demo`). ``anuyat init`` never uses it: a stray ``DEMO`` file
(the old marker) or demo metadata in a folder where a real profile is created is
ignored, replaced and warned about.
"""

from __future__ import annotations

import json
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from services.kernel.errors import AnuyatError, InvalidInput
from services.kernel.fsutil import write_atomically
from services.store import keys

__all__ = [
    "DEMO_KEYRING_FILE",
    "PROFILE_META",
    "STRAY_MARKER",
    "DemoFileKeyring",
    "activate_if_needed",
    "check_store_is_demo",
    "is_demo_profile",
    "stray_demo_marker",
    "write_profile_kind",
]

PROFILE_META = "profile.json"
DEMO_KEYRING_FILE = "demo-keyring.json"
STRAY_MARKER = "DEMO"
"""The old demo marker: a plain file anyone can create, so it decides nothing now."""


class DemoFileKeyring(KeyringBackend):
    priority = 0.1  # never chosen automatically

    def __init__(self, path: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring has no annotations
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
        write_atomically(self.path, json.dumps(data).encode("utf-8"))  # mode 0600

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\x1f{username}", None)
        self.path.write_text(json.dumps(data), encoding="utf-8")


def _profile_kind(data_dir: Path) -> str | None:
    try:
        meta = json.loads((data_dir / PROFILE_META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    kind = meta.get("kind") if isinstance(meta, dict) else None
    return kind if isinstance(kind, str) else None


def write_profile_kind(data_dir: Path, kind: str) -> None:
    """Record whether the profile is ``"demo"`` or ``"real"`` (by the creating command)."""
    text = json.dumps({"kind": kind, "note": _NOTES[kind]}, ensure_ascii=False) + "\n"
    write_atomically(data_dir / PROFILE_META, text.encode("utf-8"))


_NOTES = {
    "demo": "demo profile: fictional data only",
    "real": "agency profile: the master key is kept in the OS keyring only",
}


def is_demo_profile(data_dir: Path) -> bool:
    return _profile_kind(data_dir) == "demo"


def stray_demo_marker(data_dir: Path) -> bool:
    """A ``DEMO`` file in a folder that is not a demo profile (it is ignored)."""
    return (data_dir / STRAY_MARKER).exists() and not is_demo_profile(data_dir)


def activate_if_needed(data_dir: Path) -> bool:
    """For a demo profile on a machine without a keyring, switch to the file keyring.

    Returns True when the file keyring is in use (callers then warn the user, and check
    the store with :func:`check_store_is_demo` once it is open).
    """
    if not is_demo_profile(data_dir):
        return False
    try:
        keys.check_keyring()
        return False
    except keys.KeyringLocked:
        raise  # a keyring that holds the key but refused its password: say so, keep it
    except AnuyatError:
        keyring.set_keyring(DemoFileKeyring(data_dir / DEMO_KEYRING_FILE))
        return True


def check_store_is_demo(is_demo_store: bool, data_dir: Path) -> None:
    """Refuse a store opened with the demo file keyring that is not marked demo inside."""
    if not is_demo_store:
        raise InvalidInput(
            f"โปรไฟล์ใน {data_dir} ไม่ใช่โปรไฟล์ตัวอย่าง จึงเก็บกุญแจไว้ในไฟล์ไม่ได้ — "
            "ย้ายกุญแจไปไว้ในที่เก็บกุญแจของระบบ (anuyat recovery import) แล้วลบไฟล์ "
            f"{DEMO_KEYRING_FILE} และ {PROFILE_META}",
            f"The profile in {data_dir} is not a demo profile, so its key may not be kept in "
            f"a file. Put the key in the OS keyring (anuyat recovery import), then delete "
            f"{DEMO_KEYRING_FILE} and {PROFILE_META}.",
            code="not_a_demo_profile",
        )
