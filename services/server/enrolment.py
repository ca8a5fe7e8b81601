"""The enrolment file: what a new workstation needs to join the agency, sealed by a passphrase.

It carries the server's address, the station's code, its login role and password, the
agency CA's certificate and the agency's master key — everything that opens the agency's
records — so all of it is encrypted: AES-256-GCM under a key derived from the passphrase
with Argon2id (the recovery file's construction, :mod:`services.store.recovery`). The format,
version and creation time are bound as associated data, so any edit makes the file refuse
to open; a wrong passphrase and an altered file cannot be told apart, and the message says
both. The IT person hands the file and the passphrase over by different routes.

Since version 2 the sealed part also carries the file's own id and the moment it expires: a
computer joins with it once, before then (:mod:`services.server.join` checks the date and
claims the id on the server with one conditional update). A file left in a mailbox or on a
USB stick is then of no use for joining once it was used or a few days have passed — though
whoever opens it still reads the agency's key in it: the passphrase stays the protection,
and there is no key rotation yet (README, "Agency server").
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import unicodedata
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from services.kernel.errors import InvalidInput
from services.store.keys import KEY_SIZE
from services.store.recovery import DEFAULT_KDF, MIN_PASSPHRASE_LENGTH, KdfParams

__all__ = ["FORMAT", "VERSION", "Enrolment", "seal_enrolment", "open_enrolment"]

FORMAT = "anuyat-station-enrolment"
VERSION = 2
_MAX_FILE_SIZE = 64 * 1024
_NONCE_SIZE = 12


@dataclass(frozen=True)
class Enrolment:
    agency_code: str
    station_code: str
    host: str
    port: int
    database: str
    role: str
    password: str
    ca_cert_pem: str
    master_key_hex: str
    """The agency's master key: documents and the audit anchors are encrypted with it."""
    enrolment_id: str
    """This file's id, kept on the station's row: the one join claims it."""
    expires_at: str
    """ISO 8601 with its offset; a join after it is refused."""

    def expiry(self) -> datetime:
        return datetime.fromisoformat(self.expires_at)


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=unicodedata.normalize("NFKC", passphrase).encode("utf-8"),
        salt=salt, time_cost=kdf.time_cost, memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism, hash_len=KEY_SIZE, type=Type.ID, version=ARGON2_VERSION,
    )  # fmt: skip


def _aad(version: int, created_at: str) -> bytes:
    bound = {"created_at": created_at, "format": FORMAT, "version": version}
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal_enrolment(
    enrolment: Enrolment, passphrase: str, created_at: str, *, kdf: KdfParams = DEFAULT_KDF
) -> bytes:
    """The file's bytes. Refuses a passphrase shorter than 12 characters."""
    if len(unicodedata.normalize("NFKC", passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            f"วลีรหัสผ่านของไฟล์ลงทะเบียนสั้นเกินไป ต้องยาวอย่างน้อย {MIN_PASSPHRASE_LENGTH} ตัวอักษร",
            f"The enrolment file's passphrase is too short: use at least "
            f"{MIN_PASSPHRASE_LENGTH} characters (several words work well).",
            code="passphrase_too_short",
        )
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(_NONCE_SIZE)
    plain = json.dumps(asdict(enrolment), sort_keys=True).encode("utf-8")
    sealed = AESGCM(_derive(passphrase, salt, kdf)).encrypt(nonce, plain, _aad(VERSION, created_at))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": created_at,
        "kdf": {"name": "argon2id", "time_cost": kdf.time_cost,
                "memory_cost_kib": kdf.memory_kib, "parallelism": kdf.parallelism,
                "salt": _b64(salt)},
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(nonce), "ciphertext": _b64(sealed)},
    }  # fmt: skip
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def _not_enrolment(detail: str) -> InvalidInput:
    return InvalidInput(
        "ไฟล์นี้ไม่ใช่ไฟล์ลงทะเบียนเครื่องของ Anuyat หรือไฟล์เสียหาย — ตรวจว่าเลือกไฟล์ถูก "
        "หรือขอไฟล์ใหม่จากผู้ดูแลเครื่องแม่ข่าย (anuyat server enrol-station)",
        "This is not an Anuyat station enrolment file, or it is damaged. Check you chose the "
        "right file, or ask the server's administrator for a new one "
        "(anuyat server enrol-station).",
        detail=detail,
        code="not_enrolment_file",
    )


def _field(obj: Any, key: str, kind: type) -> Any:
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _not_enrolment(f"{key}: expected {kind.__name__}")
    return value


def _unb64(text: str, where: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise _not_enrolment(f"{where}: not base64") from None


def _kdf(doc: Any) -> KdfParams:
    kdf = KdfParams(
        time_cost=_field(doc, "time_cost", int),
        memory_kib=_field(doc, "memory_cost_kib", int),
        parallelism=_field(doc, "parallelism", int),
    )
    # A crafted file must not make the import take minutes or gigabytes.
    if not (1 <= kdf.time_cost <= 20 and 1 <= kdf.parallelism <= 16
            and 8 * kdf.parallelism <= kdf.memory_kib <= 1024 * 1024):  # fmt: skip
        raise _not_enrolment(f"kdf parameters out of range: {kdf}")
    return kdf


def open_enrolment(path: Path, passphrase: str) -> Enrolment:
    """Read and decrypt the enrolment file at ``path`` (:class:`InvalidInput` if it cannot)."""
    try:
        raw = path.read_bytes()[: _MAX_FILE_SIZE + 1]
    except OSError as exc:
        raise InvalidInput(
            f"อ่านไฟล์ {path.name} ไม่ได้ — ตรวจว่าไฟล์มีอยู่และมีสิทธิ์อ่าน",
            f"Cannot read the file {path.name}; check that it exists and can be read.",
            detail=f"{path}: {exc!r}",
            code="unreadable_file",
        ) from exc
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _not_enrolment(f"{path}: not JSON: {exc}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _not_enrolment(f"{path}: format is not {FORMAT!r}")
    version = _field(document, "version", int)
    if version < VERSION:
        raise InvalidInput(
            "ไฟล์ลงทะเบียนนี้เป็นแบบเก่าที่ไม่มีวันหมดอายุ จึงใช้ไม่ได้แล้ว — ขอไฟล์ใหม่จากผู้ดูแลเครื่องแม่ข่าย "
            "(anuyat server enrol-station)",
            "This enrolment file is of the older kind that never expires, so it is no longer "
            "accepted. Ask the server's administrator for a new one (anuyat server "
            "enrol-station).",
            detail=f"{path}: version {version}",
            code="enrolment_version",
        )
    if version != VERSION:
        raise InvalidInput(
            "ไฟล์ลงทะเบียนนี้ออกโดย Anuyat รุ่นที่ใหม่กว่า — ปรับรุ่นโปรแกรมบนเครื่องนี้ก่อน",
            "This enrolment file was made by a newer Anuyat; update Anuyat on this computer first.",
            detail=f"{path}: version {version}",
            code="enrolment_version",
        )
    kdf_doc, cipher_doc = _field(document, "kdf", dict), _field(document, "cipher", dict)
    salt = _unb64(_field(kdf_doc, "salt", str), "kdf.salt")
    nonce = _unb64(_field(cipher_doc, "nonce", str), "cipher.nonce")
    sealed = _unb64(_field(cipher_doc, "ciphertext", str), "cipher.ciphertext")
    if len(salt) < 8 or len(nonce) != _NONCE_SIZE:
        raise _not_enrolment(f"{path}: salt or nonce has the wrong length")
    try:
        plain = AESGCM(_derive(passphrase, salt, _kdf(kdf_doc))).decrypt(
            nonce, sealed, _aad(version, _field(document, "created_at", str))
        )
    except InvalidTag:
        raise InvalidInput(
            "วลีรหัสผ่านไม่ถูกต้อง หรือไฟล์ลงทะเบียนถูกแก้ไข/เสียหาย — พิมพ์วลีรหัสผ่านอีกครั้ง "
            "หรือขอไฟล์ใหม่จากผู้ดูแลเครื่องแม่ข่าย (ไม่ได้เปลี่ยนแปลงอะไรบนเครื่องนี้)",
            "The passphrase is wrong, or the enrolment file was altered or damaged. Type the "
            "passphrase again, or ask the server's administrator for a new file. Nothing was "
            "changed on this computer.",
            detail=f"{path}: authentication failed",
            code="enrolment_wrong_passphrase",
        ) from None
    try:
        fields = json.loads(plain)
        enrolment = Enrolment(**fields)
    except (json.JSONDecodeError, TypeError) as exc:
        raise _not_enrolment(f"{path}: payload: {exc}") from None
    try:
        master = bytes.fromhex(enrolment.master_key_hex)
    except (TypeError, ValueError):
        master = b""
    if len(master) != KEY_SIZE:
        raise _not_enrolment(f"{path}: master key is not {KEY_SIZE} bytes")
    try:
        expiry = enrolment.expiry()
    except (TypeError, ValueError):
        raise _not_enrolment(f"{path}: expires_at is not a date") from None
    if expiry.tzinfo is None:
        raise _not_enrolment(f"{path}: expires_at has no offset")
    return enrolment
