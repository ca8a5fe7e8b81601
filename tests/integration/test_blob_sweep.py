"""The orphan sweep on the real stores: files on a station, blobs on the agency's server.

Runs on both (this file is in the Makefile's AGENCY_TESTS): a blob's age is its file's
modification time on a station, ``stored_blob.stored_at`` on the server, and the tests age
a blob the way each store keeps it.
"""

from __future__ import annotations

import os
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from models import Event, OutboxMessage, StoredBlob
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput
from services.store.blob_references import all_referenced, referenced_among, unreferenced
from services.store.blob_sweep import sweep_orphans
from services.store.context import AppContext
from services.store.server_blobs import ServerBlobStore

CLI = Actor.system("cli")


def _age(context: AppContext, sha256: str, hours: float) -> None:
    """Make the blob ``hours`` old, as its store tells a blob's age."""
    blobs = context.store.blobs
    if isinstance(blobs, ServerBlobStore):
        with context.store.engine.begin() as connection:
            connection.execute(
                update(StoredBlob)
                .where(StoredBlob.sha256 == sha256)
                .values(stored_at=StoredBlob.stored_at - timedelta(hours=hours))
            )
        return
    then = time.time() - hours * 3600
    os.utime(blobs.path_for(sha256), (then, then))


def _named_by_mail(context: AppContext, sha256: str) -> str:
    """Name the blob only in an outbox message's attachments (a licence's XML is so)."""
    with context.unit_of_work(CLI) as uow:
        from services.outbox import OutgoingAttachment, queue_message

        queue_message(
            uow,
            kind="licence",
            to_addr="citizen@example.co.th",
            subject="ใบอนุญาต",
            body_text="แนบไฟล์",
            application_id=None,
            attachments=[OutgoingAttachment(sha256, "licence.xml", "application/xml")],
            domain="tst.go.th",
        )
    return sha256


def test_a_sweep_removes_old_orphans_and_keeps_young_ones_and_every_named_one(
    context: AppContext,
) -> None:
    blobs = context.store.blobs
    old_orphan = blobs.put(b"an orphan, two days old").sha256
    young_orphan = blobs.put(b"an orphan put an hour ago").sha256
    in_mail = _named_by_mail(context, blobs.put(b"<licence/>").sha256)
    _age(context, old_orphan, 48)
    _age(context, young_orphan, 1)
    _age(context, in_mail, 48)
    before = set(blobs.iter_addresses())

    swept = sweep_orphans(context, CLI, grace=timedelta(hours=24))

    assert (swept.files, swept.kept_young) == (1, 1)
    assert swept.bytes > len(b"an orphan, two days old")  # sealed: nonce and tag as well
    assert set(blobs.iter_addresses()) == before - {old_orphan}
    assert blobs.get(young_orphan) == b"an orphan put an hour ago"
    assert blobs.get(in_mail) == b"<licence/>"
    with context.read() as session:
        event = session.scalars(select(Event).where(Event.type == "blobs.swept")).one()
        assert event.actor == "system:cli"
        assert old_orphan not in event.payload  # a count, never which file
        assert '"files":1' in event.payload
    # Nothing more to remove: no second event.
    again = sweep_orphans(context, CLI, grace=timedelta(hours=24))
    assert again.files == 0
    with context.read() as session:
        assert len(session.scalars(select(Event).where(Event.type == "blobs.swept")).all()) == 1


def test_a_blob_put_again_is_young_again_and_stays(context: AppContext) -> None:
    # An old orphan a station finds again in put (a resent mail) is about to be named by a
    # row: the put makes it young, and the sweep leaves it.
    blobs = context.store.blobs
    sha = blobs.put(b"the same attachment, sent twice").sha256
    _age(context, sha, 72)
    assert blobs.put(b"the same attachment, sent twice").sha256 == sha
    swept = sweep_orphans(context, CLI, grace=timedelta(hours=24))
    assert (swept.files, swept.kept_young) == (0, 1)
    assert blobs.exists(sha)


def test_an_orphan_named_before_it_goes_is_kept(context: AppContext) -> None:
    # Named between the sweep's first look and its removal (a row committed meanwhile): the
    # second look, made as it removes the blob, keeps it.
    blobs = context.store.blobs
    sha = blobs.put(b"named at the last moment").sha256
    _age(context, sha, 48)
    real = blobs.remove_orphan

    def named_first(sha256, grace, unreferenced):  # type: ignore[no-untyped-def]
        _named_by_mail(context, sha256)
        return real(sha256, grace, unreferenced)

    blobs.remove_orphan = named_first  # type: ignore[method-assign]
    try:
        swept = sweep_orphans(context, CLI, grace=timedelta(hours=24))
    finally:
        del blobs.remove_orphan
    assert swept.files == 0
    assert blobs.get(sha) == b"named at the last moment"
    with context.read() as session:
        assert session.scalars(select(OutboxMessage)).first() is not None


def test_a_grace_shorter_than_an_hour_is_refused_in_both_languages(context: AppContext) -> None:
    with pytest.raises(InvalidInput) as refused:
        sweep_orphans(context, CLI, grace=timedelta(minutes=5))
    assert "ชั่วโมง" in refused.value.th
    assert "at least 1 hour" in refused.value.en


def test_the_first_look_and_the_last_agree_on_what_is_named(context: AppContext) -> None:
    # The sweep's first look reads every reference at once (all_referenced); the last look,
    # blob by blob, asks the rows again (unreferenced). Both see a file named only by mail.
    blobs = context.store.blobs
    in_mail = _named_by_mail(context, blobs.put(b"<licence number='1'/>").sha256)
    orphan = blobs.put(b"nobody's").sha256
    with context.read() as session:
        named = all_referenced(session)
        assert bytes.fromhex(in_mail) in named and bytes.fromhex(orphan) not in named
        assert referenced_among(session, [in_mail, orphan]) == {in_mail}
        assert session.scalar(select(unreferenced(orphan))) is True
        assert session.scalar(select(unreferenced(in_mail))) is False
