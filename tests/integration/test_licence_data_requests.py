"""Requests for a licence's data (M21), on a real profile: recorded against the register by
number or code, due three business days later by the agency's calendar, on the worklist of
those who send documents until answered — by e-mail with the XML and the signed PDF through
the outbox, or handed over at the counter."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review and test_approval)
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from models import Event, IssuedDocument, OutboxMessage
from services.api.issuing import Issuing
from services.kernel.errors import InvalidInput, NotFound, PermissionDenied
from services.worklist.views import AlertKind
from tests.integration.test_approval import signing
from tests.integration.test_issuing import approved, record_choice
from tests.integration.test_review import users, ws


def test_a_data_request_is_due_in_three_business_days_and_answered_with_xml_and_pdf(
    context, ws, users, signing
) -> None:
    app_id = approved(context, ws, users, signing, record_choice(), hour=10)
    issuing = Issuing(context, signing.settings)
    issued = issuing.issue(users["approver"], app_id, record_choice())
    with pytest.raises(PermissionDenied):
        issuing.record_data_request(users["finance"], issued.number, "ธนาคารออมสิน")
    with pytest.raises(InvalidInput, match="Name who asks"):
        issuing.record_data_request(users["intake"], issued.number, "  ")
    with pytest.raises(NotFound, match="check the number or code"):
        issuing.record_data_request(users["intake"], "999/2569", "ธนาคารออมสิน")
    with pytest.raises(InvalidInput):
        issuing.record_data_request(users["intake"], issued.number, "ธนาคาร", "not-an-address")
    code = issued.verification_code.lower().replace("-", "")
    issuing.record_data_request(users["intake"], code, "ธนาคารออมสิน สาขานครปฐม",
                                "loans@gsb.example.co.th")  # fmt: skip
    issuing.record_data_request(users["reviewer"], issued.number, "สำนักงานเขตบางรัก")

    rows = issuing.data_requests(users["intake"])
    assert [r.requester for r in rows] == ["ธนาคารออมสิน สาขานครปฐม", "สำนักงานเขตบางรัก"]
    first = rows[0]
    assert first.number == issued.number and first.answered_at is None
    # Three business days by the agency's calendar, counted from when it was received.
    calendar = context.calendar
    received = calendar.deemed_received_at(first.received_at)
    assert calendar.business_time_between(received, first.due_at) == calendar.day_length * 3
    assert 2.0 < first.business_days_left <= 3.0
    # On the worklist of those who deliver; not on the approver's.
    alerts = ws.worklist.alerts(users["intake"])
    due = [a for a in alerts.items if a.kind == AlertKind.LICENCE_DATA_DUE]
    assert [a.tracking_number for a in due] == [issued.number, issued.number]
    assert due[0].application_id == app_id
    approver_alerts = ws.worklist.alerts(users["approver"]).items
    assert not [a for a in approver_alerts if a.kind == AlertKind.LICENCE_DATA_DUE]

    # Answered by e-mail: the signed PDF and its XML, through the outbox.
    assert issuing.answer_data_request(users["intake"], first.request_id) == "email"
    with pytest.raises(InvalidInput, match="already been answered"):
        issuing.answer_data_request(users["reviewer"], first.request_id)
    with context.read() as session:
        letter = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "licence_data")
        ).one()
        entry = session.get(IssuedDocument, issued.issued_id)
        events = [e.type for e in session.scalars(select(Event).order_by(Event.seq))]
    assert letter.to_addr == "loans@gsb.example.co.th" and issued.number in letter.subject
    names = {a["filename"]: a["sha256"] for a in letter.attachments}
    assert names[issued.file_name] == entry.blob_sha256
    xml = context.store.blobs.get(names["licence.xml"])
    assert hashlib.sha256(xml).hexdigest() == entry.xml_sha256  # the registered data itself
    # The other, without an address, is handed over at the counter.
    assert issuing.answer_data_request(users["reviewer"], rows[1].request_id) == "counter"
    assert events.count("licence.data_requested") == 2 and events[-1] == "licence.data_sent"
    assert all(r.answered_at is not None for r in issuing.data_requests(users["intake"]))
    still = ws.worklist.alerts(users["intake"]).items
    assert not [a for a in still if a.kind == AlertKind.LICENCE_DATA_DUE]
