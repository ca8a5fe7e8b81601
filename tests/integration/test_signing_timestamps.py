"""Time-stamps and long-term validation with a real RFC 3161 TSA (``openssl ts -reply`` on
127.0.0.1, tests/peers/tsa.py) and a real SoftHSM2 token.

Online, each type-2/3 signature carries the TSA's time-stamp; the "add long-term validation"
step embeds the validation data (DSS) and a document time-stamp. Offline with a TSA set, the
batch signs without, says which, and the approver adds the time-stamps once the TSA answers.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from app.cli import main
from models import Approval, Document
from services.api.approval import Approval as ApprovalFacade
from services.api.approval import SigningSettings
from services.kernel.events import verify_chain
from services.produce.sign import load_trust_roots, verify_pdf
from services.produce.sign.errors import TimestampUnavailable
from services.produce.sign.ltv import add_long_term_validation
from tests.integration.test_approval import claimed, reviewed, set_risk, token_choice
from tests.integration.test_review import events, users, ws
from tests.pdf_reading import save_artifact
from tests.peers.softhsm import SoftToken
from tests.peers.tools import require_tool
from tests.peers.tsa import LocalTsa


@pytest.fixture
def stamping(context, softhsm: dict[str, SoftToken], tsa: LocalTsa) -> ApprovalFacade:
    token = softhsm["approver"]
    roots = (token.root_pem, tsa.root_pem)
    return ApprovalFacade(
        context, SigningSettings(pkcs11_module=token.module, trust_roots=roots, tsa_url=tsa.url)
    )


def _memos(context) -> list[bytes]:
    with context.read() as session:
        approvals = session.scalars(select(Approval).order_by(Approval.decided_at)).all()
        return [
            context.store.blobs.get(session.get(Document, a.document_id).blob_sha256)
            for a in approvals
        ]


def test_online_each_signature_is_time_stamped_and_ltv_adds_dss_and_a_document_stamp(
    context, ws, users, stamping, softhsm, tsa, tmp_path, capsys
) -> None:
    set_risk(context, "FOOD-NOTICE", "sensitive")  # type 3
    ids = [reviewed(context, ws, users, hour=h) for h in (9, 10)]
    approver = users["approver"]
    outcome = stamping.approve_batch(
        approver, claimed(stamping, approver, ids), token_choice(softhsm)
    )
    assert outcome.approved == tuple(ids) and outcome.timestamp_pending == ()
    assert tsa.answered == 2
    roots = load_trust_roots([softhsm["approver"].root_pem, tsa.root_pem])
    memo = _memos(context)[0]
    result = verify_pdf(memo, roots)
    stamp = result.signatures[0].timestamp
    assert result.ok and stamp is not None and stamp.ok and stamp.authority == "Test TSA"
    assert not result.validation_data and not result.document_timestamps
    assert stamping.pending_timestamps(approver) == []

    # "Add long-term validation": the chain in the DSS, then a document time-stamp.
    lta = add_long_term_validation(memo, roots, tsa_url=tsa.url)
    later = verify_pdf(lta, roots)
    assert later.ok and later.validation_data and len(later.document_timestamps) == 1
    assert later.signatures[0].intact and later.signatures[0].modification == "LTA_UPDATES"
    path = save_artifact("approval_memo_lta.pdf", lta)
    pdfsig = subprocess.run(
        [require_tool("pdfsig", "poppler-utils"), str(path)], capture_output=True, text=True
    )
    assert "Signature is Valid" in pdfsig.stdout

    # anuyat verify reports both time-stamps and the validation data.
    trust = ["--trust-root", str(softhsm["approver"].root_pem), "--trust-root", str(tsa.root_pem)]
    assert main(["verify", str(path), *trust]) == 0
    out = capsys.readouterr().out
    assert "Signature time-stamp:" in out and "by Test TSA (trusted)" in out
    assert "Document time-stamp:" in out and "Long-term validation data (LTV): yes" in out


def test_offline_the_batch_signs_without_and_the_time_stamps_are_added_later(
    context, ws, users, stamping, softhsm, tsa
) -> None:
    set_risk(context, "FOOD-NOTICE", "advanced")  # type 2 at least
    ids = [reviewed(context, ws, users, hour=h) for h in (9, 10)]
    approver = users["approver"]
    tsa.stop()  # the link is down
    outcome = stamping.approve_batch(
        approver, claimed(stamping, approver, ids), token_choice(softhsm)
    )
    assert outcome.approved == tuple(ids) and outcome.stopped is None
    assert outcome.timestamp_pending == tuple(ids)  # signed, and said to be without
    roots = load_trust_roots([softhsm["approver"].root_pem, tsa.root_pem])
    for memo in _memos(context):
        result = verify_pdf(memo, roots)
        assert result.ok and not result.timestamped
    pending = stamping.pending_timestamps(approver)
    assert [p.application_id for p in pending] == ids
    assert [e["timestamp_pending"] for e in events(context, "approval.approved")] == [True, True]

    with pytest.raises(TimestampUnavailable) as still_down:
        stamping.add_timestamps(approver)
    assert "ตราประทับเวลา" in still_down.value.th and "Add timestamps" in still_down.value.en
    assert len(stamping.pending_timestamps(approver)) == 2  # nothing changed

    tsa.start()  # back online
    done = stamping.add_timestamps(approver)
    assert done == [p.tracking_number for p in pending]
    assert stamping.pending_timestamps(approver) == []
    assert stamping.add_timestamps(approver) == []  # nothing left: nothing twice
    for memo in _memos(context):
        result = verify_pdf(memo, roots)
        assert result.ok and result.timestamped and result.validation_data
        assert result.document_timestamps[0].authority == "Test TSA"
    added = events(context, "approval.timestamp_added")
    assert len(added) == 2 and all(e["from_document"] != e["document"] for e in added)
    with context.read() as session:
        assert verify_chain(session).ok
    # The verification the approval page shows now names the time-stamp.
    with context.read() as session:
        document_id = session.scalars(select(Approval.document_id)).first()
    status = stamping.verify_document(approver, document_id)
    assert status.ok and any("Document time-stamp" in line for line in status.lines_en)
