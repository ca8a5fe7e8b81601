"""Where a line of Thai may break: between words, found with a dictionary (PyThaiNLP newmm).

Thai writes no spaces between words, so a wrapped paragraph needs a segmenter to know where
one word ends; breaking between any two characters would cut a syllable ("ผู้ยื่น" split
after "ผู้ย") and the reader, and a program extracting the text, would see a different word.
A word longer than a line (a long URL, a name) is broken between character clusters: a base
letter with the vowels and tone marks stacked on it is never split.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["clusters", "words"]


def clusters(text: str) -> Iterator[str]:
    """A base character with the marks stacked on it, one at a time."""
    cluster = ""
    for ch in text:
        if cluster and unicodedata.category(ch) == "Mn":
            cluster += ch
            continue
        if cluster:
            yield cluster
        cluster = ch
    if cluster:
        yield cluster


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@lru_cache(maxsize=4096)
def _segment(run: str) -> tuple[str, ...]:
    # Imported late: PyThaiNLP loads its dictionary on first use (about a second), and most
    # documents without Thai paragraphs never need it.
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(run, engine="newmm", keep_whitespace=True))


def words(line: str) -> list[str]:
    """``line`` cut into words and the spaces between them; ``"".join`` gives it back."""
    pieces: list[str] = []
    for i, run in enumerate(line.split(" ")):
        if i:
            pieces.append(" ")
        if run:
            pieces.extend(_segment(run) if _has_thai(run) else (run,))
    return pieces
