"""Ctrl+1 and Ctrl+4 put the keyboard in the screen's first field also when that screen is already
shown: as the Kasubag in Kotak Masuk, with the keyboard on the status filter, Ctrl+1 left it
there, Down changed the filter and Enter opened nothing (Xvfb, /tmp/h4/s/72_return_combo.png)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_gui_desk_changes import window_of
from test_gui_inbox import waiting_at_kasubag


def test_ctrl_number_on_the_screen_already_shown(qtbot, ws, staff, clock):
    waiting_at_kasubag(ws, staff, 2, clock)
    window = window_of(qtbot, ws, staff["Kasubag"])
    with qtbot.waitActive(window):
        window.activateWindow()
    inbox = window.page("inbox")
    inbox.claimed.setFocus()
    qtbot.waitUntil(inbox.claimed.hasFocus)
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(inbox.table.hasFocus)
    assert inbox.table.selectionModel().hasSelection()

    window.go_to(window.PAGES.index("letters"))
    letters = window.page("letters")
    letters.incoming_year.setFocus()
    qtbot.waitUntil(letters.incoming_year.hasFocus)
    window.go_to(window.PAGES.index("letters"))  # what Ctrl+4 calls
    qtbot.waitUntil(letters.incoming_search.hasFocus)
