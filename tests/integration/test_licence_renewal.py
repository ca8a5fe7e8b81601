"""Renewal on a real profile: a renewal request's licence names the one it renews, takes a
new number, and the old one is superseded — in the register, in its public page and when
someone checks it. A revoked, a superseded or another service's licence is not renewed, and
no number is spent on the attempt."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review and test_approval)
from __future__ import annotations

import pytest
from sqlalchemy import select

from models import Event, IssuedDocument
from services.api.issuing import Issuing
from services.kernel.errors import InvalidInput, NotFound
from tests.integration.test_approval import signing
from tests.integration.test_issuing import approved, record_choice
from tests.integration.test_review import users, ws


def test_a_renewal_takes_a_new_number_and_supersedes_the_old_licence(
    context, ws, users, signing, tmp_path
) -> None:
    issuing = Issuing(context, signing.settings, verify_base="https://nongphai.go.th/verify")
    first_app = approved(context, ws, users, signing, record_choice(), hour=9)
    old = issuing.issue(users["approver"], first_app, record_choice())
    renewal_app = approved(context, ws, users, signing, record_choice(), hour=10)
    with pytest.raises(NotFound, match="No licence “77/2569” to renew"):
        issuing.issue(users["approver"], renewal_app, record_choice(), renews="77/2569")
    with context.read() as session:  # refused before a number was taken
        numbered = session.scalars(select(Event).where(Event.type == "licence.numbered")).all()
    assert len(numbered) == 1
    new = issuing.issue(users["approver"], renewal_app, record_choice(), renews=old.number)
    assert new.number != old.number and new.number.split("/")[0] == "2"
    with context.read() as session:
        before = session.get(IssuedDocument, old.issued_id)
        after = session.get(IssuedDocument, new.issued_id)
        event = session.scalars(select(Event).where(Event.type == "licence.superseded")).one()
    assert before.status == "superseded" and before.superseded_at is not None
    assert after.supersedes_id == old.issued_id and after.status == "valid"
    assert old.number in event.payload and new.number in event.payload
    # Checked by someone: the old one says to ask for the new one.
    check = issuing.check_typed(users["intake"], old.number)
    assert not check.ok and check.lines()[0][1].startswith("SUPERSEDED")
    assert issuing.check_typed(users["intake"], new.verification_code).ok
    # The public register says so on the old one's page.
    folder = tmp_path / "publish"
    issuing.publish(users["approver"], folder)
    page = (folder / f"{old.verification_code}.html").read_text(encoding="utf-8")
    assert "ถูกแทนที่ด้วยฉบับต่ออายุ / Superseded by a renewal" in page
    rows = {r.number: r.status for r in issuing.issued(users["intake"])}
    assert rows == {old.number: "superseded", new.number: "valid"}

    # Renewed already, revoked, or another service's: refused, no number spent.
    third_app = approved(context, ws, users, signing, record_choice(), hour=11)
    with pytest.raises(InvalidInput, match="has already been renewed"):
        issuing.issue(users["approver"], third_app, record_choice(), renews=old.number)
    issuing.revoke(users["approver"], new.issued_id, "ยกเลิกกิจการ")
    with pytest.raises(InvalidInput, match="is revoked"):
        issuing.issue(users["approver"], third_app, record_choice(), renews=new.number)
    with context.read() as session:
        session.get(IssuedDocument, new.issued_id)
        numbered = session.scalars(select(Event).where(Event.type == "licence.numbered")).all()
    assert len(numbered) == 2


def test_a_licence_of_another_service_is_not_renewed(context, ws, users, signing) -> None:
    issuing = Issuing(context, signing.settings)
    app_id = approved(context, ws, users, signing, record_choice(), hour=12)
    old = issuing.issue(users["approver"], app_id, record_choice())
    with context.store.sessions() as session, session.begin():
        session.get(IssuedDocument, old.issued_id).service_code = "FOOD-SHOP"
    other = approved(context, ws, users, signing, record_choice(), hour=13)
    with pytest.raises(InvalidInput, match="another service's"):
        issuing.issue(users["approver"], other, record_choice(), renews=old.verification_code)
