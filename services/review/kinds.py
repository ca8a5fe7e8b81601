"""The review's vocabulary: verdicts and identity-check kinds (stored as these values)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["IdentityCheckKind", "Verdict"]


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    NOT_APPLICABLE = "not_applicable"


class IdentityCheckKind(StrEnum):
    """The identity and delegation checks (requirements P2, M05–M07, M14, M29, M30), in
    review order."""

    ID_DOCUMENT_GENUINE = "id_document_genuine"
    FACE_TO_FACE = "face_to_face"
    PHOTO_CONSISTENT = "photo_consistent"
    CALLBACK = "callback"
    JURISTIC_CERTIFICATE = "juristic_certificate"
    JURISTIC_SIGNATORY = "juristic_signatory"
    POA_STAMP_DUTY = "poa_stamp_duty"
    POA_GRANTOR_CALL = "poa_grantor_call"
    POA_GRANTOR_AUTHORITY = "poa_grantor_authority"

    @property
    def must_accept(self) -> bool:
        """A MUST clause (M06, M07, M14, M29, M30): only an accepted verdict satisfies it; a
        SHOULD check also counts when marked not applicable with a reason."""
        return self not in (
            IdentityCheckKind.PHOTO_CONSISTENT,
            IdentityCheckKind.CALLBACK,
            IdentityCheckKind.POA_GRANTOR_CALL,
        )

    @property
    def for_delegation(self) -> bool:
        """Needed only when someone applies through a proxy (power of attorney)."""
        return self in (
            IdentityCheckKind.POA_STAMP_DUTY,
            IdentityCheckKind.POA_GRANTOR_CALL,
            IdentityCheckKind.POA_GRANTOR_AUTHORITY,
        )
