"""Turning the agency's signing settings and an officer's choice into a way of signing.

One public entry for every facade that signs — approval now, issuing and the register seal
too: :func:`open_method` checks what was chosen (a token certificate and its PIN, a PKCS#12
file where the agency allows one, or a type-1 record confirmed with the sign-in password)
and returns a :class:`~services.produce.sign.methods.SigningMethod` for one batch;
:func:`trust_roots` reads the agency's roots. Secrets in a choice are used once and dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509

from services.access import auth
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput, PermissionDenied
from services.produce.sign.errors import CertificateUnusable
from services.produce.sign.methods import Pkcs12Method, RecordMethod, SigningMethod, TokenMethod
from services.produce.sign.strength import KeyKind, SignatureType
from services.produce.sign.token import COMMON_MODULES, Pin, TokenSession
from services.produce.sign.verify import load_trust_roots
from services.store.context import AppContext

__all__ = [
    "SigningChoice",
    "SigningSettings",
    "check_password_again",
    "open_method",
    "trust_roots",
    "ways_for",
]


@dataclass(frozen=True)
class SigningSettings:
    """The agency's signing settings (app/settings.py)."""

    pkcs11_module: str = ""
    trust_roots: tuple[Path, ...] = ()
    allow_pkcs12: bool = False
    tsa_url: str = ""
    """The agency's RFC 3161 time-stamping authority; empty: no time-stamps."""

    def module(self) -> str:
        """The module path set, else the first usual one installed."""
        if self.pkcs11_module:
            return self.pkcs11_module
        for candidate in COMMON_MODULES:
            if os.path.exists(candidate):
                return candidate
        return COMMON_MODULES[0]


@dataclass(frozen=True)
class SigningChoice:
    """How the officer signs this batch."""

    kind: KeyKind
    token_label: str = ""
    certificate_key_id: bytes = b""
    pkcs12_path: str = ""
    secret: Pin = field(default_factory=lambda: Pin(""))
    """The token PIN, the PKCS#12 password, or (type 1) the officer's sign-in password."""


def ways_for(settings: SigningSettings, min_signature_type: int) -> tuple[KeyKind, ...]:
    """The ways of signing an officer is offered for a service needing ``min_signature_type``:
    the token always; a PKCS#12 file (type 2 at most) where the agency allows it and type 2
    is enough; the password (a type-1 record) only where type 1 is enough. :func:`open_method`
    and the strength check refuse the rest anyway; offering only these spares the officer a
    choice that must fail."""
    ways: list[KeyKind] = ["token"]
    if settings.allow_pkcs12 and min_signature_type <= SignatureType.RELIABLE:
        ways.append("pkcs12")
    if min_signature_type <= SignatureType.RECORD:
        ways.append("record")
    return tuple(ways)


def trust_roots(settings: SigningSettings) -> list[asn1_x509.Certificate]:
    return load_trust_roots(list(settings.trust_roots))


_WRONG_PASSWORD = (
    "รหัสผ่านไม่ถูกต้อง ยังไม่ได้อนุมัติรายการใด — พิมพ์รหัสผ่านที่ใช้เข้าสู่ระบบ",
    "Wrong password; nothing was approved. Type the password you sign in with.",
)


def check_password_again(
    context: AppContext, actor: Actor, password: Pin, wrong: tuple[str, str] = _WRONG_PASSWORD
) -> None:
    """Type 1: the officer types their sign-in password again (M17); ``wrong``: what a
    wrong one is told (Thai, English), in the words of what was being done."""
    try:
        with context.read(actor) as session:
            check = auth.check_password(session, actor.username, password.reveal())
    finally:
        password.forget()
    if not check.verified:
        raise PermissionDenied(*wrong)


def open_method(
    context: AppContext, settings: SigningSettings, actor: Actor, choice: SigningChoice
) -> SigningMethod:
    """The way of signing ``choice`` names, checked and ready (close it after the batch)."""
    now = context.clock.now()
    if choice.kind == "record":
        check_password_again(context, actor, choice.secret)
        return RecordMethod()
    if choice.kind == "pkcs12":
        if not settings.allow_pkcs12:
            choice.secret.forget()
            raise PermissionDenied(
                "หน่วยงานไม่อนุญาตให้ลงนามด้วยไฟล์ PKCS#12 — ใช้โทเคน USB",
                "The agency does not allow signing with a PKCS#12 file; use the USB token.",
            )
        try:
            data = Path(choice.pkcs12_path).read_bytes()
        except OSError as exc:
            choice.secret.forget()
            raise InvalidInput(
                "เปิดไฟล์ PKCS#12 ไม่ได้ — ตรวจว่าเลือกไฟล์ถูกต้อง",
                "The PKCS#12 file cannot be opened; check the file chosen.",
                detail=repr(exc),
            ) from exc
        return Pkcs12Method(data, choice.secret, now, settings.tsa_url)
    session = TokenSession(settings.module(), choice.token_label, choice.secret)
    try:
        certificates = session.certificates()
        chosen = next(
            (c for c in certificates if c.key_id == choice.certificate_key_id),
            certificates[0] if certificates and not choice.certificate_key_id else None,
        )
        if chosen is None:
            raise CertificateUnusable(
                "ไม่พบใบรับรองที่เลือกบนโทเคน — เลือกใบรับรองใหม่",
                "The chosen certificate is not on the token; choose again.",
            )
        roots = [x509.load_der_x509_certificate(r.dump()) for r in trust_roots(settings)]
        return TokenMethod(session, chosen, roots, now, settings.tsa_url)
    except BaseException:
        session.close()
        raise
