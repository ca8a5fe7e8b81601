"""A PKCS#11 token: the approver's USB token (OpenSC for ePass2003-class tokens, SafeNet's
eToken library, others through their maker's module), or SoftHSM2 in tests.

:class:`TokenSession` logs in with a PIN the program asked for (pyHanko's own prompt is for
its command line only) and is then used by one thread — the signing worker — for a whole
batch; :meth:`TokenSession.close` logs out. The PIN is handed in as a :class:`Pin`, used for
the login and forgotten: it is never stored, logged or put in a message.

The token counts wrong PINs and locks itself; the program never retries a PIN on its own and
reads the token's flags to say when few tries are left or the token is locked.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final

import pkcs11
from cryptography import x509
from pkcs11 import Attribute, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11

from services.produce.sign.certs import CertificateFacts, certificate_facts
from services.produce.sign.errors import (
    PinIncorrect,
    PinLocked,
    SigningFailed,
    TokenMissing,
    TokenModuleUnusable,
    TokenRemoved,
)

__all__ = [
    "COMMON_MODULES",
    "Pin",
    "TokenCertificate",
    "TokenInfo",
    "TokenSession",
    "list_tokens",
    "pin_state",
    "public_certificates",
    "token_errors",
]

log = logging.getLogger(__name__)

# Where the usual modules are installed (offered in the settings; the first that exists is
# the default). OpenSC drives ePass2003 and most Thai CA tokens; SafeNet eToken has its own.
COMMON_MODULES: Final = (
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so",
    "/usr/lib/libeTPkcs11.so",
    "/usr/lib/softhsm/libsofthsm2.so",
    "C:\\Windows\\System32\\opensc-pkcs11.dll",
    "C:\\Windows\\System32\\eTPKCS11.dll",
)

# A PKCS#11 module may be initialised once per process; every session shares it.
_LIBRARIES: dict[str, Any] = {}
_LIBRARIES_LOCK = threading.Lock()

# What a pulled token (or a library shut down under us) looks like to the caller.
_GONE = (
    p11.DeviceRemoved,
    p11.TokenNotPresent,
    p11.SessionClosed,
    p11.SessionHandleInvalid,
    p11.DeviceError,
    p11.TokenNotRecognised,
    p11.ObjectHandleInvalid,
    p11.KeyHandleInvalid,
)


class Pin:
    """A PIN in hand. It shows as ``Pin(****)`` wherever it is printed or logged."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def __repr__(self) -> str:
        return "Pin(****)"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)

    def reveal(self) -> str:
        """The digits, for the one call that logs in."""
        return self._value

    def forget(self) -> None:
        self._value = ""


@dataclass(frozen=True)
class TokenInfo:
    """A token the module sees, for the picker and ``anuyat doctor``."""

    label: str
    manufacturer: str
    model: str
    serial: str
    pin_state: str
    """"ok", "low" (few tries left), "final" (one try left) or "locked"."""


@dataclass(frozen=True)
class TokenCertificate:
    """A certificate on the token and the label of the key that goes with it."""

    label: str
    key_id: bytes
    der: bytes
    facts: CertificateFacts


def pin_state(flags: int) -> str:
    """What the token's flags say about its user PIN (PKCS#11 CKF_USER_PIN_*)."""
    if flags & TokenFlag.USER_PIN_LOCKED:
        return "locked"
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return "final"
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return "low"
    return "ok"


def _library(module_path: str) -> Any:
    with _LIBRARIES_LOCK:
        lib = _LIBRARIES.get(module_path)
        if lib is None:
            try:
                lib = pkcs11.lib(module_path)
            except (p11.PKCS11Error, OSError, RuntimeError) as exc:
                raise TokenModuleUnusable(module_path, detail=repr(exc)) from exc
            _LIBRARIES[module_path] = lib
        return lib


def reset_library(module_path: str) -> None:
    """Finalise and reinitialise the module (after a token was pulled, so it is seen again)."""
    with _LIBRARIES_LOCK:
        lib = _LIBRARIES.get(module_path)
        if lib is not None:
            try:
                lib.reinitialize()
            except p11.PKCS11Error:
                _LIBRARIES.pop(module_path, None)


@contextmanager
def token_errors() -> Iterator[None]:
    """Turn the module's exceptions into messages an approver can act on."""
    try:
        yield
    except _GONE as exc:
        raise TokenRemoved(detail=repr(exc)) from exc
    except p11.PinLocked as exc:
        raise PinLocked() from exc
    except (p11.NoSuchToken, p11.SlotIDInvalid) as exc:
        raise TokenMissing(detail=repr(exc)) from exc
    except p11.PKCS11Error as exc:
        if "CryptokiNotInitialized" in type(exc).__name__ or "not initialized" in str(exc):
            raise TokenRemoved(detail=repr(exc)) from exc
        raise SigningFailed(detail=repr(exc)) from exc


def list_tokens(module_path: str) -> list[TokenInfo]:
    """The tokens plugged in (no PIN needed)."""
    lib = _library(module_path)
    found = []
    with token_errors():
        for slot in lib.get_slots(token_present=True):
            token = slot.get_token()
            found.append(
                TokenInfo(
                    label=token.label,
                    manufacturer=token.manufacturer_id,
                    model=token.model,
                    serial=token.serial.decode("ascii", "replace").strip()
                    if isinstance(token.serial, bytes)
                    else str(token.serial),
                    pin_state=pin_state(int(token.flags)),
                )
            )
    return found


def public_certificates(module_path: str, token_label: str) -> list[CertificateFacts]:
    """The certificates a token shows without a PIN (for ``anuyat doctor``)."""
    lib = _library(module_path)
    found = []
    with token_errors():
        token = lib.get_token(token_label=token_label)
        with token.open() as session:
            for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                der = bytes(obj[Attribute.VALUE])
                found.append(certificate_facts(x509.load_der_x509_certificate(der)))
    return found


class TokenSession:
    """A logged-in session on one token, for one batch, used by one thread."""

    def __init__(self, module_path: str, token_label: str, pin: Pin) -> None:
        self.module_path = module_path
        self.token_label = token_label
        # Kept only for keys that demand the PIN again for every signature
        # (CKA_ALWAYS_AUTHENTICATE), and only until close(): the token asks, not the program.
        self._signing_pin = Pin("")
        self._reauthenticating: set[bytes] = set()
        lib = _library(module_path)
        with token_errors():
            try:
                self._token = lib.get_token(token_label=token_label)
            except p11.NoSuchToken as exc:
                raise TokenMissing(token_label, detail=repr(exc)) from exc
            if pin_state(int(self._token.flags)) == "locked":
                raise PinLocked()
            try:
                self.session = self._token.open(user_pin=pin.reveal())
                self._reauthenticating = self._keys_needing_the_pin_again()
                if self._reauthenticating:
                    self._signing_pin = Pin(pin.reveal())
            except p11.PinIncorrect:
                # Read the flags again: the token has just counted this try.
                state = pin_state(int(lib.get_token(token_label=token_label).flags))
                if state == "locked":
                    raise PinLocked() from None
                raise PinIncorrect(state if state in ("low", "final") else None) from None
            except (p11.PinInvalid, p11.PinLenRange):
                raise PinIncorrect() from None
            finally:
                pin.forget()
        log.info("token session opened on %s", token_label)

    def _keys_needing_the_pin_again(self) -> set[bytes]:
        found = set()
        for key in self.session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
            try:
                if key[Attribute.ALWAYS_AUTHENTICATE]:
                    found.add(bytes(key[Attribute.ID]))
            except p11.PKCS11Error:
                continue  # a token without the attribute never asks again
        return found

    def signing_pin(self, key_id: bytes) -> Pin | None:
        """The PIN to give again at each signature with this key, if the token wants it."""
        return self._signing_pin if key_id in self._reauthenticating else None

    def certificates(self) -> list[TokenCertificate]:
        """The X.509 certificates on the token that have a private key beside them."""
        found = []
        with token_errors():
            keys = {
                bytes(k[Attribute.ID])
                for k in self.session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
            }
            for obj in self.session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                key_id = bytes(obj[Attribute.ID])
                if key_id not in keys:
                    continue
                der = bytes(obj[Attribute.VALUE])
                facts = certificate_facts(x509.load_der_x509_certificate(der))
                found.append(TokenCertificate(str(obj[Attribute.LABEL]), key_id, der, facts))
        return found

    def close(self) -> None:
        """Log out and close (errors ignored: the token may be gone already)."""
        self._signing_pin.forget()
        try:
            self.session.close()
        except p11.PKCS11Error:
            log.info("token session on %s was already gone", self.token_label)
