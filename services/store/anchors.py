"""Checkpoints of the audit chain kept outside the store, so it cannot be quietly rewritten.

The event log is a SHA-256 chain inside the encrypted store: it finds a changed or removed
row, but whoever holds the store key can delete the last rows and move ``chain_head``,
delete every event, or re-hash the chain after an edit, and the chain still checks out
against itself. So the head of each station's chain (station, sequence number, hash,
time) is written from time to time to append-only files *outside* the store:

* ``<profile>/audit-anchors/<station id>.jsonl`` beside the store, and
* ``<drive_root>/_anuyat-anchors/<station id>.jsonl`` on the shared drive when one is set
  (the leading ``_`` keeps it out of the drive's intake).

Each line carries an HMAC-SHA256 under a key derived from the profile's master key
(purpose ``"events"``), so someone without the key cannot fabricate or edit a checkpoint.
A key holder could still rewrite the store *and* the profile's own file: that is why a
copy goes to the shared drive (another machine, other permissions). Checkpoints signed
with the officer's token or time-stamped by a TSA belong to the signing work; copies into
backups to the backup work.

Checkpoints are written after each sync run, when the workstation closes and by
``anuyat audit checkpoint``; a new one is written only if the chain still extends the
last one (otherwise the tampering stays visible instead of being anchored).
:func:`check_anchors` compares the store with the latest checkpoints found: a chain that
now ends below a checkpointed sequence, or holds a different hash there, is tampering.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ChainHead, Event
from services.kernel.clock import utc
from services.kernel.events import GENESIS, canonical_json, event_hash
from services.store.engine import Store

__all__ = [
    "DRIVE_ANCHOR_DIR",
    "LOCAL_ANCHOR_DIR",
    "AnchorProblem",
    "AnchorReport",
    "Checkpoint",
    "CheckpointRun",
    "anchor_dirs",
    "check_anchors",
    "checkpoint_store",
    "check_store_anchors",
    "write_checkpoints",
]

log = logging.getLogger(__name__)

LOCAL_ANCHOR_DIR = "audit-anchors"
DRIVE_ANCHOR_DIR = "_anuyat-anchors"
_VERSION = 1
_TAIL_BYTES = 4096


@dataclass(frozen=True)
class Checkpoint:
    """One anchored chain head, as read from (or written to) an anchor file."""

    station_id: str
    station_seq: int
    hash: str
    at: datetime
    source: Path

    def describe(self) -> str:
        when = utc(self.at).isoformat(timespec="seconds")
        return f"{self.source} (station {self.station_id[:8]}, event #{self.station_seq}, {when})"


@dataclass(frozen=True)
class AnchorProblem:
    station_id: str
    problem: str  # "truncated" | "rewritten" | "forged"
    source: Path
    station_seq: int | None = None
    now_ends_at: int | None = None

    def describe(self) -> str:
        where = f"station {self.station_id[:8]}"
        if self.problem == "truncated":
            return (
                f"{where}: the checkpoint in {self.source} records event #{self.station_seq}, "
                f"but the chain now ends at #{self.now_ends_at or 0} (events were removed)"
            )
        if self.problem == "rewritten":
            return (
                f"{where}: event #{self.station_seq} differs from the checkpoint in "
                f"{self.source} (the chain was rewritten)"
            )
        return f"{where}: a checkpoint line in {self.source} is not authentic (forged or edited)"


@dataclass(frozen=True)
class AnchorReport:
    searched: tuple[Path, ...]
    used: tuple[Checkpoint, ...]
    problems: tuple[AnchorProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class CheckpointRun:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    refused: list[str] = field(default_factory=list)  # stations whose chain broke
    failed: list[str] = field(default_factory=list)  # folders that could not be written


def anchor_dirs(data_dir: Path, drive_root: Path | None) -> list[Path]:
    """Where checkpoints go: the profile folder, then the shared drive if one is set."""
    dirs = [Path(data_dir) / LOCAL_ANCHOR_DIR]
    if drive_root is not None:
        dirs.append(Path(drive_root) / DRIVE_ANCHOR_DIR)
    return dirs


def _mac(key: bytes, body: dict[str, Any]) -> str:
    return hmac.new(key, canonical_json(body).encode("utf-8"), hashlib.sha256).hexdigest()


def _line(key: bytes, station_id: str, seq: int, digest: str, at: datetime) -> str:
    body = {
        "v": _VERSION,
        "station": station_id,
        "seq": seq,
        "hash": digest,
        "at": utc(at).isoformat(),
    }
    return canonical_json({**body, "mac": _mac(key, body)}) + "\n"


def _parse(key: bytes, text: str, source: Path) -> Checkpoint | None:
    """The checkpoint on one line, or None when it is not authentic."""
    try:
        data = json.loads(text)
        body = {k: data[k] for k in ("v", "station", "seq", "hash", "at")}
        mac = data["mac"]
        if not isinstance(mac, str) or not hmac.compare_digest(mac, _mac(key, body)):
            return None
        return Checkpoint(
            str(body["station"]),
            int(body["seq"]),
            str(body["hash"]),
            datetime.fromisoformat(str(body["at"])),
            source,
        )
    except (ValueError, KeyError, TypeError):
        return None


def _read_lines(path: Path, tail_only: bool = False) -> list[str]:
    """Complete lines of an anchor file (a last line cut short by a crash is left out)."""
    try:
        with path.open("rb") as handle:
            if tail_only:
                handle.seek(0, os.SEEK_END)
                handle.seek(max(0, handle.tell() - _TAIL_BYTES))
            raw = handle.read()
    except FileNotFoundError:
        return []
    text = raw.decode("utf-8", errors="replace")
    lines = text.split("\n")[:-1]  # the part after the last newline is incomplete
    if tail_only and len(raw) >= _TAIL_BYTES:
        lines = lines[1:]  # the first one may be cut
    return [line for line in lines if line.strip()]


def _latest(key: bytes, path: Path) -> Checkpoint | None:
    for text in reversed(_read_lines(path, tail_only=True)):
        checkpoint = _parse(key, text, path)
        if checkpoint is not None:
            return checkpoint
    return None


def _chain_extends(
    session: Session, station_id: str, from_seq: int, from_hash: str, to_seq: int, to_hash: str
) -> bool:
    """Whether the stored chain runs unbroken from (from_seq, from_hash) to (to_seq, to_hash)."""
    if from_seq > 0:
        start = session.scalar(
            select(Event.hash).where(Event.station_id == station_id, Event.station_seq == from_seq)
        )
        if start != from_hash:
            return False
    last_seq, last_hash = from_seq, from_hash
    rows = session.scalars(
        select(Event)
        .where(Event.station_id == station_id, Event.station_seq > from_seq)
        .order_by(Event.station_seq)
        .execution_options(yield_per=2000)
    )
    for ev in rows:
        expected = event_hash(
            last_hash,
            id=ev.id,
            station_id=ev.station_id,
            station_seq=ev.station_seq,
            actor=ev.actor,
            occurred_at=ev.occurred_at,
            type=ev.type,
            aggregate_type=ev.aggregate_type,
            aggregate_id=ev.aggregate_id,
            payload=ev.payload,
        )
        if ev.station_seq != last_seq + 1 or ev.prev_hash != last_hash or ev.hash != expected:
            return False
        last_seq, last_hash = ev.station_seq, ev.hash
    return (last_seq, last_hash) == (to_seq, to_hash)


def _append(path: Path, line: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def write_checkpoints(
    session: Session, key: bytes, dirs: list[Path], now: datetime
) -> CheckpointRun:
    """Append the current head of every station's chain to each folder in ``dirs``.

    Nothing is written for a station whose head has not moved since the last checkpoint
    in a folder, nor when the chain no longer extends that checkpoint (logged, and then
    reported by :func:`check_anchors`). A folder that cannot be written (the shared drive
    offline) is logged and skipped; the others are still written.
    """
    run = CheckpointRun()
    heads = session.scalars(select(ChainHead).order_by(ChainHead.station_id)).all()
    for head in heads:
        for folder in dirs:
            path = folder / f"{head.station_id}.jsonl"
            try:
                last = _latest(key, path)
            except OSError as exc:
                log.warning("audit anchor %s cannot be read: %r", folder, exc)
                run.failed.append(str(folder))
                continue
            if last is not None and (last.station_seq, last.hash) == (
                head.last_station_seq,
                head.last_hash,
            ):
                run.unchanged += 1
                continue
            start = (last.station_seq, last.hash) if last is not None else (0, GENESIS)
            if not _chain_extends(
                session, head.station_id, *start, head.last_station_seq, head.last_hash
            ):
                log.error(
                    "audit chain of station %s no longer extends its checkpoint in %s: "
                    "no new checkpoint written (run 'anuyat audit verify')",
                    head.station_id[:8],
                    folder,
                )
                run.refused.append(head.station_id)
                continue
            try:
                _append(
                    path,
                    _line(key, head.station_id, head.last_station_seq, head.last_hash, now),
                )
            except OSError as exc:
                log.warning("audit anchor %s cannot be written: %r", folder, exc)
                run.failed.append(str(folder))
                continue
            run.written.append(path)
    return run


def check_anchors(session: Session, key: bytes, dirs: list[Path]) -> AnchorReport:
    """Compare the store's chains with the latest authentic checkpoint in each folder.

    Every station with an anchor file is checked, including stations the store no longer
    knows (all their events deleted).
    """
    used: list[Checkpoint] = []
    problems: list[AnchorProblem] = []
    for folder in dirs:
        try:
            files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
        except OSError as exc:
            log.warning("audit anchor folder %s cannot be read: %r", folder, exc)
            continue
        for path in files:
            latest: Checkpoint | None = None
            for text in _read_lines(path):
                checkpoint = _parse(key, text, path)
                if checkpoint is None or checkpoint.station_id != path.stem:
                    problems.append(AnchorProblem(path.stem, "forged", path))
                    continue
                if latest is None or checkpoint.station_seq >= latest.station_seq:
                    latest = checkpoint
            if latest is None:
                continue
            used.append(latest)
            found = session.scalar(
                select(Event.hash).where(
                    Event.station_id == latest.station_id,
                    Event.station_seq == latest.station_seq,
                )
            )
            if found is None:
                ends_at = session.scalar(
                    select(Event.station_seq)
                    .where(Event.station_id == latest.station_id)
                    .order_by(Event.station_seq.desc())
                    .limit(1)
                )
                problems.append(
                    AnchorProblem(latest.station_id, "truncated", path, latest.station_seq, ends_at)
                )
            elif found != latest.hash:
                problems.append(
                    AnchorProblem(latest.station_id, "rewritten", path, latest.station_seq)
                )
    return AnchorReport(tuple(dirs), tuple(used), tuple(problems))


def checkpoint_store(store: Store, now: datetime, drive_root: Path | None) -> CheckpointRun:
    """Checkpoint every chain of ``store`` beside it and on the shared drive (if set)."""
    with store.reads() as session:  # reads only: never waits for a writer
        run = write_checkpoints(
            session, store.anchor_key, anchor_dirs(store.data_dir, drive_root), now
        )
    log.info(
        "audit checkpoints: %d written, %d unchanged, %d refused, %d folders failed",
        len(run.written),
        run.unchanged,
        len(run.refused),
        len(run.failed),
    )
    return run


def check_store_anchors(store: Store, drive_root: Path | None) -> AnchorReport:
    with store.reads() as session:  # reads only: never waits for a writer
        return check_anchors(session, store.anchor_key, anchor_dirs(store.data_dir, drive_root))
