"""The ``anuyat`` command: a thin layer over the services (the GUI calls the same ones).

This module holds the argparse tree and :func:`main` (the console entry point
``anuyat = "app.cli:main"`` and ``python -m app``), which turns every failure into a
bilingual message and an exit code. The commands are in one module per group: ``profile``
(init, demo, gui), ``apps``, ``audit``, ``recovery``, ``sync`` (sync, secret), ``catalog``,
``users`` and ``report`` (each with its own sub-parser), and ``common`` (secrets, opening a
profile);
``anuyat doctor`` is :mod:`app.doctor`.

Parse first, import late: the tree is built from declarations (:mod:`app.cli.parser_groups`)
and only the chosen command's module is imported, so ``anuyat gui`` paints its sign-in
without loading the store, the services or pyHanko, and ``anuyat --help`` answers at once.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app.settings import load_settings, resolve_data_dir, with_profile
from services.kernel.errors import AnuyatError

__all__ = ["main", "build_parser"]

log = logging.getLogger("anuyat.cli")


def build_parser(*, every_command: bool = True) -> argparse.ArgumentParser:
    """The ``anuyat`` argument tree; ``every_command=False``: only ``gui`` (see :func:`main`)."""
    parser = argparse.ArgumentParser(
        prog="anuyat",
        description="Anuyat (อนุญาต): the officer workstation for permits and licences.",
    )
    parser.add_argument("--data-dir", help="profile folder (default: ANUYAT_DATA_DIR or settings)")
    parser.add_argument("--lang", choices=("th", "en"), help="user interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the workstation window (the default)")
    if not every_command:
        return parser
    from app.cli import parser_groups

    init = sub.add_parser("init", help="create a new agency profile (non-interactive)")
    init.add_argument("--agency-name-th", required=True)
    init.add_argument("--agency-name-en", required=True)
    init.add_argument("--agency-code", required=True, help="Roman-letter code, e.g. NKK")
    init.add_argument("--agency-number", required=True, help="official agency number")
    init.add_argument(
        "--agency-email", required=True, help="the official address requests are received on"
    )
    init.add_argument(
        "--allow-free-mail",
        action="store_true",
        help="accept a free-mail address (gmail, hotmail…) when the agency has none of its own",
    )
    init.add_argument("--station-code", default="ST1")
    init.add_argument("--station-name", default="Back office 1")
    init.add_argument("--admin-user", default="admin")
    init.add_argument("--admin-name", default="ผู้ดูแลระบบ")
    init.add_argument(
        "--admin-password-file",
        help="file holding the first admin password (else ANUYAT_ADMIN_PASSWORD, else stdin)",
    )

    demo = sub.add_parser("demo", help="create a demo agency with sample applications")
    demo.add_argument("--if-missing", action="store_true", help="do nothing if it exists")

    apps = sub.add_parser("apps", help="list or show applications")
    apps_sub = apps.add_subparsers(dest="apps_command", metavar="ACTION", required=True)
    apps_list = apps_sub.add_parser("list", help="applications, oldest first")
    apps_list.add_argument("--status")
    apps_list.add_argument("--limit", type=int, default=50)
    apps_list.add_argument("--json", action="store_true")
    apps_show = apps_sub.add_parser("show", help="one application by tracking number")
    apps_show.add_argument("tracking_number")
    apps_show.add_argument("--json", action="store_true")

    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_sub.add_parser(
        "verify",
        help="check the event hash chain, its checkpoints outside the store, and that the "
        "current state agrees with the events",
    )
    audit_sub.add_parser(
        "checkpoint",
        help="write the chain heads to the checkpoint files (profile folder, shared drive)",
    )

    sub.add_parser("doctor", help="check this computer and say how to fix what is missing")

    parser_groups.add_backup(sub)

    rec = sub.add_parser("recovery", help="the store's recovery key")
    rec_sub = rec.add_subparsers(dest="recovery_command", metavar="ACTION", required=True)
    rec_export = rec_sub.add_parser("export", help="write the recovery key file (keep offline)")
    rec_export.add_argument("--out", required=True)
    rec_import = rec_sub.add_parser("import", help="reopen a copied store on this computer")
    rec_import.add_argument("file")

    sync = sub.add_parser("sync", help="mailbox, shared drive and outbox (e.g. from a scheduler)")
    sync.add_argument("--once", action="store_true", help="one round, then exit")

    secret = sub.add_parser("secret", help="passwords kept in the OS keyring")
    secret_sub = secret.add_subparsers(dest="secret_command", metavar="ACTION", required=True)
    secret_set = secret_sub.add_parser("set", help="store a password (read from stdin or prompt)")
    secret_set.add_argument("name", choices=("imap", "smtp"))

    parser_groups.add_users(sub)
    parser_groups.add_configure(sub)
    parser_groups.add_report(sub)
    parser_groups.add_fees(sub)
    parser_groups.add_licences(sub)
    parser_groups.add_archive(sub)
    parser_groups.add_retention(sub)
    parser_groups.add_files(sub)
    parser_groups.add_verify(sub)
    parser_groups.add_server(sub)

    cat = sub.add_parser("catalog", help="the service catalog (citizen manual)")
    cat_sub = cat.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    cat_check = cat_sub.add_parser("check", help="validate a catalog file")
    cat_check.add_argument("file")
    cat_manual = cat_sub.add_parser(
        "export-manual",
        help="write the citizen manual of every service as PDF and HTML pages",
    )
    cat_manual.add_argument("--out", required=True, help="folder to write into")
    cat_manual.add_argument("--catalog", help="catalog file (default: the shipped one)")
    cat_manual.add_argument("--agency-th", required=True, help="the agency's Thai name")
    cat_manual.add_argument("--agency-en", default="", help="the agency's English name")
    cat_manual.add_argument("--email", required=True, help="the agency's official e-mail")
    cat_manual.add_argument("--phone", default="", help="the enquiry phone number")
    cat_manual.add_argument("--address", default="", help="where the counter is (Thai)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # An officer's start (``anuyat``, ``anuyat gui``) parses without building the other
    # commands' options: the sign-in paints sooner. Anything else gets the whole tree.
    args = build_parser(every_command=not _just_the_gui(words)).parse_args(words)
    command = args.command or "gui"
    root = logging.getLogger()
    if not root.handlers:
        # Until the profile's log is open, nothing goes to the terminal raw: Python's
        # last-resort handler would print warnings and tracebacks there.
        root.addHandler(logging.NullHandler())
    try:
        settings = load_settings()
        if command == "doctor":
            from app import doctor

            return doctor.run(resolve_data_dir(args.data_dir, settings), settings)
        if command == "catalog":
            from app.cli import catalog

            return catalog.cmd_catalog(args)
        if command == "verify":
            from app.cli import verify

            # The profile's own settings may name the agency's trust roots (the demo's do).
            own = with_profile(settings, resolve_data_dir(args.data_dir, settings))
            return verify.cmd_verify(args, own)
        data_dir = resolve_data_dir(args.data_dir, settings)
        return _handler(command)(args, data_dir, settings)
    except AnuyatError as exc:
        log.warning("command %s failed: %s (%s)", command, exc.code, exc.detail or "")
        print(exc.bilingual(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log.exception("unexpected failure in command %s", command)
        log_file = _profile_log()
        if log_file is not None:
            print(
                f"เกิดข้อผิดพลาดที่ไม่คาดคิด รายละเอียดอยู่ในไฟล์บันทึก {log_file} — แจ้งผู้ดูแลระบบ\n"
                f"An unexpected error occurred. Details are in the profile's log ({log_file}); "
                "please tell your IT administrator.",
                file=sys.stderr,
            )
        else:  # the log could not be opened: say what happened here instead
            print(
                "เกิดข้อผิดพลาดที่ไม่คาดคิด และยังเขียนไฟล์บันทึกไม่ได้ — แจ้งผู้ดูแลระบบพร้อมข้อความนี้\n"
                "An unexpected error occurred before the profile's log could be opened; "
                f"please tell your IT administrator: {type(exc).__name__}: {exc}",
                file=sys.stderr,
            )
        return 1


def _just_the_gui(words: list[str]) -> bool:
    """True for ``[--data-dir D] [--lang L] [gui]`` (no help, no other command)."""
    rest: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("--data-dir", "--lang") and index + 1 < len(words):
            index += 2
            continue
        if not word.startswith(("--data-dir=", "--lang=")):
            rest.append(word)
        index += 1
    return rest in ([], ["gui"])


# Each command: the module that runs it and its function, imported only when it runs.
_HANDLERS: dict[str, tuple[str, str]] = {
    "gui": ("gui", "cmd_gui"),
    "init": ("profile", "cmd_init"),
    "demo": ("profile", "cmd_demo"),
    "apps": ("apps", "cmd_apps"),
    "audit": ("audit", "cmd_audit"),
    "recovery": ("recovery", "cmd_recovery"),
    "backup": ("backup", "cmd_backup"),
    "sync": ("sync", "cmd_sync"),
    "secret": ("sync", "cmd_secret"),
    "users": ("users", "cmd_users"),
    "settings": ("configure", "cmd_settings"),
    "report": ("report", "cmd_report"),
    "fees": ("fees", "cmd_fees"),
    "licences": ("licences", "cmd_licences"),
    "server": ("server", "cmd_server"),
    "join": ("server", "cmd_join"),
    "archive": ("archive", "cmd_archive"),
    "retention": ("retention", "cmd_retention"),
    "files": ("files", "cmd_files"),
}


def _handler(command: str) -> Callable[..., int]:
    module_name, function = _HANDLERS[command]
    module: Any = importlib.import_module(f"app.cli.{module_name}")
    handler: Callable[..., int] = getattr(module, function)
    return handler


def _profile_log() -> str | None:
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_anuyat", False):
            return str(getattr(handler, "baseFilename", "logs/anuyat.log"))
    return None
