"""The approval's signing dialog offers only the ways the service allows for the whole batch.

The agency's settings (``allow_pkcs12``) and the batch's strictest service (type 3 needs the
token) decide, in the service (``ApprovalPort.batch_signing_ways``); the dialog shows its answer. A
way the service would refuse is not offered, so the approver is not left to find out after
typing a PIN. Real widgets, a real profile, the real SoftHSM2 token's module.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

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


def _darkest(widget) -> int:
    """The darkest grey (0 black … 255 white) the widget paints: its text's colour."""
    image = widget.grab().toImage()
    return min(
        QColor(image.pixel(x, y)).lightness()
        for x in range(image.width())
        for y in range(image.height())
    )


def test_a_refused_way_reads_as_unavailable_and_its_reason_stays_readable(
    gui, qtbot, runner, context, softhsm
) -> None:
    ports, users = _users(context, softhsm)
    set_risk(context, "FOOD-NOTICE", "sensitive")  # type 3: the password way is refused
    sensitive = reviewed(context, ports, users, hour=10)
    dialog = _dialog(qtbot, runner, context, softhsm, users, [sensitive], allow_pkcs12=True)
    form = dialog.signing
    assert not form.record_radio.isEnabled() and form.token_radio.isEnabled()
    # Painted, not only flagged: the refused way is clearly lighter than the one offered,
    # and the reason beside it is as dark as any ordinary text.
    offered, refused, reason = (
        _darkest(form.token_radio),
        _darkest(form.record_radio),
        _darkest(form.why_token),
    )
    assert offered < 80 and reason < 80
    assert refused > offered + 60


def test_a_long_service_name_is_read_whole_in_the_batch_list(
    gui, qtbot, runner, context, softhsm
) -> None:
    ports, users = _users(context, softhsm)
    app_id = reviewed(context, ports, users, hour=9)
    dialog = _dialog(qtbot, runner, context, softhsm, users, [app_id], allow_pkcs12=False)
    dialog.resize(dialog.minimumWidth(), dialog.sizeHint().height())
    assert dialog.height() <= 720
    for language in ("th", "en"):
        i18n.apply_language(language)
        qtbot.waitUntil(lambda: dialog.items.count() == 1, timeout=30_000)
        QApplication.processEvents()
        item = dialog.items.item(0)
        summary = ports.approval.open_approval(users["approver"], app_id, "ทดสอบ")
        row = summary.detail.row
        name = row.service_name_th if language == "th" else row.service_name_en
        # No line runs off the edge: the item is no wider than the list, and the name
        # (longer than one line at this width) wraps onto more lines; the tooltip has it all.
        viewport = dialog.items.viewport().width()
        rect = dialog.items.visualItemRect(item)
        line = dialog.items.fontMetrics().height()
        assert dialog.items.fontMetrics().horizontalAdvance(item.text()) > viewport
        assert rect.width() <= viewport and rect.height() >= 2 * line
        assert rect.bottom() <= dialog.items.viewport().height()
        assert name in item.toolTip()
        _shot(dialog, f"approval_signing_long_name_{language}")
    i18n.apply_language("th")
