"""Durable writes: replace whole, create once, and no temporary files left behind."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from services.kernel.fsutil import create_once, fsync_dir, write_atomically


def test_write_atomically_replaces_the_file_whole_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "state.txt"
    target.write_bytes(b"old")
    write_atomically(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["state.txt"]
    assert stat.S_IMODE(target.stat().st_mode) & 0o077 == 0


def test_write_atomically_leaves_the_old_file_when_the_rename_fails(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    target.mkdir()
    (target / "inside").write_bytes(b"x")
    with pytest.raises(OSError):
        write_atomically(target, b"cannot replace a non-empty folder")
    assert (target / "inside").read_bytes() == b"x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_create_once_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "profile.id"
    assert create_once(target, b"first\n", prefix=".profile.id.")
    assert not create_once(target, b"second\n", prefix=".profile.id.")
    assert target.read_bytes() == b"first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.id"]


def test_create_once_takes_its_temporary_file_from_another_folder(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    (tmp_path / "cur").mkdir()
    target = tmp_path / "cur" / "message"
    assert create_once(target, b"body", tmp_dir=tmp_path / "tmp", prefix="message.")
    assert target.read_bytes() == b"body"
    assert list((tmp_path / "tmp").iterdir()) == []


def test_fsync_dir_accepts_a_folder(tmp_path: Path) -> None:
    fsync_dir(tmp_path)  # raises on a path that is not a folder it can open
    with pytest.raises(OSError):
        fsync_dir(tmp_path / "missing")
