"""Surat & Ekspedisi: Ctrl+PgDown / Ctrl+PgUp switch the register tabs as Ctrl+Tab does (in a
browser or a spreadsheet they do; on Xvfb they did nothing on this page), from the search box
and from the list alike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sopdesk.engine import letters
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import LettersPage
from sopdesk.gui.worker import Worker

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot, ws, staff):
    letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="DKPP RI", subject="Pengaduan"))
    worker = Worker()
    page = LettersPage(GuiContext(ws, staff["Ketua"]), worker)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    yield page
    worker.stop()


def test_ctrl_page_down_and_up_walk_the_register_tabs(qtbot, page):
    page.incoming_search.setFocus()
    qtbot.waitUntil(page.incoming_search.hasFocus)
    qtbot.keyClick(page.incoming_search, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.currentIndex() == 1 and page.outgoing_search.hasFocus()
    qtbot.keyClick(page.outgoing_search, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.currentIndex() == 2
    qtbot.keyClick(page.expedition_search, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.currentIndex() == 0  # round, as Ctrl+Tab goes
    qtbot.keyClick(page.incoming_search, Qt.Key.Key_PageUp, CTRL)
    assert page.tabs.currentIndex() == 2


def test_ctrl_page_down_in_a_list_keeps_its_line(qtbot, page):
    page.incoming_table.selectRow(0)
    page.incoming_table.setFocus()
    qtbot.waitUntil(page.incoming_table.hasFocus)
    kept = page.selected_letter()
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.currentIndex() == 1
    page.tabs.setCurrentIndex(0)
    assert page.selected_letter() == kept
