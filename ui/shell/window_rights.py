"""What the signed-in officer may do in the main window, asked once of the access table.

The window builds its pages, menus and keys from these answers; it never re-decides them
(``services.access.table`` does). The services still check every action again, against the
roles read from the store, when the officer acts.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.api import Action, Ports, SignedInUser, may, may_see_issuing

__all__ = ["WindowRights"]


@dataclass(frozen=True, slots=True)
class WindowRights:
    """One answer per part of the window; a part without its port counts as not allowed."""

    quarantine: bool
    not_requests: bool
    take_as_request: bool
    register: bool
    review: bool
    take_next: bool
    confirm_applicant: bool
    run_sync: bool
    manage_officers: bool
    read_reports: bool
    approve: bool
    verify_payments: bool
    read_audit: bool
    manage_settings: bool
    view_catalog: bool
    issue: bool
    retention: bool

    @classmethod
    def of(cls, ports: Ports, user: SignedInUser, *, has_accounts: bool) -> WindowRights:
        roles = user.roles
        return cls(
            quarantine=may(roles, Action.HANDLE_QUARANTINE),
            not_requests=may(roles, Action.VIEW_NOT_REQUESTS),
            take_as_request=may(roles, Action.TAKE_AS_REQUEST),
            register=may(roles, Action.REGISTER_AT_COUNTER),
            review=may(roles, Action.OPEN_REVIEW),
            take_next=may(roles, Action.TAKE_NEXT),
            confirm_applicant=may(roles, Action.CONFIRM_APPLICANT),
            run_sync=may(roles, Action.RUN_SYNC),
            manage_officers=has_accounts and may(roles, Action.MANAGE_OFFICERS),
            read_reports=may(roles, Action.READ_REPORTS),
            approve=may(roles, Action.APPROVE),
            verify_payments=ports.fees is not None and may(roles, Action.VERIFY_PAYMENT),
            read_audit=may(roles, Action.READ_AUDIT),
            manage_settings=ports.settings is not None and may(roles, Action.MANAGE_SETTINGS),
            view_catalog=ports.catalog is not None and may(roles, Action.VIEW_CATALOG),
            issue=ports.issuing is not None and may_see_issuing(roles),
            retention=ports.archive is not None and may(roles, Action.LIST_FOR_DESTRUCTION),
        )
