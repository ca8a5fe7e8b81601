"""A keyring kept in one JSON file, so a test and the child processes it starts share keys.

For tests only (the key sits in a plain file). The parent selects it with
``keyring.set_keyring(FileKeyring(path))``; a child process gets the same entries with
``PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring`` and ``ANUYAT_TEST_KEYRING=<path>``
in its environment (the child's working directory must be the repository root).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

__all__ = ["ENV_VAR", "FileKeyring", "child_env", "file_keyring_in_use"]

ENV_VAR = "ANUYAT_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    """Entries as ``{"service\\x1fusername": secret}`` in one JSON file (see the module)."""

    priority = 0.1  # type: ignore[assignment]  # never chosen by keyring on its own

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__()
        chosen = path if path is not None else os.environ.get(ENV_VAR)
        if not chosen:
            # TypeError is how keyring's own discovery learns a backend needs arguments:
            # it then skips this one instead of failing.
            raise TypeError(f"FileKeyring needs a path (or {ENV_VAR} in the environment)")
        self.path = Path(chosen)

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _save(self, data: dict[str, str]) -> None:
        # Whole file or nothing: a child killed mid-write must not leave half a keyring.
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".keyring.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x1f{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\x1f{username}", None)
        self._save(data)


def child_env(path: Path, **extra: str) -> dict[str, str]:
    """The environment for a child process that must use the keyring file ``path``."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND=f"{__name__}.FileKeyring", **extra)
    env[ENV_VAR] = str(path)
    return env


@contextmanager
def file_keyring_in_use(
    path: Path, secrets: Mapping[tuple[str, str], str]
) -> Iterator[FileKeyring]:
    """A :class:`FileKeyring` at ``path`` holding ``secrets`` (``(service, username)`` →
    secret), this process's keyring until the block ends; the one before is put back."""
    ring = FileKeyring(path)
    for (service, username), value in secrets.items():
        ring.set_password(service, username, value)
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(previous)
