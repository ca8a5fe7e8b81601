"""Reading a PDF hex string (``<3082…>``) at C speed, for pyHanko's reader.

pyHanko reads a hex string one byte at a time in Python (``read_hex_string_from_stream``).
A signature's ``/Contents`` is such a string, thousands of digits long with its unused room
— and every reading of a signed file reads it: the check the approval batch makes right after
each signature spent more than half its time there. :func:`install` puts a reader in its
place that finds the closing ``>`` and decodes the digits at once. It keeps pyHanko's
answer exactly: where the string holds anything but digits and white space (a comment, a
stray byte), it steps back and lets pyHanko's own reader read it, errors and all.
"""

from __future__ import annotations

import binascii
from typing import IO, Any

__all__ = ["install", "read_hex_string"]

_WHITESPACE = b" \n\r\t\f\x00"  # pyhanko.pdf_utils.misc.PDF_WHITESPACE
_HEX_DIGITS = b"0123456789abcdefABCDEF"
_CHUNK = 16_384

_pyhanko_reader: Any = None


def read_hex_string(stream: IO[bytes]) -> Any:
    """What ``pyhanko.pdf_utils.generic.read_hex_string_from_stream`` returns for ``stream``
    (positioned at the ``<``), leaving the stream just past the ``>`` as it does."""
    from pyhanko.pdf_utils import generic

    start = stream.tell()
    stream.read(1)  # the "<"
    parts: list[bytes] = []
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return _by_pyhanko(stream, start)  # no ">": pyHanko says how it ends
        end = chunk.find(b">")
        if end < 0:
            parts.append(chunk)
            continue
        parts.append(chunk[:end])
        stream.seek(end + 1 - len(chunk), 1)  # just past the ">"
        break
    digits = b"".join(parts).translate(None, _WHITESPACE)
    if digits.translate(None, _HEX_DIGITS):
        return _by_pyhanko(stream, start)  # a comment or a stray byte: pyHanko decides
    if len(digits) % 2:
        digits += b"0"  # PDF: a missing last digit is a zero
    return generic.pdf_string(binascii.unhexlify(digits))


def _by_pyhanko(stream: IO[bytes], start: int) -> Any:
    stream.seek(start)
    return _pyhanko_reader(stream)


def install() -> None:
    """Put :func:`read_hex_string` in pyHanko's reader (once; pyHanko's own is kept for the
    strings this one hands back to it)."""
    global _pyhanko_reader
    from pyhanko.pdf_utils import generic

    current = getattr(generic, "read_hex_string_from_stream", None)
    if current is None or current is read_hex_string:
        # A pyHanko that no longer has this reader keeps its own way of reading: slower,
        # never wrong. tests/unit/test_pdf_hex.py says when that happens.
        return
    _pyhanko_reader = current
    generic.read_hex_string_from_stream = read_hex_string
