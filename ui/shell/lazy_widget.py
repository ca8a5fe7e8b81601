"""A screen of the main window made the first time it is opened, not when the window is.

Signing in built every page and the review screen before the window's first paint, though an
officer may open none of them this session: most of the wait between Enter and the window
was those widgets (and re-polishing them each time their parts were put together under the
application's style sheet). A :class:`LazyWidget` holds how to make one screen and makes it
on the first :meth:`~LazyWidget.get`; what has to happen once it exists (put into its stack,
signals connected) is said with :meth:`~LazyWidget.when_built`.

Made later, a screen comes up right without more ado: its constructor words it in the
language in use then (``Retranslating``), asks the access table what the officer may do
with the roles of that moment's user, and the window reads it when it is shown. Until then
there is nothing of it to refresh, re-word or clear under the screen lock:
:attr:`~LazyWidget.built` is None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

__all__ = ["LazyWidget"]

W = TypeVar("W", bound=QWidget)


class LazyWidget(Generic[W]):
    """One screen, made by ``build`` on first use (on the GUI thread, as every widget)."""

    def __init__(self, build: Callable[[], W]) -> None:
        self._build = build
        self._building = False
        self._widget: W | None = None
        self._when_built: list[Callable[[W], object]] = []

    @property
    def built(self) -> W | None:
        """The screen if it has been made, else None (nothing to refresh or clear)."""
        return self._widget

    def get(self) -> W:
        """The screen, made now if this is the first time it is needed."""
        if self._widget is None:
            assert not self._building, "a screen's build asked for the screen itself"
            self._building = True
            try:  # a build that fails may be tried again the next time the screen is opened
                self._widget = self._build()
            finally:
                self._building = False
            for then in self._when_built:
                then(self._widget)
        return self._widget

    def when_built(self, then: Callable[[W], object]) -> None:
        """Call ``then`` with the screen once it is made (at once if it is already)."""
        self._when_built.append(then)
        if self._widget is not None:
            then(self._widget)
