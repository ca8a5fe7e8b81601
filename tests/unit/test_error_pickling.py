"""A person's error crosses to another process whole (intake's reader sends its failures back
pickled: services.intake.read_frames.portable_error)."""

from __future__ import annotations

import pickle

from services.intake.read_frames import portable_error
from services.kernel.errors import AnuyatError, DiskFull, InvalidInput


def test_an_error_for_people_keeps_both_languages_its_code_and_detail_across_a_pickle() -> None:
    sent = InvalidInput(
        "ไฟล์แนบเสียหาย", "The attachment is damaged.", detail="xref broken", code="pdf_damaged"
    )
    got = pickle.loads(pickle.dumps(sent))
    assert type(got) is InvalidInput
    assert (got.th, got.en, got.detail, got.code) == (
        "ไฟล์แนบเสียหาย",
        "The attachment is damaged.",
        "xref broken",
        "pdf_damaged",
    )
    assert str(got) == str(sent)


def test_the_reader_sends_a_disk_full_back_as_a_disk_full_not_a_runtime_error() -> None:
    sent = DiskFull(detail="ENOSPC on blobs/ab")
    back = pickle.loads(pickle.dumps(portable_error(sent)))
    assert isinstance(back, DiskFull) and isinstance(back, AnuyatError)
    assert (back.th, back.en, back.code, back.detail) == (
        sent.th,
        sent.en,
        "disk_full",
        "ENOSPC on blobs/ab",
    )
