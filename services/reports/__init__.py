"""Reports for the agency's management: the monthly service report and the audit viewer.

* :mod:`services.reports.monthly` — per service: received, completed within/past the SLA,
  withdrawn, open at the end, business days taken (average, 90th percentile), fees; counted
  in SQL that SQLite and PostgreSQL both run, for any range of local days
  (:mod:`services.reports.period`);
* :mod:`services.reports.audit` — the events of a request or an officer, by kind and date,
  national IDs masked, with the hash chain's verification status;
* exports: :mod:`services.reports.xlsx` (openpyxl), :mod:`services.reports.pdf` (the produce
  package's Thai-safe PDF faces), :mod:`services.reports.csv_export`.

It reads what the stages recorded and writes nothing but the event that says a report or an
export was made; it sits above the stages and below :mod:`services.api`.
"""

from services.reports.audit import audit_rows, chain_status, count_audit_rows, event_kinds
from services.reports.csv_export import audit_csv
from services.reports.monthly import monthly_report
from services.reports.pdf import monthly_pdf
from services.reports.period import ReportPeriod, last_month, parse_day
from services.reports.views import (
    AuditFilter,
    AuditPage,
    AuditRow,
    ChainStatus,
    MonthlyReport,
    ServiceFigures,
)
from services.reports.xlsx import audit_xlsx, monthly_xlsx

__all__ = [
    "AuditFilter",
    "AuditPage",
    "AuditRow",
    "ChainStatus",
    "MonthlyReport",
    "ReportPeriod",
    "ServiceFigures",
    "audit_csv",
    "audit_rows",
    "audit_xlsx",
    "chain_status",
    "count_audit_rows",
    "event_kinds",
    "last_month",
    "monthly_pdf",
    "monthly_report",
    "monthly_xlsx",
    "parse_day",
]
