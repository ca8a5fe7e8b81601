"""Finance officers in several real processes at the same moment, on one profile (the
encrypted SQLite file, or with ANUYAT_TEST_DB=postgres an agency server): one payment
verified by three at once takes one receipt number; one refund owed recorded paid back by
three at once is recorded once; one slip in the finance inbox attached
by three at once becomes one document and one payment's evidence. The losers are told, in
Thai and English, that someone decided first; the event chain stays whole."""

# ruff: noqa: F401, F811  (the shared_profile fixture comes from test_concurrency)
from __future__ import annotations

from sqlalchemy import select

from models import Document, Event, FeeInboxItem, Payment, User, UserRole
from services.api.ports import build_ports
from services.intake.pipeline import ingest
from services.kernel.clock import BANGKOK
from tests.conftest import STAFF_PASSWORD
from tests.integration.racing import NOW, SharedProfile
from tests.integration.test_concurrency import assert_chain_intact, shared_profile
from tests.integration.test_fee_inbox import slip_mail
from tests.integration.test_fee_slips import encoded, slip_image
from tests.integration.test_fees import reviewed_with_fee, with_account

OFFICERS = ("finance", "finance2", "finance3")

DECIDE = """
from services.api.ports import build_ports
from services.kernel.errors import InvalidInput

ws = build_ports(ctx)
user = ws.shell.sign_in(ARGS["username"], ARGS["password"])
start_together()
try:
    if ARGS["what"] == "verify":
        report(ws.fees.verify(user, ARGS["id"]))
    elif ARGS["what"] == "refund":
        from datetime import date

        ws.fees.mark_refunded(user, ARGS["id"], "transfer", ARGS["reference"],
                              date.fromisoformat(ARGS["day"]))  # fmt: skip
        report("refunded")
    else:
        report(ws.fees.attach_slip(user, ARGS["id"], ARGS["reference"]))
except InvalidInput as exc:
    report("refused: " + exc.en)
"""


def _staff(ctx) -> dict:
    """Two more finance officers (the same password, hashed once) and the signed-in users."""
    with ctx.store.sessions() as session, session.begin():
        model = session.scalars(select(User).where(User.username == "finance")).one()
        for name in OFFICERS[1:]:
            session.add(
                User(username=name, display_name=f"การเงิน {name[-1]}",
                     password_hash=model.password_hash, created_at=NOW,
                     roles=[UserRole(role="finance")])
            )  # fmt: skip
    ws = build_ports(ctx)
    users = {n: ws.shell.sign_in(n, STAFF_PASSWORD) for n in ("intake", "reviewer", "finance")}
    return {"ws": ws, "users": users}


def _race(
    shared_profile: SharedProfile, what: str, id_: str, reference: str = "", day: str = ""
) -> list[str]:
    return shared_profile.race(
        DECIDE,
        [{"username": u, "password": STAFF_PASSWORD, "what": what, "id": id_,
          "reference": f"{reference}{i}" if what == "refund" else reference, "day": day}
         for i, u in enumerate(OFFICERS)],
    )  # fmt: skip


def test_one_payment_verified_by_three_officers_at_once_takes_one_receipt(
    shared_profile: SharedProfile,
) -> None:
    with shared_profile.opened() as ctx:
        staff = _staff(ctx)
        with_account(ctx)
        reviewed_with_fee(ctx, staff["ws"], staff["users"])
        with ctx.read() as session:
            payment_id = session.scalars(select(Payment.id)).one()
    results = _race(shared_profile, "verify", payment_id)
    receipts = [r for r in results if not r.startswith("refused: ")]
    assert receipts == ["2570/000001"], results
    assert all("already decided" in r for r in results if r.startswith("refused: "))
    with shared_profile.opened() as ctx:
        with ctx.read() as session:
            payment = session.get(Payment, payment_id)
            verified = session.scalars(select(Event.id).where(Event.type == "fees.verified")).all()
            receipt_files = session.scalars(
                select(Document.id).where(Document.filename.like("receipt_%"))
            ).all()
        assert payment.status == "verified" and payment.receipt_number == "2570/000001"
        assert len(verified) == 1 and len(receipt_files) == 1
        assert_chain_intact(ctx)


def test_one_inbox_slip_attached_by_three_officers_at_once_is_evidence_once(
    shared_profile: SharedProfile,
) -> None:
    with shared_profile.opened() as ctx:
        staff = _staff(ctx)
        with_account(ctx)
        app_id = reviewed_with_fee(ctx, staff["ws"], staff["users"])
        slip = encoded(slip_image("014", "SCB2026112400888"), "PNG")
        ingest(ctx, slip_mail("race-1", "accounts@company.example.com", "สลิปโอนเงิน", slip=slip))
        with ctx.read() as session:
            item_id = session.scalars(select(FeeInboxItem.id)).one()
            reference = session.scalars(select(Payment.transaction_id)).one()
    results = _race(shared_profile, "attach", item_id, reference)
    winners = [r for r in results if not r.startswith("refused: ")]
    assert len(winners) == 1, results
    losers = [r for r in results if r.startswith("refused: ")]
    # A loser finds the slip taken, or (having looked first) the payment with its evidence.
    assert all("already dealt with" in r or "already has evidence" in r for r in losers)
    with shared_profile.opened() as ctx:
        with ctx.read() as session:
            item = session.get(FeeInboxItem, item_id)
            payment = session.scalars(select(Payment)).one()
            slips = session.scalars(
                select(Document.id).where(Document.application_id == app_id,
                                          Document.filename.like("slip%"))
            ).all()  # fmt: skip
            attached = session.scalars(
                select(Event.id).where(Event.type == "fees.inbox_attached")
            ).all()
        assert item.status == "attached" and payment.status == "submitted"
        assert slips == [payment.evidence_document_id] and len(attached) == 1
        assert_chain_intact(ctx)


def test_one_refund_recorded_by_three_officers_at_once_is_recorded_once(
    shared_profile: SharedProfile,
) -> None:
    with shared_profile.opened() as ctx:
        staff = _staff(ctx)
        with_account(ctx)
        reviewed_with_fee(ctx, staff["ws"], staff["users"])
        with ctx.read() as session:
            payment_id = session.scalars(select(Payment.id)).one()
        staff["ws"].fees.verify(staff["users"]["finance"], payment_id, "500")
        day = ctx.clock.now().astimezone(BANGKOK).date().isoformat()
    results = _race(shared_profile, "refund", payment_id, "KTB-RACE-", day)
    assert results.count("refunded") == 1, results
    assert all("already recorded" in r for r in results if r != "refunded")
    with shared_profile.opened() as ctx:
        with ctx.read() as session:
            payment = session.get(Payment, payment_id)
            events = session.scalars(select(Event.id).where(Event.type == "fees.refunded")).all()
        assert payment.refund_reference.startswith("KTB-RACE-") and len(events) == 1
        assert_chain_intact(ctx)
