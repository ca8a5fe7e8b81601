"""The encrypted, content-addressed blob store, on real files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from services.kernel.errors import InvalidInput, NotFound
from services.store.blobstore import MAGIC, BlobCorrupted, BlobRef, BlobStore

KEY = bytes(range(32))
MARKER = "คำขออนุญาต-ANUYAT-PLAINTEXT-MARKER-7f3a".encode()


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", KEY)


def _all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_round_trip(store: BlobStore) -> None:
    data = b"hello " + MARKER
    ref = store.put(data)
    assert ref == BlobRef(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    assert store.exists(ref.sha256)
    path = store.path_for(ref.sha256)
    assert path == store.root / ref.sha256[:2] / ref.sha256[2:4] / f"{ref.sha256}.blob"
    raw = path.read_bytes()
    assert raw.startswith(MAGIC) and len(raw) == 4 + 12 + len(data) + 16
    assert store.get(ref.sha256) == data
    assert list(store.iter_addresses()) == [ref.sha256]


def test_empty_blob(store: BlobStore) -> None:
    ref = store.put(b"")
    assert ref.size == 0 and store.get(ref.sha256) == b""


def test_dedup_writes_nothing_new(store: BlobStore) -> None:
    ref = store.put(MARKER)
    path = store.path_for(ref.sha256)
    before = path.stat()
    files_before = sorted(_all_files(store.root))
    sealed = path.read_bytes()
    os.utime(path, (before.st_atime - 3600, before.st_mtime - 3600))
    again = store.put(MARKER)
    after = path.stat()
    assert again == ref
    assert after.st_ino == before.st_ino and path.read_bytes() == sealed  # not written again
    # Only its age starts again: the caller is about to name it (the orphan sweep's grace).
    assert after.st_mtime >= before.st_mtime
    assert sorted(_all_files(store.root)) == files_before


def test_same_content_encrypts_differently_each_time(tmp_path: Path) -> None:
    one, two = BlobStore(tmp_path / "a", KEY), BlobStore(tmp_path / "b", KEY)
    ref = one.put(MARKER)
    two.put(MARKER)
    assert one.path_for(ref.sha256).read_bytes() != two.path_for(ref.sha256).read_bytes()


def test_no_plaintext_on_disk(store: BlobStore, tmp_path: Path) -> None:
    source = tmp_path / "incoming.txt"
    source.write_bytes(b"A" * 1000 + MARKER + b"B" * 1000)
    store.put(MARKER * 50)
    store.put_file(source)
    files = _all_files(store.root)
    assert len(files) == 2
    thai_only = "คำขออนุญาต".encode()
    for path in files:
        raw = path.read_bytes()
        assert MARKER not in raw and thai_only not in raw and b"ANUYAT-PLAINTEXT" not in raw


def test_put_file_round_trip(store: BlobStore, tmp_path: Path) -> None:
    source = tmp_path / "doc.pdf"
    source.write_bytes(b"%PDF-1.7 " + MARKER)
    ref = store.put_file(source)
    assert store.get(ref.sha256) == source.read_bytes()


def test_put_file_that_does_not_exist(store: BlobStore, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as info:
        store.put_file(tmp_path / "nope.pdf")
    assert "nope.pdf" in info.value.en


def test_too_large(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", KEY, max_size=1024)
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 1025)
    with pytest.raises(InvalidInput) as info:
        store.put_file(big)
    assert "too large" in info.value.en and "ใหญ่เกินไป" in info.value.th
    assert info.value.code == "file_too_large"
    with pytest.raises(InvalidInput):
        store.put(b"x" * 1025)
    assert store.put(b"x" * 1024).size == 1024
    assert list(store.iter_addresses()) == [hashlib.sha256(b"x" * 1024).hexdigest()]


def test_default_cap_is_64_mib(store: BlobStore) -> None:
    assert store.max_size == 64 * 1024 * 1024


def test_tampered_byte_is_corrupted(store: BlobStore) -> None:
    ref = store.put(MARKER)
    path = store.path_for(ref.sha256)
    raw = bytearray(path.read_bytes())
    raw[20] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(BlobCorrupted) as info:
        store.get(ref.sha256)
    assert ref.sha256 in info.value.en and ref.sha256 in info.value.th
    assert "backup" in info.value.en and "สำรอง" in info.value.th


def test_truncated_or_foreign_file_is_corrupted(store: BlobStore) -> None:
    ref = store.put(MARKER)
    path = store.path_for(ref.sha256)
    path.write_bytes(b"ANB1short")
    with pytest.raises(BlobCorrupted):
        store.get(ref.sha256)
    path.write_bytes(b"%PDF" + bytes(100))
    with pytest.raises(BlobCorrupted):
        store.get(ref.sha256)


def test_wrong_size_blob_is_replaced_by_put(store: BlobStore) -> None:
    ref = store.put(MARKER)
    store.path_for(ref.sha256).write_bytes(b"ANB1")
    store.put(MARKER)
    assert store.get(ref.sha256) == MARKER


def test_blob_moved_to_another_address_is_corrupted(store: BlobStore) -> None:
    a = store.put(b"first document")
    b = store.put(b"second document")
    os.replace(store.path_for(a.sha256), store.path_for(b.sha256))
    with pytest.raises(BlobCorrupted):
        store.get(b.sha256)


def test_wrong_key_is_corrupted(store: BlobStore) -> None:
    ref = store.put(MARKER)
    other = BlobStore(store.root, bytes(32))
    with pytest.raises(BlobCorrupted):
        other.get(ref.sha256)


def test_missing_blob_is_not_found(store: BlobStore) -> None:
    with pytest.raises(NotFound):
        store.get("0" * 64)
    assert not store.exists("0" * 64)


@pytest.mark.parametrize(
    "bad",
    [
        "../../etc/passwd",
        "0" * 63,
        "0" * 65,
        "A" * 64,
        "0" * 64 + "\n",
        "../" + "0" * 61,
        "/" + "0" * 63,
        "",
    ],
)
def test_bad_address_is_refused(store: BlobStore, bad: str) -> None:
    for call in (store.get, store.exists, store.path_for):
        with pytest.raises(InvalidInput):
            call(bad)


def test_verify_all_finds_the_damaged_one(store: BlobStore) -> None:
    good = store.put(b"good")
    bad = store.put(b"bad")
    path = store.path_for(bad.sha256)
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 0xFF
    path.write_bytes(bytes(raw))
    # strays a crash or a person might leave are not blobs
    (path.parent / ".leftover.tmp").write_bytes(b"junk")
    (store.root / "README.txt").write_text("x")
    assert sorted(store.iter_addresses()) == sorted([good.sha256, bad.sha256])
    assert store.verify_all() == [bad.sha256]


def test_empty_store(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "never-created", KEY)
    assert list(store.iter_addresses()) == []
    assert store.verify_all() == []


def test_key_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        BlobStore(tmp_path, b"short")
