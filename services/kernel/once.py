"""A value made on first use, once, whichever thread asks first.

The sign-in is usable as soon as the store is open and the sign-in's own facade exists; the
other facades (and what they need: the sync's plan, the signing settings) are made when
something first asks for them, usually the I/O worker while the officer types. Two threads
asking at once must not make two: the second waits for the first's value.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Once"]

T = TypeVar("T")


class Once(Generic[T]):
    """``make()`` called the first time :meth:`get` is, and its value kept.

    ``make`` raising leaves nothing kept: the next :meth:`get` calls it again (a facade
    that failed to build is not remembered as built).
    """

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._lock = threading.Lock()
        self._value: T | None = None

    def get(self) -> T:
        if self._make is None:  # made already: no lock on the common path
            return self._value  # type: ignore[return-value]  # T itself may be None
        with self._lock:
            make = self._make
            if make is not None:
                self._value = make()
                self._make = None
            return self._value

    @property
    def made(self) -> bool:
        return self._make is None
