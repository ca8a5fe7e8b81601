"""The contract between the services and the screens: one port per area (shell, intake,
review, reports, approval; officers' accounts in :mod:`services.api.admin`), frozen read
models, the access table, and the few helpers a screen needs to format what it shows.

``ui/`` imports only this package (an import-linter contract). ORM objects never cross it;
every port call runs off the GUI thread. ``app/`` builds the facades
(:func:`services.api.ports.build_ports`) and hands them to the screens as :class:`Ports`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models import ROLES
    from services.access.officers import (
        ROLE_LABELS,
        IssuedPassword,
        NewOfficer,
        OfficerAccount,
        OfficerDetails,
    )
    from services.access.sessions import PasswordChangeRequired, SessionEnded
    from services.access.table import Action, may
    from services.api.admin import AccountPort, AdminPort
    from services.api.approval import ApprovalPort, SigningChoice, SigningSettings
    from services.api.backup import BackupMade, BackupPort, BackupState
    from services.api.catalog import (
        CalendarProposal,
        CatalogChange,
        CatalogPort,
        CatalogView,
        HolidayView,
        ServiceEdit,
    )
    from services.api.fees import FeesPort, InboxRow, PaymentRow, RefundRow
    from services.api.intake import IntakePort
    from services.api.issuing import (
        LICENCE_STATUS_FILTERS,
        DataRequestRow,
        Delivery,
        IssuedLicence,
        IssuedPage,
        IssuedRow,
        IssuedService,
        IssuingPort,
        LicenceCheck,
        LicenceQuery,
        PaperLicence,
        RegisteredPaper,
        ToIssueRow,
        may_see_issuing,
    )
    from services.api.ports import Ports
    from services.api.reports import AUDIT_SHOWN, AuditFormat, ReportFormat, ReportsPort
    from services.api.review import ReviewPort
    from services.api.shell import ShellPort
    from services.api.worklist import WorklistPort
    from services.approval import (
        ApprovalRecord,
        ApprovalSummary,
        BatchItem,
        BatchOutcome,
        BatchWays,
        SignatureStatus,
    )
    from services.cases.sla_moves import SlaMove
    from services.cases.views import (
        AgencyInfo,
        ApplicationRow,
        DashboardStats,
        DocumentInfo,
        HistoryEntry,
        StatusCount,
    )
    from services.catalog.holidays import CalendarChanged
    from services.catalog.loader import FEE_DUE, LAWFUL_BASES, RISK_LEVELS, ServiceSpec
    from services.catalog.problems import CatalogError, CatalogProblem
    from services.catalog.store_sync import CatalogChanged
    from services.intake.forwarded import ForwardProposal
    from services.intake.inspect.accepted import accepted_file_patterns
    from services.intake.inspect.pdf_probe import VIEWER_UNSAFE
    from services.intake.not_request import JudgedMail
    from services.intake.views import (
        CounterRequest,
        NotRequestRow,
        QuarantineRow,
        ServiceOption,
        SyncStatusRow,
        SyncSummary,
    )
    from services.kernel.actors import SignedInUser
    from services.kernel.calendar import Holiday, SlaState
    from services.kernel.channels import Channel
    from services.kernel.clock import BANGKOK, utc
    from services.kernel.errors import AnuyatError, InvalidInput
    from services.kernel.sizes import format_size
    from services.kernel.statuses import STATUSES, ApplicationStatus
    from services.kernel.thai_dates import (
        BE_OFFSET,
        ENGLISH_MONTHS_SHORT,
        THAI_MONTHS_SHORT,
        format_english_date,
        format_thai_date,
    )
    from services.kernel.thai_id import (
        is_valid_national_id,
        juristic_id_valid,
        normalize_national_id,
    )
    from services.produce.certify import CertifyPreview
    from services.produce.sign import Pin, TokenCertificate, TokenInfo
    from services.produce.sign.strength import KeyKind
    from services.reports import AuditFilter, AuditPage, AuditRow, ChainStatus, MonthlyReport
    from services.reports.texts import COLUMNS as REPORT_COLUMNS
    from services.reports.texts import figure_cells
    from services.review.detail import allowed_actions
    from services.review.kinds import IdentityCheckKind, Verdict
    from services.review.views import (
        ApplicationDetail,
        ChecklistItem,
        IdentityCheckRow,
        Officer,
        RequestPreview,
    )
    from services.worklist.views import (
        AlertItem,
        AlertKind,
        Alerts,
        AssignResult,
        ListFilter,
        NoteRow,
        SavedView,
        SortOrder,
    )

# Where each name comes from, loaded on first use (PEP 562): importing one port's module
# (services.api.shell, to sign in) runs this package first, and importing every area's
# read models here made the sign-in wait for all of them (about half a second of CPU).
# tests/unit/test_api_ports.py checks this table against the imports above.
_SOURCES: dict[str, tuple[str, str]] = {
    "ROLES": ("models", "ROLES"),
    "ROLE_LABELS": ("services.access.officers", "ROLE_LABELS"),
    "IssuedPassword": ("services.access.officers", "IssuedPassword"),
    "NewOfficer": ("services.access.officers", "NewOfficer"),
    "OfficerAccount": ("services.access.officers", "OfficerAccount"),
    "OfficerDetails": ("services.access.officers", "OfficerDetails"),
    "PasswordChangeRequired": ("services.access.sessions", "PasswordChangeRequired"),
    "SessionEnded": ("services.access.sessions", "SessionEnded"),
    "Action": ("services.access.table", "Action"),
    "may": ("services.access.table", "may"),
    "AccountPort": ("services.api.admin", "AccountPort"),
    "AdminPort": ("services.api.admin", "AdminPort"),
    "ApprovalPort": ("services.api.approval", "ApprovalPort"),
    "SigningChoice": ("services.api.approval", "SigningChoice"),
    "SigningSettings": ("services.api.approval", "SigningSettings"),
    "BackupMade": ("services.api.backup", "BackupMade"),
    "BackupPort": ("services.api.backup", "BackupPort"),
    "BackupState": ("services.api.backup", "BackupState"),
    "CalendarProposal": ("services.api.catalog", "CalendarProposal"),
    "CatalogChange": ("services.api.catalog", "CatalogChange"),
    "CatalogPort": ("services.api.catalog", "CatalogPort"),
    "CatalogView": ("services.api.catalog", "CatalogView"),
    "HolidayView": ("services.api.catalog", "HolidayView"),
    "ServiceEdit": ("services.api.catalog", "ServiceEdit"),
    "FeesPort": ("services.api.fees", "FeesPort"),
    "InboxRow": ("services.api.fees", "InboxRow"),
    "PaymentRow": ("services.api.fees", "PaymentRow"),
    "RefundRow": ("services.api.fees", "RefundRow"),
    "IntakePort": ("services.api.intake", "IntakePort"),
    "DataRequestRow": ("services.api.issuing", "DataRequestRow"),
    "Delivery": ("services.api.issuing", "Delivery"),
    "IssuedLicence": ("services.api.issuing", "IssuedLicence"),
    "IssuedRow": ("services.api.issuing", "IssuedRow"),
    "IssuedPage": ("services.api.issuing", "IssuedPage"),
    "LICENCE_STATUS_FILTERS": ("services.api.issuing", "LICENCE_STATUS_FILTERS"),
    "IssuedService": ("services.api.issuing", "IssuedService"),
    "LicenceQuery": ("services.api.issuing", "LicenceQuery"),
    "IssuingPort": ("services.api.issuing", "IssuingPort"),
    "LicenceCheck": ("services.api.issuing", "LicenceCheck"),
    "PaperLicence": ("services.api.issuing", "PaperLicence"),
    "RegisteredPaper": ("services.api.issuing", "RegisteredPaper"),
    "ToIssueRow": ("services.api.issuing", "ToIssueRow"),
    "may_see_issuing": ("services.api.issuing", "may_see_issuing"),
    "Ports": ("services.api.ports", "Ports"),
    "AUDIT_SHOWN": ("services.api.reports", "AUDIT_SHOWN"),
    "AuditFormat": ("services.api.reports", "AuditFormat"),
    "ReportFormat": ("services.api.reports", "ReportFormat"),
    "ReportsPort": ("services.api.reports", "ReportsPort"),
    "ReviewPort": ("services.api.review", "ReviewPort"),
    "ShellPort": ("services.api.shell", "ShellPort"),
    "WorklistPort": ("services.api.worklist", "WorklistPort"),
    "ApprovalRecord": ("services.approval", "ApprovalRecord"),
    "ApprovalSummary": ("services.approval", "ApprovalSummary"),
    "BatchItem": ("services.approval", "BatchItem"),
    "BatchOutcome": ("services.approval", "BatchOutcome"),
    "BatchWays": ("services.approval", "BatchWays"),
    "SignatureStatus": ("services.approval", "SignatureStatus"),
    "SlaMove": ("services.cases.sla_moves", "SlaMove"),
    "AgencyInfo": ("services.cases.views", "AgencyInfo"),
    "ApplicationRow": ("services.cases.views", "ApplicationRow"),
    "DashboardStats": ("services.cases.views", "DashboardStats"),
    "DocumentInfo": ("services.cases.views", "DocumentInfo"),
    "HistoryEntry": ("services.cases.views", "HistoryEntry"),
    "StatusCount": ("services.cases.views", "StatusCount"),
    "CalendarChanged": ("services.catalog.holidays", "CalendarChanged"),
    "FEE_DUE": ("services.catalog.loader", "FEE_DUE"),
    "LAWFUL_BASES": ("services.catalog.loader", "LAWFUL_BASES"),
    "RISK_LEVELS": ("services.catalog.loader", "RISK_LEVELS"),
    "ServiceSpec": ("services.catalog.loader", "ServiceSpec"),
    "CatalogError": ("services.catalog.problems", "CatalogError"),
    "CatalogProblem": ("services.catalog.problems", "CatalogProblem"),
    "CatalogChanged": ("services.catalog.store_sync", "CatalogChanged"),
    "ForwardProposal": ("services.intake.forwarded", "ForwardProposal"),
    "accepted_file_patterns": ("services.intake.inspect.accepted", "accepted_file_patterns"),
    "VIEWER_UNSAFE": ("services.intake.inspect.pdf_probe", "VIEWER_UNSAFE"),
    "JudgedMail": ("services.intake.not_request", "JudgedMail"),
    "CounterRequest": ("services.intake.views", "CounterRequest"),
    "NotRequestRow": ("services.intake.views", "NotRequestRow"),
    "QuarantineRow": ("services.intake.views", "QuarantineRow"),
    "ServiceOption": ("services.intake.views", "ServiceOption"),
    "SyncStatusRow": ("services.intake.views", "SyncStatusRow"),
    "SyncSummary": ("services.intake.views", "SyncSummary"),
    "SignedInUser": ("services.kernel.actors", "SignedInUser"),
    "Holiday": ("services.kernel.calendar", "Holiday"),
    "SlaState": ("services.kernel.calendar", "SlaState"),
    "Channel": ("services.kernel.channels", "Channel"),
    "BANGKOK": ("services.kernel.clock", "BANGKOK"),
    "utc": ("services.kernel.clock", "utc"),
    "AnuyatError": ("services.kernel.errors", "AnuyatError"),
    "InvalidInput": ("services.kernel.errors", "InvalidInput"),
    "format_size": ("services.kernel.sizes", "format_size"),
    "STATUSES": ("services.kernel.statuses", "STATUSES"),
    "ApplicationStatus": ("services.kernel.statuses", "ApplicationStatus"),
    "BE_OFFSET": ("services.kernel.thai_dates", "BE_OFFSET"),
    "ENGLISH_MONTHS_SHORT": ("services.kernel.thai_dates", "ENGLISH_MONTHS_SHORT"),
    "THAI_MONTHS_SHORT": ("services.kernel.thai_dates", "THAI_MONTHS_SHORT"),
    "format_english_date": ("services.kernel.thai_dates", "format_english_date"),
    "format_thai_date": ("services.kernel.thai_dates", "format_thai_date"),
    "is_valid_national_id": ("services.kernel.thai_id", "is_valid_national_id"),
    "juristic_id_valid": ("services.kernel.thai_id", "juristic_id_valid"),
    "normalize_national_id": ("services.kernel.thai_id", "normalize_national_id"),
    "CertifyPreview": ("services.produce.certify", "CertifyPreview"),
    "Pin": ("services.produce.sign", "Pin"),
    "TokenCertificate": ("services.produce.sign", "TokenCertificate"),
    "TokenInfo": ("services.produce.sign", "TokenInfo"),
    "KeyKind": ("services.produce.sign.strength", "KeyKind"),
    "AuditFilter": ("services.reports", "AuditFilter"),
    "AuditPage": ("services.reports", "AuditPage"),
    "AuditRow": ("services.reports", "AuditRow"),
    "ChainStatus": ("services.reports", "ChainStatus"),
    "MonthlyReport": ("services.reports", "MonthlyReport"),
    "REPORT_COLUMNS": ("services.reports.texts", "COLUMNS"),
    "figure_cells": ("services.reports.texts", "figure_cells"),
    "allowed_actions": ("services.review.detail", "allowed_actions"),
    "IdentityCheckKind": ("services.review.kinds", "IdentityCheckKind"),
    "Verdict": ("services.review.kinds", "Verdict"),
    "ApplicationDetail": ("services.review.views", "ApplicationDetail"),
    "ChecklistItem": ("services.review.views", "ChecklistItem"),
    "IdentityCheckRow": ("services.review.views", "IdentityCheckRow"),
    "Officer": ("services.review.views", "Officer"),
    "RequestPreview": ("services.review.views", "RequestPreview"),
    "AlertItem": ("services.worklist.views", "AlertItem"),
    "AlertKind": ("services.worklist.views", "AlertKind"),
    "Alerts": ("services.worklist.views", "Alerts"),
    "AssignResult": ("services.worklist.views", "AssignResult"),
    "ListFilter": ("services.worklist.views", "ListFilter"),
    "NoteRow": ("services.worklist.views", "NoteRow"),
    "SavedView": ("services.worklist.views", "SavedView"),
    "SortOrder": ("services.worklist.views", "SortOrder"),
}


def __getattr__(name: str) -> Any:
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(source[0]), source[1])
    globals()[name] = value  # once: later uses do not come here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SOURCES))


__all__ = [
    "DataRequestRow",
    "Delivery",
    "IssuedLicence",
    "IssuedPage",
    "LICENCE_STATUS_FILTERS",
    "IssuedRow",
    "IssuedService",
    "LicenceQuery",
    "may_see_issuing",
    "IssuingPort",
    "KeyKind",
    "LicenceCheck",
    "PaperLicence",
    "RegisteredPaper",
    "RequestPreview",
    "ToIssueRow",
    "AUDIT_SHOWN",
    "BackupMade",
    "BackupPort",
    "BackupState",
    "BANGKOK",
    "ENGLISH_MONTHS_SHORT",
    "FEE_DUE",
    "LAWFUL_BASES",
    "REPORT_COLUMNS",
    "RISK_LEVELS",
    "ROLES",
    "ROLE_LABELS",
    "STATUSES",
    "BE_OFFSET",
    "THAI_MONTHS_SHORT",
    "VIEWER_UNSAFE",
    "AccountPort",
    "AlertItem",
    "AlertKind",
    "Alerts",
    "AssignResult",
    "Action",
    "AdminPort",
    "AgencyInfo",
    "AnuyatError",
    "ApplicationDetail",
    "ApplicationRow",
    "ApplicationStatus",
    "ApprovalPort",
    "ApprovalRecord",
    "ApprovalSummary",
    "AuditFilter",
    "AuditFormat",
    "AuditPage",
    "AuditRow",
    "BatchItem",
    "BatchOutcome",
    "BatchWays",
    "CalendarChanged",
    "CalendarProposal",
    "CatalogChange",
    "CatalogChanged",
    "CatalogError",
    "CatalogPort",
    "CatalogProblem",
    "CatalogView",
    "ChainStatus",
    "Channel",
    "CertifyPreview",
    "ChecklistItem",
    "CounterRequest",
    "DashboardStats",
    "DocumentInfo",
    "ForwardProposal",
    "HistoryEntry",
    "Holiday",
    "HolidayView",
    "IdentityCheckKind",
    "IdentityCheckRow",
    "FeesPort",
    "InboxRow",
    "IntakePort",
    "PaymentRow",
    "RefundRow",
    "InvalidInput",
    "IssuedPassword",
    "MonthlyReport",
    "ListFilter",
    "NoteRow",
    "NewOfficer",
    "NotRequestRow",
    "JudgedMail",
    "Officer",
    "OfficerAccount",
    "OfficerDetails",
    "PasswordChangeRequired",
    "Pin",
    "Ports",
    "QuarantineRow",
    "ReportFormat",
    "ReportsPort",
    "ReviewPort",
    "SavedView",
    "ServiceEdit",
    "ServiceOption",
    "ServiceSpec",
    "SessionEnded",
    "ShellPort",
    "SignatureStatus",
    "SignedInUser",
    "SigningChoice",
    "SigningSettings",
    "SlaMove",
    "SlaState",
    "SortOrder",
    "StatusCount",
    "SyncStatusRow",
    "SyncSummary",
    "TokenCertificate",
    "TokenInfo",
    "Verdict",
    "accepted_file_patterns",
    "allowed_actions",
    "figure_cells",
    "WorklistPort",
    "format_english_date",
    "format_size",
    "format_thai_date",
    "is_valid_national_id",
    "juristic_id_valid",
    "may",
    "normalize_national_id",
    "utc",
]
