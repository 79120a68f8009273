"""Kasus has a first field like the other screens: Ctrl+3, or a click on Kasus in the
navigation, puts the keyboard in its search box (it stayed on the navigation, where typing a
case number did nothing), and typing still never jumps to another screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_gui_helpdesk import desk_window as shown_window  # the main window, shown and active


def test_ctrl_3_puts_the_keyboard_in_the_case_search_with_its_text_chosen(qtbot, ws, staff):
    window = shown_window(qtbot, ws, staff["Help Desk"])
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.page("cases")
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, "PP/2026")
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # again, already on Kasus
    assert QApplication.focusWidget() is page.search and page.search.selectedText() == "PP/2026"


def test_typing_after_a_click_on_kasus_searches_and_stays_on_kasus(qtbot, ws, staff):
    window = shown_window(qtbot, ws, staff["Help Desk"])
    rect = window.nav.visualItemRect(window.nav.item(2))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.page("cases")
    qtbot.keyClicks(QApplication.focusWidget() or window.nav, "KPMS")
    assert window.nav.currentRow() == 2 and page.search.text() == "KPMS"
