"""UID sets for commands, and the plan that bounds each fetch by count and by bytes."""

from __future__ import annotations

from collections.abc import Sequence


def uid_set(uids: Sequence[int]) -> str:
    """``[1, 2, 3, 7]`` → ``"1:3,7"`` (input ascending)."""
    parts: list[str] = []
    start = prev = uids[0]
    for uid in uids[1:]:
        if uid == prev + 1:
            prev = uid
            continue
        parts.append(f"{start}:{prev}" if prev != start else str(start))
        start = prev = uid
    parts.append(f"{start}:{prev}" if prev != start else str(start))
    return ",".join(parts)


def plan_batches(sizes: Sequence[tuple[int, int]], count: int, max_bytes: int) -> list[list[int]]:
    batches: list[list[int]] = []
    current: list[int] = []
    used = 0
    for uid, size in sizes:
        if current and (len(current) >= count or used + size > max_bytes):
            batches.append(current)
            current, used = [], 0
        current.append(uid)
        used += size
    if current:
        batches.append(current)
    return batches
