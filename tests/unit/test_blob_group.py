"""Blobs written as a group (services.store.blob_group), on real files: deferred syncs, whole
files only under an address, nothing left behind by an abandoned group."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from services.store.blobstore import BlobStore

KEY = bytes(range(32))


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", KEY)


def _temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*.tmp")]


def test_a_group_puts_blobs_under_their_address_only_once_durable(store: BlobStore) -> None:
    with store.group() as group:
        first, second = store.put(b"scan one"), store.put(b"scan two")
        assert store.put(b"scan one") == first and len(group) == 2  # written once
        # Readable within the group (intake compares a duplicate's raw mail) …
        assert store.get(first.sha256) == b"scan one" and store.exists(second.sha256)
        # … but not yet under its address: a crash now leaves only temporary files.
        assert not store.path_for(first.sha256).exists()
        assert list(store.iter_addresses()) == []
        assert len(_temp_files(store.root)) == 2
        group.make_durable()
        assert group.syncs == 2  # files, then the renames: not one per blob
    assert sorted(store.iter_addresses()) == sorted([first.sha256, second.sha256])
    assert store.get(second.sha256) == b"scan two"
    assert _temp_files(store.root) == []


def test_an_abandoned_group_leaves_nothing(store: BlobStore) -> None:
    with pytest.raises(RuntimeError), store.group():
        ref = store.put(b"never committed")
        raise RuntimeError("the transaction failed")
    assert not store.exists(ref.sha256)
    assert _temp_files(store.root) == [] and list(store.iter_addresses()) == []


def test_a_torn_temp_file_from_a_crash_is_no_blob(store: BlobStore) -> None:
    data = b"the scan a killed sync was writing"
    with store.group() as group:
        ref = store.put(data)
        torn = next(iter(_temp_files(store.root)))
        torn.write_bytes(torn.read_bytes()[:10])  # what a power cut may leave
        group._pending.clear()  # the process dies: nothing renamed, nothing removed
    assert _temp_files(store.root) == [torn] and list(store.iter_addresses()) == []
    assert store.put(data) == ref  # the next run writes it whole
    assert store.get(ref.sha256) == data


def test_another_threads_puts_are_not_deferred(store: BlobStore) -> None:
    seen: list[bool] = []

    def officer_action() -> None:
        ref = store.put(b"an officer's certified copy")
        seen.append(store.path_for(ref.sha256).is_file())

    with store.group() as group:
        worker = threading.Thread(target=officer_action)
        worker.start()
        worker.join()
        assert len(group) == 0
    assert seen == [True]


def test_a_group_inside_a_group_joins_it(store: BlobStore) -> None:
    with store.group() as outer:
        with store.group() as inner:
            assert inner is outer
            ref = store.put(b"joined")
        assert not store.path_for(ref.sha256).exists()  # the inner block did not end it
        outer.make_durable()
    assert store.get(ref.sha256) == b"joined"
