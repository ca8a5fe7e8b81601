"""The fast hex-string reader gives pyHanko's answer exactly, and leaves the stream where
pyHanko's own reader leaves it; what it does not read itself (a comment, a stray byte, no
closing ``>``) it hands to pyHanko's reader, which decides (and raises) as before."""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfStreamError

from services.produce.sign import pdf_hex

pdf_hex.install()
PYHANKO = pdf_hex._pyhanko_reader


def _both(raw: bytes) -> tuple[tuple[object, int], tuple[object, int]]:
    """(value, position after) by the fast reader and by pyHanko's own, from ``raw``."""
    answers = []
    for reader in (pdf_hex.read_hex_string, PYHANKO):
        stream = io.BytesIO(b"xx" + raw + b" /Next")
        stream.seek(2)
        value = reader(stream)
        answers.append((value, stream.tell()))
    return answers[0], answers[1]


@pytest.mark.parametrize(
    "raw",
    [
        b"<48656C6C6F>",  # "Hello": a text string
        b"<4 8 6\n5 6c\r\n6C\t6F>",  # white space anywhere between digits
        b"<3082>",  # bytes that are not text
        b"<FEFF0E220E34>",  # UTF-16 with its mark: Thai text
        b"<486>",  # odd: the missing last digit is a zero
        b"<>",
        b"<" + b"30820a" + b"0" * 40_000 + b">",  # a signature's container and its room
        b"<4865 % a comment > inside\n6C6C6F>",  # a comment: pyHanko's reader reads it
    ],
)
def test_the_fast_reader_answers_as_pyhanko_does(raw: bytes) -> None:
    fast, slow = _both(raw)
    assert fast == slow
    assert type(fast[0]) is type(slow[0])


@pytest.mark.parametrize("raw", [b"<48zz>", b"<4865", b"<48\x8065>"])
def test_what_pyhanko_refuses_is_still_refused(raw: bytes) -> None:
    for reader in (pdf_hex.read_hex_string, PYHANKO):
        stream = io.BytesIO(raw)
        with pytest.raises(PdfStreamError):
            reader(stream)


def test_installed_once_in_pyhankos_reader() -> None:
    pdf_hex.install()
    assert generic.read_hex_string_from_stream is pdf_hex.read_hex_string
    assert pdf_hex._pyhanko_reader is not pdf_hex.read_hex_string
    # pyHanko's object reader comes to it for a hex string, and gets its own reader's answer.
    value = generic.read_object(io.BytesIO(b"<FEFF0E220E34>"), generic.Reference(1, 0))
    assert value == PYHANKO(io.BytesIO(b"<FEFF0E220E34>")) == "ยิ"


def test_a_pyhanko_without_this_reader_keeps_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader is put in by name: a pyHanko that renamed it is left alone, not broken."""
    monkeypatch.delattr(generic, "read_hex_string_from_stream")
    monkeypatch.setattr(pdf_hex, "_pyhanko_reader", None)
    pdf_hex.install()
    assert not hasattr(generic, "read_hex_string_from_stream")
    assert pdf_hex._pyhanko_reader is None
