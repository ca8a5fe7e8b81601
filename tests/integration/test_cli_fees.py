"""``anuyat fees``: the administrator sets the fee account (a bad PromptPay ID refused with
what to type), and the ledger of a period is written as CSV and XLSX."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.cli import main
from models import Event, FeeAccount
from services.store.profile import load_context
from tests.integration.test_cli import _init


def test_the_fee_account_is_set_from_the_command_line_and_a_bad_id_refused(
    data_dir: Path, tmp_path: Path, monkeypatch, capsys, clock
) -> None:
    assert _init(data_dir, monkeypatch) == 0
    base = ["--data-dir", str(data_dir), "fees", "account", "--bank-th", "ธนาคารกรุงไทย",
            "--account", "123-4-56789-0", "--account-name", "เทศบาลตำบลทดสอบ",
            "--promptpay-kind", "bill_payment"]  # fmt: skip
    assert main([*base, "--promptpay-id", "12345"]) == 2
    err = capsys.readouterr().err
    assert "รหัสพร้อมเพย์" in err and "15 digits" in err
    assert main([*base, "--promptpay-id", "099400015804500"]) == 0
    assert "Fee account saved" in capsys.readouterr().out
    ledger = tmp_path / "ledger.csv"
    args = ["--data-dir", str(data_dir), "fees", "ledger", "--from", "2026-10-01",
            "--to", "2026-10-31", "--csv", str(ledger)]  # fmt: skip
    assert main(args) == 2  # the administrator is not a finance officer
    assert "finance" in capsys.readouterr().err
    context = load_context(data_dir, clock)
    try:
        with context.read() as session:
            row = session.scalars(select(FeeAccount)).one()
            events = session.scalars(select(Event.type).where(Event.type.like("fees.%"))).all()
    finally:
        context.store.close()
    assert (row.promptpay_kind, row.promptpay_id) == ("bill_payment", "099400015804500")
    assert events == ["fees.account_set"]
