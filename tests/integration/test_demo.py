"""The demo agency: built through the real services, with real files, and a valid audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from demo.build import DEMO_USERS, create_demo_profile
from models import Application, Document, IssuedDocument, User
from services.api.ports import build_ports
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK, FixedClock, SystemClock
from services.kernel.events import verify_chain
from services.kernel.state_check import check_state
from services.store.profile import load_context
from tests.pdf_reading import pdftotext_pages, pypdf_pages, save_artifact

BUILT_AT = SystemClock().now()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory):
    import keyring

    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    data_dir = tmp_path_factory.mktemp("demo")
    # Today's date, as `anuyat demo` sees it, held still so the test knows the build's "now".
    summary = create_demo_profile(data_dir, FixedClock(BUILT_AT))
    keyring.set_keyring(previous)
    return data_dir, summary, ring


@pytest.fixture
def demo(demo_dir, memory_keyring):
    data_dir, summary, ring = demo_dir
    memory_keyring.secrets.update(ring.secrets)
    ctx = load_context(data_dir, SystemClock())
    yield ctx, summary
    ctx.store.close()


def test_demo_has_applications_documents_and_every_role(demo) -> None:
    ctx, summary = demo
    with ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == summary.applications
        assert summary.applications >= 15
        assert session.scalar(select(func.count()).select_from(Document)) >= summary.applications
        users = {u.username: u.role_names for u in session.scalars(select(User))}
    for username, _, roles, _, _ in DEMO_USERS:
        assert users[username] == frozenset(roles)


def test_demo_officers_are_added_by_the_administrator_through_the_officers_service(
    demo,
) -> None:
    import json

    from models import Event

    ctx, _ = demo
    with ctx.read() as session:
        users = {u.username: u for u in session.scalars(select(User))}
        created = session.scalars(select(Event).where(Event.type == "user.created")).all()
    for username, _, _, name_th, position in DEMO_USERS:
        user = users[username]
        assert (user.display_name, user.position_th) == (name_th, position)
        assert user.display_name_en and not user.must_change_password
    by_admin = {json.loads(e.payload)["username"] for e in created if e.actor == "admin"}
    assert by_admin == {u[0] for u in DEMO_USERS[1:]}  # the admin herself comes from init


def test_demo_users_sign_in_with_the_documented_passwords(demo) -> None:
    ctx, _ = demo
    ws = build_ports(ctx)
    for username, password, roles, _, _ in DEMO_USERS:
        assert ws.shell.sign_in(username, password).roles == frozenset(roles)


def test_demo_queues_are_filled_and_ordered(demo) -> None:
    ctx, _ = demo
    ws = build_ports(ctx)
    user = ws.shell.sign_in("reviewer", "review-2569")
    counts = {c.status: c.count for c in ws.shell.status_counts(user)}
    for status in ("received", "in_review", "waiting_applicant", "ready_for_approval"):
        assert counts[status] >= 1, status
    rows = ws.shell.list_applications(user, None, 0, 500)
    assert [r.deemed_received_at for r in rows] == sorted(r.deemed_received_at for r in rows)
    # IDs come from forms and the counter (a mail sender has none): masked wherever shown.
    masked = [r.applicant_id_masked for r in rows if r.applicant_id_masked]
    assert masked and all(m.startswith("X-XXXX-XXXXX-") for m in masked)


def test_demo_attachments_are_real_files_in_the_encrypted_blob_store(demo) -> None:
    ctx, _ = demo
    with ctx.read() as session:
        pdfs = session.scalars(
            select(Document).where(Document.content_type == "application/pdf").limit(3)
        ).all()
        jpeg = session.scalars(
            select(Document).where(Document.content_type == "image/jpeg")
        ).first()
    assert pdfs and jpeg is not None
    for doc in pdfs:
        data = ctx.store.blobs.get(doc.blob_sha256)
        assert data.startswith(b"%PDF")
        assert doc.pages == len(PdfReader(__import__("io").BytesIO(data)).pages)
    assert ctx.store.blobs.get(jpeg.blob_sha256)[:3] == b"\xff\xd8\xff"
    assert jpeg.width_px and jpeg.height_px


def test_demo_audit_trail_verifies(demo) -> None:
    ctx, _ = demo
    with ctx.read() as session:
        report = verify_chain(session)
        mismatches = check_state(session)
    assert report.ok and report.checked > 50
    # Every status the demo reached through the services replays from its events.
    assert [m.describe() for m in mismatches] == []


def test_demo_folder_holds_no_plaintext_names(demo_dir) -> None:
    data_dir, _, _ = demo_dir
    needle = "สมหญิง".encode()
    for path in Path(data_dir).rglob("*"):
        if path.is_file() and "logs" not in path.parts:
            assert needle not in path.read_bytes(), path


# --- the demo does not contradict itself ----------------------------------------------------

_REVIEWED = (
    "payment_due",
    "payment_to_verify",
    "ready_for_approval",
    "approved",
    "issued",
    "delivered",
)


def _history(session, application_id: str) -> list:
    from models import Event

    return list(
        session.scalars(
            select(Event).where(Event.aggregate_id == application_id).order_by(Event.seq)
        )
    )


def _statuses(history) -> list[str]:
    import json

    return [json.loads(e.payload)["to"] for e in history if e.type == "application.status_changed"]


def test_every_demo_request_agrees_with_its_service_and_its_history(demo) -> None:
    from models import ServiceType
    from services.review.checks import review_state

    ctx, summary = demo
    seen: set[str] = set()
    with ctx.read() as session:
        applications = session.scalars(select(Application)).all()
        assert len(applications) == summary.applications
        for app in applications:
            seen.add(app.status)
            where = f"{app.tracking_number} ({app.status})"
            service = session.get(ServiceType, app.service_type_id) if app.service_type_id else None
            history = _history(session, app.id)
            statuses = _statuses(history)
            # A fee falls due only where the service has one, and when the service says.
            if app.status in ("payment_due", "payment_to_verify"):
                assert service is not None and service.fee_satang > 0, where
                if service.fee_due == "before_issue":
                    assert "approved" in statuses, where
                    assert any(e.type == "approval.approved" for e in history), where
            # Past review only with every required document and identity check done.
            if app.status in _REVIEWED:
                state = review_state(session, app)
                assert state.complete, (where, state.missing_items, state.missing_checks)
                # Every document of its checklist answered, optional ones too (n/n shown).
                assert all(i.verdict is not None for i in state.checklist), where
                assert any(e.type == "review.completed" for e in history), where
            # The finance officer's queue holds it free for them to take.
            if app.status in ("payment_due", "payment_to_verify"):
                assert app.assignee_id is None, where
            if app.status == "waiting_applicant":
                assert any(e.type == "review.documents_requested" for e in history), where
            # Issued only once approved and paid, with the register's number; delivered after.
            if app.status in ("issued", "delivered"):
                kinds = [e.type for e in history]
                assert kinds.index("approval.approved") < kinds.index("fees.verified"), where
                assert kinds.index("fees.verified") < kinds.index("licence.issued"), where
                assert statuses[-2:] == (
                    ["approved", "issued"] if app.status == "issued" else ["issued", "delivered"]
                ), where
                issued = session.scalars(
                    select(IssuedDocument).where(IssuedDocument.application_id == app.id)
                ).one()
                assert issued.status == "valid" and issued.document_number.endswith(
                    f"/{issued.issued_at.astimezone(BANGKOK).year + 543}"
                ), where
                assert (issued.delivered_at is not None) == (app.status == "delivered"), where
                # The shop at the applicant's address, never "-".
                shop, home = issued.premises.split(" ", 1)
                assert shop.startswith("ร้าน") and "จังหวัด" in home, where
                pdf = ctx.store.blobs.get(issued.blob_sha256)
                path = save_artifact(f"demo_licence_{issued.document_number[0]}.pdf", pdf)
                for text in (" ".join(pypdf_pages(pdf)), " ".join(pdftotext_pages(path))):
                    assert f"ณ {issued.premises} แล้ว" in text and "ณ -" not in text, where
            # Its history happened on its own time line: in order, after it arrived, by now.
            moments = [e.occurred_at for e in history]
            assert moments == sorted(moments), where
            assert moments and moments[0] >= app.received_at, where
            assert moments[-1] <= BUILT_AT, where
            # Its subject is what the applicant wrote, not how it was filed.
            assert not app.subject.startswith(("สแกน", "ยื่นที่เคาน์เตอร์")), app.subject
    # Every queue has something to show, each reached the way an officer reaches it.
    assert {
        "in_review",
        "waiting_applicant",
        "ready_for_approval",
        "payment_due",
        "issued",
        "delivered",
    } <= seen


def test_the_demo_register_publishes_and_checks_its_licences(demo, tmp_path) -> None:
    """The public register and *Check a licence* have something to show."""
    from services.issuing.checking import check_typed
    from services.issuing.register import export_register, public_entries

    ctx, _ = demo
    with ctx.read() as session:
        approver = session.scalars(select(User).where(User.username == "approver")).one()
        actor = Actor(username=approver.username, roles=approver.role_names, user_id=approver.id)
        now = SystemClock().now()
        entries = public_entries(session, actor, now)
        checks = [check_typed(session, actor, e.number, now) for e in entries]
    assert len(entries) == 2
    assert all(c.ok for c in checks), [c.lines for c in checks]
    export_register(entries, tmp_path)
    pages = sorted(p.name for p in tmp_path.glob("*.html"))
    assert len(pages) >= 2
    page = (tmp_path / f"{entries[0].code}.html").read_text(encoding="utf-8")
    assert entries[0].number in page


def test_the_approver_and_the_supervisor_each_have_a_day_of_work(demo) -> None:
    """Reviewed requests wait for both kinds of signature (a type-1 record will do for one,
    a token for the others); the supervisor has handed requests out with notes."""
    import json

    from models import ApplicationNote, Event, ServiceType

    ctx, _ = demo
    with ctx.read() as session:
        waiting = session.execute(
            select(Application.assignee_id, ServiceType.min_signature_type)
            .join(ServiceType, ServiceType.id == Application.service_type_id)
            .where(Application.status == "ready_for_approval")
        ).all()
        supervisor = session.scalars(select(User).where(User.username == "supervisor")).one()
        reviewer_id = session.scalar(select(User.id).where(User.username == "reviewer"))
        assigned = session.scalars(
            select(Event).where(Event.type == "application.assigned", Event.actor == "supervisor")
        ).all()
        notes = session.scalars(
            select(ApplicationNote).where(ApplicationNote.author_id == supervisor.id)
        ).all()
        holders = {
            e.aggregate_id: session.get(Application, e.aggregate_id).assignee_id for e in assigned
        }
    assert len(waiting) >= 3
    # Free for the approver to take, and both a type-1 and a token (type 2+) request.
    assert all(holder is None for holder, _ in waiting)
    assert {min(t, 2) for _, t in waiting} == {1, 2}
    # Two handed to the reviewer, each with its note; one more note on its own.
    assert len(holders) == 2 and set(holders.values()) == {reviewer_id}
    with_note = [e for e in assigned if json.loads(e.payload)["note_id"]]
    assert len(with_note) == 2
    assert len(notes) == 3 and {n.application_id for n in notes} > set(holders)


def test_the_readme_counts_the_demo_applications_it_builds(demo) -> None:
    import re

    from demo.content import demo_requests

    _, summary = demo
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    said = re.search(r"\(a fictional municipality\) with (\d+)\s+applications", readme)
    assert said is not None, "the README no longer says how many demo applications there are"
    assert int(said.group(1)) == summary.applications == len(demo_requests(["DEMO"]))
