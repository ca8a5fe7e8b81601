"""The argument trees of the commands that have actions (users, settings, backup, server…).

Declarations only: building the parser must not import what the commands run (the store,
the services, pyHanko), so that ``anuyat gui`` can show its sign-in without them. Each
command's module (``app.cli.users``…) is imported when that command runs.
"""

from __future__ import annotations

from typing import Any

from services.settings.sections import TESTABLE, SectionKey

__all__ = [
    "AGENCY",
    "ROLE_NAMES",
    "add_archive",
    "add_backup",
    "add_fees",
    "add_licences",
    "add_report",
    "add_retention",
    "add_files",
    "add_server",
    "add_configure",
    "add_users",
    "add_verify",
]

Sub = Any  # argparse's sub-parsers action (its type is private)

AGENCY = "agency"
"""The settings command's section for the agency's own details (not a station section)."""

ROLE_NAMES = ("intake", "reviewer", "finance", "approver", "supervisor", "admin")
"""The officers' roles as ``--roles`` takes them (models.ROLES; a unit test keeps them equal)."""


def _sign_in_options(parser: Any, user: str, *, stdin: bool = False) -> None:
    """``--as`` and ``--password-file``: whom the command signs in as (``user`` unless told),
    and where that officer's password is (else the environment; ``stdin``: else typed)."""
    parser.add_argument("--as", dest="as_user", default=user, help="user name to sign in as")
    otherwise = "ANUYAT_ADMIN_PASSWORD, else stdin" if stdin else "ANUYAT_ADMIN_PASSWORD"
    parser.add_argument(
        "--password-file", help=f"file holding that user's password (else {otherwise})"
    )


def add_users(sub: Sub) -> None:
    users = sub.add_parser(
        "users", help="officers: add, roles, deactivate, passwords (admin)", allow_abbrev=False
    )
    _sign_in_options(users, "admin", stdin=True)
    act = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = act.add_parser("list", help="every officer with roles and state")
    listing.add_argument("--json", action="store_true")
    add = act.add_parser("add", help="add an officer; prints a one-time password once")
    add.add_argument("username", help="Latin letters/digits, e.g. malee.r")
    add.add_argument("--name-th", required=True, help="Thai full name with title")
    add.add_argument("--name-en", required=True, help="English full name")
    add.add_argument("--position", required=True, help="position, printed on letters (Thai)")
    add.add_argument("--email", default="", help="work e-mail address")
    add.add_argument("--roles", required=True, help="comma-separated: " + ", ".join(ROLE_NAMES))
    roles = act.add_parser("roles", help="change an officer's roles")
    roles.add_argument("username")
    how = roles.add_mutually_exclusive_group(required=True)
    how.add_argument("--set", help="exactly these roles (comma-separated)")
    how.add_argument("--add", help="add these roles")
    how.add_argument("--remove", help="remove these roles")
    deactivate = act.add_parser("deactivate", help="stop an officer signing in (never deleted)")
    deactivate.add_argument("username")
    deactivate.add_argument("--reason", default="")
    activate = act.add_parser("activate", help="let a deactivated officer sign in again")
    activate.add_argument("username")
    reset = act.add_parser("reset-password", help="a one-time password for a forgotten one")
    reset.add_argument("username")
    unlock = act.add_parser("unlock", help="lift a lockout after too many wrong passwords")
    unlock.add_argument("username")
    section = act.add_parser(
        "section", help="put an officer in a section (ฝ่าย); requests can be routed to sections"
    )
    section.add_argument("username")
    section.add_argument("name", nargs="?", default="", help="the section's name; empty: none")
    passwd = act.add_parser(
        "passwd", help="change the --as user's own password", allow_abbrev=False
    )
    passwd.add_argument(
        "--new-password-file", help="file holding the new password (else ANUYAT_NEW_PASSWORD)"
    )


def add_configure(sub: Sub) -> None:
    parser = sub.add_parser(
        "settings",
        help="the agency and the station's settings: show, set, test (admin)",
        allow_abbrev=False,
    )
    _sign_in_options(parser, "admin", stdin=True)
    act = parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = act.add_parser("show", help="every section's values; passwords only as saved/not")
    show.add_argument("--json", action="store_true")
    change = act.add_parser("set", help="change settings of one section: NAME=VALUE …")
    change.add_argument("section", choices=(AGENCY, *(key.value for key in SectionKey)))
    change.add_argument("values", nargs="*", metavar="NAME=VALUE")
    change.add_argument(
        "--secret-file",
        help="file holding the section's password (IMAP, SMTP; else ANUYAT_SECRET_VALUE)",
    )
    change.add_argument(
        "--allow-free-mail",
        action="store_true",
        help="keep a free-mail official address when the agency has none of its own",
    )
    test = act.add_parser("test", help="test a section's connection (saved values, or NAME=VALUE)")
    test.add_argument("section", choices=[key.value for key in SectionKey if key in TESTABLE])
    test.add_argument("values", nargs="*", metavar="NAME=VALUE")


def add_report(sub: Sub) -> None:
    report = sub.add_parser("report", help="the monthly service report (admin)")
    _sign_in_options(report, "admin")
    act = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    monthly = act.add_parser(
        "monthly", help="per service: received, completed, SLA, business days, fees"
    )
    monthly.add_argument("--from", dest="first", help="first day, YYYY-MM-DD (default: last month)")
    monthly.add_argument("--to", dest="last", help="last day, YYYY-MM-DD (default: last month)")
    monthly.add_argument("--xlsx", help="write the spreadsheet to this file")
    monthly.add_argument("--pdf", help="write the PDF to this file")


def add_fees(sub: Sub) -> None:
    fees = sub.add_parser("fees", help="the fee account and the fee ledger")
    _sign_in_options(fees, "admin")
    act = fees.add_subparsers(dest="fees_command", metavar="ACTION", required=True)
    account = act.add_parser("account", help="set the bank account and PromptPay details")
    account.add_argument("--bank-th", default="", help="bank and branch, in Thai")
    account.add_argument("--bank-en", default="", help="bank and branch, in English")
    account.add_argument("--account", default="", help="account number")
    account.add_argument("--account-name", default="", help="account name, in Thai")
    account.add_argument(
        "--promptpay-kind", default="", choices=("", "credit_transfer", "bill_payment"),
        help="credit_transfer (a PromptPay ID) or bill_payment (a 15-digit biller ID)",
    )  # fmt: skip
    account.add_argument("--promptpay-id", default="", help="the PromptPay or biller ID")
    ledger = act.add_parser("ledger", help="the receipts of a period as CSV and/or XLSX")
    ledger.add_argument("--from", dest="first", required=True, help="first day, YYYY-MM-DD")
    ledger.add_argument("--to", dest="last", required=True, help="last day, YYYY-MM-DD")
    ledger.add_argument("--csv", help="write the CSV to this file")
    ledger.add_argument("--xlsx", help="write the spreadsheet to this file")


def add_licences(sub: Sub) -> None:
    licences = sub.add_parser("licences", help="the public register of issued licences")
    _sign_in_options(licences, "approver")
    act = licences.add_subparsers(dest="licences_command", metavar="ACTION", required=True)
    publish = act.add_parser("publish", help="write the register as HTML pages, JSON and CSV")
    publish.add_argument("--to", required=True, help="the publish folder")
    check = act.add_parser(
        "check", help="check a licence shown: its PDF, a photo or scan, or its number or code"
    )
    check.add_argument("licence", help="a file (PDF, JPEG, PNG) or a licence number or code")
    paper = act.add_parser(
        "register-paper", help="register by hand a licence issued on paper before the system"
    )
    paper.add_argument("--number", required=True, help="the number printed on the licence")
    paper.add_argument("--licensee", required=True, help="the licensee's name, as printed")
    paper.add_argument("--subject", required=True, help="what the licence is for, as printed")
    paper.add_argument("--issued", required=True, help="date issued: 1/3/2565 or 2022-03-01")
    paper.add_argument("--expires", default="", help="expiry date (none: no expiry)")
    paper.add_argument("--premises", default="", help="where it holds, if printed")
    publish.add_argument(
        "--seal-token",
        metavar="LABEL",
        help="seal manifest.json with the key on this token (writes manifest.json.p7s)",
    )
    publish.add_argument(
        "--seal-key-id",
        metavar="HEX",
        default="",
        help="the certificate's key id on the token, in hex (e.g. 01); default: the first",
    )
    publish.add_argument(
        "--pin-file", help="file holding the token's PIN (else ANUYAT_TOKEN_PIN, else a prompt)"
    )


def add_archive(sub: Sub) -> None:
    archive = sub.add_parser("archive", help="a request's whole file as PDF/A for the archives")
    _sign_in_options(archive, "approver")
    act = archive.add_subparsers(dest="archive_command", metavar="ACTION", required=True)
    export = act.add_parser("export", help="write one request's file as a PDF/A-3")
    export.add_argument("tracking", help="the request's tracking number")
    export.add_argument("--out", required=True, help="the PDF file to write")


def add_retention(sub: Sub) -> None:
    retention = sub.add_parser(
        "retention", help="destruction lists and destruction by the head of agency's order"
    )
    _sign_in_options(retention, "admin")
    act = retention.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    listing = act.add_parser("list", help="draw up a destruction list (PDF and CSV)")
    listing.add_argument("--to", required=True, help="folder for the list's PDF and CSV")
    order = act.add_parser("order", help="record the head of agency's order for a list")
    order.add_argument("list", type=int, help="the destruction list's number")
    order.add_argument("--order-number", required=True, help="the order's number, e.g. 12/2570")
    order.add_argument("--ordered-by", required=True, help="who signed the order")
    order.add_argument("--date", required=True, help="the order's date, YYYY-MM-DD")
    destroy = act.add_parser("destroy", help="destroy what an ordered list names")
    destroy.add_argument("list", type=int, help="the destruction list's number")


def add_files(sub: Sub) -> None:
    files = sub.add_parser("files", help="the stored files (documents, mail) of this profile")
    act = files.add_subparsers(dest="files_command", metavar="ACTION", required=True)
    sweep = act.add_parser(
        "sweep", help="remove stored files no record refers to (left by failed or killed writes)"
    )
    sweep.add_argument(
        "--grace-hours",
        type=float,
        default=24.0,
        help="only files older than this (default 24; at least 1): a newer one may belong "
        "to a save still under way",
    )


def add_verify(sub: Sub) -> None:
    verify = sub.add_parser("verify", help="check the signatures of a signed PDF (offline)")
    verify.add_argument("file", help="the signed PDF")
    verify.add_argument(
        "--trust-root",
        action="append",
        default=[],
        help="a CA certificate (PEM or DER) to trust; repeat for several (default: the "
        "signing_trust_roots setting)",
    )


def add_server(sub: Sub) -> None:
    server = sub.add_parser("server", help="set up the agency's PostgreSQL server")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="create the agency's database, its roles, TLS and master key (run on the server, "
        "as the postgres account)",
    )
    init.add_argument(
        "--superuser",
        default="",
        help="libpq connection of a PostgreSQL superuser (default: this account over the "
        "local socket)",
    )
    init.add_argument(
        "--host",
        action="append",
        required=True,
        help="the server's name as workstations reach it (repeat for more names/addresses)",
    )
    init.add_argument("--port", type=int, help="PostgreSQL's port (default: the server's)")
    init.add_argument("--database", default="anuyat")
    init.add_argument("--owner-role", default="anuyat_owner", help="the migration role")
    init.add_argument("--app-role", default="anuyat_app", help="the workstations' role")
    init.add_argument(
        "--allow-from",
        default="samenet",
        help="pg_hba address range workstations connect from (default: samenet)",
    )
    init.add_argument("--agency-name-th", required=True)
    init.add_argument("--agency-name-en", required=True)
    init.add_argument("--agency-code", required=True, help="Roman-letter code, e.g. NKK")
    init.add_argument("--agency-number", required=True, help="official agency number")
    init.add_argument("--agency-email", required=True)
    init.add_argument("--allow-free-mail", action="store_true")
    init.add_argument("--admin-user", default="admin")
    init.add_argument("--admin-name", default="ผู้ดูแลระบบ")
    init.add_argument(
        "--admin-password-file",
        help="file holding the first admin password (else ANUYAT_ADMIN_PASSWORD, else stdin)",
    )
    enrol = actions.add_parser(
        "enrol-station", help="register a new workstation and write its enrolment file"
    )
    enrol.add_argument("--out", required=True, help="the enrolment file to write")
    enrol.add_argument("--name", default="", help="what the station is, e.g. 'Approver's desk'")
    enrol.add_argument("--code", help="the station's code (default: the next ST<n>)")
    enrol.add_argument(
        "--superuser", default="", help="as for 'server init' (it makes the station's role)"
    )
    enrol.add_argument(
        "--valid-days",
        type=int,
        default=7,
        help="days the file can be used to join, once (default 7, at most 30)",
    )
    revoke = actions.add_parser(
        "revoke-station",
        help="lock a lost or stolen workstation out: its database login is refused; the "
        "agency's key it holds is not changed (no key rotation)",
    )
    revoke.add_argument("code", help="the station's code, e.g. ST3")
    revoke.add_argument("--superuser", default="", help="as for 'server init'")
    renew = actions.add_parser(
        "renew-cert",
        help="sign a new server certificate with the agency's CA and load it (run on the "
        "server, as the postgres account); stations need nothing new",
    )
    renew.add_argument("--superuser", default="", help="as for 'server init'")
    actions.add_parser(
        "upgrade",
        help="bring the agency's database up to this Anuyat's version (run on the server "
        "after updating Anuyat there, before the workstations)",
    )
    join = sub.add_parser("join", help="make this computer a workstation of the agency")
    join.add_argument("file", help="the enrolment file from 'anuyat server enrol-station'")


def add_backup(sub: Sub) -> None:
    backup = sub.add_parser("backup", help="encrypted backups of this profile, and restoring them")
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="back up the profile now")
    create.add_argument("--to", help="backup folder (default: the backup_dir setting)")
    listing = actions.add_parser("list", help="this profile's backups, newest first")
    listing.add_argument("--to", help="backup folder (default: the backup_dir setting)")
    check = actions.add_parser(
        "verify", help="re-read every byte of a backup, check its hashes and audit chain"
    )
    check.add_argument("snapshot", nargs="?", help="a backup's folder (default: the newest)")
    check.add_argument("--to", help="backup folder (default: the backup_dir setting)")
    check.add_argument(
        "--server",
        metavar="URL",
        help="instead: check a restored agency database (postgresql://…): migrations, audit "
        "chains, rows against events, every document's blob (read whole with this profile's key)",
    )
    check.add_argument(
        "--against", metavar="URL", help="with --server: the live server, to compare row counts"
    )
    restore = actions.add_parser(
        "restore", help="restore a backup into a new profile folder with the recovery file"
    )
    restore.add_argument(
        "snapshot", help="the backup folder (its newest backup), or one backup's folder"
    )
    restore.add_argument("--recovery-file", required=True, help="the profile's recovery key file")
    restore.add_argument("--into", required=True, help="a new, empty profile folder")
