"""Background work for the UI: run a function in a worker, get ``(result, error)`` back.

Modelled on Anki's ``QueryOp``/``CollectionOp`` builders and Picard's ``run_task``:

* database work goes to a pool with exactly **one** thread, so service calls that open a
  session never race each other (SQLite/SQLCipher prefers one writer);
* I/O (files, rendering, network) goes to a general pool;
* the callback always runs on the GUI thread and receives ``(result, error)`` — exactly
  one of them is meaningful (``error is None`` means success);
* a callback is dropped when it has gone stale: when its ``owner`` widget was destroyed
  while the work ran, or when the runner was shut down. Callers that need finer staleness
  (a model that was reset) capture their own generation counter in the callback.

Only plain values and frozen dataclasses should cross threads, never ORM objects.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

__all__ = ["PoolName", "Task", "TaskRunner"]

log = logging.getLogger(__name__)

PoolName = Literal["db", "io"]
# Errors (``AnuyatError.code``) by which the services refuse a session as a whole.
SESSION_ENDING_CODES = frozenset({"session_ended", "password_change_required"})
OnDone = Callable[[Any, BaseException | None], None]


@dataclass(eq=False)
class Task:
    """One piece of background work and where its outcome goes.

    ``label`` is what the log shows; the function and its arguments are never logged,
    because they may hold a password.
    """

    fn: Callable[[], Any]
    on_done: OnDone
    label: str
    owner: QObject | None = None
    result: Any = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def is_stale(self) -> bool:
        """True when the owner widget was destroyed while the work ran."""
        return self.owner is not None and not shiboken6.isValid(self.owner)


class _Worker(QRunnable):
    """Runs one task in a pool thread and hands it back through the runner's relay."""

    def __init__(self, task: Task, deliver: Callable[[Task], None]) -> None:
        super().__init__()
        self._task = task
        self._deliver = deliver
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self._task
        try:
            task.result = task.fn()
        except Exception as exc:  # handed to the callback; the worker must survive
            task.error = exc
            detail = getattr(exc, "detail", None)
            if hasattr(exc, "th") and hasattr(exc, "en"):
                # A failure a person caused (AnuyatError): the message is shown to them,
                # and only its code and detail are logged: the message may name people
                # (an officer, an applicant), which the log must never hold.
                code = getattr(exc, "code", "error")
                log.info("task %s failed: %s (%s)", task.label, code, detail or "-")
            else:
                log.error("task %s failed", task.label, exc_info=exc)
        finally:
            task.done.set()
            self._deliver(task)


class TaskRunner(QObject):
    """Owns the UI's worker pools and delivers outcomes on the GUI thread.

    Create one per application (``app``/``ui.shell.start`` does) and pass it to the windows;
    call :meth:`shutdown` before the QApplication goes away.

    Signals:
        task_did_finish(str): emitted on the GUI thread after a task's callback ran
            (or was dropped as stale), with the task's label. Useful for busy indicators.
        session_did_end(object): a task failed because the services ended the officer's
            session (deactivated, or a password to change first); carries the error. The
            main window signs out on it, wherever the refused call came from.
    """

    task_did_finish = Signal(str)
    session_did_end = Signal(object)
    _task_did_return = Signal(object)  # worker thread -> GUI thread (queued)

    def __init__(self, parent: QObject | None = None, *, io_threads: int | None = None) -> None:
        super().__init__(parent)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._db_pool.setExpiryTimeout(-1)  # keep the one database thread alive
        self._io_pool = QThreadPool(self)
        if io_threads is not None:
            self._io_pool.setMaxThreadCount(max(1, io_threads))
        self._pending: set[Task] = set()
        self._lock = threading.Lock()
        self._closed = False
        # The runner lives on the GUI thread, so this connection is queued from workers.
        self._task_did_return.connect(self._on_task_returned)

    # -- public -------------------------------------------------------------------------

    def run(
        self,
        fn: Callable[[], Any],
        on_done: OnDone,
        *,
        pool: PoolName = "db",
        owner: QObject | None = None,
        label: str = "",
    ) -> Task:
        """Run ``fn()`` in a worker; call ``on_done(result, error)`` on the GUI thread.

        ``pool="db"`` queues behind other database work (one thread); ``pool="io"`` runs in
        the general pool. If ``owner`` is destroyed before the work finishes, ``on_done`` is
        not called; after :meth:`shutdown` the work is not run at all. Returns the
        :class:`Task` (tests may wait on ``task.done``).
        """
        if pool not in ("db", "io"):
            raise ValueError(f"unknown pool {pool!r}; use 'db' or 'io'")
        task = Task(fn=fn, on_done=on_done, label=label or _describe(fn), owner=owner)
        if self._closed:
            # A timer or a late signal asking for work while the GUI ends: nobody is left to
            # show its outcome, so it is not run (as when its owner is gone), never raised
            # into a Qt slot.
            log.debug("task %s not started: the runner is shut down", task.label)
            task.done.set()
            return task
        with self._lock:
            self._pending.add(task)
        target = self._db_pool if pool == "db" else self._io_pool
        target.start(_Worker(task, self._relay))
        return task

    def pending(self) -> int:
        """How many tasks are queued or running (callbacks not yet delivered)."""
        with self._lock:
            return len(self._pending)

    def is_closed(self) -> bool:
        """Shut down (the GUI is ending): work asked for later, on a timer, is not wanted."""
        return self._closed

    def is_busy(self) -> bool:
        return self.pending() > 0

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Drop queued work, wait for running work, and stop delivering callbacks.

        Returns False if workers were still running after ``timeout_ms``.
        """
        self._closed = True
        self._db_pool.clear()
        self._io_pool.clear()
        finished = self._db_pool.waitForDone(timeout_ms) and self._io_pool.waitForDone(timeout_ms)
        with self._lock:
            self._pending.clear()
        if not finished:
            log.warning("background work still running at shutdown")
        return finished

    # -- internals ----------------------------------------------------------------------

    def _relay(self, task: Task) -> None:
        """Called in the worker thread: pass the finished task to the GUI thread."""
        if self._closed:
            return
        try:
            self._task_did_return.emit(task)
        except RuntimeError:
            # The runner's C++ object is gone (application shutting down): nobody to tell.
            pass

    @Slot(object)
    def _on_task_returned(self, task: Task) -> None:
        with self._lock:
            known = task in self._pending
            self._pending.discard(task)
        if self._closed or not known:
            return
        try:
            if task.is_stale():
                log.debug("task %s finished after its owner was destroyed; dropped", task.label)
            else:
                task.on_done(task.result, task.error)
        finally:
            self.task_did_finish.emit(task.label)
            if getattr(task.error, "code", None) in SESSION_ENDING_CODES:
                self.session_did_end.emit(task.error)


def _describe(fn: Callable[[], Any]) -> str:
    # Only the function's name: a repr of a partial would print its arguments.
    return getattr(fn, "__qualname__", None) or type(fn).__name__
