"""Opening a request (ui.review.opening): page 1 before the claim's answer, nothing kept after.

Over the real ports, store and QtPdf. The claim is held back at a gate in one test (a slow
store), so the order is certain: the first page shows while the claim is on its way, and the
tabs fill only once it answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import active_main_window as _window
from tests.ui.review_steps import enter_on, hold_the_claim, pdf_shown

CTRL = Qt.KeyboardModifier.ControlModifier


def test_page_one_shows_while_the_claim_is_on_its_way_and_the_tabs_follow(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    (oldest, number), _ = review_applications[:2]
    gate = hold_the_claim(workstation)
    window = _window(qtbot, workstation, reviewer, runner, settings)
    try:
        enter_on(qtbot, window, oldest)
        review = window.review
        qtbot.waitUntil(lambda: pdf_shown(review, oldest, 1), timeout=10000)
        # Page 1 is on screen; the claim has not answered: nothing says it is the officer's.
        assert review.detail is None and not review.is_settled()
        assert number in review.top_bar.title.text()
        assert not any(row.isVisible() for row in review.checklist.rows)
        document_ids = [d.id for d in review.viewer.documents()]
        assert document_ids, "the request's documents were not listed ahead"
    finally:
        gate.set()
    qtbot.waitUntil(review.is_settled, timeout=10000)
    assert review.detail.row.id == oldest and review.detail.claimed_by_me
    # The page on screen stayed (not opened again), and the tabs show the request.
    assert pdf_shown(review, oldest, 1)
    assert [d.id for d in review.detail.documents] == document_ids
    assert [r.item.code for r in review.checklist.rows] == [i.code for i in review.detail.checklist]
    assert all(row.isVisible() for row in review.checklist.rows)
    assert review.read_ahead.application_id != oldest  # the next one is read ahead now


def test_signing_out_leaves_nothing_decrypted_in_memory_or_on_disk(
    qtbot, workstation, reviewer, runner, settings, review_applications, data_dir, viewer_copies
) -> None:
    root = viewer_copies
    window = _window(qtbot, workstation, reviewer, runner, settings)
    (oldest, _), (second, _) = review_applications[:2]
    enter_on(qtbot, window, oldest)
    review = window.review
    qtbot.waitUntil(lambda: pdf_shown(review, oldest, 1), timeout=10000)
    qtbot.waitUntil(review.is_settled, timeout=10000)
    qtbot.waitUntil(lambda: review.read_ahead.application_id == second, timeout=10000)
    viewer = review.viewer
    shown = viewer.current_document_id()
    plain = workstation.review.document_bytes(reviewer, shown)
    assert viewer._cache.peek(shown) == plain  # held in memory while on screen
    viewer.open_externally()  # "Open with the system viewer": a plain copy, 0600
    qtbot.waitUntil(lambda: any(p.is_file() for p in root.rglob("*")), timeout=10000)

    with qtbot.waitSignal(window.user_did_sign_out, timeout=5000):
        window.sign_out()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    qtbot.wait(50)  # callbacks still queued for the GUI thread have run (and dropped)

    assert len(viewer._cache) == 0 and viewer._parsed == {}
    assert viewer.pdf_document.status() != QPdfDocument.Status.Ready
    assert review.read_ahead.held_bytes() == 0 and review.read_ahead.parsed_count() == 0
    assert review.read_ahead.preview is None
    assert list(root.rglob("*")) == []
    # Nowhere in the profile is a plain byte of what was shown: the store keeps it
    # encrypted, and the viewer wrote nothing else.
    sample = plain[len(plain) // 2 : len(plain) // 2 + 48]
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert sample not in path.read_bytes(), path


def test_the_request_after_opens_whole_in_either_language_with_its_page_strip(
    qtbot, workstation, reviewer, runner, settings, review_applications
) -> None:
    """The second request, read ahead while the officer was on the first, opens to a whole
    screen: its page, then its tabs and its page strip; pictures for people to look at."""
    from tests.ui.conftest import SCREENSHOTS

    window = _window(qtbot, workstation, reviewer, runner, settings)
    window.resize(1280, 720)
    (oldest, _), (second, number) = review_applications[:2]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return, CTRL)  # "Next": the oldest
    review = window.review
    qtbot.waitUntil(lambda: pdf_shown(review, oldest, 1) and review.is_settled(), timeout=10000)
    qtbot.waitUntil(lambda: review.read_ahead.parsed_count() > 0, timeout=10000)
    parsed = next(iter(review.read_ahead._parsed.values()))

    window.open_review(window.model.row_at(window.model.find_row(second)))
    assert pdf_shown(review, second, 1)  # at once, from what was read and parsed ahead
    assert review.viewer.pdf_document is parsed
    qtbot.waitUntil(review.is_settled, timeout=10000)
    strip = review.viewer.thumbnails
    qtbot.waitUntil(lambda: strip.count() == review.viewer.page_count(), timeout=10000)
    assert number in review.top_bar.title.text()
    assert review.checklist.rows and all(r.isVisible() for r in review.checklist.rows)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language, reviewed in (("th", "ตรวจเสร็จ ส่งต่อ"), ("en", "Mark reviewed")):
        window.language_actions[language].trigger()
        qtbot.waitUntil(lambda r=reviewed: review.action_bar.reviewed_button.text() == r)
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        assert window.grab().save(str(SCREENSHOTS / f"review_after_next_{language}.png"))
    window.language_actions["th"].trigger()
