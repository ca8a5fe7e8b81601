"""``server init``'s journal: what a setup killed half-way did, so the next one can undo it.

A setup that *fails* undoes itself (:func:`services.server.setup.initialise_server`). One that
is *killed* — SIGKILL, a power cut, the terminal closed — cannot: it may leave the agency's
database and roles, lines at the top of ``pg_hba.conf``, TLS switched on with a certificate
of a CA nobody keeps, the agency's key and the migration role's password in the keyring, and
files in the profile folder, and a plain re-run would then refuse ("the database exists").

So before it changes anything, ``server init`` writes this journal into the profile folder
(``server-init.inprogress.json``, readable by its owner only), and writes it again at each
step and before each change to the cluster (the :class:`ClusterChanges` it will undo: the
earlier ``pg_hba.conf``, each setting's earlier value, the certificate files it replaces).
It is removed only once the whole setup is done. The next ``server init`` on that folder
finds it, tells the IT person what was left and that it will be undone (Thai and English),
and undoes it — each undo step is one that may be run again — before setting up anew.

The role and database names in it were checked free before it was written, so an undo only
ever drops what this setup made. It holds no password and no key of the agency; it may hold
the cluster's earlier server certificate and key, to put them back (as the undo of a failed
setup does from memory), in a file as private as the CA key beside it.
"""

from __future__ import annotations

import base64
import json
import logging
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from services.kernel.errors import InvalidInput
from services.kernel.fsutil import write_atomically
from services.server.cluster import ClusterChanges
from services.server.roles import ServerRoles

__all__ = ["JOURNAL_FILE", "STEPS", "InitJournal", "read_journal"]

log = logging.getLogger(__name__)

JOURNAL_FILE = "server-init.inprogress.json"

STEPS: dict[str, tuple[str, str]] = {
    "started": ("เริ่มต้น (ยังไม่ได้สร้างฐานข้อมูล)", "starting (no database made yet)"),
    "roles": ("สร้างฐานข้อมูลและบทบาทแล้ว", "database and roles made"),
    "cluster": (
        "กำลังตั้งค่า PostgreSQL (TLS และ pg_hba.conf)",
        "configuring PostgreSQL (TLS and pg_hba.conf)",
    ),
    "files": ("กำลังเขียนไฟล์ของโปรไฟล์และคีย์ริง", "writing the profile's files and keyring"),
    "profile": ("กำลังสร้างตารางและผู้ดูแล", "making the tables and the administrator"),
    "finishing": ("กำลังจบการตั้งค่า", "finishing"),
}
"""Each step a killed setup may have stopped in, as the IT person is told it."""


@dataclass
class InitJournal:
    """The journal of one ``server init`` (module doc)."""

    data_dir: Path
    roles: ServerRoles
    kept: list[str]
    """What the profile folder held before the setup began (kept by an undo)."""
    step: str = "started"
    cluster: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.data_dir / JOURNAL_FILE

    def note(self, step: str) -> None:
        """Record that the setup is now at ``step`` (written before the step's changes)."""
        self.step = step
        self._write()

    def note_cluster(self, changes: ClusterChanges) -> None:
        """Record what the cluster will be given back (before each change is made)."""
        self.cluster = {
            "hba_file": str(changes.hba_file) if changes.hba_file else None,
            "hba_lines": list(changes.hba_lines),
            "hba_before": changes.hba_before,
            "settings_before": dict(changes.settings_before),
            "files_before": {
                str(path): None if data is None else base64.b64encode(data).decode("ascii")
                for path, data in changes.files_before.items()
            },
        }
        self._write()

    def cluster_changes(self, conninfo: str) -> ClusterChanges:
        """The :class:`ClusterChanges` to undo, as last written."""
        noted = self.cluster
        files = noted.get("files_before", {})
        return ClusterChanges(
            conninfo,
            hba_file=Path(noted["hba_file"]) if noted.get("hba_file") else None,
            hba_lines=tuple(noted.get("hba_lines", ())),
            hba_before=noted.get("hba_before", ""),
            settings_before=dict(noted.get("settings_before", {})),
            files_before={
                Path(path): None if data is None else base64.b64decode(data)
                for path, data in files.items()
            },
        )

    def watch(self, changes: ClusterChanges) -> ClusterChanges:
        """``changes``, journalled each time a change is noted in it."""
        changes.on_note = lambda: self.note_cluster(changes)
        return changes

    def remove_new_files(self) -> list[str]:
        """Remove what the setup added to the profile folder (never what was there, nor the
        journal: it goes last, once everything else is undone); the names removed."""
        removed: list[str] = []
        for entry in sorted(self.data_dir.iterdir()):
            if entry.name in self.kept or entry.name == JOURNAL_FILE:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry.name)
        return removed

    def done(self) -> None:
        self.path.unlink(missing_ok=True)

    def told(self) -> str:
        """What the next ``server init`` tells the IT person before it undoes this one."""
        th, en = STEPS.get(self.step, (self.step, self.step))
        r = self.roles
        return (
            f"การตั้งค่าเครื่องแม่ข่ายครั้งก่อนในโฟลเดอร์ {self.data_dir} ถูกหยุดกลางคัน (ขั้น: {th}) "
            f"จะย้อนสิ่งที่ทำไว้ก่อน: ลบฐานข้อมูล {r.database} และบทบาท {r.owner}, {r.app} "
            "(ถ้ามี) นำบรรทัดที่เพิ่มออกจาก pg_hba.conf คืนค่าการตั้งค่าของ PostgreSQL "
            "ลบรหัสผ่านและกุญแจในคีย์ริง และไฟล์ที่สร้างในโฟลเดอร์ แล้วจึงตั้งค่าใหม่\n"
            f"The previous server setup in {self.data_dir} was interrupted ({en}). What it "
            f"did is undone first: the database {r.database} and the roles {r.owner} and "
            f"{r.app} are dropped (if made), its lines taken out of pg_hba.conf and "
            "PostgreSQL's settings put back, its password and key removed from the keyring "
            "and its files from the folder. Then the server is set up anew."
        )

    def _write(self) -> None:
        body = {
            "step": self.step,
            "roles": asdict(self.roles),
            "kept": self.kept,
            "cluster": self.cluster,
        }
        # mkstemp makes the file 0600 before a byte is written (services.kernel.fsutil).
        write_atomically(self.path, json.dumps(body, ensure_ascii=False, indent=1).encode())


def begin_journal(data_dir: Path, roles: ServerRoles) -> InitJournal:
    """A new journal, written: the folder's entries now are what an undo keeps."""
    kept = sorted(entry.name for entry in data_dir.iterdir()) if data_dir.is_dir() else []
    journal = InitJournal(data_dir, roles, kept)
    data_dir.mkdir(parents=True, exist_ok=True)
    journal.note("started")
    return journal


def read_journal(data_dir: Path) -> InitJournal | None:
    """The journal a killed setup left in ``data_dir``, or None."""
    path = data_dir / JOURNAL_FILE
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        return InitJournal(
            data_dir,
            ServerRoles(**body["roles"]),
            list(body["kept"]),
            str(body["step"]),
            dict(body.get("cluster") or {}),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise InvalidInput(
            f"อ่านบันทึกการตั้งค่าครั้งก่อน ({path}) ไม่ได้ — ให้ตรวจดูเอง: ฐานข้อมูลและบทบาทที่สร้างไว้, "
            "บรรทัดของ anuyat ใน pg_hba.conf แล้วลบไฟล์นี้ก่อนสั่งใหม่",
            f"The record of an earlier, interrupted setup ({path}) cannot be read. Check by "
            "hand what it made (the database and roles, anuyat's lines in pg_hba.conf), then "
            "delete that file and run this again.",
            detail=repr(exc),
            code="server_init_journal_unreadable",
        ) from exc
