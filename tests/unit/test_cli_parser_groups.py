"""The command line's declarations, kept apart from the commands they run, stay in step."""

from __future__ import annotations

from app.cli import build_parser
from app.cli.parser_groups import ROLE_NAMES
from models import ROLES


def test_the_roles_users_add_names_are_the_stores_roles() -> None:
    assert set(ROLE_NAMES) == set(ROLES)


def test_every_command_in_the_tree_has_a_module_that_runs_it() -> None:
    from app.cli import _HANDLERS

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    commands = set(sub.choices or ())
    # doctor, catalog and verify are answered before a profile folder is chosen.
    assert commands - {"doctor", "catalog", "verify"} == set(_HANDLERS)
