"""The ports the screens are given, one per area, and how app/ builds them.

:mod:`services.api.shell`, :mod:`services.api.intake`, :mod:`services.api.review`,
:mod:`services.api.reports` and :mod:`services.api.worklist` each hold an area's port (a
Protocol: what its screens may ask) and its facade (the real thing).

Each facade is built, and its modules imported, when something first asks for it: at a cold
start the sign-in needs only the shell's, and the others are built in the I/O worker while
the officer types (:meth:`Ports.build_all`). Importing every area's modules before the
sign-in could act cost about a second of CPU. Two threads asking for one facade at once get
the same one (:class:`~services.kernel.once.Once`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from services.kernel.once import Once

if TYPE_CHECKING:
    from services.api.approval import ApprovalPort, SigningSettings
    from services.api.archive import ArchivePort, RetentionPolicy
    from services.api.backup import BackupPort
    from services.api.catalog import CatalogPort
    from services.api.changes import ChangesPort
    from services.api.fees import FeesPort
    from services.api.intake import IntakePort
    from services.api.issuing import IssuingPort
    from services.api.reports import ReportsPort
    from services.api.review import ReviewPort
    from services.api.settings import SettingsPort
    from services.api.shell import ShellPort
    from services.api.worklist import WorklistPort
    from services.intake.inspect.pdf_probe import PdfOpenProbe
    from services.intake.types import Limits
    from services.intake.views import SyncSummary
    from services.store.context import AppContext

__all__ = ["Later", "Ports", "build_ports"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class _Area(Generic[T]):
    """One area's attribute of :class:`Ports`: its facade, built on first use."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, ports: None, owner: type) -> _Area[T]: ...
    @overload
    def __get__(self, ports: Ports, owner: type) -> T: ...
    def __get__(self, ports: Ports | None, owner: type) -> _Area[T] | T:
        if ports is None:
            return self
        value: T = ports._areas[self.name].get()
        return value


class Ports:
    """What the UI is handed: one port per area, each built on first use.

    An optional area given no builder is None (the window then leaves its page out).
    """

    shell = _Area["ShellPort"]()
    intake = _Area["IntakePort"]()
    review = _Area["ReviewPort"]()
    reports = _Area["ReportsPort"]()
    approval = _Area["ApprovalPort"]()
    worklist = _Area["WorklistPort"]()
    settings = _Area["SettingsPort | None"]()
    """The administrator's settings page (None: the window shows no settings page)."""
    catalog = _Area["CatalogPort | None"]()
    """The catalog and calendar page (None in tests that build the window without it)."""
    fees = _Area["FeesPort | None"]()
    """The finance officer's payments page (None in tests that build the window without it)."""
    backup = _Area["BackupPort | None"]()
    """The last good backup and "Back up now" (None: the window shows no backup state)."""
    issuing = _Area["IssuingPort | None"]()
    archive = _Area["ArchivePort | None"]()
    """A request's whole file as PDF/A for the archives (None: the window offers no export)."""
    changes = _Area["ChangesPort | None"]()
    """Other workstations' changes and the server's link (None: a station's own store)."""

    AREAS = (
        "shell",
        "intake",
        "review",
        "reports",
        "approval",
        "worklist",
        "settings",
        "catalog",
        "fees",
        "backup",
        "issuing",
        "archive",
        "changes",
    )
    REQUIRED = AREAS[:6]

    def __init__(self, builders: dict[str, Callable[[], Any]]) -> None:
        unknown = set(builders) - set(self.AREAS)
        missing = set(self.REQUIRED) - set(builders)
        if unknown or missing:
            raise ValueError(f"ports: unknown {sorted(unknown)}, missing {sorted(missing)}")
        self._areas: dict[str, Once[Any]] = {
            name: Once(builders.get(name, _none)) for name in self.AREAS
        }

    def replace(self, **facades: object) -> Ports:
        """A copy with the given areas' facades (tests give a settings or backup facade);
        the other areas are shared with this one, built or not."""
        unknown = set(facades) - set(self.AREAS)
        if unknown:
            raise ValueError(f"ports: unknown {sorted(unknown)}")
        copy = Ports({name: _none for name in self.REQUIRED})
        copy._areas = dict(self._areas)
        for name, facade in facades.items():
            copy._areas[name] = Once(_given(facade))
        return copy

    def build_all(self) -> None:
        """Build every facade now (the I/O worker does, so the main window waits for none)."""
        for once in self._areas.values():
            once.get()

    def built(self) -> tuple[str, ...]:
        """The areas whose facade exists (for tests and the log)."""
        return tuple(name for name, once in self._areas.items() if once.made)


def _none() -> None:
    return None


def _given(facade: object) -> Callable[[], object]:
    return lambda: facade


class Later(Generic[T_co]):
    """A :func:`build_ports` argument made when the first facade needing it is built (once):
    the sync's plan for the intake facade, the signing settings for approval and issuing."""

    def __init__(self, make: Callable[[], T_co]) -> None:
        self._once: Once[T_co] = Once(make)

    def get(self) -> T_co:
        return self._once.get()


def _now(value: T | Later[T]) -> T:
    return value.get() if isinstance(value, Later) else value


def build_ports(
    context: AppContext,
    *,
    sync: Callable[[], SyncSummary] | None = None,
    limits: Limits | None | Later[Limits | None] = None,
    ack_template: Path | None | Later[Path | None] = None,
    on_sign_out: Callable[[], object] | None = None,
    drive_root: Path | None = None,
    settings: SettingsPort | None | Later[SettingsPort | None] = None,
    signing: SigningSettings | None | Later[SigningSettings | None] = None,
    pdf_probe: PdfOpenProbe | None | Later[PdfOpenProbe | None] = None,
    backup: BackupPort | None | Later[BackupPort | None] = None,
    register_url: str = "",
    retention: Callable[[], RetentionPolicy] | None = None,
    lock_minutes: Callable[[], int] | None = None,
) -> Ports:
    """The real facades over one opened profile, each built on first use (``sync``: one
    intake run, for "Sync now"; ``on_sign_out``: what to do after an officer signs out,
    e.g. anchor the audit chain; ``drive_root``: the shared drive, where the audit chain's
    second checkpoints are; ``settings``: the settings page's facade, which needs the
    profile's files; ``pdf_probe``: the viewer's engine judging counter PDFs, as the sync's
    plan has it; ``register_url``: where the public register of licences is published;
    ``retention``: the retention periods as the settings stand, read at each use;
    ``lock_minutes``: the station's idle minutes before the screen locks, as last saved).
    An argument given as :class:`Later` is made when a facade first needs it."""

    def shell() -> ShellPort:
        from services.api.shell import Shell

        return Shell(context, on_sign_out=on_sign_out, lock_minutes=lock_minutes)

    def intake() -> IntakePort:
        from services.api.intake import Intake

        return Intake(
            context,
            sync=sync,
            limits=_now(limits),
            ack_template=_now(ack_template),
            pdf_probe=_now(pdf_probe),
        )

    def review() -> ReviewPort:
        from services.api.review import Review

        return Review(context)

    def reports() -> ReportsPort:
        from services.api.reports import Reports

        return Reports(context, drive_root)

    def approval() -> ApprovalPort:
        from services.api.approval import Approval

        return Approval(context, _now(signing))

    def worklist() -> WorklistPort:
        from services.api.worklist import Worklist

        return Worklist(context)

    def catalog() -> CatalogPort:
        from services.api.catalog import CatalogFacade

        return CatalogFacade(context)

    def fees() -> FeesPort:
        from services.api.fees import Fees

        return Fees(context)

    def issuing() -> IssuingPort:
        from services.api.issuing import Issuing

        return Issuing(context, _now(signing), verify_base=register_url, drive_root=drive_root)

    def archive() -> ArchivePort:
        from services.api.archive import Archive

        return Archive(context, retention)

    def changes() -> ChangesPort | None:
        if context.store.engine.dialect.name != "postgresql":
            return None
        from services.api.changes import ServerChanges

        return ServerChanges(context)

    return Ports(
        {
            "shell": shell,
            "intake": intake,
            "review": review,
            "reports": reports,
            "approval": approval,
            "worklist": worklist,
            "settings": lambda: _now(settings),
            "catalog": catalog,
            "fees": fees,
            "backup": lambda: _now(backup),
            "issuing": issuing,
            "archive": archive,
            "changes": changes,
        }
    )
