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


def test_an_officers_start_is_parsed_as_the_whole_tree_would_parse_it() -> None:
    """``anuyat [gui]`` skips building the other commands' options; the answer is the same."""
    from app.cli import _just_the_gui

    for words in (
        [],
        ["gui"],
        ["--lang", "en"],
        ["--data-dir", "/srv/anuyat", "--lang", "th", "gui"],
        ["--data-dir=/srv/x", "gui"],
    ):
        assert _just_the_gui(words), words
        quick = build_parser(every_command=False).parse_args(words)
        assert quick == build_parser().parse_args(words)
    for words in (["--help"], ["gui", "--help"], ["users", "list"], ["--data", "x"], ["doctor"]):
        assert not _just_the_gui(words), words
