"""The recovery key file: export, read, import into another machine's keyring."""

from __future__ import annotations

import base64
import json
import os
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import keyring
import keyring.backends.null
import pytest

from services.kernel.clock import FixedClock
from services.kernel.errors import InvalidInput
from services.store import keys
from services.store.engine import DB_FILE
from services.store.recovery import (
    DEFAULT_KDF,
    FORMAT,
    KdfParams,
    export_recovery_file,
    import_recovery_file,
    read_recovery_file,
)
from tests.conftest import MemoryKeyring

FAST = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
PASS = "ช้างเผือก กินกล้วย 42 ลูก"


def _tiny_store(data_dir: Path, key: bytes) -> None:
    """A real SQLCipher file keyed like a profile's store (without the whole schema)."""
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(data_dir / DB_FILE))
    connection.execute(f"PRAGMA key = \"x'{keys.store_key_hex(key)}'\"")
    connection.execute("CREATE TABLE agency (name TEXT)")
    connection.execute("INSERT INTO agency VALUES ('ทดสอบ')")
    connection.commit()
    connection.close()


def _export(data_dir: Path, out: Path, passphrase: str = PASS) -> bytes:
    key = keys.create_master_key(data_dir)
    _tiny_store(data_dir, key)
    export_recovery_file(data_dir, key, passphrase, out, kdf=FAST)
    return key


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def test_export_then_import_into_a_fresh_keyring(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    key = _export(data_dir, out)

    # The data folder is copied to a new machine whose keyring knows nothing.
    new_machine = tmp_path / "new-machine"
    shutil.copytree(data_dir, new_machine)
    keyring.set_keyring(MemoryKeyring())
    with pytest.raises(keys.KeyMissing):
        keys.load_master_key(new_machine)

    import_recovery_file(new_machine, out, PASS)
    assert keys.load_master_key(new_machine) == key


def test_file_contents(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    key = keys.create_master_key(data_dir)
    clock = FixedClock(datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    export_recovery_file(data_dir, key, PASS, out, kdf=FAST, clock=clock)
    doc = json.loads(out.read_text())
    assert doc["format"] == FORMAT and doc["version"] == 1
    assert doc["profile_id"] == keys.profile_id(data_dir)
    assert doc["created_at"] == "2025-01-02T03:04:05+00:00"
    assert doc["kdf"]["name"] == "argon2id"
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    assert len(base64.b64decode(doc["cipher"]["nonce"])) == 12
    assert key.hex() not in out.read_text()
    assert key not in out.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert read_recovery_file(out, PASS) == (keys.profile_id(data_dir), key)


def test_default_kdf_parameters(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    key = keys.create_master_key(data_dir)
    export_recovery_file(data_dir, key, PASS, out)  # production cost, once
    kdf = json.loads(out.read_text())["kdf"]
    assert (kdf["time_cost"], kdf["memory_cost_kib"], kdf["parallelism"]) == (3, 65536, 2)
    assert DEFAULT_KDF == KdfParams(time_cost=3, memory_kib=65536, parallelism=2)
    assert read_recovery_file(out, PASS)[1] == key


def test_wrong_passphrase(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    _export(data_dir, out)
    with pytest.raises(InvalidInput) as info:
        read_recovery_file(out, PASS + "x")
    assert info.value.code == "recovery_wrong_passphrase"
    assert "passphrase is wrong" in info.value.en and _has_thai(info.value.th)


def test_thai_passphrase_typed_either_way(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    one_code_point = "น้ำใจงามความดี-2568"  # SARA AM as U+0E33
    key = _export(data_dir, out, one_code_point)
    typed_apart = one_code_point.replace("\u0e33", "\u0e4d\u0e32")
    assert typed_apart != one_code_point
    assert read_recovery_file(out, typed_apart)[1] == key


@pytest.mark.parametrize("passphrase", ["", "short", "12345678901", "ภาษาไทยสั้น"])
def test_short_passphrase_refused(data_dir: Path, tmp_path: Path, passphrase: str) -> None:
    out = tmp_path / "recovery.json"
    with pytest.raises(InvalidInput) as info:
        export_recovery_file(data_dir, bytes(32), passphrase, out, kdf=FAST)
    assert "12" in info.value.en and "12" in info.value.th and _has_thai(info.value.th)
    assert not out.exists()


@pytest.mark.parametrize("field", ["ciphertext", "nonce", "salt", "profile_id", "created_at"])
def test_tampered_file(data_dir: Path, tmp_path: Path, field: str) -> None:
    out = tmp_path / "recovery.json"
    _export(data_dir, out)
    doc = json.loads(out.read_text())
    if field in ("ciphertext", "nonce"):
        raw = bytearray(base64.b64decode(doc["cipher"][field]))
        raw[0] ^= 1
        doc["cipher"][field] = base64.b64encode(bytes(raw)).decode()
    elif field == "salt":
        raw = bytearray(base64.b64decode(doc["kdf"]["salt"]))
        raw[0] ^= 1
        doc["kdf"]["salt"] = base64.b64encode(bytes(raw)).decode()
    elif field == "profile_id":
        doc["profile_id"] = "00000000-0000-4000-8000-000000000000"
    else:
        doc["created_at"] = "2000-01-01T00:00:00+00:00"
    out.write_text(json.dumps(doc))
    with pytest.raises(InvalidInput) as info:
        read_recovery_file(out, PASS)
    assert info.value.code == "recovery_wrong_passphrase"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x89PNG\r\n\x1a\n binary",
        b"not json at all",
        b"[1, 2, 3]",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "anuyat-recovery-key", "version": 1}',
        b'{"format": "anuyat-recovery-key", "version": 1, "profile_id": "x"}',
    ],
)
def test_not_a_recovery_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "something.json"
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        read_recovery_file(path, PASS)
    assert info.value.code == "not_recovery_file"
    assert "not an Anuyat recovery" in info.value.en and _has_thai(info.value.th)


def test_hostile_kdf_parameters_are_refused(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    _export(data_dir, out)
    doc = json.loads(out.read_text())
    doc["kdf"]["memory_cost_kib"] = 1 << 40  # would ask for a petabyte
    out.write_text(json.dumps(doc))
    with pytest.raises(InvalidInput) as info:
        read_recovery_file(out, PASS)
    assert info.value.code == "not_recovery_file"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as info:
        read_recovery_file(tmp_path / "gone.json", PASS)
    assert info.value.code == "unreadable_file"


def test_refuses_to_overwrite(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    out.write_text("precious")
    with pytest.raises(InvalidInput) as info:
        _export(data_dir, out)
    assert info.value.code == "file_exists" and _has_thai(info.value.th)
    assert out.read_text() == "precious"


def test_profile_mismatch(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    _export(data_dir, out)
    other = tmp_path / "other-profile"
    other.mkdir()
    other_key = keys.create_master_key(other)
    with pytest.raises(InvalidInput) as info:
        import_recovery_file(other, out, PASS)
    assert info.value.code == "recovery_profile_mismatch"
    assert keys.profile_id(data_dir) in info.value.en and _has_thai(info.value.th)
    assert keys.load_master_key(other) == other_key  # untouched


def test_a_copied_store_without_profile_id_adopts_the_profile(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "recovery.json"
    key = _export(data_dir, out)
    keyring.set_keyring(MemoryKeyring())
    fresh = tmp_path / "restored"
    fresh.mkdir()
    shutil.copy2(data_dir / DB_FILE, fresh / DB_FILE)
    import_recovery_file(fresh, out, PASS)
    assert keys.profile_id(fresh) == keys.profile_id(data_dir)
    assert keys.load_master_key(fresh) == key


def test_a_folder_without_a_store_is_refused_and_left_alone(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    _export(data_dir, out)
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    fresh = tmp_path / "restored"
    fresh.mkdir()
    with pytest.raises(InvalidInput) as info:
        import_recovery_file(fresh, out, PASS)
    assert info.value.code == "recovery_no_store"
    assert "Copy the data folder here first" in info.value.en and _has_thai(info.value.th)
    assert list(fresh.iterdir()) == [] and ring.secrets == {}


def test_another_profiles_file_is_refused_for_a_copied_store_and_changes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    # The store was copied without profile.id; the administrator picks the wrong file.
    right_file, wrong_file = tmp_path / "right.json", tmp_path / "wrong.json"
    key = _export(data_dir, right_file)
    other = tmp_path / "other-profile"
    other.mkdir()
    _export(other, wrong_file)
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    copied = tmp_path / "copied"
    copied.mkdir()
    shutil.copy2(data_dir / DB_FILE, copied / DB_FILE)
    before = (copied / DB_FILE).read_bytes()

    with pytest.raises(InvalidInput) as info:
        import_recovery_file(copied, wrong_file, PASS)
    assert info.value.code == "recovery_wrong_store"
    assert "does not open the store" in info.value.en and "Nothing was changed" in info.value.en
    assert "ไม่ได้เปลี่ยนแปลงอะไร" in info.value.th
    assert ring.secrets == {}
    assert keys.read_profile_id(copied) is None
    assert (copied / DB_FILE).read_bytes() == before
    # The right file is still accepted afterwards.
    import_recovery_file(copied, right_file, PASS)
    assert keys.load_master_key(copied) == key
    assert keys.read_profile_id(copied) == keys.read_profile_id(data_dir)


def test_import_without_keyring_leaves_profile_and_says_so(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recovery.json"
    _export(data_dir, out)
    keyring.set_keyring(keyring.backends.null.Keyring())
    with pytest.raises(keys.KeyringUnavailable):
        import_recovery_file(data_dir, out, PASS)
