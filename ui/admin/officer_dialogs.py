"""Dialogs of the officers page: a new officer, an officer's roles, deactivating one,
resetting a password.

Each sends its one call to the services in the database worker and shows a refusal in
place (Thai and English, from the services); it closes only when the change was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from services.api import ROLES, AdminPort, NewOfficer, OfficerAccount, SignedInUser
from ui.common.call_dialog import CallDialog
from ui.common.dialog_body import add_field_under_label
from ui.common.formatting import role_label
from ui.common.naming import named
from ui.common.tasks import TaskRunner

__all__ = ["DeactivateDialog", "NewOfficerDialog", "ResetPasswordDialog", "RolesDialog"]


class _ActionDialog(CallDialog):
    """An officers page dialog: the administrator's port and account, and a wide form."""

    def __init__(
        self,
        port: AdminPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, 600, parent)
        self._port = port
        self._user = user


class _OfficerDialog(_ActionDialog):
    """A dialog about one officer: a line naming them at the top, then what the subclass asks
    (:meth:`_add_fields`); named after its class."""

    def __init__(
        self,
        port: AdminPort,
        runner: TaskRunner,
        user: SignedInUser,
        officer: OfficerAccount,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(port, runner, user, parent)
        self.setObjectName(type(self).__name__)
        self._officer = officer
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._intro.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self._intro)
        self._add_fields()
        self.finish_layout()
        self.retranslate()

    def _add_fields(self) -> None:
        """The form under the line naming the officer (none: a confirmation)."""

    def _introduce(self, text: str) -> None:
        """``text`` names the officer by ``{name}`` and ``{user}``."""
        self._intro.setText(text.format(name=self._officer.name_th, user=self._officer.username))


def _role_boxes(layout: QGridLayout, held: tuple[str, ...]) -> dict[str, QCheckBox]:
    """A check box per role, three to a row (Thai role names are long)."""
    boxes: dict[str, QCheckBox] = {}
    for index, role in enumerate(ROLES):
        box = named(QCheckBox(role_label(role)), f"Role_{role}")
        box.setChecked(role in held)
        layout.addWidget(box, index // 3, index % 3)
        boxes[role] = box
    return boxes


class NewOfficerDialog(_ActionDialog):
    """User name, Thai and English names, position, e-mail and roles of a new officer.

    On success ``action_did_succeed`` carries the :class:`~services.api.IssuedPassword`.
    """

    def __init__(
        self, port: AdminPort, runner: TaskRunner, user: SignedInUser, parent: QWidget | None = None
    ) -> None:
        super().__init__(port, runner, user, parent)
        self.setObjectName("NewOfficerDialog")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username = named(QLineEdit(), "OfficerUsername")
        self.name_th = named(QLineEdit(), "OfficerNameTh")
        self.name_en = named(QLineEdit(), "OfficerNameEn")
        self.position = named(QLineEdit(), "OfficerPosition")
        self.email = named(QLineEdit(), "OfficerEmail")
        self._labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self._labels,
            (self.username, self.name_th, self.name_en, self.position, self.email),
            strict=False,
        ):
            field.setMaxLength(200)
            label.setBuddy(field)
            form.addRow(label, field)
        roles_row = QGridLayout()
        self.roles = _role_boxes(roles_row, ())
        form.addRow(self._labels[5], roles_row)
        self.body.addLayout(form)
        self.hint = named(QLabel(), "Muted")
        self.hint.setWordWrap(True)
        self.body.addWidget(self.hint)
        self.finish_layout()
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("New officer"))
        texts = (
            self.tr("&User name"),
            self.tr("Name (&Thai)"),
            self.tr("Name (&English)"),
            self.tr("&Position"),
            self.tr("&E-mail"),
            self.tr("Roles"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.username.setPlaceholderText("malee.r")
        self.position.setPlaceholderText(self.tr("As printed under the signature on letters"))
        self.hint.setText(
            self.tr(
                "A one-time password is made for the new officer and shown once; they choose "
                "their own at first sign-in."
            )
        )
        self.ok_button.setText(self.tr("Add officer"))

    def call(self) -> Callable[[], Any]:
        officer = NewOfficer(
            username=self.username.text(),
            name_th=self.name_th.text(),
            name_en=self.name_en.text(),
            position_th=self.position.text(),
            email=self.email.text(),
            roles=tuple(role for role, box in self.roles.items() if box.isChecked()),
        )
        port, user = self._port, self._user
        return lambda: port.create_officer(user, officer)


class RolesDialog(_OfficerDialog):
    """The roles of one officer, as check boxes; on success carries whether they changed."""

    def _add_fields(self) -> None:
        boxes = QGridLayout()
        self.roles = _role_boxes(boxes, self._officer.roles)
        self.body.addLayout(boxes)
        # The section (ฝ่าย/งาน) a supervisor can route requests to, with the roles: both
        # say what work the officer gets.
        self.section = named(QLineEdit(self._officer.section), "OfficerSection")
        self.section.setMaxLength(100)
        self._section_label = add_field_under_label(self.body, self.section)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Roles"))
        self._section_label.setText(
            self.tr("&Section (requests can be routed to it; may be empty)")
        )
        self._introduce(self.tr("Roles of {name} ({user}):"))
        self.ok_button.setText(self.tr("Save roles"))

    def call(self) -> Callable[[], Any]:
        roles = tuple(role for role, box in self.roles.items() if box.isChecked())
        section = self.section.text()
        port, user, username = self._port, self._user, self._officer.username

        def save() -> bool:
            # The section first: its one check (length) then cannot leave roles half saved.
            moved = port.set_section(user, username, section)
            return port.set_roles(user, username, roles) or moved

        return save


class DeactivateDialog(_OfficerDialog):
    """Confirms deactivating an officer, with a reason for the record."""

    def _add_fields(self) -> None:
        self.reason = named(QLineEdit(), "DeactivateReason")
        self.reason.setMaxLength(300)
        self._reason_label = add_field_under_label(self.body, self.reason)
        self.reason.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Deactivate officer"))
        self._introduce(
            self.tr(
                "{name} ({user}) will no longer be able to sign in, and a window they have "
                "open stops at its next action. Their records and name stay; you can "
                "activate the account again later."
            )
        )
        self._reason_label.setText(self.tr("&Reason (kept in the audit trail)"))
        self.ok_button.setText(self.tr("Deactivate"))

    def call(self) -> Callable[[], Any]:
        port, user, username = self._port, self._user, self._officer.username
        reason = self.reason.text()
        return lambda: port.deactivate(user, username, reason)


class ResetPasswordDialog(_OfficerDialog):
    """Confirms replacing an officer's password by a one-time password (a misclick would
    otherwise stop them working); on success carries the :class:`~services.api.IssuedPassword`.
    """

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Reset password"))
        self._introduce(
            self.tr(
                "Give {name} ({user}) a new one-time password? Their present password stops "
                "working at once (a lockout is lifted too); they choose their own at the next "
                "sign-in."
            )
        )
        self.ok_button.setText(self.tr("Make a one-time password"))

    def call(self) -> Callable[[], Any]:
        port, user, username = self._port, self._user, self._officer.username
        return lambda: port.reset_password(user, username)
