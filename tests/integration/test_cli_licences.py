"""``anuyat licences publish``: an approver writes the public register to a folder; the
administrator may not (least privilege); re-running changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from services.access import auth
from services.kernel.actors import SYSTEM
from services.store.profile import load_context
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_cli import _init


def test_an_approver_publishes_the_register_and_the_administrator_may_not(
    data_dir: Path, tmp_path: Path, monkeypatch, capsys, clock
) -> None:
    assert _init(data_dir, monkeypatch) == 0
    context = load_context(data_dir, clock)
    try:
        with context.unit_of_work(SYSTEM) as uow:
            auth.create_user(uow, username="approver", display_name="นายอนุมัติ รอบคอบ",
                             password=STAFF_PASSWORD, roles=["approver"])  # fmt: skip
    finally:
        context.store.close()
    folder = tmp_path / "publish"
    base = ["--data-dir", str(data_dir), "licences"]
    assert main([*base, "--as", "admin", "publish", "--to", str(folder)]) == 2
    assert "approver" in capsys.readouterr().err and not folder.exists()
    assert main([*base, "publish", "--to", str(folder)]) == 0
    assert "3 file(s) changed" in capsys.readouterr().out
    assert json.loads((folder / "register.json").read_text(encoding="utf-8")) == []
    assert main([*base, "publish", "--to", str(folder)]) == 0
    assert "0 file(s) changed" in capsys.readouterr().out
