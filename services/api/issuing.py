"""The issuing port and facade: issue a licence (signed as the approval was), revoke it,
publish the register, deliver by the applicant's channel.

Each method is one user action in its own session, called off the GUI thread.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Final, Protocol

from cryptography import x509

from services import issuing
from services.access.table import Action, require
from services.issuing import checking, data_requests, delivery, listing, register, timestamps, views
from services.issuing.checking import LicenceCheck
from services.issuing.data_requests import DataRequestRow
from services.issuing.delivery import Delivery
from services.issuing.listing import STATUS_FILTERS, IssuedPage, IssuedService, LicenceQuery
from services.issuing.paper import PaperLicence, register_paper
from services.issuing.seal import MANIFEST, SEAL, seal_manifest
from services.issuing.timestamps import PendingLicenceTimestamp
from services.issuing.views import IssuedRow, ToIssueRow, may_see_lists
from services.kernel.actors import Actor, SignedInUser
from services.kernel.errors import InvalidInput
from services.produce import sign
from services.produce.sign import SigningFailed, verify_pdf
from services.produce.sign.certs import check_usable
from services.produce.sign.choice import (
    SigningChoice,
    SigningSettings,
    check_password_again,
    open_method,
    trust_roots,
    ways_for,
)
from services.produce.sign.methods import (
    Pkcs12Method,
    RecordMethod,
    SigningMethod,
    TokenMethod,
    chains_to,
)
from services.produce.sign.strength import KeyKind
from services.store.context import AppContext


def _may_sign(certificate: sign.TokenCertificate, now: datetime) -> bool:
    try:
        check_usable(certificate.facts, now)
    except sign.CertificateUnusable:
        return False
    return True


def may_see_issuing(roles: frozenset[str]) -> bool:
    """Whether the holder of ``roles`` sees the issuing page's lists (the services' answer)."""
    return may_see_lists(roles)


__all__ = [
    "DataRequestRow",
    "Delivery",
    "LICENCE_STATUS_FILTERS",
    "IssuedLicence",
    "IssuedPage",
    "IssuedRow",
    "IssuedService",
    "Issuing",
    "IssuingPort",
    "LicenceCheck",
    "LicenceQuery",
    "PaperLicence",
    "PendingLicenceTimestamp",
    "RegisteredPaper",
    "ToIssueRow",
    "may_see_issuing",
]

LICENCE_STATUS_FILTERS: Final = STATUS_FILTERS
"""The statuses the "Licences issued" list filters on (valid means in force today)."""

_MAX_CHECKED_FILE: Final = 50 * 1024 * 1024


@dataclass(frozen=True)
class IssuedLicence:
    issued_id: str
    number: str
    file_name: str
    verification_code: str
    verification_url: str
    signature_type: int
    timestamp_pending: bool = False
    """Signed without the time-stamp the agency wants (its TSA did not answer): the
    officer is told, and "Add timestamps" adds it later."""


@dataclass(frozen=True)
class RegisteredPaper:
    issued_id: str
    number: str
    verification_code: str
    verification_url: str


_WRONG_PASSWORD = (
    "รหัสผ่านไม่ถูกต้อง ยังไม่ได้ออกใบอนุญาต — พิมพ์รหัสผ่านที่ใช้เข้าสู่ระบบ",
    "Wrong password; no licence was issued. Type the password you sign in with.",
)


class IssuingPort(Protocol):
    def today(self) -> date:
        """The agency's today: the services' clock read in the agency's time zone (the month
        an empty date field's calendar opens on)."""
        ...

    def issue(
        self,
        user: SignedInUser,
        application_id: str,
        choice: SigningChoice,
        renews: str = "",
        premises: str | None = None,
    ) -> IssuedLicence: ...

    def revoke(self, user: SignedInUser, issued_id: str, reason: str) -> None: ...

    def publish(
        self, user: SignedInUser, folder: Path, seal: SigningChoice | None = None
    ) -> register.ExportSummary: ...

    def to_issue(self, user: SignedInUser) -> list[ToIssueRow]: ...

    def issued(self, user: SignedInUser) -> list[IssuedRow]: ...

    def find_issued(
        self, user: SignedInUser, query: LicenceQuery, offset: int = 0, limit: int = 100
    ) -> IssuedPage: ...

    def issued_services(self, user: SignedInUser) -> list[IssuedService]: ...

    def deliver(
        self,
        user: SignedInUser,
        issued_id: str,
        *,
        protect: bool = False,
        handed_to: str = "",
        channel: str = "",
    ) -> Delivery: ...

    def signing_tokens(self, user: SignedInUser) -> list[sign.TokenInfo]: ...

    def signing_ways(self, user: SignedInUser, min_signature_type: int) -> tuple[KeyKind, ...]: ...

    def signing_certificates(
        self, user: SignedInUser, token_label: str, pin: sign.Pin
    ) -> list[sign.TokenCertificate]: ...

    def check_file(self, user: SignedInUser, path: Path) -> LicenceCheck: ...

    def check_typed(self, user: SignedInUser, reference: str) -> LicenceCheck: ...

    def record_data_request(
        self, user: SignedInUser, reference: str, requester: str, email: str = ""
    ) -> None: ...

    def data_requests(self, user: SignedInUser) -> list[DataRequestRow]: ...

    def answer_data_request(self, user: SignedInUser, request_id: str) -> str: ...

    def pending_licence_timestamps(self, user: SignedInUser) -> list[PendingLicenceTimestamp]: ...

    def add_licence_timestamps(self, user: SignedInUser) -> list[str]: ...

    def register_paper(self, user: SignedInUser, paper: PaperLicence) -> RegisteredPaper: ...


class Issuing:
    def __init__(
        self,
        context: AppContext,
        settings: SigningSettings | None = None,
        verify_base: str = "",
        drive_root: Path | None = None,
    ) -> None:
        self.context = context
        self.drive_root = drive_root
        self.settings = settings or SigningSettings()
        self.verify_base = verify_base

    def today(self) -> date:
        return self.context.today()

    def _base(self) -> str:
        if self.verify_base:
            return self.verify_base
        with self.context.read() as session:
            return register.default_verify_base(session)

    def issue(
        self,
        user: SignedInUser,
        application_id: str,
        choice: SigningChoice,
        renews: str = "",
        premises: str | None = None,
    ) -> IssuedLicence:
        """``renews``: the number or code of the licence this one renews (it is superseded);
        ``premises``: the address the officer confirmed (None: the request's suggestion)."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.ISSUE_LICENCE)
        base = self._base()
        # One way of signing for all (services.produce.sign.choice): the same password, PIN
        # and certificate checks as the approval, so a licence is signed as its approval was.
        method = self._method(actor, choice)
        try:
            with self.context.unit_of_work(actor) as uow:
                draft = issuing.prepare_licence(
                    uow, application_id, base, signature_type=method.signature_type,
                    renews=renews, premises=premises,
                )  # fmt: skip
            signed = method.sign(
                draft.pdf,
                reason=f"ออกใบอนุญาต / Licence {draft.number}",
                location=self.context.agency_code,
            )
            if method.signature_type > 1:
                roots = trust_roots(self.settings)
                result = verify_pdf(signed, roots)
                if not (result.signatures and all(s.intact and s.valid for s in result.signatures)):
                    raise SigningFailed(detail="the licence's new signature did not validate")
            late = method.timestamp_wanted and not method.last_timestamped
        finally:
            method.close()
        with self.context.unit_of_work(actor) as uow:
            issued = issuing.record_licence(
                uow,
                self.context.calendar,
                self.context.store.blobs,
                draft,
                signed,
                method.signature_type,
                timestamp_pending=late,
            )
            issued_id = issued.id
        return IssuedLicence(
            issued_id,
            draft.number,
            draft.file_name,
            draft.verification_code,
            issuing.verification_url(base, draft.verification_code),
            method.signature_type,
            late,
        )

    def _method(self, actor: Actor, choice: SigningChoice) -> SigningMethod:
        if choice.kind == "token" and not choice.certificate_key_id:
            return self._first_signing_certificate(choice)
        if choice.kind != "record":
            return open_method(self.context, self.settings, actor, choice)
        # Type 1: the sign-in password again (M17), with words about issuing, not approving.
        check_password_again(self.context, actor, choice.secret, _WRONG_PASSWORD)
        return RecordMethod()

    def _first_signing_certificate(self, choice: SigningChoice) -> TokenMethod:
        """The token's signing certificate when the approver named none: a token often holds
        others too (encryption, an expired one, a self-signed test one). Of those that may sign
        now, one under the agency's roots first, then by key id: the same one every time."""
        session = sign.TokenSession(self.settings.module(), choice.token_label, choice.secret)
        try:
            now = self.context.clock.now()
            roots = [x509.load_der_x509_certificate(r.dump()) for r in trust_roots(self.settings)]
            found = session.certificates()
            usable = [c for c in found if _may_sign(c, now)]
            if not usable:
                raise sign.CertificateUnusable(
                    "ไม่มีใบรับรองสำหรับลงนามที่ใช้ได้บนโทเคนนี้ — ตรวจวันหมดอายุ หรือใช้โทเคนอื่น",
                    "The token holds no certificate that may sign now: check its expiry, or use "
                    "another token.",
                )

            def rank(c: sign.TokenCertificate) -> tuple[bool, bytes]:
                under_roots = chains_to(x509.load_der_x509_certificate(c.der), roots)
                return (not under_roots, c.key_id)

            chosen = min(usable, key=rank)
            return TokenMethod(session, chosen, roots, now, self.settings.tsa_url)
        except BaseException:
            session.close()
            raise

    def signing_tokens(self, user: SignedInUser) -> list[sign.TokenInfo]:
        require(self.context.verified(Actor.from_user(user)), Action.ISSUE_LICENCE)
        return sign.list_tokens(self.settings.module())

    def signing_ways(self, user: SignedInUser, min_signature_type: int) -> tuple[KeyKind, ...]:
        """The ways the issue dialog offers for a service needing ``min_signature_type``."""
        require(self.context.verified(Actor.from_user(user)), Action.ISSUE_LICENCE)
        return ways_for(self.settings, min_signature_type)

    def signing_certificates(
        self, user: SignedInUser, token_label: str, pin: sign.Pin
    ) -> list[sign.TokenCertificate]:
        """The certificates on the token, for the approver to choose the one that signs."""
        require(self.context.verified(Actor.from_user(user)), Action.ISSUE_LICENCE)
        session = sign.TokenSession(self.settings.module(), token_label, pin)
        try:
            return session.certificates()
        finally:
            session.close()

    def revoke(self, user: SignedInUser, issued_id: str, reason: str) -> None:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.unit_of_work(actor) as uow:
            register.revoke(uow, issued_id, reason)

    def publish(
        self, user: SignedInUser, folder: Path, seal: SigningChoice | None = None
    ) -> register.ExportSummary:
        """Write the publish folder; with ``seal`` (a key: the token or a PKCS#12 file), sign
        its manifest too, unless nothing changed and the folder's seal is already there."""
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            entries = register.public_entries(session, actor, self.context.clock.now())
        summary = register.export_register(entries, folder)
        if seal is not None and (summary.written or not (folder / SEAL).exists()):
            method = self._seal_method(actor, seal)
            try:
                seal_manifest(method.signer, folder)
            finally:
                method.close()
            summary = replace(summary, sealed=True)
        manifest = hashlib.sha256((folder / MANIFEST).read_bytes()).hexdigest()
        with self.context.unit_of_work(actor) as uow:
            uow.record(
                "licences.register_published",
                "register",
                "licences",
                {"entries": len(entries), "written": summary.written,
                 "manifest_sha256": manifest, "sealed": summary.sealed},
            )  # fmt: skip
        return summary

    def _seal_method(self, actor: Actor, choice: SigningChoice) -> TokenMethod | Pkcs12Method:
        if choice.kind == "record":
            choice.secret.forget()
            raise InvalidInput(
                "ตราของทะเบียนต้องลงด้วยกุญแจ (โทเคน USB หรือไฟล์ PKCS#12) ไม่ใช่รหัสผ่าน",
                "The register is sealed with a key (the USB token or a PKCS#12 file), not a "
                "password.",
            )
        method = open_method(self.context, self.settings, actor, choice)
        assert isinstance(method, TokenMethod | Pkcs12Method)  # not record: a key
        return method

    # --- paper licences issued before the system --------------------------------------

    def register_paper(self, user: SignedInUser, paper: PaperLicence) -> RegisteredPaper:
        """Record a paper licence by hand (approvers and supervisors); its number and the
        verification code of its page in the published register."""
        actor = self.context.verified(Actor.from_user(user))
        base = self._base()
        with self.context.unit_of_work(actor) as uow:
            entry = register_paper(uow, paper)
            registered = RegisteredPaper(
                entry.id, entry.document_number, entry.verification_code,
                issuing.verification_url(base, entry.verification_code),
            )  # fmt: skip
        return registered

    # --- time-stamps added later ------------------------------------------------------

    def pending_licence_timestamps(self, user: SignedInUser) -> list[PendingLicenceTimestamp]:
        """Licences signed while the TSA could not be reached, waiting for a time-stamp."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.ISSUE_LICENCE)
        with self.context.read(actor) as session:
            return timestamps.pending_licence_timestamps(session)

    def add_licence_timestamps(self, user: SignedInUser) -> list[str]:
        """Time-stamp them now (the TSA answers again); the licence numbers done."""
        actor = self.context.verified(Actor.from_user(user))
        return timestamps.add_licence_timestamps(
            self.context, actor, self.settings.tsa_url, trust_roots(self.settings)
        )

    def to_issue(self, user: SignedInUser) -> list[ToIssueRow]:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return views.to_issue_rows(session, actor)

    def issued(self, user: SignedInUser) -> list[IssuedRow]:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return views.issued_rows(session, actor, self.context.clock.now())

    def find_issued(
        self, user: SignedInUser, query: LicenceQuery, offset: int = 0, limit: int = 100
    ) -> IssuedPage:
        """One page of the licences matching what the officer typed and chose, with the
        count of all that match (:mod:`services.issuing.listing`)."""
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return listing.find_issued(
                session, actor, self.context.clock.now(), query, offset=offset, limit=limit
            )

    def issued_services(self, user: SignedInUser) -> list[IssuedService]:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return listing.issued_services(session, actor)

    def deliver(
        self,
        user: SignedInUser,
        issued_id: str,
        *,
        protect: bool = False,
        handed_to: str = "",
        channel: str = "",
    ) -> Delivery:
        """``channel``: another channel than the request's (after a bounce); empty: its own."""
        actor = self.context.verified(Actor.from_user(user))
        with self.context.unit_of_work(actor) as uow:
            return delivery.deliver(
                uow,
                self.context.calendar,
                self.context.store.blobs,
                issued_id,
                protect=protect,
                drive_root=self.drive_root,
                handed_to=handed_to,
                channel=channel,
            )

    # --- checking a licence someone shows -------------------------------------------------

    def check_file(self, user: SignedInUser, path: Path) -> LicenceCheck:
        """A licence PDF, a photo or screenshot of one, or a scan of a paper licence."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VERIFY_LICENCE)
        try:
            if path.stat().st_size > _MAX_CHECKED_FILE:
                raise InvalidInput(
                    f"ไฟล์ {path.name} ใหญ่เกิน 50 MB — ถ่ายรูปใบอนุญาตใหม่หรือพิมพ์เลขที่แทน",
                    f"{path.name} is larger than 50 MB: take a new photo of the licence or type "
                    "its number instead.",
                )
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(
                f"อ่านไฟล์ {path.name} ไม่ได้ — ตรวจว่าไฟล์ยังอยู่และเปิดได้",
                f"{path.name} cannot be read: check the file is still there and can be opened.",
                detail=repr(exc),
            ) from exc
        roots = trust_roots(self.settings)
        with self.context.read(actor) as session:
            return checking.check_file(session, actor, data, roots, self.context.clock.now())

    def check_typed(self, user: SignedInUser, reference: str) -> LicenceCheck:
        """A paper licence by the number or verification code printed on it."""
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return checking.check_typed(session, actor, reference, self.context.clock.now())

    # --- requests for a licence's data (three business days) ----------------------------

    def record_data_request(
        self, user: SignedInUser, reference: str, requester: str, email: str = ""
    ) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            data_requests.record(uow, self.context.calendar, reference, requester, email)

    def data_requests(self, user: SignedInUser) -> list[DataRequestRow]:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return data_requests.data_requests(
                session, actor, self.context.calendar, self.context.clock.now()
            )

    def answer_data_request(self, user: SignedInUser, request_id: str) -> str:
        """Returns how it was answered: email | counter."""
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return data_requests.answer(uow, self.context.store.blobs, request_id)
