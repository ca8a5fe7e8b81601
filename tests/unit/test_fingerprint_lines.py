"""The mail fingerprint's body rule, done by replaces, gives the bytes the per-line loop gave:
fingerprints already in the store must still match a copy of the same mail."""

from __future__ import annotations

import random

from services.intake.mail.fingerprint import _trimmed_lines, content_fingerprint


def _per_line(body: bytes) -> bytes:
    """The rule as it was first written (one Python step per line)."""
    return b"\n".join(line.rstrip() for line in body.splitlines()).rstrip()


def test_trimmed_lines_agree_with_the_per_line_rule_on_awkward_bodies() -> None:
    rng = random.Random(2569)
    alphabet = b"ab \t\r\n\x0b\x0c\x1c\x85="
    bodies = [b"", b"\n", b"\r\n\r\n", b"a \r\n b\t\r\n\r\n", b"x\ry \rz  ", b" \x0b\x0c\n"]
    bodies += [bytes(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(3000)]
    # Bodies with no blank before any line end (base64, most text) take a shorter way.
    bodies += [
        body.replace(b" ", b"").replace(b"\t", b"").replace(b"\x0b", b"").replace(b"\x0c", b"")
        for body in bodies
    ]
    for body in bodies:
        assert _trimmed_lines(body) == _per_line(body), body


def test_a_copy_with_other_line_ends_and_trailing_blanks_has_the_same_fingerprint() -> None:
    mail = b"From: a@example.co.th\r\nSubject: x\r\n\r\nline one \r\nline two\t\r\n\r\n"
    copy = b"From: a@example.co.th\nSubject: x\n\nline one\nline two\n"
    changed = b"From: a@example.co.th\nSubject: x\n\nline one\nline 2\n"
    assert content_fingerprint(mail) == content_fingerprint(copy)
    assert content_fingerprint(mail) != content_fingerprint(changed)
