"""TaskRunner: work runs off the GUI thread, outcomes come back on it, stale ones are dropped."""

from __future__ import annotations

import logging
import threading
from functools import partial

import pytest
from PySide6.QtCore import QObject

from ui.common.tasks import TaskRunner


def _run_and_wait(qtbot, runner: TaskRunner, fn, **kw) -> list[tuple[object, object, str]]:
    outcomes: list[tuple[object, object, str]] = []

    def done(result, error) -> None:
        outcomes.append((result, error, threading.current_thread().name))

    runner.run(fn, done, **kw)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    return outcomes


def test_result_arrives_on_the_gui_thread(qtbot, runner) -> None:
    worker_threads: list[str] = []

    def work() -> int:
        worker_threads.append(threading.current_thread().name)
        return 42

    [(result, error, callback_thread)] = _run_and_wait(qtbot, runner, work)
    assert (result, error) == (42, None)
    assert callback_thread == threading.main_thread().name
    assert worker_threads and worker_threads[0] != threading.main_thread().name


def test_error_arrives_instead_of_a_result(qtbot, runner) -> None:
    def work() -> None:
        raise ValueError("broken")

    [(result, error, _)] = _run_and_wait(qtbot, runner, work)
    assert result is None
    assert isinstance(error, ValueError) and str(error) == "broken"


def test_database_work_runs_one_at_a_time_in_order(qtbot, runner) -> None:
    running = 0
    overlaps = 0
    order: list[int] = []
    threads: set[int] = set()
    lock = threading.Lock()

    def work(number: int) -> int:
        nonlocal running, overlaps
        with lock:
            running += 1
            overlaps += running > 1
        threads.add(threading.get_ident())
        threading.Event().wait(0.01)
        with lock:
            running -= 1
        return number

    for number in range(8):
        runner.run(partial(work, number), lambda r, e: order.append(r))
    qtbot.waitUntil(lambda: len(order) == 8, timeout=5000)
    assert order == list(range(8))
    assert overlaps == 0
    assert len(threads) == 1


def test_io_pool_is_separate_from_the_database_worker(qtbot, runner) -> None:
    gate = threading.Event()
    finished: list[str] = []
    # Block the database worker; I/O work must still get through.
    runner.run(lambda: gate.wait(5), lambda r, e: finished.append("db"))
    runner.run(lambda: "io", lambda r, e: finished.append(r), pool="io")
    qtbot.waitUntil(lambda: finished == ["io"], timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: finished == ["io", "db"], timeout=5000)


def test_unknown_pool_is_refused(runner) -> None:
    with pytest.raises(ValueError):
        runner.run(lambda: None, lambda r, e: None, pool="gpu")  # type: ignore[arg-type]


def test_callback_of_a_destroyed_owner_is_dropped(qtbot, runner) -> None:
    import shiboken6

    gate = threading.Event()
    called: list[object] = []
    finished: list[str] = []
    runner.task_did_finish.connect(finished.append)
    owner = QObject()
    runner.run(lambda: gate.wait(5), lambda r, e: called.append(r), owner=owner, label="stale")
    shiboken6.delete(owner)  # the widget went away while the work ran
    gate.set()
    qtbot.waitUntil(lambda: finished == ["stale"], timeout=5000)
    assert called == []
    assert runner.pending() == 0


def test_callback_of_a_living_owner_is_delivered(qtbot, runner) -> None:
    owner = QObject()
    [(result, _, _)] = _run_and_wait(qtbot, runner, lambda: "fresh", owner=owner)
    assert result == "fresh"


def test_shutdown_stops_deliveries_and_new_work(qtbot, gui) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    called: list[object] = []
    task = runner.run(lambda: gate.wait(5), lambda r, e: called.append(r))
    threading.Timer(0.05, gate.set).start()
    assert runner.shutdown(timeout_ms=5000)
    assert task.done.is_set()
    qtbot.wait(50)
    assert called == []
    # Work asked for after shutdown (a late timer) is neither run nor raised into a slot.
    ran: list[str] = []
    late = runner.run(lambda: ran.append("ran"), lambda r, e: called.append("late"))
    assert late.done.is_set()
    qtbot.wait(50)
    assert ran == [] and called == []


def test_log_names_the_task_never_its_arguments(qtbot, runner, caplog) -> None:
    def sign_in(username: str, password: str) -> None:
        raise RuntimeError("database unreachable")

    with caplog.at_level(logging.DEBUG, logger="ui.common.tasks"):
        _run_and_wait(qtbot, runner, partial(sign_in, "somying", "hunter2-secret"))
    assert "hunter2-secret" not in caplog.text
    assert "failed" in caplog.text


def test_a_persons_failure_is_logged_by_code_without_the_message(qtbot, runner, caplog) -> None:
    """The message of an AnuyatError may name an officer; the log keeps its code only."""
    from services.kernel.errors import AnuyatError

    def work() -> None:
        raise AnuyatError(
            "มอบงานให้ นางสาวสมศรี ใจดี ไม่ได้",
            "Cannot assign to Somsri Jaidee.",
            code="assign_refused",
            detail="officer id 7 inactive",
        )

    with caplog.at_level(logging.INFO, logger="ui.common.tasks"):
        [(_, error, _)] = _run_and_wait(qtbot, runner, work, label="review.reassign")
    assert isinstance(error, AnuyatError)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "assign_refused" in logged and "officer id 7 inactive" in logged
    assert "Somsri" not in logged and "สมศรี" not in logged
