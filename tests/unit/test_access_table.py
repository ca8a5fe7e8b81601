"""The access table: every action has its roles, in one place, and the services ask it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from models import ROLES
from services.access.table import ACCESS, Action, may, require
from services.kernel.actors import Actor
from services.kernel.errors import PermissionDenied

SERVICES = Path(__file__).resolve().parents[2] / "services"


def test_every_action_names_known_roles() -> None:
    assert set(ACCESS) == set(Action)
    for action, roles in ACCESS.items():
        assert roles, action
        assert roles <= {*ROLES, "system"}, action


def test_may_takes_roles_from_any_source() -> None:
    assert may(frozenset({"reviewer"}), Action.RECORD_CHECKS)
    assert may(["finance", "reviewer"], Action.DECIDE_REVIEW)  # any iterable, e.g. from the store
    assert not may(frozenset({"approver"}), Action.RECORD_CHECKS)
    assert not may(frozenset(), Action.READ_CASES)


def test_the_administrator_neither_sees_nor_decides_held_files() -> None:
    # Held files are applicants' files: like documents, not for the administrator (PDPA).
    assert not may({"admin"}, Action.HANDLE_QUARANTINE)
    assert not may({"admin"}, Action.READ_DOCUMENTS)
    assert may({"admin"}, Action.REASSIGN) and may({"admin"}, Action.RUN_SYNC)
    assert ACCESS[Action.HANDLE_QUARANTINE] <= ACCESS[Action.READ_DOCUMENTS]


def test_require_refuses_in_thai_and_english_naming_the_roles() -> None:
    require(Actor("somchai", frozenset({"intake"})), Action.REGISTER_AT_COUNTER)
    with pytest.raises(PermissionDenied) as refused:
        require(Actor("admin", frozenset({"admin"})), Action.HANDLE_QUARANTINE)
    assert "intake, reviewer" in refused.value.en and "intake, reviewer" in refused.value.th


def _role_literals_in_require_calls(path: Path) -> list[int]:
    """Lines calling ``.require(...)`` with a literal argument (a role named in place)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "require"
        and any(isinstance(a, ast.Constant) for a in node.args)
    ]


def test_no_service_names_roles_outside_the_table() -> None:
    # ``actor.require("reviewer")`` in a service would be a second, silent access rule.
    found = {
        str(p.relative_to(SERVICES)): lines
        for p in sorted(SERVICES.rglob("*.py"))
        if (lines := _role_literals_in_require_calls(p))
    }
    assert found == {}


def test_the_source_check_sees_a_role_named_in_place(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('def f(uow):\n    uow.actor.require("reviewer")\n', encoding="utf-8")
    assert _role_literals_in_require_calls(sample) == [2]
