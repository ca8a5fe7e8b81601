"""Keep CPython 3.11 alive under PySide6 6.12.0's lost references to ``None``.

PySide6-Essentials 6.12.0 returns ``None`` from every wrapped ``void`` method (and from
an invalid ``QVariant``) without taking a new reference. On CPython 3.12+ ``None`` is
immortal and nothing happens; on 3.11 each call takes one reference away from ``None``,
and after some thousands of ``setText()`` calls the interpreter aborts with
"Fatal Python error: none_dealloc". 6.11.3 does not do this (checked with the same calls).

The real fix is a PySide6 outside 6.12.0 (or Python 3.12+). Until then
:func:`protect_none` gives ``None`` a very large reference count, which is what 3.12's
immortal objects do anyway. It measures first and does nothing where the bug is absent.
"""

from __future__ import annotations

import ctypes
import logging
import sys

__all__ = ["none_leaks_per_call", "protect_none"]

log = logging.getLogger(__name__)

_HEADROOM = 1 << 40  # far more calls than a process makes in years


def none_leaks_per_call() -> float:
    """References ``None`` loses per call of a wrapped void Qt method (0 when healthy)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    calls = 64
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return max(0, before - sys.getrefcount(None)) / calls


def protect_none() -> bool:
    """Give ``None`` headroom if this PySide6 leaks it; return True if it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if none_leaks_per_call() < 0.5:
        return False
    import PySide6

    # ob_refcnt is the first field of every CPython object.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _HEADROOM
    log.warning(
        "PySide6 %s drops references to None on Python %s.%s; protected it. "
        "Use a PySide6 other than 6.12.0 or Python 3.12+.",
        PySide6.__version__,
        *sys.version_info[:2],
    )
    return True
