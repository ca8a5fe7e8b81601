"""The port that tells a window what other workstations changed (the agency profile only).

:class:`ServerChanges` starts a :class:`services.store.change_feed.ChangeFeed` on the
profile's engine; the window gives it two callbacks (run on the feed's thread) and stops the
returned watch when it closes. A station's own store has no other workstations: no port.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from services.kernel.events import change_origin
from services.store.change_feed import ChangeFeed
from services.store.context import AppContext

__all__ = ["ChangesPort", "ServerChanges", "Watching"]


class Watching(Protocol):
    mode: str

    def stop(self) -> None: ...


class ChangesPort(Protocol):
    def watch(self, on_change: Callable[[], None], on_link: Callable[[bool], None]) -> Watching: ...


class ServerChanges:
    def __init__(self, context: AppContext, *, retry: float = 3.0) -> None:
        self.context = context
        self.retry = retry

    def watch(self, on_change: Callable[[], None], on_link: Callable[[bool], None]) -> Watching:
        feed = ChangeFeed(
            self.context.store.engine,
            change_origin(self.context.station_id),
            on_change,
            on_link,
            retry=self.retry,
        )
        feed.start()
        return feed
