"""The register of issued documents and its public export (M20: a free, convenient check).

:func:`revoke` marks a licence revoked with its reason (an event, a letter to the holder).
:func:`export_register` writes the publish folder the agency puts on its website or shared
drive: one static page per licence in Thai and English, named after the QR's unguessable
code, plus ``register.json``, ``register.csv`` and ``manifest.json`` (the SHA-256 of every
file, so a copy can be checked against the agency's). Only what the public may see is in it:
number, subject, licensee, dates, status — never a national ID or a person's address.
Re-exporting writes only the files whose content changed, so it is idempotent and cheap.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, Application, IssuedDocument
from services import outbox
from services.access.table import ACCESS, Action, may, require
from services.issuing.paper import event_aggregate
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.fsutil import fsync_dir
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork

__all__ = [
    "ExportSummary",
    "PublicEntry",
    "default_verify_base",
    "export_register",
    "may_revoke",
    "public_entries",
    "revoke",
    "revoke_action",
    "status_on",
]

_STATUS: Final = {
    "valid": ("ใช้ได้", "Valid"),
    "expired": ("หมดอายุ", "Expired"),
    "revoked": ("ถูกเพิกถอน", "Revoked"),
    "superseded": ("ถูกแทนที่ด้วยฉบับต่ออายุ", "Superseded by a renewal"),
}


@dataclass(frozen=True)
class PublicEntry:
    code: str
    number: str
    subject_th: str
    subject_en: str
    licensee: str
    issued: str
    valid_until: str
    status: str
    revoked_reason: str
    agency_th: str
    agency_en: str
    from_paper: bool = False
    """Issued on paper before the system and registered by hand (services.issuing.paper)."""


@dataclass(frozen=True)
class ExportSummary:
    written: int
    unchanged: int
    folder: Path
    sealed: bool = False
    """``manifest.json.p7s`` was written (:mod:`services.issuing.seal`)."""


def default_verify_base(session: Session) -> str:
    """Where the register is published when the agency has not said: its own web domain."""
    agency = session.scalars(select(Agency)).one()
    domain = agency.email.rpartition("@")[2] or "anuyat.invalid"
    return f"https://{domain}/verify"


def revoke_action(origin: str) -> Action:
    """The right that revokes a register entry: issuing licences for the system's own; for a
    licence registered from paper, keeping the paper register (approver or supervisor), as
    whoever may type one in may withdraw it (a paper licence has no issuer in the system)."""
    return Action.REGISTER_PAPER_LICENCE if origin == "paper" else Action.ISSUE_LICENCE


def may_revoke(roles: frozenset[str], origin: str) -> bool:
    return may(roles, revoke_action(origin))


def revoke(uow: UnitOfWork, issued_id: str, reason: str) -> None:
    """Mark the entry revoked with its reason: a system licence or one registered from paper
    alike (the same event; a letter to the holder when the request gave an address)."""
    rights = (revoke_action("system"), revoke_action("paper"))
    if not any(may(uow.actor.roles, right) for right in rights):
        uow.actor.require(*sorted(ACCESS[rights[0]] | ACCESS[rights[1]]))  # raises, naming who
    text = " ".join(reason.split())
    if not text:
        raise InvalidInput(
            "ต้องระบุเหตุผลการเพิกถอน ซึ่งจะแจ้งผู้ได้รับใบอนุญาตและแสดงในทะเบียนสาธารณะ",
            "Give the reason for revoking: the holder is told it and the public register shows it.",
        )
    issued = uow.session.get(IssuedDocument, issued_id, with_for_update=True)
    if issued is None:
        raise NotFound("ไม่พบเอกสารที่ออกแล้วนี้", f"No issued document {issued_id}.")
    require(uow.actor, revoke_action(issued.origin))
    if issued.status == "revoked":
        raise InvalidInput(
            f"ใบอนุญาตเลขที่ {issued.document_number} ถูกเพิกถอนไปแล้ว",
            f"Licence {issued.document_number} is already revoked.",
        )
    issued.status = "revoked"
    issued.revoked_at = uow.now
    issued.revoked_reason = text[:1000]
    letter = _revocation_letter(uow, issued, text)
    uow.record(
        "licence.revoked",
        *event_aggregate(issued),
        {"issued_document": issued.id, "number": issued.document_number, "reason": text,
         "letter_outbox_id": letter},
    )  # fmt: skip


def _revocation_letter(uow: UnitOfWork, issued: IssuedDocument, reason: str) -> str | None:
    if issued.application_id is None:
        return None  # a paper licence: the holder's address is on paper; the event says so
    application = uow.session.get(Application, issued.application_id)
    applicant = application.applicant if application else None
    address = (application.reply_to if application else "") or (
        applicant.email if applicant else ""
    )
    if not address:
        return None  # the event says so: the officer sends the letter on paper
    agency = uow.session.scalars(select(Agency)).one()
    body = (
        f"เรียน {issued.licensee}\n\n"
        f"{agency.name_th} ได้เพิกถอน{issued.subject_th} เลขที่ {issued.document_number} "
        f"ตั้งแต่วันที่ {format_thai_date(uow.now)} ด้วยเหตุผลดังนี้: {reason}\n"
        "หากไม่เห็นด้วย ท่านมีสิทธิอุทธรณ์ภายใน 15 วันนับแต่วันที่ได้รับแจ้ง\n\n"
        f"{agency.name_th}\n\n"
        f"{agency.name_en} has revoked licence {issued.document_number} "
        f"({issued.subject_en}) from {format_english_date(uow.now)}. Reason: {reason}\n"
        "You may appeal within 15 days of receiving this notice.\n"
    )
    queued = outbox.queue_message(
        uow,
        kind="licence",
        to_addr=outbox.check_address(address),
        subject=f"แจ้งการเพิกถอนใบอนุญาตเลขที่ {issued.document_number} / Licence revoked",
        body_text=body,
        application_id=issued.application_id,
        auto_submitted=None,
        domain=agency.email.rpartition("@")[2] or "anuyat.invalid",
    )
    return queued.id


def status_on(issued: IssuedDocument, now: datetime) -> str:
    """valid | expired | revoked | superseded on ``now`` (expiry is read from the date, never
    stored)."""
    if issued.status in ("revoked", "superseded"):
        return issued.status
    if issued.valid_until is not None and issued.valid_until < now:
        return "expired"
    return "valid"


def public_entries(session: Session, actor: Actor, now: datetime) -> list[PublicEntry]:
    """Every issued document as the public may see it on ``now``, oldest first."""
    require(actor, Action.ISSUE_LICENCE)
    agency = session.scalars(select(Agency)).one()
    return [
        PublicEntry(
            code=d.verification_code,
            number=d.document_number,
            subject_th=d.subject_th,
            subject_en=d.subject_en,
            licensee=d.licensee,
            issued=d.issued_at.date().isoformat(),
            valid_until=d.valid_until.date().isoformat() if d.valid_until else "",
            status=status_on(d, now),
            revoked_reason=d.revoked_reason,
            agency_th=agency.name_th,
            agency_en=agency.name_en,
            from_paper=d.origin == "paper",
        )
        for d in session.scalars(select(IssuedDocument).order_by(IssuedDocument.issued_at))
    ]


def _page(e: PublicEntry) -> bytes:
    th, en = _STATUS[e.status]
    esc = html.escape
    rows = [
        ("เลขที่", "Number", e.number),
        ("เรื่อง", "Subject", f"{e.subject_th} / {e.subject_en}"),
        ("ผู้ได้รับใบอนุญาต", "Licensee", e.licensee),
        ("วันที่ออก", "Issued", e.issued),
        ("ใช้ได้ถึง", "Valid until", e.valid_until or "ไม่มีกำหนด / no expiry"),
    ]
    if e.status == "revoked":
        rows.append(("เหตุผลการเพิกถอน", "Reason revoked", e.revoked_reason))
    if e.from_paper:
        rows.append(("ที่มา", "Source", "ใบอนุญาตฉบับกระดาษ ลงทะเบียนด้วยมือ / "
                     "a paper licence, registered by hand"))  # fmt: skip
    body = "\n".join(
        f"<tr><th>{esc(a)}<br><small>{esc(b)}</small></th><td>{esc(v)}</td></tr>"
        for a, b, v in rows
    )
    return (
        '<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(e.number)} — {esc(th)} / {esc(en)}</title>"
        "<style>body{font-family:Sarabun,Garuda,sans-serif;max-width:40em;margin:2em auto;"
        "padding:0 1em}"
        ".s{font-size:1.6em;font-weight:bold;padding:.4em;border-radius:.3em}"
        ".valid{background:#d8f5d8}.expired{background:#eee}.revoked{background:#f8d0d0}"
        "th{text-align:left;vertical-align:top;padding:.3em 1em .3em 0}</style></head><body>"
        f"<p>{esc(e.agency_th)}<br><small>{esc(e.agency_en)}</small></p>"
        f'<p class="s {e.status}">{esc(th)} / {esc(en)}</p>'
        f"<table>{body}</table>"
        f"<p><small>รหัสตรวจสอบ / Verification code: {esc(e.code)}</small></p>"
        "</body></html>\n"
    ).encode()


def _csv(entries: Sequence[PublicEntry]) -> bytes:
    buffer = io.StringIO()
    fields = list(PublicEntry.__dataclass_fields__)
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for e in entries:
        writer.writerow(asdict(e))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads Thai right


def _previous_manifest(folder: Path) -> dict[str, str]:
    try:
        listed = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return listed if isinstance(listed, dict) else {}


def _publish(path: Path, data: bytes) -> None:
    """Replace ``path`` whole (a temporary file renamed over it), readable by the web server
    (0644: the folder is public). No fsync per file: the folder is derived from the store and
    re-exported at will; the directory is synced once at the end of an export."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export_register(entries: Sequence[PublicEntry], folder: Path) -> ExportSummary:
    """The publish folder for ``entries``; files whose content is the same are left alone.

    What is there is known from the previous ``manifest.json`` (each file's SHA-256) and the
    file's size, so a re-export of 100,000 pages reads no page back, only writes the changed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {f"{e.code}.html": _page(e) for e in entries}
    files["register.json"] = json.dumps(
        [asdict(e) for e in entries], ensure_ascii=False, indent=1
    ).encode("utf-8")
    files["register.csv"] = _csv(entries)
    before = _previous_manifest(folder)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    written = 0
    for name, data in files.items():
        path = folder / name
        try:
            same = before.get(name) == digests[name] and path.stat().st_size == len(data)
        except FileNotFoundError:
            same = False
        if not same:
            _publish(path, data)
            written += 1
    manifest = json.dumps(dict(sorted(digests.items())), indent=1).encode("utf-8")
    try:
        manifest_same = (folder / "manifest.json").read_bytes() == manifest
    except FileNotFoundError:
        manifest_same = False
    if not manifest_same:
        _publish(folder / "manifest.json", manifest)
        written += 1
    if written:
        fsync_dir(folder)
    return ExportSummary(written=written, unchanged=len(files) + 1 - written, folder=folder)
