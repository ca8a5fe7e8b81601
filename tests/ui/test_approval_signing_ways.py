"""The approval's signing dialog offers only the ways the service allows for the whole batch.

The agency's settings (``allow_pkcs12``) and the batch's strictest service (type 3 needs the
token) decide, in the service (``ApprovalPort.signing_ways``); the dialog shows its answer. A
way the service would refuse is not offered, so the approver is not left to find out after
typing a PIN. Real widgets, a real profile, the real SoftHSM2 token's module.
"""

from __future__ import annotations

from services.api.approval import SigningSettings
from services.api.ports import build_ports
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import reviewed, set_risk
from tests.ui.conftest import officer_types
from tests.ui.test_approval_page import _shot
from ui.approval.signing_dialog import SigningDialog
from ui.common import i18n


def _dialog(qtbot, runner, context, softhsm, users, ids, *, allow_pkcs12: bool) -> SigningDialog:
    token = softhsm["approver"]
    settings = SigningSettings(token.module, (token.root_pem,), allow_pkcs12=allow_pkcs12)
    ports = build_ports(context, signing=settings)
    approver = users["approver"]
    summaries = [ports.approval.open_approval(approver, app_id, "ทดสอบ") for app_id in ids]
    dialog = SigningDialog(ports.approval, runner, approver, summaries)
    qtbot.addWidget(dialog)
    dialog.show()
    # The service has answered once the dialog can say why a refused password is refused.
    qtbot.waitUntil(lambda: bool(dialog.signing.why_token.text()), timeout=30_000)
    qtbot.waitUntil(lambda: dialog.signing.token_combo.count() >= 1, timeout=30_000)
    return dialog


def _users(context, softhsm):
    token = softhsm["approver"]
    ports = build_ports(context, signing=SigningSettings(token.module, (token.root_pem,)))
    names = ("intake", "reviewer", "approver")
    return ports, {n: ports.shell.sign_in(n, STAFF_PASSWORD) for n in names}


def test_an_agency_without_pkcs12_files_is_offered_the_token_and_no_file(
    gui, qtbot, runner, context, softhsm
) -> None:
    ports, users = _users(context, softhsm)
    app_id = reviewed(context, ports, users, hour=9)  # type 1 is enough for this service
    dialog = _dialog(qtbot, runner, context, softhsm, users, [app_id], allow_pkcs12=False)
    form = dialog.signing
    assert form.token_radio.isVisibleTo(dialog) and form.token_radio.isEnabled()
    assert not form.pkcs12_radio.isVisibleTo(dialog)
    assert form.record_radio.isEnabled()  # type 1: the password is a way here
    assert form.token_radio.isChecked()


def test_a_type_3_service_in_the_batch_takes_the_file_and_password_away_though_the_agency_allows(
    gui, qtbot, runner, context, softhsm
) -> None:
    ports, users = _users(context, softhsm)
    plain = reviewed(context, ports, users, hour=9)
    set_risk(context, "FOOD-NOTICE", "sensitive")  # requests from now on need type 3
    sensitive = reviewed(context, ports, users, hour=10)

    alone = _dialog(qtbot, runner, context, softhsm, users, [plain], allow_pkcs12=True)
    assert alone.signing.pkcs12_radio.isVisibleTo(alone)  # allowed, and type 1 is enough
    alone.reject()

    dialog = _dialog(qtbot, runner, context, softhsm, users, [plain, sensitive], allow_pkcs12=True)
    form = dialog.signing
    assert form.token_radio.isVisibleTo(dialog) and form.token_radio.isChecked()
    assert not form.pkcs12_radio.isVisibleTo(dialog)
    assert not form.record_radio.isEnabled()
    assert form.why_token.isVisibleTo(dialog) and "3" in form.why_token.text()
    # The approver can still sign with the token: choose it and type the PIN.
    form.token_combo.setCurrentIndex(form.token_combo.findData("approver"))
    form.secret.setFocus()
    officer_types(softhsm["approver"].pin)
    assert dialog.ok_button.isEnabled()
    _shot(dialog, "approval_signing_ways_th")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: "type 3" in form.why_token.text(), timeout=30_000)
    _shot(dialog, "approval_signing_ways_en")
    i18n.apply_language("th")
