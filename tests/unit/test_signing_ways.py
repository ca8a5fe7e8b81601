"""Which ways of signing an officer is offered, by the service's lowest signature type and the
agency's PKCS#12 setting (DGA table 4.1): the password (a type-1 record) only where type 1 is
enough; the PKCS#12 file only where the agency allows it and type 2 is enough; the token always."""

from __future__ import annotations

from services.produce.sign.choice import SigningSettings, ways_for


def test_type_1_services_offer_the_password_and_type_2_or_3_do_not() -> None:
    plain = SigningSettings()
    assert ways_for(plain, 1) == ("token", "record")
    assert ways_for(plain, 2) == ("token",)
    assert ways_for(plain, 3) == ("token",)


def test_the_pkcs12_file_is_offered_only_where_the_agency_allows_it() -> None:
    allowing = SigningSettings(allow_pkcs12=True)
    assert ways_for(allowing, 1) == ("token", "pkcs12", "record")
    assert ways_for(allowing, 2) == ("token", "pkcs12")
    assert ways_for(allowing, 3) == ("token",)  # a file's key gives type 2 at most
