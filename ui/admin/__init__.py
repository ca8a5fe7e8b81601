"""The administrator's officers page and every officer's password dialogs.

The screens ask the services (``services.api``: :class:`~services.api.AdminPort`,
:class:`~services.api.AccountPort`, the access table) what a user may do; they never
re-decide it. Every call runs through the :class:`~ui.common.tasks.TaskRunner`.
"""

from __future__ import annotations

from typing import Protocol

from services.api import AccountPort, AdminPort

__all__ = ["OfficersPort"]


class OfficersPort(AdminPort, AccountPort, Protocol):
    """What the officers page and the password dialogs ask (``services.api.admin`` has it)."""
