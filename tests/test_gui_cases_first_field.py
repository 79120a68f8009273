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


def test_ctrl_page_down_walks_the_tabs_of_a_case_record(qtbot, ws, staff):
    from helpers.active import shown_active

    from sopdesk.engine import cases
    from sopdesk.gui.cases_page import CaseView
    from sopdesk.gui.context import GuiContext

    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    view = shown_active(qtbot, CaseView(GuiContext(ws, staff["Sekretaris"]), number))
    assert view.tabs.count() > 1 and view.tabs.currentIndex() == 0
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == 0
