"""A full disk is told apart from every other failure, however deeply it is wrapped."""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import OperationalError

from services.kernel.errors import DiskFull, is_disk_full


def test_full_disk_and_quota_are_recognised() -> None:
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert is_disk_full(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert is_disk_full(DiskFull())


def test_sqlite_full_wrapped_by_sqlalchemy_is_recognised() -> None:
    wrapped = OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))
    assert is_disk_full(wrapped)


def test_a_cause_chain_is_followed() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as exc:
            raise RuntimeError("while storing") from exc
    except RuntimeError as outer:
        assert is_disk_full(outer)


def test_other_failures_are_not_a_full_disk() -> None:
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not is_disk_full(ValueError("bad"))
    wrapped = OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))
    assert not is_disk_full(wrapped)
    assert DiskFull().th and DiskFull().en and DiskFull().code == "disk_full"
