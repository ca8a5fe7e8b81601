"""The monthly report and the audit viewer, as the screens and the CLI ask for them.

Each call is one action in its own session, safe on a worker thread. Who may ask is the
access table's (``Action.READ_REPORTS``, ``Action.READ_AUDIT``), checked against the roles the
store holds now. Making an export file is recorded as an event (what was taken out of the
workstation, by whom), in its own short transaction after the file's bytes are made.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Literal, Protocol

from sqlalchemy.orm import Session

from services.access.table import Action, may, require
from services.kernel.actors import Actor, SignedInUser
from services.reports import (
    AuditFilter,
    AuditPage,
    AuditRow,
    ChainStatus,
    MonthlyReport,
    ReportPeriod,
    audit_csv,
    audit_rows,
    audit_xlsx,
    chain_status,
    count_audit_rows,
    event_kinds,
    last_month,
    monthly_pdf,
    monthly_report,
    monthly_xlsx,
)
from services.reports.audit import MAX_EXPORT_ROWS
from services.store.anchors import anchor_dirs
from services.store.context import AppContext

__all__ = ["AUDIT_SHOWN", "AuditFormat", "ReportFormat", "Reports", "ReportsPort"]

ReportFormat = Literal["xlsx", "pdf"]
AuditFormat = Literal["csv", "xlsx"]

AUDIT_SHOWN = 1000
"""Events the viewer lists at once (newest first); the export takes every matching one."""


class ReportsPort(Protocol):
    """What the report and audit pages ask."""

    def may_read_reports(self, user: SignedInUser) -> bool: ...

    def may_read_audit(self, user: SignedInUser) -> bool: ...

    def today(self) -> date:
        """The agency's today: the services' clock read in the agency's time zone."""
        ...

    def default_period(self) -> tuple[date, date]:
        """Last month, in the agency's calendar."""
        ...

    def monthly(self, user: SignedInUser, first: date, last: date) -> MonthlyReport:
        """Raises AnuyatError: the dates are the wrong way round, or the range is too long."""
        ...

    def monthly_export(
        self, user: SignedInUser, first: date, last: date, kind: ReportFormat
    ) -> MonthlyReport:
        """The figures for a file, the export recorded as an event (the database's part)."""
        ...

    def render_monthly(self, report: MonthlyReport, kind: ReportFormat) -> bytes:
        """The file's bytes; no database (the I/O pool's part: a PDF takes a moment)."""
        ...

    def monthly_file(
        self, user: SignedInUser, first: date, last: date, kind: ReportFormat
    ) -> bytes:
        """Both at once (the command line)."""
        ...

    def audit_kinds(self, user: SignedInUser) -> list[str]: ...

    def audit_chain(self, user: SignedInUser) -> ChainStatus:
        """Walk the whole hash chain and compare it with the checkpoints outside the store:
        "intact up to event N" or where it breaks. Seconds on a long log: asked when the page
        opens and on request, not for every search."""
        ...

    def audit_events(
        self, user: SignedInUser, flt: AuditFilter, verified_up_to: int | None = None
    ) -> AuditPage:
        """The newest :data:`AUDIT_SHOWN` matching events, marked verified up to the row the
        last chain check vouched for. Raises AnuyatError: no such request."""
        ...

    def audit_export(
        self, user: SignedInUser, flt: AuditFilter, kind: AuditFormat
    ) -> tuple[AuditRow, ...]:
        """Every matching event, oldest first, marked by a chain check made in the same read;
        the export recorded as an event (the database's part)."""
        ...

    def render_audit(self, rows: tuple[AuditRow, ...], kind: AuditFormat) -> bytes:
        """The file's bytes; no database (the I/O pool's part)."""
        ...

    def audit_file(self, user: SignedInUser, flt: AuditFilter, kind: AuditFormat) -> bytes:
        """Both at once."""
        ...


class Reports:
    """The real :class:`ReportsPort`."""

    def __init__(self, context: AppContext, drive_root: Path | None = None) -> None:
        self.context = context
        self.drive_root = drive_root

    def may_read_reports(self, user: SignedInUser) -> bool:
        return may(user.roles, Action.READ_REPORTS)

    def may_read_audit(self, user: SignedInUser) -> bool:
        return may(user.roles, Action.READ_AUDIT)

    def today(self) -> date:
        return self.context.today()

    def default_period(self) -> tuple[date, date]:
        period = last_month(self.context.clock.now(), self.context.calendar.tz)
        return period.first, period.last

    def _checked(self, user: SignedInUser, action: Action) -> Actor:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, action)
        return actor

    def monthly(self, user: SignedInUser, first: date, last: date) -> MonthlyReport:
        self._checked(user, Action.READ_REPORTS)
        period = ReportPeriod(first, last)
        with self.context.read() as session:
            return monthly_report(session, self.context.calendar, period, self.context.clock.now())

    def monthly_export(
        self, user: SignedInUser, first: date, last: date, kind: ReportFormat
    ) -> MonthlyReport:
        report = self.monthly(user, first, last)
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            require(uow.actor, Action.READ_REPORTS)
            uow.record(
                "report.exported",
                "report",
                "monthly",
                {"format": kind, "from": first.isoformat(), "to": last.isoformat()},
            )
        return report

    def render_monthly(self, report: MonthlyReport, kind: ReportFormat) -> bytes:
        return monthly_xlsx(report) if kind == "xlsx" else monthly_pdf(report)

    def monthly_file(
        self, user: SignedInUser, first: date, last: date, kind: ReportFormat
    ) -> bytes:
        return self.render_monthly(self.monthly_export(user, first, last, kind), kind)

    def audit_kinds(self, user: SignedInUser) -> list[str]:
        self._checked(user, Action.READ_AUDIT)
        with self.context.read() as session:
            return event_kinds(session)

    def _status(self, session: Session) -> ChainStatus:
        store = self.context.store
        dirs = anchor_dirs(store.data_dir, self.drive_root)
        return chain_status(session, store.anchor_key, dirs)

    def audit_chain(self, user: SignedInUser) -> ChainStatus:
        self._checked(user, Action.READ_AUDIT)
        with self.context.read() as session:
            return self._status(session)

    def audit_events(
        self, user: SignedInUser, flt: AuditFilter, verified_up_to: int | None = None
    ) -> AuditPage:
        self._checked(user, Action.READ_AUDIT)
        with self.context.read() as session:
            rows = audit_rows(session, flt, limit=AUDIT_SHOWN, verified_up_to=verified_up_to)
            total = count_audit_rows(session, flt)
        return AuditPage(tuple(rows), total)

    def audit_export(
        self, user: SignedInUser, flt: AuditFilter, kind: AuditFormat
    ) -> tuple[AuditRow, ...]:
        self._checked(user, Action.READ_AUDIT)
        with self.context.read() as session:
            # An export is evidence: the chain is checked again, in the same read as its rows.
            status = self._status(session)
            rows = audit_rows(
                session,
                flt,
                limit=MAX_EXPORT_ROWS,
                verified_up_to=status.last_verified_seq,
                newest_first=False,
            )
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            require(uow.actor, Action.READ_AUDIT)
            wanted = {k: str(v) if isinstance(v, date) else v for k, v in asdict(flt).items()}
            uow.record(
                "audit.exported",
                "audit",
                "events",
                {"format": kind, "rows": len(rows), "filter": wanted},
            )
        return tuple(rows)

    def render_audit(self, rows: tuple[AuditRow, ...], kind: AuditFormat) -> bytes:
        return audit_csv(rows) if kind == "csv" else audit_xlsx(rows)

    def audit_file(self, user: SignedInUser, flt: AuditFilter, kind: AuditFormat) -> bytes:
        return self.render_audit(self.audit_export(user, flt, kind), kind)
