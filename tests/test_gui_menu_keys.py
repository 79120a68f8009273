"""The menu bar by the keyboard: F10 opens Berkas, Right moves to Bantuan (the menus carry no
Alt letter: each letter of "Berkas" and "Bantuan" is an Alt key of some page already)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sopdesk.gui.context import GuiContext
from sopdesk.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, ws, admin):  # noqa: ANN001, ANN201
    window = MainWindow(GuiContext(ws, admin))
    qtbot.addWidget(window)
    window.backup_on_exit = False
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    return window


def key(window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    QTest.keyClick(window.windowHandle(), key, modifier)


@pytest.mark.parametrize("page", ["inbox", "helpdesk", "letters", "settings"])
def test_f10_opens_the_berkas_menu_on_every_page_and_right_reaches_bantuan(qtbot, window, page):
    window.page(page)
    window.focus_page()
    key(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)
    assert [action.text() for action in window.file_menu.actions() if action.text()] == [
        "&Keluar/ganti pengguna", "&Tutup sopdesk"]
    QTest.keyClick(window.file_menu, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None
                    and QApplication.activePopupWidget() is not window.file_menu)
    assert QApplication.activePopupWidget().title() == "Bantuan"
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_the_menu_titles_take_no_alt_key_of_the_pages(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["Berkas", "Bantuan"]  # no "&": Alt+B stays the buku tamu's, Alt+R Rincian's
