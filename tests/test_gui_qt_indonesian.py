"""Qt's own dialogs and widgets speak Bahasa Indonesia with the Indonesian UI: the print dialog
of the print preview, the file dialog, the Salin/Tempel menu of text fields, the standard
buttons and the calendar of date fields (resources/translations/qtbase_id.ts and the id_ID
locale, installed by i18n.install_translator). The English UI keeps Qt's own English."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from sopdesk.gui.date_field import DateField
from sopdesk.gui.i18n import install_translator
from sopdesk.gui.print_preview import PrintPreviewDialog

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qtbase_id.ts"
QM = ROOT / "resources" / "translations" / "qtbase_id.qm"


def _language(qapp: QApplication, code: str):
    before = QLocale()
    translator = install_translator(qapp, code)
    yield translator
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def indonesian(qapp: QApplication):
    yield from _language(qapp, "id")


@pytest.fixture
def english(qapp: QApplication):
    yield from _language(qapp, "en")


# --- helpers: what the user sees ----------------------------------------------------------------
def plain(text: str) -> str:
    """A label or action text as read: without the & of its access key and the shortcut."""
    return text.split("\t")[0].replace("&", "")


def texts(widget: QWidget) -> set[str]:
    """Every label, button, check box, radio button, group box and tab text of a dialog."""
    found = {plain(w.text()) for cls in (QLabel, QPushButton, QCheckBox, QRadioButton)
             for w in widget.findChildren(cls)}
    found |= {plain(box.title()) for box in widget.findChildren(QGroupBox)}
    return found | {plain(tabs.tabText(i)) for tabs in widget.findChildren(QTabWidget) for i in range(tabs.count())}


def while_modal(kind: type, look: Callable[[QWidget], None]) -> list[QWidget]:
    """Once a modal dialog of `kind` is up, look at it and close it (Escape/reject)."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        try:
            look(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, poll)
    return seen


def context_menu(qtbot, widget: QWidget) -> list[str]:
    """Right-click the field as the user does (through its window) and read the menu."""
    widget.window().show()
    qtbot.waitExposed(widget.window())
    actions: list[str] = []

    def grab() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, grab)
            return
        actions.extend(plain(a.text()) for a in menu.actions() if not a.isSeparator())
        menu.close()

    QTimer.singleShot(0, grab)
    window = widget.window().windowHandle()
    at = widget.mapTo(widget.window(), QPoint(10, 10))
    QTest.mousePress(window, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseRelease(window, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: bool(actions))
    return actions


@pytest.fixture
def preview(qtbot, tmp_path):
    pdf = tmp_path / "tanda-bukti.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.drawString(72, 760, "Tanda bukti")
    page.showPage()
    page.save()
    dialog = PrintPreviewDialog(pdf, "tanda-bukti.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save_dialog() -> QFileDialog:
    dialog = QFileDialog(None, "Simpan PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog


# --- Indonesian -----------------------------------------------------------------------------------
def test_the_print_dialog_of_the_preview_is_indonesian(qtbot, indonesian, preview):
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        seen["title"] = dialog.windowTitle()
        seen["texts"] = texts(dialog)

    shown = while_modal(QPrintDialog, look)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert shown, "Cetak... did not open the print dialog"
    assert seen["title"] == "Cetak"
    assert {"Pencetak", "Nama:", "Properti", "Lokasi:", "Jenis:", "Rentang cetak", "Cetak semua",
            "Salinan", "Jumlah salinan:", "Susun per rangkap", "Cetak", "Batal", "Opsi >>"} <= seen["texts"]
    assert not {"Printer", "Properties", "Print range", "Copies:", "Cancel", "Print"} & seen["texts"]


def test_qt_own_print_dialog_title_is_indonesian(qtbot, indonesian):
    dialog = QPrintDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Cetak"  # the preview sets it itself; Qt's own default too


def test_the_file_dialog_is_indonesian(qtbot, indonesian):
    dialog = save_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    shown = texts(dialog)
    assert {"Cari di:", "Nama berkas:", "Jenis berkas:", "Simpan", "Batal"} <= shown
    assert not {"Look in:", "File name:", "Files of type:", "Save", "Cancel"} & shown
    back = dialog.findChild(QToolButton, "backButton")
    assert back.toolTip() == "Kembali"
    header = dialog.findChild(QWidget, "treeView").model()
    assert [header.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == [
        "Nama", "Ukuran", "Jenis", "Tanggal Diubah"]


def test_simpan_pdf_opens_an_indonesian_file_dialog(qtbot, indonesian, preview):
    seen: list[set[str]] = []
    shown = while_modal(QFileDialog, lambda dialog: seen.append(texts(dialog)))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert shown and {"Nama berkas:", "Simpan", "Batal"} <= seen[0]


def test_the_text_field_menus_are_indonesian(qtbot, indonesian):
    line = QLineEdit("Maria Ndun")
    qtbot.addWidget(line)
    assert context_menu(qtbot, line) == ["Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus",
                                         "Pilih Semua"]
    note = QTextEdit("Catatan")
    qtbot.addWidget(note)
    assert {"Salin", "Tempel", "Pilih Semua"} <= set(context_menu(qtbot, note.viewport()))


def test_standard_buttons_are_indonesian(qtbot, indonesian):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert sorted(plain(b.text()) for b in box.buttons()) == ["Batal", "OK", "Simpan", "Tutup"]
    seen: list[set[str]] = []
    shown = while_modal(QMessageBox, lambda dialog: seen.append(texts(dialog)))
    QMessageBox.question(None, "Pulihkan data", "Pulihkan?")
    assert shown and {"Ya", "Tidak"} <= seen[0]


def test_the_calendar_of_a_date_field_is_indonesian(qtbot, indonesian):
    field = DateField(QDate(2026, 3, 2))
    field.setCalendarPopup(True)
    qtbot.addWidget(field)
    calendar = field.calendarWidget()
    month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert month.text() == "Maret"
    days = calendar.findChild(QTableView).model()
    header = [days.data(days.index(0, column)) for column in range(days.columnCount())]
    assert header == ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"]  # the week starts on Minggu (id_ID)


# --- English keeps Qt's own texts -------------------------------------------------------------
def test_english_keeps_qt_english(qtbot, english):
    dialog = save_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert {"Look in:", "File name:", "Save", "Cancel"} <= texts(dialog)
    line = QLineEdit("Maria Ndun")
    qtbot.addWidget(line)
    assert {"Copy", "Paste", "Select All"} <= set(context_menu(qtbot, line))
    printing = QPrintDialog()
    qtbot.addWidget(printing)
    assert printing.windowTitle() == "Print"
    assert QLocale().name() != "id_ID"


# --- the translation file --------------------------------------------------------------------
def messages() -> list[tuple[str, str, str]]:
    root = ET.parse(TS).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.findtext("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def test_every_translation_keeps_placeholders_and_one_access_key():
    for context, source, translation in messages():
        where = f"{context}: {source!r} -> {translation!r}"
        assert translation, where
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), where
        assert source.count("&") == translation.count("&"), where
        assert source.endswith((">>", "<<")) == translation.endswith((">>", "<<")), where


def test_no_two_actions_of_a_menu_share_an_access_key():
    table = {(context, source): translation for context, source, translation in messages()}
    menus = {"QLineEdit": ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste"],
             "QPlatformTheme": ["&Yes", "&No", "Yes to &All", "N&o to All"]}
    for context, sources in menus.items():
        keys = [re.search(r"&(\w)", table[context, s]).group(1).lower() for s in sources]
        assert len(set(keys)) == len(keys), (context, keys)


def test_the_committed_qm_is_built_from_the_ts(tmp_path):
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    built = tmp_path / "qtbase_id.qm"
    subprocess.run([tool, str(TS), "-qm", str(built)], check=True, capture_output=True, timeout=120)
    assert built.read_bytes() == QM.read_bytes(), "run build_scripts/update_translations.sh"

