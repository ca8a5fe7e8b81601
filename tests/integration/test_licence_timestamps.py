"""Licences time-stamped at issue, with a real RFC 3161 TSA (``openssl ts -reply`` on
127.0.0.1, tests/peers/tsa.py) and a real SoftHSM2 token.

Online, the licence's signature carries the TSA's time-stamp. Offline, the licence is issued
without, the officer is told, and the licence waits for "Add timestamps": the same step as the
approval memos (services/produce/sign/later.py) adds the DSS and a document time-stamp, points
the register entry at the stamped file, and the licence stays PDF/A-3b and checks valid.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review and test_approval)
from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from app.cli import main
from models import Document, IssuedDocument
from services.api.approval import SigningSettings
from services.api.issuing import Issuing
from services.kernel.events import verify_chain
from services.produce.sign import load_trust_roots, verify_pdf
from services.produce.sign.errors import TimestampUnavailable
from tests.integration.test_approval import set_risk, signing, token_choice
from tests.integration.test_issuing import approved
from tests.integration.test_licence_checking import assert_pdfa_3b
from tests.integration.test_review import events, users, ws
from tests.pdf_reading import save_artifact
from tests.peers.softhsm import SoftToken
from tests.peers.tools import require_tool
from tests.peers.tsa import LocalTsa

BASE = "https://nongphai.go.th/verify"


@pytest.fixture
def stamping(context, softhsm: dict[str, SoftToken], tsa: LocalTsa) -> Issuing:
    token = softhsm["approver"]
    settings = SigningSettings(
        pkcs11_module=token.module, trust_roots=(token.root_pem, tsa.root_pem), tsa_url=tsa.url
    )
    return Issuing(context, settings, verify_base=BASE)


def _licence(context, issued_id: str) -> bytes:
    with context.read() as session:
        entry = session.get(IssuedDocument, issued_id)
        return context.store.blobs.get(entry.blob_sha256)


def test_online_the_licence_signature_is_time_stamped_at_issue(
    context, ws, users, signing, stamping, softhsm, tsa, tmp_path, capsys
) -> None:
    set_risk(context, "FOOD-NOTICE", "advanced")  # type 2 at least
    app_id = approved(context, ws, users, signing, token_choice(softhsm))
    issued = stamping.issue(users["approver"], app_id, token_choice(softhsm))
    assert not issued.timestamp_pending and tsa.answered == 1
    roots = load_trust_roots([softhsm["approver"].root_pem, tsa.root_pem])
    pdf = _licence(context, issued.issued_id)
    result = verify_pdf(pdf, roots)
    stamp = result.signatures[0].timestamp
    assert result.ok and stamp is not None and stamp.ok and stamp.authority == "Test TSA"
    assert stamping.pending_licence_timestamps(users["approver"]) == []
    assert_pdfa_3b(pdf, issued.number)
    (event,) = events(context, "licence.issued")
    assert event["timestamp_pending"] is False

    # `anuyat licences check FILE` names the time-stamp beside the register's answer.
    path = tmp_path / issued.file_name
    path.write_bytes(pdf)
    check = stamping.check_file(users["intake"], path)
    assert check.ok
    assert any(en.startswith("Signature time-stamp:") and "Test TSA" in en
               for _, en in check.lines())  # fmt: skip


def test_offline_the_licence_is_issued_without_and_stamped_later_still_pdfa(
    context, ws, users, signing, stamping, softhsm, tsa, tmp_path
) -> None:
    set_risk(context, "FOOD-NOTICE", "advanced")
    app_id = approved(context, ws, users, signing, token_choice(softhsm))
    approver = users["approver"]
    tsa.stop()  # the link is down
    issued = stamping.issue(approver, app_id, token_choice(softhsm))
    assert issued.timestamp_pending  # issued, and said to be without
    roots = load_trust_roots([softhsm["approver"].root_pem, tsa.root_pem])
    signed = _licence(context, issued.issued_id)
    first = verify_pdf(signed, roots)
    assert first.ok and not first.timestamped
    (pending,) = stamping.pending_licence_timestamps(approver)
    assert pending.issued_id == issued.issued_id and pending.number == issued.number
    assert events(context, "licence.issued")[0]["timestamp_pending"] is True

    with pytest.raises(TimestampUnavailable) as still_down:
        stamping.add_licence_timestamps(approver)
    assert "ตราประทับเวลา" in still_down.value.th
    assert len(stamping.pending_licence_timestamps(approver)) == 1  # nothing changed
    # Only those who issue licences add their time-stamps.
    from services.kernel.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        stamping.add_licence_timestamps(users["intake"])

    tsa.start()  # back online
    assert stamping.add_licence_timestamps(approver) == [issued.number]
    assert stamping.pending_licence_timestamps(approver) == []
    assert stamping.add_licence_timestamps(approver) == []  # nothing left: nothing twice
    stamped = _licence(context, issued.issued_id)
    assert stamped != signed and stamped.startswith(signed[:1024])
    result = verify_pdf(stamped, roots)
    assert result.ok and result.timestamped and result.validation_data
    assert result.document_timestamps[0].authority == "Test TSA"
    assert result.signatures[0].modification == "LTA_UPDATES"
    assert_pdfa_3b(stamped, issued.number)  # still PDF/A-3b after the incremental updates
    path = save_artifact("licence_timestamped_later.pdf", stamped)
    pdfsig = subprocess.run(
        [require_tool("pdfsig", "poppler-utils"), str(path)], capture_output=True, text=True
    )
    assert "Signature is Valid" in pdfsig.stdout
    (added,) = events(context, "licence.timestamp_added")
    assert added["issued_document"] == issued.issued_id
    assert added["from_document"] != added["document"]
    with context.read() as session:
        assert verify_chain(session).ok
        flags = session.scalars(select(Document.flags).where(Document.id == added["document"]))
        assert "timestamp_pending" not in (flags.one() or [])
    # The stamped file is still the registered licence: its data matches, and it checks valid.
    check = stamping.check_file(users["intake"], path)
    assert check.ok and check.data_matches is True
    assert any(en.startswith("Document time-stamp:") for _, en in check.lines())
