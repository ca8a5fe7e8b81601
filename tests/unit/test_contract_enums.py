"""The contract's vocabularies are StrEnums: the stored values and JSON stay the same strings."""

from __future__ import annotations

import json

import pytest

from services.api import ApplicationStatus, Channel, IdentityCheckKind, SlaState, Verdict
from services.kernel.statuses import STATUSES, TRANSITIONS

STORED = {
    ApplicationStatus: {
        "unclassified", "received", "in_review", "waiting_applicant", "payment_due",
        "payment_to_verify", "ready_for_approval", "approved", "issued", "delivered",
        "rejected", "withdrawn",
    },
    Channel: {"email", "drive", "counter", "produced"},
    Verdict: {"accepted", "rejected", "not_applicable"},
    IdentityCheckKind: {
        "id_document_genuine", "face_to_face", "photo_consistent", "callback",
        "juristic_certificate", "juristic_signatory", "poa_stamp_duty", "poa_grantor_call",
        "poa_grantor_authority",
    },
    SlaState: {"on_track", "at_risk", "overdue", "paused", "closed"},
}  # fmt: skip


@pytest.mark.parametrize("enum", list(STORED), ids=lambda e: e.__name__)
def test_values_are_the_stored_strings(enum: type) -> None:
    assert {m.value for m in enum} == STORED[enum]  # type: ignore[attr-defined]
    for member in enum:  # type: ignore[attr-defined]
        assert member == member.value and json.dumps(member) == f'"{member.value}"'
        assert enum(member.value) is member


def test_the_status_table_covers_every_status() -> None:
    assert set(STATUSES) == set(ApplicationStatus)
    assert all(type(s.code) is ApplicationStatus for s in STATUSES.values())
    # A stored plain string finds the same entry as the member.
    assert STATUSES["in_review"] is STATUSES[ApplicationStatus.IN_REVIEW]
    assert {code for pair in TRANSITIONS for code in pair} <= set(ApplicationStatus)


def test_must_checks_are_the_clauses_the_guidelines_say_must() -> None:
    # M06 genuine ID, M29 face to face at IAL3, M07 the company's certificate and signatories,
    # M14 stamp duty, M30 the grantor's authority; the rest are SHOULDs.
    assert {k for k in IdentityCheckKind if k.must_accept} == {
        IdentityCheckKind.ID_DOCUMENT_GENUINE,
        IdentityCheckKind.FACE_TO_FACE,
        IdentityCheckKind.JURISTIC_CERTIFICATE,
        IdentityCheckKind.JURISTIC_SIGNATORY,
        IdentityCheckKind.POA_STAMP_DUTY,
        IdentityCheckKind.POA_GRANTOR_AUTHORITY,
    }
    assert {k for k in IdentityCheckKind if k.for_delegation} == {
        IdentityCheckKind.POA_STAMP_DUTY,
        IdentityCheckKind.POA_GRANTOR_CALL,
        IdentityCheckKind.POA_GRANTOR_AUTHORITY,
    }
