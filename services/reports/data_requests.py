"""The monthly report's line on requests for a licence's data (M21: answered within three
business days, :mod:`services.issuing.data_requests`).

One SQL statement, run alike by SQLite and PostgreSQL (``SUM(CASE …)`` over the table), for
the period ``[start, end)``:

* **received** — requests recorded in the period;
* **answered in time / late** — answers given in the period, by or after the request's due
  moment (three business days by the agency's calendar, fixed when it was recorded);
* **open at end** — recorded before the period ended and not answered by then; **past due**
  — those of them whose due moment had passed by the end (or by ``now``, for a period still
  running: a request is not late before its day).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from models import LicenceDataRequest
from services.kernel.clock import utc
from services.reports.views import DataRequestFigures

__all__ = ["data_request_figures"]


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def data_request_figures(
    session: Session, start: datetime, end: datetime, now: datetime
) -> DataRequestFigures:
    cutoff = min(utc(end), utc(now))
    row = LicenceDataRequest
    answered_here = and_(row.answered_at.is_not(None), row.answered_at >= start,
                         row.answered_at < end)  # fmt: skip
    open_at_end = and_(row.received_at < end, or_(row.answered_at.is_(None),
                                                  row.answered_at >= end))  # fmt: skip
    figures = session.execute(
        select(
            _count(and_(row.received_at >= start, row.received_at < end)),
            _count(and_(answered_here, row.answered_at <= row.due_at)),
            _count(and_(answered_here, row.answered_at > row.due_at)),
            _count(open_at_end),
            _count(and_(open_at_end, row.due_at < cutoff)),
        )
    ).one()
    return DataRequestFigures(*(int(value) for value in figures))
