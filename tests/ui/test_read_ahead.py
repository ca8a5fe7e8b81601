"""Reading the next request ahead (ui.review.read_ahead) over the real ports and store.

While the officer reviews the oldest request, the next one's files are decrypted in the
background; opening it shows them without asking the store again; signing out forgets them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from tests.ui.conftest import active_main_window as _window
from tests.ui.review_steps import open_next, pdf_shown

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_next_request_is_read_ahead_and_opens_from_memory(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    (oldest, _), (second, second_number) = review_applications[:2]
    assert review.detail.row.id == oldest
    ahead = review.read_ahead
    qtbot.waitUntil(lambda: ahead.application_id == second, timeout=10000)
    # Exactly its files, decrypted as the store gives them; nothing was claimed.
    detail = workstation.review.open_application(reviewer, oldest)
    assert detail.row.id == oldest
    held = dict(ahead._files)
    assert held, "the next request's files were not read ahead"
    for document_id, data in held.items():
        assert data == workstation.review.document_bytes(reviewer, document_id)
    assert ahead.held_bytes() == sum(len(d) for d in held.values())

    # Opening it hands the files to the viewer, which shows the first one without waiting
    # for the store; the read-ahead moves on to the request after it.
    window.open_review(window.model.row_at(window.model.find_row(second)))
    qtbot.waitUntil(
        lambda: review.detail is not None and review.detail.row.id == second, timeout=10000
    )
    first = review.detail.documents[0].id
    assert review.viewer._cache.peek(first) == held[first]
    assert second_number in review.top_bar.title.text()
    qtbot.waitUntil(lambda: pdf_shown(review), timeout=10000)
    # "Next" gives back the oldest request still in the officer's hands before a newer one.
    qtbot.waitUntil(lambda: ahead.application_id == oldest, timeout=10000)


def test_signing_out_forgets_what_was_read_ahead(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    ahead = review.read_ahead
    qtbot.waitUntil(lambda: ahead.held_bytes() > 0, timeout=10000)
    with qtbot.waitSignal(window.user_did_sign_out, timeout=5000):
        window.sign_out()
    assert ahead.application_id is None
    assert ahead.held_bytes() == 0
    # An answer still on its way after the sign-out is dropped, not kept.
    ahead.warm(None, after=review_applications[0][0])
    ahead.clear()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    qtbot.wait(50)  # the answer's callback, if any, has run on the GUI thread
    assert ahead.held_bytes() == 0
    assert ahead.application_id is None


def test_the_next_requests_pdf_is_parsed_ahead_and_shown_as_it_is(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    """ "Next" hands the viewer a PDF already parsed off the GUI thread: the document on
    screen is that very one, and signing out drops what was parsed with the bytes."""
    window = _window(qtbot, workstation, reviewer, runner, settings)
    review = open_next(qtbot, window)
    (_, _), (second, _) = review_applications[:2]
    ahead = review.read_ahead
    qtbot.waitUntil(lambda: ahead.application_id == second and bool(ahead._parsed), timeout=10000)
    [(document_id, parsed)] = ahead._parsed.items()
    assert parsed.status() == QPdfDocument.Status.Ready and parsed.pageCount() > 0

    window.open_review(window.model.row_at(window.model.find_row(second)))
    qtbot.waitUntil(lambda: review.viewer.current_document_id() == document_id, timeout=10000)
    qtbot.waitUntil(lambda: pdf_shown(review), timeout=10000)
    assert review.viewer.pdf_document is parsed

    qtbot.waitUntil(lambda: bool(ahead._parsed), timeout=10000)  # the request after it
    with qtbot.waitSignal(window.user_did_sign_out, timeout=5000):
        window.sign_out()
    assert ahead._parsed == {} and ahead.held_bytes() == 0
