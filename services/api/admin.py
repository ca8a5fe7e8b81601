"""Officers and passwords, as the screens and the CLI ask for them.

:class:`AccountPort` is every officer's (change my password, the policy's hint);
:class:`AdminPort` is the administrator's officers page. :class:`OfficersFacade` implements
both over the store; each call is one action in its own session, safe to run on a worker.
Who may do what is decided in :mod:`services.access.officers`; a screen asks
:meth:`AdminPort.may_manage_officers` and never re-decides it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from services.access import officers
from services.access.officers import IssuedPassword, NewOfficer, OfficerAccount, OfficerDetails
from services.access.passwords import PasswordPolicy
from services.access.table import Action, require
from services.kernel.actors import Actor, SignedInUser
from services.store.context import AppContext

__all__ = ["AccountPort", "AdminPort", "OfficersFacade"]


class AccountPort(Protocol):
    """What any signed-in officer may do with their own account."""

    def password_rules(self) -> tuple[str, str]:
        """The password policy in one sentence (Thai, English), shown beside the field."""
        ...

    def change_my_password(self, user: SignedInUser, current: str, new: str) -> SignedInUser:
        """Replace the password; returns the session without the forced-change flag.
        Raises AnuyatError: wrong current password, a password the policy refuses."""
        ...


class AdminPort(Protocol):
    """The administrator's officers page."""

    def may_manage_officers(self, user: SignedInUser) -> bool: ...

    def officers(self, user: SignedInUser) -> list[OfficerAccount]:
        """Every account, active first."""
        ...

    def create_officer(self, user: SignedInUser, new: NewOfficer) -> IssuedPassword:
        """The new officer's one-time password, to be shown once."""
        ...

    def update_details(self, user: SignedInUser, username: str, details: OfficerDetails) -> bool:
        """Names, position, e-mail; False if nothing changed."""
        ...

    def set_roles(self, user: SignedInUser, username: str, roles: tuple[str, ...]) -> bool:
        """False if nothing changed. Refuses to leave no active administrator."""
        ...

    def set_section(self, user: SignedInUser, username: str, section: str) -> bool:
        """Put the officer in a section (``""``: none); False if nothing changed."""
        ...

    def deactivate(self, user: SignedInUser, username: str, reason: str) -> None: ...

    def activate(self, user: SignedInUser, username: str) -> None: ...

    def reset_password(self, user: SignedInUser, username: str) -> IssuedPassword:
        """A one-time password, to be shown once; also lifts a lockout."""
        ...

    def unlock(self, user: SignedInUser, username: str) -> None: ...


class OfficersFacade:
    """The real :class:`AdminPort` and :class:`AccountPort`."""

    def __init__(self, context: AppContext, policy: PasswordPolicy | None = None) -> None:
        self.context = context
        self.policy = policy or PasswordPolicy()

    def password_rules(self) -> tuple[str, str]:
        return self.policy.describe()

    def change_my_password(self, user: SignedInUser, current: str, new: str) -> SignedInUser:
        actor = Actor.from_user(user)
        with self.context.unit_of_work(actor, changing_own_password=True) as uow:
            officers.change_own_password(uow, current, new, self.policy)
        return replace(user, must_change_password=False)

    def may_manage_officers(self, user: SignedInUser) -> bool:
        return officers.may_manage_officers(user.roles)

    def officers(self, user: SignedInUser) -> list[OfficerAccount]:
        # A unit of work (not a bare read) so a deactivated admin's session is refused too.
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            require(uow.actor, Action.MANAGE_OFFICERS)
            return officers.list_officers(uow.session, uow.now)

    def create_officer(self, user: SignedInUser, new: NewOfficer) -> IssuedPassword:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return officers.create_officer(uow, new, self.policy)

    def update_details(self, user: SignedInUser, username: str, details: OfficerDetails) -> bool:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return officers.update_details(uow, username, details)

    def set_roles(self, user: SignedInUser, username: str, roles: tuple[str, ...]) -> bool:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return officers.set_roles(uow, username, roles)

    def set_section(self, user: SignedInUser, username: str, section: str) -> bool:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return officers.set_section(uow, username, section)

    def deactivate(self, user: SignedInUser, username: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            officers.deactivate(uow, username, reason)

    def activate(self, user: SignedInUser, username: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            officers.activate(uow, username)

    def reset_password(self, user: SignedInUser, username: str) -> IssuedPassword:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return officers.reset_password(uow, username, self.policy)

    def unlock(self, user: SignedInUser, username: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            officers.unlock(uow, username)
