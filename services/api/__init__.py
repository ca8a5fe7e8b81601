"""The contract between the services and the screens: one port per area (shell, intake,
review, reports, approval; officers' accounts in :mod:`services.api.admin`), frozen read
models, the access table, and the few helpers a screen needs to format what it shows.

``ui/`` imports only this package (an import-linter contract). ORM objects never cross it;
every port call runs off the GUI thread. ``app/`` builds the facades
(:func:`services.api.ports.build_ports`) and hands them to the screens as :class:`Ports`.
"""

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

__all__ = [
    "DataRequestRow",
    "Delivery",
    "IssuedLicence",
    "IssuedPage",
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
