"""One port and one facade per area: each facade offers exactly what its port declares."""

from __future__ import annotations

import inspect
from typing import Protocol

import pytest

import services.api as api
from services.api.approval import Approval, ApprovalPort
from services.api.catalog import CatalogFacade, CatalogPort
from services.api.intake import Intake, IntakePort
from services.api.issuing import Issuing, IssuingPort
from services.api.reports import Reports, ReportsPort
from services.api.review import Review, ReviewPort
from services.api.settings import SettingsFacade, SettingsPort
from services.api.shell import Shell, ShellPort
from services.api.worklist import Worklist, WorklistPort

AREAS = [
    (Shell, ShellPort),
    (Intake, IntakePort),
    (Review, ReviewPort),
    (Reports, ReportsPort),
    (SettingsFacade, SettingsPort),
    (Approval, ApprovalPort),
    (Worklist, WorklistPort),
    (CatalogFacade, CatalogPort),
    (Issuing, IssuingPort),
]


def _public_methods(cls: type) -> set[str]:
    return {
        name
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_") and member.__qualname__.startswith(cls.__name__)
    }


@pytest.mark.parametrize(("facade", "port"), AREAS, ids=lambda c: c.__name__)
def test_the_facade_offers_what_its_port_declares(facade: type, port: type[Protocol]) -> None:
    assert _public_methods(port), port  # the comparison below is not vacuous
    assert _public_methods(facade) == _public_methods(port)


def test_no_call_belongs_to_two_areas() -> None:
    seen: dict[str, str] = {}
    for _facade, port in AREAS:
        for name in _public_methods(port):
            assert name not in seen, f"{name} is in {seen.get(name)} and {port.__name__}"
            seen[name] = port.__name__


def test_the_ui_gets_ports_and_read_models_not_facades() -> None:
    exported = set(api.__all__)
    assert {"Ports", "ShellPort", "IntakePort", "ReviewPort", "CatalogPort"} <= exported
    assert {"Action", "may", "ApprovalPort", "FeesPort"} <= exported
    assert not {"Shell", "Intake", "Review", "Reports", "CatalogFacade", "Workstation"} & exported
    assert [f.name for f in api.Ports.__dataclass_fields__.values()] == [
        "shell",
        "intake",
        "review",
        "reports",
        "approval",
        "worklist",
        "settings",
        "catalog",
        "fees",
        "backup",
        "issuing",
        "archive",
        "changes",
    ]
