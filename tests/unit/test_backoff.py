"""Back-off while the mailbox is unreachable: grows, jitters, caps, resets."""

from __future__ import annotations

import random

import pytest

from services.intake.mail.sources import Backoff


def test_delays_double_within_jitter_bounds_and_cap() -> None:
    backoff = Backoff(base_s=5, factor=2, cap_s=900, rng=random.Random(7))
    ceilings = [5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900]
    for n, top in enumerate(ceilings):
        assert backoff.attempts == n
        assert backoff.ceiling() == top
        delay = backoff.next_delay()
        assert top / 2 <= delay <= top


def test_jitter_is_reproducible_with_an_injected_random() -> None:
    first = [Backoff(rng=random.Random(42)).next_delay() for _ in range(3)]
    a = Backoff(rng=random.Random(42))
    b = Backoff(rng=random.Random(42))
    seq_a = [a.next_delay() for _ in range(10)]
    seq_b = [b.next_delay() for _ in range(10)]
    assert seq_a == seq_b
    assert len(set(first)) == 1  # same seed, same first draw
    # Different stations (seeds) do not retry in step.
    c = Backoff(rng=random.Random(43))
    assert [c.next_delay() for _ in range(10)] != seq_a


def test_reset_starts_again_from_base() -> None:
    backoff = Backoff(base_s=2, cap_s=60, rng=random.Random(1))
    for _ in range(5):
        backoff.next_delay()
    assert backoff.ceiling() == 60
    backoff.reset()
    assert backoff.attempts == 0
    assert 1 <= backoff.next_delay() <= 2


def test_a_long_outage_stays_at_the_cap_without_overflow() -> None:
    backoff = Backoff(rng=random.Random(3))
    delays = [backoff.next_delay() for _ in range(5000)]
    assert max(delays) <= 15 * 60
    assert min(delays[-100:]) >= 15 * 60 / 2


def test_default_cap_is_fifteen_minutes() -> None:
    backoff = Backoff(rng=random.Random(0))
    for _ in range(30):
        backoff.next_delay()
    assert backoff.ceiling() == 900


@pytest.mark.parametrize("kwargs", [{"base_s": 0}, {"factor": 0.5}, {"base_s": 10, "cap_s": 5}])
def test_nonsense_settings_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Backoff(**kwargs)
