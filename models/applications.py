"""Applicants and their applications, with everything attached to an application.

The columns hold the current state; the events table holds how it came to be.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UtcDateTime, id_column

__all__ = [
    "Applicant",
    "Application",
    "SlaPause",
    "Document",
    "Check",
    "InboundMessage",
    "OutboxMessage",
    "Payment",
    "Approval",
    "IssuedDocument",
    "TrackingCounter",
]


class Applicant(Base):
    __tablename__ = "applicant"

    id: Mapped[str] = id_column()
    kind: Mapped[str] = mapped_column(String(10))  # "person" | "juristic"
    title_th: Mapped[str] = mapped_column(String(50), default="")
    name_th: Mapped[str] = mapped_column(String(300))  # full name or juristic name
    name_en: Mapped[str] = mapped_column(String(300), default="")
    # Stored once, in one place (PDPA: keep only what is needed); lists show it masked.
    national_id: Mapped[str | None] = mapped_column(String(13), unique=True, nullable=True)
    representative_th: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    address_th: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Application(Base):
    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_status_deemed", "status", "deemed_received_at"),
        Index("ix_application_applicant_id", "applicant_id"),
        Index("ix_application_dashboard", "status", "service_type_id", "assignee_id", "sla_due_at"),
        # The dashboard's days of intake count by arrival (migration 0029).
        Index("ix_application_received_at", "received_at"),
        # First-come order with a stable tie-break, overall and per queue, carrying the
        # holder (migration 0012, in place of 0004's two without it): "mine first" pages
        # the others on them without reading the table's rows; the officer's own requests
        # and "due soonest" have their own.
        Index(
            "ix_application_first_come_holder",
            "deemed_received_at",
            "tracking_number",
            "assignee_id",
        ),
        Index(
            "ix_application_status_first_come_holder",
            "status",
            "deemed_received_at",
            "tracking_number",
            "assignee_id",
        ),
        Index(
            "ix_application_holder_first_come",
            "assignee_id",
            "deemed_received_at",
            "tracking_number",
        ),
        Index(
            "ix_application_sla_first_come", "sla_due_at", "deemed_received_at", "tracking_number"
        ),
    )

    id: Mapped[str] = id_column()
    tracking_number: Mapped[str] = mapped_column(String(40), unique=True)
    service_type_id: Mapped[str | None] = mapped_column(
        ForeignKey("service_type.id"), nullable=True
    )
    # The catalog version in force when the service was named (received or classified): its
    # SLA, documents and fee stay those of that version (models.catalog.ServiceRevision).
    catalog_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    applicant_id: Mapped[str | None] = mapped_column(ForeignKey("applicant.id"), nullable=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id"))
    channel: Mapped[str] = mapped_column(String(10))  # "email" | "drive" | "counter"
    subject: Mapped[str] = mapped_column(String(500), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    reply_to: Mapped[str] = mapped_column(String(200), default="")
    # Idempotency key of the source (Message-ID, or a content hash for files).
    source_key: Mapped[str | None] = mapped_column(String(300), unique=True, nullable=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    deemed_received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    sla_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(30))
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # The section a supervisor routed the request to: only its officers take it with "Next".
    # Empty: every officer of the queue.
    section: Mapped[str] = mapped_column(String(100), default="")
    form_data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # Set once, by a destruction the head of the agency ordered (services.archive.retention):
    # the row stays as the tombstone, its files and form data are gone.
    destroyed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    applicant: Mapped[Applicant | None] = relationship(lazy="joined")
    pauses: Mapped[list[SlaPause]] = relationship(
        back_populates="application", order_by="SlaPause.started_at"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="application", order_by="Document.received_at"
    )


class SlaPause(Base):
    """A stretch of time the SLA clock stood still (waiting for the applicant)."""

    __tablename__ = "sla_pause"

    id: Mapped[str] = id_column()
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    reason: Mapped[str] = mapped_column(String(300), default="")

    application: Mapped[Application] = relationship(back_populates="pauses")


class Document(Base):
    """A file received with, or produced for, an application; bytes live in the blob store."""

    __tablename__ = "document"

    id: Mapped[str] = id_column()
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), index=True)
    blob_sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    width_px: Mapped[int | None] = mapped_column(Integer, nullable=True)
    height_px: Mapped[int | None] = mapped_column(Integer, nullable=True)
    dpi: Mapped[int | None] = mapped_column(Integer, nullable=True)
    origin: Mapped[str] = mapped_column(String(20))  # "email" | "drive" | "counter" | "produced"
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # A certified copy's original (the copy is a new document; the original is never altered).
    derived_from: Mapped[str | None] = mapped_column(
        ForeignKey("document.id"), nullable=True, index=True
    )
    # A certified copy made by mistake is withdrawn, never deleted: kept, marked, unused.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    withdrawn_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    withdrawn_reason: Mapped[str] = mapped_column(String(500), default="", server_default="")

    application: Mapped[Application] = relationship(back_populates="documents")


class Check(Base):
    """One verdict of review: a checklist item, an identity check, a callback, a POA check."""

    __tablename__ = "review_check"

    id: Mapped[str] = id_column()
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    item_code: Mapped[str] = mapped_column(String(60), default="")
    verdict: Mapped[str] = mapped_column(String(20))  # accepted | rejected | not_applicable
    reason: Mapped[str] = mapped_column(String(1000), default="")
    document_id: Mapped[str | None] = mapped_column(ForeignKey("document.id"), nullable=True)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    checked_by: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class InboundMessage(Base):
    """A mail or file that reached the agency, kept so a re-sync never duplicates it."""

    __tablename__ = "inbound_message"

    id: Mapped[str] = id_column()
    source_key: Mapped[str] = mapped_column(String(300), unique=True)
    application_id: Mapped[str | None] = mapped_column(
        ForeignKey("application.id"), nullable=True, index=True
    )
    channel: Mapped[str] = mapped_column(String(10))
    sender: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    raw_blob_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(String(30))  # new | appended | status_enquiry | ...
    # Where the mail sits on the server, so the after-processing action (flag/move)
    # is retried until done even if the workstation stopped right after the commit.
    mailbox_source: Mapped[str] = mapped_column(String(300), default="")
    mailbox_uid: Mapped[str] = mapped_column(String(100), default="")
    action_pending: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    # Never read (lazy="raise"): it makes the unit of work write the application before a
    # row naming it in the same flush. Without it the order is left to chance, and intake
    # had to flush each new application on its own first.
    application: Mapped[Application | None] = relationship(lazy="raise")


class OutboxMessage(Base):
    """A message to send; persisted in the same transaction as the decision behind it."""

    __tablename__ = "outbox_message"

    id: Mapped[str] = id_column()
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    application_id: Mapped[str | None] = mapped_column(
        ForeignKey("application.id"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(30))  # acknowledgement | request | result | ...
    to_addr: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(500))
    body_text: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # The official address the message is sent from (empty: the agency's current address).
    from_addr: Mapped[str] = mapped_column(String(300), default="")
    # Per-message headers: In-Reply-To, References, Auto-Submitted (RFC 3834).
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    # Never read (lazy="raise"): it makes the unit of work write the application before a
    # row naming it in the same flush. Without it the order is left to chance, and intake
    # had to flush each new application on its own first.
    application: Mapped[Application | None] = relationship(lazy="raise")


class Payment(Base):
    __tablename__ = "payment"

    id: Mapped[str] = id_column()
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), index=True)
    amount_satang: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    transaction_id: Mapped[str] = mapped_column(String(100), default="", index=True)
    evidence_document_id: Mapped[str | None] = mapped_column(
        ForeignKey("document.id"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(20))  # due | submitted | verified | rejected
    receipt_number: Mapped[str] = mapped_column(String(60), default="")
    verified_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # When the fee fell due: before_approval | before_issue (the catalog's, at the time).
    stage: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # The payment notice queued with the decision that made the fee due.
    notice_outbox_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # Why evidence was rejected or the payment lapsed (the officer's words).
    reason: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    # The slip's sending bank and its transaction reference: the same slip twice is caught.
    slip_bank: Mapped[str] = mapped_column(String(10), default="", server_default="")
    slip_reference: Mapped[str] = mapped_column(
        String(60), default="", server_default="", index=True
    )
    # What the finance officer read on the slip when it differs from the amount: less is a
    # part payment (status "short", the rest asked on a new payment), more is a refund owed.
    paid_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # transfer (a slip) | cash (taken at the counter by the finance officer)
    channel: Mapped[str] = mapped_column(String(20), default="transfer", server_default="transfer")
    # The refund of an overpayment, once finance has paid it back (migration 0025): the day
    # the money went out, how (transfer | cash), the bank or voucher reference, who recorded
    # it. A plain id for the officer: the columns were added in place.
    refunded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    refund_method: Mapped[str] = mapped_column(String(20), default="", server_default="")
    refund_reference: Mapped[str] = mapped_column(String(100), default="", server_default="")
    refunded_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    refund_recorded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Approval(Base):
    __tablename__ = "approval"

    id: Mapped[str] = id_column()
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), index=True)
    decision: Mapped[str] = mapped_column(String(20))  # approved | rejected | returned
    approver_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    signature_type: Mapped[int] = mapped_column(Integer)
    certificate_subject: Mapped[str] = mapped_column(String(500), default="")
    reason: Mapped[str] = mapped_column(String(1000), default="")
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The conditions set by the approver (edited from the catalog's defaults).
    conditions: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    # The signed decision memo (a produced document) and the certificate that signed it.
    document_id: Mapped[str | None] = mapped_column(ForeignKey("document.id"), nullable=True)
    certificate_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")


class IssuedDocument(Base):
    __tablename__ = "issued_document"
    __table_args__ = (
        # The "Licences issued" list and its filters (services.issuing.listing, migration
        # 0028): newest first with a stable tie-break; expiry (expired, expiring soon, a
        # range); a status or a service, each walked in the list's order.
        Index("ix_issued_document_newest", "issued_at", "document_number"),
        Index("ix_issued_document_expiry", "valid_until", "document_number"),
        Index("ix_issued_document_status_issued", "status", "issued_at"),
        Index("ix_issued_document_service_issued", "service_code", "issued_at"),
        Index("ix_issued_document_origin_issued", "origin", "issued_at"),
    )

    id: Mapped[str] = id_column()
    # None for a licence issued on paper before the system (origin "paper", migration 0027).
    application_id: Mapped[str | None] = mapped_column(
        ForeignKey("application.id"), index=True, nullable=True
    )
    document_number: Mapped[str] = mapped_column(String(60), unique=True)
    file_name: Mapped[str] = mapped_column(String(200))
    blob_sha256: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    verification_code: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="valid")  # valid|revoked|superseded
    # What the public register shows (services.issuing.register): never a national ID or a
    # natural person's address.
    service_code: Mapped[str] = mapped_column(String(60), default="", server_default="")
    subject_th: Mapped[str] = mapped_column(String(500), default="", server_default="")
    subject_en: Mapped[str] = mapped_column(String(500), default="", server_default="")
    licensee: Mapped[str] = mapped_column(String(300), default="", server_default="")
    xml_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # Where the licence holds, as confirmed at issue (migration 0024). Kept in the register
    # but not published: for a shop run from home it is a person's address.
    premises: Mapped[str] = mapped_column(String(500), default="", server_default="")
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    revoked_reason: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    # email | counter | drive (services.issuing.delivery); empty until it is sent or handed over.
    delivery_channel: Mapped[str] = mapped_column(String(20), default="", server_default="")
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # Renewal (services.issuing.renewal): the licence this one renews, which is then
    # superseded. A plain id: the column was added in place (migration 0021).
    supersedes_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    superseded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # The last delivery mail bounced (services.issuing.bounces): it is to be sent again, by
    # e-mail or another channel; cleared when it is delivered.
    delivery_failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    delivery_failure: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # system | paper: a paper licence issued before the system, registered by hand
    # (services.issuing.paper) by whom (their name then) and when.
    origin: Mapped[str] = mapped_column(String(10), default="system", server_default="system")
    registered_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    registered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class OutgoingCounter(Base):
    """The outgoing register's running number per Buddhist Era year (ทะเบียนหนังสือส่ง)."""

    __tablename__ = "outgoing_counter"

    be_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class TrackingCounter(Base):
    """Per-station, per-Buddhist-Era-year sequence behind tracking numbers."""

    __tablename__ = "tracking_counter"

    station_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    be_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)
