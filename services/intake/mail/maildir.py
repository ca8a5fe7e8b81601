"""A local Maildir folder as the mailbox: the embedded default (the demo uses it).

With no server the workstation still works: mail dropped into a Maildir
(``new/``, ``cur/``; sub-folders in Maildir++ style, ``.Anuyat.Processed``) is
read exactly like IMAP mail, under the same contract
(:mod:`services.intake.mail.sources`).

Maildir has keys, not numbers, so this source numbers messages itself, like
Dovecot's ``dovecot-uidlist``: ``<folder>/.anuyat-uidlist`` holds the folder's
UIDVALIDITY, the next UID, and the UID given to each key, in order of arrival
(file mtime, then key). A :class:`~services.intake.mail.sources.FolderCursor` then
means what it means for IMAP. If that file is lost, a new random UIDVALIDITY is
drawn, every stored cursor becomes void and the caller re-reads the folder
(de-duplicating by Message-ID), so losing it costs time, never mail.

``RawMail.uid`` is the Maildir key (stable across ``new/`` → ``cur/`` and flag
changes); ``mark_processed`` takes those keys. Messages already marked processed
(info flag ``F`` when the action is ``flag``; gone from the folder when it is
``move``) are skipped even without a cursor.

Bytes are read straight from the files (not through :mod:`mailbox`'s message
objects) so ``RawMail.data`` is exactly the file, and nothing is parsed here.
One process reads a given Maildir at a time (the workstation's sync runner).
"""

from __future__ import annotations

import logging
import mailbox
import os
import re
import secrets
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from services.intake.mail.sources import (
    FolderCursor,
    MailBatch,
    MailboxUnavailable,
    MailFolderMissing,
    OpensOnEnter,
)
from services.intake.types import RawMail
from services.kernel.errors import InvalidInput
from services.kernel.fsutil import write_atomically

__all__ = ["UIDLIST_NAME", "MaildirMailbox"]

log = logging.getLogger(__name__)

UIDLIST_NAME = ".anuyat-uidlist"
"""Per-folder file with the folder's UIDVALIDITY and the UID of each key."""

_HEADER = "anuyat-uidlist 1"
_INFO_SEPARATOR = "!" if os.name == "nt" else ":"  # ':' is not allowed in Windows names
_INFO = re.compile(r"[:!]2,([A-Za-z]*)$")
_POLL_S = 0.25
_RESCAN_S = 5.0


@dataclass
class _Entry:
    key: str
    path: Path
    flags: str
    mtime_ns: int
    size: int


@dataclass
class _UidList:
    uidvalidity: int
    uidnext: int
    uids: dict[str, int] = field(default_factory=dict)


def _new_uidvalidity(previous: int | None) -> int:
    value = secrets.randbelow(2**31 - 2) + 1
    return value + 1 if value == previous else value


def _key_of(name: str) -> str:
    return re.split(r"[:!]", name, maxsplit=1)[0]


def _check_key(key: str) -> str:
    if not key or key.startswith(".") or any(c in key for c in "/\\:!\0"):
        raise InvalidInput(
            "รหัสข้อความในโฟลเดอร์อีเมลไม่ถูกต้อง",
            "A message key of the mail folder is not valid.",
            detail=f"not a Maildir key: {key!r}",
        )
    return key


class MaildirMailbox(OpensOnEnter):
    """A Maildir (its root is ``INBOX``; ``a/b`` is the Maildir++ folder ``.a.b``)."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        *,
        folders: tuple[str, ...] = ("INBOX",),
        after: Literal["none", "flag", "move"] = "flag",
        move_to: str = "Anuyat/Processed",
        batch_size: int = 50,
        batch_max_bytes: int = 64 * 1024 * 1024,
        create: bool = False,
    ) -> None:
        if after not in ("none", "flag", "move") or batch_size < 1 or batch_max_bytes < 1:
            raise InvalidInput(
                "การตั้งค่าโฟลเดอร์อีเมลไม่ถูกต้อง",
                "The mail folder settings are not valid.",
                detail=f"after={after!r} batch_size={batch_size} max_bytes={batch_max_bytes}",
                code="invalid_mail_settings",
            )
        self.root = Path(root)
        self.folders = folders
        self.after = after
        self.move_to = move_to
        self.batch_size = batch_size
        self.batch_max_bytes = batch_max_bytes
        self._create = create
        self._fetched_uidnext: dict[str, int] = {}
        self._interrupted = threading.Event()
        for folder in (*folders, move_to):
            self._folder_path(folder)  # validates the names early
        if after == "move" and move_to in folders:
            raise InvalidInput(
                "โฟลเดอร์ปลายทางต้องไม่ใช่โฟลเดอร์ที่ติดตามอยู่",
                "The folder to move processed mail to must not be a watched folder.",
                detail=f"move_to={move_to!r} folders={folders!r}",
                code="invalid_mail_settings",
            )

    def __repr__(self) -> str:
        return f"MaildirMailbox({str(self.root)!r})"

    @property
    def name(self) -> str:
        return f"maildir:{self.root}"

    def folder_source(self, folder: str) -> str:
        return f"maildir:{self.root}/{folder}"

    # -- opening ---------------------------------------------------------------------------

    def open(self) -> None:
        """Check the Maildir is there (create it when asked to)."""
        if self._create:
            try:
                mailbox.Maildir(self.root, create=True)
            except OSError as exc:
                raise self._unavailable(exc) from exc
        if not all((self.root / sub).is_dir() for sub in ("cur", "new", "tmp")):
            raise MailboxUnavailable(
                f"ไม่พบโฟลเดอร์อีเมล {self.root} หรือโฟลเดอร์นี้ไม่ใช่ Maildir "
                "โปรดตรวจสอบว่าเชื่อมต่อไดรฟ์แล้ว และตรวจสอบตำแหน่งโฟลเดอร์ในหน้าตั้งค่า",
                f"The mail folder {self.root} is missing or is not a Maildir. "
                "Check that its drive is connected and the folder setting is right.",
                detail=f"{self.root}: no cur/new/tmp",
                code="maildir_missing",
            )

    def close(self) -> None:
        """Nothing to release (files are opened per read)."""

    def _unavailable(self, exc: OSError) -> MailboxUnavailable:
        return MailboxUnavailable(
            f"อ่านหรือเขียนโฟลเดอร์อีเมล {self.root} ไม่ได้ โปรดตรวจสอบไดรฟ์และสิทธิ์การเข้าถึงโฟลเดอร์",
            f"The mail folder {self.root} cannot be read or written. "
            "Check the drive and the folder's permissions.",
            detail=f"{type(exc).__name__}: {exc}",
            code="maildir_io",
        )

    # -- folders and numbering -------------------------------------------------------------

    def _folder_path(self, folder: str) -> Path:
        if folder.upper() == "INBOX":
            return self.root
        parts = folder.split("/")
        if any(not p or p.startswith(".") or "\\" in p or "\0" in p for p in parts):
            raise InvalidInput(
                f"ชื่อโฟลเดอร์อีเมล «{folder}» ไม่ถูกต้อง",
                f"The mail folder name “{folder}” is not valid.",
                detail=f"bad Maildir folder {folder!r}",
                code="invalid_mail_settings",
            )
        return self.root / ("." + ".".join(parts))

    def _existing_folder(self, folder: str) -> Path:
        self.open()
        path = self._folder_path(folder)
        if not (path / "cur").is_dir() or not (path / "new").is_dir():
            raise MailFolderMissing(folder, detail=f"{path}: not a Maildir folder")
        return path

    @staticmethod
    def _scan(path: Path) -> dict[str, _Entry]:
        entries: dict[str, _Entry] = {}
        for sub in ("new", "cur"):
            with os.scandir(path / sub) as it:
                for item in it:
                    if item.name.startswith("."):
                        continue
                    try:
                        st = item.stat()
                    except FileNotFoundError:  # moved while listing
                        continue
                    if not item.is_file():
                        continue
                    info = _INFO.search(item.name)
                    key = _key_of(item.name)
                    entries[key] = _Entry(
                        key=key,
                        path=Path(item.path),
                        flags=info.group(1) if info else "",
                        mtime_ns=st.st_mtime_ns,
                        size=st.st_size,
                    )
        return entries

    @staticmethod
    def _load(path: Path) -> _UidList | None:
        try:
            lines = (path / UIDLIST_NAME).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return None
        try:
            if lines[0] != _HEADER:
                raise ValueError("header")
            validity, nxt = (int(x) for x in lines[1].split())
            uids: dict[str, int] = {}
            for line in lines[2:]:
                uid, key = line.split(" ", 1)
                uids[key] = int(uid)
            if validity < 1 or any(u >= nxt or u < 1 for u in uids.values()):
                raise ValueError("numbers")
            return _UidList(validity, nxt, uids)
        except (ValueError, IndexError):
            log.warning("%s: damaged %s, numbering the folder afresh", path, UIDLIST_NAME)
            return None

    @staticmethod
    def _save(path: Path, state: _UidList) -> None:
        body = [_HEADER, f"{state.uidvalidity} {state.uidnext}"]
        body += [f"{uid} {key}" for key, uid in sorted(state.uids.items(), key=lambda kv: kv[1])]
        text = "\n".join(body) + "\n"
        write_atomically(path / UIDLIST_NAME, text.encode("utf-8"), prefix=UIDLIST_NAME + ".")

    def _numbered(self, folder: str) -> tuple[_UidList, dict[str, _Entry]]:
        """The folder's entries, every one with a UID (new arrivals numbered and saved)."""
        path = self._existing_folder(folder)
        try:
            entries = self._scan(path)
            state = self._load(path)
            changed = False
            if state is None:
                state = _UidList(_new_uidvalidity(None), 1)
                changed = True
            gone = [k for k in state.uids if k not in entries]
            for key in gone:  # UIDs are never reused: uidnext only grows
                del state.uids[key]
                changed = True
            arrivals = sorted(
                (e for k, e in entries.items() if k not in state.uids),
                key=lambda e: (e.mtime_ns, e.key),
            )
            for entry in arrivals:
                state.uids[entry.key] = state.uidnext
                state.uidnext += 1
                changed = True
            if changed:
                self._save(path, state)
        except OSError as exc:
            raise self._unavailable(exc) from exc
        return state, entries

    def select(self, folder: str) -> tuple[int, int]:
        """``(uidvalidity, uidnext)`` from the folder's ``.anuyat-uidlist``."""
        state, _ = self._numbered(folder)
        return state.uidvalidity, state.uidnext

    # -- fetching --------------------------------------------------------------------------

    def _processed(self, entry: _Entry) -> bool:
        return self.after == "flag" and "F" in entry.flags

    def fetch_new(self, folder: str, cursor: FolderCursor | None) -> Iterator[MailBatch]:
        """Batches of unprocessed messages with UID > ``cursor.last_uid``, oldest first."""
        state, entries = self._numbered(folder)
        restarted = cursor is not None and cursor.uidvalidity != state.uidvalidity
        after = cursor.last_uid if cursor is not None and not restarted else 0
        self._fetched_uidnext[folder] = state.uidnext
        todo = sorted(
            (uid, entries[key])
            for key, uid in state.uids.items()
            if uid > after and not self._processed(entries[key])
        )
        batches: list[list[tuple[int, _Entry]]] = []
        current: list[tuple[int, _Entry]] = []
        used = 0
        for uid, entry in todo:
            if current and (
                len(current) >= self.batch_size or used + entry.size > self.batch_max_bytes
            ):
                batches.append(current)
                current, used = [], 0
            current.append((uid, entry))
            used += entry.size
        if current:
            batches.append(current)
        source = self.folder_source(folder)
        done = 0
        for batch in batches:
            mails = [m for m in (self._read(source, e) for _, e in batch) if m is not None]
            done += len(batch)
            yield MailBatch(
                mails,
                cursor=FolderCursor(state.uidvalidity, batch[-1][0]),
                restarted=restarted,
                done=done,
                total=len(todo),
            )

    def _read(self, source: str, entry: _Entry) -> RawMail | None:
        path = entry.path
        for _attempt in range(3):
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
                    mtime = os.fstat(fh.fileno()).st_mtime_ns
                return RawMail(
                    source=source,
                    uid=entry.key,
                    internal_date=datetime.fromtimestamp(mtime / 1e9, UTC),
                    data=data,
                )
            except FileNotFoundError:
                # Renamed since the scan (a client moved it new/ → cur/ or changed flags).
                found = self._scan(path.parent.parent).get(entry.key)
                if found is None:
                    log.info("%s: %s vanished before it could be read", source, entry.key)
                    return None
                path = found.path
            except OSError as exc:
                raise self._unavailable(exc) from exc
        raise MailboxUnavailable(detail=f"{source}: {entry.key} keeps moving")

    # -- after-processing --------------------------------------------------------------------

    def mark_processed(
        self, folder: str, uids: Sequence[str], *, uidvalidity: int | None = None
    ) -> bool:
        """Flag (info flag ``F``, file moved to ``cur/``) or move the messages ``uids`` (keys).

        ``uidvalidity`` is accepted for the common interface and ignored: Maildir keys
        stay valid whatever happens to the numbering. Keys no longer in the folder
        (already moved) are skipped, so repeating it is harmless.
        """
        if self.after == "none" or not uids:
            return True
        keys = [_check_key(str(u)) for u in uids]
        path = self._existing_folder(folder)
        try:
            entries = self._scan(path)
            if self.after == "move":
                target = self._folder_path(self.move_to)
                if not (target / "cur").is_dir():
                    parts = self.move_to.split("/")
                    mailbox.Maildir(self.root, create=True).add_folder(".".join(parts))
            for key in keys:
                entry = entries.get(key)
                if entry is None:
                    continue
                if self.after == "flag":
                    if "F" not in entry.flags:
                        flags = "".join(sorted(set(entry.flags) | {"F"}))
                        name = f"{key}{_INFO_SEPARATOR}2,{flags}"
                        os.replace(entry.path, path / "cur" / name)
                else:
                    os.replace(entry.path, target / entry.path.parent.name / entry.path.name)
        except OSError as exc:
            raise self._unavailable(exc) from exc
        return True

    # -- waiting for news --------------------------------------------------------------------

    def interrupt(self) -> None:
        """From another thread: make a running :meth:`idle` return False now."""
        self._interrupted.set()

    def supports_idle(self) -> bool:
        """True: waiting is a cheap local check of the folder's directories."""
        return True

    def idle(self, folder: str, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for a message not yet seen by :meth:`fetch_new`.

        False on timeout or after :meth:`interrupt`.
        """
        if self._interrupted.is_set():
            self._interrupted.clear()
            return False
        _, uidnext = self.select(folder)
        baseline = self._fetched_uidnext.get(folder, uidnext)
        if uidnext > baseline:
            return True
        path = self._folder_path(folder)

        def stamp() -> tuple[int, int]:
            return ((path / "new").stat().st_mtime_ns, (path / "cur").stat().st_mtime_ns)

        try:
            seen = stamp()
            end = time.monotonic() + max(0.0, timeout_s)
            rescan_at = time.monotonic() + _RESCAN_S
            while (remaining := end - time.monotonic()) > 0:
                if self._interrupted.wait(min(_POLL_S, remaining)):
                    self._interrupted.clear()
                    return False
                now = stamp()
                # Directory times are coarse on some drives (FAT, SMB): rescan now and then.
                if now != seen or time.monotonic() >= rescan_at:
                    seen, rescan_at = now, time.monotonic() + _RESCAN_S
                    if self.select(folder)[1] > baseline:
                        return True
        except OSError as exc:
            raise self._unavailable(exc) from exc
        return False
