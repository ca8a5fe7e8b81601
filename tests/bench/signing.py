"""``python -m tests.bench.signing``: approval signing figures on a real SoftHSM2 token.

Each figure has its baseline from the same run, on the same machine and the same token:

* bare pyHanko: sign the same one-page memo with the same open token session, N times;
* the signing service (``services.produce.sign``): sign + validate at once, as a batch does;
* the whole batch (``services.approval.approve_batch``): draw the memo, sign, validate, and
  store memo, record, status, event, letter and the held fee notice mail in one transaction
  per request;
* validation alone (pyHanko against the agency's root, offline): as ``anuyat verify`` does
  it, and as the batch does it right after signing (no analysis of later revisions);
* drawing the Thai decision memo alone, the part of the batch that is neither signing nor
  storing;
* the fee payment notices the batch made due, drawn after it (outside the signing loop).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import keyring
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from sqlalchemy import update

from models import Application
from services.access import auth
from services.api.approval import Approval, SigningChoice, SigningSettings
from services.approval import BatchItem
from services.cases.applications import NewApplicant
from services.intake.pipeline import Arrival, ingest
from services.kernel.actors import SYSTEM, Actor
from services.kernel.clock import BANGKOK
from services.produce.sign import Pin, TokenSession, load_trust_roots, sign_pdf, verify_pdf
from services.produce.sign.pdf_signer import SIGNATURE_ROOM, token_signer
from services.review import claim
from tests.bench.__main__ import _profile
from tests.bench.table import Figure, render
from tests.conftest import MemoryKeyring
from tests.peers.softhsm import provision


def _requests(context, n: int) -> list[str]:
    from datetime import UTC, datetime, timedelta

    ids = []
    start = datetime(2026, 11, 2, 9, tzinfo=BANGKOK)
    for i in range(n):
        outcome = ingest(
            context,
            Arrival(
                channel="counter", source_key=f"bench-sign-{i}",
                received_at=(start + timedelta(minutes=i)).astimezone(UTC),
                subject="ขอหนังสือรับรองการแจ้ง", body_text="", sender_name="", sender_address="",
                reply_to=f"a{i}@example.co.th", attachments=(), service_code="FOOD-NOTICE",
                applicant=NewApplicant(
                    kind="person", name_th=f"ผู้ขอ ทดสอบ{i}", email=f"a{i}@example.co.th"
                ),
            ),
        )  # fmt: skip
        ids.append(outcome.application_id)
    # The review itself is not what is measured: the requests are put where review leaves them.
    with context.store.sessions() as session, session.begin():
        session.execute(
            update(Application).where(Application.id.in_(ids)).values(status="ready_for_approval")
        )
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=100)
    n = parser.parse_args().n
    keyring.set_keyring(MemoryKeyring())
    tmp = Path(tempfile.mkdtemp(prefix="anuyat-bench-sign-"))
    token = provision(tmp / "hsm")["approver"]
    context = _profile(tmp / "profile")
    with context.unit_of_work(SYSTEM) as uow:
        user = auth.create_user(uow, username="approver", display_name="นายอนุมัติ รอบคอบ",
                                password="bench-password-1", roles=["approver"])  # fmt: skip
        approver = Actor("approver", frozenset({"approver"}), user.id)
    ids = _requests(context, n)
    for app_id in ids:
        with context.unit_of_work(approver) as uow:
            claim(uow, context.calendar, app_id)
    facade = Approval(context, SigningSettings(token.module, (token.root_pem,)))
    roots = load_trust_roots([token.root_pem])

    # The memo of the first request, for the bare and service figures.
    from services.approval import prepare_approval
    from services.approval.approver import read_approver

    with context.unit_of_work(approver) as uow:
        deciding = read_approver(uow.session, approver)
        memo = prepare_approval(uow, deciding, ids[0], (), 3).memo
    session = TokenSession(token.module, token.label, Pin(token.pin))
    cert = next(c for c in session.certificates() if c.key_id == b"\x01")
    signer = token_signer(session, cert)

    def bare_pyhanko() -> bytes:
        # pyHanko itself, the same options as the service (PAdES, SHA-256, room reserved).
        meta = signers.PdfSignatureMetadata(
            field_name="Approval", subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256"
        )
        out = io.BytesIO()
        writer = IncrementalPdfFileWriter(io.BytesIO(memo))
        signers.sign_pdf(writer, meta, signer=signer, output=out, bytes_reserved=SIGNATURE_ROOM)
        return out.getvalue()

    bare_pyhanko()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(n):
        bare_pyhanko()
    bare = (time.perf_counter() - t0) * 1000 / n
    # CPU time too: on a shared machine the wall clock waits for other processes (the token
    # is a library in this process, so its work counts here).
    bare_cpu = (time.process_time() - c0) * 1000 / n
    t0 = time.perf_counter()
    for _ in range(n):
        signed = sign_pdf(memo, signer, field_name="Approval", reason="อนุมัติ", location="BEN")
    wrapped = (time.perf_counter() - t0) * 1000 / n
    t0 = time.perf_counter()
    for _ in range(n):
        assert verify_pdf(signed, roots).ok
    validate = (time.perf_counter() - t0) * 1000 / n
    t0 = time.perf_counter()
    for _ in range(n):
        assert verify_pdf(signed, roots, just_signed=True).ok
    validate_fresh = (time.perf_counter() - t0) * 1000 / n
    session.close()
    t0 = time.perf_counter()
    for app_id in ids[:n]:
        with context.unit_of_work(approver) as uow:
            prepare_approval(uow, deciding, app_id, (), 3)
    drawing = (time.perf_counter() - t0) * 1000 / n

    from services.kernel.actors import SignedInUser

    who = SignedInUser(user_id=approver.user_id or "", username="approver", display_name="",
                       roles=approver.roles, station_code=context.station_code)  # fmt: skip
    items = [BatchItem(app_id, ()) for app_id in ids]
    choice = SigningChoice("token", token.label, b"\x01", secret=Pin(token.pin))
    t0, c0 = time.perf_counter(), time.process_time()
    outcome = facade.approve_batch(who, items, choice)
    batch = (time.perf_counter() - t0) * 1000 / n
    batch_cpu = (time.process_time() - c0) * 1000 / n
    assert len(outcome.approved) == n, outcome
    # The fee notices the batch made due, drawn after it (as the screen asks, in the I/O pool).
    t0 = time.perf_counter()
    notices = facade.draw_fee_notices(who)
    after = (time.perf_counter() - t0) * 1000 / n
    assert notices == n, notices
    service = wrapped + validate_fresh  # what the batch does around the token: sign, check
    print(
        render(
            [
                Figure(
                    "batch approve-and-sign, per request",
                    batch,
                    "ms",
                    "bare pyHanko signing",
                    bare,
                    f"{n} one-page memos, one PIN; memo drawn, signed, validated, stored",
                ),
                Figure(
                    "batch approve-and-sign, CPU per request",
                    batch_cpu,
                    "ms",
                    "bare pyHanko signing, CPU",
                    bare_cpu,
                    "process CPU time: what the machine's load does not change",
                ),
                Figure(
                    "sign + validate (signing service)", service, "ms", "bare pyHanko signing", bare
                ),
                Figure("sign (signing service)", wrapped, "ms", "bare pyHanko signing", bare),
                Figure("validation per document", validate, "ms", note="offline, agency root"),
                Figure(
                    "validation right after signing",
                    validate_fresh,
                    "ms",
                    note="as the batch checks each new signature",
                ),
                Figure("memo drawing per request", drawing, "ms", note="read the request, draw"),
                Figure(
                    "storing and the rest, per request",
                    max(batch - wrapped - validate_fresh - drawing, 0.0),
                    "ms",
                    note="record, status, event, letter; the fee notice's mail (held)",
                ),
                Figure(
                    "fee notice drawn after the batch, per request",
                    after,
                    "ms",
                    note="PDF with QR drawn, attached, mail released to the sender",
                ),
            ]  # fmt: skip
        )
    )
    context.store.close()
    os.environ.pop("SOFTHSM2_CONF", None)
    sys.exit(0)


if __name__ == "__main__":
    main()
