"""The work list's parts on real widgets over the real ports: the filter bar and saved
views, the empty list's message in the table, assigning with a note, internal notes, the
alerts badge. Keys are typed as an officer types them; screenshots in Thai and English at
1280×720 go to ``$ANUYAT_SHOTS`` (or the test's temp folder)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from services.access import auth
from services.kernel.actors import SYSTEM
from services.kernel.clock import FixedClock
from tests.conftest import STAFF_PASSWORD
from tests.ui.conftest import APPLICATION_COUNT, active_main_window, officer_types
from ui.common import i18n
from ui.shell.main_window import MainWindow
from ui.worklist.filtering import FilteredQueue


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ANUYAT_SHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _loaded(window: MainWindow) -> bool:
    return window.model.total is not None and not window.model.is_loading


def _supervisor(context, workstation):
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow,
            username="boss",
            display_name="นางหัวหน้า ใจเย็น",
            password=STAFF_PASSWORD,
            roles=["supervisor"],
        )
    return workstation.shell.sign_in("boss", STAFF_PASSWORD)


def _shoot(window: MainWindow, shots: Path, name: str, qtbot) -> None:
    for language in ("th", "en"):
        i18n.apply_language(language)
        qtbot.wait(50)
        QApplication.processEvents()
        if isinstance(window, MainWindow):
            _filter_bar_is_whole(window.worklist.filter_bar)
        window.grab().save(str(shots / f"{name}_{language}.png"))
    i18n.apply_language("th")


def _filter_bar_is_whole(bar) -> None:
    """Every button and label of the filter bar as wide as its words need, inside the bar:
    nothing clipped after the language changed ("Clear filters" was cut in English)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    for widget in bar.findChildren(QAbstractButton) + bar.findChildren(QLabel):
        if not widget.isVisible():
            continue
        assert widget.width() >= widget.sizeHint().width(), widget.objectName() or widget.text()
        place = widget.mapTo(bar, widget.rect().bottomRight())
        assert bar.rect().contains(place), widget.objectName() or widget.text()


def test_filters_narrow_the_list_and_an_empty_result_says_so_in_the_table(
    qtbot, workstation, reviewer, runner, settings, applications, shots
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    bar = window.worklist.filter_bar
    assert window.model.total == APPLICATION_COUNT
    qtbot.waitUntil(lambda: bar.service.count() > 2, timeout=10000)
    # The officer picks "Not yet classified" with the keyboard: focus the box, arrow down.
    bar.service.setFocus()
    QTest.keyClick(bar.service, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: _loaded(window) and window.model.total < APPLICATION_COUNT)
    assert window.model.total == len(range(0, APPLICATION_COUNT, 5))
    assert all(window.model.row_at(r).service_code == "" for r in range(window.model.rowCount()))
    assert not window.worklist.empty_hint.isVisible()
    # Overdue only, on top: nothing is overdue on 25 Nov (and SLA-less requests never are).
    QTest.keyClick(bar.overdue, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _loaded(window) and window.model.total == 0, timeout=10000)
    hint = window.worklist.empty_hint
    assert (
        hint.isVisible()
        and "No requests match these filters" in hint.text()
        or ("ไม่มีคำขอที่ตรงกับตัวกรอง" in hint.text())
    )
    assert hint.parent() is window.table.viewport()  # in the table, not the status bar
    _shoot(window, shots, "list_filtered_empty", qtbot)
    bar.clear_button.click()
    qtbot.waitUntil(lambda: _loaded(window) and window.model.total == APPLICATION_COUNT)
    assert not hint.isVisible()


def test_the_filter_bar_is_whole_from_the_first_frame_in_either_language(
    qtbot, workstation, reviewer, runner, settings, applications, shots
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    bar = window.worklist.filter_bar
    for language in ("en", "th", "en"):
        i18n.apply_language(language)
        QApplication.processEvents()  # one turn: the language change, as the first frame
        assert bar.clear_button.text() == ("Clear filters" if language == "en" else "ล้างตัวกรอง")
        _filter_bar_is_whole(bar)
        window.grab().save(str(shots / f"filter_bar_first_frame_{language}.png"))
    i18n.apply_language("th")


def test_a_saved_view_comes_back_after_signing_in_again(
    qtbot, workstation, reviewer, runner, settings, applications, context
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    bar = window.worklist.filter_bar
    qtbot.waitUntil(lambda: bar.service.count() > 2, timeout=10000)
    window.queues.select_status("unclassified")
    qtbot.waitUntil(lambda: _loaded(window) and window.model.total < APPLICATION_COUNT)
    bar.sort.setCurrentIndex(bar.sort.findData("newest"))
    qtbot.waitUntil(lambda: _loaded(window))
    bar.save_button.click()
    dialog = bar.save_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is dialog)  # fmt: skip
    officer_types("ยังไม่จำแนก ใหม่สุด")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.view.count() == 2, timeout=10000)
    assert bar.current_view() == "ยังไม่จำแนก ใหม่สุด"
    window.close()
    # Another sitting: the last filter and the saved view come from the store.
    again = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    again_bar = again.worklist.filter_bar
    qtbot.waitUntil(lambda: again_bar.view.count() == 2, timeout=10000)
    assert again_bar.current_filter().sort == "newest"
    again.queues.select_row(0)
    qtbot.waitUntil(lambda: _loaded(again))
    again_bar.view.setCurrentIndex(1)
    again_bar.view.activated.emit(1)
    qtbot.waitUntil(
        lambda: (
            isinstance(again.model.status, FilteredQueue)
            and again.model.status.filter.statuses == ("unclassified",)
            and _loaded(again)
        ),
        timeout=10000,
    )
    numbers = [again.model.row_at(r).tracking_number for r in range(3)]
    assert numbers == sorted(numbers, reverse=True)  # newest first


def test_a_supervisor_assigns_a_batch_with_a_note_and_a_reason(
    qtbot, workstation, runner, settings, applications, context, shots
) -> None:
    boss = _supervisor(context, workstation)
    window = active_main_window(qtbot, workstation, boss, runner, settings, size=(1280, 720))
    assert window.worklist.assign_button.isVisible()
    window.queues.select_status("received")
    qtbot.waitUntil(lambda: _loaded(window) and window.model.total < APPLICATION_COUNT)
    # Rows 2 and 3 (not the oldest): Ctrl+click, as an officer picks a batch.
    table = window.table
    for row in (1, 2):
        rect = table.visualRect(window.model.index(row, 0))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, rect.center())  # fmt: skip
    chosen = window.worklist.selected_rows()
    assert len(chosen) == 2
    _shoot(window, shots, "supervisor_batch_selected", qtbot)
    QTest.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.worklist.assign_dialog is not None
                    and window.worklist.assign_dialog.isVisible(), timeout=10000)  # fmt: skip
    dialog = window.worklist.assign_dialog
    dialog.officer.setCurrentIndex(dialog.officer.findData("reviewer"))
    dialog.note.setFocus()
    officer_types("ตรวจแผนที่ร้านให้ละเอียด")
    _shoot(dialog, shots, "assign_dialog", qtbot)
    QTest.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The oldest received request waits: the services ask why it is passed over.
    qtbot.waitUntil(lambda: dialog.needs_reason(), timeout=10000)
    assert "reason" in dialog.order_en.text()
    assert not dialog.ok_button.isEnabled()
    assert QApplication.focusWidget() is dialog.reason
    officer_types("ผู้ยื่นนัดตรวจสถานที่พรุ่งนี้")
    _shoot(dialog, shots, "assign_dialog_reason", qtbot)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: _loaded(window), timeout=10000)
    ids = {r.id for r in chosen}
    notes = {
        i: workstation.worklist.notes(workstation.shell.sign_in("reviewer", STAFF_PASSWORD), i)
        for i in ids
    }
    assert all([n.body for n in v] == ["ตรวจแผนที่ร้านให้ละเอียด"] for v in notes.values())

    def holders() -> set[str | None]:
        model = window.model
        return {
            model.row_at(r).assignee for r in range(model.rowCount()) if model.row_at(r).id in ids
        }

    # The list is read again after the change: the two rows now name their holder.
    qtbot.waitUntil(lambda: holders() == {"นายตรวจ ละเอียด"}, timeout=10000)
    assert "2" in window.statusBar().currentMessage()


def test_notes_are_read_and_added_from_the_list_and_officers_see_theirs_first(
    qtbot, workstation, reviewer, runner, settings, applications, context, shots
) -> None:
    boss = _supervisor(context, workstation)
    newest = applications[-1]
    ids = {}
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    for r in range(window.model.rowCount()):
        ids[window.model.row_at(r).tracking_number] = window.model.row_at(r).id
    window.close()
    # The supervisor gives the reviewer a late request; in the reviewer's list it comes first.
    late = next(n for n in reversed(applications) if n in ids)
    workstation.worklist.assign(boss, (ids[late],), to_officer="reviewer", note="ด่วน ผู้ยื่นเป็นผู้สูงอายุ",
                                out_of_order_reason="ผู้สูงอายุ")  # fmt: skip
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    assert window.model.row_at(0).tracking_number == late
    assert newest  # the list still holds every request below it
    window.table.setFocus()
    window.table.selectRow(0)
    QTest.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.worklist.notes_dialog is not None
                    and window.worklist.notes_dialog.isVisible(), timeout=10000)  # fmt: skip
    dialog = window.worklist.notes_dialog
    qtbot.waitUntil(lambda: len(dialog.notes) == 1, timeout=10000)
    assert QApplication.focusWidget() is dialog.editor
    officer_types("โทรยืนยันกับผู้ยื่นแล้ว เอกสารครบ")
    QTest.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(dialog.notes) == 2, timeout=10000)
    assert dialog.notes[-1].body == "โทรยืนยันกับผู้ยื่นแล้ว เอกสารครบ"
    assert dialog.editor.toPlainText() == ""
    _shoot(dialog, shots, "notes_dialog", qtbot)
    dialog.close()
    # The alerts badge counts what is new for the reviewer (the assignment among them).
    qtbot.waitUntil(lambda: window.worklist.alerts.alerts.total > 0, timeout=10000)
    assert window.worklist.alerts.text() == str(window.worklist.alerts.alerts.total)
    _shoot(window, shots, "list_mine_first", qtbot)
    window.worklist.alerts.mark_seen()
    qtbot.waitUntil(lambda: window.worklist.alerts.alerts.total == 0, timeout=10000)


def test_the_notes_open_from_the_review_screen_and_show_the_supervisors_note(
    qtbot, workstation, reviewer, runner, settings, review_applications, context, shots
) -> None:
    boss = _supervisor(context, workstation)
    oldest_id, oldest_number = review_applications[0]
    workstation.worklist.assign(boss, (oldest_id,), to_officer="reviewer",
                                note="ผู้ยื่นขอให้ติดต่อทางโทรศัพท์ก่อนเวลา 12:00 น.")  # fmt: skip
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    table = window.table
    table.setFocus()
    table.selectRow(0)  # the reviewer's own request comes first
    assert window.model.row_at(0).id == oldest_id
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.review.detail is not None, timeout=10000)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: window.worklist.notes_dialog is not None
                    and window.worklist.notes_dialog.isVisible(), timeout=10000)  # fmt: skip
    dialog = window.worklist.notes_dialog
    qtbot.waitUntil(lambda: len(dialog.notes) == 1, timeout=10000)
    assert oldest_number in dialog.heading.text()
    assert dialog.notes[0].author == "นางหัวหน้า ใจเย็น"
    assert "12:00" in dialog.list.item(0).text()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.workspace.currentWidget() is window.review  # still in the review


def test_the_alerts_badge_counts_what_is_new_and_the_digest_is_chosen_there(
    qtbot, workstation, reviewer, runner, applications, context
) -> None:
    from ui.worklist.alerts_button import AlertsButton

    boss = _supervisor(context, workstation)
    button = AlertsButton(workstation.worklist, runner, reviewer)
    qtbot.addWidget(button)
    qtbot.waitUntil(lambda: button.alerts.total > 0, timeout=10000)
    assert button.notices_sent == button.alerts.total  # what waited since yesterday
    button.seen_action.trigger()  # "Mark all as seen"
    qtbot.waitUntil(lambda: button.alerts.total == 0, timeout=10000)
    assert button.text() == "" and button.notices_sent == 0
    # Something new: a request assigned to the reviewer. The badge counts it, and the
    # notice is given (offscreen there is no tray: the badge alone says it, quietly).
    first_free = applications[1]
    with context.read() as session:
        from models import Application

        app_id = session.scalar(
            select(Application.id).where(Application.tracking_number == first_free)
        )
    # A minute later (the fixed clock would put it at the very moment of "seen").
    context.clock = FixedClock(context.clock.now() + timedelta(minutes=1))
    workstation.worklist.assign(boss, (app_id,), to_officer="reviewer")
    button.refresh()
    qtbot.waitUntil(lambda: button.alerts.total == 1, timeout=10000)
    assert button.text() == "1" and button.notices_sent == 1
    assert button.tray is None or button.tray.isVisible()
    button._fill_menu()
    texts = [a.text() for a in button.menu_.actions() if a.text()]
    assert any(first_free in t for t in texts)
    # The daily digest is turned on from the same menu, and kept in the store.
    qtbot.waitUntil(lambda: not button.digest_action.isChecked(), timeout=5000)
    button.digest_action.trigger()
    qtbot.waitUntil(lambda: workstation.worklist.wants_digest(reviewer), timeout=10000)
    button.stop()


def test_the_supervisors_bell_lists_overdue_requests_and_those_nobody_holds(
    qtbot, workstation, runner, settings, applications, context, shots
) -> None:
    from models import Application

    boss = _supervisor(context, workstation)
    with context.read() as session:
        late = session.scalar(
            select(Application.id).where(Application.tracking_number == applications[1])
        )
    workstation.worklist.assign(boss, (late,), to_officer="reviewer")
    with context.store.sessions() as session, session.begin():
        from sqlalchemy import update

        session.execute(  # an hour past its SLA, held by the reviewer
            update(Application)
            .where(Application.id == late)
            .values(sla_due_at=context.clock.now() - timedelta(hours=1))
        )
        session.execute(  # all but the first five came in this morning, an hour ago
            update(Application)
            .where(Application.tracking_number.in_(applications[5:]))
            .values(deemed_received_at=context.clock.now() - timedelta(hours=1))
        )
    window = active_main_window(qtbot, workstation, boss, runner, settings, size=(1280, 720))
    bell = window.worklist.alerts
    qtbot.waitUntil(lambda: bell.alerts.total > 0, timeout=15000)
    kinds = [item.kind for item in bell.alerts.items]
    assert kinds[0] == "sla_at_risk" and bell.alerts.items[0].application_id == late
    # Every other request waits in a queue with nobody holding it; the badge counts the late
    # one and the four waiting since early this month, not the 225 that came in this morning
    # (officers take those with "Next").
    assert kinds.count("unassigned") == len(applications) - 1
    assert bell.text() == "5" and bell.notices_sent == 0
    for language, overdue, nobody, heading in (
        ("th", "เกินกำหนด", "ยังไม่มีผู้รับผิดชอบ", "รอไม่ถึงหนึ่งวันทำการ"),
        ("en", "Overdue", "Nobody holds it yet", "Waiting under a business day"),
    ):
        i18n.apply_language(language)
        qtbot.wait(50)  # the language change reaches every widget and the layouts settle
        QApplication.processEvents()
        bell.menu_.popup(bell.mapToGlobal(bell.rect().bottomLeft()))
        qtbot.waitUntil(bell.menu_.isVisible, timeout=5000)
        texts = [a.text() for a in bell.menu_.actions() if a.text()]
        assert texts[0] == f"{overdue}: {applications[1]}"
        assert texts[1] == f"{nobody}: {applications[0]}"
        # The four counted, then the heading over those listed only (ten shown, the rest
        # summed up).
        assert texts[5] == heading and texts[6] == f"{nobody}: {applications[5]}"
        assert texts[16] == ("… และอีก 215 รายการ" if language == "th" else "… and 215 more")
        assert texts[-1] == (
            "สรุปงานประจำวันทางอีเมล" if language == "th" else "Daily summary by e-mail"
        )
        window.grab().save(str(shots / f"supervisor_bell_{language}.png"))
        bell.menu_.grab().save(str(shots / f"supervisor_bell_menu_{language}.png"))
        bell.menu_.hide()
    i18n.apply_language("th")
    # Choosing an alert finds that request in the list.
    bell.menu_.popup(bell.mapToGlobal(bell.rect().bottomLeft()))
    with qtbot.waitSignal(bell.request_chosen, timeout=5000) as chosen:
        bell.menu_.actions()[1].trigger()
    assert chosen.args is not None
    assert chosen.args[0] == bell.alerts.items[1].application_id
    bell.menu_.hide()
    qtbot.waitUntil(
        lambda: (
            window.search_edit.text() == applications[0]
            and _loaded(window)
            and window.model.total == 1
        ),
        timeout=15000,
    )
    bell.stop()
