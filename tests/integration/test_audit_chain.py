"""The hash-chained event log: every change recorded, any tampering found and named."""

from __future__ import annotations

from sqlalchemy import func, select, text

from models import Event
from services.kernel.actors import SYSTEM
from services.kernel.events import verify_chain


def _add_events(context, n: int) -> None:
    with context.unit_of_work(SYSTEM) as uow:
        for i in range(n):
            uow.record("test.happened", "test", f"agg-{i}", {"i": i, "note": "บันทึก"})


def _verify(context):
    with context.read() as session:
        return verify_chain(session)


def test_intact_chain_verifies(context) -> None:
    _add_events(context, 20)
    report = _verify(context)
    assert report.ok
    with context.read() as session:
        assert report.checked == session.scalar(select(func.count()).select_from(Event))


def test_altered_payload_is_found_and_named(context) -> None:
    _add_events(context, 10)
    with context.store.engine.begin() as conn:
        seq = conn.execute(text("SELECT seq FROM event ORDER BY seq LIMIT 1 OFFSET 7")).scalar_one()
        conn.execute(
            text("UPDATE event SET payload = :p WHERE seq = :s"), {"p": '{"i":999}', "s": seq}
        )
    report = _verify(context)
    assert not report.ok and report.broken is not None
    assert report.broken.seq == seq
    assert report.broken.problem == "altered"
    assert f"row seq {seq}" in report.broken.describe()


def test_altered_actor_or_time_is_found(context) -> None:
    _add_events(context, 5)
    with context.store.engine.begin() as conn:
        seq = conn.execute(text("SELECT max(seq) - 2 FROM event")).scalar_one()
        conn.execute(text("UPDATE event SET actor = 'someone-else' WHERE seq = :s"), {"s": seq})
    report = _verify(context)
    assert report.broken is not None and report.broken.seq == seq


def test_deleted_row_is_found(context) -> None:
    _add_events(context, 10)
    with context.store.engine.begin() as conn:
        seq = conn.execute(text("SELECT max(seq) - 4 FROM event")).scalar_one()
        conn.execute(text("DELETE FROM event WHERE seq = :s"), {"s": seq})
    report = _verify(context)
    assert report.broken is not None
    assert report.broken.problem == "missing"
    assert report.broken.seq == seq + 1  # the next event no longer links back


def test_deleted_last_row_is_found(context) -> None:
    _add_events(context, 3)
    with context.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM event WHERE seq = (SELECT max(seq) FROM event)"))
    report = _verify(context)
    assert report.broken is not None and report.broken.problem == "truncated"


def test_rewritten_hash_breaks_the_next_link(context) -> None:
    # An attacker who recomputes one row's hash still breaks the row after it.
    _add_events(context, 6)
    with context.store.engine.begin() as conn:
        seq = conn.execute(text("SELECT max(seq) - 3 FROM event")).scalar_one()
        conn.execute(text("UPDATE event SET hash = :h WHERE seq = :s"), {"h": "f" * 64, "s": seq})
    report = _verify(context)
    assert report.broken is not None and report.broken.seq == seq


def test_event_and_state_commit_together(context, actors) -> None:
    # A failing action leaves neither a state change nor an event behind.
    with context.read() as session:
        before = session.scalar(select(func.count()).select_from(Event))
    try:
        with context.unit_of_work(SYSTEM) as uow:
            uow.record("test.partial", "test", "x", {})
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == before
    assert _verify(context).ok
