"""The counts on the queue pane's page entries: files held in quarantine, mail set aside as
"Not requests", requests waiting for approval, slips waiting for finance.

They come from the services (one count each, in the database pool), not from the pages: a
badge is right from the first frame while its page is made only when first opened
(:mod:`ui.shell.window_pages`). Only the counts this officer's pages have are asked for; a
reading older than the last one asked for is dropped, so a slow answer never overwrites a
newer count.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from services.api import Ports, SignedInUser
from ui.common.tasks import TaskRunner
from ui.shell.queue_pane import APPROVALS, NOT_REQUESTS, PAYMENTS, QUARANTINE, QueuePane
from ui.shell.window_rights import WindowRights

__all__ = ["PageBadges"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Badge:
    count: Callable[[SignedInUser], int]
    """The services' count (called in the database worker)."""
    show: Callable[[int], None]
    """Put the count on the pane (on the GUI thread)."""


class PageBadges(QObject):
    """Reads the page entries' counts again on :meth:`read` and puts them on ``queues``."""

    def __init__(
        self,
        queues: QueuePane,
        *,
        ports: Ports,
        user: SignedInUser,
        runner: TaskRunner,
        rights: WindowRights,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._user, self._runner = user, runner
        self._generation = 0  # a newer reading makes the answers of older ones stale
        self._badges: dict[str, _Badge] = {}
        if rights.quarantine:
            self._badges[QUARANTINE] = _Badge(
                ports.intake.quarantine_count, queues.set_quarantine_count
            )
        if rights.not_requests:
            self._badges[NOT_REQUESTS] = _Badge(
                ports.intake.not_requests_count, queues.set_not_requests_count
            )
        if rights.approve:
            self._badges[APPROVALS] = _Badge(ports.approval.queue_count, queues.set_approvals_count)
        if ports.fees is not None and rights.verify_payments:
            self._badges[PAYMENTS] = _Badge(ports.fees.to_verify_count, queues.set_payments_count)

    @property
    def pages(self) -> tuple[str, ...]:
        """The pages whose badge this reads (those the officer has)."""
        return tuple(self._badges)

    def read(self, *_: object) -> None:
        """Count again in the database pool; the pane shows the counts when they come.

        Takes (and ignores) a signal's arguments, so a page's "read again" can call it."""
        if not self._badges:
            return
        self._generation += 1
        generation = self._generation
        badges, user = dict(self._badges), self._user

        def count() -> dict[str, int]:
            return {name: badge.count(user) for name, badge in badges.items()}

        def done(counts: dict[str, int] | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if error is not None or counts is None:
                # The badges keep their last counts; each page says what went wrong when
                # opened, and the next change reads them again (the task logged the cause).
                log.warning("page badges not read: %s", type(error).__name__)
                return
            for name, number in counts.items():
                badges[name].show(number)

        self._runner.run(count, done, owner=self, label="main.page_badges")
