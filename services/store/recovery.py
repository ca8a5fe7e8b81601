"""The administrator's recovery key: the master key sealed under a passphrase, in a file.

The file is small JSON the admin keeps offline (a USB stick in a safe, a printout).
The master key is encrypted with AES-256-GCM under a key derived from the passphrase
with Argon2id (memory-hard, so guessing passphrases is slow even on GPUs). The
associated data binds the format, version, profile id and creation time, so none of
them can be edited without the file failing to open.

Restoring on a new machine (``anuyat recovery import FILE``) checks the file belongs
to the data directory's profile and then installs the key in that machine's keyring.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from services.kernel.clock import Clock, SystemClock
from services.kernel.errors import InvalidInput
from services.store.engine import DB_FILE, key_opens_store
from services.store.keys import (
    KEY_SIZE,
    install_master_key,
    profile_id,
    read_profile_id,
    write_profile_id,
)

__all__ = [
    "FORMAT",
    "VERSION",
    "MIN_PASSPHRASE_LENGTH",
    "KdfParams",
    "DEFAULT_KDF",
    "export_recovery_file",
    "read_recovery_file",
    "import_recovery_file",
]

FORMAT = "anuyat-recovery-key"
VERSION = 1
MIN_PASSPHRASE_LENGTH = 12
SALT_SIZE = 16
NONCE_SIZE = 12
MAX_FILE_SIZE = 64 * 1024  # a real recovery file is well under 1 KiB

# Limits on what a file may ask of the KDF, so a crafted file cannot make the
# import take minutes or gigabytes.
_MAX_TIME_COST = 20
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_PARALLELISM = 16


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost parameters."""

    time_cost: int = 3
    """Passes over memory."""
    memory_kib: int = 64 * 1024
    """Memory in KiB (64 MiB by default)."""
    parallelism: int = 2
    """Lanes."""


DEFAULT_KDF = KdfParams()


def _not_a_recovery_file(detail: str) -> InvalidInput:
    return InvalidInput(
        "ไฟล์นี้ไม่ใช่ไฟล์กุญแจกู้คืนของ Anuyat หรือไฟล์เสียหาย ให้ตรวจสอบว่าเลือกไฟล์ถูกต้อง",
        "This is not an Anuyat recovery key file, or it is damaged. "
        "Check that you chose the right file.",
        detail=detail,
        code="not_recovery_file",
    )


def _wrong_passphrase(detail: str) -> InvalidInput:
    return InvalidInput(
        "รหัสผ่านของไฟล์กุญแจกู้คืนไม่ถูกต้อง หรือไฟล์ถูกแก้ไข/เสียหาย ให้ลองพิมพ์รหัสผ่านอีกครั้ง หรือใช้สำเนาอื่นของไฟล์",
        "The passphrase is wrong or the recovery file is damaged. "
        "Type the passphrase again, or use another copy of the file.",
        detail=detail,
        code="recovery_wrong_passphrase",
    )


def _normalise(passphrase: str) -> bytes:
    # NFKC so the same Thai text typed by different input methods (e.g. SARA AM as one
    # code point or as NIKHAHIT + SARA AA) gives the same bytes.
    return unicodedata.normalize("NFKC", passphrase).encode("utf-8")


def _check_passphrase(passphrase: str) -> None:
    if len(unicodedata.normalize("NFKC", passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            f"รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย {MIN_PASSPHRASE_LENGTH} ตัวอักษร แนะนำให้ใช้หลายคำต่อกันที่จำได้",
            f"The passphrase is too short: use at least {MIN_PASSPHRASE_LENGTH} characters. "
            "Several words you can remember work well.",
            code="passphrase_too_short",
        )


def _aad(fmt: str, version: int, pid: str, created_at: str) -> bytes:
    bound = {"created_at": created_at, "format": fmt, "profile_id": pid, "version": version}
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=_normalise(passphrase),
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=KEY_SIZE,
        type=Type.ID,
        version=ARGON2_VERSION,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def export_recovery_file(
    data_dir: Path,
    master_key: bytes,
    passphrase: str,
    out: Path,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    clock: Clock | None = None,
) -> None:
    """Write the master key of ``data_dir``, sealed under ``passphrase``, to ``out``.

    Refuses a passphrase shorter than 12 characters and an ``out`` that exists
    (:class:`InvalidInput`). The file is created readable by its owner only.
    """
    if not isinstance(master_key, bytes) or len(master_key) != KEY_SIZE:
        raise ValueError(f"a master key is {KEY_SIZE} bytes")
    _check_passphrase(passphrase)
    out = Path(out)
    pid = profile_id(data_dir)
    created_at = (clock or SystemClock()).now().isoformat(timespec="seconds")
    salt = secrets.token_bytes(SALT_SIZE)
    nonce = secrets.token_bytes(NONCE_SIZE)
    sealed = AESGCM(_derive(passphrase, salt, kdf)).encrypt(
        nonce, master_key, _aad(FORMAT, VERSION, pid, created_at)
    )
    document = {
        "format": FORMAT,
        "version": VERSION,
        "profile_id": pid,
        "created_at": created_at,
        "kdf": {
            "name": "argon2id",
            "argon2_version": ARGON2_VERSION,
            "time_cost": kdf.time_cost,
            "memory_cost_kib": kdf.memory_kib,
            "parallelism": kdf.parallelism,
            "salt": _b64(salt),
        },
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(nonce), "ciphertext": _b64(sealed)},
    }
    payload = (json.dumps(document, indent=2) + "\n").encode("utf-8")
    _write_new_file(out, payload)


def _write_new_file(out: Path, payload: bytes) -> None:
    """Create ``out`` (owner-only) with ``payload``; never replaces an existing file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(out, flags, 0o600)
    except FileExistsError:
        raise InvalidInput(
            f"มีไฟล์ชื่อ {out.name} อยู่แล้ว โปรแกรมจะไม่เขียนทับ ให้เลือกชื่อไฟล์ใหม่",
            f"A file named {out.name} already exists; Anuyat will not overwrite it. "
            "Choose another name.",
            detail=f"{out} exists",
            code="file_exists",
        ) from None
    except OSError as exc:
        raise InvalidInput(
            f"สร้างไฟล์ {out.name} ไม่ได้ ให้ตรวจสอบว่าโฟลเดอร์มีอยู่และเขียนได้",
            f"Cannot create the file {out.name}; check that the folder exists and is writable.",
            detail=f"{out}: {exc!r}",
            code="unwritable_file",
        ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(out, 0o600)  # the umask may only narrow the mode; make it exact
    except BaseException:
        with contextlib.suppress(OSError):
            out.unlink()
        raise


def _get(obj: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = obj.get(key)
    # bool is an int in Python; a JSON true is never a valid count here.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _not_a_recovery_file(f"{where}.{key}: expected {kind.__name__}, got {value!r:.80}")
    return value


def _unb64(text: str, where: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise _not_a_recovery_file(f"{where}: not base64") from None


def read_recovery_file(path: Path, passphrase: str) -> tuple[str, bytes]:
    """Open the recovery file at ``path``: its ``(profile_id, master_key)``.

    Raises :class:`InvalidInput` when the file is not a recovery file, or when the
    passphrase is wrong or the file was altered (the two cannot be told apart).
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_SIZE + 1)
    except OSError as exc:
        raise InvalidInput(
            f"อ่านไฟล์ {path.name} ไม่ได้ ให้ตรวจสอบว่าไฟล์มีอยู่และมีสิทธิ์อ่าน",
            f"Cannot read the file {path.name}; check that it exists and can be read.",
            detail=f"{path}: {exc!r}",
            code="unreadable_file",
        ) from exc
    if len(raw) > MAX_FILE_SIZE:
        raise _not_a_recovery_file(f"{path}: larger than {MAX_FILE_SIZE} bytes")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _not_a_recovery_file(f"{path}: not JSON: {exc}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _not_a_recovery_file(f"{path}: format is not {FORMAT!r}")
    version = _get(document, "version", int, "file")
    if version != VERSION:
        raise InvalidInput(
            "ไฟล์กุญแจกู้คืนนี้สร้างด้วย Anuyat รุ่นที่ใหม่กว่า ให้ปรับรุ่นโปรแกรมก่อนนำเข้า",
            "This recovery file was made by a newer version of Anuyat; "
            "update Anuyat before importing it.",
            detail=f"{path}: version {version}",
            code="recovery_version",
        )
    pid = _get(document, "profile_id", str, "file")
    try:
        pid_canonical = str(uuid.UUID(pid))
    except ValueError:
        raise _not_a_recovery_file(f"{path}: profile_id {pid!r:.80} is not a UUID") from None
    created_at = _get(document, "created_at", str, "file")
    kdf_doc = _get(document, "kdf", dict, "file")
    cipher_doc = _get(document, "cipher", dict, "file")
    if kdf_doc.get("name") != "argon2id" or cipher_doc.get("name") != "AES-256-GCM":
        raise _not_a_recovery_file(f"{path}: unsupported kdf or cipher")
    kdf = KdfParams(
        time_cost=_get(kdf_doc, "time_cost", int, "kdf"),
        memory_kib=_get(kdf_doc, "memory_cost_kib", int, "kdf"),
        parallelism=_get(kdf_doc, "parallelism", int, "kdf"),
    )
    if not (
        1 <= kdf.time_cost <= _MAX_TIME_COST
        and 1 <= kdf.parallelism <= _MAX_PARALLELISM
        and 8 * kdf.parallelism <= kdf.memory_kib <= _MAX_MEMORY_KIB
        and kdf_doc.get("argon2_version", ARGON2_VERSION) == ARGON2_VERSION
    ):
        raise _not_a_recovery_file(f"{path}: kdf parameters out of range: {kdf}")
    salt = _unb64(_get(kdf_doc, "salt", str, "kdf"), "kdf.salt")
    nonce = _unb64(_get(cipher_doc, "nonce", str, "cipher"), "cipher.nonce")
    sealed = _unb64(_get(cipher_doc, "ciphertext", str, "cipher"), "cipher.ciphertext")
    if len(salt) < 8 or len(nonce) != NONCE_SIZE or len(sealed) != KEY_SIZE + 16:
        raise _not_a_recovery_file(f"{path}: salt, nonce or ciphertext has the wrong length")
    try:
        master = AESGCM(_derive(passphrase, salt, kdf)).decrypt(
            nonce, sealed, _aad(FORMAT, version, pid, created_at)
        )
    except InvalidTag:
        raise _wrong_passphrase(f"{path}: authentication failed") from None
    return pid_canonical, master


def import_recovery_file(data_dir: Path, path: Path, passphrase: str) -> None:
    """Restore the master key of ``data_dir`` from the recovery file at ``path``.

    The key must open the data directory's store (checked by opening it, before
    anything is written) and the file must belong to its profile; a data directory
    with no profile id yet (a copied store) takes the file's. Only then is the key
    installed in the keyring, replacing any entry there. A refused file changes nothing.
    """
    file_pid, master = read_recovery_file(path, passphrase)
    current = read_profile_id(data_dir)
    if current is not None and current != file_pid:
        raise _other_profile(file_pid, current, path, data_dir)
    db_path = Path(data_dir) / DB_FILE
    if not db_path.is_file():
        raise InvalidInput(
            f"ไม่มีฐานข้อมูลในโฟลเดอร์ {data_dir} ให้ตรวจกุญแจด้วย — ไม่ได้เปลี่ยนแปลงอะไร "
            "ให้คัดลอกโฟลเดอร์ข้อมูลมาไว้ที่นี่ก่อน แล้วนำเข้าไฟล์กุญแจกู้คืนอีกครั้ง",
            f"There is no store in {data_dir} to check the key against; nothing was changed. "
            "Copy the data folder here first, then import the recovery file again.",
            detail=f"{db_path} does not exist",
            code="recovery_no_store",
        )
    if not key_opens_store(db_path, master):
        raise InvalidInput(
            "กุญแจในไฟล์กุญแจกู้คืนนี้เปิดฐานข้อมูลในโฟลเดอร์นี้ไม่ได้ — เป็นไฟล์ของโปรไฟล์อื่น "
            "หรือฐานข้อมูลเสียหาย ไม่ได้เปลี่ยนแปลงอะไร (ที่เก็บกุญแจและโฟลเดอร์ข้อมูลยังเหมือนเดิม) "
            "ให้เลือกไฟล์กุญแจกู้คืนที่ส่งออกจากโปรไฟล์นี้",
            "The key in this recovery file does not open the store in this data folder: the "
            "file belongs to another profile, or the store is damaged. Nothing was changed "
            "(the keyring and the data folder are as they were). Choose the recovery file "
            "exported from this profile.",
            detail=f"recovery {path} (profile {file_pid}) does not open {db_path}",
            code="recovery_wrong_store",
        )
    if current is None:
        current = write_profile_id(data_dir, file_pid)
    if current != file_pid:  # another process wrote a different id meanwhile
        raise _other_profile(file_pid, current, path, data_dir)
    install_master_key(data_dir, master)


def _other_profile(file_pid: str, current: str, path: Path, data_dir: Path) -> InvalidInput:
    return InvalidInput(
        "ไฟล์กุญแจกู้คืนนี้เป็นของโปรไฟล์อื่น ไม่ใช่ของโฟลเดอร์ข้อมูลนี้ "
        f"(ไฟล์: {file_pid}, โฟลเดอร์ข้อมูล: {current}) ให้เลือกไฟล์กุญแจกู้คืนที่ถูกต้อง",
        "This recovery file belongs to another profile, not to this data folder "
        f"(file: {file_pid}, data folder: {current}). Choose the right recovery file.",
        detail=f"recovery {path} is for {file_pid}; {data_dir} is {current}",
        code="recovery_profile_mismatch",
    )
