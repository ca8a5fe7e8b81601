"""Every received or produced file, encrypted at rest and addressed by its content.

A blob's address is the SHA-256 of its *plaintext*; it lives at
``root/ab/cd/<address>.blob``. On disk: ``b"ANB1" + nonce(12) + AES-256-GCM
ciphertext-with-tag``, with the address as associated data, so a blob copied or
renamed to another address fails authentication. Plaintext never touches the
disk, not even in the temp file: data is encrypted in memory and the temp file
receives ciphertext only. Writes are temp → fsync → rename → fsync(dir), so a
crash leaves either the old state or a whole blob. Inside :meth:`BlobStore.group` the
syncs are deferred and done once for all the group's blobs (:mod:`.blob_group`).

Where the sealed bytes live is the subclass's business: here files under ``root`` (a
station's data folder); :class:`services.store.server_blobs.ServerBlobStore` keeps the same
sealed bytes in the agency's PostgreSQL database. Callers see one interface (``put``,
``put_file``, ``get``, ``exists``, ``iter_addresses``, ``verify_all``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from services.kernel.errors import AnuyatError, InvalidInput, NotFound
from services.kernel.fsutil import fsync_dir, write_atomically
from services.store.blob_group import BlobGroup
from services.store.blob_leftovers import put_back_aside, remove_orphan_file, stale_leftovers

__all__ = ["MAGIC", "DEFAULT_MAX_SIZE", "BlobRef", "BlobCorrupted", "BlobStore"]

MAGIC = b"ANB1"
NONCE_SIZE = 12
TAG_SIZE = 16
DEFAULT_MAX_SIZE = 64 * 1024 * 1024
"""Largest file the store accepts by default (64 MiB)."""

_ADDRESS = re.compile(r"[0-9a-f]{64}")
_SHARD = re.compile(r"[0-9a-f]{2}")
_BLOB_NAME = re.compile(r"([0-9a-f]{64})\.blob")
_OVERHEAD = len(MAGIC) + NONCE_SIZE + TAG_SIZE


@dataclass(frozen=True, slots=True)
class BlobRef:
    """What the database keeps about a stored blob."""

    sha256: str
    """SHA-256 of the plaintext, 64 lowercase hex digits: the blob's address."""
    size: int
    """Plaintext size in bytes."""


class BlobCorrupted(AnuyatError):
    """A stored blob failed authentication or does not match its address."""

    code = "blob_corrupted"

    def __init__(self, sha256: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"ไฟล์ที่จัดเก็บไว้เสียหาย (รหัส {sha256}) ให้กู้คืนจากสำเนาสำรอง",
            f"A stored file is damaged (address {sha256}). Restore it from a backup.",
            detail=detail,
        )
        self.sha256 = sha256


def _too_large(size: int, limit: int, what: str) -> InvalidInput:
    mib = limit / (1024 * 1024)
    return InvalidInput(
        f"ไฟล์มีขนาดใหญ่เกินไป ({size:,} ไบต์) รับได้ไม่เกิน {mib:g} MiB",
        f"The file is too large ({size:,} bytes); the limit is {mib:g} MiB.",
        detail=f"{what}: {size} > {limit}",
        code="file_too_large",
    )


class BlobStore:
    """Content-addressed, encrypted file store under ``root``.

    ``key`` is the 32-byte blob key (``derive_key(master, "blobs")``); ``max_size``
    caps what :meth:`put` and :meth:`put_file` accept.
    """

    def __init__(self, root: Path, key: bytes, *, max_size: int = DEFAULT_MAX_SIZE) -> None:
        if not isinstance(key, bytes) or len(key) != 32:
            raise ValueError("the blob key is 32 bytes (AES-256)")
        if max_size <= 0:
            raise ValueError("max_size must be positive")
        self.root = Path(root)
        self.max_size = max_size
        self._aead = AESGCM(key)
        # The open group is per thread: a sync grouping its writes must not defer the syncs
        # of an officer's action running on another thread against the same store.
        self._local = threading.local()

    # --- groups -------------------------------------------------------------------------

    @contextmanager
    def group(self) -> Iterator[BlobGroup]:
        """Defer the syncs of this thread's puts until ``make_durable()`` on the group.

        Call ``make_durable()`` before committing the transaction that refers to the blobs;
        what is still pending when the block ends (an exception, a rollback) is removed.
        A group opened inside another joins it. (A store keeping blobs elsewhere than in
        files writes them as usual; its group only remembers which it wrote.)
        """
        outer: BlobGroup | None = getattr(self._local, "group", None)
        if outer is not None:
            yield outer
            return
        group = self._new_group()
        self._local.group = group
        try:
            yield group
        finally:
            self._local.group = None
            group.discard()

    def _new_group(self) -> BlobGroup:
        return BlobGroup(self.root)

    def _open_group(self) -> BlobGroup | None:
        """This thread's open group, if any."""
        group: BlobGroup | None = getattr(self._local, "group", None)
        return group

    def _waiting(self, sha256: str) -> Path | None:
        """The temporary file of this thread's open group holding the blob, if any."""
        group: BlobGroup | None = getattr(self._local, "group", None)
        return group.waiting(self.path_for(sha256)) if group is not None else None

    # --- addresses ----------------------------------------------------------------------

    @staticmethod
    def _check_address(sha256: str) -> str:
        if not isinstance(sha256, str) or _ADDRESS.fullmatch(sha256) is None:
            raise InvalidInput(
                "รหัสไฟล์ไม่ถูกต้อง (ต้องเป็นเลขฐานสิบหก 64 ตัวอักษร)",
                "Not a valid file address (it must be 64 lowercase hexadecimal digits).",
                detail=f"bad blob address {sha256!r:.100}",
                code="bad_blob_address",
            )
        return sha256

    def path_for(self, sha256: str) -> Path:
        """Where the blob with this address lives (whether or not it exists)."""
        sha256 = self._check_address(sha256)
        return self.root / sha256[0:2] / sha256[2:4] / f"{sha256}.blob"

    def exists(self, sha256: str) -> bool:
        """Whether a blob is stored at this address."""
        return self._stored_size(self._check_address(sha256)) is not None

    # --- where the sealed bytes live (files here; a subclass may keep them elsewhere) ------

    def _where(self, sha256: str) -> str:
        """Where the blob is, for the log (never shown to an officer)."""
        return str(self.path_for(sha256))

    def _stored_size(self, sha256: str) -> int | None:
        """The sealed size stored at the address, or None when nothing is."""
        try:
            return (self._waiting(sha256) or self.path_for(sha256)).stat().st_size
        except FileNotFoundError:
            return None

    def _present(self, sha256: str, sealed_size: int) -> bool:
        """Whether a blob of ``sealed_size`` is stored at the address; if so its age starts
        again, as if just written: the caller is about to name it in a row, and the orphan
        sweep (:meth:`remove_orphan`) leaves young blobs alone."""
        waiting = self._waiting(sha256)
        if waiting is not None:
            return waiting.stat().st_size == sealed_size
        path = self.path_for(sha256)
        try:
            if path.stat().st_size != sealed_size:
                return False
            # If the sweep took the file aside between the stat and here, this fails and the
            # blob is written again; if it takes it aside after, it sees the new time.
            os.utime(path)
        except FileNotFoundError:
            return False
        return True

    def _store_sealed(self, sha256: str, sealed: bytes) -> None:
        """Keep ``sealed`` at the address, replacing whatever is there, all or nothing."""
        group: BlobGroup | None = getattr(self._local, "group", None)
        if group is not None:
            group.add(self.path_for(sha256), sealed)  # in place once the group is durable
            return
        self._write_atomically(self.path_for(sha256), sealed)

    def _load_sealed(self, sha256: str) -> bytes | None:
        try:
            return (self._waiting(sha256) or self.path_for(sha256)).read_bytes()
        except FileNotFoundError:
            return None

    def iter_addresses(self) -> Iterator[str]:
        """Every stored address, in sorted order; temp files and strays are skipped."""
        if not self.root.is_dir():
            return
        for first in sorted(self.root.iterdir()):
            if not (first.is_dir() and _SHARD.fullmatch(first.name)):
                continue
            for second in sorted(first.iterdir()):
                if not (second.is_dir() and _SHARD.fullmatch(second.name)):
                    continue
                for entry in sorted(second.iterdir()):
                    match = _BLOB_NAME.fullmatch(entry.name)
                    if match is None or not entry.is_file():
                        continue
                    sha = match.group(1)
                    if sha[0:2] == first.name and sha[2:4] == second.name:
                        yield sha

    # --- writing ------------------------------------------------------------------------

    def discard(self, sha256: str) -> bool:
        """Remove the blob at ``sha256`` (a destruction the head of the agency ordered:
        services.archive.retention); whether one was there. Otherwise only the orphan sweep
        removes a blob (:meth:`remove_orphan`), and only one no row names."""
        path = self.path_for(sha256)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        return True

    def remove_orphan(
        self, sha256: str, grace: timedelta, unreferenced: Callable[[str], bool]
    ) -> int | None:
        """Remove the blob if it is older than ``grace`` and ``unreferenced(sha256)`` still
        holds once it is taken aside; the sealed bytes freed, or None when it stays
        (:func:`services.store.blob_leftovers.remove_orphan_file`)."""
        return remove_orphan_file(self.path_for(sha256), sha256, grace, unreferenced)

    def stale_leftovers(self, grace: timedelta) -> Iterator[Path]:
        """Temporary files older than ``grace`` a crash left among the blobs."""
        return stale_leftovers(self.root, grace)

    def put_back_aside(self) -> int:
        """Give back to its address every blob a stopped sweep left aside; how many."""
        return put_back_aside(self.root, self.path_for)

    def put(self, data: bytes) -> BlobRef:
        """Store ``data`` (encrypted) and return its reference.

        Content already stored is not written again.
        """
        if len(data) > self.max_size:
            raise _too_large(len(data), self.max_size, "blob")
        sha = hashlib.sha256(data).hexdigest()
        ref = BlobRef(sha256=sha, size=len(data))
        if self._present(sha, len(data) + _OVERHEAD):
            return ref
        # Nothing stored, or a blob of the wrong size at this address (damaged): store a good
        # one. (Same-size damage is found by get()/verify_all(); checking here would mean
        # decrypting on every put.)
        nonce = secrets.token_bytes(NONCE_SIZE)
        sealed = MAGIC + nonce + self._aead.encrypt(nonce, data, sha.encode("ascii"))
        self._store_sealed(sha, sealed)
        return ref

    def put_file(self, path: Path) -> BlobRef:
        """Store the contents of the file at ``path``."""
        path = Path(path)
        try:
            with path.open("rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if size > self.max_size:
                    raise _too_large(size, self.max_size, str(path))
                # Read one byte past the cap: the file may grow while it is read.
                data = fh.read(self.max_size + 1)
        except OSError as exc:
            raise InvalidInput(
                f"อ่านไฟล์ {path.name} ไม่ได้ ให้ตรวจสอบว่าไฟล์ยังอยู่และมีสิทธิ์อ่าน",
                f"Cannot read the file {path.name}; check that it exists and can be read.",
                detail=f"{path}: {exc!r}",
                code="unreadable_file",
            ) from exc
        if len(data) > self.max_size:
            raise _too_large(len(data), self.max_size, str(path))
        return self.put(data)

    def _ensure_dir(self, directory: Path) -> None:
        """Create ``directory`` and make each new entry durable in its parent."""
        missing: list[Path] = []
        current = directory
        while not current.is_dir():
            missing.append(current)
            current = current.parent
        for new in reversed(missing):
            with contextlib.suppress(FileExistsError):
                new.mkdir()
            fsync_dir(new.parent)

    def _write_atomically(self, path: Path, sealed: bytes) -> None:
        self._ensure_dir(path.parent)
        write_atomically(path, sealed, prefix=f".{path.stem[:16]}.")

    # --- reading ------------------------------------------------------------------------

    def get(self, sha256: str) -> bytes:
        """The plaintext stored at ``sha256``, authenticated and checked against the address.

        Raises :class:`BlobCorrupted` when the blob fails either check (damaged, moved
        to another address, or encrypted with another key) and :class:`NotFound` when
        nothing is stored there.
        """
        sha256 = self._check_address(sha256)
        path = self._where(sha256)
        sealed = self._load_sealed(sha256)
        if sealed is None:
            raise NotFound(
                f"ไม่พบไฟล์ที่จัดเก็บไว้ (รหัส {sha256}) ให้กู้คืนจากสำเนาสำรอง",
                f"The stored file is missing (address {sha256}). Restore it from a backup.",
                detail=f"{path} does not exist",
                code="blob_missing",
            )
        if len(sealed) < _OVERHEAD or not sealed.startswith(MAGIC):
            raise BlobCorrupted(sha256, detail=f"{path}: bad header or truncated")
        nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE_SIZE]
        try:
            data = self._aead.decrypt(
                nonce, sealed[len(MAGIC) + NONCE_SIZE :], sha256.encode("ascii")
            )
        except InvalidTag:
            raise BlobCorrupted(
                sha256, detail=f"{path}: authentication failed (damaged, moved, or wrong key)"
            ) from None
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256:
            raise BlobCorrupted(sha256, detail=f"{path}: plaintext hashes to {actual}")
        return data

    def verify_all(self) -> list[str]:
        """Addresses of stored blobs that fail :meth:`get`'s checks."""
        failed: list[str] = []
        for sha in self.iter_addresses():
            try:
                self.get(sha)
            except (BlobCorrupted, NotFound, OSError):
                failed.append(sha)
        return failed
