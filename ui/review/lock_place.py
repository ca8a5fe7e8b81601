"""The review screen under a screen lock: its decrypted files dropped, its place remembered.

Locking drops every decrypted byte the screen holds exactly as signing out does
(:meth:`ui.review.opening.Opening.forget`: the viewer's cache, parsed PDFs, the read-ahead;
and the system viewer's copies), but keeps the request in hand and its claim: the request
stays the officer's. Unlocking opens the same document at the same page again, read and
decrypted anew from the store, and the next request is read ahead again after that page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.review.screen import ReviewScreen

__all__ = ["ReviewPlace", "bring_back", "put_away"]


@dataclass(frozen=True)
class ReviewPlace:
    """Where the officer was: the request, the document (None: its message), the page."""

    application_id: str
    document_id: str | None
    page: int
    claim_again: bool = False
    """The claim was still on its way at the lock: its answer was dropped (it would have
    opened files behind the lock), and the request is claimed again after the unlock."""


def put_away(review: ReviewScreen) -> ReviewPlace | None:
    """Drop the screen's decrypted files; where it was, if a request was on screen."""
    viewer = review.viewer
    place = None
    claiming, detail = review.presenter.application_id, review.detail
    if claiming is not None and (detail is None or detail.row.id != claiming):
        review.presenter.forget()  # answers on their way are no longer wanted
        place = ReviewPlace(claiming, None, 1, claim_again=True)
    elif viewer.application_id is not None:
        place = ReviewPlace(
            viewer.application_id, viewer.current_document_id(), viewer.current_page()
        )
    review.opening.forget()
    viewer.remove_temp_files()
    return place


def bring_back(review: ReviewScreen, place: ReviewPlace | None) -> bool:
    """Open ``place`` again (from the store) if that request is still the one in hand."""
    if place is not None and place.claim_again:
        review.open_application(place.application_id)
        return True
    detail = review.detail
    if place is None or detail is None or detail.row.id != place.application_id:
        return False
    if review.viewer.application_id is None:  # nothing opened meanwhile
        review.viewer.set_application(
            detail.row.id, detail.body_text, detail.documents,
            at=(place.document_id, place.page),
        )  # fmt: skip
        # The lock dropped the next request read ahead with the rest: read it again once
        # this page is on screen (as an opening does), so "Next" opens at once.
        review.opening.after_first_page(review.read_next_ahead)
    return True
