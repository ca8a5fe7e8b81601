"""The demo's approver token, end to end in fresh processes (SoftHSM2 reads its configuration
once per process): ``anuyat demo`` provisions it, the approver approves and signs what waits
with its PIN, and ``anuyat verify`` finds the signature valid and trusted by the demo's root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.peers.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]

_APPROVE = """
import sys
from pathlib import Path
from app.bootstrap import open_runtime
from app.settings import load_settings
from services.api import BatchItem, Pin, SigningChoice
runtime = open_runtime(Path(sys.argv[1]), load_settings())
port = runtime.ports.approval
user = runtime.ports.shell.sign_in("approver", "approve-2569")
waiting = [port.open_approval(user, row.id, "demo") for row in port.queue(user)]
assert waiting, "nothing waits for approval in the demo"
items = [BatchItem(s.detail.row.id, s.default_conditions) for s in waiting]
choice = SigningChoice("token", "approver", b"\\x01", secret=Pin("123456"))
outcome = port.approve_batch(user, items, choice)
assert outcome.approved == tuple(i.application_id for i in items), outcome
record = port.open_approval(user, items[0].application_id).decision
Path(sys.argv[2]).write_bytes(runtime.ports.review.document_bytes(user, record.document_id))
runtime.close()
"""


def test_the_demo_token_signs_and_the_signature_verifies(tmp_path: Path) -> None:
    require_tool("softhsm2-util", "softhsm2")
    env = {k: v for k, v in os.environ.items() if k != "SOFTHSM2_CONF"}
    env.update(PYTHONPATH=str(ROOT), ANUYAT_CONFIG_DIR=str(tmp_path / "config"))
    data = tmp_path / "demo"
    made = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "demo"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "PIN 123456" in made.stdout
    assert "pkcs11_module" in (data / "settings.toml").read_text(encoding="utf-8")
    signed = tmp_path / "memo.pdf"
    approved = subprocess.run(
        [sys.executable, "-c", _APPROVE, str(data), str(signed)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert approved.returncode == 0, approved.stderr
    checked = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "verify", str(signed)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Signer: นายประยูร อนุมัติ" in checked.stdout
    assert "Trusted (agency's roots): yes" in checked.stdout
