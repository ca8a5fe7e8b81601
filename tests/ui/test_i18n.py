"""Languages and fonts: the Thai catalogue loads, Sarabun is the application font."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QFontInfo

from ui.common import i18n


def test_thai_is_the_default_language(gui) -> None:
    assert i18n.current_language(gui) == "th"
    assert QCoreApplication.translate("SignInDialog", "Sign in") == "เข้าสู่ระบบ"


def test_switching_to_english_and_back(gui) -> None:
    assert i18n.apply_language("en", gui) is False  # English needs no catalogue
    assert i18n.current_language(gui) == "en"
    assert QCoreApplication.translate("SignInDialog", "Sign in") == "Sign in"
    assert i18n.apply_language("th", gui) is True
    assert QCoreApplication.translate("MainWindow", "Refresh") == "รีเฟรช"
    assert QCoreApplication.translate("SignInDialog", "&Password") == "รหัสผ่าน (&P)"


def test_unknown_language_is_refused(gui) -> None:
    import pytest

    with pytest.raises(ValueError):
        i18n.apply_language("fr", gui)


def test_sarabun_is_registered_and_is_the_application_font(gui) -> None:
    assert "Sarabun" in QFontDatabase.families()
    font = gui.font()
    assert QFontInfo(font).family() == "Sarabun"
    assert 10 <= font.pointSizeF() <= 11
    styles = QFontDatabase.styles("Sarabun")
    assert any("Bold" in style for style in styles)


def test_every_string_in_the_catalogue_is_translated() -> None:
    ts = i18n.translations_dir() / "anuyat_th.ts"
    qm = i18n.translations_dir() / "anuyat_th.qm"
    assert qm.is_file() and qm.stat().st_size > 1000
    root = ET.parse(ts).getroot()
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_translations_keep_their_placeholders() -> None:
    root = ET.parse(i18n.translations_dir() / "anuyat_th.ts").getroot()
    import re

    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(
            re.findall(r"\{\w+\}", translation)
        ), source


def test_lupdate_finds_every_message_of_the_catalogue(tmp_path) -> None:
    """A string lupdate cannot see (wrapped in a helper instead of ``self.tr`` or
    ``QCoreApplication.translate``) would be dropped, with its Thai, by the next
    ``python -m ui.build_translations``: the catalogue must be what lupdate finds."""
    import shutil

    from ui import build_translations

    committed = i18n.translations_dir() / "anuyat_th.ts"
    copy = tmp_path / "anuyat_th.ts"
    shutil.copy(committed, copy)

    def messages(path) -> set[tuple[str | None, str | None]]:
        root = ET.parse(path).getroot()
        return {
            (context.findtext("name"), message.findtext("source"))
            for context in root.iter("context")
            for message in context.iter("message")
        }

    import subprocess

    sources = sorted(str(p) for p in build_translations.UI.rglob("*.py"))
    lupdate = build_translations._tool("pyside6-lupdate")
    subprocess.run([lupdate, *sources, "-ts", str(copy), "-no-obsolete"], check=True)
    assert messages(copy) == messages(committed)


def test_qt_own_dialogs_speak_thai_in_thai_mode(gui, qtbot, tmp_path) -> None:
    """Qt ships no Thai catalogue: the workstation's own (qtbase_th) words the standard
    buttons, the file picker and the right-click menu of text fields."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "Anuyat", "?")
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"ใช่ (&Y)", "ไม่ (&N)", "ยกเลิก"}

    picker = QFileDialog(None, "", str(tmp_path), "")
    picker.setOption(QFileDialog.Option.DontUseNativeDialog)
    picker.setFileMode(QFileDialog.FileMode.ExistingFiles)
    qtbot.addWidget(picker)
    labels = {label.text() for label in picker.findChildren(QLabel)}
    assert {"ค้นหาใน (&L):", "ชื่อไฟล์ (&N):", "ชนิดไฟล์ (&T):"} <= labels
    buttons = picker.findChild(QDialogButtonBox).buttons()
    assert {b.text() for b in buttons} == {"เปิด (&O)", "ยกเลิก"}

    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert {"คัดลอก (&C)", "วาง (&P)", "เลือกทั้งหมด"} <= {
        a.text().split("\t")[0] for a in menu.actions()
    }

    # In English mode Qt's own words are Qt's.
    i18n.apply_language("en", gui)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {b.text() for b in box.buttons()} == {"&Yes", "&No"}


def test_underscores_in_file_names_are_drawn(gui, qtbot) -> None:
    """Sarabun's "_" lies below the font's descent: a label one line high must still show it
    (the quarantine's bold title showed "scan_id_card.pdf" as "scan id card.pdf")."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

    def ink(label: QLabel) -> int:
        image = label.grab().toImage()
        return sum(
            QColor(image.pixel(x, y)).lightness() < 160
            for y in range(image.height())
            for x in range(image.width())
        )

    # The plain label, and the styles file names are shown in (titles are 11-13 pt bold).
    for name in ("", "DetailTitle", "SectionTitle", "FieldName", "PaneTitle"):
        label = QLabel("________")
        label.setObjectName(name)
        qtbot.addWidget(label)
        label.resize(label.sizeHint())
        label.show()
        assert ink(label) > 0, name
