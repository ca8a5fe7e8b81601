"""The demo agency: built through the real services, with real files, and a valid audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from demo.build import DEMO_USERS, create_demo_profile
from models import Application, Document, User
from services.api.ports import build_ports
from services.kernel.clock import SystemClock
from services.kernel.events import verify_chain
from services.kernel.state_check import check_state
from services.store.profile import load_context


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory):
    import keyring

    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    data_dir = tmp_path_factory.mktemp("demo")
    summary = create_demo_profile(data_dir, SystemClock())
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
