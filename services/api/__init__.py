"""The contract between the services and the screens: ports, frozen read models, and the
few helpers a screen needs to format what it shows.

``ui/`` imports only this package (an import-linter contract). ORM objects never cross it;
every port call runs off the GUI thread. :mod:`services.api.workstation` is the facade
``app/`` builds and passes to the screens as these ports.
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
from services.api.ports import IntakePort, ReviewPort, WorkstationPort
from services.cases.views import (
    AgencyInfo,
    ApplicationRow,
    DashboardStats,
    DocumentInfo,
    HistoryEntry,
    SlaState,
    StatusCount,
)
from services.intake.views import (
    CounterRequest,
    QuarantineRow,
    ServiceOption,
    SyncStatusRow,
    SyncSummary,
)
from services.kernel.actors import SignedInUser
from services.kernel.clock import BANGKOK, utc
from services.kernel.errors import AnuyatError, InvalidInput
from services.kernel.statuses import STATUSES
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
from services.review.views import ApplicationDetail, ChecklistItem, IdentityCheckRow, Officer

__all__ = [
    "Action",
    "AccountPort",
    "AdminPort",
    "IssuedPassword",
    "NewOfficer",
    "OfficerAccount",
    "OfficerDetails",
    "PasswordChangeRequired",
    "ROLES",
    "ROLE_LABELS",
    "SessionEnded",
    "BANGKOK",
    "ENGLISH_MONTHS_SHORT",
    "STATUSES",
    "THAI_MONTHS_SHORT",
    "AgencyInfo",
    "AnuyatError",
    "ApplicationDetail",
    "ApplicationRow",
    "ChecklistItem",
    "CounterRequest",
    "DashboardStats",
    "DocumentInfo",
    "HistoryEntry",
    "IdentityCheckRow",
    "IntakePort",
    "InvalidInput",
    "Officer",
    "QuarantineRow",
    "ReviewPort",
    "ServiceOption",
    "SignedInUser",
    "SlaState",
    "StatusCount",
    "SyncStatusRow",
    "SyncSummary",
    "WorkstationPort",
    "format_english_date",
    "format_thai_date",
    "is_valid_national_id",
    "juristic_id_valid",
    "may",
    "normalize_national_id",
    "utc",
]
