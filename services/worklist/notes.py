"""Internal notes on a request (ความเห็นเจ้าหน้าที่): for the officers who work it and the
approver who decides it, never for the applicant.

Notes live in their own table, which no letter, notice, acknowledgement or status answer
reads (those are built from the application and the catalog only), so a note cannot reach
the applicant by a template's mistake. Each note is an event too (``application.note_added``)
so the request's history mentions it; the event carries the note's length, not its text,
because the audit log is exported and anchored outside the store while the note may name
the applicant.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, ApplicationNote, User, new_id
from services.access.table import Action, require
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput, NotFound, PermissionDenied
from services.kernel.unit_of_work import UnitOfWork
from services.worklist.views import NoteRow

__all__ = ["MAX_NOTE", "add_note", "check_note", "notes", "store_note"]

MAX_NOTE: Final = 2000


def check_note(body: str) -> str:
    """The note as it will be kept (trimmed); raises InvalidInput when empty or too long."""
    text = body.strip()
    if not text:
        raise InvalidInput(
            "ความเห็นว่างอยู่ — พิมพ์ความเห็นก่อนบันทึก", "The note is empty; type it before saving."
        )
    if len(text) > MAX_NOTE:
        raise InvalidInput(
            f"ความเห็นยาวเกิน {MAX_NOTE:,} ตัวอักษร — แบ่งเป็นหลายความเห็น",
            f"The note is longer than {MAX_NOTE:,} characters; split it into several notes.",
        )
    return text


def add_note(uow: UnitOfWork, application_id: str, body: str) -> NoteRow:
    """Add the actor's note to the application; anyone who works cases may."""
    require(uow.actor, Action.WRITE_NOTE)
    text = check_note(body)
    application = uow.session.get(Application, application_id)
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    note = store_note(uow, application.id, text)
    author = uow.session.get(User, note.author_id)
    return NoteRow(
        note.id,
        author.display_name if author else uow.actor.username,
        uow.actor.username,
        note.created_at,
        note.body,
    )


def store_note(uow: UnitOfWork, application_id: str, text: str) -> ApplicationNote:
    """Keep a checked note by the actor, with its event (the caller checked the right:
    writing a note, or handing the request out with one)."""
    if uow.actor.user_id is None:
        raise PermissionDenied(
            "รายการนี้ต้องทำโดยเจ้าหน้าที่ที่ลงชื่อเข้าใช้", "Only a signed-in officer can do this."
        )
    note = ApplicationNote(
        id=new_id(),
        application_id=application_id,
        author_id=uow.actor.user_id,
        body=text,
        created_at=uow.now,
    )
    uow.session.add(note)
    uow.record(
        "application.note_added",
        "application",
        application_id,
        {"note_id": note.id, "length": len(text)},
    )
    return note


def notes(session: Session, actor: Actor, application_id: str) -> list[NoteRow]:
    """The application's notes, oldest first (officers who work cases, the supervisor)."""
    require(actor, Action.READ_NOTES)
    rows = session.execute(
        select(ApplicationNote, User.display_name, User.username)
        .join(User, User.id == ApplicationNote.author_id)
        .where(ApplicationNote.application_id == application_id)
        .order_by(ApplicationNote.created_at, ApplicationNote.id)
    )
    return [
        NoteRow(note.id, display_name, username, note.created_at, note.body)
        for note, display_name, username in rows
    ]
