"""The "Not requests" tray: mail set aside at intake, and taking one as a request after all.

Intake (and the administrator, who looks after the mailbox) see what was set aside and why
(:func:`list_not_requests`). An intake officer who finds that one is a request after all
takes it (:func:`take_as_request`): the mail goes through the normal intake flow from its
kept raw bytes — a new application with its acknowledgement, or an addition to the request
it answers — in the same transaction as the officer's decision, which an event records.

Its files are judged as intake judges any mail — pypdf *and* the viewer's own engine on each
PDF, which may take its whole time limit — by :func:`judge_mail_to_take`, before and outside
that transaction (the UI runs it in the I/O pool), so the database worker waits on no PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, cast

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import Application, InboundMessage, NotRequestMail
from services.access.table import Action, require
from services.intake.acknowledgement import DEFAULT_TEMPLATE
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.mail.auto_reply import auto_reply_reason
from services.intake.mail.parse import parse_mail
from services.intake.pipeline import (
    INTAKE,
    Arrival,
    IntakeOutcome,
    act_on,
    arrival_from_mail,
    inspect_arrival,
)
from services.intake.reading import DEFAULT_LIMITS
from services.intake.types import InspectedFile, Limits, SenderAuth
from services.intake.views import NotRequestRow
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork
from services.store.context import AppContext

__all__ = [
    "TRAY_LIMIT",
    "JudgedMail",
    "count_not_requests",
    "judge_mail_to_take",
    "list_not_requests",
    "take_as_request",
]

_AUTH: Final = frozenset({"pass", "fail", "none"})


TRAY_LIMIT: Final = 500
"""Rows the tray shows: the newest; a bounce storm must not make the screen slow to open."""


def list_not_requests(session: Session, status: str = "set_aside") -> list[NotRequestRow]:
    """The tray, newest first (a bounce storm should not push today's mail off the screen)."""
    query = (
        select(NotRequestMail, Application.tracking_number)
        .outerjoin(Application, Application.id == NotRequestMail.application_id)
        .where(NotRequestMail.status == status)
        .order_by(NotRequestMail.received_at.desc(), NotRequestMail.id)
        .limit(TRAY_LIMIT)
    )
    return [
        NotRequestRow(
            id=row.id,
            sender_name=row.sender_name,
            sender_address=row.sender_address,
            subject=row.subject,
            received_at=row.received_at,
            reason_code=row.reason_code,
            reason_th=row.reason_th,
            reason_en=row.reason_en,
            status=row.status,
            tracking_number=number,
        )
        for row, number in session.execute(query)
    ]


def count_not_requests(session: Session, status: str = "set_aside") -> int:
    """How many mails are in the tray (all of them, not only the :data:`TRAY_LIMIT` shown):
    the queue pane's badge, without reading the rows."""
    query = select(func.count()).select_from(NotRequestMail).where(NotRequestMail.status == status)
    return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class JudgedMail:
    """A set-aside mail made an arrival, its files judged (crosses threads; no ORM object)."""

    item_id: str
    raw_sha256: str | None
    arrival: Arrival
    inspected: tuple[InspectedFile, ...]


def judge_mail_to_take(
    context: AppContext,
    actor: Actor,
    item_id: str,
    limits: Limits = DEFAULT_LIMITS,
    pdf_probe: PdfOpenProbe | None = None,
) -> JudgedMail:
    """The tray's mail as the arrival it becomes, its files judged as intake judges mail.

    Only reads: run it before :func:`take_as_request`, where waiting on the viewer's engine
    holds up no database work. Nothing is decided yet; the tray row stays as it is.
    """
    require(context.verified(actor), Action.TAKE_AS_REQUEST)
    with context.read(actor) as session:
        row = session.get(NotRequestMail, item_id)
        if row is None:
            raise NotFound("ไม่พบอีเมลนี้ในรายการที่ไม่ใช่คำขอ", "No such mail in the Not requests tray.")
        raw_sha = row.raw_blob_sha256
        arrival = _arrival_of(row, context)
    arrival, inspected = inspect_arrival(arrival, limits, pdf_probe)
    return JudgedMail(item_id, raw_sha, arrival, tuple(inspected))


def _arrival_of(row: NotRequestMail, context: AppContext) -> Arrival:
    """The arrival a set-aside mail becomes, from its kept raw bytes."""
    raw = context.store.blobs.get(row.raw_blob_sha256) if row.raw_blob_sha256 else b""
    mail = parse_mail(raw)
    return replace(
        arrival_from_mail(mail, row.received_at, raw),
        source_key=row.source_key,
        not_request=None,
        # The officer says it is a request: acknowledged as any request is, unless the
        # address itself takes no mail (a no-reply or daemon sender).
        auto_reply_blocked=auto_reply_reason({}, mail.sender_address),
        # The server's verdict from when it arrived (the header is not re-judged here).
        sender_auth=cast(SenderAuth, row.sender_auth if row.sender_auth in _AUTH else "none"),
        sender_auth_detail=row.sender_auth_detail,
    )


def take_as_request(
    uow: UnitOfWork,
    context: AppContext,
    item_id: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    ack_template: Path = DEFAULT_TEMPLATE,
    judged: JudgedMail | None = None,
) -> IntakeOutcome:
    """Move a set-aside mail into the normal intake flow; returns what intake made of it.

    The tray row is claimed by one conditional UPDATE, so when two officers press the key at
    once only one request is made; the other is told it was decided already. ``judged``: the
    mail with its files judged by :func:`judge_mail_to_take`; without it (or when it is of
    another mail) the files are judged here by pypdf alone.
    """
    require(uow.actor, Action.TAKE_AS_REQUEST)
    row = uow.session.get(NotRequestMail, item_id)
    if row is None:
        raise NotFound("ไม่พบอีเมลนี้ในรายการที่ไม่ใช่คำขอ", "No such mail in the Not requests tray.")
    claimed = uow.session.execute(
        update(NotRequestMail)
        .where(NotRequestMail.id == item_id, NotRequestMail.status == "set_aside")
        .values(status="taken_as_request", decided_by=uow.actor.label, decided_at=uow.now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise InvalidInput(
            "อีเมลนี้มีผู้ดำเนินการไปแล้ว — ไม่มีอะไรเปลี่ยนแปลง โปรดกดรีเฟรช",
            "Someone already decided on this mail; nothing was changed. Refresh the list.",
        )
    uow.session.refresh(row)
    inspected: list[InspectedFile] | None = None
    if judged is not None and (judged.item_id, judged.raw_sha256) == (row.id, row.raw_blob_sha256):
        arrival, inspected = judged.arrival, list(judged.inspected)
    else:  # not judged beforehand: pypdf alone, here (see judge_mail_to_take)
        arrival = _arrival_of(row, context)
    # The normal flow runs as intake's own, as for any arriving mail; the decision is the
    # officer's and its event names them.
    flow = UnitOfWork(uow.session, INTAKE, uow.now, uow.station_id)
    outcome = act_on(flow, context, arrival, limits, ack_template, inspected)
    row.application_id = outcome.application_id
    inbound = uow.session.scalar(
        select(InboundMessage).where(InboundMessage.source_key == row.source_key)
    )
    if inbound is not None:
        inbound.outcome = outcome.kind
        inbound.application_id = outcome.application_id
    uow.record(
        "inbound.taken_as_request",
        "application" if outcome.application_id else "inbound",
        outcome.application_id or row.id,
        {
            "not_request_id": row.id,
            "was_judged": row.reason_code,
            "outcome": outcome.kind,
            "officer": uow.actor.label,
        },
    )
    return outcome
