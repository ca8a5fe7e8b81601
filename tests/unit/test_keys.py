"""The master key in the keyring: created once, loaded, refused without a real keyring."""

from __future__ import annotations

import uuid
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest

from services.kernel.errors import InvalidInput
from services.store import keys
from tests.conftest import MemoryKeyring


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


class DroppingKeyring(MemoryKeyring):
    """Claims to store but keeps nothing, like the null backend, under a name we do not know."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None


def test_profile_id_is_created_once_and_stable(data_dir: Path) -> None:
    first = keys.profile_id(data_dir)
    assert str(uuid.UUID(first)) == first
    assert (data_dir / "profile.id").read_text().strip() == first
    assert keys.profile_id(data_dir) == first
    assert keys.read_profile_id(data_dir) == first
    assert [p.name for p in data_dir.iterdir()] == ["profile.id"]  # no temp file left


def test_write_profile_id_never_replaces(data_dir: Path) -> None:
    first = keys.profile_id(data_dir)
    assert keys.write_profile_id(data_dir, str(uuid.uuid4())) == first
    assert keys.profile_id(data_dir) == first


def test_damaged_profile_id_is_reported(data_dir: Path) -> None:
    (data_dir / "profile.id").write_text("not-a-uuid\n")
    with pytest.raises(InvalidInput) as info:
        keys.profile_id(data_dir)
    assert _has_thai(info.value.th) and "profile.id" in info.value.en


def test_create_then_load_round_trip(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    assert not keys.has_master_key(data_dir)
    key = keys.create_master_key(data_dir)
    assert len(key) == 32
    assert keys.has_master_key(data_dir)
    assert keys.load_master_key(data_dir) == key
    pid = keys.profile_id(data_dir)
    assert memory_keyring.secrets[("anuyat", f"profile-key:{pid}")] == key.hex()


def test_create_refuses_to_overwrite(data_dir: Path) -> None:
    key = keys.create_master_key(data_dir)
    with pytest.raises(InvalidInput) as info:
        keys.create_master_key(data_dir)
    assert _has_thai(info.value.th) and "already has" in info.value.en
    assert keys.load_master_key(data_dir) == key


def test_two_profiles_have_two_keys(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    assert keys.create_master_key(a) != keys.create_master_key(b)


def test_key_missing_when_entry_is_gone(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    keys.create_master_key(data_dir)
    memory_keyring.secrets.clear()  # e.g. the data folder was copied to another machine
    assert not keys.has_master_key(data_dir)
    with pytest.raises(keys.KeyMissing) as info:
        keys.load_master_key(data_dir)
    message = info.value.bilingual()
    assert _has_thai(info.value.th)
    assert "anuyat recovery import" in info.value.en
    assert keys.profile_id(data_dir) in message


def test_key_missing_when_profile_has_no_id_and_none_is_invented(data_dir: Path) -> None:
    with pytest.raises(keys.KeyMissing):
        keys.load_master_key(data_dir)
    assert not (data_dir / "profile.id").exists()


def test_damaged_keyring_entry_is_key_missing(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    pid = keys.profile_id(data_dir)
    memory_keyring.secrets[("anuyat", f"profile-key:{pid}")] = "zz" * 32
    with pytest.raises(keys.KeyMissing) as info:
        keys.load_master_key(data_dir)
    assert "damaged" in info.value.en


def test_install_overwrites(data_dir: Path) -> None:
    keys.create_master_key(data_dir)
    replacement = bytes(range(32))
    keys.install_master_key(data_dir, replacement)
    assert keys.load_master_key(data_dir) == replacement
    with pytest.raises(ValueError):
        keys.install_master_key(data_dir, b"short")


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.null.Keyring(), keyring.backends.fail.Keyring()],
    ids=["null", "fail"],
)
def test_keyring_unavailable(data_dir: Path, backend: keyring.backend.KeyringBackend) -> None:
    keyring.set_keyring(backend)  # the autouse fixture restores the previous backend
    calls = [
        lambda: keys.check_keyring(),
        lambda: keys.create_master_key(data_dir),
        lambda: keys.load_master_key(data_dir),
        lambda: keys.has_master_key(data_dir),
        lambda: keys.install_master_key(data_dir, bytes(32)),
        lambda: keys.store_secret("imap", "pw"),
        lambda: keys.load_secret("imap"),
        lambda: keys.delete_secret("imap"),
    ]
    for call in calls:
        with pytest.raises(keys.KeyringUnavailable) as info:
            call()
        err = info.value
        assert _has_thai(err.th)
        assert "keyring" in err.en and "GNOME Keyring" in err.en and "KWallet" in err.en
        assert "Credential Manager" in err.en and "PYTHON_KEYRING_BACKEND" in err.en
        assert "PYTHON_KEYRING_BACKEND" in err.th
        assert "locked" in err.en
        assert err.code == "keyring_unavailable"


def test_backend_that_drops_writes_is_found_by_reading_back(data_dir: Path) -> None:
    keyring.set_keyring(DroppingKeyring())
    with pytest.raises(keys.KeyringUnavailable):
        keys.check_keyring()
    with pytest.raises(keys.KeyringUnavailable):
        keys.create_master_key(data_dir)
    with pytest.raises(keys.KeyringUnavailable):
        keys.store_secret("smtp", "pw")


def test_check_keyring_names_backend_and_leaves_nothing(memory_keyring: MemoryKeyring) -> None:
    assert keys.check_keyring().endswith("MemoryKeyring")
    assert memory_keyring.secrets == {}


def test_derive_key_per_purpose_and_deterministic() -> None:
    master = bytes(range(32))
    derived = {p: keys.derive_key(master, p) for p in ("sqlcipher", "blobs", "events")}
    assert all(len(k) == 32 for k in derived.values())
    assert len(set(derived.values())) == 3
    assert master not in derived.values()
    assert keys.derive_key(master, "blobs") == derived["blobs"]
    assert keys.derive_key(bytes(32), "blobs") != derived["blobs"]
    assert keys.store_key_hex(master) == derived["sqlcipher"].hex()
    assert len(keys.store_key_hex(master)) == 64
    with pytest.raises(ValueError):
        keys.derive_key(b"short", "blobs")
    with pytest.raises(ValueError):
        keys.derive_key(master, "")


def test_secrets_round_trip(memory_keyring: MemoryKeyring) -> None:
    assert keys.load_secret("imap:intake") is None
    keys.store_secret("imap:intake", "รหัสผ่าน-secret")
    assert keys.load_secret("imap:intake") == "รหัสผ่าน-secret"
    assert memory_keyring.secrets[("anuyat", "secret:imap:intake")] == "รหัสผ่าน-secret"
    keys.store_secret("imap:intake", "changed")
    assert keys.load_secret("imap:intake") == "changed"
    keys.delete_secret("imap:intake")
    assert keys.load_secret("imap:intake") is None
    keys.delete_secret("imap:intake")  # deleting nothing is fine
