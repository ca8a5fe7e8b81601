"""The store's tables (SQLAlchemy 2, typed). No Qt, no I/O beyond the database."""

from models.agency import ROLES, Agency, Station, User, UserRole
from models.applications import (
    Applicant,
    Application,
    Approval,
    Check,
    Document,
    InboundMessage,
    IssuedDocument,
    OutboxMessage,
    OutgoingCounter,
    Payment,
    SlaPause,
    TrackingCounter,
)
from models.base import Base, UtcDateTime, new_id
from models.blobs import StoredBlob
from models.catalog import CalendarVersion, CatalogVersion, ServiceRevision, ServiceType
from models.events import ChainHead, Event
from models.fees import FeeAccount, FeeInboxItem, ReceiptCounter
from models.intake import MailboxCursor, NotRequestMail, QuarantineItem, SyncState
from models.licence_data import LicenceDataRequest
from models.retention import DestructionItem, DestructionList
from models.worklist import ApplicationNote, OfficerSetting

__all__ = [
    "FeeAccount",
    "FeeInboxItem",
    "ReceiptCounter",
    "ROLES",
    "Agency",
    "Applicant",
    "Application",
    "ApplicationNote",
    "Approval",
    "Base",
    "CalendarVersion",
    "CatalogVersion",
    "ChainHead",
    "Check",
    "DestructionItem",
    "DestructionList",
    "Document",
    "Event",
    "InboundMessage",
    "IssuedDocument",
    "LicenceDataRequest",
    "MailboxCursor",
    "OfficerSetting",
    "OutboxMessage",
    "OutgoingCounter",
    "Payment",
    "NotRequestMail",
    "QuarantineItem",
    "ServiceRevision",
    "ServiceType",
    "SlaPause",
    "SyncState",
    "Station",
    "StoredBlob",
    "TrackingCounter",
    "User",
    "UserRole",
    "UtcDateTime",
    "new_id",
]
