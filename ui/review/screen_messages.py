"""What the review screen says above the request: one error or one piece of good news at a
time, in Thai and English, and "cannot pass on yet" with what is still open.

Good news is kept as a function that words it, so a language switch words it again. An
error goes when the next step goes through, except "cannot pass on yet", which stays until
its cause is gone (the services' count as it stands is shown meanwhile). Words are in the
"ReviewScreen" translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from services.api import STATUSES, Action, ApplicationDetail, SignedInUser, may
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.review.certify import NoticeAction

__all__ = ["ReviewMessages", "status_name"]


class ReviewMessages:
    """The error box and the notice box of one review screen."""

    def __init__(
        self,
        error_box: ErrorBox,
        notice_box: ErrorBox,
        *,
        next_request: Callable[[], None],
        show_first_open: Callable[[], None],
    ) -> None:
        self.error_box = error_box
        self.notice_box = notice_box
        self._next_request = next_request
        self._show_first_open = show_first_open
        self.incomplete_shown = False  # the error box says "cannot pass on yet"
        # The notice on show, kept so a language switch words it again.
        self._notice_shown: tuple[Callable[[], str], bool, NoticeAction | None] | None = None

    def show_error(self, error: BaseException | None, th: str, en: str) -> None:
        self.notice_box.clear()
        self.incomplete_shown = False
        self.error_box.set_action("", None)
        self.error_box.show_error(error, fallback_th=th, fallback_en=en)

    def clear_error(self) -> None:
        """A step went through: its earlier failure goes; "cannot pass on yet" stays until
        its cause is gone (see :meth:`follow`)."""
        if not self.incomplete_shown:
            self.error_box.clear()

    def notice(
        self,
        text: Callable[[], str],
        *,
        next_action: bool = False,
        action: NoticeAction | None = None,
    ) -> None:
        """Good news in the UI language; ``text`` words it, again after a language switch;
        ``action`` is a button beside it (its words, what it does)."""
        self.incomplete_shown = False
        self.error_box.clear()
        self._notice_shown = (text, next_action, action)
        self.word_notice()

    def word_notice(self) -> None:
        if self._notice_shown is None:
            return
        text, next_action, action = self._notice_shown
        self.notice_box.show_message(text(), "")
        if action is not None:
            self.notice_box.set_action(action[0](), action[1])
            return
        self.notice_box.set_action(
            QCoreApplication.translate("ReviewScreen", "Next request (Ctrl+Enter)")
            if next_action
            else "",
            self._next_request if next_action else None,
        )

    def retranslate(self) -> None:
        if not self.notice_box.isHidden() and self._notice_shown is not None:
            self.word_notice()

    def show_incomplete(self, error: BaseException | None) -> None:
        """One line per language (what is left, and the first of it); the whole list when
        the pointer rests on it, and a button to the first open item."""
        self.show_error(
            None,
            getattr(error, "summary_th", "") or getattr(error, "th", ""),
            getattr(error, "summary_en", "") or getattr(error, "en", ""),
        )
        self.error_box.set_details(
            "\n".join(t for t in (getattr(error, "th", ""), getattr(error, "en", "")) if t)
        )
        self.error_box.set_action(
            QCoreApplication.translate("ReviewScreen", "Show what is open"), self._show_first_open
        )
        self.incomplete_shown = True

    def follow(self, detail: ApplicationDetail) -> None:
        """The request as it now stands: "cannot pass on yet" goes with its cause, or says
        what is still open."""
        if self.incomplete_shown and self.error_box.isHidden():
            self.incomplete_shown = False  # the officer closed it, or another message came
        elif self.incomplete_shown and detail.review_complete:
            self.incomplete_shown = False  # the cause is gone
            self.error_box.clear()
        elif self.incomplete_shown:
            # Still open, maybe less: the services' count as it now stands.
            self.error_box.show_message(*detail.incomplete_summary())

    def say_read_only(self, user: SignedInUser, detail: ApplicationDetail) -> None:
        """A verdict key on a request the services let this officer only read: say why."""
        if not may(user.roles, Action.RECORD_CHECKS):
            th = "คำขอนี้ดูได้อย่างเดียว บทบาทของคุณบันทึกผลการตรวจเอกสารไม่ได้"
            en = "This request is read only for you: your role does not record checks."
        elif not detail.claimed_by_me:
            holder = detail.claimed_by
            th = (
                f"คำขอนี้ดูได้อย่างเดียว {holder} รับผิดชอบอยู่"
                if holder
                else "คำขอนี้ดูได้อย่างเดียว รับคำขอก่อน (ถัดไป) จึงบันทึกผลได้"
            )
            en = (
                f"This request is read only for you: {holder} holds it."
                if holder
                else "This request is read only for you: take it first (Next) to record checks."
            )
        else:
            th = "คำขอนี้ดูได้อย่างเดียว สถานะนี้บันทึกผลการตรวจไม่ได้"
            en = "This request is read only: checks cannot be recorded in this status."
        self.show_error(None, th, en)


def status_name(status: str) -> str:
    """A request status in the language on screen."""
    known = STATUSES.get(status)
    if known is None:
        return status
    return known.label_th if i18n.current_language() == "th" else known.label_en
