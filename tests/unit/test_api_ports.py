"""One port and one facade per area: each facade offers exactly what its port declares."""

from __future__ import annotations

import ast
import inspect
import threading
from pathlib import Path
from typing import Protocol

import pytest

import services.api as api
from services.api.approval import Approval, ApprovalPort
from services.api.catalog import CatalogFacade, CatalogPort
from services.api.intake import Intake, IntakePort
from services.api.issuing import Issuing, IssuingPort
from services.api.ports import Later, Ports, build_ports
from services.api.reports import Reports, ReportsPort
from services.api.review import Review, ReviewPort
from services.api.settings import SettingsFacade, SettingsPort
from services.api.shell import Shell, ShellPort
from services.api.worklist import Worklist, WorklistPort
from services.kernel.once import Once

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


SHARED_READINGS = {"today"}
"""The services' clock read in the agency's zone: any screen proposing a date asks its own
port (one reading of one clock, not a call of any one area)."""


def test_no_call_belongs_to_two_areas() -> None:
    seen: dict[str, str] = {}
    for _facade, port in AREAS:
        for name in _public_methods(port) - SHARED_READINGS:
            assert name not in seen, f"{name} is in {seen.get(name)} and {port.__name__}"
            seen[name] = port.__name__


def test_the_ui_gets_ports_and_read_models_not_facades() -> None:
    exported = set(api.__all__)
    assert {"Ports", "ShellPort", "IntakePort", "ReviewPort", "CatalogPort"} <= exported
    assert {"Action", "may", "ApprovalPort", "FeesPort"} <= exported
    assert not {"Shell", "Intake", "Review", "Reports", "CatalogFacade", "Workstation"} & exported
    assert list(api.Ports.AREAS) == [
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


def test_the_lazy_names_are_the_ones_the_type_checker_sees_and_each_resolves() -> None:
    """services.api loads its names on first use from a table; mypy reads the imports under
    TYPE_CHECKING. The two must say the same, and every exported name must load."""
    tree = ast.parse(Path(api.__file__).read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    imported = {
        alias.asname or alias.name: (node.module, alias.name)
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert len(imported) > 100  # the comparison is not vacuous
    assert imported == api._SOURCES
    assert set(api.__all__) == set(api._SOURCES)
    for name in api.__all__:
        assert getattr(api, name) is not None, name
    with pytest.raises(AttributeError):
        api.NoSuchName  # noqa: B018


def test_two_threads_asking_for_a_facade_at_once_get_one_built_once() -> None:
    entered = threading.Event()
    second_entered = threading.Event()
    release = threading.Event()
    calls: list[object] = []

    def build_review() -> object:
        calls.append(object())
        if len(calls) > 1:
            second_entered.set()
        entered.set()
        assert release.wait(30)
        return calls[-1]

    ports = Ports({name: object for name in Ports.REQUIRED} | {"review": build_review})
    got: list[object] = []
    first = threading.Thread(target=lambda: got.append(ports.review))
    first.start()
    assert entered.wait(30)  # the first is inside the builder, holding the area
    second = threading.Thread(target=lambda: got.append(ports.review))
    second.start()
    # Without the lock the second thread would enter the builder too; give it the chance.
    second_entered.wait(0.5)
    release.set()
    first.join(30)
    second.join(30)
    assert len(calls) == 1 and not second_entered.is_set()
    assert len(got) == 2 and got[0] is got[1] is calls[0]
    assert ports.built() == ("review",)


def test_a_builder_that_fails_is_tried_again_at_the_next_use() -> None:
    attempts: list[int] = []

    def flaky() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("not yet")
        return "built"

    once = Once(flaky)
    with pytest.raises(OSError):
        once.get()
    assert not once.made
    assert once.get() == "built" and once.get() == "built" and len(attempts) == 2


def test_facades_are_built_on_first_use_and_optional_areas_without_one_are_none(
    context,
) -> None:
    signing_made: list[int] = []

    def signing() -> None:
        signing_made.append(1)

    ports = build_ports(context, signing=Later(signing))
    assert ports.built() == ()
    ports.shell.agency()  # the sign-in's one call before an officer is known
    assert ports.built() == ("shell",) and signing_made == []
    assert ports.settings is None and ports.backup is None  # given nothing: no page
    assert ports.changes is None  # a station's own SQLite store
    ports.build_all()
    assert set(ports.built()) == set(Ports.AREAS)
    assert signing_made == [1]  # made once, though approval and issuing both use it
    with pytest.raises(ValueError, match="missing"):
        Ports({"shell": object})


def test_a_copy_with_another_facade_shares_the_rest() -> None:
    ports = Ports({name: object for name in Ports.REQUIRED})
    shell = ports.shell
    page = object()
    copy = ports.replace(settings=page)
    assert copy.settings is page and ports.settings is None
    assert copy.shell is shell and copy.review is ports.review
    with pytest.raises(ValueError, match="unknown"):
        ports.replace(nothing=page)
