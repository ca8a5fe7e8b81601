"""Certificate names compared at the speed of a dictionary, for pyHanko's validator.

asn1crypto compares two X.509 names the way RFC 5280 asks: each attribute's text is first
prepared as RFC 4518 says (Unicode mapping and normalisation, case folding, spaces), in
Python, by ``NameTypeAndValue._ldap_string_prep``. It keeps the result on the parsed
certificate only, and every signed PDF brings its certificates parsed anew: the check the
approval batch makes right after each signature prepared the same few names about thirty
times, a sixth of that check's time. The preparation depends on the text alone (the method
reads nothing else), so :func:`install` remembers it for the texts seen, a bounded number.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["install", "prepared"]

# Names in an agency's certificates are few; the bound keeps a strange file from growing it.
_REMEMBERED = 4096

_asn1crypto_prep: Any = None


@lru_cache(maxsize=_REMEMBERED)
def prepared(text: str) -> str:
    """What asn1crypto's own preparation returns for ``text``, computed once."""
    return str(_asn1crypto_prep(None, text))


def _prep(self: object, text: str) -> str:
    return prepared(text)


def install() -> None:
    """Put the remembering preparation in asn1crypto (once)."""
    global _asn1crypto_prep
    from asn1crypto import x509

    current = getattr(x509.NameTypeAndValue, "_ldap_string_prep", None)
    if current is None or current is _prep:
        # An asn1crypto without this method compares names its own way: slower, never
        # wrong. tests/unit/test_name_prep.py says when that happens.
        return
    _asn1crypto_prep = current
    x509.NameTypeAndValue._ldap_string_prep = _prep
