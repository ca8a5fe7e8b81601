"""The remembered name preparation answers exactly as asn1crypto's own (name_prep)."""

from __future__ import annotations

import pytest
from asn1crypto import x509

from services.produce.sign import name_prep

name_prep.install()
ASN1CRYPTO = name_prep._asn1crypto_prep

TEXTS = [
    "นายอนุมัติ รอบคอบ",
    "Anuyat Demo CA",
    "  anuyat   DEMO ca ",
    "Straße",  # case folding maps ß to ss
    "e\u0301cole",  # a combining accent: normalised
    "",
    "\u00a0soft\u00adhyphen",  # mapped to nothing or to a space
]


def test_asn1crypto_has_the_method_this_replaces() -> None:
    """If asn1crypto renames it, install() leaves names alone: this says so."""
    assert ASN1CRYPTO is not None
    assert x509.NameTypeAndValue._ldap_string_prep is name_prep._prep


@pytest.mark.parametrize("text", TEXTS)
def test_each_text_is_prepared_as_asn1crypto_prepares_it(text: str) -> None:
    assert name_prep.prepared(text) == ASN1CRYPTO(None, text)
    assert name_prep.prepared(text) == ASN1CRYPTO(None, text)  # the remembered answer too


def test_a_prohibited_character_is_refused_every_time_as_before() -> None:
    with pytest.raises(ValueError) as theirs:
        ASN1CRYPTO(None, "private\ue000use")
    for _ in range(2):  # a refusal is not remembered as an answer
        with pytest.raises(ValueError) as ours:
            name_prep.prepared("private\ue000use")
        assert str(ours.value) == str(theirs.value)


def test_names_compare_as_rfc_5280_says() -> None:
    def name(cn: str) -> x509.Name:
        return x509.Name.build({"common_name": cn, "country_name": "TH"})

    assert name("Anuyat  Demo CA") == name("anuyat demo ca")
    assert name("Anuyat Demo CA") != name("Anuyat Demo CA 2")
    assert name("นายอนุมัติ รอบคอบ") == name(" นายอนุมัติ  รอบคอบ")
