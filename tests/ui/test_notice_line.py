"""A result line shown after an action follows the officer's language switch: the line keeps
the way to write its message and writes it again in the language now on screen. Real Qt
widgets, the real translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.common import i18n
from ui.common.notice_line import NoticeLine


def test_a_told_message_is_written_again_in_the_language_switched_to(gui, qtbot) -> None:
    line = NoticeLine()
    qtbot.addWidget(line)
    line.show()
    # A message the workstation translates (the retention page's words, its own context).
    words = "The order is recorded on destruction list {number}."
    line.tell(lambda: QCoreApplication.translate("RetentionPage", words).format(number=4))
    assert line.isVisible() and line.text() == "บันทึกคำสั่งในทะเบียนขอทำลายลำดับที่ 4 แล้ว"
    try:
        i18n.apply_language("en", gui)  # Qt posts the LanguageChange: wait for it
        qtbot.waitUntil(lambda: line.text() == "The order is recorded on destruction list 4.")
        i18n.apply_language("th", gui)
        qtbot.waitUntil(lambda: line.text() == "บันทึกคำสั่งในทะเบียนขอทำลายลำดับที่ 4 แล้ว")
        # Forgotten (a new step began): hidden, and a switch does not bring it back.
        line.forget()
        i18n.apply_language("en", gui)
        QCoreApplication.processEvents()
        assert line.isHidden() and line.text() == ""
    finally:
        i18n.apply_language("th", gui)
