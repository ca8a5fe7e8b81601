"""An intake group whose write fails leaves no stored file unnamed, on both stores.

When a group's joint try is undone and the group recorded again one mail at a time, the
files only that try wrote and no row now names are dropped: on a station before they are put
in place, on the agency server (each put committed at once) taken back — but only while no
other put of the same bytes came since, as another station may be about to name them.
Runs on both stores (this file is in the Makefile's AGENCY_TESTS).
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import select

from models import Document
from services.intake.group import record_group
from services.kernel.events import verify_chain
from services.store.context import AppContext
from tests.data import mail_corpus as corpus
from tests.orphan_mail import prepared, request_mail, unnamed


def test_a_group_that_failed_together_leaves_no_unnamed_file(
    context: AppContext, tmp_path: Path
) -> None:
    # Mail 1 recorded as usual: its PDF is named by its document.
    shared_pdf = corpus.file_pdf() + b"% shared by two mails\n"
    first = record_group(
        context, [prepared(context, 1, request_mail(1, "group-orphans", shared_pdf))]
    ).outcomes
    assert [getattr(o, "kind", o) for o in first] == ["new"]
    with context.read() as session:
        named_before = set(session.scalars(select(Document.blob_sha256)))
    # Then a group whose every mail fails after its files were put (the acknowledgement's
    # template is gone): the joint try is undone, each mail is put again and fails alone,
    # held whole in quarantine (its raw message kept); its PDFs — one new, one the same bytes
    # as mail 1's — are named by no new row.
    group = [
        prepared(context, 2, request_mail(2, "group-orphans")),
        prepared(context, 3, request_mail(3, "group-orphans", shared_pdf)),
    ]
    outcomes = record_group(context, group, ack_template=tmp_path / "missing.txt").outcomes
    assert outcomes == ["quarantined", "quarantined"]

    assert unnamed(context) == set()
    for sha in named_before:  # the same bytes as a failed mail's, named by mail 1
        assert context.store.blobs.exists(sha)
    with context.read() as session:
        assert verify_chain(session).ok


def test_a_blob_another_put_came_to_is_not_taken_back(context: AppContext) -> None:
    # The group wrote it; then someone else put the same bytes (another station, or an
    # officer's action on another thread) and may be about to name it: it stays.
    blobs = context.store.blobs
    with blobs.group() as group:
        sha = blobs.put(b"a form two stations received at once").sha256
        other = threading.Thread(target=blobs.put, args=(b"a form two stations received at once",))
        other.start()
        other.join()
        group.forget({sha})
        group.make_durable()
    assert blobs.get(sha) == b"a form two stations received at once"


def test_a_blob_only_the_group_put_is_taken_back_even_when_it_put_it_twice(
    context: AppContext,
) -> None:
    # The joint try put it and the one-by-one pass put the same bytes again: still the
    # group's alone, so it goes.
    blobs = context.store.blobs
    with blobs.group() as group:
        sha = blobs.put(b"a form of a mail that failed twice").sha256
        assert blobs.put(b"a form of a mail that failed twice").sha256 == sha
        group.forget({sha})
        group.make_durable()
    assert not blobs.exists(sha)
