"""The master key of a profile, kept in the operating system's keyring.

A *profile* is a data directory. It is named by a random UUID written once to
``<data_dir>/profile.id`` (plain text, not secret), so a data directory copied to
another machine looks for the same keyring entry there. The master key is 32
random bytes stored hex-encoded under service ``"anuyat"``, username
``"profile-key:<profile id>"``. Every key actually used (SQLCipher, blobs,
events) is derived from it with HKDF-SHA256, so one secret in the keyring (and
one recovery file) covers them all.

There is no fallback: when the computer has no usable keyring the store stays
locked and :class:`KeyringUnavailable` tells the person what to install. A key
is never written to a plain file.
"""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path

import keyring
import keyring.errors
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from keyring.backend import KeyringBackend

from services.kernel.errors import AnuyatError, InvalidInput
from services.kernel.fsutil import create_once

__all__ = [
    "SERVICE",
    "KEY_SIZE",
    "PURPOSE_SQLCIPHER",
    "PURPOSE_BLOBS",
    "PURPOSE_EVENTS",
    "KeyringUnavailable",
    "KeyringLocked",
    "KeyMissing",
    "profile_id",
    "read_profile_id",
    "write_profile_id",
    "load_master_key",
    "create_master_key",
    "install_master_key",
    "has_master_key",
    "forget_agency_secrets",
    "check_keyring",
    "derive_key",
    "store_key_hex",
    "store_secret",
    "load_secret",
    "delete_secret",
]

SERVICE = "anuyat"
"""The keyring service name every Anuyat entry is stored under."""

KEY_SIZE = 32
"""Bytes in the master key and in every derived key (256 bits)."""

PURPOSE_SQLCIPHER = "sqlcipher"
PURPOSE_BLOBS = "blobs"
PURPOSE_EVENTS = "events"

PROFILE_ID_FILE = "profile.id"

# Backends that look like a keyring but keep nothing (null, an empty chainer) or
# refuse everything (fail), and one that keeps secrets in a readable file.
# Compared by dotted class name so keyrings.alt need not be installed.
_UNUSABLE_BACKENDS = frozenset(
    {
        "keyring.backends.fail.Keyring",
        "keyring.backends.null.Keyring",
        "keyrings.alt.file.PlaintextKeyring",
    }
)


# keyrings.alt keeps every secret in a file beside the user's other files (plain, or under a
# password typed at each start): never accepted for a real profile's key.
_FILE_BACKEND_PREFIX = "keyrings.alt."


class KeyringUnavailable(AnuyatError):
    """This computer has no secure key storage that Anuyat can use."""

    code = "keyring_unavailable"

    def __init__(self, *, detail: str | None = None) -> None:
        super().__init__(
            "เครื่องนี้ไม่มีที่เก็บกุญแจที่ปลอดภัย (keyring) ที่ใช้งานได้ จึงเปิดคลังข้อมูลที่เข้ารหัสไม่ได้ "
            "และโปรแกรมจะไม่เก็บกุญแจไว้ในไฟล์ธรรมดาแทน "
            "วิธีแก้: บน Linux ให้ติดตั้งและปลดล็อก keyring แบบ Secret Service เช่น GNOME Keyring "
            "หรือ KWallet (เครื่องที่ไม่มีเดสก์ท็อป: ดูวิธีใน 'anuyat doctor'); บน Windows ใช้ "
            "Credential Manager ที่มีอยู่แล้วในระบบ; หรือตั้งค่า PYTHON_KEYRING_BACKEND ให้เป็น "
            "backend ที่รองรับ (ไม่ใช่ keyrings.alt) แล้วเปิดโปรแกรมใหม่ "
            "ระหว่างนี้คลังข้อมูลยังคงถูกล็อกอยู่",
            "This computer has no usable secure key storage (keyring), so the encrypted store "
            "cannot be opened, and Anuyat will not keep the key in a plain file instead. "
            "What to do: on Linux, install and unlock a Secret Service keyring such as "
            "GNOME Keyring or KWallet ('anuyat doctor' shows how on a machine without a "
            "desktop); on Windows, Credential Manager is built in; or set "
            "PYTHON_KEYRING_BACKEND to a supported backend (not keyrings.alt), then start "
            "Anuyat again. "
            "Until then the store stays locked.",
            detail=detail,
        )


class KeyringLocked(AnuyatError):
    """The keyring is there but stays locked: it was unlocked with a password not its own.

    Told apart from :class:`KeyringUnavailable` because the fix is the opposite one: nothing
    needs installing, and the keyring must not be replaced by a new one (it may hold the
    agency's key). The usual cause on a server is a keyring left by an earlier try with
    another password (GNOME Keyring keeps the first password it was given).
    """

    code = "keyring_locked"

    def __init__(self, *, detail: str | None = None) -> None:
        super().__init__(
            "ที่เก็บกุญแจ (keyring) ของบัญชีนี้มีอยู่แต่ยังล็อกอยู่ — รหัสผ่านที่ใช้ปลดล็อกไม่ใช่รหัสผ่านของ "
            "keyring นี้ (เช่น keyring ที่เหลือจากการตั้งค่าครั้งก่อนด้วยรหัสผ่านอื่น) ไม่ได้เปลี่ยนแปลงอะไร "
            "วิธีแก้: สั่งใหม่ด้วยรหัสผ่านเดิมของ keyring นั้น หากไม่มีใครรู้รหัสผ่านเดิม ให้ย้าย keyring "
            "เก่าออกไปเก็บไว้ (อย่าลบ) เช่น mv ~/.local/share/keyrings/login.keyring "
            "~/.local/share/keyrings/login.keyring.old (บนเครื่องแม่ข่าย: โฟลเดอร์ home ของบัญชี "
            "postgres คือ /var/lib/postgresql) แล้วสั่งใหม่ — รหัสผ่านที่พิมพ์จะสร้าง keyring ใหม่ "
            "กุญแจที่อยู่ใน keyring เก่าจะเปิดได้ด้วยรหัสผ่านเดิมเท่านั้น ให้กู้กุญแจของหน่วยงานด้วยไฟล์กุญแจกู้คืน "
            "(anuyat recovery import)",
            "This account's keyring exists but stays locked: the password it was unlocked with "
            "is not its password (for example, a keyring left by an earlier setup with another "
            "password). Nothing was changed. What to do: run the command again with that "
            "keyring's own password. If nobody knows it, move the old keyring aside (do not "
            "delete it), e.g. mv ~/.local/share/keyrings/login.keyring "
            "~/.local/share/keyrings/login.keyring.old (on the agency server the postgres "
            "account's home is /var/lib/postgresql), then run again: the password you type "
            "then makes a new keyring. Keys in the old keyring open only with its old "
            "password; restore the agency's key from the recovery file "
            "(anuyat recovery import).",
            detail=detail,
        )


class KeyMissing(AnuyatError):
    """The profile exists but the keyring holds no (usable) key for it."""

    code = "key_missing"

    def __init__(
        self, profile: str | None, *, damaged: bool = False, detail: str | None = None
    ) -> None:
        shown = profile or "-"
        if damaged:
            th_what = f"กุญแจของโปรไฟล์นี้ใน keyring ของเครื่องเสียหาย (โปรไฟล์ {shown})"
            en_what = f"The key for this profile in this computer's keyring is damaged ({shown})."
        else:
            th_what = (
                f"ไม่พบกุญแจของโปรไฟล์นี้ใน keyring ของเครื่องนี้ (โปรไฟล์ {shown}) "
                "เช่น เมื่อคัดลอกโฟลเดอร์ข้อมูลมาจากเครื่องอื่น"
            )
            en_what = (
                f"This computer's keyring has no key for this profile ({shown}), "
                "for example because the data folder was copied from another computer."
            )
        super().__init__(
            f"{th_what} ข้อมูลยังคงถูกล็อกอยู่ ให้ผู้ดูแลระบบกู้คืนกุญแจด้วยไฟล์กุญแจกู้คืน: anuyat recovery import ไฟล์",
            f"{en_what} The data stays locked. "
            "Ask the administrator to restore it with the recovery key: "
            "anuyat recovery import FILE",
            detail=detail,
        )
        self.profile = profile


# --- profile id -----------------------------------------------------------------------------


def _profile_id_path(data_dir: Path) -> Path:
    return Path(data_dir) / PROFILE_ID_FILE


def _parse_profile_id(text: str, path: Path) -> str:
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        raise InvalidInput(
            f"ไฟล์ {PROFILE_ID_FILE} ในโฟลเดอร์ข้อมูลเสียหาย ให้กู้คืนโฟลเดอร์ข้อมูลจากสำเนาสำรอง",
            f"The file {PROFILE_ID_FILE} in the data folder is damaged; "
            "restore the data folder from a backup.",
            detail=f"{path}: not a UUID: {text[:80]!r}",
            code="profile_id_damaged",
        ) from None


def read_profile_id(data_dir: Path) -> str | None:
    """The profile id written in ``data_dir``, or ``None`` when there is none yet."""
    path = _profile_id_path(data_dir)
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"อ่านไฟล์ {PROFILE_ID_FILE} ในโฟลเดอร์ข้อมูลไม่ได้ ให้ตรวจสอบสิทธิ์ของโฟลเดอร์",
            f"Cannot read {PROFILE_ID_FILE} in the data folder; check the folder's permissions.",
            detail=f"{path}: {exc!r}",
            code="profile_id_damaged",
        ) from exc
    return _parse_profile_id(text, path)


def write_profile_id(data_dir: Path, pid: str) -> str:
    """Write ``pid`` as the profile id of ``data_dir`` unless it already has one.

    Never replaces an existing id. Returns the id the directory ends up with (the
    existing one when another process or an earlier run wrote it first).
    """
    pid = _parse_profile_id(pid, _profile_id_path(data_dir))
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = _profile_id_path(data_dir)
    existing = read_profile_id(data_dir)
    if existing is not None:
        return existing
    # Two processes cannot both win, and nobody sees half a file.
    create_once(path, (pid + "\n").encode("ascii"), prefix=".profile.id.")
    final = read_profile_id(data_dir)
    if final is None:  # written a moment ago: something removed it meanwhile
        raise InvalidInput(
            f"เขียนไฟล์ {PROFILE_ID_FILE} ในโฟลเดอร์ข้อมูลไม่สำเร็จ ให้ตรวจสอบสิทธิ์ของโฟลเดอร์",
            f"Could not write {PROFILE_ID_FILE} in the data folder;"
            " check the folder's permissions.",
            detail=f"{path} vanished after it was written",
            code="profile_id_damaged",
        )
    return final


def profile_id(data_dir: Path) -> str:
    """The stable id of the profile in ``data_dir``; created (a random UUID) if missing."""
    existing = read_profile_id(data_dir)
    if existing is not None:
        return existing
    return write_profile_id(data_dir, str(uuid.uuid4()))


# --- keyring access -------------------------------------------------------------------------


def _backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _backend() -> KeyringBackend:
    """The active keyring backend, or :class:`KeyringUnavailable` when it cannot keep a key."""
    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(detail=f"keyring initialisation failed: {exc!r}") from exc
    name = _backend_name(backend)
    if name in _UNUSABLE_BACKENDS or name.startswith(_FILE_BACKEND_PREFIX):
        raise KeyringUnavailable(detail=f"unusable keyring backend {name}")
    if name == "keyring.backends.chainer.ChainerBackend" and not getattr(backend, "backends", ()):
        raise KeyringUnavailable(detail="keyring chainer backend with no backends to chain")
    return backend


def _get(username: str) -> str | None:
    backend = _backend()
    try:
        return backend.get_password(SERVICE, username)
    except keyring.errors.KeyringLocked as exc:
        raise KeyringLocked(detail=f"get {username}: {exc!r}") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(detail=f"get {username}: {exc!r}") from exc


def _set(username: str, value: str) -> None:
    """Store a value and read it back: a backend that drops writes is caught here."""
    backend = _backend()
    try:
        backend.set_password(SERVICE, username, value)
        stored = backend.get_password(SERVICE, username)
    except keyring.errors.KeyringLocked as exc:
        raise KeyringLocked(detail=f"set {username}: {exc!r}") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(detail=f"set {username}: {exc!r}") from exc
    if stored != value:
        raise KeyringUnavailable(
            detail=f"keyring backend {_backend_name(backend)} did not keep {username}"
        )


def _delete(username: str) -> None:
    backend = _backend()
    try:
        backend.delete_password(SERVICE, username)
    except keyring.errors.PasswordDeleteError:
        pass  # most backends raise this when there was nothing to delete; checked below
    except keyring.errors.KeyringLocked as exc:
        raise KeyringLocked(detail=f"delete {username}: {exc!r}") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(detail=f"delete {username}: {exc!r}") from exc
    if _get(username) is not None:
        raise KeyringUnavailable(
            detail=f"keyring backend {_backend_name(backend)} did not delete {username}"
        )


def check_keyring() -> str:
    """Name the usable keyring backend, or raise :class:`KeyringUnavailable` (none to use)
    or :class:`KeyringLocked` (one that its password did not unlock).

    Writes, reads back and deletes a throw-away entry, so a backend that only
    pretends to store (the null backend) is found out. Used by ``anuyat doctor``.
    """
    backend = _backend()
    probe = f"probe:{uuid.uuid4()}"
    value = secrets.token_hex(16)
    _set(probe, value)
    _delete(probe)
    return _backend_name(backend)


# --- the master key -------------------------------------------------------------------------


def _key_username(pid: str) -> str:
    return f"profile-key:{pid}"


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_SIZE:
        raise ValueError(f"a master key is {KEY_SIZE} bytes")


def load_master_key(data_dir: Path) -> bytes:
    """The master key of the profile in ``data_dir``.

    Raises :class:`KeyMissing` when the keyring has no (or a damaged) entry for it
    and :class:`KeyringUnavailable` when there is no usable keyring.
    """
    # Never invent an id here: a fresh id would then refuse the profile's recovery file.
    pid = read_profile_id(data_dir)
    if pid is None:
        _backend()  # an unusable keyring is the more useful thing to report
        raise KeyMissing(None, detail=f"{_profile_id_path(data_dir)} does not exist")
    stored = _get(_key_username(pid))
    if stored is None:
        raise KeyMissing(pid, detail=f"no keyring entry {SERVICE}/{_key_username(pid)}")
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        key = b""
    if len(key) != KEY_SIZE:
        raise KeyMissing(
            pid, damaged=True, detail=f"keyring entry for {pid} is not {KEY_SIZE} hex bytes"
        )
    return key


def has_master_key(data_dir: Path) -> bool:
    """Whether the keyring holds a key for the profile in ``data_dir``.

    Raises :class:`KeyringUnavailable` when that cannot be known.
    """
    pid = read_profile_id(data_dir)
    if pid is None:
        _backend()
        return False
    return _get(_key_username(pid)) is not None


def create_master_key(data_dir: Path) -> bytes:
    """Make a new random master key for ``data_dir`` and keep it in the keyring.

    Refuses (:class:`InvalidInput`) when the profile already has a key: replacing it
    would make everything encrypted with the old one unreadable.
    """
    pid = profile_id(data_dir)
    username = _key_username(pid)
    if _get(username) is not None:
        raise InvalidInput(
            "โปรไฟล์นี้มีกุญแจเข้ารหัสอยู่แล้ว โปรแกรมจะไม่สร้างกุญแจใหม่ทับ เพราะจะทำให้อ่านข้อมูลเดิมไม่ได้",
            "This profile already has an encryption key. Anuyat will not replace it, "
            "because the existing data could no longer be read.",
            detail=f"keyring entry {SERVICE}/{username} exists",
            code="key_exists",
        )
    key = secrets.token_bytes(KEY_SIZE)
    _set(username, key.hex())
    return key


def install_master_key(data_dir: Path, key: bytes) -> None:
    """Put ``key`` in the keyring as the master key of ``data_dir``, replacing any entry.

    Used by recovery import; the caller has checked the key belongs to this profile.
    """
    _check_key(key)
    _set(_key_username(profile_id(data_dir)), key.hex())


# --- the agency server's password --------------------------------------------------------


def _server_password_username(pid: str) -> str:
    return f"server-password:{pid}"


def load_server_password(data_dir: Path) -> str | None:
    """The password of the agency profile's database role, if the server asks for one."""
    pid = read_profile_id(data_dir)
    return None if pid is None else _get(_server_password_username(pid))


def install_server_password(data_dir: Path, password: str) -> None:
    _set(_server_password_username(profile_id(data_dir)), password)


def forget_agency_secrets(data_dir: Path) -> None:
    """Remove the master key and server password of ``data_dir``'s profile from the keyring.

    For a join that failed half-way: its folder is removed, and the agency's key must not
    stay behind under a profile nobody can name any more.
    """
    pid = read_profile_id(data_dir)
    if pid is not None:
        _delete(_key_username(pid))
        _delete(_server_password_username(pid))


# --- derived keys ---------------------------------------------------------------------------


def derive_key(master: bytes, purpose: str) -> bytes:
    """A 32-byte key for one ``purpose`` ("sqlcipher", "blobs", "events"), HKDF-SHA256.

    Deterministic for a given master key and purpose; independent across purposes.
    """
    _check_key(master)
    if not purpose or not purpose.isascii():
        raise ValueError("a key purpose is a non-empty ASCII string")
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_SIZE,
        salt=None,  # the master key is uniformly random already; HKDF uses zeros
        info=f"anuyat/v1/{purpose}".encode("ascii"),
    )
    return hkdf.derive(master)


def store_key_hex(master: bytes) -> str:
    """The raw SQLCipher key as hex, for ``PRAGMA key = "x'<hex>'"``."""
    return derive_key(master, PURPOSE_SQLCIPHER).hex()


# --- other secrets --------------------------------------------------------------------------


def _secret_username(name: str) -> str:
    if not name or not name.strip():
        raise ValueError("a secret needs a name")
    return f"secret:{name}"


def store_secret(name: str, value: str) -> None:
    """Keep ``value`` (e.g. an IMAP password) in the keyring under ``name``."""
    _set(_secret_username(name), value)


def load_secret(name: str) -> str | None:
    """The secret stored under ``name``, or ``None``."""
    return _get(_secret_username(name))


def delete_secret(name: str) -> None:
    """Forget the secret stored under ``name``; nothing happens if there is none."""
    _delete(_secret_username(name))
