"""Approval on a real encrypted profile with a real SoftHSM2 token (tests/peers/softhsm.py).

Reviewed requests reach the approver first come, first served; the summary says what was
checked; approving draws the Thai decision memo, signs it (type 1 record, or PAdES on the
token), validates it at once, and stores memo, record, status, event and letter together.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import json
import logging
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.sign.pkcs11 import PKCS11Signer
from sqlalchemy import select

from models import Application, Approval, Document, Event, OutboxMessage, ServiceType
from services.api.approval import Approval as ApprovalFacade
from services.api.approval import SigningChoice, SigningSettings
from services.approval import BatchItem
from services.kernel.errors import PermissionDenied
from services.produce.pdf.flow import Flow
from services.produce.sign import (
    CertificateUnusable,
    Pin,
    PinIncorrect,
    SignatureTooWeak,
    SigningFailed,
    TokenMissing,
    TokenModuleUnusable,
    TokenSession,
    load_trust_roots,
    sign_pdf,
    verify_pdf,
)
from services.produce.sign.token import _LIBRARIES, pin_state, reset_library
from tests.catalog_changes import change_service
from tests.conftest import STAFF_PASSWORD, profile_logs
from tests.integration.test_review import accept_all, submit, users, ws
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact
from tests.peers.softhsm import SoftToken
from tests.peers.tools import require_tool


def reviewed(context, ws, users, *, hour: int, service: str = "FOOD-NOTICE") -> str:
    app_id = submit(context, hour=hour, service=service, email=f"a{hour}@example.co.th")
    reviewer = users["reviewer"]
    accept_all(ws, reviewer, app_id)
    assert ws.review.mark_reviewed(reviewer, app_id, "ตรวจแล้ว ภายในเท่านั้น") == "ready_for_approval"
    return app_id


def memo_like_pdf() -> bytes:
    flow = Flow("test")
    flow.text("บันทึกการพิจารณาอนุมัติคำขอ")
    return flow.finish()


def set_risk(context, code: str, risk: str) -> None:
    """A catalog version with this risk: requests received from now on are held to it."""
    change_service(context, code, risk_level=risk)


@pytest.fixture
def signing(context, softhsm: dict[str, SoftToken]) -> ApprovalFacade:
    token = softhsm["approver"]
    return ApprovalFacade(
        context, SigningSettings(pkcs11_module=token.module, trust_roots=(token.root_pem,))
    )


def token_choice(
    softhsm: dict[str, SoftToken], key_id: bytes = b"\x01", pin: str = ""
) -> SigningChoice:
    token = softhsm["approver"]
    return SigningChoice("token", token.label, key_id, secret=Pin(pin or token.pin))


def claimed(signing: ApprovalFacade, user, ids: list[str]) -> list[BatchItem]:
    items = []
    for app_id in ids:
        summary = signing.open_approval(user, app_id, "ทดสอบ")
        assert summary.detail.claimed_by_me
        items.append(BatchItem(app_id, summary.default_conditions))
    return items


def test_reviewed_requests_reach_the_approver_first_come_with_what_was_checked(
    context,
    ws,
    users,
    signing,
) -> None:
    newer = reviewed(context, ws, users, hour=11)
    older = reviewed(context, ws, users, hour=9)
    approver = users["approver"]
    assert [r.id for r in signing.queue(approver)] == [older, newer]
    row = signing.take_next_approval(approver)
    assert row is not None and row.id == older  # first come, first served, and claimed
    summary = signing.open_approval(approver, older)
    assert summary.detail.claimed_by_me and summary.reviewed_by == "นายตรวจ ละเอียด"
    assert summary.review_note == "ตรวจแล้ว ภายในเท่านั้น"
    assert summary.min_signature_type == 1
    assert summary.criteria_th.startswith("เป็นสถานที่จำหน่ายอาหาร")
    assert summary.default_conditions and "หนังสือรับรองการแจ้ง" in summary.default_conditions[0]
    item = summary.detail.checklist[0]
    assert item.verdict == "accepted" and item.page == 1 and item.document_id
    assert summary.detail.identity_checks[0].kind == "id_document_genuine"
    assert summary.payment_th and summary.decision is None
    with pytest.raises(PermissionDenied):
        signing.take_next_approval(users["reviewer"])


def test_a_batch_refused_before_the_token_opens_forgets_the_pin(
    context, ws, users, signing, softhsm
) -> None:
    """Roles are read again at the batch: one refused there never reaches the token, and
    the PIN it was handed is emptied all the same, whoever called."""
    app_id = reviewed(context, ws, users, hour=9)
    items = claimed(signing, users["approver"], [app_id])
    choice = token_choice(softhsm)
    assert choice.secret  # the PIN is in hand before the call
    with pytest.raises(PermissionDenied):
        signing.approve_batch(users["reviewer"], items, choice)
    assert not choice.secret


def test_type1_approval_needs_the_password_and_stores_record_memo_and_letter(
    context,
    ws,
    users,
    signing,
    tmp_path,
) -> None:
    app_id = reviewed(context, ws, users, hour=9)
    approver = users["approver"]
    items = [BatchItem(app_id, ("แสดงหนังสือรับรองไว้ในที่เปิดเผย", "  ", "ห้ามวางของบนทางเท้า"))]
    signing.open_approval(approver, app_id)
    with pytest.raises(PermissionDenied, match="Wrong password"):
        signing.approve_batch(approver, items, SigningChoice("record", secret=Pin("nope")))
    outcome = signing.approve_batch(
        approver, items, SigningChoice("record", secret=Pin(STAFF_PASSWORD))
    )
    assert outcome.approved == (app_id,) and outcome.stopped is None
    with context.read() as session:
        app = session.get(Application, app_id)
        approval = session.scalars(select(Approval)).one()
        memo = session.get(Document, approval.document_id)
        letter = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "result")).one()
        event = session.scalars(select(Event).where(Event.type == "approval.approved")).one()
        data = context.store.blobs.get(memo.blob_sha256)
    # FOOD-NOTICE's fee is paid before issue: approval makes it due (tests/integration/test_fees.py)
    assert app.status == "payment_due" and approval.signature_type == 1
    assert approval.conditions == ["แสดงหนังสือรับรองไว้ในที่เปิดเผย", "ห้ามวางของบนทางเท้า"]
    assert json.loads(event.payload)["document_sha256"] == memo.blob_sha256
    # The applicant's letter: the approver's name and position, the conditions; from the
    # agency's address (the outbox sends it from there); no officer's note in it.
    assert letter.to_addr == "a9@example.co.th"
    assert "นายอนุมัติ รอบคอบ" in letter.body_text and "ห้ามวางของบนทางเท้า" in letter.body_text
    assert "ภายในเท่านั้น" not in letter.body_text and "ภายในเท่านั้น" not in letter.subject
    # The memo: Thai right and extractable, with the stamp.
    path = save_artifact("approval_memo_type1.pdf", data)
    expected = ["บันทึกการพิจารณาอนุมัติคำขอ", "นายอนุมัติ รอบคอบ", "ห้ามวางของบนทางเท้า",
                "ลายมือชื่ออิเล็กทรอนิกส์ แบบที่ 1"]  # fmt: skip
    text = " ".join(pypdf_pages(data))
    layout = " ".join(pdftotext_pages(path))
    for phrase in expected:
        assert folded(phrase) in text and folded(phrase) in layout, phrase
    assert app.tracking_number in text and len(pypdf_pages(data)) <= 2


def test_batch_of_three_signed_on_the_token_with_one_pin_validates(
    context,
    ws,
    users,
    signing,
    softhsm,
) -> None:
    set_risk(context, "FOOD-NOTICE", "sensitive")  # type 3 needed
    ids = [reviewed(context, ws, users, hour=h) for h in (9, 10, 11)]
    approver = users["approver"]
    items = claimed(signing, approver, ids)
    seen: list[tuple[int, int, str]] = []
    outcome = signing.approve_batch(
        approver, items, token_choice(softhsm), progress=lambda d, t, n: seen.append((d, t, n))
    )
    assert outcome.approved == tuple(ids) and not outcome.failed and outcome.stopped is None
    assert [(d, t) for d, t, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    roots = load_trust_roots([softhsm["approver"].root_pem])
    with context.read() as session:
        approvals = session.scalars(select(Approval)).all()
        blobs = [
            context.store.blobs.get(session.get(Document, a.document_id).blob_sha256)
            for a in approvals
        ]
    assert {a.signature_type for a in approvals} == {3}
    assert {a.certificate_subject for a in approvals} == {"นายอนุมัติ รอบคอบ"}
    for data in blobs:
        result = verify_pdf(data, roots)
        assert result.ok and result.signatures[0].covers_whole_file
    path = save_artifact("approval_memo_signed.pdf", blobs[0])
    pdfsig = subprocess.run(
        [require_tool("pdfsig", "poppler-utils"), str(path)], capture_output=True, text=True
    )
    assert "Signature is Valid" in pdfsig.stdout
    assert "ETSI.CAdES.detached" in pdfsig.stdout  # PAdES
    assert "แบบที่ 3" in " ".join(pypdf_pages(blobs[0]))
    status = signing.verify_document(approver, approvals[0].document_id)
    assert status.ok and any("นายอนุมัติ รอบคอบ" in line for line in status.lines_th)


def _p12(tmp_path: Path, password: str) -> Path:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PKCS12 Approver")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(7)
        .not_valid_before(now - timedelta(days=400)).not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    path = tmp_path / "approver.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"a", key, cert, None, serialization.BestAvailableEncryption(password.encode())
        )
    )
    return path


def test_a_type3_service_refuses_a_pkcs12_file_and_a_self_signed_token_key(
    context,
    ws,
    users,
    softhsm,
    tmp_path,
) -> None:
    set_risk(context, "FOOD-NOTICE", "sensitive")
    token = softhsm["approver"]
    facade = ApprovalFacade(
        context,
        SigningSettings(token.module, (token.root_pem,), allow_pkcs12=True),
    )
    app_id = reviewed(context, ws, users, hour=9)
    approver = users["approver"]
    items = claimed(facade, approver, [app_id])
    p12 = _p12(tmp_path, "p12-pass")
    with pytest.raises(SignatureTooWeak) as weak:
        facade.approve_batch(
            approver, items, SigningChoice("pkcs12", pkcs12_path=str(p12), secret=Pin("p12-pass"))
        )
    assert "PKCS#12" in weak.value.en and "type 3" in weak.value.en and "PKCS#12" in weak.value.th
    with pytest.raises(SignatureTooWeak, match="self-signed"):
        facade.approve_batch(approver, items, token_choice(softhsm, b"\x03"))
    # Where the agency does not allow PKCS#12 files at all, it says so.
    plain = ApprovalFacade(context, SigningSettings(token.module, (token.root_pem,)))
    with pytest.raises(PermissionDenied, match="PKCS#12"):
        plain.approve_batch(
            approver, items, SigningChoice("pkcs12", pkcs12_path=str(p12), secret=Pin("x"))
        )
    with context.read() as session:
        assert session.get(Application, app_id).status == "ready_for_approval"
        assert session.scalars(select(Approval)).first() is None


def test_certificates_that_cannot_sign_are_refused_with_what_to_do(
    context,
    ws,
    users,
    signing,
    softhsm,
) -> None:
    app_id = reviewed(context, ws, users, hour=9)
    approver = users["approver"]
    items = claimed(signing, approver, [app_id])
    with pytest.raises(CertificateUnusable, match="not for signing"):
        signing.approve_batch(approver, items, token_choice(softhsm, b"\x02"))
    expired = softhsm["expired"]
    choice = SigningChoice("token", expired.label, b"\x04", secret=Pin(expired.pin))
    with pytest.raises(CertificateUnusable, match="expired") as late:
        signing.approve_batch(approver, items, choice)
    assert "หมดอายุ" in late.value.th
    with pytest.raises(TokenMissing):
        signing.approve_batch(
            approver, items, SigningChoice("token", "no-such-token", secret=Pin("1"))
        )
    broken = ApprovalFacade(context, SigningSettings("/nowhere/libnothing.so"))
    with pytest.raises(TokenModuleUnusable, match="pkcs11_module"):
        broken.approve_batch(approver, items, token_choice(softhsm))
    with context.read() as session:
        assert session.get(Application, app_id).status == "ready_for_approval"


def test_a_wrong_pin_signs_nothing_and_no_pin_is_kept_anywhere(
    context,
    ws,
    users,
    signing,
    softhsm,
    data_dir,
    caplog,
) -> None:
    caplog.set_level(logging.DEBUG)  # every record any logger writes, pyHanko's too
    app_id = reviewed(context, ws, users, hour=9)
    approver = users["approver"]
    items = claimed(signing, approver, [app_id])
    wrong = "975319"
    with pytest.raises(PinIncorrect) as refused:
        signing.approve_batch(approver, items, token_choice(softhsm, pin=wrong))
    assert "PIN" in refused.value.en and "nothing was signed" in refused.value.en
    # SoftHSM2 flags CKF_USER_PIN_COUNT_LOW after a wrong PIN: the message passes it on.
    assert refused.value.tries_hint == "low" and "Few tries are left" in refused.value.en
    outcome = signing.approve_batch(approver, items, token_choice(softhsm))
    assert outcome.approved == (app_id,)
    pin = softhsm["approver"].pin
    with context.read() as session:
        events = " ".join(e.payload for e in session.scalars(select(Event)))
        rows = " ".join(
            json.dumps([a.certificate_subject, a.conditions, a.reason])
            for a in session.scalars(select(Approval))
        )
    assert caplog.records  # the signing did log (token opened, batch), so this is not vacuous
    for secret in (pin, wrong):
        assert secret not in events and secret not in rows
        assert secret not in caplog.text
        for log in profile_logs(data_dir):
            assert secret not in log.read_text(encoding="utf-8", errors="replace")
    repr_choice = repr(token_choice(softhsm))
    assert pin not in repr_choice and "Pin(****)" in repr_choice


def test_a_token_pulled_mid_batch_leaves_nothing_half_signed(
    context,
    ws,
    users,
    signing,
    softhsm,
) -> None:
    ids = [reviewed(context, ws, users, hour=h) for h in (9, 10, 11)]
    approver = users["approver"]
    items = claimed(signing, approver, ids)
    module = softhsm["approver"].module

    def pull_after_first(done: int, total: int, tracking: str) -> None:
        if done == 1:
            _LIBRARIES[module].finalize()  # the library loses every session, as when pulled

    try:
        outcome = signing.approve_batch(
            approver, items, token_choice(softhsm), progress=pull_after_first
        )
    finally:
        reset_library(module)
    assert outcome.approved == (ids[0],)
    assert outcome.stopped is not None and outcome.stopped.code == "token_removed"
    assert "ถอด" in outcome.stopped.th and outcome.remaining == tuple(ids[1:])
    with context.read() as session:
        statuses = [session.get(Application, i).status for i in ids]
        approvals = session.scalars(select(Approval)).all()
        produced = session.scalars(
            select(Document).where(
                Document.origin == "produced", Document.filename.like("approval_%")
            )
        ).all()
    # the first is approved, and its fee (paid before issue) is due
    assert statuses == ["payment_due", "ready_for_approval", "ready_for_approval"]
    assert [a.application_id for a in approvals] == [ids[0]] and len(produced) == 1
    # With the token back, the rest signs.
    again = signing.approve_batch(approver, items[1:], token_choice(softhsm))
    assert again.approved == tuple(ids[1:])


def test_refusing_and_sending_back(context, ws, users, signing) -> None:
    refused = reviewed(context, ws, users, hour=9)
    returned = reviewed(context, ws, users, hour=10)
    approver = users["approver"]
    signing.open_approval(approver, refused)
    signing.refuse(approver, refused, "สถานที่ตั้งอยู่ในเขตห้ามจำหน่ายอาหาร")
    signing.open_approval(approver, returned)
    signing.send_back_to_review(approver, returned, "โปรดตรวจแผนที่อีกครั้ง")
    with context.read() as session:
        assert session.get(Application, refused).status == "rejected"
        assert session.get(Application, returned).status == "in_review"
        record = session.scalars(select(Approval)).one()
        letter = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "result")).one()
    assert record.decision == "rejected" and record.application_id == refused
    assert "สถานที่ตั้งอยู่ในเขตห้ามจำหน่ายอาหาร" in letter.body_text
    assert "โปรดตรวจแผนที่" not in letter.body_text


def test_the_token_flags_say_how_many_tries_are_left() -> None:
    from pkcs11 import TokenFlag

    assert pin_state(int(TokenFlag.USER_PIN_INITIALIZED)) == "ok"
    assert pin_state(int(TokenFlag.USER_PIN_COUNT_LOW)) == "low"
    assert pin_state(int(TokenFlag.USER_PIN_FINAL_TRY | TokenFlag.USER_PIN_COUNT_LOW)) == "final"
    assert pin_state(int(TokenFlag.USER_PIN_LOCKED)) == "locked"
    assert "One try is left" in PinIncorrect("final").en


def test_cancel_stops_after_the_request_being_signed(context, ws, users, signing, softhsm) -> None:
    ids = [reviewed(context, ws, users, hour=h) for h in (9, 10, 11)]
    approver = users["approver"]
    items = claimed(signing, approver, ids)
    done: list[int] = []
    outcome = signing.approve_batch(
        approver,
        items,
        token_choice(softhsm),
        progress=lambda d, t, n: done.append(d),
        cancelled=lambda: len(done) >= 1,  # the officer pressed Cancel during the first
    )
    assert outcome.cancelled and outcome.approved == (ids[0],)
    assert outcome.remaining == tuple(ids[1:])
    with context.read() as session:
        assert [session.get(Application, i).status for i in ids] == [
            "payment_due",  # approved; its fee, paid before issue, is now due
            "ready_for_approval",
            "ready_for_approval",
        ]


def test_a_key_that_wants_the_pin_at_every_signature_signs_a_batch(
    context, ws, users, signing, softhsm
) -> None:
    set_risk(context, "FOOD-NOTICE", "sensitive")
    ids = [reviewed(context, ws, users, hour=h) for h in (9, 10)]
    approver = users["approver"]
    items = claimed(signing, approver, ids)
    token = softhsm["reauth"]
    # The token does enforce it: the key refuses a signature without the PIN given again.
    session = TokenSession(token.module, token.label, Pin(token.pin))
    try:
        cert = session.certificates()[0]
        assert session.signing_pin(cert.key_id) is not None
        plain = PKCS11Signer(session.session, key_id=cert.key_id, cert_id=cert.key_id,
                             signing_cert=asn1_x509.Certificate.load(cert.der),
                             other_certs_to_pull=None)  # fmt: skip
        with pytest.raises(SigningFailed):
            sign_pdf(memo_like_pdf(), plain, field_name="A", reason="r", location="l")
    finally:
        session.close()
    choice = SigningChoice("token", token.label, b"\x05", secret=Pin(token.pin))
    outcome = signing.approve_batch(approver, items, choice)
    assert outcome.approved == tuple(ids) and outcome.stopped is None
    roots = load_trust_roots([token.root_pem])
    with context.read() as session:
        for approval in session.scalars(select(Approval)):
            data = context.store.blobs.get(session.get(Document, approval.document_id).blob_sha256)
            assert verify_pdf(data, roots).ok and approval.signature_type == 3
