"""The administrator's settings page: the agency, the station's sections, "Test connection".

:class:`SettingsPort` is what the page may ask; :class:`SettingsFacade` is the real thing over
one opened profile. Each call is one action, safe to run on a worker; who may do it is the
access table's (:data:`~services.access.table.Action.MANAGE_SETTINGS`), re-read from the
store at each call.

A saved change takes effect without a restart: the agency's hours move the calendar at
once (SLA dates computed from now on use them), its code and names are read per use, and
``on_saved`` hands the new station settings to ``app/`` so the next sync round uses them.
The screens import the read models from here (this module re-exports them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from services.access.table import Action, may, require
from services.fees.account import AccountDetails, read_account, set_account
from services.kernel.actors import Actor, SignedInUser
from services.kernel.calendar import BusinessCalendar, BusinessHours
from services.settings import station
from services.settings.labels import SettingsRefused, setting_label
from services.settings.probes import ProbeResult
from services.settings.sections import TESTABLE, SectionKey, TakesEffect
from services.settings.settings_file import read_settings_file
from services.settings.station import SectionValues, SettingsSaved
from services.store.agency import (
    AgencyDetails,
    AgencyUpdate,
    FreeMailAddress,
    read_agency,
    update_agency,
)
from services.store.context import AppContext

__all__ = [
    "AccountDetails",
    "AgencyDetails",
    "AgencyUpdate",
    "FreeMailAddress",
    "ProbeResult",
    "SectionKey",
    "SectionValues",
    "SettingsFacade",
    "SettingsPort",
    "SettingsRefused",
    "SettingsSaved",
    "TESTABLE",
    "TakesEffect",
    "setting_label",
]


class SettingsPort(Protocol):
    """What the settings page may ask."""

    def may_manage_settings(self, user: SignedInUser) -> bool: ...

    def agency_details(self, user: SignedInUser) -> AgencyDetails: ...

    def save_agency(
        self, user: SignedInUser, details: AgencyDetails, *, allow_free_mail: bool = False
    ) -> AgencyUpdate:
        """Raises InvalidInput (names each problem) or FreeMailAddress (ask, then allow)."""
        ...

    def fee_account(self, user: SignedInUser) -> AccountDetails:
        """The bank account and PromptPay details printed on payment notices."""
        ...

    def save_fee_account(self, user: SignedInUser, details: AccountDetails) -> bool:
        """Raises InvalidInput naming the problem; returns whether anything changed."""
        ...

    def sections(self, user: SignedInUser) -> list[SectionValues]: ...

    def save_section(
        self,
        user: SignedInUser,
        key: SectionKey,
        values: Mapping[str, Any],
        password: str | None = None,
    ) -> SettingsSaved:
        """``password`` (if given) goes to the keyring; the rest to the profile's file."""
        ...

    def test_section(
        self,
        user: SignedInUser,
        key: SectionKey,
        values: Mapping[str, Any],
        password: str | None = None,
    ) -> ProbeResult:
        """Try the values as typed; never raises for what the peer says (it is the result)."""
        ...


class SettingsFacade:
    """The real :class:`SettingsPort`.

    ``base``: the settings below the profile's file (the user's own file), so the page shows
    what is in force; ``on_saved``: called with the new merged settings after a section is
    saved (``app/`` rebuilds its sync plan from them).
    """

    def __init__(
        self,
        context: AppContext,
        settings_file: Path,
        base: Mapping[str, Any] | None = None,
        on_saved: Callable[[dict[str, Any]], object] | None = None,
    ) -> None:
        self.context = context
        self.settings_file = settings_file
        self._base = dict(base or {})
        self._on_saved = on_saved

    def _effective(self) -> dict[str, Any]:
        return {**self._base, **read_settings_file(self.settings_file)}

    def _admin(self, user: SignedInUser) -> Actor:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.MANAGE_SETTINGS)
        return actor

    def may_manage_settings(self, user: SignedInUser) -> bool:
        return may(user.roles, Action.MANAGE_SETTINGS)

    def agency_details(self, user: SignedInUser) -> AgencyDetails:
        self._admin(user)
        with self.context.read() as session:
            return read_agency(session)

    def save_agency(
        self, user: SignedInUser, details: AgencyDetails, *, allow_free_mail: bool = False
    ) -> AgencyUpdate:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            update = update_agency(uow, details, allow_free_mail=allow_free_mail)
            saved = read_agency(uow.session)
        if {"opens_at", "closes_at", "workdays"} & set(update.changed):
            old = self.context.calendar
            hours = BusinessHours(saved.opens_at, saved.closes_at, frozenset(saved.workdays))
            self.context.calendar = BusinessCalendar(hours, old.holidays, old.tz)
        self.context.agency_code = saved.code
        return update

    def fee_account(self, user: SignedInUser) -> AccountDetails:
        self._admin(user)
        with self.context.read() as session:
            return read_account(session)

    def save_fee_account(self, user: SignedInUser, details: AccountDetails) -> bool:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return set_account(uow, details)

    def sections(self, user: SignedInUser) -> list[SectionValues]:
        self._admin(user)
        return station.read_sections(self._effective())

    def save_section(
        self,
        user: SignedInUser,
        key: SectionKey,
        values: Mapping[str, Any],
        password: str | None = None,
    ) -> SettingsSaved:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            saved = station.save_section(
                uow, self.settings_file, self._effective(), key, values, password
            )
        if not saved.nothing and self._on_saved is not None:
            self._on_saved(self._effective())
        return saved

    def test_section(
        self,
        user: SignedInUser,
        key: SectionKey,
        values: Mapping[str, Any],
        password: str | None = None,
    ) -> ProbeResult:
        self._admin(user)  # then no transaction is held while the peer answers
        return station.test_section(key, values, password)
