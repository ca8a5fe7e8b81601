"""The raw scan for active PDF content looks only at names that can spell what it seeks, and
finds what the scan of every name found."""

from __future__ import annotations

import random
import re

from services.intake.inspect.pdf import _RAW_ACTIVE, _raw_pdf_active

_EVERY_NAME = re.compile(rb"/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){2,20})")


def _every_name_scan(data: bytes) -> set[str]:
    """The scan as first written: each name, unescaped, looked up."""
    found: set[str] = set()
    for match in _EVERY_NAME.finditer(data):
        token = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), match[1])
        if kind := _RAW_ACTIVE.get(token):
            found.add(kind)
    return found


def test_the_scan_finds_what_the_scan_of_every_name_found() -> None:
    rng = random.Random(2569)
    pieces = [b"/", b"J", b"S", b"L", b"#", b"4", b"A", b"a", b"C", b"c", b"6", b"1", b"x",
              b"JavaScript", b"Launch", b"JS", b"#4A", b"#4c", b"#61", b" ", b"\x00", b"\xff",
              b"/JS", b"/Launch", b"/J#61vaScript", b"/#4CAUNCH", b"/#4Caunch"]  # fmt: skip
    samples = [
        b"/JS", b"/JSX", b"/Launch", b"/#4Aavascript", b"/J#61vaScript", b"/#4caunch",
        b"/AB/JS", b"/J/S", b"/" + b"J" * 25, b"/JavaScriptJavaScriptJS",
    ]  # fmt: skip
    samples += [b"".join(rng.choice(pieces) for _ in range(rng.randrange(40))) for _ in range(5000)]
    samples += [rng.randbytes(4096) for _ in range(50)]  # like a scan's image bytes
    hits = 0
    for data in samples:
        expected = _every_name_scan(data)
        assert _raw_pdf_active(data) == expected, data
        hits += bool(expected)
    assert hits > 500  # the samples do hold active names, written many ways
