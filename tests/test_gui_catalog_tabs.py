"""Katalog SOP's tabs (Identitas / Diagram alir of an SOP) turn with Ctrl+PgDown and Ctrl+PgUp,
as the letter registers' and a case record's do (Ctrl+Tab alone turned them before)."""

from __future__ import annotations

from helpers.active import shown_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_ctrl_page_down_turns_the_tabs_of_an_sop(qtbot, ws, admin):
    from sopdesk.gui.catalog_page import CatalogPage
    from sopdesk.gui.context import GuiContext

    page = shown_active(qtbot, CatalogPage(GuiContext(ws, admin)))
    assert page.select("PP")
    tabs = page.sop_tabs
    assert tabs.count() > 1
    tabs.setCurrentIndex(0)
    tabs.currentWidget().setFocus()
    qtbot.keyClick(QApplication.focusWidget() or tabs, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget() or tabs, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
