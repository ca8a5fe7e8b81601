"""A batch being signed when the screen locks: it finishes behind the lock (a batch cut in
half is worse than one finished), its progress dialog waits for the unlock, and no PIN
outlives the batch: not in the dialog, not anywhere in the process. Real SoftHSM2 token,
real store and widgets; the batch is held at its start by a gate so the lock comes first."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import delete

from models import UserRole
from services.api.approval import SigningSettings
from services.api.ports import build_ports
from services.produce.sign.token import Pin
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import claimed, reviewed, token_choice
from tests.ui.conftest import active_main_window, officer_types
from ui.approval.batch_progress import BatchProgressDialog


def _ports_and_batch(context, softhsm, hours: tuple[int, ...]):
    token = softhsm["approver"]
    ports = build_ports(context, signing=SigningSettings(token.module, (token.root_pem,)))
    users = {n: ports.shell.sign_in(n, STAFF_PASSWORD) for n in ("intake", "reviewer", "approver")}
    ids = [reviewed(context, ports, users, hour=h) for h in hours]
    approver = users["approver"]
    return ports, approver, ids, claimed(ports.approval, approver, ids)


def _gate(ports) -> threading.Event:
    """Hold the batch (the real one) at its start until the test opens the gate."""
    gate, real = threading.Event(), ports.approval.approve_batch

    def held(*args, **kwargs):
        assert gate.wait(30), "the test never let the batch through"
        return real(*args, **kwargs)

    ports.approval.approve_batch = held
    return gate


def _pins_holding(value: str) -> list[Pin]:
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, Pin) and o.reveal() == value]


def _unlock(qtbot, window) -> None:
    password = window.screen_lock.panel.password
    qtbot.waitUntil(lambda: QApplication.focusWidget() is password, timeout=3000)
    with qtbot.waitSignal(window.screen_lock.did_unlock, timeout=10000):
        officer_types(STAFF_PASSWORD)
        qtbot.keyClick(password, Qt.Key.Key_Return)


def _start_and_lock(qtbot, runner, window, ports, approver, items, softhsm):
    progress = BatchProgressDialog(runner, window)
    finished: list[object] = []
    pin = softhsm["approver"].pin

    def ended(outcome: object) -> None:  # the moment the batch's end reaches the screen
        finished.append(outcome)
        finished.append(_pins_holding(pin))

    progress.batch_did_finish.connect(ended)
    progress.open()
    qtbot.waitUntil(progress.isVisible, timeout=2000)
    progress.start(ports.approval, approver, items, token_choice(softhsm))  # the PIN, typed
    with qtbot.waitSignal(window.screen_lock.did_lock, timeout=2000):
        window.lock_screen()
    assert not progress.isVisible()  # hidden behind the lock, not cancelled
    return progress, finished


def test_a_batch_signing_when_the_screen_locks_finishes_and_keeps_no_pin(
    gui, qtbot, runner, settings, context, softhsm
) -> None:
    pin = softhsm["approver"].pin
    ports, approver, ids, items = _ports_and_batch(context, softhsm, (9, 10))
    gate = _gate(ports)
    window = active_main_window(qtbot, ports, approver, runner, settings)
    try:
        progress, finished = _start_and_lock(qtbot, runner, window, ports, approver, items, softhsm)
        assert _pins_holding(pin), "the check must see the PIN while the batch holds it"
    finally:
        gate.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    assert window.screen_lock.is_locked and not progress.isVisible()
    assert finished[0] is not None and finished[0].approved == tuple(ids)
    assert finished[1] == []  # at the batch's end its PIN was gone, lock or not
    assert _pins_holding(pin) == []
    _unlock(qtbot, window)
    qtbot.waitUntil(progress.isVisible, timeout=2000)  # what became of the batch, shown now
    assert "2" in progress.status.text()


def test_a_batch_refused_before_the_token_is_opened_keeps_no_pin_either(
    gui, qtbot, runner, settings, context, softhsm
) -> None:
    """The approver's role is taken away while the screen is locked: the services refuse
    the batch before the token is asked (roles are re-read per action), so the PIN is never
    used, and the screen must drop it all the same."""
    pin = softhsm["approver"].pin
    ports, approver, _ids, items = _ports_and_batch(context, softhsm, (9,))
    gate = _gate(ports)
    window = active_main_window(qtbot, ports, approver, runner, settings)
    try:
        progress, finished = _start_and_lock(qtbot, runner, window, ports, approver, items, softhsm)
        with context.writing() as session:
            session.execute(
                delete(UserRole).where(
                    UserRole.user_id == approver.user_id, UserRole.role == "approver"
                )
            )
    finally:
        gate.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    assert finished == [None, []]  # refused, and its PIN gone the moment it ended
    assert _pins_holding(pin) == []
