"""Who approves, as read once at the start of an approval action.

A batch of approvals is one action of the approver (one PIN, one confirmation), done in one
transaction per request so that one bad request does not sink the rest. The approver's
account, roles, name and position, the agency's name and the officers' names the memo prints
are read when the action begins (:func:`read_approver`, in the batch's opening read, which
also checks the account as every action does: :mod:`services.access.sessions`), not again
for each request: that re-reading was most of the statements a batch sent per memo.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, User
from services.access.sessions import check_session
from services.kernel.actors import Actor
from services.kernel.errors import PermissionDenied

__all__ = ["Approver", "read_approver"]

_DEFAULT_POSITION = "ผู้มีอำนาจอนุมัติ"


@dataclass(frozen=True)
class Approver:
    actor: Actor
    """The officer with the roles the store gave them when the action began."""
    user_id: str
    display_name: str
    position_th: str
    """As printed on the memo's stamp and the applicant's letter."""
    agency_th: str
    names_by_id: Mapping[str, str]
    names_by_username: Mapping[str, str]
    """Officers' display names (who checked what and who reviewed, on the memo)."""


def read_approver(session: Session, actor: Actor) -> Approver:
    """The approver ``actor`` as the store knows them now; raises as
    :func:`services.access.sessions.check_session` does for an account that may not act,
    and :class:`PermissionDenied` for the workstation's own jobs (no officer to name)."""
    checked = check_session(session, actor)
    user = session.get(User, checked.user_id) if checked.user_id else None
    if user is None:
        raise PermissionDenied(
            "การอนุมัติต้องทำโดยผู้อนุมัติที่ลงชื่อเข้าใช้", "Only a signed-in approver can approve."
        )
    officers = session.execute(select(User.id, User.username, User.display_name)).all()
    return Approver(
        actor=checked,
        user_id=user.id,
        display_name=user.display_name,
        position_th=user.position_th or _DEFAULT_POSITION,
        agency_th=session.scalars(select(Agency.name_th)).one(),
        names_by_id={user_id: name for user_id, _, name in officers},
        names_by_username={username: name for _, username, name in officers},
    )
